// Coverage of woonservicegebieden (issue 9, point 4): kernen without a zone with their inhabitants
// and 75+, older people and geclusterd/zorggeschikt homes inside zones per municipality and region,
// the gap view, and CSV exports. Figures come from $zoneCoverage; the spread of people is named in
// words with its sources (DasymetricMethod).

import { useStore } from '@nanostores/preact';
import type { AgeBand } from '../analysis/dasymetric';
import type { AreaCoverage, HomesCoverage, KernCoverage } from '../analysis/zoneCoverage';
import { COVERAGE_HOUSING_TYPES } from '../analysis/zoneCoverage';
import { $municipalitiesByCode } from '../stores/appData';
import { $activeScenario } from '../stores/scenarios';
import { $zoneMembershipSource } from '../stores/serviceZones';
import {
  $dasymetricPending,
  $dasymetricPopulation,
  $zoneCoverage,
  COVERAGE_GRID_METERS,
  zoneCoverageAreasCsv,
  zoneCoverageKernenCsv,
} from '../stores/zoneCoverage';
import { DasymetricMethod } from './DasymetricMethod';
import { useFormatNumber, useTranslate } from './useTranslate';
import { downloadFile } from './downloadFile';

function downloadCsv(text: string | null, fileName: string): void {
  if (text !== null) downloadFile(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName);
}

const hasUnknown = (unknown: Record<AgeBand, string[]>, band: AgeBand) => unknown[band].length > 0;

export function ZoneCoveragePanel() {
  const t = useTranslate();
  const source = useStore($zoneMembershipSource);
  // shown with the zones only: while they are off, the woonservicegebieden section says how to switch them on
  if (source === null) return null;
  return (
    <section class="zone-coverage-section" aria-labelledby="zone-coverage-title" data-testid="zone-coverage">
      <h2 id="zone-coverage-title">{t('zoneCoverage.title')}</h2>
      <CoverageFigures />
    </section>
  );
}

