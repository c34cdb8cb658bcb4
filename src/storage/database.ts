// The app's IndexedDB database 'woonzorgkaart': its typed schema, the cumulative upgrade steps
// (one per version; later features such as scenarios append a step), and opening it safely.

import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Facility, FacilityDataset } from '../domain/facility';
import { StorageError, toStorageError } from './storageErrors';

export const DATABASE_NAME = 'woonzorgkaart';

/** A dataset's metadata as stored, with bookkeeping the repository maintains. */
export interface StoredFacilityDataset extends FacilityDataset {
  facilityCount: number;
  /** ISO timestamp of the last save. */
  savedAt: string;
}

/** An Overpass download for one area, kept so the map works offline and Overpass is spared. */
export interface OsmCacheEntry {
  /** From overpassAreaKey: 'province', 'GM0193' or 'bbox:…'. */
  areaKey: string;
  /** ISO timestamp of the download. */
  fetchedAt: string;
  facilities: Facility[];
}

export interface WoonzorgkaartSchema extends DBSchema {
  facilityDatasets: { key: string; value: StoredFacilityDataset };
  /** Key [datasetId, id]: all facilities of a dataset form one contiguous key range. */
  facilities: { key: [string, string]; value: Facility };
  osmCache: { key: string; value: OsmCacheEntry };
}

export type WoonzorgkaartDatabase = IDBPDatabase<WoonzorgkaartSchema>;

type UpgradeTransaction = IDBPTransaction<WoonzorgkaartSchema, StoreNames<WoonzorgkaartSchema>[], 'versionchange'>;
/** Steps see the database as it was at their version, so they use only what existed then. */
type UpgradeStep = (database: WoonzorgkaartDatabase, transaction: UpgradeTransaction) => void;

/** Step i upgrades version i to version i + 1. Never edit a released step; append a new one. */
export const UPGRADE_STEPS: readonly UpgradeStep[] = [
  // 0 → 1: facility datasets, their facilities, and the OpenStreetMap cache.
  (database) => {
    database.createObjectStore('facilityDatasets', { keyPath: 'id' });
    database.createObjectStore('facilities', { keyPath: ['datasetId', 'id'] });
    database.createObjectStore('osmCache', { keyPath: 'areaKey' });
  },
];

export const DATABASE_VERSION = UPGRADE_STEPS.length;

export interface OpenDatabaseOptions {
  /** Only tests use another name. */
  name?: string;
  /**
   * Another tab holds an older version open and keeps our upgrade waiting. The open continues
   * once that tab closes; the UI should show the error's issue (`storage.blocked`) meanwhile.
   */
  onBlocked?: (error: StorageError) => void;
  /**
   * Another tab wants a newer version: we close our connection so it can upgrade; every later
   * call fails with kind 'versionChange'. The UI should ask the user to reload.
   */
  onVersionChange?: (error: StorageError) => void;
  /** The browser closed the connection abnormally (storage cleared, disk error). */
  onTerminated?: (error: StorageError) => void;
}

/** Opens (and creates or upgrades) the database. Rejects only with a StorageError. */
export async function openWoonzorgkaartDatabase(options: OpenDatabaseOptions = {}): Promise<WoonzorgkaartDatabase> {
  if (typeof indexedDB === 'undefined' || indexedDB === null) {
    throw new StorageError('unavailable', 'indexedDB is not available in this browser');
  }
  try {
    const database = await openDB<WoonzorgkaartSchema>(options.name ?? DATABASE_NAME, DATABASE_VERSION, {
      upgrade(upgrading, oldVersion, newVersion, transaction) {
        const target = newVersion ?? DATABASE_VERSION;
        for (let version = oldVersion; version < target; version += 1) UPGRADE_STEPS[version]?.(upgrading, transaction);
      },
      blocked() {
        options.onBlocked?.(new StorageError('blocked', 'another tab keeps an older version open'));
      },
      blocking() {
        database.close();
        options.onVersionChange?.(new StorageError('versionChange', 'another tab opened a newer version'));
      },
      terminated() {
        options.onTerminated?.(new StorageError('unavailable', 'the browser closed the database'));
      },
    });
    return database;
  } catch (error) {
    const mapped = toStorageError(error);
    // Opening fails in private windows of some browsers with InvalidStateError or a generic
    // error; neither means "newer version" here, so report storage as unavailable.
    if (mapped.kind === 'failed' || (mapped.kind === 'versionChange' && (error as { name?: string }).name === 'InvalidStateError')) {
      throw new StorageError('unavailable', mapped.message, { cause: error });
    }
    throw mapped;
  }
}
