// Per municipality: how many facilities of each category lie inside it. A count is a fact only
// where a dataset declares the category complete there; elsewhere it says how many are known,
// and "geen gegevens" when none is.

import { useStore } from '@nanostores/preact';
import { FACILITY_CATEGORIES } from '../domain/facility';
import { isCompleteAt } from '../analysis/dataCoverage';
import { $categoryCoverage, $datasetsWithFacilitiesIn, $facilityCountsByMunicipality, $facilityDatasets } from '../stores/facilities';
import { FacilitySymbolBadge } from './FacilityLayersPanel';
import { useFormatNumber, useTranslate } from './useTranslate';

export function MunicipalityFacilities({ code, name }: { code: string; name: string }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const counts = useStore($facilityCountsByMunicipality).get(code);
  const coverage = useStore($categoryCoverage);
  const datasets = useStore($facilityDatasets);
  const withFacilitiesHere = useStore($datasetsWithFacilitiesIn).get(code);
  const categories = FACILITY_CATEGORIES.filter((category) => category !== 'overig');
  // the datasets behind these figures: those with facilities here, or declaring a category complete here
  const sources = datasets.filter(
    (dataset) =>
      !dataset.hidden &&
      (withFacilitiesHere?.has(dataset.id) ||
        categories.some((category) => {
          const declaration = dataset.completeness[category];
          return declaration?.kind === 'province' || (declaration?.kind === 'municipalities' && declaration.codes.includes(code));
        })),
  );
  let knownOnlyShown = false;
  return (
    <section aria-labelledby="municipality-facilities-title">
      <h3 id="municipality-facilities-title">{t('facilities.perMunicipalityTitle')}</h3>
      <table class="figures" data-testid="municipality-facilities">
        <caption class="visually-hidden">{t('facilities.perMunicipalityCaption', { name })}</caption>
        <tbody>
          {categories.map((category) => {
            const count = counts?.[category] ?? 0;
            const complete = isCompleteAt(coverage, category, code);
            if (!complete && count > 0) knownOnlyShown = true;
            return (
              <tr key={category} data-category={category} data-complete={String(complete)}>
                <th scope="row">
                  <FacilitySymbolBadge symbolKey={category} /> {t(`category.${category}`)}
                </th>
                <td>{complete ? formatNumber(count) : count > 0 ? t('facilities.knownOnly', { count: formatNumber(count) }) : t('facilities.noDataShort')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {knownOnlyShown && <p class="note">{t('facilities.knownOnlyNote')}</p>}
      <p class="note">
        {sources.length === 0 ? t('facilities.perMunicipalityNone') : t('facilities.perMunicipalitySources', { sources: sources.map((dataset) => dataset.name).join('; ') })}
      </p>
    </section>
  );
}
