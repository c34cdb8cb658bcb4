// One labelled number field that is checked when it is committed (Enter or leaving it): a refused value
// stays in the field with the reason under it (aria-invalid, aria-describedby, role="alert"), and once
// the refusal is gone the field shows the value in force again. Used by the norm editor and the zone
// definition editor.

import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface NumberFieldProps {
  id: string;
  label: string;
  /** The value in force. */
  value: number;
  /** The refusal in words, or null when the field is fine. */
  error: string | null;
  /** A note under the field, read with it (aria-describedby). */
  hint?: ComponentChildren;
  /** data-testid of the message under a refused field. */
  errorTestId: string;
  class: string;
  onCommit(text: string): void;
  /** Shown after the field (e.g. a "policy choice" badge). */
  children?: ComponentChildren;
}

export function NumberField({ id, label, value, error, hint, errorTestId, class: className, onCommit, children }: NumberFieldProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const [text, setText] = useState(String(value));
  const hadError = useRef(false);
  useEffect(() => {
    if (hadError.current && error === null) setText(String(value));
    hadError.current = error !== null;
  }, [error, value]);
  const describedBy = [error !== null ? errorId : null, hint !== undefined ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={className}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={text}
        aria-invalid={error !== null ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(event) => setText(event.currentTarget.value)}
        onChange={(event) => onCommit(event.currentTarget.value)}
      />
      {children}
      {hint !== undefined && (
        <span id={hintId} class="note">
          {hint}
        </span>
      )}
      {error !== null && (
        <p id={errorId} class="field-error" role="alert" data-testid={errorTestId}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}
