// Facility dataset actions that change the stores, and what the UI shows about browser storage.
// Persistence is attached in main.tsx (attachFacilityStorage / setFacilityPersistence).
//
// Rules:
// - Save first, then update the stores: a failed save leaves what was there untouched.
// - A write is never skipped silently: without a database it waits for the open, or fails with
//   a visible storage problem. Only in session-only mode (the browser offers no storage, e.g. a
//   private window) do changes go to memory alone, and a banner that cannot be dismissed says so.
// - Every write passes the revision this tab saw; another tab's change makes it a 'conflict'
//   (nothing written, the planner is offered a reload).

import { atom, batch } from 'nanostores';
import { issueFromError, type DataIssue } from '../domain/dataIssue';
import { limitName, type DatasetCompleteness, type Facility, type FacilityDataset } from '../domain/facility';
import { $facilityDatasets, putFacilityDataset, removeFacilityDataset, updateFacilityDataset } from './facilities';

/** The revision a write expects to find: 'new' = must not exist yet, 'any' = no check. */
export type ExpectedRevision = number | 'new' | 'any';

/** What saving needs (src/storage/facilityPersistence.ts implements it; tests pass an in-memory one). */
export interface FacilityPersistence {
  /** Resolves with the dataset's new stored revision. */
  saveDataset(dataset: FacilityDataset, facilities: readonly Facility[], expected: ExpectedRevision): Promise<number>;
  renameDataset(datasetId: string, name: string, expected: ExpectedRevision): Promise<number>;
  setHidden(datasetId: string, hidden: boolean, expected: ExpectedRevision): Promise<number>;
  setCompleteness(datasetId: string, completeness: DatasetCompleteness, expected: ExpectedRevision): Promise<number>;
  deleteDataset(datasetId: string, expected: ExpectedRevision): Promise<void>;
}

/** The browser database as the UI describes it; see src/storage/facilityPersistence.ts. */
export type StorageStatus = 'opening' | 'blocked' | 'ready' | 'closed' | 'versionChange' | 'sessionOnly' | 'failed';

export const $storageStatus = atom<StorageStatus>('opening');

let persistence: FacilityPersistence | null = null;

export function setFacilityPersistence(next: FacilityPersistence | null): void {
  persistence = next;
}

/** Stored revision per dataset id, as this tab last read or wrote it. */
const revisions = new Map<string, number>();

export function datasetRevision(datasetId: string): number | undefined {
  return revisions.get(datasetId);
}

/** Storage problems, oldest first, each shown until dismissed or until the state it describes ends. */
export const $storageProblems = atom<readonly DataIssue[]>([]);

function issueOf(error: unknown): DataIssue {
  return issueFromError(error, 'storage.failed', 'IndexedDB');
}

function sameIssue(a: DataIssue, b: DataIssue): boolean {
  return a.code === b.code && a.record === b.record && JSON.stringify(a.params ?? {}) === JSON.stringify(b.params ?? {});
}

/** Adds a storage problem (storage errors carry a DataIssue; anything else is a failed save) and returns it. */
export function reportStorageError(error: unknown): DataIssue {
  const issue = issueOf(error);
  const current = $storageProblems.get();
  if (!current.some((existing) => sameIssue(existing, issue))) $storageProblems.set([...current, issue]);
  return issue;
}

export function reportStorageIssues(issues: readonly DataIssue[]): void {
  for (const issue of issues) reportStorageError({ issue });
}

export function dismissStorageProblem(issue: DataIssue): void {
  $storageProblems.set($storageProblems.get().filter((existing) => existing !== issue));
}

function clearStorageProblems(codes: readonly string[]): void {
  const current = $storageProblems.get();
  const kept = current.filter((issue) => !codes.includes(issue.code));
  if (kept.length !== current.length) $storageProblems.set(kept);
}

/**
 * The connection's status changed (src/storage calls this). A problem that describes a state
 * (blocked, closed) disappears when the state ends; session-only mode is a banner of its own.
 */
export function setStorageStatus(status: StorageStatus, error: unknown = null): void {
  $storageStatus.set(status);
  if (status === 'ready' || status === 'opening') clearStorageProblems(['storage.blocked', 'storage.closed']);
  if (status === 'sessionOnly') return;
  if (error !== null && status !== 'ready') reportStorageError(error);
}

/** The outcome of a save: stored (or kept in memory in session-only mode), or the problem shown. */
export type SaveOutcome = { ok: true; persisted: boolean } | { ok: false; issue: DataIssue };

/**
 * Writes started and not yet finished (committed or failed). A write runs in one transaction, so
 * closing the tab before it commits throws all of it away (the old data stays, whole): while this
 * is above 0 the UI asks the browser to confirm leaving (src/ui/unloadGuard.ts). It goes up in
 * the same task as the planner's click, so a tab closed right after "Opslaan" is already guarded.
 */
export const $writesInFlight = atom(0);

