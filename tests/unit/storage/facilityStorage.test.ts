// The storage connection and the facility actions on fake-indexeddb (a fresh IDBFactory per test):
// issue 12 defects 1–4 and 6, issue 7 point 5 (tabs never undo each other), and RELIABILITY.md
// section 5 items 2–4 and 6–10 applied to facility datasets.
import 'fake-indexeddb/auto';
import { forceCloseDatabase, IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Facility, FacilityDataset } from '../../../src/domain/facility';
import { DATABASE_NAME, FACILITY_CHUNK_SIZE, UPGRADE_STEPS, type UpgradeStep } from '../../../src/storage/database';
import { createFacilityStorage, type FacilityStorage } from '../../../src/storage/facilityPersistence';
import { getDataset, getFacilities, listDatasets } from '../../../src/storage/facilityRepository';
import { openWoonzorgkaartDatabase } from '../../../src/storage/database';
import { $facilitiesByDataset, $facilityDatasets } from '../../../src/stores/facilities';
import {
  $storageProblems,
  $storageStatus,
  datasetRevision,
  deleteFacilityDataset,
  renameFacilityDataset,
  resetFacilityRevisions,
  saveFacilityDataset,
  setFacilityDatasetHidden,
  setFacilityPersistence,
} from '../../../src/stores/facilityActions';
import { startFacilityStorage } from '../../../src/stores/storageConnection';

let factory: IDBFactory;
/** Every raw connection the app opened, so a test can close one abnormally. */
let connections: IDBDatabase[];
let channelCounter = 0;
let channelName: string;
const started: FacilityStorage[] = [];

beforeEach(() => {
  factory = new IDBFactory();
  connections = [];
  const open = factory.open.bind(factory);
  factory.open = (name: string, version?: number) => {
    const request = open(name, version);
    request.addEventListener('success', () => connections.push(request.result));
    return request;
  };
  vi.stubGlobal('indexedDB', factory);
  channelCounter += 1;
  channelName = `storage-test-${channelCounter}`;
  $facilityDatasets.set([]);
  $facilitiesByDataset.set(new Map());
  $storageProblems.set([]);
  $storageStatus.set('opening');
  resetFacilityRevisions();
  setFacilityPersistence(null);
});

afterEach(() => {
  for (const storage of started.splice(0)) storage.close();
  for (const connection of connections) connection.close();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  setFacilityPersistence(null);
});

function dataset(overrides: Partial<FacilityDataset> = {}): FacilityDataset {
  return { id: 'import-1', kind: 'import', name: 'Apotheken', source: 'apotheken.csv', licence: 'eigen bestand', retrievedAt: '2026-11-23T09:00:00Z', completeness: { apotheek: { kind: 'province' } }, hidden: false, ...overrides };
}

function facility(id: string, datasetId = 'import-1', overrides: Partial<Facility> = {}): Facility {
  return { id, name: `Apotheek ${id}`, category: 'apotheek', location: [6.1, 52.5], datasetId, attributes: {}, ...overrides };
}

/** The app in one tab: stores attached to storage on the shared fake database. */
async function startApp(options: Parameters<typeof startFacilityStorage>[0] = {}): Promise<FacilityStorage> {
  const storage = await startFacilityStorage({ channelName, ...options });
  started.push(storage);
  return storage;
}

/** Another tab on the same database (storage only; this process has one set of stores). */
async function otherTab(): Promise<FacilityStorage> {
  const storage = createFacilityStorage({ channelName });
  started.push(storage);
  await storage.restore();
  return storage;
}

/** What a reload would find: a fresh connection reading the database. */
async function storedAfterReload(): Promise<{ datasets: string[]; facilities: Record<string, string[]> }> {
  const database = await openWoonzorgkaartDatabase();
  try {
    const datasets = (await listDatasets(database)).map((item) => item.id).sort();
    const facilities: Record<string, string[]> = {};
    for (const id of datasets) facilities[id] = (await getFacilities(database, id)).map((item) => item.id);
    return { datasets, facilities };
  } finally {
    database.close();
  }
}

function problemCodes(): string[] {
  return $storageProblems.get().map((problem) => problem.code);
}

