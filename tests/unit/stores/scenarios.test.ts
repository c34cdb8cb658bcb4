import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScenarioEditError } from '../../../src/analysis/scenarioState';
import { type DraftScenario, type Site } from '../../../src/domain/scenario';
import {
  $activeScenario,
  $activeScenarioId,
  $activeScenarioState,
  $canRedoEdit,
  $canUndoEdit,
  $lastDeletedScenario,
  $scenarios,
  applyScenarioEdit,
  createScenario,
  deleteScenario,
  duplicateScenario,
  listenToScenarioChanges,
  markScenarioExported,
  newSiteId,
  redoEdit,
  renameScenario,
  selectScenario,
  setMeasuredAgainst,
  setScenarioClock,
  setScenarioDescription,
  setScenarios,
  undoDelete,
  undoEdit,
} from '../../../src/stores/scenarios';
import { testSite } from '../../support/syntheticScenario';

/** A clock that counts: ids id-1, id-2 …; times one second apart. */
function countingClock() {
  let ids = 0;
  let seconds = 0;
  return {
    newId: () => `id-${++ids}`,
    now: () => new Date(Date.UTC(2026, 11, 1, 12, 0, seconds++)).toISOString(),
  };
}

const site = (id: string, name = 'Spoorzone'): Site => testSite(id, { name, location: [6.09, 52.51] });

