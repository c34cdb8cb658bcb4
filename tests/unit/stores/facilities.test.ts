import { beforeEach, describe, expect, it } from 'vitest';
import type { Facility, FacilityDataset } from '../../../src/domain/facility';
import {
  $activeFacilities,
  $categoryCompleteness,
  $facilitiesByKey,
  $facilityCountsByCategory,
  $partialCoverageCodes,
  $visibleFacilities,
  putFacilityDataset,
  removeFacilityDataset,
  toggleFacilityCategory,
  $facilityDatasets,
  $facilityModelPending,
  $hiddenCategories,
  updateFacilityDataset,
} from '../../../src/stores/facilities';
import { SLICE_ABOVE_ITEMS } from '../../../src/analysis/slicedWork';
import { $reachFacilities } from '../../../src/stores/reachabilityWorkerClient';

/** A dataset declaring supermarkets complete for the province or for some municipalities. */
const dataset = (id: string, coverage: 'province' | string[], kind: FacilityDataset['kind'] = 'osm'): FacilityDataset => ({
  id, kind, name: id, source: 'test', licence: 'test', retrievedAt: '2026-11-23',
  completeness: { supermarkt: coverage === 'province' ? { kind: 'province' } : { kind: 'municipalities', codes: coverage } }, hidden: false,
});
const facility = (id: string, datasetId: string, category: Facility['category'] = 'supermarkt'): Facility => ({
  id, name: id, category, location: [6.09, 52.51], datasetId, attributes: {},
});

describe('facility stores', () => {
  beforeEach(() => {
    for (const existing of $facilityDatasets.get()) removeFacilityDataset(existing.id);
    $hiddenCategories.set(new Set());
  });

  it('counts facilities per category over visible datasets only', () => {
    putFacilityDataset(dataset('a', 'province'), [facility('1', 'a'), facility('2', 'a', 'huisarts')]);
    putFacilityDataset(dataset('b', 'province'), [facility('3', 'b')]);
    updateFacilityDataset('b', { hidden: true });
    expect($facilityCountsByCategory.get().supermarkt).toBe(1);
    expect($facilityCountsByCategory.get().huisarts).toBe(1);
  });

  it('hides a category from the map but keeps it for analysis', () => {
    putFacilityDataset(dataset('a', 'province'), [facility('1', 'a'), facility('2', 'a', 'huisarts')]);
    toggleFacilityCategory('huisarts');
    expect($visibleFacilities.get().map((item) => item.id)).toEqual(['1']);
    expect($activeFacilities.get()).toHaveLength(2);
  });

  it('replacing a dataset with the same id swaps its facilities', () => {
    putFacilityDataset(dataset('a', 'province'), [facility('1', 'a')]);
    putFacilityDataset(dataset('a', 'province'), [facility('9', 'a'), facility('10', 'a')]);
    expect($activeFacilities.get().map((item) => item.id)).toEqual(['9', '10']);
  });

  it('outlines the municipalities of partial datasets, and nothing once a province dataset is loaded', () => {
    putFacilityDataset(dataset('zwolle', ['GM0193']), [facility('1', 'zwolle')]);
    putFacilityDataset(dataset('kampen', ['GM0166']), [facility('2', 'kampen')]);
    expect([...$partialCoverageCodes.get()].sort()).toEqual(['GM0166', 'GM0193']);
    putFacilityDataset(dataset('all', 'province'), [facility('3', 'all')]);
    expect($partialCoverageCodes.get()).toEqual([]);
  });

  it('does not outline anything for datasets that declare only their own locations (the embedded stations)', () => {
    putFacilityDataset({ ...dataset('stations', 'province', 'embedded'), completeness: {} }, [facility('1', 'stations', 'ovHalte')]);
    expect($partialCoverageCodes.get()).toEqual([]);
  });

  it('changes the declared coverage of a dataset', () => {
    putFacilityDataset(dataset('list', ['GM0193'], 'import'), [facility('1', 'list')]);
    updateFacilityDataset('list', { completeness: {} });
    expect($facilityDatasets.get()[0]?.completeness).toEqual({});
    expect($partialCoverageCodes.get()).toEqual([]);
  });
});

