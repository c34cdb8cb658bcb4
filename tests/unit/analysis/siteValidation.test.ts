import { describe, expect, it } from 'vitest';
import { issuesForField, validateSiteFields, type SiteFieldIssue } from '../../../src/analysis/siteValidation';
import { emptySiteHomes, MAX_SITE_HOMES, MAX_SITE_NAME_LENGTH, MAX_SITE_NOTES_LENGTH, type SiteFields } from '../../../src/domain/scenario';
import { catalogue, isMessageKey } from '../../../src/i18n/catalogue';
import { provinceOutline } from '../data/geoFiles';

const province = provinceOutline();
const ZWOLLE: [number, number] = [6.0944, 52.5125];
/** Meppel (Drenthe): inside Overijssel's bounding box, outside its border. */
const MEPPEL: [number, number] = [6.1944, 52.6958];

function valid(): SiteFields {
  return {
    name: 'Knarrenhof Stadshagen',
    location: ZWOLLE,
    outline: null,
    municipalityCode: 'GM0193',
    homes: { ...emptySiteHomes(), geclusterd: 24, zorggeschikt: 12 },
    tenure: 'socialeHuur',
    phase: '2024-2030',
    year: 2028,
    keyProjectId: null,
    notes: 'Met ontmoetingsruimte',
  };
}

const codes = (issues: SiteFieldIssue[]) => issues.map((issue) => [issue.field, issue.code]);

