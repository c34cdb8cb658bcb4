// Benchmark: what the main thread does when 20,000 facilities change (stores, counts, map GeoJSON),
// against a naive per-municipality count without bounding-box prefilter; and merging the same
// facility across two datasets (kd-tree) against the naive pairwise loop, checking both agree.
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { completenessFor, FACILITY_CATEGORIES, type Facility, type FacilityDataset } from '../../src/domain/facility';
import { countFacilitiesPerMunicipality, emptyCategoryCounts } from '../../src/analysis/facilitiesPerMunicipality';
import { mergeFacilities, mergeFacilitiesPairwise, type MergedFacility } from '../../src/analysis/mergeFacilities';
import { toFeatureCollection } from '../../src/map/facilityGeoJson';
import { $facilityCountsByCategory, $visibleFacilities, putFacilityDataset } from '../../src/stores/facilities';
import { OVERIJSSEL_BOUNDS } from '../../src/domain/geography';
import { seededRandom } from '../support/seededRandom';
import { median } from './timing';

const FACILITY_COUNT = 20_000;
const RUNS = 5;

function syntheticFacilities(count: number): Facility[] {
  const next = seededRandom(42);
  const [west, south, east, north] = OVERIJSSEL_BOUNDS;
  return Array.from({ length: count }, (_, index) => ({
    id: `f${index}`,
    name: `Synthetic ${index}`,
    category: FACILITY_CATEGORIES[index % FACILITY_CATEGORIES.length]!,
    location: [west + next() * (east - west), south + next() * (north - south)] as [number, number],
    datasetId: 'bench',
    attributes: {},
  }));
}

/**
 * Two datasets of 10,000 each: the second repeats half of the first (same name, moved up to about
 * 70 m, as a second source of the same facility would) and adds 5,000 of its own.
 */
function overlappingDatasets(facilities: readonly Facility[]): [Facility[], Facility[]] {
  const next = seededRandom(43);
  const half = facilities.length / 2;
  const first = facilities.slice(0, half);
  const second = facilities.slice(half).map((facility, index) => {
    if (index % 2 === 1) return { ...facility, datasetId: 'bench-2' };
    const original = first[index]!;
    const shift = (): number => (next() - 0.5) * 0.001; // ±0.0005° ≈ ±35 m north, ±55 m east
    return { ...original, id: `copy-${original.id}`, datasetId: 'bench-2', location: [original.location[0] + shift(), original.location[1] + shift()] as [number, number] };
  });
  return [first, second];
}

function groupKeys(merged: readonly MergedFacility[]): string {
  return merged.map((facility) => facility.sources.map((source) => `${source.datasetId}/${source.id}`).join('+')).join(',');
}


function time(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

function naiveCounts(facilities: readonly Facility[], municipalities: ReadonlyArray<Feature<Polygon | MultiPolygon, { code: string }>>) {
  const counts = new Map(municipalities.map((feature) => [feature.properties.code, emptyCategoryCounts()]));
  for (const facility of facilities) {
    const area = municipalities.find((feature) => booleanPointInPolygon(facility.location, feature));
    if (area) counts.get(area.properties.code)![facility.category]++;
  }
  return counts;
}

export interface FacilityLayerBenchmarkResult {
  facilityCount: number;
  storeUpdateMilliseconds: number;
  featureCollectionMilliseconds: number;
  countsPerMunicipalityMilliseconds: number;
  naiveCountsPerMunicipalityMilliseconds: number;
  mergedFacilityCount: number;
  mergeMilliseconds: number;
  naiveMergeMilliseconds: number;
}

export async function runFacilityLayerBenchmarks(): Promise<FacilityLayerBenchmarkResult> {
  const facilities = syntheticFacilities(FACILITY_COUNT);
  const boundaries = JSON.parse(readFileSync('geo/boundaries/overijssel-gemeenten-cbs-2026.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { statcode: string }>;
  const municipalities = boundaries.features.map((feature) => ({ ...feature, properties: { code: feature.properties.statcode } }));
  const dataset: FacilityDataset = {
    id: 'bench', kind: 'import', name: 'bench', source: 'synthetic', licence: 'n/a', retrievedAt: '2026-01-01',
    completeness: completenessFor(FACILITY_CATEGORIES, { kind: 'province' }), hidden: false,
  };
  const storeTimes: number[] = [];
  const collectionTimes: number[] = [];
  const countTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const copy = facilities.slice();
    storeTimes.push(time(() => {
      putFacilityDataset(dataset, copy);
      $visibleFacilities.get();
      $facilityCountsByCategory.get();
    }));
    collectionTimes.push(time(() => toFeatureCollection($visibleFacilities.get())));
    countTimes.push(time(() => countFacilitiesPerMunicipality(copy, municipalities)));
  }
  const naive = time(() => naiveCounts(facilities, municipalities));
  const fast = countFacilitiesPerMunicipality(facilities, municipalities);
  const slow = naiveCounts(facilities, municipalities);
  for (const [code, counts] of fast) {
    if (JSON.stringify(counts) !== JSON.stringify(slow.get(code))) throw new Error(`counts differ for ${code}`);
  }
  const datasets = overlappingDatasets(facilities);
  const mergeTimes: number[] = [];
  let merged: MergedFacility[] = [];
  for (let run = 0; run < RUNS; run++) mergeTimes.push(time(() => (merged = mergeFacilities(datasets))));
  let pairwise: MergedFacility[] = [];
  const naiveMerge = time(() => (pairwise = mergeFacilitiesPairwise(datasets)));
  if (groupKeys(merged) !== groupKeys(pairwise)) throw new Error('kd-tree merge and pairwise merge give different facilities');
  const result: FacilityLayerBenchmarkResult = {
    facilityCount: FACILITY_COUNT,
    storeUpdateMilliseconds: Math.round(median(storeTimes) * 10) / 10,
    featureCollectionMilliseconds: Math.round(median(collectionTimes) * 10) / 10,
    countsPerMunicipalityMilliseconds: Math.round(median(countTimes) * 10) / 10,
    naiveCountsPerMunicipalityMilliseconds: Math.round(naive),
    mergedFacilityCount: merged.length,
    mergeMilliseconds: Math.round(median(mergeTimes) * 10) / 10,
    naiveMergeMilliseconds: Math.round(naiveMerge),
  };
  console.log(`Facility layer update: ${FACILITY_COUNT.toLocaleString('en')} facilities (median of ${RUNS}; Node, main-thread work only)`);
  console.log('| step | ms |');
  console.log('|---|---|');
  console.log(`| stores: replace dataset, visible list, counts per category | ${result.storeUpdateMilliseconds} |`);
  console.log(`| GeoJSON for the map source (setData input) | ${result.featureCollectionMilliseconds} |`);
  console.log(`| counts per municipality, bbox prefilter | ${result.countsPerMunicipalityMilliseconds} |`);
  console.log(`| naive: point-in-polygon against every municipality | ${result.naiveCountsPerMunicipalityMilliseconds} (${(result.naiveCountsPerMunicipalityMilliseconds / result.countsPerMunicipalityMilliseconds).toFixed(1)}× slower) |`);
  console.log(`| merge across 2 datasets → ${result.mergedFacilityCount.toLocaleString('en')} facilities, kd-tree | ${result.mergeMilliseconds} |`);
  console.log(`| naive: every pair compared (same result checked) | ${result.naiveMergeMilliseconds} (${(result.naiveMergeMilliseconds / result.mergeMilliseconds).toFixed(0)}× slower) |`);
  return result;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runFacilityLayerBenchmarks();
}
