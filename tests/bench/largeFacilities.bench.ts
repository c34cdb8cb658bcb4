// Benchmark: main-thread work when an import of 430,187 facilities (issue 7, point 6) arrives, is
// saved into the stores and is drawn, each step against the way it was done before. A browser runs
// each of these as (part of) one task: everything over 200 ms blocks input noticeably.
// Run: npx tsx tests/bench/largeFacilities.bench.ts (also part of `npm run bench`).

import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { completenessFor, FACILITY_CATEGORIES, facilityKey, type Facility, type FacilityDataset } from '../../src/domain/facility';
import { countFacilitiesPerMunicipality } from '../../src/analysis/facilitiesPerMunicipality';
import { packFacilities as packForReachability, packFacilitiesSteps } from '../../src/analysis/facilityIndex';
import { SLICE_BUDGET_MILLISECONDS, type Steps } from '../../src/analysis/slicedWork';
import { FIRST_UPDATE_SIZE, MAX_UPDATE_SIZE, toFeature, toFeatureCollection } from '../../src/map/facilityGeoJson';
import { packFacilities, unpackFacilities, unpackFacilitiesSteps } from '../../src/data/import/importProtocol';
import { mergeFacilities, mergeFacilitiesOneTree } from '../../src/analysis/mergeFacilities';
import { parseTrainStations, TRAIN_STATIONS_FILE } from '../../src/data/trainStations';
import { $activeFacilities, $facilitiesByKey, $facilityCountsByCategory, $partialCoverageCodes, $undeclaredCategories, $visibleFacilities, putFacilityDataset, removeFacilityDataset } from '../../src/stores/facilities';
import { $reachFacilities } from '../../src/stores/reachabilityWorkerClient';
import { OVERIJSSEL_BOUNDS } from '../../src/domain/geography';
import { seededRandom } from '../support/seededRandom';
import { ISSUE_ROW_COUNT } from '../support/largeFacilityCsv';
import { median } from './timing';

const RUNS = 3;

function syntheticFacilities(count: number): Facility[] {
  const next = seededRandom(430);
  const [west, south, east, north] = OVERIJSSEL_BOUNDS;
  return Array.from({ length: count }, (_, index) => ({
    id: `f${index}`,
    name: `Testvoorziening ${index}`,
    category: FACILITY_CATEGORIES[index % FACILITY_CATEGORIES.length]!,
    location: [west + next() * (east - west), south + next() * (north - south)] as [number, number],
    datasetId: 'import-bench',
    attributes: { address: `Dorpsstraat ${index % 180}, Zwolle` },
  }));
}

/** The 36 railway stations the app ships (DOVA CHB), as the stores hold them beside an import. */
function shippedStations(): Facility[] {
  return parseTrainStations(JSON.parse(readFileSync(TRAIN_STATIONS_FILE, 'utf8')));
}


function time(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/**
 * Runs the steps as the page does (./slicedWork's runInSlices: a slice ends at the first pause after
 * its budget) and returns the longest slice in milliseconds: the longest main-thread task they make.
 */
function longestSlice<T>(steps: Steps<T>): number {
  let longest = 0;
  let start = performance.now();
  for (;;) {
    const next = steps.next();
    const now = performance.now();
    if (next.done) return Math.max(longest, now - start);
    if (now - start >= SLICE_BUDGET_MILLISECONDS) {
      longest = Math.max(longest, now - start);
      start = performance.now();
    }
  }
}

function medianTime(work: () => unknown): number {
  return Math.round(median(Array.from({ length: RUNS }, () => time(work))));
}

/** The locator as it was (bounding box, then point-in-polygon for every facility): the baseline. */
function previousCounts(facilities: readonly Facility[], municipalities: ReadonlyArray<Feature<Polygon | MultiPolygon, { code: string }>>): Map<string, number> {
  const areas = municipalities.map((feature) => ({ feature, box: bbox(feature) }));
  const counts = new Map<string, number>();
  for (const { location } of facilities) {
    const [lon, lat] = location;
    const area = areas.find(({ feature, box }) => lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3] && booleanPointInPolygon(location, feature));
    if (area) counts.set(area.feature.properties.code, (counts.get(area.feature.properties.code) ?? 0) + 1);
  }
  return counts;
}

export interface LargeFacilitiesBenchmarkRow {
  step: string;
  beforeMilliseconds: number;
  afterMilliseconds: number;
  note: string;
}

