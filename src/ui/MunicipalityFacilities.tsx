// Per municipality: how many facilities of each category lie inside it, with how complete that count is
// ("2 treinstations; bus- en tramhaltes ontbreken"), or "no data" where nothing is known.

import { useStore } from '@nanostores/preact';
import { FACILITY_CATEGORIES } from '../domain/facility';
import { $categoryCoverage, $facilitiesByMunicipality, $facilityDatasets, datasetsCovering } from '../stores/facilities';
import { countCompleteness } from '../analysis/categoryCompleteness';
import { $municipalitiesByCode } from '../stores/appData';
import { completenessText } from './completenessText';
import { FacilitySymbolBadge } from './FacilityLayersPanel';
import { useFormatNumber, useTranslate } from './useTranslate';

export function MunicipalityFacilities({ code, name }: { code: string; name: string }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const facilities = useStore($facilitiesByMunicipality).get(code) ?? [];
  const coverage = useStore($categoryCoverage);
  const municipalitiesByCode = useStore($municipalitiesByCode);
  const covering = datasetsCovering(useStore($facilityDatasets), code);
  return (
    <section aria-labelledby="municipality-facilities-title">
      <h3 id="municipality-facilities-title">{t('facilities.perMunicipalityTitle')}</h3>
      <table class="figures" data-testid="municipality-facilities">
        <caption class="visually-hidden">{t('facilities.perMunicipalityCaption', { name })}</caption>
        <tbody>
          {FACILITY_CATEGORIES.filter((category) => category !== 'overig').map((category) => {
            const completeness = countCompleteness(category, facilities, coverage, code);
            return (
              <tr key={category} data-category={category}>
                <th scope="row">
                  <FacilitySymbolBadge symbolKey={category} /> {t(`category.${category}`)}
                </th>
                <td>{completenessText(completeness, t, formatNumber, (other) => municipalitiesByCode.get(other)?.name ?? other, 'municipality')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="note">
        {covering.length === 0 ? t('facilities.perMunicipalityNone') : t('facilities.perMunicipalitySources', { sources: covering.map((dataset) => dataset.name).join('; ') })}
      </p>
    </section>
  );
}
