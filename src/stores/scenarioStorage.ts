// Keeps draft scenarios in browser storage: restore at start, autosave, other tabs' changes, and
// whether the browser keeps the data for good.
//
// - Autosave: every change to a draft (src/stores/scenarios.ts tells this module through its change
//   listener) marks it dirty; AUTOSAVE_DELAY_MS after the last change the dirty drafts are written,
//   one write at a time, each with the revision this tab last saw. `pagehide` (and the page turning
//   hidden) writes at once, so closing the tab right after an edit keeps it; while a write runs,
//   closing the tab asks first ($writesInFlight, src/ui/unloadGuard.ts).
// - Deleting is written at once (undoDelete writes the draft back as new).
// - A stale tab: another tab changed or deleted the draft since this tab read it, so the write is
//   refused inside its transaction ('conflict'). Nothing is overwritten and nothing is lost: this
//   tab's version stays in memory (exportable, or kept as a copy with keepConflictedAsCopy), the
//   problem is shown with a reload offer, and this draft is not autosaved again until resolved.
// - Other tabs: a BroadcastChannel message names a draft; it is read again and replaces this tab's
//   copy, unless this tab has unsaved changes to it (then its next save reports the conflict).
// - Session-only (no storage, e.g. a private window): drafts live in memory; the banner says so.
//   Storage problems use the facility storage's problem list (src/ui/StorageProblem.tsx).
// - `navigator.storage.persist()` is asked once; its answer is shown ($storagePersistence).

import { atom } from 'nanostores';
import { type DataIssue, errorReason } from '../domain/dataIssue';
import type { DraftScenario } from '../domain/scenario';
import type { ExpectedRevision } from '../storage/facilityRepository';
import type { RemoteScenario, ScenarioRestoreReport } from '../storage/scenarioPersistence';
import { $storageStatus, $writesInFlight, reportStorageError, reportStorageIssues } from './facilityActions';
import { $scenarios, duplicateScenario, listenToScenarioChanges, setScenarios } from './scenarios';

export const AUTOSAVE_DELAY_MS = 800;

/** What autosave needs (src/storage/scenarioPersistence.ts implements it; tests pass an in-memory or fake-indexeddb one). */
export interface ScenarioPersistence {
  restore(): Promise<ScenarioRestoreReport>;
  readScenario(scenarioId: string): Promise<RemoteScenario>;
  saveScenario(scenario: DraftScenario, expected: ExpectedRevision): Promise<number>;
  deleteScenario(scenarioId: string, expected: ExpectedRevision): Promise<void>;
}

/**
 * What the planner is told about saving: 'saved' (all drafts stored), 'pending' (changes waiting
 * for the autosave), 'saving', 'failed' (a write failed: the problem is shown), 'sessionOnly'.
 */
export type ScenarioSaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed' | 'sessionOnly';
export const $scenarioSaveStatus = atom<ScenarioSaveStatus>('idle');

/** Drafts whose save was refused because another tab changed them: id → the problem shown. */
export const $scenarioConflicts = atom<ReadonlyMap<string, DataIssue>>(new Map());

/**
 * Whether the browser keeps stored data for good: 'persistent' ("blijvend opgeslagen"),
 * 'bestEffort' ("de browser kan dit wissen"), 'unsupported' (no StorageManager), 'unknown' until asked.
 */
export type StoragePersistence = 'unknown' | 'persistent' | 'bestEffort' | 'unsupported';
export const $storagePersistence = atom<StoragePersistence>('unknown');

let persistence: ScenarioPersistence | null = null;
const revisions = new Map<string, number>();
const dirty = new Set<string>();
let timer: ReturnType<typeof setTimeout> | null = null;
let queue: Promise<void> = Promise.resolve();
let failed = false;
let stopListening: (() => void) | null = null;

export function scenarioRevision(scenarioId: string): number | undefined {
  return revisions.get(scenarioId);
}

function sessionOnly(): boolean {
  return $storageStatus.get() === 'sessionOnly';
}

