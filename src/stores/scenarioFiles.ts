// Exporting drafts to files and importing them back (the file format is in src/data/scenarioFile.ts;
// the download and the file picker are in the UI). An import is read, previewed, and only added on
// confirmation; a draft whose id exists is added as a copy, so an import never overwrites. Export
// works whatever the state of browser storage (session-only, quota, conflict): it reads the stores.

import { atom } from 'nanostores';
import type { DataIssue } from '../domain/dataIssue';
import type { DraftScenario } from '../domain/scenario';
import { MAX_SCENARIO_FILE_BYTES, parseScenarioFile, scenarioFileName, scenarioSitesGeoJson, serialiseScenarioFile, type ScenarioImportEntry } from '../data/scenarioFile';
import { $scenarios, addScenario, cleanScenarioName, markScenarioExported, newScenarioId, scenarioNow } from './scenarios';

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  text: string;
}

/** The file for the given drafts (all when none given); records the export time on each. */
export function exportScenarioFile(ids?: readonly string[]): ExportedFile | null {
  const scenarios = ids === undefined ? $scenarios.get() : $scenarios.get().filter((scenario) => ids.includes(scenario.id));
  if (scenarios.length === 0) return null;
  const exportedAt = scenarioNow();
  const file = { fileName: scenarioFileName(scenarios, exportedAt), mimeType: 'application/json', text: serialiseScenarioFile(scenarios, exportedAt) };
  for (const scenario of scenarios) markScenarioExported(scenario.id, exportedAt);
  return file;
}

/** The draft's current sites as a GeoJSON file. */
export function exportScenarioSites(id: string): ExportedFile | null {
  const scenario = $scenarios.get().find((candidate) => candidate.id === id);
  if (scenario === undefined) return null;
  const text = JSON.stringify(scenarioSitesGeoJson(scenario), null, 2);
  return { fileName: scenarioFileName([scenario], scenarioNow(), 'geojson'), mimeType: 'application/geo+json', text };
}

export type ScenarioImportState =
  | { status: 'idle' }
  | { status: 'preview'; fileName: string; entries: ScenarioImportEntry[] }
  | { status: 'error'; issue: DataIssue }
  | { status: 'done'; added: DraftScenario[] };

export const $scenarioImport = atom<ScenarioImportState>({ status: 'idle' });

/** Refuses a file from its size alone, before reading it. */
export function checkScenarioFileSize(fileName: string, size: number): boolean {
  if (size <= MAX_SCENARIO_FILE_BYTES) return true;
  $scenarioImport.set({ status: 'error', issue: { code: 'scenarioFiles.tooLarge', file: fileName, params: { file: fileName, reason: `${size} > ${MAX_SCENARIO_FILE_BYTES} bytes` } } });
  return false;
}

/** Reads a file's text into a preview (or an error naming what and why). Changes no draft. */
export function previewScenarioFile(fileName: string, text: string): ScenarioImportState {
  const existing = new Set($scenarios.get().map((scenario) => scenario.id));
  const parsed = parseScenarioFile(text, fileName, existing);
  const state: ScenarioImportState = parsed.ok ? { status: 'preview', fileName, entries: parsed.entries } : { status: 'error', issue: parsed.issue };
  $scenarioImport.set(state);
  return state;
}

/**
 * Adds the previewed drafts; a draft whose id is taken (now, not only at preview time) gets a new id
 * and the name `copyName(name)` (the UI passes the translated "… (geïmporteerd)").
 */
export function confirmScenarioImport(copyName: (name: string) => string): DraftScenario[] {
  const state = $scenarioImport.get();
  if (state.status !== 'preview') return [];
  const added: DraftScenario[] = [];
  for (const entry of state.entries) {
    const taken = $scenarios.get().some((scenario) => scenario.id === entry.scenario.id);
    const scenario = taken ? { ...entry.scenario, id: newScenarioId(), name: cleanScenarioName(copyName(entry.scenario.name)) ?? entry.scenario.name } : entry.scenario;
    added.push(addScenario(scenario));
  }
  $scenarioImport.set({ status: 'done', added });
  return added;
}

export function cancelScenarioImport(): void {
  $scenarioImport.set({ status: 'idle' });
}
