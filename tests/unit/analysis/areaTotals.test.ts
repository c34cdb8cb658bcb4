import { describe, expect, it } from 'vitest';
import { areaTotals, provinceTarget } from '../../../src/analysis/areaTotals';
import type { Municipality } from '../../../src/domain/geography';
import type { RegionTarget } from '../../../src/domain/housing';

const municipality = (code: string, name: string, region: Municipality['region'], inhabitants: number | null): Municipality => ({
  code, name, region, inhabitants, inhabitantsSource: 'cbs-kwb-2024',
});
const municipalities = [
  municipality('GM0193', 'Zwolle', 'west-overijssel', 133141),
  municipality('GM0153', 'Enschede', 'twente', 161000),
  municipality('GM0148', 'Dalfsen', 'west-overijssel', 29000),
];
const older = new Map([
  ['GM0193', { inhabitants65Plus: 20000, inhabitants75Plus: 9000, inhabitants85Plus: 2500 }],
  ['GM0148', { inhabitants65Plus: 6000, inhabitants75Plus: 2500, inhabitants85Plus: 600 }],
  ['GM0153', { inhabitants65Plus: 28000, inhabitants75Plus: 12000, inhabitants85Plus: 3100 }],
]);

describe('areaTotals', () => {
  it('sums a region over its own municipalities only, listed by name', () => {
    const west = areaTotals('west-overijssel', municipalities, older);
    expect(west.municipalities.map((entry) => entry.name)).toEqual(['Dalfsen', 'Zwolle']);
    expect(west.inhabitants).toBe(162141);
    expect(west.olderPeople).toEqual({ inhabitants65Plus: 26000, inhabitants75Plus: 11500, inhabitants85Plus: 3100 });
  });

  it('sums the province over all municipalities', () => {
    expect(areaTotals('overijssel', municipalities, older)).toMatchObject({ inhabitants: 323141, olderPeople: { inhabitants65Plus: 54000 } });
  });

  it('gives no total (null), not a partial one, when a figure is unknown', () => {
    const withUnknown = [...municipalities, municipality('GM0175', 'Ommen', 'west-overijssel', null)];
    const west = areaTotals('west-overijssel', withUnknown, older);
    expect(west.inhabitants).toBeNull();
    expect(west.olderPeople).toBeNull(); // Ommen has no postcode figures in this example
  });
});

describe('provinceTarget', () => {
  const target = (region: RegionTarget['region'], basis: number[], trend: number[], totals: [number | null, number | null]): RegionTarget => ({
    region,
    basis: { nultreden: basis[0]!, geclusterd: basis[1]!, zorggeschikt: basis[2]! },
    trend: { nultreden: trend[0]!, geclusterd: trend[1]!, zorggeschikt: trend[2]! },
    basisTotal: totals[0],
    trendTotal: totals[1],
    source: 'test',
  });

  it('adds the two regions per housing type (woonzorgvisies West-Overijssel and Twente)', () => {
    const targets = [target('west-overijssel', [3560, 1855, 1175], [2465, 4910, 940], [6590, 8315]), target('twente', [4500, 2000, 1560], [2710, 5310, 1100], [null, null])];
    expect(provinceTarget(targets)).toEqual({
      basis: { nultreden: 8060, geclusterd: 3855, zorggeschikt: 2735 },
      trend: { nultreden: 5175, geclusterd: 10220, zorggeschikt: 2040 },
    });
  });

  it('is unknown when a region is missing', () => {
    expect(provinceTarget([target('twente', [1, 1, 1], [1, 1, 1], [null, null])])).toBeNull();
  });
});
