// Tests for the IndexedDB schema and facility repository on fake-indexeddb: round trips,
// all-or-nothing replace, metadata edits, OSM cache, and mapping of failures to StorageError.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Facility, FacilityDataset } from '../../../src/domain/facility';
import { DATABASE_VERSION, FACILITY_CHUNK_SIZE, openWoonzorgkaartDatabase, UPGRADE_STEPS, type WoonzorgkaartDatabase } from '../../../src/storage/database';
import {
  deleteDataset,
  getDataset,
  getFacilities,
  listDatasets,
  renameDataset,
  replaceDataset,
  saveDataset,
  setCompleteness,
  setHidden,
} from '../../../src/storage/facilityRepository';
import { createFacilityStorage } from '../../../src/storage/facilityPersistence';
import { StorageError } from '../../../src/storage/storageErrors';

let databaseCounter = 0;
const openDatabases: WoonzorgkaartDatabase[] = [];

async function freshDatabase(options: Parameters<typeof openWoonzorgkaartDatabase>[0] = {}): Promise<WoonzorgkaartDatabase> {
  databaseCounter += 1;
  const database = await openWoonzorgkaartDatabase({ name: `test-${databaseCounter}`, ...options });
  openDatabases.push(database);
  return database;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  for (const database of openDatabases.splice(0)) database.close();
});

function dataset(overrides: Partial<FacilityDataset> = {}): FacilityDataset {
  return { id: 'import-1', kind: 'import', name: 'Apotheken', source: 'apotheken.csv', licence: 'eigen bestand', retrievedAt: '2026-11-23T09:00:00Z', completeness: { apotheek: { kind: 'province' } }, hidden: false, ...overrides };
}

function facility(id: string, overrides: Partial<Facility> = {}): Facility {
  return { id, name: `Apotheek ${id}`, category: 'apotheek', location: [6.1, 52.5], datasetId: 'import-1', attributes: {}, ...overrides };
}

async function errorOf(promise: Promise<unknown>): Promise<StorageError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StorageError) return error;
    throw error;
  }
  throw new Error('expected a StorageError');
}

describe('database schema', () => {
  it('is at the version given by the number of upgrade steps', async () => {
    const database = await freshDatabase();
    expect(database.version).toBe(UPGRADE_STEPS.length);
    expect(DATABASE_VERSION).toBe(UPGRADE_STEPS.length);
  });

  it('has stores for datasets, facilities , draft scenarios and walk networks (the unused OSM cache is gone)', async () => {
    const database = await freshDatabase();
    expect([...database.objectStoreNames].sort()).toEqual(['facilityChunks', 'facilityDatasets', 'scenarioEdits', 'scenarios', 'walkNetworks']);
  });

  it('reports unavailable when indexedDB is missing (private mode, old browser)', async () => {
    vi.stubGlobal('indexedDB', undefined);
    expect((await errorOf(openWoonzorgkaartDatabase({ name: 'never' }))).kind).toBe('unavailable');
  });

  it('closes and tells the app when another tab opens a newer version', async () => {
    const onVersionChange = vi.fn();
    const database = await freshDatabase({ onVersionChange });
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(database.name, DATABASE_VERSION + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    newer.close();
    expect(onVersionChange.mock.calls[0]?.[0]).toMatchObject({ kind: 'versionChange' });
  });
});

describe('saving and reading datasets', () => {
  it('round-trips a dataset and its facilities', async () => {
    const database = await freshDatabase();
    await saveDataset(database, dataset(), [facility('a'), facility('b')], '2026-11-23T10:00:00Z');
    expect(await listDatasets(database)).toEqual([{ ...dataset(), facilityCount: 2, savedAt: '2026-11-23T10:00:00Z', revision: 1, chunkCount: 1, schemaVersion: 1 }]);
    expect(await getFacilities(database, 'import-1')).toEqual([facility('a'), facility('b')]);
  });

  it('keeps facilities of different datasets apart', async () => {
    const database = await freshDatabase();
    await saveDataset(database, dataset({ id: 'x' }), [facility('1', { datasetId: 'x' })]);
    await saveDataset(database, dataset({ id: 'x2' }), [facility('1', { datasetId: 'x2' }), facility('2', { datasetId: 'x2' })]);
    expect((await getFacilities(database, 'x')).map((item) => item.datasetId)).toEqual(['x']);
  });

  it('stores facilities under the dataset they are saved with', async () => {
    const database = await freshDatabase();
    await saveDataset(database, dataset({ id: 'other' }), [facility('a')]);
    expect((await getFacilities(database, 'other'))[0]?.datasetId).toBe('other');
  });

  it('refuses to save over an existing dataset', async () => {
    const database = await freshDatabase();
    await saveDataset(database, dataset(), [facility('a')]);
    expect((await errorOf(saveDataset(database, dataset(), [facility('b')]))).kind).toBe('conflict');
  });

  it('leaves nothing behind when a new save fails', async () => {
    const database = await freshDatabase();
    await saveDataset(database, dataset(), [facility('a')]);
    await errorOf(saveDataset(database, dataset(), [facility('b')]));
    expect(await getFacilities(database, 'import-1')).toEqual([facility('a')]);
  });
});

describe('replaceDataset', () => {
  it('replaces all facilities and the metadata', async () => {
    const database = await freshDatabase();
    await saveDataset(database, dataset(), [facility('a'), facility('b')]);
    await replaceDataset(database, dataset({ name: 'Nieuw' }), [facility('c')]);
    expect((await getFacilities(database, 'import-1')).map((item) => item.id)).toEqual(['c']);
    expect((await getDataset(database, 'import-1'))?.name).toBe('Nieuw');
  });

  it('keeps the old data when the replacement fails half-way', async () => {
    const database = await freshDatabase();
    await saveDataset(database, dataset(), [facility('a'), facility('b')]);
    // A function cannot be stored (DataCloneError); it sits in the second chunk, so the
    // transaction has already deleted the old chunks and written a new one when it fails.
    const unstorable = facility('bad', { attributes: { extra: { broken: (() => 'x') as unknown as string } } });
    const firstChunk = Array.from({ length: FACILITY_CHUNK_SIZE }, (_, index) => facility(`c${index}`));
    const error = await errorOf(replaceDataset(database, dataset({ name: 'Nieuw' }), [...firstChunk, unstorable, facility('d')]));
    expect(error.kind).toBe('failed');
    expect((await getFacilities(database, 'import-1')).map((item) => item.id)).toEqual(['a', 'b']);
    expect((await getDataset(database, 'import-1'))?.name).toBe('Apotheken');
  });

  it('maps a quota error during replace to quotaExceeded and keeps the old data', async () => {
    const database = await freshDatabase();
    await saveDataset(database, dataset(), [facility('a')]);
    const originalPut = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      calls += 1;
      // The second put is the second chunk: the old chunks are deleted, the first new one written.
      if (calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return originalPut.apply(this, args);
    });
    const error = await errorOf(replaceDataset(database, dataset(), Array.from({ length: FACILITY_CHUNK_SIZE + 1 }, (_, index) => facility(`n${index}`))));
    vi.restoreAllMocks();
    expect(error.kind).toBe('quotaExceeded');
    expect(error.issue.code).toBe('storage.quotaExceeded');
    expect((await getFacilities(database, 'import-1')).map((item) => item.id)).toEqual(['a']);
  });
});

