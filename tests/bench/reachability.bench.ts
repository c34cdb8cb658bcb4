// Benchmark of the reachability engine on synthetic, seeded data in Overijssel's bounding box:
// nearest facility for 30,000 cells against a naive turf.distance double loop, all categories, the
// one-site incremental update, and scoring the whole province grid. Run: npx tsx tests/bench/reachability.bench.ts

import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { distance } from '@turf/turf';
import type { FacilityCategory } from '../../src/domain/facility';
import { FACILITY_CATEGORIES } from '../../src/domain/facility';
import { OVERIJSSEL_BOUNDS } from '../../src/domain/geography';
import { WOONZORGZONE_PROFILE } from '../../src/domain/norms';
import type { PackedFacilities } from '../../src/analysis/facilityIndex';
import { FacilityIndex } from '../../src/analysis/facilityIndex';
import { scoreGrid } from '../../src/analysis/gridScore';
import type { PreparedPoints } from '../../src/analysis/nearestFacilityField';
import { NearestFacilityField, preparePoints } from '../../src/analysis/nearestFacilityField';
import { buildProvinceGrid } from '../../src/analysis/provinceGrid';
import { completeAreas, incompletePoints, largestNormDistances, type CategoryCoverage } from '../../src/analysis/dataCoverage';
import { municipalityLocator } from '../../src/analysis/facilitiesPerMunicipality';
import { createAreaIndex } from '../../src/analysis/areaIndex';
import { createReachabilityHandler } from '../../src/analysis/reachabilityWorkerHandler';
import { seededRandom } from '../support/seededRandom';
import { median } from './timing';

export interface BenchResult {
  name: string;
  /** Median over `runs` runs (one run for the naive baseline). */
  medianMs: number;
  runs: number;
  /** Target on a 2-core machine, when the task sets one. */
  targetMs?: number;
  /** Free text: ratio against the baseline, counts, accuracy. */
  note?: string;
}

const CELL_COUNT = 30_000;
const FACILITY_COUNT = 2_000;
const TOWN_COUNT = 150;
const SIX_CATEGORIES: FacilityCategory[] = FACILITY_CATEGORIES.slice(0, 6);
const METERS_PER_DEGREE_LATITUDE = 111_195;

interface SyntheticData {
  cells: Float64Array;
  towns: [number, number][];
}

/**
 * 30,000 distinct 100 m cells clustered around 150 synthetic towns (like populated cells), in grid
 * order (south to north, west to east) as buildProvinceGrid produces them.
 */
function syntheticCells(random: () => number): SyntheticData {
  const [west, south, east, north] = OVERIJSSEL_BOUNDS;
  const cellHeight = 100 / METERS_PER_DEGREE_LATITUDE;
  const cellWidth = cellHeight / Math.cos((52.5 * Math.PI) / 180);
  const towns: [number, number][] = [];
  for (let town = 0; town < TOWN_COUNT; town++) towns.push([west + random() * (east - west), south + random() * (north - south)]);
  const seen = new Set<number>();
  const keys: number[] = [];
  const columns = Math.ceil((east - west) / cellWidth);
  while (keys.length < CELL_COUNT) {
    const [townLon, townLat] = towns[Math.floor(random() * TOWN_COUNT)]!;
    // up to ~2.5 km from the town centre, denser near the centre
    const radiusMeters = 2500 * random() * random();
    const angle = random() * 2 * Math.PI;
    const lon = townLon + ((radiusMeters * Math.cos(angle)) / 100) * cellWidth;
    const lat = townLat + ((radiusMeters * Math.sin(angle)) / 100) * cellHeight;
    if (lon < west || lon > east || lat < south || lat > north) continue;
    const key = Math.floor((lat - south) / cellHeight) * columns + Math.floor((lon - west) / cellWidth);
    if (seen.has(key)) continue;
    seen.add(key);
    keys.push(key);
  }
  keys.sort((a, b) => a - b);
  const cells = new Float64Array(CELL_COUNT * 2);
  keys.forEach((key, position) => {
    cells[2 * position] = west + ((key % columns) + 0.5) * cellWidth;
    cells[2 * position + 1] = south + (Math.floor(key / columns) + 0.5) * cellHeight;
  });
  return { cells, towns };
}

