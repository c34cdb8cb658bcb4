// Draft scenarios in IndexedDB (fake-indexeddb, a fresh IDBFactory per test): restore of the stored
// fixture and of damaged records, autosave, the revision check between tabs (RELIABILITY 5.5),
// a quota error on put (5.9), export → wipe → import (5.11), newer-version and same-id imports
// (5.12), and the database upgrade 2 → 3 keeping facility data.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCENARIO_SCHEMA_VERSION, type DraftScenario, type Site } from '../../../src/domain/scenario';
import { DATABASE_NAME, openWoonzorgkaartDatabase } from '../../../src/storage/database';
import { createFacilityStorage, type FacilityStorage } from '../../../src/storage/facilityPersistence';
import { createScenarioStorage, type ScenarioStorage } from '../../../src/storage/scenarioPersistence';
import { listScenarioRecords, writeScenario } from '../../../src/storage/scenarioRepository';
import { $storageProblems, $storageStatus, resetFacilityRevisions, setFacilityPersistence } from '../../../src/stores/facilityActions';
import { $facilitiesByDataset, $facilityDatasets } from '../../../src/stores/facilities';
import { $scenarioImport, confirmScenarioImport, exportScenarioFile, previewScenarioFile } from '../../../src/stores/scenarioFiles';
import {
  $scenarios,
  $activeScenarioId,
  applyScenarioEdit,
  createScenario,
  deleteScenario,
  renameScenario,
  selectScenario,
  setScenarioClock,
  setScenarios,
  undoDelete,
} from '../../../src/stores/scenarios';
import { $scenarioConflicts, $scenarioSaveStatus, attachScenarioPersistence, flushScenarioSaves, keepConflictedAsCopy, scenarioRevision } from '../../../src/stores/scenarioStorage';
import { startFacilityStorage, startScenarioStorage } from '../../../src/stores/storageConnection';
import { testSite } from '../../support/syntheticScenario';

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/storage/${name}`, import.meta.url), 'utf8')) as T;
}

interface DatabaseFixture {
  version: number;
  stores: Record<string, { keyPath: string | string[] }>;
  records: Record<string, unknown[]>;
}

/** The object stores of database version 3, as that version creates them. */
const V3_STORES: DatabaseFixture['stores'] = {
  facilityDatasets: { keyPath: 'id' },
  facilityChunks: { keyPath: ['datasetId', 'index'] },
  scenarios: { keyPath: 'id' },
  scenarioEdits: { keyPath: ['scenarioId', 'index'] },
};

let factory: IDBFactory;
let channelCounter = 0;
let channelName: string;
const closers: Array<() => void> = [];

beforeEach(() => {
  factory = new IDBFactory();
  vi.stubGlobal('indexedDB', factory);
  channelCounter += 1;
  channelName = `scenario-test-${channelCounter}`;
  let ids = 0;
  let seconds = 0;
  setScenarioClock({ newId: () => `id-${channelCounter}-${++ids}`, now: () => new Date(Date.UTC(2026, 11, 1, 12, 0, seconds++)).toISOString() });
  setScenarios([]);
  $activeScenarioId.set(null);
  $storageProblems.set([]);
  $storageStatus.set('opening');
  $facilityDatasets.set([]);
  $facilitiesByDataset.set(new Map());
  $scenarioImport.set({ status: 'idle' });
  resetFacilityRevisions();
  setFacilityPersistence(null);
});

afterEach(async () => {
  await attachScenarioPersistence(null);
  for (const close of closers.splice(0)) close();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  setScenarioClock(null);
  setFacilityPersistence(null);
});

const site = (id: string, name = 'Spoorzone'): Site => testSite(id, { name, location: [6.09, 52.51] });

/** The app in this tab: facility storage, then scenarios over the same connection. */
async function startApp(): Promise<{ facility: FacilityStorage; scenarios: ScenarioStorage }> {
  const facility = await startFacilityStorage({ channelName: `${channelName}-facilities` });
  const scenarios = await startScenarioStorage(facility, { channelName });
  closers.push(() => scenarios.close(), () => facility.close());
  return { facility, scenarios };
}

/** Another tab: its own connection and scenario storage (this process has one set of stores). */
async function otherTab(): Promise<ScenarioStorage> {
  const facility = createFacilityStorage({ channelName: `${channelName}-facilities` });
  await facility.restore();
  const scenarios = createScenarioStorage({ withDatabase: facility.withDatabase, channelName });
  closers.push(() => scenarios.close(), () => facility.close());
  return scenarios;
}

/** Another tab reads the one stored scenario and saves it with `change`: revision 2. */
async function changedInOtherTab(change: Partial<DraftScenario>): Promise<ScenarioStorage> {
  const other = await otherTab();
  const { restored } = await other.restore();
  await other.saveScenario({ ...restored[0]!.scenario, ...change }, restored[0]!.revision);
  return other;
}

/** What a reload would find. */
async function storedScenarios(): Promise<Array<Record<string, unknown>>> {
  const database = await openWoonzorgkaartDatabase();
  try {
    return (await listScenarioRecords(database)).map(({ value }) => value as Record<string, unknown>);
  } finally {
    database.close();
  }
}

function problemCodes(): string[] {
  return $storageProblems.get().map((problem) => problem.code);
}

function request<T>(operation: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    operation.onsuccess = () => resolve(operation.result);
    operation.onerror = () => reject(operation.error);
  });
}

/** Writes a database as an old version did: its own store definitions and records, nothing from src/. */
async function writeFixture(fixture: DatabaseFixture): Promise<void> {
  const opening = factory.open(DATABASE_NAME, fixture.version);
  opening.onupgradeneeded = () => {
    for (const [store, { keyPath }] of Object.entries(fixture.stores)) opening.result.createObjectStore(store, { keyPath });
  };
  const database = await request(opening);
  const stores = Object.keys(fixture.records).filter((store) => fixture.records[store]!.length > 0);
  const transaction = database.transaction(stores, 'readwrite');
  for (const store of stores) for (const record of fixture.records[store]!) transaction.objectStore(store).put(record);
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
  database.close();
}

describe('database version 3', () => {
  it('upgrades the version 2 fixture: facility datasets, facilities and revisions unchanged, scenarios store added, the unused OSM cache removed', async () => {
    await writeFixture(readJson<DatabaseFixture>('woonzorgkaart-v2.json'));
    const expected = readJson<{ restored: unknown[] }>('woonzorgkaart-v2-expected.json');
    const storage = createFacilityStorage({ channelName: null });
    closers.push(() => storage.close());
    const { restored, issues } = await storage.restore();
    expect(issues).toEqual([]);
    expect(restored).toEqual(expected.restored);
    const names = await storage.withDatabase(async (database) => [...database.objectStoreNames].sort());
    expect(names).toEqual(['facilityChunks', 'facilityDatasets', 'scenarioEdits', 'scenarios', 'walkNetworks']);
  });

  it('restores the stored scenario fixture (schemaVersion 1) exactly, with its revision', async () => {
    const fixture = readJson<DatabaseFixture>('scenario-v1.json');
    const expected = readJson<{ restored: unknown[] }>('scenario-v1-expected.json');
    await writeFixture({ version: 3, stores: { ...V3_STORES, ...fixture.stores }, records: fixture.records });
    const scenarios = createScenarioStorage({ withDatabase: (operation) => openWoonzorgkaartDatabase().then(async (database) => { try { return await operation(database); } finally { database.close(); } }), channelName: null });
    const report = await scenarios.restore();
    expect(report).toEqual({ restored: expected.restored, issues: [] });
  });
});

describe('scenario restore', () => {
  it('one damaged or newer record costs only itself: the others load, each problem is named, the newer one stays untouched', async () => {
    const fixture = readJson<{ records: { scenarios: Array<Record<string, unknown>>; scenarioEdits: Array<Record<string, unknown>> } }>('scenario-v1.json');
    const good = fixture.records.scenarios[0]!;
    const newer = { ...good, id: 'newer', name: 'Uit de toekomst', schemaVersion: SCENARIO_SCHEMA_VERSION + 1 };
    const broken = { id: 'broken', name: 'Kapot', schemaVersion: 1, revision: 1, edits: 'niet een lijst', createdAt: 5 };
    const noId = { name: 'Zonder id', schemaVersion: 1 };
    await writeFixture({
      version: 3,
      stores: V3_STORES,
      records: { scenarios: [good, newer, broken], scenarioEdits: fixture.records.scenarioEdits },
    });
    // A record without an id under some key (written by hand or a broken version).
    const database = await openWoonzorgkaartDatabase();
    await (database as unknown as { put(store: string, value: unknown): Promise<unknown> }).put('scenarios', { ...noId, id: 'zz' }).catch(() => {});
    database.close();
    await startApp();
    expect($scenarios.get().map((scenario) => scenario.name).sort()).toEqual(['Kapot', 'Testscenario Zwolle', 'Zonder id']);
    expect(problemCodes().sort()).toEqual(['storage.scenarioNewer', 'storage.scenarioRepaired', 'storage.scenarioRepaired']);
    expect($storageProblems.get().find((problem) => problem.code === 'storage.scenarioNewer')?.params).toMatchObject({ name: 'Uit de toekomst' });
    // The newer record is never overwritten by this version.
    await expect(writeScenario(await openWoonzorgkaartDatabase(), { ...(good as unknown as DraftScenario), edits: [], id: 'newer' }, 'any')).rejects.toMatchObject({ kind: 'conflict' });
    expect((await storedScenarios()).find((record) => record['id'] === 'newer')).toEqual({ ...newer, edits: [] });
  });
});

describe('scenario edit chunks', () => {
  it('an unreadable chunk ends the edits there: the ones before are kept and the loss is named', async () => {
    await startApp();
    createScenario('Plan A');
    for (let index = 0; index < 150; index += 1) applyScenarioEdit({ kind: 'moveKeyProject', keyProjectId: `kp-${index}`, from: null, to: { location: [6.1, 52.5], precision: 'planner' } });
    await flushScenarioSaves();
    const database = await openWoonzorgkaartDatabase();
    const [scenario] = $scenarios.get();
    await database.put('scenarioEdits', { scenarioId: scenario!.id, index: 1, edits: 'kapot' as never });
    database.close();
    await attachScenarioPersistence(null);
    for (const close of closers.splice(0)) close();
    setScenarios([]);
    await startApp();
    expect($scenarios.get()[0]?.edits).toHaveLength(100);
    expect($storageProblems.get()).toEqual([expect.objectContaining({ code: 'storage.scenarioRepaired', params: expect.objectContaining({ reason: expect.stringContaining('edit 101 unreadable') }) })]);
  });
});

describe('autosave', () => {
  it('saves a new draft and its edits after the delay, one revision per write, and a reload finds them', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await startApp();
    const scenario = createScenario('Plan A');
    applyScenarioEdit({ kind: 'addSite', site: site('s1') });
    applyScenarioEdit({ kind: 'updateSite', siteId: 's1', before: { name: 'Spoorzone' }, after: { name: 'Spoorzone Noord' } });
    expect($scenarioSaveStatus.get()).toBe('pending');
    expect(await storedScenarios()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    await flushScenarioSaves();
    vi.useRealTimers();
    expect($scenarioSaveStatus.get()).toBe('saved');
    const stored = await storedScenarios();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: scenario.id, schemaVersion: SCENARIO_SCHEMA_VERSION, revision: 1, appliedCount: 2 });
    renameScenario(scenario.id, 'Plan B');
    await flushScenarioSaves();
    expect(scenarioRevision(scenario.id)).toBe(2);
    // Reload: the stores are empty and the storage is read again.
    const before = $scenarios.get();
    setScenarios([]);
    await attachScenarioPersistence(null);
    await startApp();
    expect($scenarios.get()).toEqual(before);
  });

  it('deletes at once and undoDelete writes the draft back', async () => {
    await startApp();
    const scenario = createScenario('Plan A');
    await flushScenarioSaves();
    deleteScenario(scenario.id);
    await flushScenarioSaves();
    expect(await storedScenarios()).toEqual([]);
    undoDelete();
    await flushScenarioSaves();
    expect((await storedScenarios()).map((record) => record['name'])).toEqual(['Plan A']);
  });
});

describe('two tabs (RELIABILITY 5.5 for scenarios)', () => {
  it('a stale tab gets a conflict instead of overwriting; both versions are kept', async () => {
    await startApp();
    const scenario = createScenario('Plan A');
    applyScenarioEdit({ kind: 'addSite', site: site('s1') });
    await flushScenarioSaves();
    // The other tab read revision 1 and saves its own change: revision 2.
    const other = await otherTab();
    const { restored } = await other.restore();
    const theirs = { ...restored[0]!.scenario, name: 'Plan A (ander tabblad)' };
    expect(await other.saveScenario(theirs, restored[0]!.revision)).toBe(2);
    // This tab still thinks revision 1 and saves an edit: refused, nothing overwritten.
    applyScenarioEdit({ kind: 'updateSite', siteId: 's1', before: { name: 'Spoorzone' }, after: { name: 'Mijn versie' } });
    await flushScenarioSaves();
    expect(problemCodes()).toEqual(['storage.scenarioConflict']);
    expect($scenarioConflicts.get().has(scenario.id)).toBe(true);
    expect((await storedScenarios())[0]).toMatchObject({ name: 'Plan A (ander tabblad)', revision: 2, appliedCount: 1 });
    // This tab's version is still here …
    expect($scenarios.get()[0]?.edits).toHaveLength(2);
    // … and is kept as a copy, while the original follows the other tab.
    await keepConflictedAsCopy(scenario.id, 'Plan A (mijn versie)');
    await flushScenarioSaves();
    const stored = await storedScenarios();
    expect(stored.map((record) => record['name']).sort()).toEqual(['Plan A (ander tabblad)', 'Plan A (mijn versie)']);
    expect(stored.find((record) => record['name'] === 'Plan A (mijn versie)')?.['appliedCount']).toBe(2);
    expect($scenarios.get().find((item) => item.id === scenario.id)?.name).toBe('Plan A (ander tabblad)');
  });

  it('a stale delete is refused too', async () => {
    await startApp();
    const scenario = createScenario('Plan A');
    await flushScenarioSaves();
    await changedInOtherTab({ description: 'gewijzigd' });
    deleteScenario(scenario.id);
    await flushScenarioSaves();
    expect(problemCodes()).toEqual(['storage.scenarioConflict']);
    expect((await storedScenarios())[0]).toMatchObject({ description: 'gewijzigd' });
  });

  it('learns of another tab’s change through the BroadcastChannel', async () => {
    await startApp();
    const scenario = createScenario('Plan A');
    await flushScenarioSaves();
    const other = await changedInOtherTab({ name: 'Hernoemd elders' });
    await vi.waitFor(() => expect($scenarios.get()[0]?.name).toBe('Hernoemd elders'));
    expect(scenarioRevision(scenario.id)).toBe(2);
    await other.deleteScenario(scenario.id, 2);
    await vi.waitFor(() => expect($scenarios.get()).toEqual([]));
  });
});

describe('quota (RELIABILITY 5.9 for scenarios)', () => {
  it('a quota error on put is shown, the stored draft is unchanged, the draft stays in memory and is saved later', async () => {
    await startApp();
    const scenario = createScenario('Plan A');
    await flushScenarioSaves();
    const originalPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    renameScenario(scenario.id, 'Plan B');
    await flushScenarioSaves();
    expect(problemCodes()).toEqual(['storage.quotaExceeded']);
    expect($scenarioSaveStatus.get()).toBe('failed');
    expect((await storedScenarios())[0]).toMatchObject({ name: 'Plan A', revision: 1 });
    expect($scenarios.get()[0]?.name).toBe('Plan B');
    IDBObjectStore.prototype.put = originalPut;
    vi.restoreAllMocks();
    await flushScenarioSaves();
    expect((await storedScenarios())[0]).toMatchObject({ name: 'Plan B', revision: 2 });
  });
});

describe('session only (no storage)', () => {
  it('keeps drafts in memory, says so, and export still works', async () => {
    vi.stubGlobal('indexedDB', undefined);
    await startApp();
    expect($storageStatus.get()).toBe('sessionOnly');
    const scenario = createScenario('Plan A');
    await flushScenarioSaves();
    expect($scenarioSaveStatus.get()).toBe('sessionOnly');
    expect($scenarios.get()).toEqual([scenario]);
    expect(exportScenarioFile()?.text).toContain('Plan A');
    expect(problemCodes()).toEqual([]);
  });
});

describe('files (RELIABILITY 5.11, 5.12)', () => {
  it('export → wipe → import gives an equal scenario', async () => {
    await startApp();
    const scenario = createScenario('Plan A', { description: 'Met alles', measuredAgainst: 'trend' });
    applyScenarioEdit({ kind: 'addSite', site: site('s1') });
    applyScenarioEdit({ kind: 'moveKeyProject', keyProjectId: 'kp-1', from: null, to: { location: [6.1, 52.5], precision: 'planner' } });
    applyScenarioEdit({ kind: 'updateSite', siteId: 's1', before: { year: null }, after: { year: 2029 } });
    selectScenario(scenario.id);
    const file = exportScenarioFile([scenario.id])!;
    await flushScenarioSaves();
    const exported = $scenarios.get()[0]!;
    expect(exported.lastExportedAt).not.toBeNull();
    // Wipe: delete the database and start again.
    await attachScenarioPersistence(null);
    for (const close of closers.splice(0)) close();
    await request(factory.deleteDatabase(DATABASE_NAME));
    setScenarios([]);
    await startApp();
    expect($scenarios.get()).toEqual([]);
    expect(previewScenarioFile(file.fileName, file.text)).toMatchObject({ status: 'preview', entries: [{ asCopy: false, repairs: [] }] });
    confirmScenarioImport((name) => `${name} (geïmporteerd)`);
    await flushScenarioSaves();
    expect($scenarios.get()).toEqual([{ ...exported, lastExportedAt: null }]);
    const [record] = await storedScenarios();
    expect(record).toMatchObject({ id: scenario.id, edits: exported.edits, appliedCount: 3 });
  });

  it('a draft whose id exists is added as a copy; the original is untouched', async () => {
    await startApp();
    const scenario = createScenario('Plan A');
    applyScenarioEdit({ kind: 'addSite', site: site('s1') });
    const file = exportScenarioFile()!;
    renameScenario(scenario.id, 'Plan A, verder bewerkt');
    await flushScenarioSaves();
    const state = previewScenarioFile(file.fileName, file.text);
    expect(state).toMatchObject({ status: 'preview', entries: [{ asCopy: true }] });
    const [copy] = confirmScenarioImport((name) => `${name} (geïmporteerd)`);
    await flushScenarioSaves();
    expect(copy?.id).not.toBe(scenario.id);
    expect(copy?.name).toBe('Plan A (geïmporteerd)');
    expect($scenarios.get().map((item) => item.name)).toEqual(['Plan A, verder bewerkt', 'Plan A (geïmporteerd)']);
    expect((await storedScenarios()).map((record) => record['name']).sort()).toEqual(['Plan A (geïmporteerd)', 'Plan A, verder bewerkt']);
  });

  it('a newer-version or broken file is refused with a message naming the file and why; nothing changes', async () => {
    await startApp();
    createScenario('Plan A');
    const file = exportScenarioFile()!;
    await flushScenarioSaves();
    const before = $scenarios.get();
    const newer = file.text.replace(`"schemaVersion": ${SCENARIO_SCHEMA_VERSION}`, `"schemaVersion": ${SCENARIO_SCHEMA_VERSION + 1}`);
    expect(previewScenarioFile('nieuw.json', newer)).toEqual({
      status: 'error',
      issue: { code: 'scenarioFiles.newerVersion', file: 'nieuw.json', params: { file: 'nieuw.json', reason: `format ${SCENARIO_SCHEMA_VERSION + 1}; this version reads up to ${SCENARIO_SCHEMA_VERSION}` } },
    });
    expect(confirmScenarioImport((name) => name)).toEqual([]);
    expect(previewScenarioFile('kapot.json', file.text.slice(0, 200))).toMatchObject({ status: 'error', issue: { code: 'scenarioFiles.notJson', params: { file: 'kapot.json' } } });
    expect($scenarios.get()).toBe(before);
    await flushScenarioSaves();
    expect(await storedScenarios()).toHaveLength(1);
  });
});

describe('navigator.storage.persist()', () => {
  it('records the browser\'s answer: kept for good, clearable, or not asked for', async () => {
    const { $storagePersistence, requestPersistentStorage } = await import('../../../src/stores/scenarioStorage');
    expect(await requestPersistentStorage({ persisted: async () => true, persist: async () => false })).toBe('persistent');
    const persist = vi.fn(async () => false);
    expect(await requestPersistentStorage({ persisted: async () => false, persist })).toBe('bestEffort');
    expect(persist).toHaveBeenCalledOnce();
    expect($storagePersistence.get()).toBe('bestEffort');
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => true })).toBe('persistent');
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
  });
});
