// Benchmark of the woonservicegebieden coverage (issue 9): the coverage figures for the 250 m grid
// and 500 sites (target ≤ 50 ms) against a naive baseline in the same run that must give the same
// figures; and, for information, the dasymetric spread itself at 250 m and 100 m. Real data: CBS PC4
// 2021 people, TOP10NL 2025 kernen, the province outline, the shipped targets. Synthetic seeded
// zones: 300 care locations on kern edges, a zone = within 500 m of one, looked up in a bucket grid
// (the naive baseline checks every care location); east of 6.75° E the data counts as incomplete ('noData'). Run: npx tsx tests/bench/zoneCoverage.bench.ts

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { cellMembership, spreadPopulation, AGE_BANDS, type DasymetricPopulation, type ZoneMembership } from '../../src/analysis/dasymetric';
import { buildProvinceGrid } from '../../src/analysis/provinceGrid';
import { haversineMeters } from '../../src/analysis/sphericalDistance';
import { zoneCoverage, type CoverageInput, type ZoneCoverage } from '../../src/analysis/zoneCoverage';
import { parseHousingTargets } from '../../src/data/parseHousingTargets';
import { parseBuiltUpAreas } from '../../src/data/parsePlaces';
import { parsePostcodePopulation } from '../../src/data/parsePopulation';
import { parseRegionAssignment } from '../../src/data/parseRegionAssignment';
import type { Site } from '../../src/domain/scenario';
import { seededRandom } from '../support/seededRandom';
import { syntheticSites } from '../support/syntheticScenario';
import { formatBenchResults, type BenchResult } from './reachability.bench';
import { timeRuns } from './timing';

const SITE_COUNT = 500;
const CARE_COUNT = 300;
const ZONE_RADIUS_METERS = 500;
const COVERAGE_TARGET_MS = 50;
const NO_DATA_EAST_OF = 6.75;

const json = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));



/** Zones as discs around seeded care points, looked up through a bucket grid of about 1 km. */
function syntheticZones(care: readonly [number, number][]): (point: [number, number]) => ZoneMembership {
  const bucket = 0.015;
  const buckets = new Map<number, [number, number][]>();
  const keyOf = (column: number, row: number) => column * 100_000 + row;
  for (const point of care) {
    const key = keyOf(Math.floor(point[0] / bucket), Math.floor(point[1] / bucket));
    buckets.set(key, [...(buckets.get(key) ?? []), point]);
  }
  return (point) => {
    const column = Math.floor(point[0] / bucket);
    const row = Math.floor(point[1] / bucket);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const centre of buckets.get(keyOf(column + dx, row + dy)) ?? []) if (haversineMeters(point[0], point[1], centre[0], centre[1]) <= ZONE_RADIUS_METERS) return 'inside';
      }
    }
    return point[0] > NO_DATA_EAST_OF ? 'noData' : 'outside';
  };
}

interface Figures {
  insidePerMunicipality: number[][];
  kernStatus: ZoneMembership[];
  homesInsidePerMunicipality: number[][];
}

function figuresOf(coverage: ZoneCoverage): Figures {
  return {
    insidePerMunicipality: coverage.municipalities.map((row) => AGE_BANDS.map((band) => row.people.inside[band])),
    kernStatus: coverage.kernen.map((kern) => kern.status),
    homesInsidePerMunicipality: coverage.municipalities.map((row) => [row.homes.geclusterd.inside.planned.homes, row.homes.zorggeschikt.inside.planned.homes]),
  };
}

/** The distance rule without an index: every care location for every point. */
function naiveZones(care: readonly [number, number][]): (point: [number, number]) => ZoneMembership {
  return (point) => {
    for (const centre of care) if (haversineMeters(point[0], point[1], centre[0], centre[1]) <= ZONE_RADIUS_METERS) return 'inside';
    return point[0] > NO_DATA_EAST_OF ? 'noData' : 'outside';
  };
}

/**
 * The naive way: membership by the distance to every care location, asked again for every use, and
 * everything filtered per municipality.
 */
function naiveFigures(input: CoverageInput, care: readonly [number, number][]): Figures {
  const { population } = input;
  const membership = naiveZones(care);
  const centre = (position: number): [number, number] => [population.centers[2 * position]!, population.centers[2 * position + 1]!];
  const insidePerMunicipality = input.municipalities.map((municipality) =>
    AGE_BANDS.map((band) => {
      let sum = 0;
      for (const area of population.areas.filter((candidate) => candidate.municipalityCode === municipality.code)) {
        if (Number.isNaN(area.counts[band])) continue;
        for (let entry = area.cellStart; entry < area.cellEnd; entry++) {
          if (membership(centre(population.areaCellPositions[entry]!)) === 'inside') sum += area.counts[band] * population.areaCellShares[entry]!;
        }
      }
      return sum;
    }),
  );
  const kernStatus = population.kernen.map((kern): ZoneMembership => {
    const answers = [...kern.cellPositions].map((position) => membership(centre(position)));
    return answers.includes('inside') ? 'inside' : answers.includes('noData') ? 'noData' : 'outside';
  });
  const sites = input.score.state.sites as Site[];
  const homesInsidePerMunicipality = input.municipalities.map((municipality) =>
    (['geclusterd', 'zorggeschikt'] as const).map((type) =>
      sites
        .filter((site) => site.municipalityCode === municipality.code && site.phase === '2024-2030' && membership(site.location) === 'inside')
        .reduce((sum, site) => sum + site.homes[type], 0),
    ),
  );
  return { insidePerMunicipality, kernStatus, homesInsidePerMunicipality };
}

