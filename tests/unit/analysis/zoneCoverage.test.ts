import { describe, expect, it } from 'vitest';
import type { ZoneMembership } from '../../../src/analysis/dasymetric';
import { zoneCoverage, type CoverageInput } from '../../../src/analysis/zoneCoverage';
import type { MunicipalTarget } from '../../../src/domain/housing';
import { emptySiteHomes, type Site } from '../../../src/domain/scenario';
import { dasymetricFixture, lonOf, pointAt } from '../../support/dasymetricFixture';
import { testSite } from '../../support/syntheticScenario';

// The dasymetric fixture (tests/support/dasymetricFixture.ts) with zones by column of the 4 × 2 grid:
// column 0 inside a zone, columns 1–2 outside, column 3 'geen gegevens' (unless a test says otherwise).
const { grid, population } = dasymetricFixture();
const byColumn =
  (inside: (x: number) => boolean, noData: (x: number) => boolean) =>
  ([lon]: [number, number]): ZoneMembership => {
    const x = (lon - grid.originLon) / grid.cellWidthDegrees;
    return inside(x) ? 'inside' : noData(x) ? 'noData' : 'outside';
  };
const standardZones = byColumn((x) => x < 1, (x) => x > 3);

const homes = (geclusterd: number, zorggeschikt: number) => ({ ...emptySiteHomes(), geclusterd, zorggeschikt });
const sites: Site[] = [
  testSite('in', { location: pointAt(grid, 0.5, 0.5), homes: homes(10, 5) }),
  testSite('out', { location: pointAt(grid, 2.5, 0.5), homes: homes(20, 0) }),
  testSite('later', { location: pointAt(grid, 0.5, 1.5), homes: homes(100, 0), phase: 'after2030', year: 2033 }),
  testSite('unknown', { location: pointAt(grid, 3.5, 0.5), municipalityCode: 'GM0153', homes: homes(0, 7) }),
];
const targets: MunicipalTarget[] = [
  // band geclusterd 40–60, zorggeschikt 20–30: lower end 40 + 20 = 60
  { municipalityCode: 'GM0193', basis: { nultreden: 0, geclusterd: 40, zorggeschikt: 30 }, trend: { nultreden: 0, geclusterd: 60, zorggeschikt: 20 }, source: 'src' },
];

function input(membership: CoverageInput['membership']): CoverageInput {
  return {
    population,
    membership,
    municipalities: [
      { code: 'GM0193', region: 'west-overijssel' },
      { code: 'GM0153', region: 'twente' },
    ],
    score: { state: { sites }, measuredAgainst: 'band', targets, regionTargets: [] },
    keyProjects: [{ id: 'kp', name: 'Spoorzone', municipalityCode: 'GM0193', location: pointAt(grid, 0.2, 0.2), homes2024To2030: 300 }],
  };
}

