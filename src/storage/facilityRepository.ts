// Reading and writing facility datasets. Every failure reaches the caller as a
// StorageError.
//
// How a dataset is written (save, replace):
// - Everything that can take time or fail without the database (checking the facilities, cutting
//   them into chunks) happens BEFORE the transaction opens: a transaction commits by itself as soon
//   as nothing is pending, so it must never wait for anything but its own requests.
// - Then ONE read-write transaction checks the stored revision (see below), deletes the old chunks,
//   writes the new ones and the metadata. Atomic by construction: after a crash or a failed put the
//   database holds the old dataset or the new one, never a mix.
// - The chunks are put one after the other, each awaited. Every success event is its own task, so
//   the browser handles input between two chunks: saving 400,000 facilities is a few hundred short
//   steps instead of one long task (the old one-request-per-facility save froze the page 14.5 s).
// - A write that deletes old data (replace, delete) asks for `strict` durability: since Chrome 121
//   the default is `relaxed`, which may report success before the data reaches the disk.
//
// Revisions: each dataset record carries `revision`, raised on every write. A write says which
// revision it saw ('new' = none); inside its transaction it compares with what is stored and
// throws a 'conflict' StorageError, writing nothing, when another tab changed or deleted the dataset.

import type { IDBPTransaction, StoreNames } from 'idb';
import type { DatasetCompleteness, Facility, FacilityDataset } from '../domain/facility';
import {
  FACILITY_CHUNK_SIZE,
  type FacilityChunk,
  type StoredFacilityDataset,
  type WoonzorgkaartDatabase,
  type WoonzorgkaartSchema,
} from './database';
import { StorageError, toStorageError } from './storageErrors';
import { RECORD_SCHEMA_VERSION, recordSchemaVersion } from './storedRecords';

type Stores = StoreNames<WoonzorgkaartSchema>;
type WriteTransaction<S extends Stores[]> = IDBPTransaction<WoonzorgkaartSchema, S, 'readwrite'>;

/** The revision a write expects to find: 'new' = the dataset must not exist, 'any' = no check. */
export type ExpectedRevision = number | 'new' | 'any';

/**
 * All chunk keys [ownerId, anything] of one dataset or scenario: arrays sort after numbers, so
 * [id, []] bounds every [id, number].
 */
export function chunkKeyRange(ownerId: string): IDBKeyRange {
  return IDBKeyRange.bound([ownerId], [ownerId, []]);
}

/**
 * Replaces all chunks of one owner inside a write transaction: deletes the old ones, then puts the
 * new ones sequentially on purpose: each await lets the browser run input between two chunks.
 */
export async function replaceChunks<Chunk>(
  store: { delete(range: IDBKeyRange): Promise<void>; put(chunk: Chunk): Promise<unknown> },
  ownerId: string,
  chunks: Iterable<Chunk>,
): Promise<void> {
  await store.delete(chunkKeyRange(ownerId));
  for (const chunk of chunks) await store.put(chunk);
}

/**
 * Runs `work` in a read-write transaction. Request promises are registered through `track` so
 * none rejects unobserved; on any error the transaction is aborted and the first cause is
 * reported (the browser reports quota problems on the transaction, so that error wins).
 */
export async function write<S extends Stores[], T>(
  database: WoonzorgkaartDatabase,
  stores: S,
  durability: 'strict' | 'default',
  work: (transaction: WriteTransaction<S>, track: (request: Promise<unknown>) => void) => Promise<T> | T,
): Promise<T> {
  let transaction: WriteTransaction<S>;
  try {
    transaction = database.transaction(stores, 'readwrite', { durability });
  } catch (error) {
    throw toStorageError(error);
  }
  const done = transaction.done;
  done.catch(() => {});
  const pending: Promise<unknown>[] = [];
  const track = (request: Promise<unknown>) => {
    request.catch(() => {});
    pending.push(request);
  };
  try {
    const result = await work(transaction, track);
    await Promise.all(pending);
    await done;
    return result;
  } catch (error) {
    try {
      transaction.abort();
    } catch {
      // Already finished or aborted by the browser; the original error below says why.
    }
    const transactionError = transaction.error;
    throw toStorageError(transactionError && transactionError.name === 'QuotaExceededError' ? transactionError : error);
  }
}

