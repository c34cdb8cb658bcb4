import { describe, expect, it } from 'vitest';
import { checkPlannerTargets, validatePlannerTargets, type PlannerTargetInput } from '../../../src/analysis/plannerTargets';
import { parsePlannerTargetsCsv, readWholeNumber } from '../../../src/data/plannerTargetsCsv';
import { parseHousingTargets } from '../../../src/data/parseHousingTargets';
import { parseRegionAssignment } from '../../../src/data/parseRegionAssignment';
import { OVERIJSSEL_MUNICIPALITY_NAMES } from '../../../src/domain/geography';
import { catalogue, isMessageKey } from '../../../src/i18n/catalogue';
import { readGeoJson } from '../data/geoFiles';

const assignment = parseRegionAssignment(readGeoJson('geo/boundaries/regio-indeling.json'), 'regio-indeling.json').items;
const municipalities = assignment.map((entry) => ({ code: entry.municipalityCode, region: entry.region, name: OVERIJSSEL_MUNICIPALITY_NAMES[entry.municipalityCode]! }));
const targets = parseHousingTargets(readGeoJson('geo/woondeal/ouderenhuisvesting-doelen.json'), 'ouderenhuisvesting-doelen.json').value;
const sourced = new Set(targets.municipalTargets.map((target) => target.municipalityCode));
const context = { municipalities, sourcedMunicipalityCodes: sourced, file: 'invoer' };

const row = (overrides: Partial<PlannerTargetInput>): PlannerTargetInput => ({
  record: 2,
  municipalityCode: 'GM0153',
  municipalityAsGiven: 'Enschede',
  housingType: 'nultreden',
  basis: 900,
  trend: 600,
  sourceText: 'Afsprakenkader Twente, bijlage 1',
  ...overrides,
});

describe('validatePlannerTargets', () => {
  it('keeps valid rows, and a value left empty stays unknown (null), not 0', () => {
    const { items, issues } = validatePlannerTargets([row({}), row({ record: 3, housingType: 'geclusterd', trend: null })], context);
    expect(issues).toEqual([]);
    expect(items).toEqual([
      { municipalityCode: 'GM0153', housingType: 'nultreden', basis: 900, trend: 600, sourceText: 'Afsprakenkader Twente, bijlage 1' },
      { municipalityCode: 'GM0153', housingType: 'geclusterd', basis: 900, trend: null, sourceText: 'Afsprakenkader Twente, bijlage 1' },
    ]);
  });

  it('refuses each bad row with its row and reason', () => {
    const { items, issues } = validatePlannerTargets(
      [
        row({ record: 2, municipalityCode: null, municipalityAsGiven: 'Amsterdam' }),
        row({ record: 3, municipalityCode: 'GM0193', municipalityAsGiven: 'Zwolle' }),
        row({ record: 4, housingType: 'seniorenwoning' }),
        row({ record: 5, basis: -5 }),
        row({ record: 6, trend: 'veel' }),
        row({ record: 7, basis: 12.5 }),
        row({ record: 8, basis: null, trend: null }),
        row({ record: 9, sourceText: '  ' }),
        row({ record: 10 }),
        row({ record: 11 }),
      ],
      context,
    );
    expect(items).toHaveLength(1);
    expect(issues.map((issue) => [issue.record, issue.code])).toEqual([
      [2, 'plannerTargets.unknownMunicipality'],
      [3, 'plannerTargets.sourcedMunicipality'],
      [4, 'plannerTargets.unknownType'],
      [5, 'plannerTargets.invalidValue'],
      [6, 'plannerTargets.invalidValue'],
      [7, 'plannerTargets.invalidValue'],
      [8, 'plannerTargets.noValue'],
      [9, 'plannerTargets.noSourceText'],
      [11, 'plannerTargets.duplicate'],
    ]);
    expect(issues[4]!.params).toMatchObject({ scenario: 'trend', value: 'veel' });
    for (const issue of issues) expect(isMessageKey(issue.code) && issue.code in catalogue.en, issue.code).toBe(true);
  });
});

