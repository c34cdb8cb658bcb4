// Tests for the Overpass QL query builder: area selection, tag filters, output mode.
import { describe, expect, it } from 'vitest';
import { buildOverpassQuery, gemeentecodeTag, OVERPASS_TAG_FILTERS, overpassAreaKey } from '../../../../src/data/osm/overpassQuery';

describe('buildOverpassQuery', () => {
  it('selects a municipality by its 4-digit ref:gemeentecode', () => {
    expect(buildOverpassQuery({ kind: 'municipality', code: 'GM0193' })).toContain('["admin_level"="8"]["ref:gemeentecode"="0193"]->.searchArea;');
  });

  it('selects the province by admin_level 4 and name', () => {
    expect(buildOverpassQuery({ kind: 'province' })).toContain('["admin_level"="4"]["name"="Overijssel"]');
  });

  it('writes a bounding box as south,west,north,east', () => {
    expect(buildOverpassQuery({ kind: 'bbox', bbox: [6.0, 52.4, 6.2, 52.6] })).toContain('nwr["shop"="supermarket"](52.4,6,52.6,6.2);');
  });

  it('has one statement per tag filter', () => {
    const statements = buildOverpassQuery({ kind: 'province' }).split('\n').filter((line) => line.trim().startsWith('nwr'));
    expect(statements).toHaveLength(OVERPASS_TAG_FILTERS.length);
  });

  it('asks for centres of ways and relations', () => {
    expect(buildOverpassQuery({ kind: 'province' }).trim().endsWith('out center tags;')).toBe(true);
  });

  it('sets the server time limit', () => {
    expect(buildOverpassQuery({ kind: 'province' }, { timeoutSeconds: 60 }).startsWith('[out:json][timeout:60];')).toBe(true);
  });
});

describe('gemeentecodeTag', () => {
  it.each([
    ['GM0193', '0193'],
    ['gm0141', '0141'],
    ['193', '0193'],
  ])('%s -> %s', (code, tag) => {
    expect(gemeentecodeTag(code)).toBe(tag);
  });

  it('refuses something that is not a code', () => {
    expect(() => gemeentecodeTag('Zwolle')).toThrow(RangeError);
  });
});

describe('overpassAreaKey', () => {
  it('keys a municipality by its CBS code', () => {
    expect(overpassAreaKey({ kind: 'municipality', code: 'GM0193' })).toBe('GM0193');
  });
});