function settleStatus(): void {
  if (sessionOnly()) $scenarioSaveStatus.set('sessionOnly');
  else if (failed) $scenarioSaveStatus.set('failed');
  else if (dirty.size > 0) $scenarioSaveStatus.set('pending');
  else $scenarioSaveStatus.set('saved');
}

function markConflict(scenario: DraftScenario, error: unknown): void {
  const issue = reportStorageError({ issue: { code: 'storage.scenarioConflict', file: 'IndexedDB', record: scenario.id, params: { name: scenario.name, reason: errorReason(error) } } });
  $scenarioConflicts.set(new Map([...$scenarioConflicts.get(), [scenario.id, issue]]));
}

function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { kind?: unknown }).kind === 'conflict';
}

/** Runs storage work one piece at a time, in order (each write needs the revision of the one before). */
function enqueue(work: (target: ScenarioPersistence) => Promise<void>): Promise<void> {
  const target = persistence;
  if (target === null || sessionOnly()) {
    settleStatus();
    return queue;
  }
  // Counted from now (the planner's change) until written: closing the tab meanwhile asks first (src/ui/unloadGuard.ts).
  $writesInFlight.set($writesInFlight.get() + 1);
  queue = queue
    .then(() => work(target))
    .catch((error: unknown) => {
      failed = true;
      if (!sessionOnly()) reportStorageError(error);
    })
    .finally(() => $writesInFlight.set($writesInFlight.get() - 1));
  return queue;
}

async function saveOne(target: ScenarioPersistence, scenarioId: string): Promise<void> {
  if ($scenarioConflicts.get().has(scenarioId)) return;
  const scenario = $scenarios.get().find((candidate) => candidate.id === scenarioId);
  if (scenario === undefined) return;
  try {
    revisions.set(scenarioId, await target.saveScenario(scenario, revisions.get(scenarioId) ?? 'new'));
  } catch (error) {
    if (sessionOnly()) return;
    if (isConflict(error)) markConflict(scenario, error);
    else {
      // Not saved (quota, closed …): stays dirty so the next change or flush tries again.
      dirty.add(scenarioId);
      failed = true;
      reportStorageError(error);
    }
  }
}

/** Writes every dirty draft now (the autosave timer, pagehide, tests). Resolves when written or failed. */
export function flushScenarioSaves(): Promise<void> {
  if (timer !== null) {
    clearTimeout(timer);
    timer = null;
  }
  if (dirty.size === 0) return queue;
  const ids = [...dirty];
  dirty.clear();
  failed = false;
  $scenarioSaveStatus.set('saving');
  return enqueue(async (target) => {
    for (const id of ids) await saveOne(target, id);
  }).then(settleStatus);
}

function scheduleSave(scenarioId: string): void {
  dirty.add(scenarioId);
  if (sessionOnly()) {
    $scenarioSaveStatus.set('sessionOnly');
    return;
  }
  $scenarioSaveStatus.set('pending');
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(() => void flushScenarioSaves(), AUTOSAVE_DELAY_MS);
}

function deleteNow(scenario: DraftScenario): void {
  dirty.delete(scenario.id);
  const conflicts = $scenarioConflicts.get();
  if (conflicts.has(scenario.id)) {
    // This tab's version was never written after the conflict: deleting it must not delete the other tab's.
    const next = new Map(conflicts);
    next.delete(scenario.id);
    $scenarioConflicts.set(next);
    revisions.delete(scenario.id);
    return;
  }
  // Queued: a save of this draft still running first finishes, and the delete then sees its revision.
  void enqueue(async (target) => {
    const expected = revisions.get(scenario.id);
    if (expected === undefined) return;
    try {
      await target.deleteScenario(scenario.id, expected);
      revisions.delete(scenario.id);
    } catch (error) {
      if (isConflict(error)) markConflict(scenario, error);
      else throw error;
    }
  });
}

/**
 * Keeps this tab's version of a draft whose save was refused as a new draft (new id, name given by
 * the UI), so both versions are kept; the original follows the other tab again.
 */
