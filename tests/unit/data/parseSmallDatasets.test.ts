// Region assignment, housing targets, printed per-municipality tables, PC4 population, the Municipality model
// and the sources register.

import { describe, expect, it } from 'vitest';
import { buildMunicipalities } from '../../../src/data/buildMunicipalities';
import { parseHousingTargets } from '../../../src/data/parseHousingTargets';
import { parseMunicipalHomesTable } from '../../../src/data/parseMunicipalHomesTable';
import type { MunicipalityBoundary } from '../../../src/data/parseMunicipalityBoundaries';
import { parsePostcodePopulation } from '../../../src/data/parsePopulation';
import { parseRegionAssignment } from '../../../src/data/parseRegionAssignment';
import { parseSources } from '../../../src/data/parseSources';
import type { NeighbourhoodFigures } from '../../../src/domain/population';
import { NORM_SOURCES } from '../../../src/domain/norms';
import { TRANSLATED_SOURCE_FIELDS, type Source } from '../../../src/domain/source';
import { readGeoJson } from './geoFiles';

const REGIONS = '/geo/boundaries/regio-indeling.json';
const TARGETS = '/geo/woondeal/ouderenhuisvesting-doelen.json';

describe('parseRegionAssignment', () => {
  it('assigns the 25 municipalities, Zwolle to West-Overijssel and Enschede to Twente', () => {
    const { items, issues } = parseRegionAssignment(readGeoJson(REGIONS), REGIONS);
    expect(issues).toEqual([]);
    expect(items).toHaveLength(25);
    expect(items.find((item) => item.municipalityCode === 'GM0193')?.region).toBe('west-overijssel');
    expect(items.find((item) => item.municipalityCode === 'GM0153')?.region).toBe('twente');
  });

  it('reports a region with the wrong number of municipalities', () => {
    const file = readGeoJson(REGIONS) as { municipalities: { region: string }[] };
    const first = file.municipalities[0];
    if (first) first.region = first.region === 'twente' ? 'west-overijssel' : 'twente';
    const { issues } = parseRegionAssignment(file, REGIONS);
    expect(issues.map((issue) => issue.code)).toEqual(['data.regionCountMismatch', 'data.regionCountMismatch']);
  });
});

describe('parseHousingTargets', () => {
  it('gives the 11 West-Overijssel municipalities their basis and trend targets', () => {
    const { value, issues } = parseHousingTargets(readGeoJson(TARGETS), TARGETS);
    expect(issues).toEqual([]);
    expect(value.municipalTargets).toHaveLength(11);
    expect(value.municipalTargets.find((target) => target.municipalityCode === 'GM0150')).toMatchObject({
      basis: { nultreden: 1015, geclusterd: 415, zorggeschikt: 185 },
      trend: { nultreden: 265, geclusterd: 1090, zorggeschikt: 130 },
    });
  });

  it('has Twente region totals but marks its per-municipality split as absent, not zero', () => {
    const { value } = parseHousingTargets(readGeoJson(TARGETS), TARGETS);
    expect(value.regionTargets.find((target) => target.region === 'twente')).toMatchObject({
      basis: { nultreden: 4500, geclusterd: 2000, zorggeschikt: 1560 },
      trend: { nultreden: 2710, geclusterd: 5310, zorggeschikt: 1100 },
    });
    expect(value.regionsWithoutMunicipalTargets).toEqual(['twente']);
    expect(value.municipalTargets.some((target) => target.municipalityCode === 'GM0153')).toBe(false);
  });

  it('reports a negative target by its row', () => {
    const file = readGeoJson(TARGETS) as { municipalTargets: { rows: { basis: Record<string, number> }[] } };
    const third = file.municipalTargets.rows[2];
    if (third) third.basis.geclusterd = -5;
    const { issues } = parseHousingTargets(file, TARGETS);
    expect(issues).toEqual([expect.objectContaining({ code: 'data.invalidNumber', file: TARGETS, record: 'municipalTargets.rows[2]' })]);
  });
});

describe('parseMunicipalHomesTable', () => {
  it('keeps Ommen as unknown (null) in the 2031-2035 outlook', () => {
    const file = '/geo/woondeal/doorkijk-2031-2035.json';
    const { value } = parseMunicipalHomesTable(readGeoJson(file), file);
    expect(value.rows.find((row) => row.municipalityCode === 'GM0175')?.homes).toBeNull();
    expect(value.printedTotal).toBe(10124);
  });

  it('keeps the printed homes-built total 7.960 with its recorded contradiction', () => {
    const file = '/geo/woondeal/gerealiseerde-woningen.json';
    const { value } = parseMunicipalHomesTable(readGeoJson(file), file);
    expect(value.printedTotal).toBe(7960);
    expect(value.inconsistencies).toEqual([expect.objectContaining({ code: 'inconsistency.rowsDoNotAddUp', printed: 7960, computed: 7929 })]);
  });
});

describe('parsePostcodePopulation', () => {
  const area = (properties: Record<string, unknown>): unknown => ({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [[[6.0, 52.5], [6.01, 52.5], [6.01, 52.51], [6.0, 52.5]]] } }],
  });
  const properties = { postcode: '8011', plaats: 'Zwolle', gemeentecode_2026: 'GM0193', inwoners: 100, inwoners_65plus: 30, inwoners_75plus: 10, inwoners_85plus: 5 };

  it('reads a valid area with its reference date', () => {
    const { items } = parsePostcodePopulation(area(properties), 'pc4', 'cbs-pc4-2021');
    expect(items[0]?.properties).toMatchObject({ postcode: '8011', inhabitants65Plus: 30, referenceDate: '2021-01-01' });
  });

  it('rejects age groups that do not nest', () => {
    const { issues } = parsePostcodePopulation(area({ ...properties, inwoners_85plus: 20 }), 'pc4', 'cbs-pc4-2021');
    expect(issues).toEqual([{ code: 'data.ageGroupsDoNotNest', file: 'pc4', record: 0, params: { postcode: '8011' } }]);
  });
});

