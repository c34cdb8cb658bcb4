// While a save runs, closing or reloading the tab first asks the browser's own "leave this site?"
// question. Each save is one IndexedDB transaction: if the tab goes before it commits, the browser
// throws the whole save away and the data stays as it was before the save (never half of it), so
// the question is the planner's chance to stay until it is stored. Like the trusted apps
// (RELIABILITY.md §1), the listener is there only while something is unsaved, so a tab that has
// nothing to lose closes (and enters the back/forward cache) without it.

import type { ReadableAtom } from 'nanostores';

function askBeforeLeaving(event: BeforeUnloadEvent): void {
  event.preventDefault();
  // Older Chromium and Safari show the question only when returnValue is set; its text is the browser's own.
  event.returnValue = '';
}

/** Keeps a `beforeunload` question in place whenever `pending` is above 0; returns a function that stops it. */
export function guardUnloadWhilePending(pending: ReadableAtom<number>, target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
  let guarded = false;
  const stop = pending.subscribe((count) => {
    if (count > 0 && !guarded) target.addEventListener('beforeunload', askBeforeLeaving);
    if (count <= 0 && guarded) target.removeEventListener('beforeunload', askBeforeLeaving);
    guarded = count > 0;
  });
  return () => {
    stop();
    if (guarded) target.removeEventListener('beforeunload', askBeforeLeaving);
    guarded = false;
  };
}
