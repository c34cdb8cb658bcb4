// Editing the active draft: add by click, refusals outside Overijssel, the border question, arrow-key
// moves, field checks, key projects placed by the planner (read by everything through $planKeyProjects).

import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../src/analysis/sphericalDistance';
import { loadAppData } from '../../../src/stores/loadAppData';
import { $activeScenario, $activeScenarioState, createScenario, redoEdit, setScenarioClock, setScenarios, undoEdit } from '../../../src/stores/scenarios';
import {
  $editRefusal,
  $pendingBorderMove,
  $siteReachability,
  addSiteAt,
  cancelBorderMove,
  confirmBorderMove,
  deleteSite,
  endDrag,
  nudgeSite,
  previewDrag,
  requestMove,
  removeSiteOutline,
  resetKeyProjectPlacement,
  siteReachOf,
  startSiteOutlineDrawing,
  updateSiteFields,
} from '../../../src/stores/scenarioEditing';
import { $polygonDrawing, cancelPolygonDrawing, submitDrawnPolygon } from '../../../src/stores/polygonDrawing';
import { $planKeyProjects } from '../../../src/stores/planKeyProjects';
import { $keyProjectStacks } from '../../../src/stores/keyProjectStacks';
import { $selection } from '../../../src/stores/selection';
import { $dragSiteAnalysis, $scenarioSiteAnalysis } from '../../../src/stores/scenarioSiteAnalysis';
import { FacilityIndex } from '../../../src/analysis/facilityIndex';
import { analyseSites } from '../../../src/analysis/reachability';
import { DEFAULT_WALKING_SPEED, WOONZORGZONE_PROFILE } from '../../../src/domain/norms';
import { packedFacilities } from '../analysis/reachabilityFactories';
import { diskFetchText } from '../data/geoFiles';

const ZWOLLE_STATION: [number, number] = [6.091951, 52.504719];
const KAMPEN: [number, number] = [5.911, 52.5553];

beforeAll(async () => {
  await loadAppData(diskFetchText());
}, 60_000);

beforeEach(() => {
  let ids = 0;
  setScenarioClock({ newId: () => `id-${++ids}`, now: () => '2026-12-01T18:00:00.000Z' });
  setScenarios([]);
  createScenario('Test');
  $editRefusal.set(null);
  $pendingBorderMove.set(null);
});

const sites = () => $activeScenarioState.get()?.sites ?? [];
const editCount = () => $activeScenario.get()?.appliedCount ?? 0;

describe('adding a site', () => {
  it('adds a site where the planner clicks, in the municipality there, and selects it', () => {
    const site = addSiteAt(ZWOLLE_STATION)!;
    expect(site.municipalityCode).toBe('GM0193');
    expect(sites()).toEqual([site]);
    expect($selection.get()).toEqual({ kind: 'site', id: site.id });
    expect($activeScenario.get()?.edits[0]).toMatchObject({ kind: 'addSite', site });
  });

  it('refuses a click outside Overijssel with the reason, and records nothing', () => {
    expect(addSiteAt([4.89, 52.37])).toBeNull();
    expect($editRefusal.get()?.code).toBe('site.outsideProvince');
    expect(editCount()).toBe(0);
  });
});

describe('moving a site', () => {
  it('asks before crossing a municipal border; cancel keeps it, confirm moves it and its municipality in one edit', () => {
    const site = addSiteAt(ZWOLLE_STATION)!;
    expect(requestMove({ kind: 'site', id: site.id }, KAMPEN)).toBe('asked');
    expect($pendingBorderMove.get()).toMatchObject({ fromCode: 'GM0193', toCode: 'GM0166' });
    cancelBorderMove();
    expect(sites()[0]!.location).toEqual(ZWOLLE_STATION);
    expect(editCount()).toBe(1);
    requestMove({ kind: 'site', id: site.id }, KAMPEN);
    confirmBorderMove();
    expect(sites()[0]).toMatchObject({ location: KAMPEN, municipalityCode: 'GM0166' });
    expect($activeScenario.get()?.edits[1]).toMatchObject({
      kind: 'updateSite',
      before: { location: ZWOLLE_STATION, municipalityCode: 'GM0193' },
      after: { location: KAMPEN, municipalityCode: 'GM0166' },
    });
  });

  it('moves within the municipality without asking', () => {
    const site = addSiteAt(ZWOLLE_STATION)!;
    expect(requestMove({ kind: 'site', id: site.id }, [6.095, 52.506])).toBe('moved');
    expect($pendingBorderMove.get()).toBeNull();
    expect($activeScenario.get()?.edits[1]).toMatchObject({ before: { location: ZWOLLE_STATION }, after: { location: [6.095, 52.506] } });
  });

  it('an arrow key moves the site 10 m, with Shift 100 m', () => {
    const site = addSiteAt(ZWOLLE_STATION)!;
    expect(nudgeSite(site.id, 'ArrowUp', false)).toBe(true);
    const up = sites()[0]!.location;
    expect(haversineMeters(...ZWOLLE_STATION, ...up)).toBeCloseTo(10, 0);
    nudgeSite(site.id, 'ArrowRight', true);
    const right = sites()[0]!.location;
    expect(haversineMeters(...up, ...right)).toBeCloseTo(100, 0);
    expect(right[1]).toBeCloseTo(up[1], 6);
    expect(nudgeSite(site.id, 'a', false)).toBe(false);
    expect(editCount()).toBe(3);
  });

  it('refuses a place outside the province', () => {
    const site = addSiteAt(ZWOLLE_STATION)!;
    expect(requestMove({ kind: 'site', id: site.id }, [4.89, 52.37])).toBe('refused');
    expect($editRefusal.get()?.code).toBe('site.outsideProvince');
    expect(sites()[0]!.location).toEqual(ZWOLLE_STATION);
  });
});

