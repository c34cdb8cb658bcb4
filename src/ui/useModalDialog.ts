// A <dialog> shown as a modal while a flag is set and closed when it clears; one owner for the rule that
// the app's dialogs follow (their open state lives in a store or a parent, not in the element).

import { useEffect, useRef } from 'preact/hooks';
import type { RefObject } from 'preact';

/** The ref to put on the <dialog>; `onOpen` runs each time it opens (focus a default button, reset a form). */
export function useModalDialog(open: boolean, onOpen?: () => void): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      onOpen?.();
    }
    if (!open && element.open) element.close();
  }, [open]);
  return dialog;
}
