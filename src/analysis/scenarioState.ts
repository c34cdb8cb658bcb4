// A scenario's plan as a pure function of the published plan and its edits, and the edit history
// (record, undo, redo) as pure operations on a DraftScenario. No DOM, no storage.

import type { DraftScenario, ScenarioEdit, ScenarioState, Site } from '../domain/scenario';

export class ScenarioEditError extends Error {
  constructor(
    /**
     * unknownSite: no site with that id; duplicateSite: a site with that id exists already; staleEdit: the
     * edit's "before" (or a move's "from") is not what the state holds, so its undo would not restore it;
     * badDrawnZone: a drawn zone's before/after do not carry the edit's zone id.
     */
    readonly code: 'unknownSite' | 'duplicateSite' | 'staleEdit' | 'badDrawnZone',
    readonly edit: ScenarioEdit,
  ) {
    super(`${code} in edit ${edit.id} (${edit.kind})`);
    this.name = 'ScenarioEditError';
  }
}

function siteIndex(state: ScenarioState, siteId: string): number {
  return state.sites.findIndex((site) => site.id === siteId);
}

/** Structural equality of plain data (numbers, strings, null, arrays, plain objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

function sameKeys(a: object, b: object): boolean {
  const keysA = Object.keys(a).sort();
  const keysB = Object.keys(b).sort();
  return keysA.length === keysB.length && keysA.every((key, index) => key === keysB[index]);
}

/** The state after one edit. Throws ScenarioEditError when the edit does not fit the state. */
export function applyEdit(state: ScenarioState, edit: ScenarioEdit): ScenarioState {
  switch (edit.kind) {
    case 'addSite': {
      if (siteIndex(state, edit.site.id) >= 0) throw new ScenarioEditError('duplicateSite', edit);
      return { ...state, sites: [...state.sites, edit.site] };
    }
    case 'removeSite': {
      const index = siteIndex(state, edit.site.id);
      if (index < 0) throw new ScenarioEditError('unknownSite', edit);
      if (!sameValue(state.sites[index], edit.site)) throw new ScenarioEditError('staleEdit', edit);
      return { ...state, sites: state.sites.filter((_, i) => i !== index) };
    }
    case 'updateSite': {
      const index = siteIndex(state, edit.siteId);
      if (index < 0) throw new ScenarioEditError('unknownSite', edit);
      const current = state.sites[index] as unknown as Record<string, unknown>;
      const fits =
        sameKeys(edit.before, edit.after) &&
        !('id' in edit.after) &&
        Object.entries(edit.before).every(([key, value]) => sameValue(current[key], value));
      if (!fits) throw new ScenarioEditError('staleEdit', edit);
      const sites = state.sites.slice();
      sites[index] = { ...sites[index], ...edit.after } as Site;
      return { ...state, sites };
    }
    case 'moveKeyProject': {
      if (!sameValue(state.keyProjectPlacements.get(edit.keyProjectId) ?? null, edit.from)) throw new ScenarioEditError('staleEdit', edit);
      const placements = new Map(state.keyProjectPlacements);
      if (edit.to === null) placements.delete(edit.keyProjectId);
      else placements.set(edit.keyProjectId, edit.to);
      return { ...state, keyProjectPlacements: placements };
    }
    case 'drawnZone': {
      if ((edit.before === null && edit.after === null) || (edit.before && edit.before.id !== edit.zoneId) || (edit.after && edit.after.id !== edit.zoneId)) {
        throw new ScenarioEditError('badDrawnZone', edit);
      }
      const index = state.drawnZones.findIndex((zone) => zone.id === edit.zoneId);
      if (edit.before === null ? index >= 0 : index < 0 || !sameValue(state.drawnZones[index], edit.before)) throw new ScenarioEditError('staleEdit', edit);
      if (edit.after === null) return { ...state, drawnZones: state.drawnZones.filter((_, i) => i !== index) };
      if (index < 0) return { ...state, drawnZones: [...state.drawnZones, edit.after] };
      const drawnZones = state.drawnZones.slice();
      drawnZones[index] = edit.after;
      return { ...state, drawnZones };
    }
  }
}

/**
 * The edit that undoes `edit`. Applying an edit and then its inverse gives the state back, except
 * that an undone removal puts the site back at the end of the list (order carries no meaning).
 */
export function inverseEdit(edit: ScenarioEdit): ScenarioEdit {
  switch (edit.kind) {
    case 'addSite':
      return { ...edit, kind: 'removeSite' };
    case 'removeSite':
      return { ...edit, kind: 'addSite' };
    case 'updateSite':
      return { ...edit, before: edit.after, after: edit.before };
    case 'moveKeyProject':
      return { ...edit, from: edit.to, to: edit.from };
    case 'drawnZone':
      return { ...edit, before: edit.after, after: edit.before };
  }
}

export function applyEdits(state: ScenarioState, edits: readonly ScenarioEdit[]): ScenarioState {
  return edits.reduce(applyEdit, state);
}

/** The plan the scenario describes now: its applied edits on an empty set of changes to the published plan. */
export function scenarioState(scenario: Pick<DraftScenario, 'edits' | 'appliedCount'>, base: ScenarioState): ScenarioState {
  return applyEdits(base, scenario.edits.slice(0, scenario.appliedCount));
}

/**
 * The plan of a stored draft for display: like scenarioState, but an edit that does not fit ends the
 * replay there instead of throwing (drafts are checked on restore and import, so this is a safety net).
 */
export function scenarioStateUpToFirstMisfit(scenario: Pick<DraftScenario, 'edits' | 'appliedCount'>, base: ScenarioState): ScenarioState {
  let state = base;
  for (const edit of scenario.edits.slice(0, scenario.appliedCount)) {
    try {
      state = applyEdit(state, edit);
    } catch (error) {
      if (error instanceof ScenarioEditError) break;
      throw error;
    }
  }
  return state;
}

/** Adds an edit after the applied ones; edits that had been undone can no longer be redone. */
export function recordEdit<T extends Pick<DraftScenario, 'edits' | 'appliedCount'>>(scenario: T, edit: ScenarioEdit): T {
  return { ...scenario, edits: [...scenario.edits.slice(0, scenario.appliedCount), edit], appliedCount: scenario.appliedCount + 1 };
}

export function canUndo(scenario: Pick<DraftScenario, 'appliedCount'>): boolean {
  return scenario.appliedCount > 0;
}

export function canRedo(scenario: Pick<DraftScenario, 'edits' | 'appliedCount'>): boolean {
  return scenario.appliedCount < scenario.edits.length;
}

export function undo<T extends Pick<DraftScenario, 'edits' | 'appliedCount'>>(scenario: T): T {
  return canUndo(scenario) ? { ...scenario, appliedCount: scenario.appliedCount - 1 } : scenario;
}

export function redo<T extends Pick<DraftScenario, 'edits' | 'appliedCount'>>(scenario: T): T {
  return canRedo(scenario) ? { ...scenario, appliedCount: scenario.appliedCount + 1 } : scenario;
}
