import { describe, expect, it } from 'vitest';
import { mapLabelName, OVERIJSSEL_MUNICIPALITY_NAMES } from '../../../src/domain/geography';

describe('mapLabelName', () => {
  it('drops the province suffix that tells a name apart from a namesake elsewhere', () => {
    expect(mapLabelName('Hengelo (O.)')).toBe('Hengelo');
    expect(mapLabelName('Bergen (NH.) ')).toBe('Bergen');
  });

  it('keeps names without a suffix, and names that are only brackets', () => {
    expect(mapLabelName('Hof van Twente')).toBe('Hof van Twente');
    expect(mapLabelName('Rijssen-Holten')).toBe('Rijssen-Holten');
    expect(mapLabelName('(O.)')).toBe('(O.)');
  });

  it('gives every Overijssel municipality a distinct map name', () => {
    const names = Object.values(OVERIJSSEL_MUNICIPALITY_NAMES).map(mapLabelName);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name, index) => name !== Object.values(OVERIJSSEL_MUNICIPALITY_NAMES)[index])).toEqual(['Hengelo']);
  });
});