describe('validateSiteFields', () => {
  it('accepts a complete, plausible site', () => {
    expect(validateSiteFields(valid(), { province })).toEqual([]);
  });

  it('refuses negative, fractional and non-numeric homes at the field of that type', () => {
    const fields = { ...valid(), homes: { nultreden: -3, geclusterd: 2.5, zorggeschikt: Number.NaN, overig: 0 } };
    expect(codes(validateSiteFields(fields, { province }))).toEqual([
      ['homes.nultreden', 'site.homesNegative'],
      ['homes.geclusterd', 'site.homesNotWhole'],
      ['homes.zorggeschikt', 'site.homesNotWhole'],
    ]);
  });

  it('refuses more homes than one site can hold, per type and together', () => {
    expect(codes(validateSiteFields({ homes: { ...emptySiteHomes(), nultreden: MAX_SITE_HOMES + 1 } }))).toEqual([['homes.nultreden', 'site.homesTooMany']]);
    expect(validateSiteFields({ homes: { ...emptySiteHomes(), nultreden: MAX_SITE_HOMES } })).toEqual([]);
    const together = validateSiteFields({ homes: { nultreden: 2000, geclusterd: 2000, zorggeschikt: 1000, overig: 1 } });
    expect(codes(together)).toEqual([['homes', 'site.homesTotalTooMany']]);
    expect(together[0]!.params).toMatchObject({ value: 5001, max: MAX_SITE_HOMES });
  });

  it('refuses a year outside 2024–2050 (year 1900) and a year that does not fit the phase', () => {
    expect(codes(validateSiteFields({ year: 1900, phase: '2024-2030' }))).toEqual([['year', 'site.yearOutOfRange']]);
    expect(codes(validateSiteFields({ year: 2051, phase: 'after2030' }))).toEqual([['year', 'site.yearOutOfRange']]);
    expect(codes(validateSiteFields({ year: 2027.5 }))).toEqual([['year', 'site.yearOutOfRange']]);
    expect(codes(validateSiteFields({ year: 2031, phase: '2024-2030' }))).toEqual([['year', 'site.yearAfterPhase']]);
    expect(codes(validateSiteFields({ year: 2030, phase: 'after2030' }))).toEqual([['year', 'site.yearBeforePhase']]);
    expect(validateSiteFields({ year: 2030, phase: '2024-2030' })).toEqual([]);
    expect(validateSiteFields({ year: 2031, phase: 'after2030' })).toEqual([]);
    expect(validateSiteFields({ year: null, phase: 'after2030' })).toEqual([]);
  });

  it('refuses a site outside Overijssel by the province outline, not just its bounding box', () => {
    expect(codes(validateSiteFields({ location: MEPPEL }, { province }))).toEqual([['location', 'site.outsideProvince']]);
    // without the outline only the box is known: Meppel lies inside the box
    expect(validateSiteFields({ location: MEPPEL })).toEqual([]);
    expect(codes(validateSiteFields({ location: [4.9, 52.37] }))).toEqual([['location', 'site.outsideProvince']]);
    expect(codes(validateSiteFields({ location: [Number.NaN, 52] as [number, number] }))).toEqual([['location', 'site.locationInvalid']]);
  });

  it('refuses an outline that is not closed or lies outside the province', () => {
    expect(codes(validateSiteFields({ outline: [[[6.09, 52.51], [6.1, 52.51], [6.1, 52.52]]] }, { province }))).toEqual([['outline', 'site.outlineInvalid']]);
    const acrossBorder = [[ZWOLLE, MEPPEL, [6.2, 52.5] as [number, number], ZWOLLE]];
    expect(codes(validateSiteFields({ outline: acrossBorder }, { province }))).toEqual([['outline', 'site.outlineOutsideProvince']]);
    const inside = [[ZWOLLE, [6.1, 52.5125] as [number, number], [6.1, 52.52] as [number, number], ZWOLLE]];
    expect(validateSiteFields({ outline: inside }, { province })).toEqual([]);
  });

  it('refuses an empty name and over-long name and notes', () => {
    expect(codes(validateSiteFields({ name: '   ' }))).toEqual([['name', 'site.nameEmpty']]);
    expect(codes(validateSiteFields({ name: 'x'.repeat(MAX_SITE_NAME_LENGTH + 1) }))).toEqual([['name', 'site.nameTooLong']]);
    expect(validateSiteFields({ name: 'x'.repeat(MAX_SITE_NAME_LENGTH) })).toEqual([]);
    expect(codes(validateSiteFields({ notes: 'x'.repeat(MAX_SITE_NOTES_LENGTH + 1) }))).toEqual([['notes', 'site.notesTooLong']]);
    expect(validateSiteFields({ notes: '' })).toEqual([]);
  });

  it('refuses unknown tenure, phase, municipality and key project', () => {
    const fields = { tenure: 'huur', phase: '2040', municipalityCode: 'GM0363', keyProjectId: 'nergens' } as unknown as Partial<SiteFields>;
    expect(codes(validateSiteFields(fields, { keyProjectIds: new Set(['zwolle-spoorzone']) }))).toEqual([
      ['municipalityCode', 'site.municipalityUnknown'],
      ['tenure', 'site.valueUnknown'],
      ['phase', 'site.valueUnknown'],
      ['keyProjectId', 'site.keyProjectUnknown'],
    ]);
  });

  it('checks only the fields given, and names file and record when asked', () => {
    const issues = validateSiteFields({ homes: { ...emptySiteHomes(), overig: -1 } }, { file: 'Plan A', record: 'Knarrenhof' });
    expect(issues).toEqual([
      { field: 'homes.overig', code: 'site.homesNegative', file: 'Plan A', record: 'Knarrenhof', params: { field: 'homes.overig', value: -1 } },
    ]);
    expect(issuesForField(issues, 'homes.overig')).toHaveLength(1);
    expect(issuesForField(issues, 'name')).toEqual([]);
  });

  it('has a Dutch and an English message for every code it gives', () => {
    const fields = {
      name: '',
      notes: 'x'.repeat(MAX_SITE_NOTES_LENGTH + 1),
      location: MEPPEL,
      outline: [[[1, 2]]],
      municipalityCode: 'X',
      homes: { nultreden: -1, geclusterd: 0.5, zorggeschikt: MAX_SITE_HOMES + 1, overig: 0 },
      tenure: 'x',
      phase: 'x',
      year: 1900,
      keyProjectId: 'x',
    } as unknown as Partial<SiteFields>;
    const all = [
      ...validateSiteFields(fields, { province, keyProjectIds: new Set() }),
      ...validateSiteFields({ name: 'x'.repeat(300), location: [Number.NaN, 0] as [number, number], outline: [[MEPPEL, ZWOLLE, [6.2, 52.5] as [number, number], MEPPEL]] }, { province }),
      ...validateSiteFields({ year: 2031, phase: '2024-2030' }),
      ...validateSiteFields({ year: 2030, phase: 'after2030' }),
      ...validateSiteFields({ homes: { nultreden: 4000, geclusterd: 4000, zorggeschikt: 0, overig: 0 } }),
    ];
    const seen = new Set(all.map((issue) => issue.code));
    expect(seen.size).toBe(17);
    for (const code of seen) {
      expect(isMessageKey(code), code).toBe(true);
      expect(catalogue.en, code).toHaveProperty([code]);
    }
  });

  it('refuses an outline that crosses itself with where it crosses, and one outside Overijssel', () => {
    const square: [number, number][] = [[6.091, 52.504], [6.0925, 52.504], [6.0925, 52.5049], [6.091, 52.5049], [6.091, 52.504]];
    const bowTie: [number, number][] = [[6.091, 52.504], [6.0925, 52.5049], [6.0925, 52.504], [6.091, 52.5049], [6.091, 52.504]];
    expect(validateSiteFields({ outline: [square] }, { province })).toEqual([]);
    const [crossing] = validateSiteFields({ outline: [bowTie] }, { province });
    expect(crossing).toMatchObject({ field: 'outline', code: 'site.outlineSelfIntersecting', params: { lat: '52.50445', lon: '6.09175' } });
    const inMeppel: [number, number][] = [MEPPEL, [MEPPEL[0] + 0.002, MEPPEL[1]], [MEPPEL[0] + 0.002, MEPPEL[1] + 0.002], MEPPEL];
    expect(codes(validateSiteFields({ outline: [inMeppel] }, { province }))).toEqual([['outline', 'site.outlineOutsideProvince']]);
  });
});
