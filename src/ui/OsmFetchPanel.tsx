// "Voorzieningen ophalen uit OpenStreetMap": choose the province or a municipality, follow progress, cancel, retry.

import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { isMessageKey } from '../i18n/catalogue';
import { $appData } from '../stores/appData';
import { $osmFetch, cancelOsmFetch, fetchOsmFacilities, type OsmAreaChoice } from '../stores/osmFetch';
import { useFormatNumber, useTranslate } from './useTranslate';

function useElapsedSeconds(startedAt: number | null): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (startedAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [startedAt]);
  return startedAt === null ? 0 : Math.max(0, Math.round((now - startedAt) / 1000));
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
        <button type="button" onClick={() => void fetchOsmFacilities(choice)} disabled={state.status === 'fetching'}>
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
          <p data-testid="osm-done">{t('osmFetch.done', { area: state.areaLabel, count: formatNumber(state.count), ignored: formatNumber(state.ignoredCount) })}</p>
        )}
      </div>
      {state.status === 'failed' && (
        <div role="alert" class="warning" data-testid="osm-failed">
          <p>
            {isMessageKey(state.issue.code) ? t(state.issue.code, state.issue.params) : state.issue.code} {t('osmFetch.unchanged')}
          </p>
          <button type="button" onClick={() => void fetchOsmFacilities(choice)}>
            {t('osmFetch.retry')}
          </button>
        </div>
      )}
      <p class="note">{t('osmFetch.attributionNote')}</p>
    </section>
  );
}
