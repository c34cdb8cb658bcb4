// Arrow-key navigation between the buttons of a list (Tab works too; arrows are quicker in long lists).

export function moveFocusInList(event: KeyboardEvent, listId: string, forceDirection?: 1 | -1): void {
  const direction = forceDirection ?? (event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0);
  if (direction === 0) return;
  const buttons = [...(document.getElementById(listId)?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  if (buttons.length === 0) return;
  const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = current === -1 ? 0 : Math.min(Math.max(current + direction, 0), buttons.length - 1);
  buttons[next]!.focus();
  event.preventDefault();
}