/** Runs a write; in session-only mode nothing is written and the change stays in memory (with the banner). */
async function persist<T>(write: (target: FacilityPersistence) => Promise<T>): Promise<{ ok: true; value: T | null } | { ok: false; issue: DataIssue }> {
  if ($storageStatus.get() === 'sessionOnly') return { ok: true, value: null };
  if (persistence === null) {
    // Not attached yet: the open has not even started. Never report a save that did not happen.
    return { ok: false, issue: reportStorageError({ issue: { code: 'storage.notOpen', file: 'IndexedDB', params: { reason: $storageStatus.get() } } }) };
  }
  $writesInFlight.set($writesInFlight.get() + 1);
  try {
    return { ok: true, value: await write(persistence) };
  } catch (error) {
    // The open failed while this write waited because the browser has no storage: keep in memory.
    if ($storageStatus.get() === 'sessionOnly') return { ok: true, value: null };
    return { ok: false, issue: reportStorageError(error) };
  } finally {
    $writesInFlight.set($writesInFlight.get() - 1);
  }
}

/**
 * Saves a dataset (new, or new contents for one with the same id), then updates the stores.
 * `expected` is the revision the change is based on; by default the one this tab knows (or 'new').
 */
export async function saveFacilityDataset(dataset: FacilityDataset, facilities: readonly Facility[], expected?: ExpectedRevision): Promise<SaveOutcome> {
  if (dataset.kind === 'embedded') {
    putFacilityDataset(dataset, facilities);
    return { ok: true, persisted: false };
  }
  const result = await persist((target) => target.saveDataset(dataset, facilities, expected ?? revisions.get(dataset.id) ?? 'new'));
  if (!result.ok) return result;
  if (result.value !== null) revisions.set(dataset.id, result.value);
  putFacilityDataset(dataset, facilities);
  return { ok: true, persisted: result.value !== null };
}

/** Saves the change, then applies it to the stores; returns false (and reports) when saving failed. */
async function changeDataset(datasetId: string, changes: Partial<Pick<FacilityDataset, 'name' | 'hidden' | 'completeness'>>): Promise<boolean> {
  const dataset = $facilityDatasets.get().find((candidate) => candidate.id === datasetId);
  if (!dataset) return false;
  if (dataset.kind !== 'embedded') {
    const expected = revisions.get(datasetId) ?? 'any';
    const result = await persist(async (target) => {
      let revision: number | null = null;
      if (changes.name !== undefined) revision = await target.renameDataset(datasetId, changes.name, revision ?? expected);
      if (changes.hidden !== undefined) revision = await target.setHidden(datasetId, changes.hidden, revision ?? expected);
      if (changes.completeness !== undefined) revision = await target.setCompleteness(datasetId, changes.completeness, revision ?? expected);
      return revision;
    });
    if (!result.ok) return false;
    if (result.value !== null) revisions.set(datasetId, result.value);
  }
  updateFacilityDataset(datasetId, changes);
  return true;
}

export async function renameFacilityDataset(datasetId: string, name: string): Promise<void> {
  await changeDataset(datasetId, { name: limitName(name) });
}

export async function setFacilityDatasetHidden(datasetId: string, hidden: boolean): Promise<void> {
  await changeDataset(datasetId, { hidden });
}

/** Declares per category what the dataset covers; saved first, then the verdicts follow. */
export function setFacilityDatasetCompleteness(datasetId: string, completeness: DatasetCompleteness): Promise<boolean> {
  return changeDataset(datasetId, { completeness });
}

export async function deleteFacilityDataset(datasetId: string): Promise<void> {
  const dataset = $facilityDatasets.get().find((candidate) => candidate.id === datasetId);
  if (dataset?.kind !== 'embedded') {
    const result = await persist((target) => target.deleteDataset(datasetId, revisions.get(datasetId) ?? 'any'));
    if (!result.ok) return;
  }
  revisions.delete(datasetId);
  removeFacilityDataset(datasetId);
}

/** Puts restored or embedded datasets into the stores without saving them again. */
export function restoreFacilityDatasets(entries: ReadonlyArray<{ dataset: FacilityDataset; facilities: readonly Facility[]; revision?: number }>): void {
  // One batch: derived lists (and the map) are computed once for all restored datasets.
  batch(() => {
    for (const { dataset, facilities, revision } of entries) {
      if (revision !== undefined) revisions.set(dataset.id, revision);
      putFacilityDataset(dataset, facilities);
    }
  });
}

/** Another tab changed a dataset: take its stored state (or drop it when deleted there). */
export function applyRemoteDataset(
  change: { kind: 'changed'; entry: { dataset: FacilityDataset; facilities: readonly Facility[]; revision: number } } | { kind: 'deleted'; datasetId: string },
): void {
  if (change.kind === 'deleted') {
    revisions.delete(change.datasetId);
    removeFacilityDataset(change.datasetId);
    return;
  }
  restoreFacilityDatasets([change.entry]);
}

/** Forgets every known revision (tests). */
export function resetFacilityRevisions(): void {
  revisions.clear();
}
