// Asks before a site or key project moves into another municipality; "Laten staan" is the default.

import { useStore } from '@nanostores/preact';
import { useRef } from 'preact/hooks';
import { $municipalitiesByCode } from '../stores/appData';
import { $pendingBorderMove, cancelBorderMove, confirmBorderMove } from '../stores/scenarioEditing';
import { useTranslate } from './useTranslate';
import { useModalDialog } from './useModalDialog';

export function BorderMoveDialog() {
  const t = useTranslate();
  const pending = useStore($pendingBorderMove);
  const municipalities = useStore($municipalitiesByCode);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const dialog = useModalDialog(pending !== null, { onOpen: () => cancelButton.current?.focus() });
  const name = (code: string) => municipalities.get(code)?.name ?? code;
  return (
    <dialog ref={dialog} class="border-move-dialog" aria-labelledby="border-move-title" aria-describedby="border-move-text" onClose={cancelBorderMove} data-testid="border-move-dialog">
      {pending && (
        <>
          <h2 id="border-move-title">{t('siteMove.confirmTitle')}</h2>
          <p id="border-move-text">
            {t(pending.item.kind === 'site' ? 'siteMove.confirmText' : 'siteMove.confirmTextKeyProject', { name: pending.name, from: name(pending.fromCode), to: name(pending.toCode) })}
          </p>
          <div class="button-row">
            <button type="button" ref={cancelButton} onClick={cancelBorderMove}>
              {t('siteMove.cancel')}
            </button>
            <button type="button" onClick={confirmBorderMove}>
              {t('siteMove.confirm', { to: name(pending.toCode) })}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
