// Per municipality: how many facilities of each category lie inside it, with how complete that count is
// ("2 treinstations; bus- en tramhaltes ontbreken", "3 bekend; niet volledig"), or "geen gegevens"
// where nothing is known. A count is a fact only where a dataset declares the category complete there.

import { useStore } from '@nanostores/preact';
import { FACILITY_CATEGORIES } from '../domain/facility';
import { $categoryCoverage, $datasetsWithFacilitiesIn, $facilitiesByMunicipality, $facilityDatasets } from '../stores/facilities';
import { countCompleteness } from '../analysis/categoryCompleteness';
import { declaresCompleteIn } from '../analysis/dataCoverage';
import { $municipalitiesByCode } from '../stores/appData';
import { completenessText } from './completenessText';
import { FacilitySymbolBadge } from './FacilityLayersPanel';
import { useDatasetName, useFormatNumber, useTranslate } from './useTranslate';

export function MunicipalityFacilities({ code, name }: { code: string; name: string }) {
  const t = useTranslate();
  const datasetName = useDatasetName();
  const formatNumber = useFormatNumber();
  const facilities = useStore($facilitiesByMunicipality).get(code) ?? [];
  const coverage = useStore($categoryCoverage);
  const municipalitiesByCode = useStore($municipalitiesByCode);
  const datasets = useStore($facilityDatasets);
  const withFacilitiesHere = useStore($datasetsWithFacilitiesIn).get(code);
  const categories = FACILITY_CATEGORIES.filter((category) => category !== 'overig');
  // the datasets behind these figures: those with facilities here, or declaring a category complete here
  const sources = datasets.filter(
    (dataset) =>
      !dataset.hidden &&
      (withFacilitiesHere?.has(dataset.id) ||
        categories.some((category) => declaresCompleteIn(dataset, category, code))),
  );
  let knownOnlyShown = false;
  return (
    <section aria-labelledby="municipality-facilities-title">
      <h3 id="municipality-facilities-title">{t('facilities.perMunicipalityTitle')}</h3>
      <table class="figures" data-testid="municipality-facilities">
        <caption class="visually-hidden">{t('facilities.perMunicipalityCaption', { name })}</caption>
        <tbody>
          {categories.map((category) => {
            const completeness = countCompleteness(category, facilities, coverage, code);
            const complete = completeness.kind === 'complete';
            if (completeness.kind === 'knownOnly' || completeness.kind === 'trainStationsOnly') knownOnlyShown = true;
            return (
              <tr key={category} data-category={category} data-complete={String(complete)}>
                <th scope="row">
                  <FacilitySymbolBadge symbolKey={category} /> {t(`category.${category}`)}
                </th>
                <td>{completenessText(completeness, t, formatNumber, (other) => municipalitiesByCode.get(other)?.name ?? other, 'municipality')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {knownOnlyShown && <p class="note">{t('facilities.knownOnlyNote')}</p>}
      <p class="note">
        {sources.length === 0 ? t('facilities.perMunicipalityNone') : t('facilities.perMunicipalitySources', { sources: sources.map((dataset) => datasetName(dataset)).join('; ') })}
      </p>
    </section>
  );
}
