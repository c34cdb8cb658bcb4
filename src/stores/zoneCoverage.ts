// Coverage of woonservicegebieden: older people (dasymetric spread on the 250 m grid), kernen with
// and without a zone, geclusterd/zorggeschikt homes inside zones against the band, and the gap
// view. The zones arrive as a membership function in $zoneMembershipSource (derived in the zones'
// store, stores/serviceZones.ts); the figures follow the zones, the active draft, its targets and the loaded data.
// The spread is computed once per loaded data set, and only when something reads it (lazy store).

import { atom, batch, computed, onMount } from 'nanostores';
import { DASYMETRIC_SOURCE_IDS, spreadPopulationSteps, type DasymetricAreaInput, type DasymetricBuiltUpInput, type DasymetricPopulation } from '../analysis/dasymetric';
import { buildProvinceGrid } from '../analysis/provinceGrid';
import { latestRun } from '../analysis/slicedWork';
import { zoneCoverage, type CoverageArea, type ZoneCoverage } from '../analysis/zoneCoverage';
import { areaCoverageCsv, kernenCoverageCsv, type ZoneCoverageCsvLabels } from '../analysis/zoneCoverageCsv';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { $appData, $municipalitiesByCode, $municipalitiesByName, $sourcesById, type OlderPeopleFeatureProperties, type PlaceFeatureProperties } from './appData';
import { $translate } from './language';
import { $planKeyProjects } from './planKeyProjects';
import { dateTimeText } from './projectTable';
import { $activeScenario, $activeScenarioState } from './scenarios';
import { $zoneMembershipSource } from './serviceZones';
import { citeSource } from '../analysis/exportContent';

/** Grid size of the coverage figures (the suitability grid's default). */
export const COVERAGE_GRID_METERS = 250;

let spreadCache: { key: readonly unknown[]; population: DasymetricPopulation } | null = null;
const spreadRun = latestRun();

/**
 * Postcode-area people spread over the built-up areas on the 250 m grid; null until the data is
 * loaded. Computed when first asked for (zones switched on), in slices of 40 ms so the page keeps
 * answering meanwhile ($dasymetricPending), and once per data load.
 */
export const $dasymetricPopulation = atom<DasymetricPopulation | null>(null);
export const $dasymetricPending = atom(false);

onMount($dasymetricPopulation, () =>
  $appData.subscribe((data) => {
    const province = data.province?.features[0];
    if (!province || !data.olderPeople || !data.builtUpAreas) {
      spreadRun.supersede();
      $dasymetricPending.set(false);
      $dasymetricPopulation.set(null);
      return;
    }
    const key = [province, data.olderPeople, data.builtUpAreas];
    if (spreadCache && spreadCache.key.every((part, index) => part === key[index])) {
      spreadRun.supersede();
      $dasymetricPending.set(false);
      $dasymetricPopulation.set(spreadCache.population);
      return;
    }
    const { olderPeople, builtUpAreas } = data;
    $dasymetricPending.set(true);
    const steps = (function* () {
      const grid = buildProvinceGrid(province, COVERAGE_GRID_METERS);
      yield;
      return yield* spreadPopulationSteps(grid, postcodeInputs(olderPeople), builtUpInputs(builtUpAreas));
    })();
    void spreadRun.run(steps).then((population) => {
      if (population === null) return;
      spreadCache = { key, population };
      batch(() => {
        $dasymetricPending.set(false);
        $dasymetricPopulation.set(population);
      });
    });
  }),
);

function postcodeInputs(collection: FeatureCollection<Polygon | MultiPolygon, OlderPeopleFeatureProperties>): DasymetricAreaInput[] {
  return collection.features.map((feature) => ({ type: 'Feature', geometry: feature.geometry, properties: feature.properties }));
}

function builtUpInputs(collection: FeatureCollection<Polygon | MultiPolygon, PlaceFeatureProperties>): DasymetricBuiltUpInput[] {
  return collection.features.map((feature, index) => ({
    type: 'Feature',
    geometry: feature.geometry,
    properties: {
      // the TOP10NL id is kept on the loaded feature; fall back to its position
      id: (feature.properties as PlaceFeatureProperties & { id?: string }).id ?? `kern-${index}`,
      name: feature.properties.name,
      municipalityCode: feature.properties.municipalityCode,
    },
  }));
}

export const $zoneCoverage = computed(
  [$zoneMembershipSource, $dasymetricPopulation, $activeScenario, $activeScenarioState, $appData, $municipalitiesByName, $planKeyProjects],
  (source, population, scenario, state, data, municipalities, keyProjects): ZoneCoverage | null => {
    if (source === null || population === null || !municipalities) return null;
    return zoneCoverage({
      population,
      membership: source.membership,
      municipalities,
      score: {
        state: { sites: state?.sites ?? [] },
        measuredAgainst: scenario?.measuredAgainst ?? 'band',
        targets: data.targets ?? [],
        regionTargets: data.regionTargets ?? [],
        plannerTargets: scenario?.plannerTargets?.rows ?? [],
      },
      keyProjects: keyProjects.filter((project) => project.countsAsKeyProject),
    });
  },
);