export async function read<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Throws 'conflict' unless the stored record matches what the writer saw. */
function checkRevision(datasetId: string, stored: StoredFacilityDataset | undefined, expected: ExpectedRevision): void {
  if (expected === 'any') return;
  if (expected === 'new') {
    if (stored !== undefined) throw new StorageError('conflict', `dataset ${datasetId} already exists (revision ${String(stored.revision)})`);
    return;
  }
  if (stored === undefined) throw new StorageError('conflict', `dataset ${datasetId} was deleted`);
  if ((stored.revision ?? 1) !== expected) throw new StorageError('conflict', `dataset ${datasetId} is at revision ${String(stored.revision)}, expected ${expected}`);
}

export function listDatasets(database: WoonzorgkaartDatabase): Promise<StoredFacilityDataset[]> {
  return read(() => database.getAll('facilityDatasets'));
}

export function listDatasetIds(database: WoonzorgkaartDatabase): Promise<string[]> {
  return read(() => database.getAllKeys('facilityDatasets'));
}

export function getDataset(database: WoonzorgkaartDatabase, datasetId: string): Promise<StoredFacilityDataset | undefined> {
  return read(() => database.get('facilityDatasets', datasetId));
}

/**
 * A dataset's record and its raw chunks, read in ONE read-only transaction (a consistent
 * snapshot even while another tab writes), one chunk per request so no single task is long.
 */
export async function readDatasetRecord(
  database: WoonzorgkaartDatabase,
  datasetId: string,
  /** Called with each chunk as it arrives, e.g. to check it while the next one is read. */
  onChunk?: (chunk: unknown) => void,
): Promise<{ record: unknown; chunks: unknown[] } | undefined> {
  return read(async () => {
    const transaction = database.transaction(['facilityDatasets', 'facilityChunks'], 'readonly');
    transaction.done.catch(() => {});
    const record: unknown = await transaction.objectStore('facilityDatasets').get(datasetId);
    if (record === undefined) return undefined;
    const chunkStore = transaction.objectStore('facilityChunks');
    const chunks: unknown[] = [];
    let lower: IDBKeyRange = chunkKeyRange(datasetId);
    for (;;) {
      // One chunk per request: getAll with count 1 walks the range without knowing the indexes.
      const [chunk] = await chunkStore.getAll(lower, 1);
      if (chunk === undefined) break;
      // With a callback the caller keeps what it needs; holding the raw chunks too would double the memory.
      if (onChunk) onChunk(chunk);
      else chunks.push(chunk);
      lower = IDBKeyRange.bound([datasetId, chunk.index], [datasetId, []], true);
    }
    return { record, chunks };
  });
}

/** All facilities of a dataset, in the order they were saved. */
export async function getFacilities(database: WoonzorgkaartDatabase, datasetId: string): Promise<Facility[]> {
  const stored = await readDatasetRecord(database, datasetId);
  return (stored?.chunks ?? []).flatMap((chunk) => (chunk as FacilityChunk).facilities);
}

/** Every facility is stored under the dataset it is saved with, whatever its own datasetId says. */
function underDataset(facility: Facility, datasetId: string): Facility {
  return facility.datasetId === datasetId ? facility : { ...facility, datasetId };
}

/**
 * The chunks of a dataset, each made when the write asks for it (between two puts), so no one task
 * copies 430,000 facilities at once.
 */
function* toChunks(datasetId: string, facilities: readonly Facility[]): Generator<FacilityChunk> {
  for (let start = 0, index = 0; start < facilities.length; start += FACILITY_CHUNK_SIZE, index += 1) {
    yield { datasetId, index, schemaVersion: RECORD_SCHEMA_VERSION, facilities: facilities.slice(start, start + FACILITY_CHUNK_SIZE).map((facility) => underDataset(facility, datasetId)) };
  }
}

/**
 * The format a rewritten dataset record claims: this version's, or the newer one it was read in
 * (whose fields this version keeps as they are), never lower.
 */
function writtenVersion(stored: StoredFacilityDataset | undefined): number {
  return Math.max(RECORD_SCHEMA_VERSION, recordSchemaVersion(stored));
}

/** What a write leaves stored about a dataset (for the stores: the revision this tab now knows). */
export interface WriteResult {
  revision: number;
}