describe('scenario stores', () => {
  const saved: DraftScenario[] = [];
  const deleted: DraftScenario[] = [];
  let stopListening: () => void;

  beforeEach(() => {
    setScenarioClock(countingClock());
    setScenarios([]);
    $activeScenarioId.set(null);
    $lastDeletedScenario.set(null);
    saved.length = 0;
    deleted.length = 0;
    stopListening = listenToScenarioChanges({ saved: (s) => saved.push(s), deleted: (s) => deleted.push(s) });
  });
  afterEach(() => {
    stopListening();
    setScenarioClock(null);
  });

  it('creates a draft from the published plan, selects it, and tells the listeners', () => {
    const scenario = createScenario('  Variant   A ');
    expect(scenario).toMatchObject({ id: 'id-1', name: 'Variant A', edits: [], appliedCount: 0, measuredAgainst: 'band', lastExportedAt: null });
    expect(scenario.createdAt).toBe(scenario.updatedAt);
    expect($scenarios.get()).toEqual([scenario]);
    expect($activeScenario.get()).toBe(scenario);
    expect($activeScenarioState.get()).toEqual({ keyProjectPlacements: new Map(), sites: [], drawnZones: [] });
    expect(saved).toEqual([scenario]);
  });

  it('refuses an empty or over-long name and changes nothing', () => {
    expect(() => createScenario('   ')).toThrow();
    expect(() => createScenario('x'.repeat(121))).toThrow();
    const scenario = createScenario('A');
    expect(() => renameScenario(scenario.id, '')).toThrow();
    expect($scenarios.get()).toEqual([scenario]);
    expect(saved).toHaveLength(1);
  });

  it('records edits with ids and times from the clock, and the plan follows them; undo and redo walk the list', () => {
    const scenario = createScenario('A');
    const added = applyScenarioEdit({ kind: 'addSite', site: site('s1') });
    expect(added).toMatchObject({ id: 'id-2', at: '2026-12-01T12:00:01.000Z', kind: 'addSite' });
    applyScenarioEdit({ kind: 'updateSite', siteId: 's1', before: { name: 'Spoorzone' }, after: { name: 'Spoorzone Zwolle' } });
    applyScenarioEdit({ kind: 'moveKeyProject', keyProjectId: 'kp-1', from: null, to: { location: [6.1, 52.5], precision: 'planner' } });
    expect($activeScenarioState.get()?.sites.map((s) => s.name)).toEqual(['Spoorzone Zwolle']);
    expect($activeScenarioState.get()?.keyProjectPlacements.get('kp-1')).toEqual({ location: [6.1, 52.5], precision: 'planner' });
    expect($activeScenario.get()?.updatedAt).not.toBe(scenario.updatedAt);

    expect(undoEdit()?.kind).toBe('moveKeyProject');
    expect($activeScenarioState.get()?.keyProjectPlacements.size).toBe(0);
    expect(undoEdit()?.kind).toBe('updateSite');
    expect($activeScenarioState.get()?.sites.map((s) => s.name)).toEqual(['Spoorzone']);
    expect($canRedoEdit.get()).toBe(true);
    expect(redoEdit()?.kind).toBe('updateSite');
    expect($activeScenarioState.get()?.sites.map((s) => s.name)).toEqual(['Spoorzone Zwolle']);

    // A new edit after an undo drops the undone one.
    applyScenarioEdit({ kind: 'removeSite', site: site('s1', 'Spoorzone Zwolle') });
    expect($canRedoEdit.get()).toBe(false);
    expect($activeScenario.get()?.edits.map((e) => e.kind)).toEqual(['addSite', 'updateSite', 'removeSite']);
    expect($activeScenarioState.get()?.sites).toEqual([]);
    undoEdit();
    undoEdit();
    undoEdit();
    expect($canUndoEdit.get()).toBe(false);
    expect(undoEdit()).toBeNull();
    // Every change was handed to the listeners with its new value.
    expect(saved.at(-1)).toBe($activeScenario.get());
  });

  it('refuses an edit that does not fit the plan and records nothing', () => {
    createScenario('A');
    applyScenarioEdit({ kind: 'addSite', site: site('s1') });
    const before = $activeScenario.get();
    expect(() => applyScenarioEdit({ kind: 'addSite', site: site('s1') })).toThrow(ScenarioEditError);
    expect(() => applyScenarioEdit({ kind: 'updateSite', siteId: 'nope', before: {}, after: { name: 'x' } })).toThrow(ScenarioEditError);
    expect($activeScenario.get()).toBe(before);
  });

  it('fails without an active draft', () => {
    expect(() => applyScenarioEdit({ kind: 'addSite', site: site('s1') })).toThrow();
    expect(undoEdit()).toBeNull();
    expect(redoEdit()).toBeNull();
  });

  it('duplicates a draft with its history under a new id, right after the original, and selects the copy', () => {
    const a = createScenario('A');
    const b = createScenario('B');
    selectScenario(a.id);
    applyScenarioEdit({ kind: 'addSite', site: site('s1') });
    markScenarioExported(a.id);
    const original = $activeScenario.get()!;
    const copy = duplicateScenario(a.id, 'A (kopie)');
    expect($scenarios.get().map((s) => s.name)).toEqual(['A', 'A (kopie)', 'B']);
    expect(copy.id).not.toBe(a.id);
    expect(copy.edits).toEqual(original.edits);
    expect(copy.lastExportedAt).toBeNull();
    expect($activeScenarioId.get()).toBe(copy.id);
    // Editing the copy leaves the original alone.
    applyScenarioEdit({ kind: 'updateSite', siteId: 's1', before: { name: 'Spoorzone' }, after: { name: 'Anders' } });
    expect($scenarios.get().find((s) => s.id === a.id)).toBe(original);
    expect(b.name).toBe('B');
  });

  it('renames, describes and sets what a draft is measured against, each raising updatedAt', () => {
    const a = createScenario('A');
    const renamed = renameScenario(a.id, 'Plan Zwolle');
    expect(renamed.name).toBe('Plan Zwolle');
    expect(renamed.updatedAt > a.updatedAt).toBe(true);
    expect(setScenarioDescription(a.id, 'Meer zorggeschikt bij het station').description).toBe('Meer zorggeschikt bij het station');
    expect(setMeasuredAgainst(a.id, 'trend').measuredAgainst).toBe('trend');
    // No change, no save.
    const count = saved.length;
    renameScenario(a.id, 'Plan Zwolle');
    expect(saved.length).toBe(count);
  });

  it('deletes a draft and undoDelete puts it back unchanged, where it was, active again', () => {
    const a = createScenario('A');
    const b = createScenario('B');
    createScenario('C');
    selectScenario(b.id);
    applyScenarioEdit({ kind: 'addSite', site: site('s1') });
    const edited = $activeScenario.get()!;
    deleteScenario(b.id);
    expect($scenarios.get().map((s) => s.name)).toEqual(['A', 'C']);
    expect($activeScenarioId.get()).toBeNull();
    expect($activeScenarioState.get()).toBeNull();
    expect(deleted).toEqual([edited]);
    expect(undoDelete()).toBe(edited);
    expect($scenarios.get().map((s) => s.name)).toEqual(['A', 'B', 'C']);
    expect($activeScenario.get()).toBe(edited);
    expect($lastDeletedScenario.get()).toBeNull();
    expect(undoDelete()).toBeNull();
    // Deleting an inactive draft leaves the selection alone.
    deleteScenario(a.id);
    expect($activeScenarioId.get()).toBe(b.id);
  });

  it('selects only drafts that exist; null shows the published plan', () => {
    const a = createScenario('A', { select: false });
    expect($activeScenarioId.get()).toBeNull();
    selectScenario('unknown');
    expect($activeScenarioId.get()).toBeNull();
    selectScenario(a.id);
    expect($activeScenario.get()).toBe(a);
    selectScenario(null);
    expect($activeScenario.get()).toBeNull();
  });

  it('hands out site ids from the same clock as edit ids', () => {
    expect(newSiteId()).toBe('id-1');
    createScenario('A');
    expect(applyScenarioEdit({ kind: 'addSite', site: site(newSiteId()) }).id).toBe('id-4');
  });

  it('drops the selection when a restored list no longer holds the active draft', () => {
    const a = createScenario('A');
    setScenarios([]);
    expect($activeScenarioId.get()).toBeNull();
    setScenarios([a]);
    expect($scenarios.get()).toEqual([a]);
  });
});