describe('one facility counted once across datasets', () => {
  beforeEach(() => {
    for (const existing of $facilityDatasets.get()) removeFacilityDataset(existing.id);
    $hiddenCategories.set(new Set());
  });

  const station = (id: string, datasetId: string, name: string, location: [number, number]): Facility => ({
    id, name, category: 'ovHalte', location, datasetId, attributes: { transitMode: 'train' },
  });

  it('a station shipped and fetched from OpenStreetMap is one facility, counted once, found by either key', () => {
    // OpenStreetMap loaded first: the shipped dataset still comes first in the merge (it is the primary).
    putFacilityDataset({ ...dataset('osm-province', 'province'), completeness: { ovHalte: { kind: 'province' } } }, [station('node/1', 'osm-province', 'Zwolle', [6.0925, 52.5049])]);
    putFacilityDataset(dataset('stations', 'province', 'embedded'), [
      station('NL:S:zl', 'stations', 'Zwolle', [6.091951, 52.504719]),
      station('NL:S:zlsh', 'stations', 'Zwolle Stadshagen', [6.051499, 52.527691]),
    ]);
    expect($facilityCountsByCategory.get().ovHalte).toBe(2);
    const zwolle = $activeFacilities.get().find((item) => item.name === 'Zwolle')!;
    expect(zwolle.datasetId).toBe('stations');
    expect(zwolle.sources.map((source) => source.datasetId)).toEqual(['stations', 'osm-province']);
    expect($facilitiesByKey.get().get('osm-province/node/1')).toBe(zwolle);
    expect($facilitiesByKey.get().get('stations/NL:S:zl')).toBe(zwolle);
    expect($reachFacilities.get().map((item) => item.id)).toEqual(['NL:S:zl', 'NL:S:zlsh']);
    // hiding the download leaves the shipped station on its own
    updateFacilityDataset('osm-province', { hidden: true });
    expect($activeFacilities.get().find((item) => item.name === 'Zwolle')!.sources).toHaveLength(1);
  });

  it('states how complete the province count is: railway stations only until a dataset declares stops', () => {
    putFacilityDataset({ ...dataset('stations', 'province', 'embedded'), completeness: {} }, [station('NL:S:zl', 'stations', 'Zwolle', [6.091951, 52.504719])]);
    expect($categoryCompleteness.get().ovHalte).toEqual({ kind: 'trainStationsOnly', count: 1 });
    putFacilityDataset({ ...dataset('osm', 'province'), completeness: { ovHalte: { kind: 'province' } } }, [station('node/1', 'osm', 'Station Zwolle', [6.0925, 52.5049])]);
    expect($categoryCompleteness.get().ovHalte).toEqual({ kind: 'complete', count: 1 });
  });

  it('builds the lists of a very large set in slices: the old lists stay until the new ones are whole, and a newer change wins', async () => {
    putFacilityDataset(dataset('small', 'province'), [facility('s1', 'small')]);
    const many = (datasetId: string) => Array.from({ length: SLICE_ABOVE_ITEMS + 1 }, (_, index) => facility(`${datasetId}-${index}`, datasetId));
    putFacilityDataset(dataset('big', 'province'), many('big'));
    // not built in the same task: the previous list is still what everything reads
    expect($facilityModelPending.get()).toBe(true);
    expect($activeFacilities.get().map((item) => item.id)).toEqual(['s1']);
    // a newer change before the first rebuild is done: only the newest result lands
    putFacilityDataset(dataset('big', 'province'), many('newer'));
    await new Promise<void>((resolve) => {
      const stop = $facilityModelPending.listen((pending) => {
        if (!pending) {
          stop();
          resolve();
        }
      });
    });
    const active = $activeFacilities.get();
    expect(active).toHaveLength(SLICE_ABOVE_ITEMS + 2);
    expect(active.some((item) => item.id.startsWith('big-'))).toBe(false);
    expect($facilitiesByKey.get().get(`newer/newer-${SLICE_ABOVE_ITEMS}`)?.id).toBe(`newer-${SLICE_ABOVE_ITEMS}`);
  });
});
