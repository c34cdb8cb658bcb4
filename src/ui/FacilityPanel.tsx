// Details of one facility, rendered as text, with every dataset it came from (a facility found in
// several datasets is one merged facility; see src/analysis/mergeFacilities.ts).

import { useStore } from '@nanostores/preact';
import { $facilitiesByKey, $facilityDatasets } from '../stores/facilities';
import { MERGE_DISTANCE_METERS } from '../analysis/mergeFacilities';
import { facilitySymbolKey } from '../domain/facilitySymbols';
import { analyseFacility } from '../stores/analysisPoint';
import { FacilitySymbolBadge } from './FacilityLayersPanel';
import { useDatasetName, useFormatDate, useFormatNumber, useTranslate } from './useTranslate';

export function FacilityPanel({ facilityKey }: { facilityKey: string }) {
  const t = useTranslate();
  const datasetName = useDatasetName();
  const formatDate = useFormatDate();
  const formatNumber = useFormatNumber();
  const facility = useStore($facilitiesByKey).get(facilityKey);
  const datasets = useStore($facilityDatasets);
  if (!facility) return null;
  const sources = facility.sources.flatMap((record) => {
    const dataset = datasets.find((candidate) => candidate.id === record.datasetId);
    return dataset ? [{ record, dataset }] : [];
  });
  const symbolKey = facilitySymbolKey(facility.category, facility.attributes.transitMode);
  const { address, operator, capacity, extra } = facility.attributes;
  return (
    <article class="panel" aria-labelledby="panel-title" data-testid="facility-panel">
      <p class="panel-kind">{t('facility.title')}</p>
      <h2 id="panel-title" tabIndex={-1}>
        <FacilitySymbolBadge symbolKey={symbolKey} /> {facility.name}
      </h2>
      <dl class="facts">
        <dt>{t('facility.category')}</dt>
        <dd>{t(`category.${symbolKey}`)}</dd>
        {address && (
          <>
            <dt>{t('facility.address')}</dt>
            <dd>{address}</dd>
          </>
        )}
        {operator && (
          <>
            <dt>{t('facility.operator')}</dt>
            <dd>{operator}</dd>
          </>
        )}
        {capacity !== undefined && (
          <>
            <dt>{t('facility.capacity')}</dt>
            <dd>{formatNumber(capacity)}</dd>
          </>
        )}
        {Object.entries(extra ?? {}).map(([name, value]) => (
          <>
            <dt key={`${name}-term`}>{name}</dt>
            <dd key={`${name}-value`}>{value}</dd>
          </>
        ))}
      </dl>
      <button type="button" onClick={() => analyseFacility(facility)}>
        {t('reachUi.analyseThisLocation')}
      </button>
      {sources.length > 0 && (
        <section aria-labelledby="facility-sources-title">
          <h3 id="facility-sources-title">{t('facility.sourcesTitle')}</h3>
          {sources.length > 1 && <p class="note">{t('facility.mergedNote', { count: sources.length, meters: MERGE_DISTANCE_METERS })}</p>}
          <ul class="facility-sources" data-testid="facility-sources">
            {sources.map(({ record, dataset }) => (
              <li key={dataset.id}>
                <dl class="source-details">
                  <dt>{t('facility.dataset')}</dt>
                  <dd>{record.name === '' || record.name === facility.name ? datasetName(dataset) : `${datasetName(dataset)} (${record.name})`}</dd>
                  <dt>{t('facility.source')}</dt>
                  <dd>{dataset.source}</dd>
                  <dt>{t('facility.licence')}</dt>
                  <dd>{dataset.licence}</dd>
                  <dt>{t('facility.retrievedAt')}</dt>
                  <dd>{formatDate(dataset.retrievedAt)}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
