// Tests for the facility constructor and small helpers.
import { describe, expect, it } from 'vitest';
import { categoryCode, categoryOfCode, createFacility, FACILITY_CATEGORIES, declarationFor, facilityKey, isFacilityCategory, limitName, MAX_NAME_LENGTH, restoreDatasetRecord } from '../../../src/domain/facility';

const input = (overrides: Partial<Parameters<typeof createFacility>[0]> = {}) => ({
  id: '1',
  name: '  Apotheek  ',
  category: 'apotheek' as const,
  location: [6.1, 52.5] as [number, number],
  datasetId: 'ds',
  ...overrides,
});

describe('createFacility', () => {
  it('trims the name', () => {
    expect(createFacility(input()).name).toBe('Apotheek');
  });

  it('cuts a 200,000-character name to the limit, ending in an ellipsis', () => {
    const name = createFacility(input({ name: 'x'.repeat(200_000) })).name;
    expect(name).toHaveLength(MAX_NAME_LENGTH);
    expect(name.endsWith('…')).toBe(true);
  });

  it('keeps a name of exactly the limit whole', () => {
    expect(limitName('y'.repeat(MAX_NAME_LENGTH))).toBe('y'.repeat(MAX_NAME_LENGTH));
  });

  it('never cuts inside a surrogate pair', () => {
    const name = limitName('a'.repeat(MAX_NAME_LENGTH - 2) + '😀'.repeat(10));
    expect(name.endsWith('…')).toBe(true);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(name)).toBe(false);
  });

  it('drops a transit mode on anything that is not a stop', () => {
    expect(createFacility(input({ attributes: { transitMode: 'bus' } })).attributes).toEqual({});
  });

  it('gives a stop without mode the mode unknown', () => {
    expect(createFacility(input({ category: 'ovHalte' })).attributes.transitMode).toBe('unknown');
  });

  it('leaves out empty extra fields and non-finite capacity', () => {
    expect(createFacility(input({ attributes: { extra: {}, capacity: Number.NaN, address: '' } })).attributes).toEqual({});
  });
});

describe('helpers', () => {
  it('keys a facility by dataset and id', () => {
    expect(facilityKey({ datasetId: 'osm-GM0193', id: 'node/1' })).toBe('osm-GM0193/node/1');
  });

  it.each([
    ['huisarts', true],
    ['dokter', false],
    [3, false],
  ] as const)('isFacilityCategory(%j) is %s', (value, expected) => {
    expect(isFacilityCategory(value)).toBe(expected);
  });
});

describe('declared coverage of a dataset', () => {
  const base = { id: 'x', name: 'x', source: 'x', licence: 'x', retrievedAt: '2026-11-23', hidden: false } as const;

  it('reads a missing declaration, and "municipalities" without any, as only these locations', () => {
    expect(declarationFor({ completeness: {} }, 'huisarts')).toEqual({ kind: 'locationsOnly' });
    expect(declarationFor({ completeness: { huisarts: { kind: 'municipalities', codes: [] } } }, 'huisarts')).toEqual({ kind: 'locationsOnly' });
    expect(declarationFor({ completeness: { huisarts: { kind: 'province' } } }, 'huisarts')).toEqual({ kind: 'province' });
  });

  it('restores a record that already has a declaration as it is', () => {
    const record = { ...base, kind: 'import' as const, completeness: { apotheek: { kind: 'province' as const } } };
    expect(restoreDatasetRecord(record)).toEqual({ ok: true, value: record, unread: [] });
  });

  it('gives an old OpenStreetMap record its queried categories complete for its queried area', () => {
    expect(restoreDatasetRecord({ ...base, kind: 'osm', coverage: 'province', categories: ['huisarts'] })).toEqual({ ok: true, value: { ...base, kind: 'osm', completeness: { huisarts: { kind: 'province' } } }, unread: [] });
  });

  it('gives an old import "only these locations": it was taken as complete for the province without asking', () => {
    expect(restoreDatasetRecord({ ...base, kind: 'import', coverage: 'province', categories: ['huisarts', 'apotheek'] })).toEqual({ ok: true, value: { ...base, kind: 'import', completeness: {} }, unread: [] });
  });

  it('fills what it cannot read with defaults and names it, keeps unknown fields, and refuses a record without id or stored kind', () => {
    const restored = restoreDatasetRecord({
      id: 'import-9',
      kind: 'import',
      name: 42,
      licence: 'CC0',
      retrievedAt: '2026-11-23',
      hidden: 'ja',
      completeness: { huisarts: { kind: 'province' }, tandarts: { kind: 'province' }, apotheek: { kind: 'everywhere' } },
      colourOfANewerVersion: 'groen',
    });
    expect(restored).toEqual({
      ok: true,
      value: { id: 'import-9', kind: 'import', name: 'import-9', source: '', licence: 'CC0', retrievedAt: '2026-11-23', hidden: false, completeness: { huisarts: { kind: 'province' } }, colourOfANewerVersion: 'groen' },
      unread: ['name is not text', 'no source', 'hidden is not true or false', 'unknown category "tandarts"', 'declaration for apotheek'],
    });
    expect(restoreDatasetRecord({ ...base, kind: 'osm', coverage: 7, categories: ['huisarts'] })).toEqual({ ok: true, value: { ...base, kind: 'osm', completeness: {} }, unread: ['coverage'] });
    expect(restoreDatasetRecord({ ...base, kind: 'embedded', completeness: {} })).toEqual({ ok: false, reason: 'unknown kind "embedded"' });
    expect(restoreDatasetRecord({ ...base, id: '', kind: 'import', completeness: {} })).toEqual({ ok: false, reason: 'no id' });
    expect(restoreDatasetRecord(null)).toEqual({ ok: false, reason: 'not an object' });
  });
});

describe('category codes (how packed facilities carry a category)', () => {
  it('gives each category its own code and back', () => {
    const codes = FACILITY_CATEGORIES.map(categoryCode);
    expect(new Set(codes).size).toBe(FACILITY_CATEGORIES.length);
    expect(codes.map(categoryOfCode)).toEqual([...FACILITY_CATEGORIES]);
    expect(categoryOfCode(255)).toBeUndefined();
  });
});
