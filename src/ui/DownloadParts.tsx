// Parts shared by the OpenStreetMap downloads (facilities, walking routes): the download's date in
// words, the seconds counters, the question before a far smaller answer replaces a saved one (keeping
// is the default, has focus and is what Esc does), and the failure with its retry button.

import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DataIssue } from '../domain/dataIssue';
import { issueText } from './issueText';
import { useTranslate } from './useTranslate';

/** A download's date as a planner reads it ("24 februari 2026"); the text itself when it is no date. */
export function downloadDateText(iso: string | null, language: string): string {
  if (iso === null) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(language === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** The current time, updated every second while `active` (a counter that has nothing to count stands still). */
function useNowEverySecond(active: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** Whole seconds since `startedAt` (0 when null), updated every second. */
export function useElapsedSeconds(startedAt: number | null): number {
  const now = useNowEverySecond(startedAt !== null);
  return startedAt === null ? 0 : Math.max(0, Math.round((now - startedAt) / 1000));
}

/** Whole seconds until `until` (0 when null), updated every second. */
export function useSecondsUntil(until: number | null): number {
  const now = useNowEverySecond(until !== null);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

/** The question before a far smaller (or empty) answer replaces what is saved. */
export function ReplaceQuestion(props: {
  /** Prefix of the element ids and test ids, e.g. 'osm' or 'walk'. */
  name: string;
  title: string;
  text: string;
  keepLabel: string;
  replaceLabel: string;
  onKeep: () => void;
  onReplace: () => void;
  children?: ComponentChildren;
}) {
  const keepButton = useRef<HTMLButtonElement>(null);
  useEffect(() => keepButton.current?.focus(), []);
  const { name } = props;
  return (
    <div
      class="warning osm-confirm"
      role="alertdialog"
      aria-labelledby={`${name}-confirm-title`}
      aria-describedby={`${name}-confirm-text`}
      data-testid={`${name}-confirm-replace`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          props.onKeep();
        }
      }}
    >
      <p id={`${name}-confirm-title`} class="osm-confirm-title">
        {props.title}
      </p>
      <p id={`${name}-confirm-text`}>{props.text}</p>
      {props.children}
      <div class="button-row">
        <button type="button" class="primary-button" ref={keepButton} onClick={props.onKeep} data-testid={`${name}-keep`}>
          {props.keepLabel}
        </button>
        <button type="button" onClick={props.onReplace} data-testid={`${name}-replace`}>
          {props.replaceLabel}
        </button>
      </div>
    </div>
  );
}

/** A failed download: the reason, that nothing changed, and a retry button. */
export function DownloadFailed({ name, issue, unchanged, onRetry }: { name: string; issue: DataIssue; unchanged: string; onRetry: () => void }) {
  const t = useTranslate();
  return (
    <div role="alert" class="warning" data-testid={`${name}-failed`}>
      <p>
        {issueText(issue, t)} {unchanged}
      </p>
      <button type="button" onClick={onRetry}>
        {t('osmFetch.retry')}
      </button>
    </div>
  );
}
