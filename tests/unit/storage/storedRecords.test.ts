// Issue 8 §0 for facility datasets: every stored record carries its format (schemaVersion), and its
// restore fills defaults, keeps unknown fields and reports what it could not read.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Facility, FacilityDataset } from '../../../src/domain/facility';
import { openWoonzorgkaartDatabase, type WoonzorgkaartDatabase } from '../../../src/storage/database';
import { getDataset, renameDataset, saveDataset } from '../../../src/storage/facilityRepository';
import { RECORD_SCHEMA_VERSION, restoreStoredChunk, restoreStoredDataset } from '../../../src/storage/storedRecords';

const dataset: FacilityDataset = { id: 'import-1', kind: 'import', name: 'Apotheken', source: 'test', licence: 'CC0', retrievedAt: '2026-11-23T09:00:00Z', completeness: { apotheek: { kind: 'province' } }, hidden: false };
const facility: Facility = { id: 'a', name: 'Apotheek a', category: 'apotheek', location: [6.1, 52.5], datasetId: 'import-1', attributes: {} };

let counter = 0;
const opened: WoonzorgkaartDatabase[] = [];
afterEach(() => {
  for (const database of opened.splice(0)) database.close();
});

async function freshDatabase(): Promise<WoonzorgkaartDatabase> {
  const database = await openWoonzorgkaartDatabase({ name: `records-${(counter += 1)}` });
  opened.push(database);
  return database;
}

describe('stored dataset records', () => {
  it('are written with the current record format, chunks too', async () => {
    const database = await freshDatabase();
    await saveDataset(database, dataset, [facility]);
    expect(await getDataset(database, 'import-1')).toMatchObject({ schemaVersion: RECORD_SCHEMA_VERSION });
    expect(await database.get('facilityChunks', ['import-1', 0])).toMatchObject({ schemaVersion: RECORD_SCHEMA_VERSION, facilities: [facility] });
  });

  it('restore without bookkeeping, keep unknown fields, and read a record without format as format 0 with nothing to report', () => {
    const stored = { ...dataset, facilityCount: 1, savedAt: 'x', revision: 4, chunkCount: 1, noteOfAnotherFeature: 'blijft' };
    expect(restoreStoredDataset(stored)).toEqual({ dataset: { ...dataset, noteOfAnotherFeature: 'blijft' }, revision: 4, unread: [] });
    expect(restoreStoredDataset({ ...stored, schemaVersion: RECORD_SCHEMA_VERSION })).toEqual({ dataset: { ...dataset, noteOfAnotherFeature: 'blijft' }, revision: 4, unread: [] });
  });

  it('say when a record comes from a newer format, and still read what they can', () => {
    const newer = RECORD_SCHEMA_VERSION + 1;
    const restored = restoreStoredDataset({ ...dataset, licence: { spdx: 'CC0-1.0' }, revision: 'twee', schemaVersion: newer });
    expect(restored).toEqual({
      dataset: { ...dataset, licence: '' },
      revision: 1,
      unread: [`written by a newer version of the app (record format ${newer}; this version reads format ${RECORD_SCHEMA_VERSION})`, 'licence is not text'],
    });
    expect(restoreStoredDataset({ ...dataset, kind: 'scenario' })).toEqual({ reason: 'unknown kind "scenario"' });
  });

  it('keep the newer format when this version rewrites such a record (its fields stay as they were)', async () => {
    const database = await freshDatabase();
    await database.put('facilityDatasets', { ...dataset, facilityCount: 0, savedAt: 'x', revision: 1, chunkCount: 0, schemaVersion: RECORD_SCHEMA_VERSION + 1, fieldOfTheNewerVersion: [1, 2] } as never);
    await renameDataset(database, 'import-1', 'Hernoemd', 1);
    expect(await getDataset(database, 'import-1')).toMatchObject({ name: 'Hernoemd', revision: 2, schemaVersion: RECORD_SCHEMA_VERSION + 1, fieldOfTheNewerVersion: [1, 2] });
  });
});

describe('stored chunks', () => {
  it('keep the facilities they can use, count the rest, and name a chunk they cannot read', () => {
    const chunk = { datasetId: 'import-1', index: 0, facilities: [facility, { ...facility, id: 'b', location: [Number.NaN, 52] }, { ...facility, id: 'c', attributes: 'x' }] };
    expect(restoreStoredChunk(chunk, 'import-1')).toEqual({ facilities: [facility, { ...facility, id: 'c', attributes: {} }], skipped: 1, unread: [] });
    expect(restoreStoredChunk({ datasetId: 'import-1', index: 3, facilities: 'kapot' }, 'import-1')).toEqual({ facilities: [], skipped: 0, unread: ['chunk 3 has no list of facilities'] });
    expect(restoreStoredChunk({ ...chunk, schemaVersion: RECORD_SCHEMA_VERSION + 1 }, 'import-1').unread).toEqual([
      `written by a newer version of the app (record format ${RECORD_SCHEMA_VERSION + 1}; this version reads format ${RECORD_SCHEMA_VERSION})`,
    ]);
  });
});
