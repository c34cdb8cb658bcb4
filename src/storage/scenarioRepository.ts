// Reading and writing draft scenarios (object store `scenarios`, version 3 on). Every failure reaches
// the caller as a StorageError. Follows facilityRepository.ts:
// - One record per scenario: the scenario (unknown fields included) plus `schemaVersion`, `revision`
//   and `savedAt`. Reading returns raw records; restoreScenarioRecord checks each on its own, so one
//   damaged record never costs the others.
// - Revisions: a write says which revision it saw ('new' = none); inside its read-write transaction
//   it compares with what is stored and throws 'conflict', writing nothing, when another tab changed
//   or deleted the scenario meanwhile. A record written by a newer version of the app is never
//   overwritten (also 'conflict'): this version would drop what it does not understand.
// - Writes that replace or delete ask for `strict` durability (see facilityRepository.ts).

import { restoreScenario } from '../data/scenarioRecord';
import type { DataIssue } from '../domain/dataIssue';
import { SCENARIO_SCHEMA_VERSION, type DraftScenario } from '../domain/scenario';
import type { StoredScenario, WoonzorgkaartDatabase } from './database';
import { read, write, type ExpectedRevision } from './facilityRepository';
import { StorageError } from './storageErrors';

export interface RestoredScenario {
  scenario: DraftScenario;
  /** The stored revision: what this tab saw, to pass back with its next write. */
  revision: number;
}

/** A stored record checked: the scenario and its revision (with what had to be repaired), or why it cannot be used. */
export type ScenarioRecordResult = { ok: true; entry: RestoredScenario; issues: DataIssue[] } | { ok: false; issues: DataIssue[] };

function recordName(value: unknown, fallback: string): string {
  const name = typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name : fallback;
}

/** Checks one stored record (see src/data/scenarioRecord.ts); `key` names it when it has no readable id. */
export function restoreScenarioRecord(value: unknown, key: string): ScenarioRecordResult {
  const result = restoreScenario(value);
  if (!result.ok) {
    const code = result.newerVersion ? 'storage.scenarioNewer' : 'storage.scenarioUnreadable';
    return { ok: false, issues: [{ code, file: 'IndexedDB', record: key, params: { name: recordName(value, key), reason: result.reason } }] };
  }
  const rawRevision = (value as { revision?: unknown }).revision;
  const revision = typeof rawRevision === 'number' && Number.isInteger(rawRevision) && rawRevision > 0 ? rawRevision : 1;
  const issues: DataIssue[] =
    result.repairs.length > 0 ? [{ code: 'storage.scenarioRepaired', file: 'IndexedDB', record: key, params: { name: result.scenario.name, reason: result.repairs.join('; ') } }] : [];
  return { ok: true, entry: { scenario: result.scenario, revision }, issues };
}

/** Every stored record with its key, raw (check each with restoreScenarioRecord). */
export function listScenarioRecords(database: WoonzorgkaartDatabase): Promise<Array<{ key: string; value: unknown }>> {
  return read(async () => {
    const transaction = database.transaction('scenarios', 'readonly');
    transaction.done.catch(() => {});
    const store = transaction.objectStore('scenarios');
    const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
    return keys.map((key, index) => ({ key, value: values[index] as unknown }));
  });
}

export function readScenarioRecord(database: WoonzorgkaartDatabase, scenarioId: string): Promise<unknown> {
  return read(() => database.get('scenarios', scenarioId));
}

function checkRevision(scenarioId: string, stored: StoredScenario | undefined, expected: ExpectedRevision): void {
  if (stored !== undefined && typeof stored.schemaVersion === 'number' && stored.schemaVersion > SCENARIO_SCHEMA_VERSION) {
    throw new StorageError('conflict', `scenario ${scenarioId} was saved by a newer version of the app`);
  }
  if (expected === 'any') return;
  if (expected === 'new') {
    if (stored !== undefined) throw new StorageError('conflict', `scenario ${scenarioId} already exists (revision ${String(stored.revision)})`);
    return;
  }
  if (stored === undefined) throw new StorageError('conflict', `scenario ${scenarioId} was deleted in another tab`);
  if ((stored.revision ?? 1) !== expected) throw new StorageError('conflict', `scenario ${scenarioId} is at revision ${String(stored.revision)}, expected ${expected}`);
}

/**
 * Creates (expected 'new') or replaces (expected = the revision the caller saw) a scenario and
 * resolves with its new revision. Fields of the stored record this version does not write are kept.
 */
export function writeScenario(database: WoonzorgkaartDatabase, scenario: DraftScenario, expected: ExpectedRevision, savedAt = new Date().toISOString()): Promise<{ revision: number }> {
  return write(database, ['scenarios'], expected === 'new' ? 'default' : 'strict', async (transaction) => {
    const store = transaction.objectStore('scenarios');
    const stored = await store.get(scenario.id);
    checkRevision(scenario.id, stored, expected);
    const revision = (stored?.revision ?? 0) + 1;
    await store.put({ ...stored, ...scenario, schemaVersion: SCENARIO_SCHEMA_VERSION, revision, savedAt });
    return { revision };
  });
}

/** Deletes a scenario; with a revision, only when the stored one is still that revision. Deleting what is gone is fine. */
export function deleteScenarioRecord(database: WoonzorgkaartDatabase, scenarioId: string, expected: ExpectedRevision = 'any'): Promise<void> {
  return write(database, ['scenarios'], 'strict', async (transaction) => {
    const store = transaction.objectStore('scenarios');
    const stored = await store.get(scenarioId);
    if (stored === undefined) return;
    if (typeof expected === 'number') checkRevision(scenarioId, stored, expected);
    await store.delete(scenarioId);
  });
}
