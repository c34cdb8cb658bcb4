// The register of every source the app shows figures from, in a modal dialog.

import { useStore } from '@nanostores/preact';
import { useEffect, useRef } from 'preact/hooks';
import { $allSources } from '../stores/appData';
import { SourceDetails } from './SourceReference';
import { useTranslate } from './useTranslate';

export function SourcesDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslate();
  const sources = useStore($allSources);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
    if (!open && dialog.current?.open) dialog.current.close();
  }, [open]);
  return (
    <dialog ref={dialog} class="sources-dialog" aria-labelledby="sources-dialog-title" onClose={onClose}>
      <div class="dialog-header">
        <h2 id="sources-dialog-title">{t('sources.dialogTitle')}</h2>
        <button type="button" onClick={onClose}>
          {t('app.close')}
        </button>
      </div>
      <p>{t('sources.intro')}</p>
      <ul class="sources-list">
        {sources.map((source) => (
          <li key={source.id}>
            <h3>{source.title}</h3>
            <SourceDetails id={source.id} />
          </li>
        ))}
      </ul>
    </dialog>
  );
}
