// Browser storage as the planner needs to know it: every storage problem (quota, blocked upgrade,
// another tab's change, unreadable records …) until dismissed or resolved, with a reload button
// where reloading is the way out; and, in session-only mode, a banner that stays.

import { useStore } from '@nanostores/preact';
import { isMessageKey } from '../i18n/catalogue';
import { $storageProblems, $storageStatus, dismissStorageProblem } from '../stores/facilityActions';
import { useTranslate } from './useTranslate';

/** Problems that only a reload resolves. */
const RELOAD_CODES = new Set(['storage.conflict', 'storage.versionChange']);

export function ReloadButton() {
  const t = useTranslate();
  return (
    <button type="button" class="storage-reload" onClick={() => window.location.reload()}>
      {t('storage.reload')}
    </button>
  );
}

export function StorageProblem() {
  const t = useTranslate();
  const problems = useStore($storageProblems);
  const status = useStore($storageStatus);
  if (problems.length === 0 && status !== 'sessionOnly') return null;
  return (
    <>
      {status === 'sessionOnly' && (
        <p class="data-problems storage-session-only" role="status" data-testid="storage-session-only">
          <strong>{t('storage.sessionOnly')}</strong>
        </p>
      )}
      {problems.length > 0 && (
        <section class="data-problems" role="alert" data-testid="storage-problem">
          <ul>
            {problems.map((problem, index) => (
              <li key={`${problem.code}-${index}`} data-code={problem.code}>
                <strong>{isMessageKey(problem.code) ? t(problem.code, problem.params) : t('storage.failed', problem.params)}</strong>{' '}
                {RELOAD_CODES.has(problem.code) && <ReloadButton />}{' '}
                <button type="button" aria-label={t('storage.dismiss')} onClick={() => dismissStorageProblem(problem)}>
                  {t('app.close')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