/**
 * Saves a dataset with all its facilities: creates it (expected 'new') or replaces it (expected =
 * the revision the caller saw, or 'any'). All or nothing; see the top of this file.
 */
export async function writeDataset(
  database: WoonzorgkaartDatabase,
  meta: FacilityDataset,
  facilities: readonly Facility[],
  expected: ExpectedRevision,
  savedAt = new Date().toISOString(),
): Promise<WriteResult> {
  const chunkCount = Math.ceil(facilities.length / FACILITY_CHUNK_SIZE);
  return write(database, ['facilityDatasets', 'facilityChunks'], 'strict', async (transaction) => {
    const datasets = transaction.objectStore('facilityDatasets');
    const stored = await datasets.get(meta.id);
    checkRevision(meta.id, stored, expected);
    const revision = (stored?.revision ?? 0) + 1;
    await replaceChunks(transaction.objectStore('facilityChunks'), meta.id, toChunks(meta.id, facilities));
    // Fields of the old record this version does not write (another feature's) are kept.
    await datasets.put({ ...stored, ...meta, facilityCount: facilities.length, savedAt, revision, chunkCount, schemaVersion: writtenVersion(stored) });
    return { revision };
  });
}

/** Saves a new dataset; fails with 'conflict' when its id is taken. */
export function saveDataset(database: WoonzorgkaartDatabase, meta: FacilityDataset, facilities: readonly Facility[], savedAt?: string): Promise<WriteResult> {
  return writeDataset(database, meta, facilities, 'new', savedAt);
}

/** Replaces a dataset's metadata and all its facilities (or creates it), without a revision check. */
export function replaceDataset(database: WoonzorgkaartDatabase, meta: FacilityDataset, facilities: readonly Facility[], savedAt?: string): Promise<WriteResult> {
  return writeDataset(database, meta, facilities, 'any', savedAt);
}

async function updateMeta(
  database: WoonzorgkaartDatabase,
  datasetId: string,
  expected: ExpectedRevision,
  change: (meta: StoredFacilityDataset) => StoredFacilityDataset,
): Promise<WriteResult> {
  return write(database, ['facilityDatasets'], 'default', async (transaction) => {
    const store = transaction.objectStore('facilityDatasets');
    const meta = await store.get(datasetId);
    if (meta === undefined && (expected === 'any' || expected === 'new')) throw new StorageError('notFound', datasetId);
    checkRevision(datasetId, meta, expected);
    const revision = (meta!.revision ?? 1) + 1;
    await store.put({ ...change(meta!), revision, schemaVersion: writtenVersion(meta) });
    return { revision };
  });
}

export function renameDataset(database: WoonzorgkaartDatabase, datasetId: string, name: string, expected: ExpectedRevision = 'any'): Promise<WriteResult> {
  return updateMeta(database, datasetId, expected, (meta) => ({ ...meta, name }));
}

export function setHidden(database: WoonzorgkaartDatabase, datasetId: string, hidden: boolean, expected: ExpectedRevision = 'any'): Promise<WriteResult> {
  return updateMeta(database, datasetId, expected, (meta) => ({ ...meta, hidden }));
}

/** Stores what the dataset declares complete, per category (its facilities stay as they are). */
export function setCompleteness(database: WoonzorgkaartDatabase, datasetId: string, completeness: DatasetCompleteness, expected: ExpectedRevision = 'any'): Promise<WriteResult> {
  return updateMeta(database, datasetId, expected, (meta) => ({ ...meta, completeness }));
}

/**
 * Deletes a dataset and its facilities. Deleting what is already gone is not an error; deleting
 * a dataset another tab has changed since `expected` is a conflict (its new data is not ours to drop).
 */
export function deleteDataset(database: WoonzorgkaartDatabase, datasetId: string, expected: ExpectedRevision = 'any'): Promise<void> {
  return write(database, ['facilityDatasets', 'facilityChunks'], 'strict', async (transaction) => {
    const datasets = transaction.objectStore('facilityDatasets');
    const stored = await datasets.get(datasetId);
    if (stored === undefined) return;
    if (typeof expected === 'number') checkRevision(datasetId, stored, expected);
    await datasets.delete(datasetId);
    await transaction.objectStore('facilityChunks').delete(chunkKeyRange(datasetId));
  });
}