describe('editing and deleting datasets', () => {
  it('renames a dataset', async () => {
    const database = await freshDatabase();
    await saveDataset(database, dataset(), []);
    await renameDataset(database, 'import-1', 'Apotheken Twente');
    expect((await getDataset(database, 'import-1'))?.name).toBe('Apotheken Twente');
  });

  it('hides a dataset', async () => {
    const database = await freshDatabase();
    await saveDataset(database, dataset(), []);
    await setHidden(database, 'import-1', true);
    expect((await getDataset(database, 'import-1'))?.hidden).toBe(true);
  });

  it('stores a changed coverage declaration and keeps the facilities', async () => {
    const database = await freshDatabase();
    await saveDataset(database, dataset(), [facility('a')]);
    await setCompleteness(database, 'import-1', { apotheek: { kind: 'municipalities', codes: ['GM0193'] } });
    expect((await getDataset(database, 'import-1'))?.completeness).toEqual({ apotheek: { kind: 'municipalities', codes: ['GM0193'] } });
    expect((await getFacilities(database, 'import-1')).map((item) => item.id)).toEqual(['a']);
  });

  it('restores records saved before per-category coverage: a download keeps its area, an import declares only its locations', async () => {
    const database = await freshDatabase();
    const name = database.name;
    const legacy = { facilityCount: 1, savedAt: '2026-11-23T09:00:00Z', hidden: false, licence: 'x', source: 'x', retrievedAt: '2026-11-23T09:00:00Z' };
    await database.put('facilityDatasets', { ...legacy, id: 'osm-GM0193', kind: 'osm', name: 'OSM Zwolle', coverage: ['GM0193'], categories: ['huisarts', 'apotheek'] } as never);
    await database.put('facilityDatasets', { ...legacy, id: 'import-old', kind: 'import', name: 'Oude lijst', coverage: 'province', categories: ['huisarts'] } as never);
    database.close();
    const storage = createFacilityStorage({ name, channelName: null });
    const { restored } = await storage.restore();
    storage.close();
    const byId = new Map(restored.map(({ dataset: restoredDataset }) => [restoredDataset.id, restoredDataset]));
    expect(byId.get('osm-GM0193')?.completeness).toEqual({
      huisarts: { kind: 'municipalities', codes: ['GM0193'] },
      apotheek: { kind: 'municipalities', codes: ['GM0193'] },
    });
    expect(byId.get('import-old')?.completeness).toEqual({});
    expect(byId.get('import-old')).not.toHaveProperty('coverage');
    expect(byId.get('import-old')).not.toHaveProperty('categories');
  });

  it('reports notFound when renaming a missing dataset', async () => {
    const database = await freshDatabase();
    expect((await errorOf(renameDataset(database, 'nope', 'x'))).kind).toBe('notFound');
  });

  it('deletes a dataset with its facilities only', async () => {
    const database = await freshDatabase();
    await saveDataset(database, dataset(), [facility('a')]);
    await saveDataset(database, dataset({ id: 'keep' }), [facility('k')]);
    await deleteDataset(database, 'import-1');
    expect((await listDatasets(database)).map((item) => item.id)).toEqual(['keep']);
    expect(await getFacilities(database, 'import-1')).toEqual([]);
    expect(await getFacilities(database, 'keep')).toHaveLength(1);
  });
});
