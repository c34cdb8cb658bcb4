// Connects the facility stores to IndexedDB: restores saved datasets at start-up and saves changes.

import { restoreDatasetRecord, type DatasetCompleteness, type Facility, type FacilityDataset } from '../domain/facility';
import { openWoonzorgkaartDatabase, type OpenDatabaseOptions } from './database';
import { deleteDataset, getFacilities, listDatasets, renameDataset, replaceDataset, setCompleteness, setHidden } from './facilityRepository';

export interface FacilityPersistence {
  /** Creates or replaces a dataset with all its facilities in one transaction. */
  saveDataset(dataset: FacilityDataset, facilities: readonly Facility[]): Promise<void>;
  renameDataset(datasetId: string, name: string): Promise<void>;
  setHidden(datasetId: string, hidden: boolean): Promise<void>;
  setCompleteness(datasetId: string, completeness: DatasetCompleteness): Promise<void>;
  deleteDataset(datasetId: string): Promise<void>;
}

export interface RestoredDataset {
  dataset: FacilityDataset;
  facilities: Facility[];
}

/** Opens the database and reads every saved dataset. Rejects with a StorageError. */
export async function openFacilityPersistence(
  options: OpenDatabaseOptions = {},
): Promise<{ persistence: FacilityPersistence; restored: RestoredDataset[] }> {
  const database = await openWoonzorgkaartDatabase(options);
  const stored = await listDatasets(database);
  const restored = await Promise.all(
    // records saved before per-category coverage existed get a default (see restoreDatasetRecord)
    stored.map(async ({ facilityCount: _count, savedAt: _savedAt, ...record }) => ({ dataset: restoreDatasetRecord(record), facilities: await getFacilities(database, record.id) })),
  );
  return {
    restored,
    persistence: {
      saveDataset: (dataset, facilities) => replaceDataset(database, dataset, facilities),
      renameDataset: (datasetId, name) => renameDataset(database, datasetId, name),
      setHidden: (datasetId, hidden) => setHidden(database, datasetId, hidden),
      setCompleteness: (datasetId, completeness) => setCompleteness(database, datasetId, completeness),
      deleteDataset: (datasetId) => deleteDataset(database, datasetId),
    },
  };
}
