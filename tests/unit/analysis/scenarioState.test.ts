import { describe, expect, it } from 'vitest';
import {
  EMPTY_SCENARIO_STATE,
  emptySiteHomes,
  type KeyProjectPlacementOverride,
  type ScenarioEdit,
  type ScenarioState,
  type Site,
} from '../../../src/domain/scenario';
import {
  applyEdit,
  applyEdits,
  canRedo,
  canUndo,
  inverseEdit,
  recordEdit,
  redo,
  ScenarioEditError,
  scenarioState,
  scenarioStateUpToFirstMisfit,
  undo,
} from '../../../src/analysis/scenarioState';
import type { DrawnZone } from '../../../src/domain/serviceZones';
import { seededRandom } from '../../support/seededRandom';
import { randomEdit } from '../../support/syntheticScenario';
import { testSite } from '../../support/syntheticScenario';

const AT = '2026-12-01T12:00:00.000Z';

function site(id: string, overrides: Partial<Site> = {}): Site {
  return testSite(id, { homes: { ...emptySiteHomes(), geclusterd: 20 }, ...overrides });
}

function zone(id: string, west = 6.08): DrawnZone {
  return { id, name: `Gebied ${id}`, outline: [[[west, 52.5], [west + 0.01, 52.5], [west + 0.01, 52.51], [west, 52.5]]] };
}

const placement = (lon: number, lat: number): KeyProjectPlacementOverride => ({ location: [lon, lat], precision: 'planner' });

