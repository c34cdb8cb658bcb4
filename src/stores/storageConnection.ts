// Start-up of browser storage for facility datasets: attaches the storage before it opens (so an
// early write waits for the open instead of being skipped), restores saved datasets, reports what
// could not be read, and follows other tabs' changes.

import { createFacilityStorage, type FacilityStorage, type FacilityStorageOptions } from '../storage/facilityPersistence';
import { createScenarioStorage, type ScenarioStorage } from '../storage/scenarioPersistence';
import { applyRemoteScenarioChange, attachScenarioPersistence, flushScenarioSavesOnPageHide, requestPersistentStorage } from './scenarioStorage';
import { listWalkNetworkRecords, putWalkNetwork, deleteWalkNetwork, restoreWalkNetworkRecord } from '../storage/walkNetworkRepository';
import type { StoredWalkNetwork } from '../storage/database';
import type { DataIssue } from '../domain/dataIssue';
import { attachWalkNetworkPersistence, followStoredWalkNetworks } from './walkNetworks';
import { applyRemoteDataset, reportStorageError, reportStorageIssues, restoreFacilityDatasets, setFacilityPersistence, setStorageStatus } from './facilityActions';

/** Opens the storage and restores saved datasets; resolves when the restore is done (or failed visibly). */
export async function startFacilityStorage(options: Omit<FacilityStorageOptions, 'onStatus' | 'onRemoteChange'> = {}): Promise<FacilityStorage> {
  // Changes from other tabs are applied one at a time, in the order they were announced.
  let refreshing: Promise<void> = Promise.resolve();
  const storage: FacilityStorage = createFacilityStorage({
    ...options,
    onStatus: (status, error) => setStorageStatus(status, error),
    onRemoteChange: (datasetId) => {
      refreshing = refreshing.then(async () => {
        try {
          const change = await storage.readDataset(datasetId);
          if (change.kind === 'unreadable') reportStorageIssues(change.issues);
          else {
            applyRemoteDataset(change);
            if (change.kind === 'changed') reportStorageIssues(change.issues);
          }
        } catch (error) {
          reportStorageError(error);
        }
      });
    },
  });
  setFacilityPersistence(storage);
  try {
    const report = await storage.restore();
    // One task: the stores take every restored dataset and derive their lists (measured for the browser benchmark).
    const started = performance.now();
    restoreFacilityDatasets(report.restored);
    performance.measure('stores:restore', { start: started, detail: { datasets: report.restored.length } });
    reportStorageIssues(report.issues);
  } catch {
    // The open failed: the status (session-only, failed) has been set and shown by onStatus.
  }
  return storage;
}

/**
 * Draft scenarios over the same connection: restores them, autosaves every change (flushed on
 * pagehide), follows other tabs, and asks the browser to keep the data for good.
 */
export async function startScenarioStorage(facilityStorage: Pick<FacilityStorage, 'withDatabase'>, options: { name?: string; channelName?: string | null } = {}): Promise<ScenarioStorage> {
  const storage = createScenarioStorage({
    ...options,
    withDatabase: (operation) => facilityStorage.withDatabase(operation),
    onRemoteChange: (scenarioId) => void applyRemoteScenarioChange(scenarioId),
  });
  if (typeof window !== 'undefined') flushScenarioSavesOnPageHide(window);
  void requestPersistentStorage();
  await attachScenarioPersistence(storage);
  return storage;
}

/**
 * Street networks for walking over the same connection: restores them (each record on its own) and
 * saves new ones; other open tabs hear of every committed save or delete and reread the list.
 */
export async function startWalkNetworkStorage(facilityStorage: Pick<FacilityStorage, 'withDatabase'>, options: { channelName?: string | null } = {}): Promise<() => void> {
  const channelName = options.channelName === undefined ? 'woonzorgkaart-walk-networks' : options.channelName;
  const channel = channelName !== null && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(channelName) : null;
  const announce = () => {
    try {
      channel?.postMessage({ changed: true });
    } catch {
      // a closed channel only means other tabs see the change at their next reload
    }
  };
  channel?.addEventListener('message', () => void followStoredWalkNetworks());
  await attachWalkNetworkPersistence({
    list: async () => {
      const raw = await facilityStorage.withDatabase(listWalkNetworkRecords);
      const records: StoredWalkNetwork[] = [];
      const issues: DataIssue[] = [];
      for (const { key, value } of raw) {
        const result = restoreWalkNetworkRecord(value, key);
        if (result.ok) records.push(result.record);
        else issues.push(result.issue);
      }
      return { records, issues };
    },
    put: async (record) => {
      await facilityStorage.withDatabase((database) => putWalkNetwork(database, record));
      announce();
    },
    remove: async (areaKey) => {
      await facilityStorage.withDatabase((database) => deleteWalkNetwork(database, areaKey));
      announce();
    },
  });
  return () => channel?.close();
}
