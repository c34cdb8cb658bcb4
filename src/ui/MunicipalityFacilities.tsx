// Per municipality: how many facilities of each category lie inside it, or "no data" where nothing covers that category.

import { useStore } from '@nanostores/preact';
import { FACILITY_CATEGORIES } from '../domain/facility';
import { $facilityCountsByMunicipality, $facilityDatasets, datasetsCovering } from '../stores/facilities';
import { FacilitySymbolBadge } from './FacilityLayersPanel';
import { useFormatNumber, useTranslate } from './useTranslate';

export function MunicipalityFacilities({ code, name }: { code: string; name: string }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const counts = useStore($facilityCountsByMunicipality).get(code);
  const covering = datasetsCovering(useStore($facilityDatasets), code);
  return (
    <section aria-labelledby="municipality-facilities-title">
      <h3 id="municipality-facilities-title">{t('facilities.perMunicipalityTitle')}</h3>
      <table class="figures" data-testid="municipality-facilities">
        <caption class="visually-hidden">{t('facilities.perMunicipalityCaption', { name })}</caption>
        <tbody>
          {FACILITY_CATEGORIES.filter((category) => category !== 'overig').map((category) => {
            const covered = covering.some((dataset) => dataset.categories.includes(category));
            return (
              <tr key={category} data-category={category}>
                <th scope="row">
                  <FacilitySymbolBadge symbolKey={category} /> {t(`category.${category}`)}
                </th>
                <td>{covered ? formatNumber(counts?.[category] ?? 0) : t('facilities.noDataShort')}</td>
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