describe('buildMunicipalities', () => {
  const boundary = (code: string, name: string): MunicipalityBoundary => ({
    type: 'Feature',
    properties: { code, name },
    geometry: { type: 'Polygon', coordinates: [[[6, 52.5], [6.1, 52.5], [6.1, 52.6], [6, 52.5]]] },
  });
  const figures = (municipalityCode: string, inhabitants: number): NeighbourhoodFigures => ({
    code: municipalityCode, level: 'gemeente', municipalityCode, inhabitants, housingStock: null, areaTotalHectares: null, source: 'kwb',
  });

  it('joins region and inhabitants by CBS code', () => {
    const { items } = buildMunicipalities([boundary('GM0193', 'Zwolle')], [{ municipalityCode: 'GM0193', region: 'west-overijssel', source: 's' }], [figures('GM0193', 133141)], 'kwb');
    expect(items).toEqual([{ code: 'GM0193', name: 'Zwolle', region: 'west-overijssel', inhabitants: 133141, inhabitantsSource: 'kwb' }]);
  });

  it('keeps inhabitants unknown (null) when KWB has no row, and says so', () => {
    const { items, issues } = buildMunicipalities([boundary('GM0193', 'Zwolle')], [{ municipalityCode: 'GM0193', region: 'west-overijssel', source: 's' }], [], 'kwb');
    expect(items[0]?.inhabitants).toBeNull();
    expect(issues).toEqual([expect.objectContaining({ code: 'data.inhabitantsMissing', record: 'GM0193' })]);
  });

  it('leaves out a municipality without a region', () => {
    const { items, issues } = buildMunicipalities([boundary('GM0193', 'Zwolle')], [], [figures('GM0193', 1)], 'kwb');
    expect(items).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'data.municipalityWithoutRegion' })]);
  });
});

describe('parseSources', () => {
  const source = (extra: Record<string, unknown>) => ({ id: 'x', title: 'T', publisher: 'P', location: 'L', date: '2024', licence: 'CC BY 4.0', ...extra });

  it('keeps a web address where the original can be found', () => {
    const { items, issues } = parseSources({ sources: [source({ url: 'https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85984NED/table' })] }, 'sources.json');
    expect(issues).toEqual([]);
    expect(items[0]?.url).toBe('https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85984NED/table');
  });

  it('refuses an address that is not a web address (it is shown as a link)', () => {
    const { items, issues } = parseSources({ sources: [source({ url: 'javascript:alert(1)' })] }, 'sources.json');
    expect(items).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'data.invalidValue', params: expect.objectContaining({ field: 'url' }) })]);
  });

  it('reads the English forms beside the Dutch ones', () => {
    const { items, issues } = parseSources({ sources: [source({ part: 'Tabel 1', en: { part: 'Table 1', licence: 'public document' } })] }, 'sources.json');
    expect(issues).toEqual([]);
    expect(items[0]).toMatchObject({ part: 'Tabel 1', licence: 'CC BY 4.0', en: { part: 'Table 1', licence: 'public document' } });
  });

  it.each([
    ['an unknown field', { id: 'x2' }, 'en.id'],
    ['an empty text', { location: ' ' }, 'en.location'],
    ['a number', { date: 2024 }, 'en.date'],
  ])('refuses English forms with %s, naming the field', (_case, en, field) => {
    const { items, issues } = parseSources({ sources: [source({ en })] }, 'sources.json');
    expect(items).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'data.invalidValue', record: 0, params: expect.objectContaining({ field }) })]);
  });

  it('refuses English forms that are not an object', () => {
    const { items, issues } = parseSources({ sources: [source({ en: 'Table 1' })] }, 'sources.json');
    expect(items).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'data.invalidValue', params: expect.objectContaining({ field: 'en' }) })]);
  });

  // Words that read the same in English: licence names, ISO dates and publishers' own names.
  const SAME_IN_ENGLISH = /^(CC BY 4\.0|CC0 1\.0|\d{4}(-\d{2}){0,2}|CBS|DOVA|RIVM|hastig\.nl|allesoversport\.nl|Finnis & Walton|Woonzorgkaart Overijssel|SamenTwente, Twentse Koers|InVoorZorg! \(invoorzorg\.nl\)|OSO Alphen aan den Rijn \(oso-wonen\.nl\)|University .*)$/;

  it('gives every register entry and norm source its English words (all but published titles and names)', () => {
    const registered = parseSources(readGeoJson('geo/sources.json'), 'sources.json').items;
    const all: Source[] = [...registered, ...NORM_SOURCES];
    expect(all.length).toBeGreaterThan(25);
    for (const entry of all) {
      for (const field of TRANSLATED_SOURCE_FIELDS) {
        const dutch = entry[field];
        if (field === 'title' || dutch === undefined || SAME_IN_ENGLISH.test(dutch)) continue;
        expect(entry.en?.[field], `${entry.id}.${field}: "${dutch}"`).toBeTruthy();
      }
    }
  });

  it('registers every embedded source with a public citation and no repository file path', () => {
    const { items, issues } = parseSources(readGeoJson('geo/sources.json'), 'sources.json');
    expect(issues).toEqual([]);
    for (const entry of items) {
      expect(entry, entry.id).not.toHaveProperty('file');
      expect(entry.location, entry.id).not.toMatch(/geo\/|\.json|\.geojson|github/i);
      expect(entry.en?.location ?? '', entry.id).not.toMatch(/geo\/|\.json|\.geojson|github/i);
    }
  });
});