export async function runLargeFacilitiesBenchmarks(count = ISSUE_ROW_COUNT): Promise<LargeFacilitiesBenchmarkRow[]> {
  const facilities = syntheticFacilities(count);
  const boundaries = JSON.parse(readFileSync('geo/boundaries/overijssel-gemeenten-cbs-2026.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { statcode: string }>;
  const municipalities = boundaries.features.map((feature) => ({ ...feature, properties: { code: feature.properties.statcode } }));
  const dataset: FacilityDataset = {
    id: 'import-bench', kind: 'import', name: 'bench', source: 'synthetic', licence: 'n/a', retrievedAt: '2026-12-01',
    completeness: completenessFor(FACILITY_CATEGORIES, { kind: 'province' }), hidden: false,
  };
  const rows: LargeFacilitiesBenchmarkRow[] = [];

  // 1. The import result arrives from the worker.
  const packed = packFacilities(facilities);
  const chunkCount = packed.records.length;
  const wholeUnpack = medianTime(() => unpackFacilities(packed));
  rows.push({
    step: 'unpack the import result (longest task)',
    beforeMilliseconds: wholeUnpack,
    afterMilliseconds: Math.round(median(Array.from({ length: 5 }, () => longestSlice(unpackFacilitiesSteps(packed))))),
    note: `slices of about ${SLICE_BUDGET_MILLISECONDS} ms over ${chunkCount} chunks instead of one task`,
  });

  // 2. The stores take the dataset: every derived list the app subscribes to is computed. Before:
  // two separate store updates, each recomputing flatMap copies of the lists.
  const unsubscribers = [$activeFacilities, $visibleFacilities, $facilityCountsByCategory, $reachFacilities, $partialCoverageCodes, $undeclaredCategories].map((store) => store.listen(() => {}));
  const storeTime = medianTime(() => {
    removeFacilityDataset(dataset.id);
    putFacilityDataset(dataset, facilities);
  });
  const declared = new Set(FACILITY_CATEGORIES);
  const previousLists = medianTime(() => {
    for (let update = 0; update < 2; update += 1) {
      [facilities].flatMap((list) => list);
      [facilities].flatMap((list) => list.filter((facility) => declared.has(facility.category)));
    }
  });
  rows.push({ step: 'stores: put dataset, derived lists and counts per category', beforeMilliseconds: previousLists + storeTime, afterMilliseconds: storeTime, note: 'one batch; lists shared, not copied with flatMap; above 50,000 facilities the merged lists follow in slices (merge row below)' });
  // the imported list itself: above SLICE_ABOVE_ITEMS the stores build the merged list in slices, after this synchronous put
  const reachPack = medianTime(() => packForReachability(facilities));
  rows.push({
    step: 'pack facilities for the reachability worker (longest task)',
    beforeMilliseconds: reachPack,
    afterMilliseconds: Math.round(median(Array.from({ length: 5 }, () => longestSlice(packFacilitiesSteps(facilities))))),
    note: `slices of about ${SLICE_BUDGET_MILLISECONDS} ms`,
  });
  unsubscribers.forEach((unsubscribe) => unsubscribe());

  // 2b. The merge of the import with the 36 shipped stations (what the stores do on every change):
  // one tree over all facilities, searched around each, against one tree per dataset and category.
  const stations = shippedStations();
  const mergedNow = mergeFacilities([stations, facilities]);
  const mergedBefore = mergeFacilitiesOneTree([stations, facilities]);
  const idsOf = (merged: typeof mergedNow) => merged.map((item) => item.sources.map((source) => `${source.datasetId}/${source.id}`).join('+')).join('|');
  if (idsOf(mergedNow) !== idsOf(mergedBefore)) throw new Error('the per-category merge differs from the one-tree merge');
  rows.push({
    step: 'merge with the 36 shipped stations',
    beforeMilliseconds: medianTime(() => mergeFacilitiesOneTree([stations, facilities])),
    afterMilliseconds: medianTime(() => mergeFacilities([stations, facilities])),
    note: 'one kd-tree searched around every facility → a tree per dataset and category, searched only where another dataset has that category (same groups, checked)',
  });

  // 3. Looking up a facility by key (facility and reachability panels).
  const byKeyMap = medianTime(() => new Map(facilities.map((facility) => [facilityKey(facility), facility])));
  const lastKey = facilityKey(facilities[facilities.length - 1]!);
  const lookup = medianTime(() => $facilitiesByKey.get().get(lastKey));
  rows.push({ step: 'find a facility by key after a change', beforeMilliseconds: byKeyMap, afterMilliseconds: lookup, note: 'Map of every key → search on request (last facility: worst case)' });

  // 4. The map source: all GeoJSON objects cloned to MapLibre's worker in one message, against one
  // message of the chunked updateData feed (its first size; later ones are sized by their time).
  const objects = medianTime(() => structuredClone(toFeatureCollection(facilities)));
  const firstMessage = medianTime(() => structuredClone({ add: facilities.slice(0, FIRST_UPDATE_SIZE).map(toFeature) }));
  const largestMessage = medianTime(() => structuredClone({ add: facilities.slice(0, MAX_UPDATE_SIZE).map(toFeature) }));
  rows.push({
    step: 'GeoJSON for the map source (longest task)',
    beforeMilliseconds: objects,
    afterMilliseconds: firstMessage,
    note: `all objects + one clone to MapLibre's worker → updateData messages of ${FIRST_UPDATE_SIZE.toLocaleString('en')} features at first (${MAX_UPDATE_SIZE.toLocaleString('en')} at most: ${largestMessage} ms), sized by their time`,
  });

  // 5. Facilities per municipality (the municipality panel).
  const before = medianTime(() => previousCounts(facilities, municipalities));
  const after = medianTime(() => countFacilitiesPerMunicipality(facilities, municipalities));
  const fast = countFacilitiesPerMunicipality(facilities, municipalities);
  for (const [code, total] of previousCounts(facilities, municipalities)) {
    const counted = Object.values(fast.get(code) ?? {}).reduce((sum, value) => sum + value, 0);
    if (counted !== total) throw new Error(`counts differ for ${code}: ${counted} against ${total}`);
  }
  rows.push({ step: 'facilities per municipality', beforeMilliseconds: before, afterMilliseconds: after, note: 'bbox + point-in-polygon per facility → grid, point-in-polygon near boundaries only' });

  removeFacilityDataset(dataset.id);
  console.log(`Large import, main-thread steps: ${count.toLocaleString('en')} facilities (median of ${RUNS}; Node; a browser task is at least this long)`);
  console.log('| step | before ms | after ms | how |');
  console.log('|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.step} | ${row.beforeMilliseconds} | ${row.afterMilliseconds} | ${row.note} |`);
  return rows;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runLargeFacilitiesBenchmarks();
}
