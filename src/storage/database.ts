// The app's IndexedDB database 'woonzorgkaart': its typed schema, the cumulative upgrade steps
// (one per version; a new feature appends a step), and opening it safely.

import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Facility, FacilityDataset } from '../domain/facility';
import type { DraftScenario } from '../domain/scenario';
import type { WalkNetwork } from '../analysis/walkGraph';
import { errorMessage, StorageError, toStorageError } from './storageErrors';

export const DATABASE_NAME = 'woonzorgkaart';

/**
 * A dataset's metadata as stored, with bookkeeping the repository maintains. Fields this version
 * does not know (written by a newer version or another feature) are kept as they are on restore.
 */
export interface StoredFacilityDataset extends FacilityDataset {
  facilityCount: number;
  /** ISO timestamp of the last save. */
  savedAt: string;
  /**
   * Raised by one on every write of this dataset (contents, name, visibility). A tab writes only
   * when the stored revision is still the one it saw, so two tabs never undo each other.
   * Absent in records written before version 2 (read as 1 by the migration).
   */
  revision: number;
  /** The facilities are stored in chunks 0 … chunkCount − 1 of `facilityChunks`. */
  chunkCount: number;
  /** The record's format (storedRecords.ts RECORD_SCHEMA_VERSION); absent in records written before it existed. */
  schemaVersion?: number;
}

/**
 * Facilities are stored in chunks of up to FACILITY_CHUNK_SIZE: one structured clone per chunk
 * instead of one request per facility, so saving or reading 400,000 facilities is a few hundred
 * short steps the browser can interleave with input, not one long task.
 */
export interface FacilityChunk {
  datasetId: string;
  index: number;
  facilities: Facility[];
  /** The chunk's format (storedRecords.ts RECORD_SCHEMA_VERSION); absent in chunks written before it existed. */
  schemaVersion?: number;
}

export const FACILITY_CHUNK_SIZE = 1_000;

/**
 * A draft scenario as stored (version 3 on): the scenario without its edits, plus bookkeeping.
 * `schemaVersion` is the record's format (SCENARIO_SCHEMA_VERSION when written); `revision` is raised
 * on every write and checked inside the write transaction, as for facility datasets. Fields this
 * version does not know are kept as they are. Read back through restoreScenarioRecord
 * (src/storage/scenarioRepository.ts), with the edits put back from their chunks.
 */
export interface StoredScenario extends Omit<DraftScenario, 'edits'> {
  schemaVersion: number;
  revision: number;
  /** ISO timestamp of the last save. */
  savedAt: string;
  /** The edits are stored in chunks 0 … editChunkCount − 1 of `scenarioEdits`. */
  editChunkCount: number;
}

/**
 * A scenario's edits in chunks of up to SCENARIO_EDIT_CHUNK_SIZE: the small scenario record can be
 * read for the revision check without reading every edit, and each chunk is its own structured
 * clone, awaited in turn, so saving a 500-site draft is several short tasks instead of one long one.
 */
export interface ScenarioEditChunk {
  scenarioId: string;
  index: number;
  edits: DraftScenario['edits'];
}

export const SCENARIO_EDIT_CHUNK_SIZE = 100;

/**
 * A street network for walking (version 4 on), one record per downloaded area (key `areaKey`, e.g.
 * 'GM0193'): the typed arrays of the network as OpenStreetMap gave them, with the area, the date of
 * the download and a few counts for the list. Read back through restoreWalkNetworkRecord
 * (src/storage/walkNetworkRepository.ts).
 */
export interface StoredWalkNetwork {
  areaKey: string;
  /** Name of the area when it was downloaded (the municipality's name). */
  areaName: string;
  /** ISO timestamp of the Overpass answer. */
  retrievedAt: string;
  /** ISO timestamp of the save. */
  savedAt: string;
  /** [west, south, east, north] of the nodes. */
  bbox: [number, number, number, number];
  wayCount: number;
  network: WalkNetwork;
  /** The record's format (WALK_NETWORK_SCHEMA_VERSION when written). */
  schemaVersion: number;
}

export interface WoonzorgkaartSchema extends DBSchema {
  facilityDatasets: { key: string; value: StoredFacilityDataset };
  /** Key [datasetId, index]: all chunks of a dataset form one contiguous key range. */
  facilityChunks: { key: [string, number]; value: FacilityChunk };
  /** Version 3 on: the planner's draft scenarios, key id … */
  scenarios: { key: string; value: StoredScenario };
  /** … and their edits, key [scenarioId, index]: all chunks of a scenario form one contiguous key range. */
  scenarioEdits: { key: [string, number]; value: ScenarioEditChunk };
  /** Version 4 on: street networks for walking, one per downloaded area. */
  walkNetworks: { key: string; value: StoredWalkNetwork };
}

export type WoonzorgkaartDatabase = IDBPDatabase<WoonzorgkaartSchema>;

type UpgradeTransaction = IDBPTransaction<WoonzorgkaartSchema, StoreNames<WoonzorgkaartSchema>[], 'versionchange'>;
/**
 * Steps see the database as it was at their version, so they use only what existed then. A step
 * may be async but may await only requests of the upgrade transaction. A step that throws (or
 * rejects) aborts the upgrade transaction: the database stays exactly at its old version.
 */
export type UpgradeStep = (database: WoonzorgkaartDatabase, transaction: UpgradeTransaction) => void | Promise<void>;

