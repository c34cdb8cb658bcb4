// Shows a failed save or an unavailable browser database; never swallowed, dismissable.

import { useStore } from '@nanostores/preact';
import { isMessageKey } from '../i18n/catalogue';
import { $storageError, dismissStorageError } from '../stores/facilityActions';
import { useTranslate } from './useTranslate';

export function StorageProblem() {
  const t = useTranslate();
  const error = useStore($storageError);
  if (!error) return null;
  return (
    <section class="data-problems" role="alert" data-testid="storage-problem">
      <p>
        <strong>{isMessageKey(error.code) ? t(error.code, error.params) : t('storage.failed', error.params)}</strong>{' '}
        <button type="button" onClick={dismissStorageError}>
          {t('app.close')}
        </button>
      </p>
    </section>
  );
}
