// Lists datasets that failed validation, naming file, record and reason; the rest of the app stays usable.

import { useStore } from '@nanostores/preact';
import { $dataIssues } from '../stores/appData';
import { issueText } from './issueText';
import { useTranslate } from './useTranslate';

export function DataProblems() {
  const t = useTranslate();
  const issues = useStore($dataIssues);
  if (issues.length === 0) return null;
  return (
    <section class="data-problems" role="alert" aria-labelledby="data-problems-title">
      <h2 id="data-problems-title">{t('app.dataProblemsTitle')}</h2>
      <p>{t('app.dataProblemsIntro')}</p>
      <ul>
        {issues.slice(0, 20).map((issue, index) => (
          <li key={index}>
            <code>{issue.file}</code>
            {issue.record !== undefined ? `, ${t('data.recordLabel', { record: issue.record })}` : ''}: {issueText(issue, t)}
          </li>
        ))}
      </ul>
      {issues.length > 20 && <p>… +{issues.length - 20}</p>}
    </section>
  );
}