/** A raw connection at an old version that ignores `versionchange`, as a forgotten tab would. */
function holdOldVersion(version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DATABASE_NAME, version);
    request.onupgradeneeded = () => {
      for (let step = 0; step < version; step += 1) {
        if (step === 0) {
          request.result.createObjectStore('facilityDatasets', { keyPath: 'id' });
          request.result.createObjectStore('facilities', { keyPath: ['datasetId', 'id'] });
          request.result.createObjectStore('osmCache', { keyPath: 'areaKey' });
        }
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A version-1 database as the app wrote it before chunked storage: one record per facility. */
async function writeVersion1(datasets: Array<Record<string, unknown>>, facilities: Facility[]): Promise<void> {
  const database = await holdOldVersion(1);
  const transaction = database.transaction(['facilityDatasets', 'facilities'], 'readwrite');
  for (const record of datasets) transaction.objectStore('facilityDatasets').put(record);
  for (const item of facilities) transaction.objectStore('facilities').put(item);
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
  database.close();
}

function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('a save that was never saved never reports success (issue 12, defect 1)', () => {
  it('a save made before the database has opened waits for the open and is stored', async () => {
    const starting = startApp();
    // The planner saves while the database is still opening (same tick as start-up).
    const saving = saveFacilityDataset(dataset(), [facility('a')]);
    await starting;
    expect(await saving).toEqual({ ok: true, persisted: true });
    expect(await storedAfterReload()).toEqual({ datasets: ['import-1'], facilities: { 'import-1': ['a'] } });
  });

  it('a save with no storage attached at all fails visibly and changes nothing', async () => {
    const outcome = await saveFacilityDataset(dataset(), [facility('a')]);
    expect(outcome).toMatchObject({ ok: false, issue: { code: 'storage.notOpen' } });
    expect($facilityDatasets.get()).toEqual([]);
    expect(problemCodes()).toEqual(['storage.notOpen']);
  });

  it('after a failed open every write fails visibly and the stores stay as they were', async () => {
    const failing: UpgradeStep = () => {
      throw new Error('step exploded');
    };
    await startApp({ upgradeSteps: [...UPGRADE_STEPS, failing] });
    expect($storageStatus.get()).toBe('failed');
    const outcome = await saveFacilityDataset(dataset(), [facility('a')]);
    expect(outcome).toMatchObject({ ok: false, issue: { code: 'storage.upgradeFailed' } });
    expect($facilityDatasets.get()).toEqual([]);
    await renameFacilityDataset('import-1', 'x');
    expect($facilityDatasets.get()).toEqual([]);
  });
});

describe('an abnormal close (issue 12, defect 2; RELIABILITY 5.8)', () => {
  it('shows "closed", not "newer version", and the next save reopens and is stored', async () => {
    await startApp();
    await saveFacilityDataset(dataset(), [facility('a')]);
    // fake-indexeddb types the parameter as the class; it takes the connection.
    forceCloseDatabase(connections[0] as unknown as typeof IDBDatabase);
    await waitFor(() => $storageStatus.get() === 'closed', 'closed status');
    expect(problemCodes()).toEqual(['storage.closed']);
    const outcome = await saveFacilityDataset(dataset({ id: 'import-2' }), [facility('b', 'import-2')]);
    expect(outcome).toEqual({ ok: true, persisted: true });
    expect($storageStatus.get()).toBe('ready');
    expect(problemCodes()).toEqual([]);
    expect((await storedAfterReload()).datasets).toEqual(['import-1', 'import-2']);
  });

  it('reports a versionChange only when another tab really opened a newer version', async () => {
    await startApp();
    await saveFacilityDataset(dataset(), [facility('a')]);
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DATABASE_NAME, UPGRADE_STEPS.length + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    newer.close();
    expect($storageStatus.get()).toBe('versionChange');
    const outcome = await saveFacilityDataset(dataset({ id: 'import-2' }), []);
    expect(outcome).toMatchObject({ ok: false, issue: { code: 'storage.versionChange' } });
  });
});

describe('restore record by record (issue 12, defect 3)', () => {
  it('keeps every readable dataset and facility, names what was left out, and keeps unknown fields', async () => {
    await writeVersion1(
      [
        { ...dataset({ id: 'good' }), facilityCount: 2, savedAt: 'x', categoryCoverage: { apotheek: { kind: 'municipalities', codes: ['GM0193'] } } },
        // No kind this version can use: left out. A name that is not text: kept, under its id.
        { ...dataset({ id: 'broken' }), kind: 'anders', facilityCount: 1, savedAt: 'x' },
        { ...dataset({ id: 'mixed' }), facilityCount: 3, savedAt: 'x' },
        { ...dataset({ id: 'partly' }), name: 42, facilityCount: 0, savedAt: 'x' },
      ],
      [
        facility('g1', 'good'),
        facility('g2', 'good'),
        facility('b1', 'broken'),
        facility('m1', 'mixed'),
        facility('m2', 'mixed', { location: [Number.NaN, 52.5] }),
        facility('m3', 'mixed', { category: 'kapper' as Facility['category'] }),
      ],
    );
    await startApp();
    expect($storageStatus.get()).toBe('ready');
    expect($facilityDatasets.get().map((item) => item.id).sort()).toEqual(['good', 'mixed', 'partly']);
    expect($facilityDatasets.get().find((item) => item.id === 'partly')?.name).toBe('partly');
    expect($facilitiesByDataset.get().get('good')?.map((item) => item.id)).toEqual(['g1', 'g2']);
    expect($facilitiesByDataset.get().get('mixed')?.map((item) => item.id)).toEqual(['m1']);
    // A field another feature stores with the dataset survives the restore.
    expect($facilityDatasets.get().find((item) => item.id === 'good')).toMatchObject({ categoryCoverage: { apotheek: { kind: 'municipalities', codes: ['GM0193'] } } });
    expect($storageProblems.get()).toEqual([
      expect.objectContaining({ code: 'storage.recordUnreadable', params: { name: 'broken', reason: 'unknown kind "anders"' } }),
      expect.objectContaining({ code: 'storage.facilitiesUnreadable', params: { name: 'Apotheken', count: 2 } }),
      expect.objectContaining({ code: 'storage.recordPartlyRead', params: { name: 'partly', fields: 'name is not text' } }),
    ]);
    // Writes work after a partly failed restore.
    expect(await saveFacilityDataset(dataset({ id: 'new' }), [facility('n', 'new')])).toEqual({ ok: true, persisted: true });
  });

  it('keeps unknown fields of the stored record when a dataset is renamed or replaced', async () => {
    await writeVersion1([{ ...dataset(), facilityCount: 1, savedAt: 'x', categoryCoverage: { apotheek: 'province' } }], [facility('a')]);
    await startApp();
    await renameFacilityDataset('import-1', 'Nieuwe naam');
    await saveFacilityDataset({ ...dataset({ name: 'Nieuwe naam' }) }, [facility('b')]);
    const database = await openWoonzorgkaartDatabase();
    expect(await getDataset(database, 'import-1')).toMatchObject({ name: 'Nieuwe naam', categoryCoverage: { apotheek: 'province' }, revision: 3 });
    database.close();
  });
});

describe('storage problems are all kept and cleared when they end (issue 12, defect 4; RELIABILITY 5.6)', () => {
  it('shows "blocked" while an old tab holds the database, fails writes visibly meanwhile, and clears it when the block ends', async () => {
    const oldTab = await holdOldVersion(1);
    const starting = startApp();
    await waitFor(() => $storageStatus.get() === 'blocked', 'blocked status');
    expect(problemCodes()).toEqual(['storage.blocked']);
    const outcome = await saveFacilityDataset(dataset(), [facility('a')]);
    expect(outcome).toMatchObject({ ok: false, issue: { code: 'storage.blocked' } });
    expect($facilityDatasets.get()).toEqual([]);
    oldTab.close();
    await starting;
    expect($storageStatus.get()).toBe('ready');
    expect(problemCodes()).toEqual([]);
    expect(await saveFacilityDataset(dataset(), [facility('a')])).toEqual({ ok: true, persisted: true });
  });

  it('keeps every problem, not only the last one', async () => {
    await startApp();
    await saveFacilityDataset(dataset(), [facility('a')]);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await saveFacilityDataset(dataset({ id: 'import-2' }), [facility('b', 'import-2')]);
    await renameFacilityDataset('import-1', 'Andere naam');
    expect(problemCodes()).toEqual(['storage.quotaExceeded']);
    vi.restoreAllMocks();
    vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(() => {
      throw new DOMException('disk', 'UnknownError');
    });
    await deleteFacilityDataset('import-1');
    expect(problemCodes()).toEqual(['storage.quotaExceeded', 'storage.unavailable']);
  });
});

describe('quota (RELIABILITY 5.9)', () => {
  it('a quota error is typed, has a Dutch message key, and leaves stored data and stores unchanged', async () => {
    await startApp();
    await saveFacilityDataset(dataset(), [facility('a')]);
    const originalPut = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      calls += 1;
      if (calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return originalPut.apply(this, args);
    });
    const many = Array.from({ length: FACILITY_CHUNK_SIZE + 5 }, (_, index) => facility(`n${index}`));
    const outcome = await saveFacilityDataset(dataset({ name: 'Nieuw' }), many);
    vi.restoreAllMocks();
    expect(outcome).toMatchObject({ ok: false, issue: { code: 'storage.quotaExceeded' } });
    expect($facilitiesByDataset.get().get('import-1')?.map((item) => item.id)).toEqual(['a']);
    expect($facilityDatasets.get()[0]?.name).toBe('Apotheken');
    expect(await storedAfterReload()).toEqual({ datasets: ['import-1'], facilities: { 'import-1': ['a'] } });
  });
});

describe('durability (issue 12, defect 6)', () => {
  it('writes that delete old data ask for strict durability', async () => {
    await startApp();
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    await saveFacilityDataset(dataset(), [facility('a')]);
    await saveFacilityDataset(dataset(), [facility('b')]);
    await deleteFacilityDataset('import-1');
    const writes = transaction.mock.calls.filter((call) => call[1] === 'readwrite');
    expect(writes).toHaveLength(3);
    for (const call of writes) expect(call[2]).toEqual({ durability: 'strict' });
  });
});

describe('upgrades (RELIABILITY 5.2, 5.7)', () => {
  it('moves version-1 facilities into chunks, keeping every dataset and facility', async () => {
    const many = Array.from({ length: FACILITY_CHUNK_SIZE + 3 }, (_, index) => facility(`f${String(index).padStart(5, '0')}`, 'big'));
    await writeVersion1(
      [
        { ...dataset({ id: 'big' }), facilityCount: many.length, savedAt: 'x' },
        { ...dataset({ id: 'small', hidden: true }), facilityCount: 1, savedAt: 'x' },
      ],
      [...many, facility('s', 'small')],
    );
    await startApp();
    expect($facilitiesByDataset.get().get('big')).toEqual(many);
    expect($facilitiesByDataset.get().get('small')).toEqual([facility('s', 'small')]);
    expect($facilityDatasets.get().find((item) => item.id === 'small')?.hidden).toBe(true);
    expect(datasetRevision('big')).toBe(1);
    const database = await openWoonzorgkaartDatabase();
    expect(await getDataset(database, 'big')).toMatchObject({ revision: 1, chunkCount: 2, facilityCount: FACILITY_CHUNK_SIZE + 3 });
    database.close();
  });

  it('a failing upgrade step rejects the open, is shown, and leaves the old version with identical records', async () => {
    await writeVersion1([{ ...dataset(), facilityCount: 1, savedAt: 'x' }], [facility('a')]);
    const failingSecondStep: UpgradeStep = async (database, transaction) => {
      await UPGRADE_STEPS[1]!(database, transaction);
      throw new Error('migration step 2 failed');
    };
    await startApp({ upgradeSteps: [UPGRADE_STEPS[0]!, failingSecondStep] });
    expect($storageStatus.get()).toBe('failed');
    expect($storageProblems.get()).toEqual([expect.objectContaining({ code: 'storage.upgradeFailed', params: { reason: 'migration step 2 failed' } })]);
    const old = await holdOldVersion(1);
    expect(old.version).toBe(1);
    expect([...old.objectStoreNames].sort()).toEqual(['facilities', 'facilityDatasets', 'osmCache']);
    const records = await new Promise<unknown[]>((resolve) => {
      const request = old.transaction('facilities').objectStore('facilities').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    expect(records).toEqual([facility('a')]);
    old.close();
  });

  it('a tab asked to make way for a newer version lets its running save finish first', async () => {
    const storage = await startApp();
    const many = Array.from({ length: FACILITY_CHUNK_SIZE * 3 }, (_, index) => facility(`f${index}`));
    const saving = saveFacilityDataset(dataset(), many);
    await nextMacrotask();
    // Another tab opens version + 1 while the save is running.
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DATABASE_NAME, UPGRADE_STEPS.length + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(await saving).toEqual({ ok: true, persisted: true });
    expect(storage.status).toBe('versionChange');
    const count = await new Promise<number>((resolve) => {
      const request = newer.transaction('facilityChunks').objectStore('facilityChunks').count();
      request.onsuccess = () => resolve(request.result);
    });
    expect(count).toBe(3);
    newer.close();
  });
});

describe('slow work before the transaction (RELIABILITY 5.4)', () => {
  it('a save that first waits for timers and the open (non-database promises) still commits in one transaction', async () => {
    const starting = startApp();
    const saving = new Promise<void>((resolve) => setTimeout(resolve, 20)).then(() => saveFacilityDataset(dataset(), [facility('a'), facility('b')]));
    await starting;
    expect(await saving).toEqual({ ok: true, persisted: true });
    expect(await storedAfterReload()).toEqual({ datasets: ['import-1'], facilities: { 'import-1': ['a', 'b'] } });
  });
});

describe('private mode (RELIABILITY 5.10)', () => {
  it.each(['SecurityError', 'InvalidStateError'])('open failing with %s gives a visible session-only mode in which the app still works', async (name) => {
    factory.open = () => {
      throw new DOMException('not allowed here', name);
    };
    await startApp();
    expect($storageStatus.get()).toBe('sessionOnly');
    expect(await saveFacilityDataset(dataset(), [facility('a')])).toEqual({ ok: true, persisted: false });
    expect($facilitiesByDataset.get().get('import-1')).toHaveLength(1);
    await renameFacilityDataset('import-1', 'Hernoemd');
    expect($facilityDatasets.get()[0]?.name).toBe('Hernoemd');
    await deleteFacilityDataset('import-1');
    expect($facilityDatasets.get()).toEqual([]);
  });
});

describe('two tabs never undo each other (issue 7, point 5; RELIABILITY 5.5)', () => {
  it("a stale tab's replace of a dataset deleted in another tab is a conflict and re-creates nothing", async () => {
    await startApp();
    await saveFacilityDataset(dataset(), [facility('a')]);
    const seen = datasetRevision('import-1')!;
    const tabB = await otherTab();
    await tabB.deleteDataset('import-1', seen);
    // This tab replaces based on what it saw (the replace dialog keeps that revision).
    const outcome = await saveFacilityDataset(dataset({ name: 'Vervangen' }), [facility('z')], seen);
    expect(outcome).toMatchObject({ ok: false, issue: { code: 'storage.conflict' } });
    expect((await storedAfterReload()).datasets).toEqual([]);
  });

  it('a stale rename, hide or delete after another tab replaced the dataset is a conflict; the other tab keeps its data', async () => {
    await startApp({ channelName: null });
    await saveFacilityDataset(dataset(), [facility('a')]);
    const tabB = await otherTab();
    await tabB.saveDataset(dataset({ name: 'Van tab B' }), [facility('b')], datasetRevision('import-1')!);
    await renameFacilityDataset('import-1', 'Van tab A');
    await setFacilityDatasetHidden('import-1', true);
    await deleteFacilityDataset('import-1');
    expect(problemCodes()).toEqual(['storage.conflict']);
    expect($facilityDatasets.get()[0]).toMatchObject({ name: 'Apotheken', hidden: false });
    expect(await storedAfterReload()).toEqual({ datasets: ['import-1'], facilities: { 'import-1': ['b'] } });
  });

  it("a tab learns of another tab's import, replace and delete without reloading", async () => {
    await startApp();
    const tabB = await otherTab();
    await tabB.saveDataset(dataset({ id: 'from-b' }), [facility('b1', 'from-b')], 'new');
    await waitFor(() => $facilityDatasets.get().some((item) => item.id === 'from-b'), 'import from tab B');
    expect($facilitiesByDataset.get().get('from-b')?.map((item) => item.id)).toEqual(['b1']);
    await tabB.saveDataset(dataset({ id: 'from-b', name: 'Vervangen in B' }), [facility('b2', 'from-b')], 1);
    await waitFor(() => $facilityDatasets.get().some((item) => item.name === 'Vervangen in B'), 'replace from tab B');
    expect($facilitiesByDataset.get().get('from-b')?.map((item) => item.id)).toEqual(['b2']);
    // This tab now knows revision 2, so its own rename succeeds.
    await renameFacilityDataset('from-b', 'Hernoemd in A');
    expect(problemCodes()).toEqual([]);
    await tabB.deleteDataset('from-b', 'any');
    await waitFor(() => $facilityDatasets.get().length === 0, 'delete from tab B');
  });
});
