// Benchmark: what the main thread does when 20,000 facilities change (stores, counts, map GeoJSON),
// against a naive per-municipality count without bounding-box prefilter.
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { completenessFor, FACILITY_CATEGORIES, type Facility, type FacilityDataset } from '../../src/domain/facility';
import { countFacilitiesPerMunicipality, emptyCategoryCounts } from '../../src/analysis/facilitiesPerMunicipality';
import { toFeatureCollection } from '../../src/map/facilityLayers';
import { $facilityCountsByCategory, $visibleFacilities, putFacilityDataset } from '../../src/stores/facilities';
import { OVERIJSSEL_BOUNDS } from '../../src/domain/geography';
import { seededRandom } from '../support/seededRandom';

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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
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
  const result: FacilityLayerBenchmarkResult = {
    facilityCount: FACILITY_COUNT,
    storeUpdateMilliseconds: Math.round(median(storeTimes) * 10) / 10,
    featureCollectionMilliseconds: Math.round(median(collectionTimes) * 10) / 10,
    countsPerMunicipalityMilliseconds: Math.round(median(countTimes) * 10) / 10,
    naiveCountsPerMunicipalityMilliseconds: Math.round(naive),
  };
  console.log(`Facility layer update: ${FACILITY_COUNT.toLocaleString('en')} facilities (median of ${RUNS}; Node, main-thread work only)`);
  console.log('| step | ms |');
  console.log('|---|---|');
  console.log(`| stores: replace dataset, visible list, counts per category | ${result.storeUpdateMilliseconds} |`);
  console.log(`| GeoJSON for the map source (setData input) | ${result.featureCollectionMilliseconds} |`);
  console.log(`| counts per municipality, bbox prefilter | ${result.countsPerMunicipalityMilliseconds} |`);
  console.log(`| naive: point-in-polygon against every municipality | ${result.naiveCountsPerMunicipalityMilliseconds} (${(result.naiveCountsPerMunicipalityMilliseconds / result.countsPerMunicipalityMilliseconds).toFixed(1)}× slower) |`);
  return result;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runFacilityLayerBenchmarks();
}