describe('zoneCoverage', () => {
  it('says per kern whether it has a woonservicegebied, with its people from the dasymetric spread', () => {
    const coverage = zoneCoverage(input(standardZones));
    const [k1, k2] = coverage.kernen;
    expect(k1!.status).toBe('inside');
    expect(k2!.status).toBe('outside');
    expect(k2!.people.all).toBeCloseTo(80, 9); // 20 of A + 60 of B
    expect(k2!.people['75plus']).toBeCloseTo(15, 9); // 5 of A + 10 of B
    expect(k2!.unknownPostcodes['65plus']).toEqual(['B']);
  });

  it('calls a kern "geen gegevens", never "zonder", when its only cells have no data', () => {
    const coverage = zoneCoverage(input(byColumn(() => false, (x) => x < 1)));
    expect(coverage.kernen.map((kern) => kern.status)).toEqual(['noData', 'outside']);
  });

  it('counts people per municipality and region inside, outside and without data', () => {
    const coverage = zoneCoverage(input(standardZones));
    const zwolle = coverage.municipalities[0]!.people;
    expect(zwolle.inside.all).toBeCloseTo(100, 9);
    expect(zwolle.outside.all).toBeCloseTo(80, 9);
    expect(zwolle.inside['75plus']).toBeCloseTo(25, 9);
    expect(zwolle.outside['75plus']).toBeCloseTo(15, 9);
    expect(zwolle.unknownPostcodes['65plus']).toEqual(['B']);
    const enschede = coverage.municipalities[1]!.people;
    expect(enschede.noData.all).toBeCloseTo(35, 9);
    expect(enschede.inside.all).toBe(0);
    const [province, west, twente] = coverage.areas;
    expect(province!.area).toEqual({ kind: 'area', area: 'overijssel' });
    expect(province!.people.inside.all + province!.people.outside.all + province!.people.noData.all).toBeCloseTo(215, 9);
    expect(west!.people.inside['75plus']).toBeCloseTo(25, 9);
    expect(twente!.people.noData['65plus']).toBeCloseTo(15, 9);
    expect(province!.kernen).toEqual({ inside: 1, outside: 1, noData: 0 });
  });

  it('counts geclusterd and zorggeschikt homes 2024–2030 inside zones against the band', () => {
    const coverage = zoneCoverage(input(standardZones));
    const zwolle = coverage.municipalities[0]!.homes;
    expect(zwolle.geclusterd.inside.planned.homes).toBe(10);
    expect(zwolle.geclusterd.all.planned.homes).toBe(30); // 'later' is after 2030
    expect(zwolle.geclusterd.inside.comparison).toMatchObject({ measuredAgainst: 'band', low: 40, high: 60, status: 'below' });
    expect(zwolle.zorggeschikt.inside.planned.homes).toBe(5);
    expect(coverage.municipalities[1]!.homes.zorggeschikt.noData).toBe(7);
    expect(coverage.sites.map((site) => site.status)).toEqual(['inside', 'outside', 'inside', 'noData']);
    expect(coverage.keyProjects[0]).toMatchObject({ id: 'kp', status: 'inside', homes2024To2030: 300 });
  });

  it('lists a municipality in the gap view when its target is high and few of its 75+ live inside zones', () => {
    const noZones = zoneCoverage(input(byColumn(() => false, (x) => x > 3)));
    expect(noZones.gap.targetThreshold).toBe(60);
    expect(noZones.gap.municipalities).toEqual([
      { code: 'GM0193', target: 60, share75PlusInside: 0, share75PlusInsideAtMost: 0, status: 'gap', uncoveredTarget: 60 },
      { code: 'GM0153', target: null, share75PlusInside: 0, share75PlusInsideAtMost: 1, status: 'noTarget', uncoveredTarget: null },
    ]);
    expect(noZones.gap.kernen.map((kern) => kern.id)).toEqual(['K1', 'K2']); // most 75+ first: 25, 15

    const covered = zoneCoverage(input(standardZones)); // 25 of 40 75+ inside
    expect(covered.gap.municipalities[0]).toMatchObject({ code: 'GM0193', status: 'noGap', share75PlusInside: 25 / 40 });
    expect(covered.gap.kernen).toEqual([]);

    const unknown = zoneCoverage(input(byColumn(() => false, (x) => x < 1))); // 25 of 40 could be inside
    expect(unknown.gap.municipalities[0]).toMatchObject({ code: 'GM0193', status: 'noData', share75PlusInside: 0, share75PlusInsideAtMost: 25 / 40 });
  });

  it('asks the membership only for cells that hold people', () => {
    let calls = 0;
    zoneCoverage({ ...input((point) => (calls++, standardZones(point))), score: { state: { sites: [] }, measuredAgainst: 'band', targets, regionTargets: [] }, keyProjects: [] });
    expect(calls).toBe(4); // cells (0,0), (1,1), (3,0), (3,1)
    expect(lonOf(grid, 0)).toBe(grid.originLon);
  });
});
