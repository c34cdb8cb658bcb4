import { describe, expect, it } from 'vitest';
import { createFacility, FACILITY_CATEGORIES, type Facility, type FacilityCategory, type TransitMode } from '../../../src/domain/facility';
import {
  MERGE_DISTANCE_METERS,
  MERGE_DISTANCE_UNNAMED_METERS,
  mergedFacilitiesBySourceKey,
  mergeFacilities,
  mergeFacilitiesPairwise,
  mergeFacilitiesSteps,
  normaliseFacilityName,
} from '../../../src/analysis/mergeFacilities';
import { runAtOnce } from '../../../src/analysis/slicedWork';
import { haversineMeters } from '../../../src/analysis/sphericalDistance';
import { seededRandom } from '../../support/seededRandom';

/** Zwolle railway station as the shipped DOVA stop-place register places it. */
const ZWOLLE: [number, number] = [6.091951, 52.504719];

/** A point `meters` north and `eastMeters` east of `from`. */
function offset(from: [number, number], meters: number, eastMeters = 0): [number, number] {
  const metersPerDegree = (6371008.8 * Math.PI) / 180;
  return [from[0] + eastMeters / (metersPerDegree * Math.cos((from[1] * Math.PI) / 180)), from[1] + meters / metersPerDegree];
}

function facility(
  datasetId: string,
  id: string,
  name: string,
  location: [number, number],
  category: FacilityCategory = 'ovHalte',
  transitMode: TransitMode = 'train',
): Facility {
  return createFacility({ id, name, category, location, datasetId, attributes: category === 'ovHalte' ? { transitMode } : {} });
}

describe('normaliseFacilityName', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(normaliseFacilityName('Mariënberg', 'ovHalte')).toBe(normaliseFacilityName('MARIENBERG', 'ovHalte'));
    expect(normaliseFacilityName("  Huisartsenpraktijk 't Hof ", 'huisarts')).toBe('huisartsenpraktijk t hof');
    expect(normaliseFacilityName('Deventer-Colmschate', 'ovHalte')).toBe('deventer colmschate');
  });

  it('drops generic stop words for public-transport stops only', () => {
    expect(normaliseFacilityName('Station Zwolle', 'ovHalte')).toBe('zwolle');
    expect(normaliseFacilityName('NS-station Zwolle', 'ovHalte')).toBe('zwolle');
    expect(normaliseFacilityName('Station Zwolle', 'ontmoetingsplek')).toBe('station zwolle');
  });

  it('gives an empty name for a missing one', () => {
    expect(normaliseFacilityName('', 'supermarkt')).toBe('');
    expect(normaliseFacilityName(' - ', 'supermarkt')).toBe('');
  });
});

