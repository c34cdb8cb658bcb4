// "Nieuwe versie beschikbaar – herladen": a new version of the app is ready. The page reloads into it
// only when the planner presses the button (after pending saves are stored), never on its own.
// The live region is always in the page so screen readers announce the offer when it appears.

import { useStore } from '@nanostores/preact';
import { $appUpdate, acceptUpdate } from '../stores/appUpdate';
import { useTranslate } from './useTranslate';

export function AppUpdateOffer() {
  const t = useTranslate();
  const state = useStore($appUpdate);
  return (
    <div role="status" class="app-update-region" data-testid="app-update">
      {state !== 'none' && (
        <p class="app-update">
          <span>{t('appUpdate.available')}</span>{' '}
          <button type="button" disabled={state === 'applying'} onClick={() => void acceptUpdate()}>
            {state === 'applying' ? t('appUpdate.reloading') : t('appUpdate.reload')}
          </button>
        </p>
      )}
    </div>
  );
}
