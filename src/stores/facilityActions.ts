// Facility dataset actions that change the stores (persistence is attached in main.tsx via setFacilityPersistence).

import { limitName, type Facility, type FacilityDataset } from '../domain/facility';
import { $facilityDatasets, putFacilityDataset, removeFacilityDataset, updateFacilityDataset } from './facilities';
import { atom, batch } from 'nanostores';
import type { DataIssue } from '../domain/dataIssue';

/** What saving needs (src/storage/facilityPersistence.ts implements it; tests pass an in-memory one). */
export interface FacilityPersistence {
  saveDataset(dataset: FacilityDataset, facilities: readonly Facility[]): Promise<void>;
  renameDataset(datasetId: string, name: string): Promise<void>;
  setHidden(datasetId: string, hidden: boolean): Promise<void>;
  deleteDataset(datasetId: string): Promise<void>;
}

let persistence: FacilityPersistence | null = null;

export function setFacilityPersistence(next: FacilityPersistence | null): void {
  persistence = next;
}

/** The last storage problem, shown by the UI until dismissed (quota, blocked upgrade, private mode …). */
export const $storageError = atom<DataIssue | null>(null);

/** Storage errors carry a DataIssue (src/storage/storageErrors.ts); anything else is reported as a failed save. */
export function reportStorageError(error: unknown): void {
  const issue = typeof error === 'object' && error !== null && 'issue' in error ? (error.issue as DataIssue) : null;
  $storageError.set(
    issue ?? { code: 'storage.failed', file: 'IndexedDB', params: { reason: error instanceof Error ? error.message : String(error) } },
  );
}

export function dismissStorageError(): void {
  $storageError.set(null);
}

/** Saves first, then updates the stores: a failed save leaves what was there untouched. */
export async function saveFacilityDataset(dataset: FacilityDataset, facilities: readonly Facility[]): Promise<boolean> {
  try {
    if (dataset.kind !== 'embedded') await persistence?.saveDataset(dataset, facilities);
  } catch (error) {
    reportStorageError(error);
    return false;
  }
  putFacilityDataset(dataset, facilities);
  return true;
}

async function changeDataset(datasetId: string, changes: Partial<Pick<FacilityDataset, 'name' | 'hidden'>>): Promise<void> {
  const dataset = $facilityDatasets.get().find((candidate) => candidate.id === datasetId);
  if (!dataset) return;
  try {
    if (dataset.kind !== 'embedded' && persistence) {
      if (changes.name !== undefined) await persistence.renameDataset(datasetId, changes.name);
      if (changes.hidden !== undefined) await persistence.setHidden(datasetId, changes.hidden);
    }
  } catch (error) {
    reportStorageError(error);
    return;
  }
  updateFacilityDataset(datasetId, changes);
}

export function renameFacilityDataset(datasetId: string, name: string): Promise<void> {
  return changeDataset(datasetId, { name: limitName(name) });
}

export function setFacilityDatasetHidden(datasetId: string, hidden: boolean): Promise<void> {
  return changeDataset(datasetId, { hidden });
}

export async function deleteFacilityDataset(datasetId: string): Promise<void> {
  const dataset = $facilityDatasets.get().find((candidate) => candidate.id === datasetId);
  try {
    if (dataset?.kind !== 'embedded') await persistence?.deleteDataset(datasetId);
  } catch (error) {
    reportStorageError(error);
    return;
  }
  removeFacilityDataset(datasetId);
}

/** Puts restored or embedded datasets into the stores without saving them again. */
export function restoreFacilityDatasets(entries: ReadonlyArray<{ dataset: FacilityDataset; facilities: readonly Facility[] }>): void {
  // One batch: derived lists (and the map) are computed once for all restored datasets.
  batch(() => {
    for (const { dataset, facilities } of entries) putFacilityDataset(dataset, facilities);
  });
}
