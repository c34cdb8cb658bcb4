// Connects the facility stores to IndexedDB: one connection with a visible status, restoring saved
// datasets record by record, writes that wait for the open (never skipped), reopening after the
// browser closed the connection, and telling other tabs of every committed change.
//
// Connection status (shown by the UI):
//   opening → ready                        the normal start;
//   opening → blocked → ready              another tab holds an older version open until it closes;
//   opening → sessionOnly                  the browser offers no storage (private window): the app
//                                          works on in memory and says nothing is kept;
//   opening → failed                       any other open failure (e.g. a failed upgrade): writes fail visibly;
//   ready → closed → (next write) opening  the browser closed the connection abnormally; the next
//                                          write reopens it and then runs;
//   ready → versionChange                  another tab opened a newer version: we closed our connection
//                                          (transactions already running finish first); reload needed.
//
// Tabs: after each committed write the dataset id goes out on a BroadcastChannel; other tabs re-read
// that dataset and update their lists. Messages that arrive before this tab has restored its own
// datasets are held until then. The revision check in facilityRepository.ts makes a stale tab fail
// with 'conflict' even when a message was missed.

import type { DataIssue } from '../domain/dataIssue';
import type { DatasetCompleteness, Facility, FacilityDataset } from '../domain/facility';
import { DATABASE_NAME, openWoonzorgkaartDatabase, type OpenDatabaseOptions, type WoonzorgkaartDatabase } from './database';
import { deleteDataset, listDatasetIds, readDatasetRecord, renameDataset, setCompleteness, setHidden, writeDataset, type ExpectedRevision } from './facilityRepository';
import { restoreStoredChunk, restoreStoredDataset } from './storedRecords';
import { StorageError, toStorageError } from './storageErrors';

export type StorageStatus = 'opening' | 'blocked' | 'ready' | 'closed' | 'versionChange' | 'sessionOnly' | 'failed';

export interface RestoredDataset {
  dataset: FacilityDataset;
  facilities: Facility[];
  /** The stored revision: what this tab saw, to pass back with its next write of the dataset. */
  revision: number;
}

export interface RestoreReport {
  restored: RestoredDataset[];
  /** Records that could not be read (named), and facilities left out per dataset (counted). */
  issues: DataIssue[];
}

/** What a remote change turned out to be after reading it back. */
export type RemoteDataset = { kind: 'changed'; entry: RestoredDataset; issues: DataIssue[] } | { kind: 'deleted'; datasetId: string } | { kind: 'unreadable'; datasetId: string; issues: DataIssue[] };

export interface FacilityStorageOptions extends Pick<OpenDatabaseOptions, 'name' | 'upgradeSteps'> {
  onStatus?: (status: StorageStatus, error: StorageError | null) => void;
  /** Another tab committed a change to this dataset (after this tab's restore has finished). */
  onRemoteChange?: (datasetId: string) => void;
  /** Tests give each test its own channel; null = no cross-tab messages. */
  channelName?: string | null;
}

export interface FacilityStorage {
  readonly status: StorageStatus;
  /** Opens the database and reads every saved dataset. Rejects with a StorageError when it cannot open. */
  restore(): Promise<RestoreReport>;
  /** Reads one dataset again (after another tab changed it). */
  readDataset(datasetId: string): Promise<RemoteDataset>;
  /** Creates ('new') or replaces (the revision seen) a dataset; resolves with the new revision. */
  saveDataset(dataset: FacilityDataset, facilities: readonly Facility[], expected: ExpectedRevision): Promise<number>;
  renameDataset(datasetId: string, name: string, expected: ExpectedRevision): Promise<number>;
  setHidden(datasetId: string, hidden: boolean, expected: ExpectedRevision): Promise<number>;
  setCompleteness(datasetId: string, completeness: DatasetCompleteness, expected: ExpectedRevision): Promise<number>;
  deleteDataset(datasetId: string, expected: ExpectedRevision): Promise<void>;
  /**
   * Runs other database work (the scenario repository) over this same connection: it waits for the
   * open, fails visibly without storage, and is retried once on a connection the browser closed.
   */
  withDatabase<T>(operation: (database: WoonzorgkaartDatabase) => Promise<T>): Promise<T>;
  close(): void;
}