function agree(a: Figures, b: Figures): boolean {
  const close = (x: number[][], y: number[][]) => x.length === y.length && x.every((row, i) => row.every((value, j) => Math.abs(value - y[i]![j]!) < 1e-6));
  return close(a.insidePerMunicipality, b.insidePerMunicipality) && close(a.homesInsidePerMunicipality, b.homesInsidePerMunicipality) && a.kernStatus.join() === b.kernStatus.join();
}

export function runZoneCoverageBenchmarks(): BenchResult[] {
  const results: BenchResult[] = [];
  const province = (json('geo/boundaries/overijssel-provincie-cbs-2026.geojson') as FeatureCollection<Polygon | MultiPolygon>).features[0]!.geometry;
  const postcodes = parsePostcodePopulation(json('geo/population/overijssel-pc4-bevolking-leeftijd-2021.geojson'), 'pc4', 'cbs-pc4-2021').items;
  const kernen = parseBuiltUpAreas(json('geo/places/overijssel-kernen-top10nl-2025.geojson'), 'kernen').items;

  let population250: DasymetricPopulation | null = null;
  for (const cellSize of [250, 100]) {
    const grid = buildProvinceGrid(province, cellSize);
    const spread = timeRuns(5, () => spreadPopulation(grid, postcodes, kernen), 1);
    if (cellSize === 250) population250 = spread.result;
    results.push({
      name: `dasymetric spread, ${cellSize} m grid (${grid.cellCount} cells, ${postcodes.length} PC4 areas, ${kernen.length} kernen, ${spread.result.samplesPerCellSide ** 2} samples per cell)`,
      medianMs: spread.medianMs,
      runs: 5,
      note: `CPU time ${spread.cpuMedianMs.toFixed(1)} ms; once per data load and grid size; ${spread.result.fallbacks.length} areas without built-up part spread over their whole area`,
    });
  }

  const random = seededRandom(9);
  const care: [number, number][] = [];
  for (let index = 0; index < CARE_COUNT; index++) {
    const kern = kernen[Math.floor(random() * kernen.length)]!;
    const ring = kern.geometry.type === 'Polygon' ? kern.geometry.coordinates[0]! : kern.geometry.coordinates[0]![0]!;
    const vertex = ring[Math.floor(random() * ring.length)]!;
    care.push([vertex[0]!, vertex[1]!]);
  }
  const assignment = parseRegionAssignment(json('geo/boundaries/regio-indeling.json'), 'regio-indeling.json').items;
  const targets = parseHousingTargets(json('geo/woondeal/ouderenhuisvesting-doelen.json'), 'ouderenhuisvesting-doelen.json').value;
  const municipalities = assignment.map((entry) => ({ code: entry.municipalityCode, region: entry.region }));
  const sites = syntheticSites(SITE_COUNT, random, municipalities.map((entry) => entry.code));
  const input: CoverageInput = {
    population: population250!,
    membership: syntheticZones(care),
    municipalities,
    score: { state: { sites }, measuredAgainst: 'band', targets: targets.municipalTargets, regionTargets: targets.regionTargets },
    keyProjects: [],
  };
  const fast = timeRuns(20, () => zoneCoverage(input), 5);
  const naive = timeRuns(3, () => naiveFigures(input, care), 1);
  const same = agree(figuresOf(fast.result), naive.result);
  if (!same) throw new Error('zoneCoverage and the naive computation disagree');
  const cellsAsked = cellMembership(input.population, () => 'outside').length;
  const statuses = fast.result.kernen.reduce<Record<string, number>>((count, kern) => ({ ...count, [kern.status]: (count[kern.status] ?? 0) + 1 }), {});
  results.push({
    name: `zoneCoverage: 250 m grid (${cellsAsked} cells), ${SITE_COUNT} sites, ${CARE_COUNT} seeded care locations (zones of ${ZONE_RADIUS_METERS} m)`,
    medianMs: fast.medianMs,
    runs: 20,
    targetMs: COVERAGE_TARGET_MS,
    note: `CPU time ${fast.cpuMedianMs.toFixed(2)} ms; naive (distance to every care location, asked per use, filter per municipality): ${naive.medianMs.toFixed(1)} ms (×${(naive.medianMs / fast.medianMs).toFixed(1)}); same figures: ${same ? 'yes' : 'NO'}; kernen ${JSON.stringify(statuses)}`,
  });
  return results;
}

export function formatZoneCoverageResults(results: BenchResult[]): string {
  return formatBenchResults(results).replace(/^Reachability benchmarks \(synthetic seeded data, Overijssel bounding box\)/, 'Woonservicegebieden coverage benchmarks (real CBS/TOP10NL data, seeded zones and sites)');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatZoneCoverageResults(runZoneCoverageBenchmarks()));
}