/** A state as plain data, with the sites in id order (an undone removal puts a site back at the end). */
function normalised(state: ScenarioState) {
  return {
    sites: [...state.sites].sort((a, b) => a.id.localeCompare(b.id)),
    placements: [...state.keyProjectPlacements.entries()].sort(([a], [b]) => a.localeCompare(b)),
    drawnZones: [...state.drawnZones].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

describe('scenario state: golden cases (published plan + edits → state)', () => {
  const a = site('a');
  const b = site('b', { name: 'Knarrenhof Kampen', municipalityCode: 'GM0166', location: [5.91, 52.55], homes: { ...emptySiteHomes(), nultreden: 30, overig: 10 } });

  it('no edits: the published plan unchanged', () => {
    const state = scenarioState({ edits: [], appliedCount: 0 }, EMPTY_SCENARIO_STATE);
    expect(state.sites).toEqual([]);
    expect(state.keyProjectPlacements.size).toBe(0);
  });

  it('add two sites, change one, move a key project, remove the other', () => {
    const edits: ScenarioEdit[] = [
      { kind: 'addSite', id: 'e1', at: AT, site: a },
      { kind: 'addSite', id: 'e2', at: AT, site: b },
      { kind: 'updateSite', id: 'e3', at: AT, siteId: 'a', before: { homes: a.homes, year: null }, after: { homes: { ...a.homes, zorggeschikt: 40 }, year: 2028 } },
      { kind: 'moveKeyProject', id: 'e4', at: AT, keyProjectId: 'zwolle-spoorzone', from: null, to: placement(6.0917, 52.5047) },
      { kind: 'removeSite', id: 'e5', at: AT, site: b },
    ];
    const state = scenarioState({ edits, appliedCount: edits.length }, EMPTY_SCENARIO_STATE);
    expect(state.sites).toEqual([{ ...a, homes: { nultreden: 0, geclusterd: 20, zorggeschikt: 40, overig: 0 }, year: 2028 }]);
    expect([...state.keyProjectPlacements]).toEqual([['zwolle-spoorzone', { location: [6.0917, 52.5047], precision: 'planner' }]]);
  });

  it('moving a key project twice keeps the last placement; moving it back removes the override', () => {
    const first = placement(6.09, 52.5);
    const second = placement(6.1, 52.51);
    const edits: ScenarioEdit[] = [
      { kind: 'moveKeyProject', id: 'e1', at: AT, keyProjectId: 'p', from: null, to: first },
      { kind: 'moveKeyProject', id: 'e2', at: AT, keyProjectId: 'p', from: first, to: second },
    ];
    expect(applyEdits(EMPTY_SCENARIO_STATE, edits).keyProjectPlacements.get('p')).toEqual(second);
    const back = applyEdit(applyEdits(EMPTY_SCENARIO_STATE, edits), { kind: 'moveKeyProject', id: 'e3', at: AT, keyProjectId: 'p', from: second, to: null });
    expect(back.keyProjectPlacements.has('p')).toBe(false);
  });

  it('only the applied edits count: the state at appliedCount 2 of 3', () => {
    const edits: ScenarioEdit[] = [
      { kind: 'addSite', id: 'e1', at: AT, site: a },
      { kind: 'addSite', id: 'e2', at: AT, site: b },
      { kind: 'removeSite', id: 'e3', at: AT, site: a },
    ];
    expect(scenarioState({ edits, appliedCount: 2 }, EMPTY_SCENARIO_STATE).sites.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('builds on a base state without changing it', () => {
    const base: ScenarioState = { sites: [a], keyProjectPlacements: new Map([['p', placement(6, 52.5)]]), drawnZones: [] };
    const copy = normalised(base);
    const after = applyEdits(base, [
      { kind: 'updateSite', id: 'e1', at: AT, siteId: 'a', before: { name: a.name }, after: { name: 'Nieuwe naam' } },
      { kind: 'moveKeyProject', id: 'e2', at: AT, keyProjectId: 'p', from: placement(6, 52.5), to: null },
    ]);
    expect(after.sites[0]!.name).toBe('Nieuwe naam');
    expect(after.keyProjectPlacements.size).toBe(0);
    expect(normalised(base)).toEqual(copy);
  });
});

describe('edits that do not fit give ScenarioEditError', () => {
  const a = site('a');
  const withA: ScenarioState = { ...EMPTY_SCENARIO_STATE, sites: [a] };
  const cases: [string, ScenarioState, ScenarioEdit, string][] = [
    ['adding a site whose id exists', withA, { kind: 'addSite', id: 'e', at: AT, site: a }, 'duplicateSite'],
    ['removing a site that does not exist', EMPTY_SCENARIO_STATE, { kind: 'removeSite', id: 'e', at: AT, site: a }, 'unknownSite'],
    ['changing a site that does not exist', EMPTY_SCENARIO_STATE, { kind: 'updateSite', id: 'e', at: AT, siteId: 'x', before: { name: 'x' }, after: { name: 'y' } }, 'unknownSite'],
    ['a change whose "before" is not the current value', withA, { kind: 'updateSite', id: 'e', at: AT, siteId: 'a', before: { name: 'other' }, after: { name: 'y' } }, 'staleEdit'],
    ['a change whose before and after name different fields', withA, { kind: 'updateSite', id: 'e', at: AT, siteId: 'a', before: { name: a.name }, after: { notes: 'x' } }, 'staleEdit'],
    ['removing an older version of a site', withA, { kind: 'removeSite', id: 'e', at: AT, site: { ...a, name: 'old' } }, 'staleEdit'],
    ['moving a key project from where it is not', EMPTY_SCENARIO_STATE, { kind: 'moveKeyProject', id: 'e', at: AT, keyProjectId: 'p', from: placement(6, 52), to: null }, 'staleEdit'],
    ['drawing a zone whose id exists', { ...EMPTY_SCENARIO_STATE, drawnZones: [zone('z')] }, { kind: 'drawnZone', id: 'e', at: AT, zoneId: 'z', before: null, after: zone('z', 6.2) }, 'staleEdit'],
    ['adjusting a drawn zone that does not exist', EMPTY_SCENARIO_STATE, { kind: 'drawnZone', id: 'e', at: AT, zoneId: 'z', before: zone('z'), after: zone('z', 6.2) }, 'staleEdit'],
    ['adjusting an older outline of a drawn zone', { ...EMPTY_SCENARIO_STATE, drawnZones: [zone('z')] }, { kind: 'drawnZone', id: 'e', at: AT, zoneId: 'z', before: zone('z', 6.3), after: null }, 'staleEdit'],
    ['a drawn-zone edit with another zone in it', EMPTY_SCENARIO_STATE, { kind: 'drawnZone', id: 'e', at: AT, zoneId: 'z', before: null, after: zone('other') }, 'badDrawnZone'],
    ['a drawn-zone edit with neither before nor after', EMPTY_SCENARIO_STATE, { kind: 'drawnZone', id: 'e', at: AT, zoneId: 'z', before: null, after: null }, 'badDrawnZone'],
  ];
  for (const [what, state, edit, code] of cases) {
    it(what, () => {
      let thrown: unknown;
      try {
        applyEdit(state, edit);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ScenarioEditError);
      expect((thrown as ScenarioEditError).code).toBe(code);
      expect((thrown as ScenarioEditError).edit).toBe(edit);
    });
  }

  it('a change cannot give a site another id', () => {
    const edit = { kind: 'updateSite', id: 'e', at: AT, siteId: 'a', before: { id: 'a' }, after: { id: 'b' } } as unknown as ScenarioEdit;
    expect(() => applyEdit(withA, edit)).toThrow(ScenarioEditError);
  });
});

describe('a hand-drawn woonservicegebied is kept as edits', () => {
  it('draw, adjust and delete change the drawn zones; each inverse restores the state before it', () => {
    const drawn: ScenarioEdit = { kind: 'drawnZone', id: 'e1', at: AT, zoneId: 'z', before: null, after: zone('z') };
    const adjusted: ScenarioEdit = { kind: 'drawnZone', id: 'e2', at: AT, zoneId: 'z', before: zone('z'), after: zone('z', 6.2) };
    const deleted: ScenarioEdit = { kind: 'drawnZone', id: 'e3', at: AT, zoneId: 'z', before: zone('z', 6.2), after: null };
    const one = applyEdit(EMPTY_SCENARIO_STATE, drawn);
    expect(one.drawnZones).toEqual([zone('z')]);
    const two = applyEdit(one, adjusted);
    expect(two.drawnZones).toEqual([zone('z', 6.2)]);
    const three = applyEdit(two, deleted);
    expect(three.drawnZones).toEqual([]);
    expect(applyEdit(three, inverseEdit(deleted))).toEqual(two);
    expect(applyEdit(two, inverseEdit(adjusted))).toEqual(one);
    expect(applyEdit(one, inverseEdit(drawn))).toEqual(EMPTY_SCENARIO_STATE);
    // undo and redo over the recorded history
    let scenario = { edits: [] as ScenarioEdit[], appliedCount: 0 };
    for (const edit of [drawn, adjusted]) scenario = recordEdit(scenario, edit);
    expect(scenarioState(undo(scenario), EMPTY_SCENARIO_STATE).drawnZones).toEqual([zone('z')]);
    expect(scenarioState(redo(undo(scenario)), EMPTY_SCENARIO_STATE).drawnZones).toEqual([zone('z', 6.2)]);
  });
});

// --- property: every edit's inverse undoes it ----------------------------------------------------

describe('the plan of a stored draft whose edits stop fitting', () => {
  it('keeps the edits before the first one that does not fit and ignores the rest', () => {
    const a = site('a');
    const b = site('b');
    const edits: ScenarioEdit[] = [
      { kind: 'addSite', id: 'e1', at: AT, site: a },
      { kind: 'removeSite', id: 'e2', at: AT, site: b },
      { kind: 'addSite', id: 'e3', at: AT, site: b },
    ];
    expect(() => scenarioState({ edits, appliedCount: 3 }, EMPTY_SCENARIO_STATE)).toThrow(ScenarioEditError);
    expect(scenarioStateUpToFirstMisfit({ edits, appliedCount: 3 }, EMPTY_SCENARIO_STATE).sites).toEqual([a]);
    expect(scenarioStateUpToFirstMisfit({ edits, appliedCount: 1 }, EMPTY_SCENARIO_STATE).sites).toEqual([a]);
  });
});

describe('every edit kind is undone by its inverse (generated edits)', () => {
  it('apply then inverse gives the state back, and the inverse of the inverse is the edit', () => {
    const random = seededRandom(8);
    let state: ScenarioState = EMPTY_SCENARIO_STATE;
    const seenKinds = new Set<string>();
    for (let serial = 0; serial < 600; serial += 1) {
      const edit = randomEdit(random, state, serial);
      seenKinds.add(edit.kind);
      const after = applyEdit(state, edit);
      expect(normalised(applyEdit(after, inverseEdit(edit))), `${edit.kind} ${edit.id}`).toEqual(normalised(state));
      expect(inverseEdit(inverseEdit(edit))).toEqual(edit);
      state = after;
    }
    expect([...seenKinds].sort()).toEqual(['addSite', 'drawnZone', 'moveKeyProject', 'removeSite', 'updateSite']);
  });

  it('undoing a whole history with inverses in reverse order gives the base back', () => {
    const random = seededRandom(80);
    const base: ScenarioState = { sites: [site('base')], keyProjectPlacements: new Map([['p1', placement(6.2, 52.4)]]), drawnZones: [zone('base-zone')] };
    let state = base;
    const edits: ScenarioEdit[] = [];
    for (let serial = 0; serial < 200; serial += 1) {
      const edit = randomEdit(random, state, serial);
      edits.push(edit);
      state = applyEdit(state, edit);
    }
    const undone = applyEdits(state, edits.map(inverseEdit).reverse());
    expect(normalised(undone)).toEqual(normalised(base));
  });
});

describe('undo and redo walk the list of edits', () => {
  const add = (id: string): ScenarioEdit => ({ kind: 'addSite', id: `add-${id}`, at: AT, site: site(id) });

  it('record, undo, redo and record again drops the undone edits', () => {
    let scenario = { edits: [] as ScenarioEdit[], appliedCount: 0 };
    expect(canUndo(scenario)).toBe(false);
    scenario = recordEdit(scenario, add('a'));
    scenario = recordEdit(scenario, add('b'));
    scenario = recordEdit(scenario, add('c'));
    const ids = () => scenarioState(scenario, EMPTY_SCENARIO_STATE).sites.map((s) => s.id);
    expect(ids()).toEqual(['a', 'b', 'c']);

    scenario = undo(undo(scenario));
    expect(ids()).toEqual(['a']);
    expect(canRedo(scenario)).toBe(true);
    scenario = redo(scenario);
    expect(ids()).toEqual(['a', 'b']);
    expect(scenario.edits).toHaveLength(3);

    scenario = recordEdit(scenario, add('d'));
    expect(ids()).toEqual(['a', 'b', 'd']);
    expect(scenario.edits.map((edit) => edit.id)).toEqual(['add-a', 'add-b', 'add-d']);
    expect(canRedo(scenario)).toBe(false);
  });

  it('undo at the start and redo at the end change nothing', () => {
    const empty = { edits: [] as ScenarioEdit[], appliedCount: 0 };
    expect(undo(empty)).toBe(empty);
    const full = recordEdit(empty, add('a'));
    expect(redo(full)).toBe(full);
  });

  it('keeps the other fields of the scenario', () => {
    const scenario = { id: 's1', name: 'Plan A', edits: [] as ScenarioEdit[], appliedCount: 0 };
    const recorded = recordEdit(scenario, add('a'));
    expect(recorded).toMatchObject({ id: 's1', name: 'Plan A', appliedCount: 1 });
    expect(undo(recorded)).toMatchObject({ id: 's1', name: 'Plan A', appliedCount: 0 });
    expect(scenario.edits).toEqual([]);
  });

  it('undo gives the same state as applying the inverse of the last edit', () => {
    const random = seededRandom(3);
    let scenario = { edits: [] as ScenarioEdit[], appliedCount: 0 };
    for (let serial = 0; serial < 50; serial += 1) {
      const state = scenarioState(scenario, EMPTY_SCENARIO_STATE);
      const edit = randomEdit(random, state, serial);
      scenario = recordEdit(scenario, edit);
      const now = scenarioState(scenario, EMPTY_SCENARIO_STATE);
      expect(normalised(scenarioState(undo(scenario), EMPTY_SCENARIO_STATE))).toEqual(normalised(applyEdit(now, inverseEdit(edit))));
    }
  });
});