function unreadableRecord(datasetId: string, reason: string): DataIssue {
  return { code: 'storage.recordUnreadable', file: 'IndexedDB', record: datasetId, params: { name: datasetId, reason } };
}

/**
 * Restores one stored dataset chunk by chunk, as the chunks arrive (so no task checks 400,000
 * facilities at once); what cannot be used is reported, the rest kept.
 */
class RestoredDatasetBuilder {
  private readonly facilities: Facility[] = [];
  private skipped = 0;
  private readonly unread = new Set<string>();
  constructor(private readonly datasetId: string) {}

  addChunk(chunk: unknown): void {
    const restored = restoreStoredChunk(chunk, this.datasetId);
    for (const facility of restored.facilities) this.facilities.push(facility);
    this.skipped += restored.skipped;
    for (const note of restored.unread) this.unread.add(note);
  }

  finish(record: unknown): { entry: RestoredDataset | null; issues: DataIssue[] } {
    const restored = restoreStoredDataset(record);
    if ('reason' in restored) return { entry: null, issues: [unreadableRecord(this.datasetId, restored.reason)] };
    const { dataset, revision } = restored;
    const issues: DataIssue[] = [];
    const unread = [...restored.unread, ...this.unread];
    if (unread.length > 0) issues.push({ code: 'storage.recordPartlyRead', file: 'IndexedDB', record: dataset.id, params: { name: dataset.name, fields: unread.join('; ') } });
    if (this.skipped > 0) issues.push({ code: 'storage.facilitiesUnreadable', file: 'IndexedDB', record: dataset.id, params: { name: dataset.name, count: this.skipped } });
    return { entry: { dataset, facilities: this.facilities, revision }, issues };
  }
}