export async function keepConflictedAsCopy(scenarioId: string, name: string): Promise<DraftScenario | null> {
  if (!$scenarioConflicts.get().has(scenarioId)) return null;
  const copy = duplicateScenario(scenarioId, name);
  const next = new Map($scenarioConflicts.get());
  next.delete(scenarioId);
  $scenarioConflicts.set(next);
  await refreshFromStorage(scenarioId, true);
  return copy;
}

async function refreshFromStorage(scenarioId: string, force = false): Promise<void> {
  const target = persistence;
  if (target === null) return;
  if (!force && (dirty.has(scenarioId) || $scenarioConflicts.get().has(scenarioId))) return;
  let change: RemoteScenario;
  try {
    change = await target.readScenario(scenarioId);
  } catch (error) {
    reportStorageError(error);
    return;
  }
  if (!force && dirty.has(scenarioId)) return;
  const current = $scenarios.get();
  if (change.kind === 'unreadable') {
    reportStorageIssues(change.issues);
    return;
  }
  if (change.kind === 'deleted') {
    revisions.delete(scenarioId);
    setScenarios(current.filter((scenario) => scenario.id !== scenarioId));
    return;
  }
  reportStorageIssues(change.issues);
  revisions.set(scenarioId, change.entry.revision);
  const index = current.findIndex((scenario) => scenario.id === scenarioId);
  setScenarios(index < 0 ? [...current, change.entry.scenario] : current.map((scenario, i) => (i === index ? change.entry.scenario : scenario)));
}

/** Another tab changed a draft (src/storage tells us after its restore). */
export function applyRemoteScenarioChange(scenarioId: string): Promise<void> {
  queue = queue.then(() => refreshFromStorage(scenarioId));
  return queue;
}

/** Asks the browser to keep stored data for good and records the answer. */
export async function requestPersistentStorage(storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator?.storage): Promise<StoragePersistence> {
  let answer: StoragePersistence = 'unsupported';
  if (storage && typeof storage.persist === 'function') {
    try {
      answer = (await storage.persisted()) || (await storage.persist()) ? 'persistent' : 'bestEffort';
    } catch {
      answer = 'bestEffort';
    }
  }
  $storagePersistence.set(answer);
  return answer;
}

/**
 * Attaches persistence: restores the stored drafts into the list (keeping drafts made before the
 * restore finished, which are then saved), and from then on saves every change.
 */
export async function attachScenarioPersistence(target: ScenarioPersistence | null): Promise<void> {
  stopListening?.();
  stopListening = null;
  persistence = target;
  revisions.clear();
  dirty.clear();
  failed = false;
  $scenarioConflicts.set(new Map());
  if (target === null) return;
  stopListening = listenToScenarioChanges({ saved: (scenario) => scheduleSave(scenario.id), deleted: deleteNow });
  let report: ScenarioRestoreReport;
  try {
    report = await target.restore();
  } catch (error) {
    // The open failed: session-only or failed, already shown by the facility storage's status.
    if (!sessionOnly()) reportStorageError(error);
    settleStatus();
    return;
  }
  reportStorageIssues(report.issues);
  for (const { scenario, revision } of report.restored) revisions.set(scenario.id, revision);
  const restoredIds = new Set(report.restored.map(({ scenario }) => scenario.id));
  const madeMeanwhile = $scenarios.get().filter((scenario) => !restoredIds.has(scenario.id));
  setScenarios([...report.restored.map(({ scenario }) => scenario), ...madeMeanwhile]);
  for (const scenario of madeMeanwhile) scheduleSave(scenario.id);
  settleStatus();
}

/** pagehide and hidden: write what is waiting now (the page may be gone before the timer fires). */
export function flushScenarioSavesOnPageHide(target: Pick<Window, 'addEventListener'> & { document?: Document } = window): void {
  target.addEventListener('pagehide', () => void flushScenarioSaves());
  target.addEventListener('visibilitychange', () => {
    if (globalThis.document?.visibilityState === 'hidden') void flushScenarioSaves();
  });
}
