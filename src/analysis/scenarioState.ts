// A scenario's plan as a pure function of the published plan and its edits, and the edit history
// (record, undo, redo) as pure operations on a DraftScenario. No DOM, no storage.

import type { DraftScenario, ScenarioEdit, ScenarioState, Site } from '../domain/scenario';

export class ScenarioEditError extends Error {
  constructor(
    readonly code: 'unknownSite' | 'duplicateSite',
    readonly edit: ScenarioEdit,
  ) {
    super(`${code} in edit ${edit.id} (${edit.kind})`);
    this.name = 'ScenarioEditError';
  }
}

function siteIndex(state: ScenarioState, siteId: string): number {
  return state.sites.findIndex((site) => site.id === siteId);
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
      return { ...state, sites: state.sites.filter((_, i) => i !== index) };
    }
    case 'updateSite': {
      const index = siteIndex(state, edit.siteId);
      if (index < 0) throw new ScenarioEditError('unknownSite', edit);
      const sites = state.sites.slice();
      sites[index] = { ...sites[index], ...edit.after } as Site;
      return { ...state, sites };
    }
    case 'moveKeyProject': {
      const placements = new Map(state.keyProjectPlacements);
      if (edit.to === null) placements.delete(edit.keyProjectId);
      else placements.set(edit.keyProjectId, edit.to);
      return { ...state, keyProjectPlacements: placements };
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
  }
}

export function applyEdits(state: ScenarioState, edits: readonly ScenarioEdit[]): ScenarioState {
  return edits.reduce(applyEdit, state);
}

/** The plan the scenario describes now: its applied edits on an empty set of changes to the published plan. */
export function scenarioState(scenario: Pick<DraftScenario, 'edits' | 'appliedCount'>, base: ScenarioState): ScenarioState {
  return applyEdits(base, scenario.edits.slice(0, scenario.appliedCount));
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
