// Connects draft scenarios to IndexedDB over the app's one connection (facilityPersistence.ts owns
// it: opening, blocked upgrades, reopening, session-only mode), restores them record by record, and
// tells other tabs of every committed change through a BroadcastChannel of its own. Messages that
// arrive before this tab has restored its scenarios are held until then. The revision check in
// scenarioRepository.ts makes a stale tab fail with 'conflict' even when a message was missed.

import type { DataIssue } from '../domain/dataIssue';
import type { DraftScenario } from '../domain/scenario';
import { DATABASE_NAME, type WoonzorgkaartDatabase } from './database';
import type { ExpectedRevision } from './facilityRepository';
import { deleteScenarioRecord, listScenarioRecords, readScenarioRecord, restoreScenarioRecord, writeScenario, type RestoredScenario } from './scenarioRepository';
import { toStorageError } from './storageErrors';

export type { RestoredScenario };

export interface ScenarioRestoreReport {
  restored: RestoredScenario[];
  /** Records that could not be read or had to be repaired, each named. */
  issues: DataIssue[];
}

/** What another tab's change turned out to be after reading it back. */
export type RemoteScenario =
  | { kind: 'changed'; entry: RestoredScenario; issues: DataIssue[] }
  | { kind: 'deleted'; scenarioId: string }
  | { kind: 'unreadable'; scenarioId: string; issues: DataIssue[] };

export interface ScenarioStorageOptions {
  /** The app's connection (FacilityStorage.withDatabase). */
  withDatabase<T>(operation: (database: WoonzorgkaartDatabase) => Promise<T>): Promise<T>;
  /** Another tab committed a change to this scenario (after this tab's restore has finished). */
  onRemoteChange?: (scenarioId: string) => void;
  /** Tests give each test its own channel; null = no cross-tab messages. Default: per database name. */
  channelName?: string | null;
  /** Database name, for the default channel name. */
  name?: string;
}

export interface ScenarioStorage {
  /** Reads every stored scenario. Rejects with a StorageError when the database cannot be opened. */
  restore(): Promise<ScenarioRestoreReport>;
  readScenario(scenarioId: string): Promise<RemoteScenario>;
  /** Creates ('new') or replaces (the revision seen) a scenario; resolves with the new revision. */
  saveScenario(scenario: DraftScenario, expected: ExpectedRevision): Promise<number>;
  deleteScenario(scenarioId: string, expected: ExpectedRevision): Promise<void>;
  close(): void;
}

export function createScenarioStorage(options: ScenarioStorageOptions): ScenarioStorage {
  let restored = false;
  const heldMessages: string[] = [];
  const channelName = options.channelName === undefined ? `woonzorgkaart-scenarios:${options.name ?? DATABASE_NAME}` : options.channelName;
  const channel = channelName !== null && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(channelName) : null;

  channel?.addEventListener('message', (event: MessageEvent) => {
    const scenarioId = (event.data as { scenarioId?: unknown } | null)?.scenarioId;
    if (typeof scenarioId !== 'string') return;
    if (restored) options.onRemoteChange?.(scenarioId);
    else heldMessages.push(scenarioId);
  });

  function announce(scenarioId: string): void {
    try {
      channel?.postMessage({ scenarioId });
    } catch {
      // A closed channel only means other tabs learn of the change at their next write or reload.
    }
  }

  return {
    async restore() {
      const report: ScenarioRestoreReport = { restored: [], issues: [] };
      const records = await options.withDatabase(listScenarioRecords);
      for (const { key, value } of records) {
        const result = restoreScenarioRecord(value, key);
        if (result.ok) report.restored.push(result.entry);
        report.issues.push(...result.issues);
      }
      restored = true;
      for (const scenarioId of heldMessages.splice(0)) options.onRemoteChange?.(scenarioId);
      return report;
    },
    async readScenario(scenarioId) {
      let value: unknown;
      try {
        value = await options.withDatabase((database) => readScenarioRecord(database, scenarioId));
      } catch (error) {
        return { kind: 'unreadable', scenarioId, issues: [{ code: 'storage.scenarioUnreadable', file: 'IndexedDB', record: scenarioId, params: { name: scenarioId, reason: toStorageError(error).message } }] };
      }
      if (value === undefined) return { kind: 'deleted', scenarioId };
      const result = restoreScenarioRecord(value, scenarioId);
      return result.ok ? { kind: 'changed', entry: result.entry, issues: result.issues } : { kind: 'unreadable', scenarioId, issues: result.issues };
    },
    async saveScenario(scenario, expected) {
      const started = performance.now();
      const { revision } = await options.withDatabase((database) => writeScenario(database, scenario, expected));
      // For the browser benchmark (autosave never blocks input) and the browser's profiler.
      performance.measure('storage:scenarioSave', { start: started, detail: { edits: scenario.edits.length } });
      announce(scenario.id);
      return revision;
    },
    async deleteScenario(scenarioId, expected) {
      await options.withDatabase((database) => deleteScenarioRecord(database, scenarioId, expected));
      announce(scenarioId);
    },
    close() {
      channel?.close();
    },
  };
}
