// Fetching from OpenStreetMap: a failed save shows its real reason (issue 12, defect 4), with the
// Overpass download replaced by a fixed result.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Facility, FacilityDataset } from '../../../src/domain/facility';
import { StorageError } from '../../../src/storage/storageErrors';
import { $facilityDatasets, $facilitiesByDataset } from '../../../src/stores/facilities';
import { $storageProblems, setFacilityPersistence, type FacilityPersistence } from '../../../src/stores/facilityActions';
import type * as LoadOsmFacilities from '../../../src/data/osm/loadOsmFacilities';
import { $osmFetch, fetchOsmFacilities } from '../../../src/stores/osmFetch';
import { answeringPersistence, resetFacilityStores } from './facilityFixtures';

const dataset: FacilityDataset = {
  id: 'osm-province',
  kind: 'osm',
  name: 'OpenStreetMap – Heel Overijssel',
  source: 'OpenStreetMap',
  licence: 'ODbL',
  retrievedAt: '2026-11-23T09:00:00Z',
  completeness: { supermarkt: { kind: 'province' } },
  hidden: false,
};
const facilities: Facility[] = [{ id: 'node/1', name: 'Supermarkt', category: 'supermarkt', location: [6.09, 52.51], datasetId: 'osm-province', attributes: {} }];

vi.mock('../../../src/data/osm/loadOsmFacilities', async (importOriginal) => ({
  ...(await importOriginal<typeof LoadOsmFacilities>()),
  loadOsmFacilities: async () => ({ dataset, facilities, ignoredCount: 0, issues: [], skipped: [] }),
}));

function failingPersistence(error: unknown): FacilityPersistence {
  return answeringPersistence(() => Promise.reject(error));
}

beforeEach(() => {
  resetFacilityStores();
});

afterEach(() => setFacilityPersistence(null));

describe('saving an OpenStreetMap download', () => {
  it('a quota error stays a quota error in the fetch panel, and nothing is loaded', async () => {
    setFacilityPersistence(failingPersistence(new StorageError('quotaExceeded', 'The quota has been exceeded.')));
    await fetchOsmFacilities('province');
    expect($osmFetch.get()).toMatchObject({ status: 'failed', issue: { code: 'storage.quotaExceeded' } });
    expect($storageProblems.get().map((problem) => problem.code)).toEqual(['storage.quotaExceeded']);
    expect($facilityDatasets.get()).toEqual([]);
  });

  it('saves and loads the download when storage works', async () => {
    setFacilityPersistence({ ...failingPersistence(new Error('unused')), saveDataset: async () => 1 });
    await fetchOsmFacilities('province');
    expect($osmFetch.get()).toMatchObject({ status: 'done', count: 1 });
    expect($facilitiesByDataset.get().get('osm-province')).toEqual(facilities);
  });
});
