// Reliability plan item 1: a database as schema version 1 wrote it (tests/fixtures/storage, built
// here with the plain IndexedDB API, not with the app's upgrade steps) is opened by the current code
// and restores exactly the expected datasets, facilities and OpenStreetMap cache.
// Also item 26: prototype keys that reach storage never pollute Object.prototype on the way back.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openWoonzorgkaartDatabase, type WoonzorgkaartDatabase } from '../../../src/storage/database';
import { createFacilityStorage } from '../../../src/storage/facilityPersistence';
import { getDataset } from '../../../src/storage/facilityRepository';
import { RECORD_SCHEMA_VERSION } from '../../../src/storage/storedRecords';
import { parseImport } from '../../../src/data/import/parseImport';

interface DatabaseFixture {
  version: number;
  stores: Record<string, { keyPath: string | string[] }>;
  records: Record<string, unknown[]>;
}

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/storage/${name}`, import.meta.url), 'utf8')) as T;
}

function request<T>(operation: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    operation.onsuccess = () => resolve(operation.result);
    operation.onerror = () => reject(operation.error);
  });
}

/** Writes the fixture as the old version did: its own store definitions and records, nothing from src/. */
async function writeFixture(name: string, fixture: DatabaseFixture): Promise<void> {
  const opening = indexedDB.open(name, fixture.version);
  opening.onupgradeneeded = () => {
    for (const [store, { keyPath }] of Object.entries(fixture.stores)) opening.result.createObjectStore(store, { keyPath });
  };
  const database = await request(opening);
  const transaction = database.transaction(Object.keys(fixture.records), 'readwrite');
  for (const [store, records] of Object.entries(fixture.records)) for (const record of records) transaction.objectStore(store).put(record);
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
  database.close();
}

let counter = 0;
const opened: WoonzorgkaartDatabase[] = [];
afterEach(() => {
  for (const database of opened.splice(0)) database.close();
});

describe('a database written by schema version 1', () => {
  it('opens with the current code and restores exactly the expected datasets (the never-read OpenStreetMap cache is dropped)', async () => {
    const name = `fixture-v1-${(counter += 1)}`;
    await writeFixture(name, readJson<DatabaseFixture>('woonzorgkaart-v1.json'));
    const expected = readJson<{ restored: unknown[] }>('woonzorgkaart-v1-expected.json');

    const storage = createFacilityStorage({ name, channelName: null });
    const { restored, issues } = await storage.restore();
    storage.close();
    expect(issues).toEqual([]);
    // the revision is storage bookkeeping (v1 records had none: they read as revision 1)
    expect(restored.map(({ revision }) => revision)).toEqual(expected.restored.map(() => 1));
    expect(restored.map(({ dataset, facilities }) => ({ dataset, facilities }))).toEqual(expected.restored);

    const database = await openWoonzorgkaartDatabase({ name });
    opened.push(database);
    // Version 3 removed the cache of Overpass downloads: nothing read it (downloads are facility datasets).
    expect([...database.objectStoreNames].sort()).toEqual(['facilityChunks', 'facilityDatasets', 'scenarioEdits', 'scenarios', 'walkNetworks']);
  });
});

describe('record formats in a database written by schema version 2', () => {
  it('a record the current code rewrites gets the current record format and keeps every other field', async () => {
    const name = `fixture-v2-${(counter += 1)}`;
    const fixture = readJson<DatabaseFixture>('woonzorgkaart-v2.json');
    await writeFixture(name, fixture);
    const [untouched, renamed] = fixture.records['facilityDatasets'] as Array<Record<string, unknown>>;
    const storage = createFacilityStorage({ name, channelName: null });
    const { issues } = await storage.restore();
    // Version 2 records carry no format: they read as format 0, with nothing to report.
    expect(issues).toEqual([]);
    await storage.renameDataset(String(renamed!['id']), 'Hernoemd na versie 2', Number(renamed!['revision']));
    storage.close();

    const database = await openWoonzorgkaartDatabase({ name });
    opened.push(database);
    // Renamed: the record format is stamped and the revision raised; every other field is as version 2 wrote it.
    expect(await getDataset(database, String(renamed!['id']))).toEqual({ ...renamed, name: 'Hernoemd na versie 2', revision: Number(renamed!['revision']) + 1, schemaVersion: RECORD_SCHEMA_VERSION });
    // Untouched: exactly as version 2 wrote it.
    expect(await getDataset(database, String(untouched!['id']))).toEqual(untouched);
  });
});

describe('prototype keys in imported data (item 26)', () => {
  it('an import with __proto__ and constructor.prototype keys is stored and restored without touching Object.prototype', async () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [] }).replace(
      '[]',
      '[{"type":"Feature","properties":{"naam":"Testlocatie Zwolle","categorie":"huisarts","__proto__":{"p":1},"constructor":{"prototype":{"q":1}},"telefoon":"000"},"geometry":{"type":"Point","coordinates":[6.091546,52.509705]}}]',
    );
    const result = await parseImport(text, { fileName: 'vervuild.geojson', datasetId: 'import-proto' });
    if (result.status !== 'ok') throw new Error(JSON.stringify(result));
    const name = `proto-${(counter += 1)}`;
    const first = createFacilityStorage({ name, channelName: null });
    await first.restore();
    await first.saveDataset(
      { id: 'import-proto', kind: 'import', name: 'Vervuild (test)', source: 'test', licence: '', retrievedAt: '2026-11-23T00:00:00Z', completeness: { huisarts: { kind: 'province' } }, hidden: false },
      result.facilities,
      'new',
    );
    first.close();
    const second = createFacilityStorage({ name, channelName: null });
    const { restored } = await second.restore();
    second.close();
    const [facility] = restored[0]!.facilities;
    expect(facility?.attributes.extra).toEqual({ telefoon: '000' });
    expect(Object.getPrototypeOf(facility?.attributes.extra)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['p']).toBeUndefined();
    expect(({} as Record<string, unknown>)['q']).toBeUndefined();
  });
});
