import { describe, expect, it } from 'vitest';
import { olderPeopleValue, targetValuesByMunicipality } from '../../../src/analysis/thematicValues';
import type { Municipality } from '../../../src/domain/geography';
import type { MunicipalTarget } from '../../../src/domain/housing';

const municipality = (code: string, inhabitants: number | null): Municipality => ({
  code,
  name: code,
  region: 'west-overijssel',
  inhabitants,
  inhabitantsSource: 'test',
});
const target = (code: string): MunicipalTarget => ({
  municipalityCode: code,
  basis: { nultreden: 100, geclusterd: 20, zorggeschikt: 30 },
  trend: { nultreden: 50, geclusterd: 200, zorggeschikt: 10 },
  source: 'test',
});

describe('targetValuesByMunicipality', () => {
  const municipalities = [municipality('GM1', 10_000), municipality('GM2', null), municipality('GM3', 5_000)];
  const targets = [target('GM1'), target('GM2')];

  it('gives the chosen scenario and type, and null where the source has no per-municipality target', () => {
    const values = targetValuesByMunicipality(municipalities, targets, { targetScenario: 'trend', housingType: 'geclusterd', measure: 'absolute' });
    expect(values.get('GM1')).toBe(200);
    expect(values.get('GM3')).toBeNull();
  });

  it('sums the three types for the total', () => {
    const values = targetValuesByMunicipality(municipalities, targets, { targetScenario: 'basis', housingType: 'total', measure: 'absolute' });
    expect(values.get('GM1')).toBe(150);
  });

  it('divides by inhabitants per 1,000, and gives null when inhabitants are unknown', () => {
    const values = targetValuesByMunicipality(municipalities, targets, { targetScenario: 'basis', housingType: 'total', measure: 'per1000Inhabitants' });
    expect(values.get('GM1')).toBeCloseTo(15);
    expect(values.get('GM2')).toBeNull();
  });
});

describe('olderPeopleValue', () => {
  const counts = { inhabitants: 2000, inhabitants65Plus: 500, inhabitants75Plus: 200, inhabitants85Plus: 50 };
  it('returns the count for the age group', () => {
    expect(olderPeopleValue(counts, '75plus', 'count')).toBe(200);
  });
  it('returns the share in percent', () => {
    expect(olderPeopleValue(counts, '65plus', 'share')).toBe(25);
  });
  it('returns null for the share of an area without inhabitants', () => {
    expect(olderPeopleValue({ ...counts, inhabitants: 0 }, '85plus', 'share')).toBeNull();
  });
});