describe('site fields', () => {
  it('refuses impossible values at their field and records only changed fields', () => {
    const site = addSiteAt(ZWOLLE_STATION)!;
    const refused = updateSiteFields(site.id, { homes: { ...site.homes, zorggeschikt: -5 }, year: 1900 });
    expect(refused.map((issue) => issue.field).sort()).toEqual(['homes.zorggeschikt', 'year']);
    expect(editCount()).toBe(1);
    expect(updateSiteFields(site.id, { name: site.name, homes: { ...site.homes, zorggeschikt: 40 }, notes: '' })).toEqual([]);
    expect($activeScenario.get()?.edits[1]).toMatchObject({ kind: 'updateSite', before: { homes: { zorggeschikt: 0 } }, after: { homes: { zorggeschikt: 40 } } });
    expect(Object.keys(($activeScenario.get()?.edits[1] as { after: object }).after)).toEqual(['homes']);
    // nothing changed: no edit
    expect(updateSiteFields(site.id, { name: site.name })).toEqual([]);
    expect(editCount()).toBe(2);
  });

  it('deletes a site (undo brings it back)', () => {
    const site = addSiteAt(ZWOLLE_STATION)!;
    deleteSite(site.id);
    expect(sites()).toEqual([]);
    expect($selection.get()).toBeNull();
    undoEdit();
    expect(sites()).toEqual([site]);
  });
});

describe('key projects placed by the planner', () => {
  it('reads "planner" precision and the new place everywhere; the published placement is kept; reset puts it back', () => {
    const published = $planKeyProjects.get().find((project) => project.id === 'zwolle-spoorzone')!;
    expect(published.locationPrecision).toBe('station');
    const to: [number, number] = [6.0935, 52.5055];
    expect(requestMove({ kind: 'keyProject', id: 'zwolle-spoorzone' }, to)).toBe('moved');
    const moved = $planKeyProjects.get().find((project) => project.id === 'zwolle-spoorzone')!;
    expect(moved).toMatchObject({ location: to, locationPrecision: 'planner', published: { location: published.location, locationPrecision: 'station' } });
    expect($keyProjectStacks.get().some((stack) => stack.ids.includes('zwolle-spoorzone'))).toBe(false);
    resetKeyProjectPlacement('zwolle-spoorzone');
    expect($planKeyProjects.get().find((project) => project.id === 'zwolle-spoorzone')?.locationPrecision).toBe('station');
    expect($activeScenario.get()?.edits.map((edit) => edit.kind)).toEqual(['moveKeyProject', 'moveKeyProject']);
  });

  it('a key project moved across a border asks, and keeps its published municipality', () => {
    expect(requestMove({ kind: 'keyProject', id: 'zwolle-spoorzone' }, KAMPEN)).toBe('asked');
    confirmBorderMove();
    const moved = $planKeyProjects.get().find((project) => project.id === 'zwolle-spoorzone')!;
    expect(moved).toMatchObject({ location: KAMPEN, locationPrecision: 'planner', municipalityCode: 'GM0193' });
  });

  it('without an active draft the published plan is shown', () => {
    setScenarios([]);
    expect($planKeyProjects.get().every((project) => project.locationPrecision !== 'planner')).toBe(true);
    expect(requestMove({ kind: 'keyProject', id: 'zwolle-spoorzone' }, [6.0935, 52.5055])).toBe('refused');
  });
});

