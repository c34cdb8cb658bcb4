// "Voorzieningen ophalen uit OpenStreetMap": choose the province or a municipality, follow progress, cancel, retry.

import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import type { DataIssue } from '../domain/dataIssue';
import { issueText } from './issueText';
import { downloadDateText, DownloadFailed, ReplaceQuestion, useElapsedSeconds } from './DownloadParts';
import { $appData } from '../stores/appData';
import { $language } from '../stores/language';
import { $osmFetch, cancelOsmFetch, fetchOsmFacilities, keepPreviousOsmDownload, replaceWithNewOsmDownload, type OsmAreaChoice, type OsmFetchState } from '../stores/osmFetch';
import { useFormatNumber, useTranslate } from './useTranslate';

/** Skipped elements listed one by one; the rest are counted, so a huge bad answer cannot freeze the panel. */
const MAXIMUM_SKIPPED_LISTED = 200;

/** "4 voorzieningen opgehaald …; 2 objecten overgeslagen; 1 ander object genegeerd", each with the right plural. */
function OsmCounts({ count, ignoredCount, skipped, area }: { count: number; ignoredCount: number; skipped: readonly DataIssue[]; area: string }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  return (
    <>
      {t(count === 1 ? 'osmFetch.fetched.one' : 'osmFetch.fetched.other', { count: formatNumber(count), area })}{' '}
      {skipped.length > 0 && `${t(skipped.length === 1 ? 'osmFetch.skipped.one' : 'osmFetch.skipped.other', { count: formatNumber(skipped.length) })} `}
      {t(ignoredCount === 1 ? 'osmFetch.ignored.one' : 'osmFetch.ignored.other', { count: formatNumber(ignoredCount) })}
    </>
  );
}

/** Every element that was left out, with its reason. */
function SkippedList({ skipped }: { skipped: readonly DataIssue[] }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  if (skipped.length === 0) return null;
  const shown = skipped.slice(0, MAXIMUM_SKIPPED_LISTED);
  return (
    <details class="osm-skipped" data-testid="osm-skipped">
      <summary>{t('osmFetch.skippedTitle', { count: formatNumber(skipped.length) })}</summary>
      {shown.length < skipped.length && <p>{t('osmFetch.skippedTruncated', { shown: formatNumber(shown.length), total: formatNumber(skipped.length) })}</p>}
      <ul>
        {shown.map((issue, index) => (
          <li key={`${String(issue.record)}-${index}`} data-code={issue.code}>
            <span class="osm-skipped-id">{String(issue.record ?? '')}</span>: {issueText(issue, t)}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Asks before a much smaller (or empty) answer replaces what is there; keeping is the default and has focus. */
function OsmReplaceQuestion({ state }: { state: Extract<OsmFetchState, { status: 'confirmReplace' }> }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const language = useStore($language);
  const hasPrevious = state.previousCount !== null && state.previousCount > 0;
  const params = {
    area: state.areaLabel,
    previous: formatNumber(state.previousCount ?? 0),
    date: downloadDateText(state.previousRetrievedAt, language),
    count: formatNumber(state.newCount),
  };
  return (
    <ReplaceQuestion
      name="osm"
      title={t(hasPrevious ? 'osmFetch.confirmTitle' : 'osmFetch.confirmEmptyTitle')}
      text={t(hasPrevious ? (state.newCount === 1 ? 'osmFetch.confirmText.one' : 'osmFetch.confirmText.other') : 'osmFetch.confirmEmptyText', params)}
      keepLabel={t(hasPrevious ? 'osmFetch.keepPrevious' : 'osmFetch.discardEmpty', params)}
      replaceLabel={t(hasPrevious ? (state.newCount === 1 ? 'osmFetch.replaceAnyway.one' : 'osmFetch.replaceAnyway.other') : 'osmFetch.saveEmptyAnyway', params)}
      onKeep={keepPreviousOsmDownload}
      onReplace={() => void replaceWithNewOsmDownload()}
    >
      <SkippedList skipped={state.skipped} />
    </ReplaceQuestion>
  );
}

export function OsmFetchPanel() {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const municipalities = useStore($appData).municipalities ?? [];
  const state = useStore($osmFetch);
  const [choice, setChoice] = useState<OsmAreaChoice>('province');
  const elapsed = useElapsedSeconds(state.status === 'fetching' ? state.startedAt : null);
  const sorted = [...municipalities].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return (
    <section class="osm-fetch" aria-labelledby="osm-fetch-title">
      <h3 id="osm-fetch-title">{t('osmFetch.title')}</h3>
      <p class="note">{t('osmFetch.intro')}</p>
      <label for="osm-area">{t('osmFetch.area')}</label>
      <select id="osm-area" value={choice} onChange={(event) => setChoice(event.currentTarget.value)} disabled={state.status === 'fetching'}>
        <option value="province">{t('osmFetch.province')}</option>
        {sorted.map((municipality) => (
          <option key={municipality.code} value={municipality.code}>
            {municipality.name}
          </option>
        ))}
      </select>
      <div class="button-row">
        <button type="button" onClick={() => void fetchOsmFacilities(choice)} disabled={state.status === 'fetching' || state.status === 'confirmReplace'}>
          {t('osmFetch.button')}
        </button>
        {state.status === 'fetching' && (
          <button type="button" onClick={cancelOsmFetch}>
            {t('osmFetch.cancel')}
          </button>
        )}
      </div>
      <div role="status" class="osm-status">
        {state.status === 'fetching' && (
          <>
            <progress aria-label={t('osmFetch.progressLabel')} />
            <span>{t('osmFetch.fetching', { area: state.areaLabel, seconds: elapsed })}</span>
          </>
        )}
        {state.status === 'done' && (
          <p data-testid="osm-done">
            <OsmCounts count={state.count} ignoredCount={state.ignoredCount} skipped={state.skipped} area={state.areaLabel} />
          </p>
        )}
        {state.status === 'kept' && (
          <p data-testid="osm-kept">
            {state.previousCount !== null && state.previousCount > 0
              ? t('osmFetch.kept', { area: state.areaLabel, previous: formatNumber(state.previousCount), count: formatNumber(state.newCount) })
              : t('osmFetch.emptyDiscarded', { area: state.areaLabel })}
          </p>
        )}
      </div>
      {state.status === 'confirmReplace' && <OsmReplaceQuestion state={state} />}
      {(state.status === 'done' || state.status === 'kept') && <SkippedList skipped={state.skipped} />}
      {state.status === 'failed' && <DownloadFailed name="osm" issue={state.issue} unchanged={t('osmFetch.unchanged')} onRetry={() => void fetchOsmFacilities(choice)} />}
      <p class="note">{t('osmFetch.attributionNote')}</p>
    </section>
  );
}