/** Facilities: 80 % within 2 km of a town, 20 % anywhere in the box; categories from the list. */
function syntheticFacilities(random: () => number, towns: [number, number][], count: number, categories: FacilityCategory[]): PackedFacilities {
  const [west, south, east, north] = OVERIJSSEL_BOUNDS;
  const coordinates = new Float64Array(count * 2);
  const categoryCodes = new Uint8Array(count);
  const ids: string[] = [];
  for (let position = 0; position < count; position++) {
    if (random() < 0.8) {
      const [townLon, townLat] = towns[Math.floor(random() * towns.length)]!;
      const radiusDegrees = (2000 * random()) / METERS_PER_DEGREE_LATITUDE;
      const angle = random() * 2 * Math.PI;
      coordinates[2 * position] = townLon + (radiusDegrees * Math.cos(angle)) / 0.6;
      coordinates[2 * position + 1] = townLat + radiusDegrees * Math.sin(angle);
    } else {
      coordinates[2 * position] = west + random() * (east - west);
      coordinates[2 * position + 1] = south + random() * (north - south);
    }
    categoryCodes[position] = FACILITY_CATEGORIES.indexOf(categories[position % categories.length]!);
    ids.push(`bench/${position}`);
  }
  return { ids, coordinates, categoryCodes };
}