/** Version 1 stored one record per facility, key [datasetId, id]. */
const V1_FACILITIES = 'facilities';
/** Versions 1 and 2 had a cache of Overpass downloads that nothing read or wrote (downloads are kept as facility datasets). */
const V1_OSM_CACHE = 'osmCache';

/** 1 → 2: one record per facility becomes chunks of FACILITY_CHUNK_SIZE; datasets get revision 1 and their chunk count. */
async function facilitiesIntoChunks(database: WoonzorgkaartDatabase, transaction: UpgradeTransaction): Promise<void> {
  database.createObjectStore('facilityChunks', { keyPath: ['datasetId', 'index'] });
  // The v1 store is not in the current schema type; it exists at this step.
  const legacy = transaction.objectStore(V1_FACILITIES as never) as unknown as {
    openCursor(): Promise<{ value: Facility; continue(): Promise<unknown> } | null>;
  };
  const chunks = transaction.objectStore('facilityChunks');
  const counts = new Map<string, { facilities: number; chunks: number }>();
  let current: FacilityChunk | null = null;
  const flush = async () => {
    if (current === null) return;
    await chunks.put(current);
    current = null;
  };
  let cursor = await legacy.openCursor();
  while (cursor) {
    const facility = cursor.value;
    const count = counts.get(facility.datasetId) ?? { facilities: 0, chunks: 0 };
    if (current === null || current.datasetId !== facility.datasetId || current.facilities.length >= FACILITY_CHUNK_SIZE) {
      await flush();
      current = { datasetId: facility.datasetId, index: count.chunks, facilities: [] };
      count.chunks += 1;
    }
    current.facilities.push(facility);
    count.facilities += 1;
    counts.set(facility.datasetId, count);
    cursor = (await cursor.continue()) as typeof cursor;
  }
  await flush();
  const datasets = transaction.objectStore('facilityDatasets');
  for (const record of await datasets.getAll()) {
    const count = counts.get(record.id) ?? { facilities: 0, chunks: 0 };
    await datasets.put({ ...record, revision: 1, chunkCount: count.chunks, facilityCount: count.facilities });
  }
  database.deleteObjectStore(V1_FACILITIES as never);
}

/** Step i upgrades version i to version i + 1. Never edit a released step; append a new one. */
export const UPGRADE_STEPS: readonly UpgradeStep[] = [
  // 0 → 1: facility datasets, their facilities, and an OpenStreetMap cache (removed in 3).
  (database) => {
    database.createObjectStore('facilityDatasets', { keyPath: 'id' });
    database.createObjectStore(V1_FACILITIES as never, { keyPath: ['datasetId', 'id'] });
    database.createObjectStore(V1_OSM_CACHE as never, { keyPath: 'areaKey' });
  },
  // 1 → 2
  facilitiesIntoChunks,
  // 2 → 3: draft scenarios; the unused OpenStreetMap cache goes.
  (database) => {
    database.createObjectStore('scenarios', { keyPath: 'id' });
    database.createObjectStore('scenarioEdits', { keyPath: ['scenarioId', 'index'] });
    if (database.objectStoreNames.contains(V1_OSM_CACHE as never)) database.deleteObjectStore(V1_OSM_CACHE as never);
  },
  // 3 → 4: street networks for walking ("over straat"); nothing else changes.
  (database) => {
    database.createObjectStore('walkNetworks', { keyPath: 'areaKey' });
  },
];

export const DATABASE_VERSION = UPGRADE_STEPS.length;

export interface OpenDatabaseOptions {
  /** Only tests use another name. */
  name?: string;
  /** Only tests pass other steps (e.g. one that fails) to check that a failed upgrade changes nothing. */
  upgradeSteps?: readonly UpgradeStep[];
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
  const steps = options.upgradeSteps ?? UPGRADE_STEPS;
  // The first error of an upgrade step: the browser only reports "aborted", this says why.
  let upgradeError: unknown = null;
  try {
    const database = await openDB<WoonzorgkaartSchema>(options.name ?? DATABASE_NAME, steps.length, {
      upgrade(upgrading, oldVersion, newVersion, transaction) {
        // A failed upgrade is reported through the open's rejection below, not through `done`.
        transaction.done.catch(() => {});
        const target = newVersion ?? steps.length;
        const run = async () => {
          for (let version = oldVersion; version < target; version += 1) await steps[version]?.(upgrading, transaction);
        };
        run().catch((error: unknown) => {
          upgradeError = error;
          try {
            transaction.abort();
          } catch {
            // Already aborted by the failing request; the open rejects either way.
          }
        });
      },
      blocked() {
        options.onBlocked?.(new StorageError('blocked', 'another tab keeps an older version open'));
      },
      blocking() {
        database.close();
        options.onVersionChange?.(new StorageError('versionChange', 'another tab opened a newer version'));
      },
      terminated() {
        options.onTerminated?.(new StorageError('closed', 'the browser closed the database'));
      },
    });
    return database;
  } catch (error) {
    if (upgradeError !== null) throw new StorageError('upgradeFailed', errorMessage(upgradeError), { cause: upgradeError });
    const mapped = toStorageError(error);
    // Opening fails in private windows of some browsers with InvalidStateError or a generic
    // error; neither means "newer version" here, so report storage as unavailable.
    if (mapped.kind === 'failed' || mapped.kind === 'closed') {
      throw new StorageError('unavailable', mapped.message, { cause: error });
    }
    throw mapped;
  }
}