// --- CSV exports ----------------------------------------------------------------------------------

function csvLabels(): ZoneCoverageCsvLabels {
  const t = $translate.get();
  return {
    kern: t('zoneCoverage.kern'),
    municipality: t('zoneCoverage.municipality'),
    area: t('zoneCoverage.area'),
    status: t('zoneCoverage.csv.status'),
    peopleColumn: t('zoneCoverage.csv.peopleColumn'),
    insideColumn: t('zoneCoverage.csv.insideColumn'),
    outsideColumn: t('zoneCoverage.csv.outsideColumn'),
    noDataColumn: t('zoneCoverage.csv.noDataColumn'),
    share75PlusInside: t('zoneCoverage.csv.share75PlusInside'),
    plannedInsideColumn: t('zoneCoverage.csv.plannedInside'),
    plannedAllColumn: t('zoneCoverage.csv.plannedAll'),
    bandLowColumn: t('zoneCoverage.csv.bandLow'),
    bandHighColumn: t('zoneCoverage.csv.bandHigh'),
    gapStatus: t('zoneCoverage.csv.gapStatus'),
    minimumNote: t('zoneCoverage.csv.minimum'),
    notes: t('zoneCoverage.csv.notes'),
    unknown: t('zoneCoverage.csv.unknown'),
    bands: { all: t('zoneCoverage.band.all'), '65plus': t('zoneCoverage.band.65plus'), '75plus': t('zoneCoverage.band.75plus'), '85plus': t('zoneCoverage.band.85plus') },
    housingTypes: { geclusterd: t('housing.geclusterd'), zorggeschikt: t('housing.zorggeschikt') },
    statuses: { inside: t('zoneCoverage.status.inside'), outside: t('zoneCoverage.status.outside'), noData: t('zoneCoverage.status.noData') },
    gapStatuses: { gap: t('zoneCoverage.gap.gap'), noGap: t('zoneCoverage.gap.noGap'), noData: t('zoneCoverage.gap.noData'), noTarget: t('zoneCoverage.gap.noTarget') },
  };
}

/** What the figures rest on: date, zone definition, scenario, method, kern rule, sources. */
function aboutLines(exportedAt: Date): string[][] {
  const t = $translate.get();
  const source = $zoneMembershipSource.get();
  const scenario = $activeScenario.get();
  const sources = $sourcesById.get();
  const population = $dasymetricPopulation.get();
  const lines: string[][] = [
    [t('zoneCoverage.csv.aboutTitle')],
    [t('zoneCoverage.csv.exportedAt'), dateTimeText(exportedAt)],
    [t('zoneCoverage.csv.definition')],
    ...(source?.definitionLines ?? []).map(([label, value]) => [label, value]),
    [t('zoneCoverage.csv.scenario'), scenario ? scenario.name : t('zoneCoverage.csv.noScenario')],
    [t('zoneCoverage.csv.method'), t('dasymetric.method', { cellSize: String(COVERAGE_GRID_METERS) })],
  ];
  if (population && population.fallbacks.length > 0) {
    lines.push(['', t('dasymetric.fallbacks', { count: String(population.fallbacks.length), postcodes: population.fallbacks.map((entry) => entry.postcode).join(', ') })]);
  }
  if (population && population.suppressed.length > 0) {
    lines.push(['', t('dasymetric.suppressed', { postcodes: population.suppressed.map((entry) => entry.postcode).join(', ') })]);
  }
  lines.push([t('zoneCoverage.csv.kernRule'), t('zoneCoverage.kernenRule')]);
  for (const id of DASYMETRIC_SOURCE_IDS) {
    const cited = sources.get(id);
    if (cited) lines.push([t('zoneCoverage.csv.sources'), citeSource(cited)]);
  }
  return lines;
}

/** Every kern with its zone status and people, as CSV; null while there are no figures. */
export function zoneCoverageKernenCsv(exportedAt: Date = new Date()): string | null {
  const coverage = $zoneCoverage.get();
  if (!coverage) return null;
  const names = $municipalitiesByCode.get();
  const kernen = [...coverage.kernen].sort((a, b) => b.people['75plus'] - a.people['75plus'] || a.name.localeCompare(b.name));
  return kernenCoverageCsv(kernen, (code) => names.get(code)?.name ?? code, csvLabels(), aboutLines(exportedAt));
}

/** Municipalities, regions and the province, as CSV; null while there are no figures. */
export function zoneCoverageAreasCsv(exportedAt: Date = new Date()): string | null {
  const coverage = $zoneCoverage.get();
  if (!coverage) return null;
  const t = $translate.get();
  const names = $municipalitiesByCode.get();
  const areaName = (area: CoverageArea) =>
    area.kind === 'municipality' ? (names.get(area.code)?.name ?? area.code) : area.area === 'overijssel' ? t('area.overijssel') : t(`region.${area.area}`);
  return areaCoverageCsv(coverage, areaName, csvLabels(), aboutLines(exportedAt));
}