/** Mounted only while zones are on, so the spread of people is computed only when needed. */
function CoverageFigures() {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const population = useStore($dasymetricPopulation);
  const spreading = useStore($dasymetricPending);
  const coverage = useStore($zoneCoverage);
  const scenario = useStore($activeScenario);
  const names = useStore($municipalitiesByCode);
  const municipalityName = (code: string) => names.get(code)?.name ?? code;
  if (spreading) return <p class="note" role="status">{t('zoneCoverage.loading')}</p>;
  if (population === null) return <p class="note">{t('zoneCoverage.noPopulation')}</p>;
  if (coverage === null) return <p class="note" role="status">{t('zoneCoverage.loading')}</p>;

  const whole = (value: number) => formatNumber(Math.round(value));
  const percent = (share: number) => `${formatNumber(Math.round(share * 100))} %`;
  const province = coverage.areas.find((area) => area.area.kind === 'area' && area.area.area === 'overijssel')!;
  const older = province.people;
  const total75 = older.inside['75plus'] + older.outside['75plus'] + older.noData['75plus'];
  const without = coverage.kernen.filter((kern) => kern.status === 'outside').sort((a, b) => b.people['75plus'] - a.people['75plus'] || a.name.localeCompare(b.name));
  const noData = coverage.kernen.filter((kern) => kern.status === 'noData').sort((a, b) => a.name.localeCompare(b.name));
  const gapMunicipalities = coverage.gap.municipalities.filter((gap) => gap.status === 'gap');
  const areaName = (area: AreaCoverage['area']) =>
    area.kind === 'municipality' ? municipalityName(area.code) : area.area === 'overijssel' ? t('area.overijssel') : t(`region.${area.area}`);
  const gapOf = new Map(coverage.gap.municipalities.map((gap) => [gap.code, gap]));
  const people = (value: number, unknown: boolean) => (unknown ? `${t('zoneCoverage.minimum')} ${whole(value)}` : whole(value));

  return (
    <div class="zone-coverage">
      <p data-testid="zone-coverage-summary">
        {t('zoneCoverage.summary', { inside: whole(older.inside['75plus']), total: whole(total75), share: total75 > 0 ? percent(older.inside['75plus'] / total75) : '–' })}
        {older.noData['75plus'] > 0 && ` ${t('zoneCoverage.summaryNoData', { noData: whole(older.noData['75plus']) })}`}
      </p>

      <h3>{t('zoneCoverage.kernenTitle')}</h3>
      <p>{t('zoneCoverage.kernenCount', { without: String(without.length), total: String(coverage.kernen.length), noData: String(noData.length) })}</p>
      <p class="note">{t('zoneCoverage.kernenRule')}</p>
      {without.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="zone-coverage-kernen-caption">
          <table class="zone-coverage-kernen" data-testid="zone-coverage-kernen">
            <caption id="zone-coverage-kernen-caption">{t('zoneCoverage.kernenCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('zoneCoverage.kern')}</th>
                <th scope="col">{t('zoneCoverage.municipality')}</th>
                <th scope="col" class="number">{t('zoneCoverage.inhabitants')}</th>
                <th scope="col" class="number">{t('zoneCoverage.people75')}</th>
              </tr>
            </thead>
            <tbody>
              {without.map((kern) => (
                <KernRow key={kern.id} kern={kern} municipality={municipalityName(kern.municipalityCode)} people={people} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {noData.length > 0 && (
        <details>
          <summary>
            {t('zoneCoverage.kernenNoDataTitle')} ({noData.length})
          </summary>
          <p data-testid="zone-coverage-kernen-nodata">{noData.map((kern) => kern.name).join(', ')}</p>
        </details>
      )}

      <h3>{t('zoneCoverage.areasTitle')}</h3>
      {scenario === null && <p class="note">{t('zoneCoverage.noScenario')}</p>}
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="zone-coverage-areas-caption">
        <table class="zone-coverage-areas" data-testid="zone-coverage-areas">
          <caption id="zone-coverage-areas-caption">{t('zoneCoverage.areasCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('zoneCoverage.area')}</th>
              {(['65plus', '75plus', '85plus'] as const).map((band) => (
                <th scope="col" class="number" key={band}>
                  {t('zoneCoverage.olderInside', { band: t(`zoneCoverage.band.${band}`) })}
                </th>
              ))}
              <th scope="col" class="number">{t('zoneCoverage.share75Inside')}</th>
              {COVERAGE_HOUSING_TYPES.map((type) => (
                <th scope="col" key={type}>
                  {t('zoneCoverage.homesInside', { housingType: t(`housing.${type}`) })}
                </th>
              ))}
              <th scope="col">{t('zoneCoverage.csv.gapStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {[...coverage.municipalities, ...coverage.areas].map((row) => {
              const known = row.people.inside['75plus'] + row.people.outside['75plus'] + row.people.noData['75plus'];
              const gap = row.area.kind === 'municipality' ? gapOf.get(row.area.code) : undefined;
              const key = row.area.kind === 'municipality' ? row.area.code : row.area.area;
              return (
                <tr key={key} class={row.area.kind === 'area' ? 'area-total' : undefined}>
                  <th scope="row">{areaName(row.area)}</th>
                  {(['65plus', '75plus', '85plus'] as const).map((band) => (
                    <td class="number" key={band}>
                      {people(row.people.inside[band], hasUnknown(row.people.unknownPostcodes, band))}
                    </td>
                  ))}
                  <td class="number">{known > 0 ? percent(row.people.inside['75plus'] / known) : '–'}</td>
                  {COVERAGE_HOUSING_TYPES.map((type) => (
                    <td key={type}>
                      <HomesCell homes={row.homes[type]} />
                    </td>
                  ))}
                  <td>{gap ? t(`zoneCoverage.gap.${gap.status}`) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="note">{t('zoneCoverage.homesNote')}</p>

      <h3>{t('zoneCoverage.gapTitle')}</h3>
      <p class="note">{t('zoneCoverage.gapRule', { threshold: coverage.gap.targetThreshold === null ? '–' : formatNumber(coverage.gap.targetThreshold) })}</p>
      {gapMunicipalities.length === 0 ? (
        <p data-testid="zone-coverage-gap">{t('zoneCoverage.gapNone')}</p>
      ) : (
        <ul data-testid="zone-coverage-gap">
          {gapMunicipalities.map((gap) => (
            <li key={gap.code}>
              {t('zoneCoverage.gapMunicipality', { name: municipalityName(gap.code), target: formatNumber(gap.target ?? 0), share: percent(gap.share75PlusInside ?? 0) })}
            </li>
          ))}
        </ul>
      )}
      {coverage.gap.kernen.length > 0 && (
        <p>
          {t('zoneCoverage.gapKernen')}: {coverage.gap.kernen.map((kern) => `${kern.name} (${whole(kern.people['75plus'])} 75+)`).join(', ')}
        </p>
      )}

      <div class="button-row">
        <button type="button" onClick={() => downloadCsv(zoneCoverageKernenCsv(), t('zoneCoverage.fileKernen'))}>
          {t('zoneCoverage.csvKernen')}
        </button>
        <button type="button" onClick={() => downloadCsv(zoneCoverageAreasCsv(), t('zoneCoverage.fileAreas'))}>
          {t('zoneCoverage.csvAreas')}
        </button>
      </div>
      <DasymetricMethod population={population} cellSize={COVERAGE_GRID_METERS} />
    </div>
  );
}

function KernRow({ kern, municipality, people }: { kern: KernCoverage; municipality: string; people: (value: number, unknown: boolean) => string }) {
  return (
    <tr>
      <th scope="row">{kern.name}</th>
      <td>{municipality}</td>
      <td class="number">{people(kern.people.all, hasUnknown(kern.unknownPostcodes, 'all'))}</td>
      <td class="number">{people(kern.people['75plus'], hasUnknown(kern.unknownPostcodes, '75plus'))}</td>
    </tr>
  );
}

function HomesCell({ homes }: { homes: HomesCoverage }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const target = homes.all.target;
  const inside = formatNumber(homes.inside.planned.homes);
  const all = formatNumber(homes.all.planned.homes);
  if (!target || target.basis === null || target.trend === null) return <>{t('zoneCoverage.homesCellNoTarget', { inside, all })}</>;
  return (
    <>
      {t('zoneCoverage.homesCell', {
        inside,
        all,
        low: formatNumber(Math.min(target.basis, target.trend)),
        high: formatNumber(Math.max(target.basis, target.trend)),
      })}
    </>
  );
}