function timeRuns(runs: number, run: () => void): number {
  run(); // warm-up: let the JIT compile before measuring
  const times: number[] = [];
  for (let attempt = 0; attempt < runs; attempt++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

function naiveNearest(cells: Float64Array, packed: PackedFacilities): Float64Array {
  const result = new Float64Array(cells.length / 2);
  const facilityCount = packed.ids.length;
  for (let cell = 0; cell < result.length; cell++) {
    const from = [cells[2 * cell]!, cells[2 * cell + 1]!];
    let best = Infinity;
    for (let facility = 0; facility < facilityCount; facility++) {
      const meters = distance(from, [packed.coordinates[2 * facility]!, packed.coordinates[2 * facility + 1]!], { units: 'meters' });
      if (meters < best) best = meters;
    }
    result[cell] = best;
  }
  return result;
}

/** The real CBS outline when the repository has it, else the bounding box (a larger grid). */
function loadProvince(): { geometry: Polygon | MultiPolygon; label: string } {
  const path = 'geo/boundaries/overijssel-provincie-cbs-2026.geojson';
  if (existsSync(path)) {
    const collection = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    const feature = collection.features[0] as Feature<Polygon | MultiPolygon>;
    return { geometry: feature.geometry, label: 'CBS province outline' };
  }
  const [west, south, east, north] = OVERIJSSEL_BOUNDS;
  const ring = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
  return { geometry: { type: 'Polygon', coordinates: [ring] }, label: 'bounding box (outline file not found)' };
}

function benchIncremental(prepared: PreparedPoints, towns: [number, number][], siteCount: number, reachMeters: number): BenchResult {
  const random = seededRandom(99 + siteCount);
  const packed = syntheticFacilities(random, towns, siteCount, ['zorg24uur']);
  const index = new FacilityIndex(packed);
  const field = new NearestFacilityField(prepared, index, 'zorg24uur', reachMeters);
  const times: number[] = [];
  let changed = 0;
  for (let move = 0; move < 300; move++) {
    const site = Math.floor(random() * siteCount);
    const [lon, lat] = index.facilityLocation(site);
    // a drag step of up to ~200 m
    const newLon = lon + (random() - 0.5) * 0.006;
    const newLat = lat + (random() - 0.5) * 0.0036;
    const start = performance.now();
    index.moveFacility(site, newLon, newLat);
    changed += field.updateAfterFacilityChange(site);
    times.push(performance.now() - start);
  }
  const full = new NearestFacilityField(prepared, index, 'zorg24uur', reachMeters);
  const identical = full.ownerFacility.every((owner, point) => owner === field.ownerFacility[point] && Object.is(full.distanceMeters[point], field.distanceMeters[point]));
  const fullMs = timeRuns(3, () => full.recomputeAll());
  const reachText = Number.isFinite(reachMeters) ? `reach ${reachMeters} m` : 'no reach cap';
  return {
    name: `incremental: move 1 of ${siteCount} sites, ${CELL_COUNT} cells, ${reachText}`,
    medianMs: median(times),
    runs: times.length,
    targetMs: 1,
    note: `full recompute ${fullMs.toFixed(1)} ms; ${(changed / times.length).toFixed(0)} cells changed per step; identical to full recompute: ${identical ? 'yes' : 'NO'}`,
  };
}

/**
 * The border rule on a grid (src/analysis/dataCoverage.ts): which cells have a judged category not
 * complete over their norm circle, with supermarkets and GPs declared complete for five
 * municipalities and pharmacies for the province; checked against the distance to every edge.
 */
export function benchBorderRule(grid: ReturnType<typeof buildProvinceGrid>, province: Polygon | MultiPolygon): BenchResult {
  const collection = JSON.parse(readFileSync('geo/boundaries/overijssel-gemeenten-cbs-2026.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { statcode: string }>;
  const municipalities = collection.features.map((feature) => ({ ...feature, properties: { code: feature.properties.statcode } }));
  const declared = ['GM0193', 'GM0166', 'GM0150', 'GM0148', 'GM1896'];
  const coverage: CategoryCoverage = new Map<FacilityCategory, 'province' | ReadonlySet<string>>([
    ['supermarkt', new Set(declared)],
    ['huisarts', new Set(declared)],
    ['apotheek', 'province'],
  ]);
  const locate = municipalityLocator(municipalities);
  const categories: FacilityCategory[] = ['supermarkt', 'huisarts', 'apotheek'];
  const radius = largestNormDistances(WOONZORGZONE_PROFILE);
  let marked: Uint8Array = new Uint8Array(0);
  const medianMs = timeRuns(5, () => {
    marked = incompletePoints(grid.centers, completeAreas(coverage, { province, municipalities }, locate), categories, (category) => radius(category));
  });
  // Naive: the distance from every cell to every edge that is not complete (slab index per outline, all its edges).
  const start = performance.now();
  const provinceIndex = createAreaIndex(province);
  const undeclared = municipalities.filter((feature) => !declared.includes(feature.properties.code)).map((feature) => createAreaIndex(feature.geometry));
  let disagreements = 0;
  for (let cell = 0; cell < grid.cellCount; cell++) {
    const point: [number, number] = [grid.centers[2 * cell]!, grid.centers[2 * cell + 1]!];
    const toProvinceEdge = provinceIndex.contains(point) ? provinceIndex.distanceToEdgeMeters(point) : -1;
    const code = locate(point);
    const inDeclared = code !== null && declared.includes(code);
    const toUndeclared = inDeclared ? Math.min(toProvinceEdge, ...undeclared.map((index) => index.distanceToEdgeMeters(point))) : -1;
    const incomplete = toUndeclared < radius('supermarkt') || toUndeclared < radius('huisarts') || toProvinceEdge < radius('apotheek');
    if ((marked[cell] === 1) !== incomplete) disagreements++;
  }
  const naiveMs = performance.now() - start;
  if (disagreements > 0) throw new Error(`border rule: ${disagreements} cells differ from the every-edge baseline`);
  return {
    name: `border rule on the province grid ${grid.cellSizeMeters} m: cells not complete over their norm circle (${grid.cellCount} cells, 3 categories)`,
    medianMs,
    runs: 5,
    note: `edge buckets; every-edge baseline ${Math.round(naiveMs)} ms, same cells (${marked.reduce((sum, value) => sum + value, 0)} hatched)`,
  };
}

export async function runReachabilityBenchmarks(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const random = seededRandom(20261123);
  const { cells, towns } = syntheticCells(random);
  const prepared = preparePoints(cells);

  // 1. one category, 2,000 facilities
  const oneCategory = syntheticFacilities(random, towns, FACILITY_COUNT, ['supermarkt']);
  const oneIndex = new FacilityIndex(oneCategory);
  const target = { kind: 'distance', category: 'supermarkt' } as const;
  const indexedMs = timeRuns(9, () => scoreGrid(prepared, oneIndex, WOONZORGZONE_PROFILE, target));
  const indexed = scoreGrid(prepared, oneIndex, WOONZORGZONE_PROFILE, target).values;
  const naiveStart = performance.now();
  const naive = naiveNearest(cells, oneCategory);
  const naiveMs = performance.now() - naiveStart;
  let maxDifference = 0;
  for (let cell = 0; cell < CELL_COUNT; cell++) maxDifference = Math.max(maxDifference, Math.abs(indexed[cell]! - naive[cell]!));
  results.push({
    name: `naive turf.distance double loop: ${CELL_COUNT} cells × ${FACILITY_COUNT} facilities`,
    medianMs: naiveMs,
    runs: 1,
  });
  results.push({
    name: `kdbush nearest (this engine): ${CELL_COUNT} cells × ${FACILITY_COUNT} facilities, one category`,
    medianMs: indexedMs,
    runs: 9,
    targetMs: 15,
    note: `${(naiveMs / indexedMs).toFixed(0)}× faster than naive (target ≥ 300×); max difference ${maxDifference.toFixed(3)} m (Float32 output)`,
  });
  results.push({
    name: `prepare ${CELL_COUNT} cells (radians, cos/sin; once per grid)`,
    medianMs: timeRuns(9, () => preparePoints(cells)),
    runs: 9,
  });

  // 2. all six categories, 2,000 facilities between them
  const sixCategories = syntheticFacilities(random, towns, FACILITY_COUNT, SIX_CATEGORIES);
  const sixIndex = new FacilityIndex(sixCategories);
  results.push({
    name: `index build: ${FACILITY_COUNT} facilities in 6 category trees`,
    medianMs: timeRuns(9, () => new FacilityIndex(sixCategories)),
    runs: 9,
  });
  results.push({
    name: `all 6 categories, uncapped distance: ${CELL_COUNT} cells × ${FACILITY_COUNT} facilities`,
    medianMs: timeRuns(9, () => {
      for (const category of SIX_CATEGORIES) scoreGrid(prepared, sixIndex, WOONZORGZONE_PROFILE, { kind: 'distance', category });
    }),
    runs: 9,
    targetMs: 100,
  });
  results.push({
    name: `norms met for zorggeschikt (6 capped searches): ${CELL_COUNT} cells`,
    medianMs: timeRuns(9, () => scoreGrid(prepared, sixIndex, WOONZORGZONE_PROFILE, { kind: 'normsMet', housingType: 'zorggeschikt' })),
    runs: 9,
  });

  // 3. incremental update during a drag
  results.push(benchIncremental(prepared, towns, 300, Infinity));
  results.push(benchIncremental(prepared, towns, 2000, Infinity));
  results.push(benchIncremental(prepared, towns, 300, 1200));

  // 4. the whole province grid
  const { geometry: province, label: provinceLabel } = loadProvince();
  for (const cellSizeMeters of [250, 100]) {
    let grid = buildProvinceGrid(province, cellSizeMeters);
    const buildMs = timeRuns(3, () => {
      grid = buildProvinceGrid(province, cellSizeMeters);
    });
    const gridPrepared = preparePoints(grid.centers);
    results.push({
      name: `province grid ${cellSizeMeters} m: build (${grid.cellCount} cells, ${provinceLabel})`,
      medianMs: buildMs,
      runs: 3,
    });
    results.push({
      name: `province grid ${cellSizeMeters} m: distance to one category (${grid.cellCount} cells)`,
      medianMs: timeRuns(5, () => scoreGrid(gridPrepared, sixIndex, WOONZORGZONE_PROFILE, { kind: 'distance', category: 'supermarkt' })),
      runs: 5,
    });
    results.push({
      name: `province grid ${cellSizeMeters} m: norms met for zorggeschikt (${grid.cellCount} cells)`,
      medianMs: timeRuns(5, () => scoreGrid(gridPrepared, sixIndex, WOONZORGZONE_PROFILE, { kind: 'normsMet', housingType: 'zorggeschikt' })),
      runs: 5,
    });
    if (cellSizeMeters === 250) results.push(benchBorderRule(grid, province));
  }

  // 5. the worker path during a drag: move one facility, get the updated norms-met grid back
  for (const cellSizeMeters of [250, 100]) {
    const handle = createReachabilityHandler();
    handle({ requestId: 1, type: 'setFacilities', facilities: { ...sixCategories, coordinates: sixCategories.coordinates.slice() } });
    handle({ requestId: 2, type: 'setGrid', province, cellSizeMeters });
    handle({ requestId: 3, type: 'scoreGrid', profile: WOONZORGZONE_PROFILE, target: { kind: 'normsMet', housingType: 'zorggeschikt' } });
    const dragRandom = seededRandom(7);
    const times: number[] = [];
    let requestId = 4;
    for (let step = 0; step < 60; step++) {
      const facility = Math.floor(dragRandom() * FACILITY_COUNT);
      const lon = sixCategories.coordinates[2 * facility]! + (dragRandom() - 0.5) * 0.004;
      const lat = sixCategories.coordinates[2 * facility + 1]! + (dragRandom() - 0.5) * 0.0025;
      const start = performance.now();
      handle({ requestId: requestId++, type: 'moveFacility', facilityId: sixCategories.ids[facility]!, location: [lon, lat] });
      // the first move builds the incremental fields; only later moves are drag steps
      if (step > 0) times.push(performance.now() - start);
    }
    results.push({
      name: `worker moveFacility + updated norms-met score, province grid ${cellSizeMeters} m`,
      medianMs: median(times),
      runs: times.length,
    });
  }
  return results;
}

export function formatBenchResults(results: BenchResult[]): string {
  const lines = results.map((result) => {
    const target = result.targetMs === undefined ? '' : ` (target ≤ ${result.targetMs} ms: ${result.medianMs <= result.targetMs ? 'met' : 'NOT met'})`;
    const note = result.note ? `\n      ${result.note}` : '';
    return `${result.medianMs.toFixed(3).padStart(10)} ms  ${result.name}, runs ${result.runs}${target}${note}`;
  });
  return ['Reachability benchmarks (synthetic seeded data, Overijssel bounding box)', ...lines].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runReachabilityBenchmarks()
    .then((results) => console.log(formatBenchResults(results)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
