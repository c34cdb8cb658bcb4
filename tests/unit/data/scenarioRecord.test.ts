// Every stored or exported scenario is read through restoreScenario: fixture of each released
// format, damaged records (defaults filled, unreadable parts named), newer formats refused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreScenario } from '../../../src/data/scenarioRecord';
import { DEFAULT_WALKING_SPEED, WOONZORGZONE_PROFILE } from '../../../src/domain/norms';
import { SCENARIO_SCHEMA_VERSION } from '../../../src/domain/scenario';
import { defaultZoneDefinitionSet, withZoneDistance } from '../../../src/domain/serviceZones';

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/storage/${name}`, import.meta.url), 'utf8')) as T;
}

const fixture = readJson<{ records: { scenarios: Record<string, unknown>[]; scenarioEdits: Array<{ edits: unknown[] }> } }>('scenario-v1.json');
const expected = readJson<{ restored: Array<{ scenario: unknown; revision: number }> }>('scenario-v1-expected.json');
/** The stored record with its edits put back from their chunk, as the repository hands it over. */
const record = (): Record<string, unknown> => structuredClone({ ...fixture.records.scenarios[0]!, edits: fixture.records.scenarioEdits.flatMap((chunk) => chunk.edits) });

describe('restoreScenario', () => {
  it('restores the schemaVersion 1 fixture exactly, keeping the unknown field, with nothing to repair', () => {
    const result = restoreScenario(record());
    // a record older than the zone definitions gets the default set (in the expected file), without a repair note
    expect(result).toEqual({ ok: true, scenario: expected.restored[0]!.scenario, schemaVersion: 1, repairs: [] });
  });

  it('reads a site saved before outlines existed (no outline field) as one without an outline', () => {
    const old = record();
    const edits = old['edits'] as Array<Record<string, unknown>>;
    const addSite = edits.find((edit) => edit['kind'] === 'addSite')!;
    const site = { ...(addSite['site'] as Record<string, unknown>) };
    delete site['outline'];
    addSite['site'] = site;
    const result = restoreScenario(old);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.repairs).toEqual([]);
    expect(result.scenario.edits.find((edit) => edit.kind === 'addSite')).toMatchObject({ site: { outline: null } });
  });

  it('keeps a drawn outline edit, and drops one whose outline crosses itself from there on', () => {
    const square = [[6.091, 52.504], [6.0925, 52.504], [6.0925, 52.5049], [6.091, 52.5049], [6.091, 52.504]];
    const bowTie = [[6.091, 52.504], [6.0925, 52.5049], [6.0925, 52.504], [6.091, 52.5049], [6.091, 52.504]];
    const base = record();
    const edits = base['edits'] as Array<Record<string, unknown>>;
    const siteId = (edits.find((edit) => edit['kind'] === 'addSite')!['site'] as { id: string }).id;
    const outlineEdit = (id: string, outline: number[][]) => ({ kind: 'updateSite', id, at: '2026-12-01T18:00:00.000Z', siteId, before: { outline: null }, after: { outline: [outline] } });
    const good = restoreScenario({ ...base, edits: [...edits, outlineEdit('outline-1', square)], appliedCount: edits.length + 1 });
    expect(good.ok && good.repairs).toEqual([]);
    expect(good.ok && good.scenario.edits.at(-1)).toMatchObject({ after: { outline: [square] } });
    const bad = restoreScenario({ ...base, edits: [...edits, outlineEdit('outline-1', bowTie)], appliedCount: edits.length + 1 });
    expect(bad.ok && bad.scenario.edits.length).toBe(edits.length);
    expect(bad.ok && bad.repairs.join()).toContain('outline is not a polygon');
  });

  it('keeps drawn woonservicegebieden (draw, adjust, delete), and drops an edit whose zone outline crosses itself from there on', () => {
    const square = [[6.091, 52.504], [6.0925, 52.504], [6.0925, 52.5049], [6.091, 52.5049], [6.091, 52.504]];
    const moved = square.map(([lon, lat]) => [lon! + 0.01, lat!]);
    const bowTie = [[6.091, 52.504], [6.0925, 52.5049], [6.0925, 52.504], [6.091, 52.5049], [6.091, 52.504]];
    const zone = (outline: number[][]) => ({ id: 'zone-a', name: 'Getekend gebied 1', outline: [outline] });
    const at = '2026-12-01T18:00:00.000Z';
    const base = record();
    const edits = base['edits'] as Array<Record<string, unknown>>;
    const drawn = [
      { kind: 'drawnZone', id: 'z1', at, zoneId: 'zone-a', before: null, after: zone(square) },
      { kind: 'drawnZone', id: 'z2', at, zoneId: 'zone-a', before: zone(square), after: zone(moved) },
      { kind: 'drawnZone', id: 'z3', at, zoneId: 'zone-a', before: zone(moved), after: null },
    ];
    const good = restoreScenario({ ...base, edits: [...edits, ...drawn], appliedCount: edits.length + 2 });
    expect(good.ok && good.repairs).toEqual([]);
    expect(good.ok && good.scenario.edits.slice(-3)).toEqual(drawn);
    const bad = restoreScenario({ ...base, edits: [...edits, { ...drawn[0], after: zone(bowTie) }], appliedCount: edits.length + 1 });
    expect(bad.ok && bad.scenario.edits.length).toBe(edits.length);
    expect(bad.ok && bad.repairs.join()).toContain('outline is not a polygon');
  });

  it('keeps saved zone definitions, and replaces unreadable or out-of-range ones with the default, saying so', () => {
    const set = defaultZoneDefinitionSet();
    const changed = { ...set, definitions: [withZoneDistance(set.definitions[0]!, 'zorg24uur', 800)] };
    const kept = restoreScenario({ ...record(), zoneDefinitions: changed });
    if (!kept.ok) throw new Error(kept.reason);
    expect(kept.scenario.zoneDefinitions).toEqual(changed);
    expect(kept.repairs).toEqual([]);

    const outOfRange = { ...set, definitions: [withZoneDistance(set.definitions[0]!, 'zorg24uur', 90_000)] };
    for (const broken of [outOfRange, { definitions: 'x' }, { ...set, activeId: 'other' }]) {
      const result = restoreScenario({ ...record(), zoneDefinitions: broken });
      if (!result.ok) throw new Error(result.reason);
      expect(result.scenario.zoneDefinitions).toEqual(defaultZoneDefinitionSet());
      expect(result.repairs).toEqual(['zoneDefinitions unreadable (default)']);
    }
  });

  it('reads presentation views, an old record without them as none, and leaves out an unreadable view, saying so', () => {
    expect(restoreScenario(record())).toMatchObject({ ok: true, scenario: { presentationViews: [] }, repairs: [] });
    const view = {
      id: 'v1',
      caption: 'Zwolle en omgeving',
      bounds: [5.9, 52.4, 6.3, 52.6],
      thematic: { layer: 'targets', targetScenario: 'trend' },
      showKeyProjects: true,
      showBuiltUpAreas: false,
      selection: { kind: 'municipality', code: 'GM0193' },
    };
    const broken = { ...view, id: 'v2', bounds: [6.3, 52.6, 5.9, 52.4] };
    const withGrid = { ...view, id: 'v4', grid: { mode: 'housingType', housingType: 'geclusterd', cellSizeMeters: 100 } };
    const brokenGrid = { ...view, id: 'v5', grid: { mode: ['housingType'] } };
    const result = restoreScenario({ ...record(), presentationViews: [view, broken, { ...view, id: 'v3', selection: { kind: 'area', area: 'twente' } }, withGrid, brokenGrid] });
    if (!result.ok) throw new Error(result.reason);
    expect(result.scenario.presentationViews).toEqual([view, { ...view, id: 'v3', selection: { kind: 'area', area: 'twente' } }, withGrid]);
    expect(result.repairs).toEqual([
      'presentation view 2 unreadable (bounds are not [west, south, east, north]); left out',
      'presentation view 5 unreadable (grid settings are not text or numbers); left out',
    ]);
    const notAList = restoreScenario({ ...record(), presentationViews: 'x' });
    expect(notAList).toMatchObject({ ok: true, scenario: { presentationViews: [] }, repairs: ['presentationViews unreadable (none)'] });
  });

  it('refuses a record of a newer format, saying so', () => {
    const result = restoreScenario({ ...record(), schemaVersion: SCENARIO_SCHEMA_VERSION + 1 });
    expect(result).toMatchObject({ ok: false, newerVersion: true, reason: expect.stringContaining('newer version') });
  });

  it('refuses what cannot be a scenario, with the reason', () => {
    expect(restoreScenario(null)).toMatchObject({ ok: false, reason: 'not an object' });
    expect(restoreScenario([1])).toMatchObject({ ok: false, reason: 'not an object' });
    expect(restoreScenario({ ...record(), id: '' })).toMatchObject({ ok: false, reason: 'no id' });
    expect(restoreScenario({ ...record(), schemaVersion: 'one' })).toMatchObject({ ok: false, newerVersion: false });
  });

  it('fills defaults for missing or unreadable fields and names each', () => {
    const damaged = record();
    delete damaged['description'];
    delete damaged['schemaVersion'];
    damaged['name'] = 42;
    damaged['measuredAgainst'] = 'optimistisch';
    damaged['normProfile'] = { id: 'woonzorgzone' };
    damaged['walkingSpeed'] = { id: 'ouder', metersPerSecond: 40, source: 'x' };
    damaged['createdAt'] = 'gisteren';
    const result = restoreScenario(damaged);
    if (!result.ok) throw new Error(result.reason);
    expect(result.scenario).toMatchObject({
      name: damaged['id'],
      description: '',
      measuredAgainst: 'band',
      normProfile: WOONZORGZONE_PROFILE,
      walkingSpeed: DEFAULT_WALKING_SPEED,
      createdAt: damaged['updatedAt'],
    });
    expect(result.scenario.edits).toHaveLength(4);
    expect(result.repairs).toEqual([
      'schemaVersion missing (read as 1)',
      'name unreadable',
      'description missing',
      'createdAt unreadable',
      'measuredAgainst unreadable (band)',
      'normProfile unreadable (woonzorgzone)',
      'walkingSpeed unreadable (default)',
    ]);
  });

  it('keeps the edits before an unreadable one, drops it and the ones after, and says how many', () => {
    const damaged = record();
    const edits = damaged['edits'] as Record<string, unknown>[];
    (edits[1] as { after: unknown }).after = { homes: { zorggeschikt: -5 } };
    const result = restoreScenario(damaged);
    if (!result.ok) throw new Error(result.reason);
    expect(result.scenario.edits.map((edit) => edit.kind)).toEqual(['addSite']);
    expect(result.scenario.appliedCount).toBe(1);
    expect(result.repairs).toEqual(['edit 2 unreadable (after: homes.zorggeschikt is not a whole number ≥ 0); it and the 2 after it left out']);
  });

  it('keeps the edits that fit the plan and drops one that does not (a site that was never added)', () => {
    const damaged = record();
    const edits = damaged['edits'] as Record<string, unknown>[];
    edits.splice(0, 1);
    const result = restoreScenario(damaged);
    if (!result.ok) throw new Error(result.reason);
    expect(result.scenario.edits).toEqual([]);
    expect(result.scenario.appliedCount).toBe(0);
    expect(result.repairs).toEqual(['edit 1 (updateSite) does not fit: unknownSite; it and the 2 after it left out']);
  });

  it('reads an edit of an unknown kind as the end of what this version understands', () => {
    const damaged = record();
    (damaged['edits'] as unknown[]).splice(1, 0, { id: 'x', at: '2026-11-28T14:00:30.000Z', kind: 'drawArea' });
    const result = restoreScenario(damaged);
    if (!result.ok) throw new Error(result.reason);
    expect(result.scenario.edits).toHaveLength(1);
    expect(result.repairs[0]).toContain('unknown kind "drawArea"');
  });

  it('fills home types a site does not list with 0 and keeps unknown site fields', () => {
    const damaged = record();
    const first = (damaged['edits'] as Array<{ site: Record<string, unknown> }>)[0]!;
    first.site['homes'] = { zorggeschikt: 40 };
    first.site['parking'] = 12;
    const result = restoreScenario(damaged);
    if (!result.ok) throw new Error(result.reason);
    const edit = result.scenario.edits[0]!;
    if (edit.kind !== 'addSite') throw new Error(edit.kind);
    expect(edit.site.homes).toEqual({ nultreden: 0, geclusterd: 0, zorggeschikt: 40, overig: 0 });
    expect((edit.site as unknown as Record<string, unknown>)['parking']).toBe(12);
  });

  it('limits appliedCount to the edits kept', () => {
    const result = restoreScenario({ ...record(), appliedCount: 99 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.scenario.appliedCount).toBe(4);
  });
});
