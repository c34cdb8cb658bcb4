// "Looproutes ophalen": the street network for walking per municipality from OpenStreetMap, with
// progress, cancel, retry and the question before a far smaller answer replaces a saved one; the
// saved networks listed with their date, licence and detour, each deletable.

import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { downloadDateText, DownloadFailed, ReplaceQuestion, useElapsedSeconds, useSecondsUntil } from './DownloadParts';
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

/** Asks before a far smaller answer replaces a saved network; keeping is the default and has focus. */
function WalkReplaceQuestion({ state }: { state: Extract<WalkFetchState, { status: 'confirmReplace' }> }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const language = useStore($language);
  const params = { area: state.areaLabel, previous: formatNumber(state.previousEdges), count: formatNumber(state.newEdges), date: downloadDateText(state.previousRetrievedAt, language) };
  return (
    <ReplaceQuestion
      name="walk"
      title={t('walk.confirmTitle')}
      text={t('walk.confirmText', params)}
      keepLabel={t('walk.keepSaved', params)}
      replaceLabel={t('walk.replaceAnyway', params)}
      onKeep={keepSavedWalkNetwork}
      onReplace={() => void replaceWithNewWalkNetwork()}
    />
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
      {state.status === 'confirmReplace' && <WalkReplaceQuestion state={state} />}
      {state.status === 'failed' && <DownloadFailed name="walk" issue={state.issue} unchanged={t('walk.unchanged')} onRetry={() => void fetchWalkRoutes(selected)} />}
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
                    {t('walk.savedLine', { edges: formatNumber(edgeCountOf(entry)), date: downloadDateText(entry.retrievedAt, language) })}
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