export function createFacilityStorage(options: FacilityStorageOptions = {}): FacilityStorage {
  let status: StorageStatus = 'opening';
  let database: WoonzorgkaartDatabase | null = null;
  let statusError: StorageError | null = null;
  let opening: Promise<WoonzorgkaartDatabase> | null = null;
  /** Writes waiting for the open; told at once when the open is blocked. */
  const waiting = new Set<(error: StorageError) => void>();
  let restored = false;
  const heldMessages: string[] = [];
  const channelName = options.channelName === undefined ? `woonzorgkaart-storage:${options.name ?? DATABASE_NAME}` : options.channelName;
  const channel = channelName !== null && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(channelName) : null;

  function setStatus(next: StorageStatus, error: StorageError | null): void {
    status = next;
    statusError = error;
    options.onStatus?.(next, error);
  }

  channel?.addEventListener('message', (event: MessageEvent) => {
    const datasetId = (event.data as { datasetId?: unknown } | null)?.datasetId;
    if (typeof datasetId !== 'string') return;
    if (restored) options.onRemoteChange?.(datasetId);
    else heldMessages.push(datasetId);
  });

  function open(): Promise<WoonzorgkaartDatabase> {
    setStatus('opening', null);
    const attempt = openWoonzorgkaartDatabase({
      ...(options.name !== undefined ? { name: options.name } : {}),
      ...(options.upgradeSteps !== undefined ? { upgradeSteps: options.upgradeSteps } : {}),
      onBlocked: (error) => {
        setStatus('blocked', error);
        for (const reject of waiting) reject(error);
        waiting.clear();
      },
      onVersionChange: (error) => {
        database = null;
        setStatus('versionChange', error);
      },
      onTerminated: (error) => {
        database = null;
        setStatus('closed', error);
      },
    }).then(
      (opened) => {
        database = opened;
        opening = null;
        setStatus('ready', null);
        return opened;
      },
      (error: unknown) => {
        opening = null;
        const mapped = toStorageError(error);
        setStatus(mapped.kind === 'unavailable' ? 'sessionOnly' : 'failed', mapped);
        for (const reject of waiting) reject(mapped);
        waiting.clear();
        throw mapped;
      },
    );
    attempt.catch(() => {});
    opening = attempt;
    return attempt;
  }

  /** The open database for a write: waits for an open in progress, reopens a closed one, else fails visibly. */
  function connection(): Promise<WoonzorgkaartDatabase> {
    if (status === 'ready' && database) return Promise.resolve(database);
    if (status === 'closed') return open();
    if (status === 'opening' && opening) {
      const current = opening;
      return new Promise<WoonzorgkaartDatabase>((resolve, reject) => {
        waiting.add(reject);
        current.then(resolve, reject).finally(() => waiting.delete(reject));
      });
    }
    return Promise.reject(statusError ?? new StorageError(status === 'sessionOnly' ? 'unavailable' : 'failed', `storage is ${status}`));
  }

  /** Runs a database operation; when the connection turns out closed underneath, reopens once and retries. */
  async function run<T>(operation: (opened: WoonzorgkaartDatabase) => Promise<T>): Promise<T> {
    const opened = await connection();
    try {
      return await operation(opened);
    } catch (error) {
      const mapped = toStorageError(error);
      if (mapped.kind !== 'closed') throw mapped;
      if (status === 'versionChange') throw statusError ?? mapped;
      // Closed by the browser before its 'close' event reached us: nothing was written (the
      // transaction never ran or was aborted), so reopening and trying once more is safe.
      if (database === opened) {
        database = null;
        setStatus('closed', mapped);
      }
      return operation(await connection());
    }
  }

  function announce(datasetId: string): void {
    try {
      channel?.postMessage({ datasetId });
    } catch {
      // A closed channel only means other tabs learn of the change at their next write or reload.
    }
  }

  async function readOne(opened: WoonzorgkaartDatabase, datasetId: string): Promise<RemoteDataset> {
    let stored: Awaited<ReturnType<typeof readDatasetRecord>>;
    const builder = new RestoredDatasetBuilder(datasetId);
    try {
      stored = await readDatasetRecord(opened, datasetId, (chunk) => builder.addChunk(chunk));
    } catch (error) {
      return { kind: 'unreadable', datasetId, issues: [unreadableRecord(datasetId, toStorageError(error).message)] };
    }
    if (stored === undefined) return { kind: 'deleted', datasetId };
    const { entry, issues } = builder.finish(stored.record);
    return entry ? { kind: 'changed', entry, issues } : { kind: 'unreadable', datasetId, issues };
  }

  return {
    get status() {
      return status;
    },
    async restore() {
      const opened = await (opening ?? open());
      const started = performance.now();
      const report: RestoreReport = { restored: [], issues: [] };
      let ids: string[] = [];
      try {
        ids = await listDatasetIds(opened);
      } catch (error) {
        report.issues.push({ code: 'storage.restoreFailed', file: 'IndexedDB', params: { reason: toStorageError(error).message } });
      }
      // One dataset at a time, each in its own transaction: one unreadable record costs only itself.
      for (const datasetId of ids) {
        const result = await readOne(opened, datasetId);
        if (result.kind === 'changed') report.restored.push(result.entry);
        if (result.kind !== 'deleted') report.issues.push(...result.issues);
      }
      performance.measure('storage:restore', { start: started, detail: { datasets: report.restored.length } });
      restored = true;
      for (const datasetId of heldMessages.splice(0)) options.onRemoteChange?.(datasetId);
      return report;
    },
    readDataset: (datasetId) => run((opened) => readOne(opened, datasetId)),
    async saveDataset(dataset, facilities, expected) {
      const started = performance.now();
      const { revision } = await run((opened) => writeDataset(opened, dataset, facilities, expected));
      // For the browser benchmark (tests/bench/browserStorage.bench.ts) and the browser's profiler.
      performance.measure('storage:save', { start: started, detail: { facilities: facilities.length } });
      announce(dataset.id);
      return revision;
    },
    async renameDataset(datasetId, name, expected) {
      const { revision } = await run((opened) => renameDataset(opened, datasetId, name, expected));
      announce(datasetId);
      return revision;
    },
    async setHidden(datasetId, hidden, expected) {
      const { revision } = await run((opened) => setHidden(opened, datasetId, hidden, expected));
      announce(datasetId);
      return revision;
    },
    async setCompleteness(datasetId, completeness, expected) {
      const { revision } = await run((opened) => setCompleteness(opened, datasetId, completeness, expected));
      announce(datasetId);
      return revision;
    },
    async deleteDataset(datasetId, expected) {
      await run((opened) => deleteDataset(opened, datasetId, expected));
      announce(datasetId);
    },
    withDatabase: (operation) => run(operation),
    close() {
      channel?.close();
      database?.close();
      database = null;
    },
  };
}
