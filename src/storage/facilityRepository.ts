// Reading and writing facility datasets and the OSM cache. A dataset's metadata and all its
// facilities are written in ONE transaction, so a failed save leaves the previous data intact.
// Every failure reaches the caller as a StorageError.

import type { IDBPTransaction, StoreNames } from 'idb';
import type { DatasetCompleteness, Facility, FacilityDataset } from '../domain/facility';
import type { OsmCacheEntry, StoredFacilityDataset, WoonzorgkaartDatabase, WoonzorgkaartSchema } from './database';
import { StorageError, toStorageError } from './storageErrors';

type Stores = StoreNames<WoonzorgkaartSchema>;
type WriteTransaction<S extends Stores[]> = IDBPTransaction<WoonzorgkaartSchema, S, 'readwrite'>;

/** All keys [datasetId, anything]: arrays sort after strings, so [id, []] bounds every [id, string]. */
function datasetKeyRange(datasetId: string): IDBKeyRange {
  return IDBKeyRange.bound([datasetId], [datasetId, []]);
}

/**
 * Runs `work` in a read-write transaction. Request promises are registered through `track` so
 * none rejects unobserved; on any error the transaction is aborted and the first cause is
 * reported (the browser reports quota problems on the transaction, so that error wins).
 */
async function write<S extends Stores[], T>(
  database: WoonzorgkaartDatabase,
  stores: S,
  work: (transaction: WriteTransaction<S>, track: (request: Promise<unknown>) => void) => Promise<T> | T,
): Promise<T> {
  let transaction: WriteTransaction<S>;
  try {
    transaction = database.transaction(stores, 'readwrite');
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

async function read<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toStorageError(error);
  }
}

export function listDatasets(database: WoonzorgkaartDatabase): Promise<StoredFacilityDataset[]> {
  return read(() => database.getAll('facilityDatasets'));
}

export function getDataset(database: WoonzorgkaartDatabase, datasetId: string): Promise<StoredFacilityDataset | undefined> {
  return read(() => database.get('facilityDatasets', datasetId));
}

export function getFacilities(database: WoonzorgkaartDatabase, datasetId: string): Promise<Facility[]> {
  return read(() => database.getAll('facilities', datasetKeyRange(datasetId)));
}

function storedMeta(meta: FacilityDataset, facilityCount: number, savedAt: string): StoredFacilityDataset {
  return { ...meta, facilityCount, savedAt };
}

/** Every facility is stored under the dataset it is saved with, whatever its own datasetId says. */
function underDataset(facility: Facility, datasetId: string): Facility {
  return facility.datasetId === datasetId ? facility : { ...facility, datasetId };
}

/** Saves a new dataset; fails with 'alreadyExists' when its id is taken. */
export function saveDataset(database: WoonzorgkaartDatabase, meta: FacilityDataset, facilities: readonly Facility[], savedAt = new Date().toISOString()): Promise<void> {
  return write(database, ['facilityDatasets', 'facilities'], (transaction, track) => {
    track(transaction.objectStore('facilityDatasets').add(storedMeta(meta, facilities.length, savedAt)));
    const store = transaction.objectStore('facilities');
    for (const facility of facilities) track(store.put(underDataset(facility, meta.id)));
  });
}

/** Replaces a dataset's metadata and all its facilities (or creates it); all or nothing. */
export function replaceDataset(database: WoonzorgkaartDatabase, meta: FacilityDataset, facilities: readonly Facility[], savedAt = new Date().toISOString()): Promise<void> {
  return write(database, ['facilityDatasets', 'facilities'], (transaction, track) => {
    const store = transaction.objectStore('facilities');
    track(store.delete(datasetKeyRange(meta.id)));
    track(transaction.objectStore('facilityDatasets').put(storedMeta(meta, facilities.length, savedAt)));
    for (const facility of facilities) track(store.put(underDataset(facility, meta.id)));
  });
}

async function updateMeta(database: WoonzorgkaartDatabase, datasetId: string, change: (meta: StoredFacilityDataset) => StoredFacilityDataset): Promise<void> {
  await write(database, ['facilityDatasets'], async (transaction) => {
    const store = transaction.objectStore('facilityDatasets');
    const meta = await store.get(datasetId);
    if (meta === undefined) throw new StorageError('notFound', datasetId);
    await store.put(change(meta));
  });
}

export function renameDataset(database: WoonzorgkaartDatabase, datasetId: string, name: string): Promise<void> {
  return updateMeta(database, datasetId, (meta) => ({ ...meta, name }));
}

export function setHidden(database: WoonzorgkaartDatabase, datasetId: string, hidden: boolean): Promise<void> {
  return updateMeta(database, datasetId, (meta) => ({ ...meta, hidden }));
}

/** Stores what the dataset declares complete, per category (its facilities stay as they are). */
export function setCompleteness(database: WoonzorgkaartDatabase, datasetId: string, completeness: DatasetCompleteness): Promise<void> {
  return updateMeta(database, datasetId, (meta) => ({ ...meta, completeness }));
}

/** Deletes a dataset and its facilities; deleting a dataset that does not exist is not an error. */
export function deleteDataset(database: WoonzorgkaartDatabase, datasetId: string): Promise<void> {
  return write(database, ['facilityDatasets', 'facilities'], (transaction, track) => {
    track(transaction.objectStore('facilityDatasets').delete(datasetId));
    track(transaction.objectStore('facilities').delete(datasetKeyRange(datasetId)));
  });
}

export function getOsmCache(database: WoonzorgkaartDatabase, areaKey: string): Promise<OsmCacheEntry | undefined> {
  return read(() => database.get('osmCache', areaKey));
}

export function putOsmCache(database: WoonzorgkaartDatabase, entry: OsmCacheEntry): Promise<void> {
  return write(database, ['osmCache'], (transaction, track) => {
    track(transaction.objectStore('osmCache').put(entry));
  });
}

export function deleteOsmCache(database: WoonzorgkaartDatabase, areaKey: string): Promise<void> {
  return write(database, ['osmCache'], (transaction, track) => {
    track(transaction.objectStore('osmCache').delete(areaKey));
  });
}
