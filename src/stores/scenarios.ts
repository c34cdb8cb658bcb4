// Draft scenarios: the planner's list of draft plans, the one being worked on, and its current plan.
// Thin stores over the pure model (src/domain/scenario.ts, src/analysis/scenarioState.ts):
//
//   $scenarios            every draft, in the order they were created (or restored);
//   $activeScenarioId     the draft being worked on, or null (the published plan is shown);
//   $activeScenario       that draft, or null;
//   $activeScenarioState  its plan (key project placements and sites) = base + applied edits.
//
// Rules:
// - Edit ids, site/scenario ids and timestamps come from ONE place (`scenarioClock` below), so every
//   record gets a unique id and an ISO time the same way; tests replace the clock.
// - An edit is checked against the current plan before it is recorded: an edit that does not fit
//   (a site that does not exist, a duplicate site id) throws ScenarioEditError and changes nothing.
// - Every change to a draft raises its `updatedAt` and goes through `commit`, the single point where
//   persistence (autosave) learns of it.
// - Deleting a draft can be undone (undoDelete) until the next delete.

import { atom, batch, computed } from 'nanostores';
import {
  EMPTY_SCENARIO_STATE,
  MAX_SCENARIO_NAME_LENGTH,
  cleanScenarioName,
  type DraftScenario,
  type PlannerTarget,
  type PresentationView,
  type ScenarioEdit,
  type ScenarioEditInput,
  type ScenarioState,
  type TargetMeasure,
} from '../domain/scenario';
import { DEFAULT_WALKING_SPEED, WOONZORGZONE_PROFILE, type NormProfile, type WalkingSpeed } from '../domain/norms';
import { defaultZoneDefinitionSet, type ZoneDefinitionSet } from '../domain/serviceZones';
import { applyEdit, recordEdit, redo, scenarioStateUpToFirstMisfit, undo, canRedo, canUndo } from '../analysis/scenarioState';

export { MAX_SCENARIO_NAME_LENGTH, cleanScenarioName };

/** Where ids and timestamps come from. */
export interface ScenarioClock {
  /** ISO timestamp. */
  now(): string;
  /** A new unique id (for scenarios, edits and sites). */
  newId(): string;
}

const browserClock: ScenarioClock = {
  now: () => new Date().toISOString(),
  newId: () => globalThis.crypto.randomUUID(),
};

let clock: ScenarioClock = browserClock;

/** Tests pass a deterministic clock; null restores the real one. */
export function setScenarioClock(next: ScenarioClock | null): void {
  clock = next ?? browserClock;
}

/** A new id for a site the planner adds (use it for `Site.id`). */
export function newSiteId(): string {
  return clock.newId();
}

/** A new id for a draft (an imported copy). */
export function newScenarioId(): string {
  return clock.newId();
}

/** The current time as drafts record it (ISO). */
export function scenarioNow(): string {
  return clock.now();
}

export type { ScenarioEditInput };

/** Told of every change to the drafts, after the stores were updated (persistence attaches here). */
export interface ScenarioChangeListener {
  /** A draft was created or changed (its new value). */
  saved(scenario: DraftScenario): void;
  /** A draft was deleted (its last value). */
  deleted(scenario: DraftScenario): void;
}

const listeners = new Set<ScenarioChangeListener>();

