// Scenario storage as the planner sees it: whether drafts are kept (saved, waiting, failed; kept for
// good or clearable by the browser), exporting a draft or all drafts to a file (always possible, even
// without storage), importing a file with a preview first, and keeping one's own version as a copy
// after another tab changed a draft. The scenario list itself is ScenarioPanel's.

import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DraftScenario } from '../domain/scenario';
import { isMessageKey, type MessageKey } from '../i18n/catalogue';
import { $language } from '../stores/language';
import { $scenarioImport, cancelScenarioImport, checkScenarioFileSize, confirmScenarioImport, exportScenarioFile, exportScenarioSites, previewScenarioFile, type ExportedFile } from '../stores/scenarioFiles';
import { $scenarios } from '../stores/scenarios';
import { $scenarioConflicts, $scenarioSaveStatus, $storagePersistence, keepConflictedAsCopy } from '../stores/scenarioStorage';
import { useTranslate } from './useTranslate';
import { downloadFile } from './downloadFile';

function download(file: ExportedFile): void {
  downloadFile(new Blob([file.text], { type: `${file.mimeType};charset=utf-8` }), file.fileName);
}

function useFormatDateTime(): (iso: string) => string {
  const language = useStore($language);
  return (iso) => new Date(iso).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** One line: how drafts are saved now, and whether the browser keeps them for good. */
export function ScenarioStorageStatus() {
  const t = useTranslate();
  const save = useStore($scenarioSaveStatus);
  const persistence = useStore($storagePersistence);
  const saveKey: MessageKey | null = save === 'idle' ? null : `scenarioStorage.${save}`;
  const keptKey: MessageKey | null = save === 'sessionOnly' || persistence === 'unknown' ? null : `scenarioStorage.${persistence}`;
  if (saveKey === null && keptKey === null) return null;
  return (
    <p class="scenario-storage-status" role="status" data-testid="scenario-storage-status" data-save={save} data-persistence={persistence}>
      {saveKey && <span>{t(saveKey)}</span>} {keptKey && <span>{t(keptKey)}</span>}
    </p>
  );
}

/** Export buttons for one draft, with when it was last exported. */
export function ScenarioExportButtons({ scenario }: { scenario: DraftScenario }) {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  return (
    <span class="scenario-export">
      <button type="button" aria-label={t('scenarioFiles.exportLabel', { name: scenario.name })} onClick={() => {
        const file = exportScenarioFile([scenario.id]);
        if (file) download(file);
      }}>
        {t('scenarioFiles.export')}
      </button>{' '}
      <button type="button" aria-label={t('scenarioFiles.exportSitesLabel', { name: scenario.name })} onClick={() => {
        const file = exportScenarioSites(scenario.id);
        if (file) download(file);
      }}>
        {t('scenarioFiles.exportSites')}
      </button>{' '}
      <span class="scenario-last-exported" data-testid="scenario-last-exported">
        {scenario.lastExportedAt ? t('scenarioFiles.lastExported', { date: formatDateTime(scenario.lastExportedAt) }) : t('scenarioFiles.neverExported')}
      </span>
    </span>
  );
}

function ImportPreview() {
  const t = useTranslate();
  const state = useStore($scenarioImport);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.status === 'preview') heading.current?.focus();
  }, [state.status]);
  if (state.status === 'error') {
    const { issue } = state;
    return (
      <div class="scenario-import-error" role="alert" data-testid="scenario-import-error" data-code={issue.code}>
        <p>{isMessageKey(issue.code) ? t(issue.code, issue.params) : t('storage.failed', issue.params)}</p>
        <button type="button" onClick={cancelScenarioImport}>
          {t('app.close')}
        </button>
      </div>
    );
  }
  if (state.status === 'done') {
    return (
      <p role="status" data-testid="scenario-import-done">
        {t('scenarioFiles.imported', { count: state.added.length })}
      </p>
    );
  }
  if (state.status !== 'preview') return null;
  return (
    <div class="scenario-import-preview" data-testid="scenario-import-preview">
      <h4 ref={heading} tabIndex={-1}>
        {t('scenarioFiles.previewTitle', { file: state.fileName })}
      </h4>
      <ul>
        {state.entries.map(({ scenario, asCopy, repairs }, index) => {
          const sites = scenario.edits.slice(0, scenario.appliedCount).reduce((count, edit) => count + (edit.kind === 'addSite' ? 1 : edit.kind === 'removeSite' ? -1 : 0), 0);
          return (
            <li key={`${scenario.id}-${index}`}>
              {t('scenarioFiles.previewItem', { name: scenario.name, edits: scenario.appliedCount, sites })}
              {asCopy && <> — {t('scenarioFiles.previewCopy', { name: t('scenarioFiles.copyName', { name: scenario.name }) })}</>}
              {repairs.length > 0 && <> — {t('scenarioFiles.previewRepaired', { reason: repairs.join('; ') })}</>}
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => confirmScenarioImport((name) => t('scenarioFiles.copyName', { name }))}>
        {t('scenarioFiles.confirm')}
      </button>{' '}
      <button type="button" onClick={cancelScenarioImport}>
        {t('scenarioFiles.cancel')}
      </button>
    </div>
  );
}

/** Drafts another tab changed while this tab had its own changes: keep this tab's version as a copy. */
function ConflictActions() {
  const t = useTranslate();
  const conflicts = useStore($scenarioConflicts);
  const scenarios = useStore($scenarios);
  const conflicted = scenarios.filter((scenario) => conflicts.has(scenario.id));
  if (conflicted.length === 0) return null;
  return (
    <ul class="scenario-conflicts" data-testid="scenario-conflicts">
      {conflicted.map((scenario) => (
        <li key={scenario.id}>
          <strong>{scenario.name}</strong>{' '}
          <button type="button" onClick={() => void keepConflictedAsCopy(scenario.id, t('scenarioStorage.copyName', { name: scenario.name }))}>
            {t('scenarioStorage.keepCopy')}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Status line, conflicts, export of all drafts and import: for the scenario panel. */
export function ScenarioFilesSection() {
  const t = useTranslate();
  const scenarios = useStore($scenarios);
  const [inputKey, setInputKey] = useState(0);
  return (
    <div class="scenario-files" data-testid="scenario-files">
      <ScenarioStorageStatus />
      <ConflictActions />
      <div class="file-picker">
        <button type="button" disabled={scenarios.length === 0} onClick={() => {
          const file = exportScenarioFile();
          if (file) download(file);
        }}>
          {t('scenarioFiles.exportAll')}
        </button>
        <input
          key={inputKey}
          id="scenario-import-file"
          class="visually-hidden"
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            setInputKey((key) => key + 1);
            if (!file || !checkScenarioFileSize(file.name, file.size)) return;
            void file.text().then((text) => previewScenarioFile(file.name, text));
          }}
        />
        <label for="scenario-import-file" class="file-button">
          {t('scenarioFiles.import')}
        </label>
      </div>
      <ImportPreview />
    </div>
  );
}