describe('mergeFacilities', () => {
  it('a station in the shipped data and in OpenStreetMap is one facility with two sources', () => {
    const shipped = facility('embedded', 'NL:S:zl', 'Zwolle', ZWOLLE);
    const osm = facility('osm', 'node/1', 'Station Zwolle', offset(ZWOLLE, 60, 40));
    const merged = mergeFacilities([[shipped], [osm]]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.sources).toEqual([shipped, osm]);
    // the primary (first dataset) identifies the merged facility
    expect(merged[0]!.id).toBe('NL:S:zl');
    expect(merged[0]!.datasetId).toBe('embedded');
    expect(merged[0]!.location).toEqual(ZWOLLE);
    // every source's key finds it
    const byKey = mergedFacilitiesBySourceKey(merged);
    expect(byKey.get('embedded/NL:S:zl')).toBe(merged[0]);
    expect(byKey.get('osm/node/1')).toBe(merged[0]);
  });

  it('two different stations 50 m apart with different names stay two', () => {
    const merged = mergeFacilities([[facility('a', '1', 'Hengelo', ZWOLLE)], [facility('b', '2', 'Hengelo Oost', offset(ZWOLLE, 50))]]);
    expect(merged).toHaveLength(2);
    expect(merged.map((item) => item.sources.length)).toEqual([1, 1]);
  });

  it('equal names merge up to the distance threshold, not beyond', () => {
    const near = mergeFacilities([[facility('a', '1', 'Zwolle', ZWOLLE)], [facility('b', '2', 'Zwolle', offset(ZWOLLE, MERGE_DISTANCE_METERS - 5))]]);
    expect(near).toHaveLength(1);
    const far = mergeFacilities([[facility('a', '1', 'Zwolle', ZWOLLE)], [facility('b', '2', 'Zwolle', offset(ZWOLLE, MERGE_DISTANCE_METERS + 5))]]);
    expect(far).toHaveLength(2);
  });

  it('a facility without a name merges only within the shorter distance, and takes the other name', () => {
    const close = mergeFacilities([[facility('a', '1', '', ZWOLLE, 'supermarkt')], [facility('b', '2', 'Testsupermarkt', offset(ZWOLLE, MERGE_DISTANCE_UNNAMED_METERS - 5), 'supermarkt')]]);
    expect(close).toHaveLength(1);
    expect(close[0]!.name).toBe('Testsupermarkt');
    const apart = mergeFacilities([[facility('a', '1', '', ZWOLLE, 'supermarkt')], [facility('b', '2', 'Testsupermarkt', offset(ZWOLLE, MERGE_DISTANCE_UNNAMED_METERS + 10), 'supermarkt')]]);
    expect(apart).toHaveLength(2);
  });

  it('never merges across categories or transit modes, nor within one dataset', () => {
    expect(mergeFacilities([[facility('a', '1', 'Zwolle', ZWOLLE)], [facility('b', '2', 'Zwolle', ZWOLLE, 'ovHalte', 'bus')]])).toHaveLength(2);
    expect(mergeFacilities([[facility('a', '1', 'Zwolle', ZWOLLE)], [facility('b', '2', 'Zwolle', ZWOLLE, 'ovHalte', 'unknown')]])).toHaveLength(1);
    expect(mergeFacilities([[facility('a', '1', 'De Linde', ZWOLLE, 'zorg24uur')], [facility('b', '2', 'De Linde', ZWOLLE, 'woonzorgcentrum')]])).toHaveLength(2);
    expect(mergeFacilities([[facility('a', '1', 'Zwolle', ZWOLLE), facility('a', '2', 'Zwolle', ZWOLLE)]])).toHaveLength(2);
  });

  it('takes at most one record per dataset: the nearest', () => {
    const nearer = facility('b', 'near', 'Zwolle', offset(ZWOLLE, 20));
    const further = facility('b', 'far', 'Zwolle', offset(ZWOLLE, 80));
    const merged = mergeFacilities([[facility('a', '1', 'Zwolle', ZWOLLE)], [further, nearer]]);
    expect(merged).toHaveLength(2);
    expect(merged[0]!.sources.map((source) => source.id)).toEqual(['1', 'near']);
    expect(merged[1]!.sources.map((source) => source.id)).toEqual(['far']);
  });

  it('merges three datasets into one facility and fills missing attributes from the others', () => {
    const shipped = facility('a', '1', 'Zwolle', ZWOLLE);
    const osm = createFacility({ id: '2', name: 'Zwolle', category: 'ovHalte', location: offset(ZWOLLE, 30), datasetId: 'b', attributes: { transitMode: 'train', operator: 'NS' } });
    const own = facility('c', '3', 'zwolle', offset(ZWOLLE, -30));
    const merged = mergeFacilities([[shipped], [osm], [own]]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.sources.map((source) => source.datasetId)).toEqual(['a', 'b', 'c']);
    expect(merged[0]!.attributes.operator).toBe('NS');
  });

  it('gives the same groups as the pairwise reference on dense synthetic data', () => {
    const next = seededRandom(7);
    const names = ['Zwolle', 'Kampen', 'Deventer', 'De Linde', ''];
    const datasets: Facility[][] = [[], [], []];
    // clusters of nearby records in all three datasets, so many merges and near-misses
    for (let cluster = 0; cluster < 200; cluster++) {
      const centre: [number, number] = [6.0 + next() * 0.2, 52.4 + next() * 0.15];
      const category = FACILITY_CATEGORIES[Math.floor(next() * 3) + 3]!;
      const clusterName = names[Math.floor(next() * (names.length - 1))]!;
      for (let member = 0; member < 4; member++) {
        const dataset = Math.floor(next() * 3);
        const location = offset(centre, (next() - 0.5) * 200, (next() - 0.5) * 200);
        const draw = next();
        const name = draw < 0.7 ? clusterName : names[Math.floor(next() * names.length)]!;
        datasets[dataset]!.push(facility(`d${dataset}`, `${cluster}-${member}`, name, location, category));
      }
    }
    const fast = mergeFacilities(datasets);
    const slow = mergeFacilitiesPairwise(datasets);
    const ids = (merged: typeof fast) => merged.map((item) => item.sources.map((source) => `${source.datasetId}/${source.id}`).join('+'));
    expect(ids(fast)).toEqual(ids(slow));
    // a group split over many small kd-trees (as a large import's is) finds the same candidates
    expect(ids(runAtOnce(mergeFacilitiesSteps(datasets, 7)))).toEqual(ids(slow));
    expect(fast.some((item) => item.sources.length === 3)).toBe(true);
    expect(fast.length).toBeLessThan(800);
    // every merged pair satisfies the rule's distance limit
    for (const item of fast) {
      for (const source of item.sources.slice(1)) {
        expect(haversineMeters(item.location[0], item.location[1], source.location[0], source.location[1])).toBeLessThanOrEqual(MERGE_DISTANCE_METERS);
      }
    }
  });
});