/** Adds a listener; returns the function that removes it. */
export function listenToScenarioChanges(listener: ScenarioChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const $scenarios = atom<readonly DraftScenario[]>([]);
export const $activeScenarioId = atom<string | null>(null);

export const $activeScenario = computed([$scenarios, $activeScenarioId], (scenarios, id) => (id === null ? null : (scenarios.find((scenario) => scenario.id === id) ?? null)));

/**
 * The active draft's plan, or null when no draft is active. Drafts are checked when they are
 * restored or imported, so replaying their applied edits does not fail; should it fail anyway, the
 * plan is the one of the edits before the failing one (never an exception in a computed store).
 */
export const $activeScenarioState = computed($activeScenario, (scenario): ScenarioState | null =>
  scenario === null ? null : scenarioStateUpToFirstMisfit(scenario, EMPTY_SCENARIO_STATE),
);

export const $canUndoEdit = computed($activeScenario, (scenario) => scenario !== null && canUndo(scenario));
export const $canRedoEdit = computed($activeScenario, (scenario) => scenario !== null && canRedo(scenario));

/** The last deleted draft and where it stood in the list, until undone or replaced by the next delete. */
export interface DeletedScenario {
  scenario: DraftScenario;
  index: number;
  wasActive: boolean;
}

export const $lastDeletedScenario = atom<DeletedScenario | null>(null);

function findScenario(id: string): DraftScenario | undefined {
  return $scenarios.get().find((scenario) => scenario.id === id);
}

function requireScenario(id: string): DraftScenario {
  const scenario = findScenario(id);
  if (scenario === undefined) throw new Error(`unknown scenario ${id}`);
  return scenario;
}

function notify(event: keyof ScenarioChangeListener, scenario: DraftScenario): void {
  for (const listener of listeners) listener[event](scenario);
}

/** The single point where a draft's new value enters the list (added at the end when new). */
function commit(scenario: DraftScenario): DraftScenario {
  const current = $scenarios.get();
  const index = current.findIndex((existing) => existing.id === scenario.id);
  $scenarios.set(index < 0 ? [...current, scenario] : current.map((existing, i) => (i === index ? scenario : existing)));
  notify('saved', scenario);
  return scenario;
}

function change(id: string, update: (scenario: DraftScenario) => DraftScenario): DraftScenario {
  const before = requireScenario(id);
  const after = update(before);
  if (after === before) return before;
  return commit({ ...after, updatedAt: clock.now() });
}

function requireName(name: string): string {
  const cleaned = cleanScenarioName(name);
  if (cleaned === null) throw new Error('a scenario needs a name');
  return cleaned;
}

export interface NewScenarioOptions {
  description?: string;
  measuredAgainst?: TargetMeasure;
  /** The norm profile and walking speed in force (the reachability settings); defaults: woonzorgzone, 'ouder'. */
  normProfile?: NormProfile;
  walkingSpeed?: WalkingSpeed;
  /** Select the new draft (default true). */
  select?: boolean;
}

/**
 * Creates a draft from the published plan (no edits yet) and, by default, makes it the active one.
 * Throws when the name is empty or too long (the UI checks first with cleanScenarioName).
 */
export function createScenario(name: string, options: NewScenarioOptions = {}): DraftScenario {
  const now = clock.now();
  const scenario: DraftScenario = {
    id: clock.newId(),
    name: requireName(name),
    description: options.description ?? '',
    createdAt: now,
    updatedAt: now,
    measuredAgainst: options.measuredAgainst ?? 'band',
    normProfile: options.normProfile ?? WOONZORGZONE_PROFILE,
    walkingSpeed: options.walkingSpeed ?? DEFAULT_WALKING_SPEED,
    zoneDefinitions: defaultZoneDefinitionSet(),
    presentationViews: [],
    edits: [],
    appliedCount: 0,
    lastExportedAt: null,
  };
  batch(() => {
    commit(scenario);
    if (options.select !== false) $activeScenarioId.set(scenario.id);
  });
  return scenario;
}

/**
 * Copies a draft with all its edits (undo history included) under a new id and name, placed right
 * after the original, and makes the copy active. Never exported: lastExportedAt starts empty.
 */
export function duplicateScenario(id: string, name: string): DraftScenario {
  const original = requireScenario(id);
  const now = clock.now();
  const copy: DraftScenario = { ...structuredClone(original), id: clock.newId(), name: requireName(name), createdAt: now, updatedAt: now, lastExportedAt: null };
  batch(() => {
    const current = $scenarios.get();
    const index = current.findIndex((scenario) => scenario.id === id);
    $scenarios.set([...current.slice(0, index + 1), copy, ...current.slice(index + 1)]);
    notify('saved', copy);
    $activeScenarioId.set(copy.id);
  });
  return copy;
}

/** Renames a draft; throws when the name is empty or too long (see cleanScenarioName). */
export function renameScenario(id: string, name: string): DraftScenario {
  const cleaned = requireName(name);
  return change(id, (scenario) => (scenario.name === cleaned ? scenario : { ...scenario, name: cleaned }));
}

export function setScenarioDescription(id: string, description: string): DraftScenario {
  return change(id, (scenario) => (scenario.description === description ? scenario : { ...scenario, description }));
}

export function setMeasuredAgainst(id: string, measuredAgainst: TargetMeasure): DraftScenario {
  return change(id, (scenario) => (scenario.measuredAgainst === measuredAgainst ? scenario : { ...scenario, measuredAgainst }));
}

/** Records the norm profile and walking speed a draft is scored with. */
export function setScenarioNorms(id: string, normProfile: NormProfile, walkingSpeed: WalkingSpeed): DraftScenario {
  return change(id, (scenario) => ({ ...scenario, normProfile, walkingSpeed }));
}

/** Removes a draft from the list; undoDelete puts it back (until the next delete). */
export function deleteScenario(id: string): void {
  const current = $scenarios.get();
  const index = current.findIndex((scenario) => scenario.id === id);
  const scenario = current[index];
  if (scenario === undefined) return;
  const wasActive = $activeScenarioId.get() === id;
  batch(() => {
    $scenarios.set(current.filter((_, i) => i !== index));
    if (wasActive) $activeScenarioId.set(null);
    $lastDeletedScenario.set({ scenario, index, wasActive });
  });
  notify('deleted', scenario);
}

/** Puts the last deleted draft back where it was, unchanged (same id, same edits); active again if it was. */
export function undoDelete(): DraftScenario | null {
  const deleted = $lastDeletedScenario.get();
  if (deleted === null) return null;
  const { scenario, index, wasActive } = deleted;
  batch(() => {
    $lastDeletedScenario.set(null);
    if (findScenario(scenario.id) !== undefined) return;
    const current = $scenarios.get();
    const at = Math.min(index, current.length);
    $scenarios.set([...current.slice(0, at), scenario, ...current.slice(at)]);
    if (wasActive) $activeScenarioId.set(scenario.id);
  });
  notify('saved', scenario);
  return scenario;
}

/** Makes a draft the active one; null = none (the published plan). Unknown ids are ignored. */
export function selectScenario(id: string | null): void {
  if (id !== null && findScenario(id) === undefined) return;
  $activeScenarioId.set(id);
}

function requireActive(): DraftScenario {
  const scenario = $activeScenario.get();
  if (scenario === null) throw new Error('no active scenario');
  return scenario;
}

/**
 * Records an edit on the active draft (after its applied edits; undone edits can no longer be
 * redone) and returns the edit with its id and time. Throws ScenarioEditError, recording nothing,
 * when the edit does not fit the current plan; throws when no draft is active.
 */
export function applyScenarioEdit(input: ScenarioEditInput): ScenarioEdit {
  const scenario = requireActive();
  const edit = { ...input, id: clock.newId(), at: clock.now() } as ScenarioEdit;
  applyEdit($activeScenarioState.get() ?? EMPTY_SCENARIO_STATE, edit);
  change(scenario.id, (current) => recordEdit(current, edit));
  return edit;
}

/** Undoes the active draft's last applied edit; returns it (null when there is nothing to undo). */
export function undoEdit(): ScenarioEdit | null {
  const scenario = $activeScenario.get();
  if (scenario === null || !canUndo(scenario)) return null;
  const edit = scenario.edits[scenario.appliedCount - 1] ?? null;
  change(scenario.id, undo);
  return edit;
}

/** Redoes the active draft's next undone edit; returns it (null when there is nothing to redo). */
export function redoEdit(): ScenarioEdit | null {
  const scenario = $activeScenario.get();
  if (scenario === null || !canRedo(scenario)) return null;
  const edit = scenario.edits[scenario.appliedCount] ?? null;
  change(scenario.id, redo);
  return edit;
}

/** Records that a draft was just exported to a file (shown in the list). Does not count as a change of the plan. */
export function markScenarioExported(id: string, at: string = clock.now()): DraftScenario {
  const scenario = requireScenario(id);
  return commit({ ...scenario, lastExportedAt: at });
}

/**
 * Replaces the whole list (restore from storage, another tab's change). Listeners are not told:
 * this is what storage already holds. Keeps the active id when that draft still exists.
 */
export function setScenarios(scenarios: readonly DraftScenario[]): void {
  batch(() => {
    $scenarios.set(scenarios);
    const active = $activeScenarioId.get();
    if (active !== null && !scenarios.some((scenario) => scenario.id === active)) $activeScenarioId.set(null);
  });
}

/** Adds a draft as it is (e.g. imported, already given a free id) at the end of the list, and tells the listeners. */
export function addScenario(scenario: DraftScenario, select = false): DraftScenario {
  if (findScenario(scenario.id) !== undefined) throw new Error(`scenario ${scenario.id} exists`);
  batch(() => {
    commit(scenario);
    if (select) $activeScenarioId.set(scenario.id);
  });
  return scenario;
}

/**
 * Sets the planner's own per-municipality targets of a draft (Twente; see analysis/plannerTargets.ts,
 * which checks them first). An empty list removes them. Not an edit of the plan: no undo entry.
 */
export function setPlannerTargets(id: string, rows: readonly PlannerTarget[], importedFrom: string | null): DraftScenario {
  return change(id, (scenario) => {
    if (rows.length === 0) {
      if (scenario.plannerTargets === undefined) return scenario;
      const rest = { ...scenario };
      delete rest.plannerTargets;
      return rest;
    }
    return { ...scenario, plannerTargets: { rows: [...rows], updatedAt: clock.now(), importedFrom } };
  });
}

/** Sets a draft's presentation views (named map views, in order). Not an edit of the plan: no undo entry. */
export function setPresentationViews(id: string, views: readonly PresentationView[]): DraftScenario {
  return change(id, (scenario) => ({ ...scenario, presentationViews: [...views] }));
}

/** Records the woonservicegebied definitions of a draft (several, one active). */
export function setScenarioZoneDefinitions(id: string, zoneDefinitions: ZoneDefinitionSet): DraftScenario {
  return change(id, (scenario) => ({ ...scenario, zoneDefinitions }));
}
