// A <dialog> shown as a modal while a flag is set and closed when it clears; one owner for the rule that
// the app's dialogs follow (their open state lives in a store or a parent, not in the element).

import { useEffect, useRef } from 'preact/hooks';
import type { RefObject } from 'preact';

export interface ModalDialogHandlers {
  /** Runs just before it opens, while focus is still where the planner opened it from. */
  beforeOpen?: () => void;
  /** Runs each time it has opened (focus a default button, reset a form). */
  onOpen?: () => void;
  /** Runs each time the flag clears, also when the dialog closed itself first (Esc): return focus to the opener. */
  onClose?: () => void;
}

/** The ref to put on the <dialog>. */
export function useModalDialog(open: boolean, handlers: ModalDialogHandlers = {}): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      handlers.beforeOpen?.();
      element.showModal();
      handlers.onOpen?.();
    }
    if (!open && element.open) element.close();
    if (!open && wasOpen.current) handlers.onClose?.();
    wasOpen.current = open;
  }, [open]);
  return dialog;
}
