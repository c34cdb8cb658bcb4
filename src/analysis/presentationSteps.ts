// Stepping through a presentation's views with the keyboard or a presenter's clicker (which sends
// PageDown/PageUp or the arrow keys). Pure: key → action, action → the next view's index.

export type StepAction = 'next' | 'previous' | 'first' | 'last' | 'leave';

/**
 * The action of a key. `inFormControl`: focus is in a slider or field, whose own arrow keys stay
 * theirs; PageUp/PageDown (the clicker) and Escape work everywhere.
 */
export function stepAction(key: string, inFormControl: boolean): StepAction | null {
  switch (key) {
    case 'PageDown':
      return 'next';
    case 'PageUp':
      return 'previous';
    case 'Escape':
      return 'leave';
    case 'ArrowRight':
    case 'ArrowDown':
      return inFormControl ? null : 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
      return inFormControl ? null : 'previous';
    case 'Home':
      return inFormControl ? null : 'first';
    case 'End':
      return inFormControl ? null : 'last';
    default:
      return null;
  }
}

/** The index after a step, kept within 0 … count − 1 (no wrap-around: the last view stays on screen). */
export function stepIndex(index: number, count: number, action: Exclude<StepAction, 'leave'>): number {
  if (count <= 0) return 0;
  const last = count - 1;
  switch (action) {
    case 'next':
      return Math.min(index + 1, last);
    case 'previous':
      return Math.max(index - 1, 0);
    case 'first':
      return 0;
    case 'last':
      return last;
  }
}
