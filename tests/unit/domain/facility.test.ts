// Tests for the facility constructor and small helpers.
import { describe, expect, it } from 'vitest';
import { createFacility, facilityKey, isFacilityCategory, limitName, MAX_NAME_LENGTH } from '../../../src/domain/facility';

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