describe('checkPlannerTargets: against the printed Twente totals', () => {
  it('reports the sum, the municipalities without a value and the difference, and fills nothing in', () => {
    const rows = [
      { municipalityCode: 'GM0153', housingType: 'nultreden' as const, basis: 900, trend: 600, sourceText: 's' },
      { municipalityCode: 'GM0164', housingType: 'nultreden' as const, basis: 700, trend: null, sourceText: 's' },
    ];
    const checks = checkPlannerTargets(rows, targets.regionTargets, municipalities);
    expect(new Set(checks.map((check) => check.region))).toEqual(new Set(['twente']));
    expect(checks).toHaveLength(6);
    const basis = checks.find((check) => check.housingType === 'nultreden' && check.scenario === 'basis')!;
    // Twente basis nultreden: 4.500 (Regionale woonzorgvisie Twente, § 2.1)
    expect(basis).toMatchObject({ plannerSum: 1600, printed: 4500, difference: -2900, municipalitiesWithValue: ['GM0153', 'GM0164'] });
    expect(basis.municipalitiesWithoutValue).toHaveLength(12);
    const trend = checks.find((check) => check.housingType === 'nultreden' && check.scenario === 'trend')!;
    expect(trend).toMatchObject({ plannerSum: 600, printed: 2710, difference: -2110, municipalitiesWithValue: ['GM0153'] });
    const geclusterd = checks.find((check) => check.housingType === 'geclusterd' && check.scenario === 'basis')!;
    expect(geclusterd).toMatchObject({ plannerSum: 0, printed: 2000, municipalitiesWithValue: [] });
    expect(rows).toHaveLength(2);
  });

  it('gives no checks without planner rows', () => {
    expect(checkPlannerTargets([], targets.regionTargets, municipalities)).toEqual([]);
  });
});

describe('parsePlannerTargetsCsv', () => {
  it('reads names or CBS codes, Dutch thousands separators and empty values, and reports rows it refuses', () => {
    const csv = [
      '\uFEFFgemeente;woningtype;basis;trend;bron',
      'Enschede;nultreden;1.050;700;Eigen verdeling regio Twente 2025',
      'GM0164;Geclusterd;300;;Eigen verdeling regio Twente 2025',
      'Hengelo;zorggeschikt;80;60;Eigen verdeling regio Twente 2025',
      '',
      'Zwolle;nultreden;1;1;x',
      'Enschede;nultreden;5;5;dubbel',
    ].join('\r\n');
    const { items, issues } = parsePlannerTargetsCsv(csv, 'twente.csv', municipalities, sourced);
    expect(items).toEqual([
      { municipalityCode: 'GM0153', housingType: 'nultreden', basis: 1050, trend: 700, sourceText: 'Eigen verdeling regio Twente 2025' },
      { municipalityCode: 'GM0164', housingType: 'geclusterd', basis: 300, trend: null, sourceText: 'Eigen verdeling regio Twente 2025' },
      { municipalityCode: 'GM0164', housingType: 'zorggeschikt', basis: 80, trend: 60, sourceText: 'Eigen verdeling regio Twente 2025' },
    ]);
    expect(issues).toEqual([
      { code: 'plannerTargets.sourcedMunicipality', file: 'twente.csv', record: 6, params: { value: 'Zwolle' } },
      { code: 'plannerTargets.duplicate', file: 'twente.csv', record: 7, params: { value: 'Enschede', type: 'nultreden' } },
    ]);
  });

  it('names the missing columns, and says when there are no rows', () => {
    expect(parsePlannerTargetsCsv('gemeente,basis\nEnschede,5', 'a.csv', municipalities, sourced).issues).toEqual([
      { code: 'plannerTargets.missingColumns', file: 'a.csv', params: { columns: 'woningtype, trend, bron' } },
    ]);
    expect(parsePlannerTargetsCsv('gemeente,woningtype,basis,trend,bron\n', 'b.csv', municipalities, sourced).issues).toEqual([{ code: 'plannerTargets.noRows', file: 'b.csv' }]);
  });

  it('reads whole numbers only', () => {
    expect(readWholeNumber('1.200')).toBe(1200);
    expect(readWholeNumber(' 45 ')).toBe(45);
    expect(readWholeNumber('')).toBeNull();
    expect(readWholeNumber('12,5')).toBe('12,5');
    expect(readWholeNumber('-3')).toBe('-3');
  });
});
