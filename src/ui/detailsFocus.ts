// Keyboard focus between a list and the details panel: opening an item from a list moves focus to
// the panel's heading; Escape inside the panel returns it to the list item that opened it.

let opener: HTMLElement | null = null;

/** Call after selecting something from a list or search box; the panel renders, then gets focus. */
export function focusDetailsFrom(element: EventTarget | null): void {
  opener = element instanceof HTMLElement ? element : null;
  const from = opener;
  // Preact renders the new panel in a microtask; a task later its heading exists. Focus that has
  // moved on in the meantime (a click, a script) is left where it is.
  setTimeout(() => {
    const active = document.activeElement;
    if (active !== from && active !== document.body && active !== null) return;
    const heading = document.querySelector<HTMLElement>('#details h2');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }, 0);
}

/** Escape anywhere in the details panel: back to where the planner came from. */
export function returnFocusFromDetails(event: KeyboardEvent): void {
  if (event.key !== 'Escape' || event.defaultPrevented || !opener?.isConnected) return;
  opener.focus();
  event.preventDefault();
}

/** The skip links' targets. */
export function focusMap(): void {
  document.querySelector<HTMLElement>('#map canvas')?.focus();
}

export function focusKeyProjectList(): void {
  const first = document.querySelector<HTMLElement>('#key-project-list button') ?? document.getElementById('key-project-search');
  first?.focus();
}
