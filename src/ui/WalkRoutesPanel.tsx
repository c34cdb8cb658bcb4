// "Looproutes ophalen": the street network for walking per municipality from OpenStreetMap, with
// progress, cancel, retry and the question before a far smaller answer replaces a saved one; the
// saved networks listed with their date, licence and detour, each deletable.

import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { issueText } from './issueText';
import { $appData } from '../stores/appData';
import { $language } from '../stores/language';
import {
  $walkFetch,
  $walkNetworks,
  cancelWalkFetch,
  deleteWalkNetwork,
  edgeCountOf,
  fetchWalkRoutes,
  keepSavedWalkNetwork,
  replaceWithNewWalkNetwork,
  type WalkFetchState,
} from '../stores/walkNetworks';
import { $walkDetours } from '../stores/walkDetour';
import { useFormatNumber, useTranslate } from './useTranslate';

function dateText(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(language === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
}

function useSecondsUntil(until: number | null): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

function useElapsedSeconds(startedAt: number | null): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (startedAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [startedAt]);
  return startedAt === null ? 0 : Math.max(0, Math.round((now - startedAt) / 1000));
}

/** Asks before a far smaller answer replaces a saved network; keeping is the default and has focus. */
function ReplaceQuestion({ state }: { state: Extract<WalkFetchState, { status: 'confirmReplace' }> }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const language = useStore($language);
  const keepButton = useRef<HTMLButtonElement>(null);
  useEffect(() => keepButton.current?.focus(), []);
  const params = { area: state.areaLabel, previous: formatNumber(state.previousEdges), count: formatNumber(state.newEdges), date: dateText(state.previousRetrievedAt, language) };
  return (
    <div
      class="warning osm-confirm"
      role="alertdialog"
      aria-labelledby="walk-confirm-title"
      aria-describedby="walk-confirm-text"
      data-testid="walk-confirm-replace"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          keepSavedWalkNetwork();
        }
      }}
    >
      <p id="walk-confirm-title" class="osm-confirm-title">
        {t('walk.confirmTitle')}
      </p>
      <p id="walk-confirm-text">{t('walk.confirmText', params)}</p>
      <div class="button-row">
        <button type="button" class="primary-button" ref={keepButton} onClick={keepSavedWalkNetwork} data-testid="walk-keep">
          {t('walk.keepSaved', params)}
        </button>
        <button type="button" onClick={() => void replaceWithNewWalkNetwork()} data-testid="walk-replace">
          {t('walk.replaceAnyway', params)}
        </button>
      </div>
    </div>
  );
}

export function WalkRoutesPanel() {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const language = useStore($language);
  const municipalities = useStore($appData).municipalities ?? [];
  const networks = useStore($walkNetworks);
  const detours = useStore($walkDetours);
  const state = useStore($walkFetch);
  const sortedMunicipalities = [...municipalities].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const [choice, setChoice] = useState<string>('');
  const selected = choice !== '' ? choice : (sortedMunicipalities[0]?.code ?? '');
  const busy = state.status === 'fetching' || state.status === 'waiting';
  const elapsed = useElapsedSeconds(state.status === 'fetching' ? state.startedAt : null);
  const waitSeconds = useSecondsUntil(state.status === 'waiting' ? state.until : null);
  return (
    <section class="osm-fetch walk-routes" aria-labelledby="walk-routes-title" data-testid="walk-routes">
      <h3 id="walk-routes-title">{t('walk.title')}</h3>
      <p class="note">{t('walk.intro')}</p>
      <label for="walk-area">{t('walk.area')}</label>
      <select id="walk-area" value={selected} onChange={(event) => setChoice(event.currentTarget.value)} disabled={busy}>
        {sortedMunicipalities.map((municipality) => (
          <option key={municipality.code} value={municipality.code}>
            {municipality.name}
          </option>
        ))}
      </select>
      <div class="button-row">
        <button type="button" onClick={() => void fetchWalkRoutes(selected)} disabled={busy || state.status === 'confirmReplace' || selected === ''} data-testid="walk-fetch">
          {t('walk.button')}
        </button>
        {busy && (
          <button type="button" onClick={cancelWalkFetch}>
            {t('osmFetch.cancel')}
          </button>
        )}
      </div>
      <div role="status" class="osm-status">
        {state.status === 'waiting' && (
          <>
            <progress aria-label={t('walk.progressLabel')} />
            <span>{t('walk.waiting', { area: state.areaLabel, seconds: waitSeconds })}</span>
          </>
        )}
        {state.status === 'fetching' && (
          <>
            <progress aria-label={t('walk.progressLabel')} />
            <span>{t('walk.fetching', { area: state.areaLabel, seconds: elapsed })}</span>
          </>
        )}
        {state.status === 'done' && (
          <p data-testid="walk-done">
            {t('walk.fetched', { area: state.areaLabel, edges: formatNumber(state.edgeCount), ways: formatNumber(state.wayCount) })}
            {!state.persisted && <> {t('walk.sessionOnly')}</>}
            {state.issues.length > 0 && <> {t('walk.issues', { count: formatNumber(state.issues.length) })}</>}
          </p>
        )}
        {state.status === 'kept' && <p data-testid="walk-kept">{t('walk.kept', { area: state.areaLabel, previous: formatNumber(state.previousEdges), count: formatNumber(state.newEdges) })}</p>}
      </div>
      {state.status === 'confirmReplace' && <ReplaceQuestion state={state} />}
      {state.status === 'failed' && (
        <div role="alert" class="warning" data-testid="walk-failed">
          <p>
            {issueText(state.issue, t)} {t('walk.unchanged')}
          </p>
          <button type="button" onClick={() => void fetchWalkRoutes(selected)}>
            {t('osmFetch.retry')}
          </button>
        </div>
      )}
      {networks.length > 0 && (
        <>
          <h4>{t('walk.savedTitle')}</h4>
          <ul class="dataset-list walk-network-list" data-testid="walk-network-list">
            {networks.map((entry) => {
              const detour = detours.get(entry.areaKey);
              return (
                <li key={entry.areaKey} data-area={entry.areaKey}>
                  <strong>{entry.areaName}</strong>
                  <span class="note">
                    {' '}
                    {t('walk.savedLine', { edges: formatNumber(edgeCountOf(entry)), date: dateText(entry.retrievedAt, language) })}
                  </span>
                  <br />
                  <span class="note" data-testid="walk-detour">
                    {detour === undefined
                      ? t('walk.detourPending')
                      : detour.median === null
                        ? t('walk.detourUnknown')
                        : t('walk.detour', { ratio: formatNumber(Math.round(detour.median * 100) / 100), pairs: formatNumber(detour.pairCount) })}
                  </span>
                  <br />
                  <span class="note">{t('walk.attribution')}</span>
                  <div class="button-row">
                    <button type="button" onClick={() => void deleteWalkNetwork(entry.areaKey)} aria-label={t('walk.deleteLabel', { area: entry.areaName })}>
                      {t('walk.delete')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
