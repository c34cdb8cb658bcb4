import { describe, expect, it } from 'vitest';
import { compareScenarioStates, homesPerMunicipality } from '../../../src/analysis/scenarioCompare';
import { emptySiteHomes, type ScenarioState, type Site } from '../../../src/domain/scenario';
import { testSite } from '../../support/syntheticScenario';

function site(id: string, changes: Partial<Site> = {}): Site {
  return testSite(id, { location: [6.09, 52.5], ...changes });
}

function state(sites: Site[], placements: [string, [number, number]][] = []): ScenarioState {
  return { sites, keyProjectPlacements: new Map(placements.map(([id, location]) => [id, { location, precision: 'planner' as const }])), drawnZones: [] };
}

describe('compareScenarioStates', () => {
  it('marks sites added, removed, moved, changed and unchanged, matched by id', () => {
    const a = state([site('keep'), site('gone'), site('move'), site('edit')]);
    const b = state([site('keep'), site('move', { location: [6.1, 52.5] }), site('edit', { homes: { ...emptySiteHomes(), zorggeschikt: 60 } }), site('new')]);
    const result = compareScenarioStates(a, b);
    expect(result.sites.map((entry) => [entry.id, entry.change])).toEqual([
      ['keep', 'unchanged'],
      ['gone', 'removed'],
      ['move', 'moved'],
      ['edit', 'changed'],
      ['new', 'added'],
    ]);
    const removed = result.sites.find((entry) => entry.id === 'gone')!;
    expect(removed.a?.id).toBe('gone');
    expect(removed.b).toBeNull();
  });

  it('a renamed site or one with other tenure, phase, year, link or notes is changed, not moved', () => {
    for (const changes of [{ name: 'Nieuw' }, { tenure: 'koop' as const }, { phase: 'after2030' as const }, { year: 2027 }, { keyProjectId: 'x' }, { notes: 'n' }]) {
      expect(compareScenarioStates(state([site('s')]), state([site('s', changes)])).sites[0]!.change).toBe('changed');
    }
  });

  it('lists key projects placed differently, including back at the published location', () => {
    const a = state([], [['p1', [6, 52]], ['p2', [6.1, 52.1]]]);
    const b = state([], [['p1', [6, 52]], ['p3', [6.2, 52.2]]]);
    expect(compareScenarioStates(a, b).keyProjects).toEqual([
      { keyProjectId: 'p2', a: { location: [6.1, 52.1], precision: 'planner' }, b: null },
      { keyProjectId: 'p3', a: null, b: { location: [6.2, 52.2], precision: 'planner' } },
    ]);
  });

  it('gives homes per municipality and type where the plans differ, with totals', () => {
    const a = state([site('1'), site('2', { municipalityCode: 'GM0148', homes: { ...emptySiteHomes(), nultreden: 10 } })]);
    const b = state([
      site('1', { homes: { ...emptySiteHomes(), zorggeschikt: 60 } }),
      site('2', { municipalityCode: 'GM0148', homes: { ...emptySiteHomes(), nultreden: 10 } }),
      site('3', { municipalityCode: 'GM0148', homes: { ...emptySiteHomes(), geclusterd: 5 } }),
    ]);
    const result = compareScenarioStates(a, b);
    expect(result.homes).toEqual([
      { municipalityCode: 'GM0148', homeType: 'geclusterd', a: 0, b: 5, difference: 5 },
      { municipalityCode: 'GM0193', homeType: 'zorggeschikt', a: 40, b: 60, difference: 20 },
    ]);
    expect(result.totals.zorggeschikt).toEqual({ a: 40, b: 60, difference: 20 });
    expect(result.totals.nultreden).toEqual({ a: 10, b: 10, difference: 0 });
    expect(result.totals.geclusterd).toEqual({ a: 0, b: 5, difference: 5 });
  });

  it('a site moved into another municipality moves its homes there', () => {
    const a = state([site('1')]);
    const b = state([site('1', { location: [6.3, 52.3], municipalityCode: 'GM0148' })]);
    const result = compareScenarioStates(a, b);
    expect(result.sites[0]!.change).toBe('moved');
    expect(result.homes).toEqual([
      { municipalityCode: 'GM0148', homeType: 'zorggeschikt', a: 0, b: 40, difference: 40 },
      { municipalityCode: 'GM0193', homeType: 'zorggeschikt', a: 40, b: 0, difference: -40 },
    ]);
  });

  it('two equal plans have no differences', () => {
    const plan = state([site('1')], [['p', [6, 52]]]);
    const result = compareScenarioStates(plan, plan);
    expect(result.homes).toEqual([]);
    expect(result.keyProjects).toEqual([]);
    expect(result.sites.every((entry) => entry.change === 'unchanged')).toBe(true);
  });
});

describe('homesPerMunicipality', () => {
  it('sums every home type per municipality', () => {
    const totals = homesPerMunicipality([site('1'), site('2', { homes: { nultreden: 1, geclusterd: 2, zorggeschikt: 3, overig: 4 } })]);
    expect(totals.get('GM0193')).toEqual({ nultreden: 1, geclusterd: 2, zorggeschikt: 43, overig: 4 });
  });
});