describe('drawing a site outline', () => {
  const square: [number, number][] = [[6.091, 52.504], [6.0925, 52.504], [6.0925, 52.5049], [6.091, 52.5049], [6.091, 52.504]];
  const bowTie: [number, number][] = [[6.091, 52.504], [6.0925, 52.5049], [6.0925, 52.504], [6.091, 52.5049], [6.091, 52.504]];

  it('records the finished outline as one edit that undo and redo walk', () => {
    const site = addSiteAt(ZWOLLE_STATION)!;
    startSiteOutlineDrawing(site.id);
    expect($polygonDrawing.get()).toMatchObject({ title: 'Omtrek van Nieuwe locatie 1', initial: null, phase: 'draw' });
    expect(submitDrawnPolygon({ type: 'Polygon', coordinates: [square] })).toBe(true);
    expect($polygonDrawing.get()).toBeNull();
    expect(sites()[0]?.outline).toEqual([square]);
    expect($activeScenario.get()?.edits.at(-1)).toMatchObject({ kind: 'updateSite', siteId: site.id, before: { outline: null }, after: { outline: [square] } });
    undoEdit();
    expect(sites()[0]?.outline).toBeNull();
    redoEdit();
    expect(sites()[0]?.outline).toEqual([square]);
    // editing starts from the outline the site has
    startSiteOutlineDrawing(site.id);
    expect($polygonDrawing.get()).toMatchObject({ initial: { type: 'Polygon', coordinates: [square] }, phase: 'edit' });
    cancelPolygonDrawing();
    removeSiteOutline(site.id);
    expect(sites()[0]?.outline).toBeNull();
  });

  it('refuses an outline that crosses itself with the reason, keeps drawing and records nothing', () => {
    const site = addSiteAt(ZWOLLE_STATION)!;
    const before = editCount();
    startSiteOutlineDrawing(site.id);
    expect(submitDrawnPolygon({ type: 'Polygon', coordinates: [bowTie] })).toBe(false);
    expect($polygonDrawing.get()?.refusal).toContain('De omtrek snijdt zichzelf (bij 52.50445, 6.09175)');
    expect($polygonDrawing.get()?.phase).toBe('edit');
    expect(editCount()).toBe(before);
    cancelPolygonDrawing();
    expect($polygonDrawing.get()).toBeNull();
    expect(sites()[0]?.outline).toBeNull();
  });
});

describe('reachability of the sites while one is dragged', () => {
  it('judges only the dragged site per drag step: the other sites keep their judged results', () => {
    const first = addSiteAt(ZWOLLE_STATION)!;
    const second = addSiteAt(KAMPEN)!;
    const index = new FacilityIndex(packedFacilities([{ id: 's1', category: 'supermarkt', location: [6.0925, 52.5049] }]));
    const rowsAt = (location: [number, number]) =>
      analyseSites([first, second].map((site) => ({ id: site.id, name: site.name, location: site.id === first.id ? location : site.location })), index, WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED);
    const unsubscribe = $siteReachability.listen(() => {});
    $scenarioSiteAnalysis.set({ status: 'ready', rows: rowsAt(first.location) });
    const before = $siteReachability.get();
    const dragged: [number, number] = [6.1, 52.51];
    previewDrag({ kind: 'site', id: first.id }, dragged);
    $dragSiteAnalysis.set(rowsAt(dragged)[0]!);
    const during = $siteReachability.get();
    // the dragged site: its live result at the dragged place
    const live = siteReachOf(during, first.id);
    expect(live.status === 'ready' && live.live && live.result.point).toEqual(dragged);
    // the other site: the very same judged result, not judged again
    expect(siteReachOf(during, second.id)).toBe(siteReachOf(before, second.id));
    endDrag(false);
    $dragSiteAnalysis.set(null);
    $scenarioSiteAnalysis.set({ status: 'idle' });
    unsubscribe();
  });

  it('a cancelled drag (Esc) shows the site where it is again, not where it was dragged to', () => {
    const site = addSiteAt(ZWOLLE_STATION)!;
    const index = new FacilityIndex(packedFacilities([{ id: 's1', category: 'supermarkt', location: [6.0925, 52.5049] }]));
    const rowAt = (location: [number, number]) => analyseSites([{ id: site.id, name: site.name, location }], index, WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED)[0]!;
    const unsubscribe = $siteReachability.listen(() => {});
    $scenarioSiteAnalysis.set({ status: 'ready', rows: [rowAt(site.location)] });
    const dragged: [number, number] = [6.1, 52.51];
    previewDrag({ kind: 'site', id: site.id }, dragged);
    $dragSiteAnalysis.set(rowAt(dragged));
    endDrag(false);
    const after = siteReachOf($siteReachability.get(), site.id);
    expect(after.status === 'ready' && after.result.point).toEqual(site.location);
    $scenarioSiteAnalysis.set({ status: 'idle' });
    unsubscribe();
  });
});
