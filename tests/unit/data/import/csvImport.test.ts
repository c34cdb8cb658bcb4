// Tests for CSV dialect handling: separator detection, decimal commas, header-based mapping suggestions.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseDecimalNumber, readCsvTable, suggestColumnMapping } from '../../../../src/data/import/csvImport';

describe('detectDelimiter', () => {
  it('picks ; for a Dutch Excel header', () => {
    expect(detectDelimiter('naam;categorie;breedtegraad;lengtegraad\n')).toBe(';');
  });

  it('picks , for an English header', () => {
    expect(detectDelimiter('name,category,lat,lon\n')).toBe(',');
  });

  it('ignores separators inside quotes', () => {
    expect(detectDelimiter('"naam, volledig";type;x;y\n')).toBe(';');
  });

  it('picks tab for a tab-separated header', () => {
    expect(detectDelimiter('naam\ttype\tx\ty\n')).toBe('\t');
  });
});

describe('parseDecimalNumber', () => {
  it.each([
    ['52,5123', 52.5123],
    ['52.5123', 52.5123],
    [' 6,09 ', 6.09],
    ['203000', 203000],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['-0,5', -0.5],
  ] as const)('%s -> %d', (text, value) => {
    expect(parseDecimalNumber(text)).toBe(value);
  });

  it.each(['', 'abc', '52,1,2', '52.1.2', '6,1e'])('%j is not a number', (text) => {
    expect(parseDecimalNumber(text)).toBeNaN();
  });
});

describe('suggestColumnMapping', () => {
  it('maps Dutch header names', () => {
    expect(suggestColumnMapping(['Naam', 'Categorie', 'Lengtegraad', 'Breedtegraad', 'Plaats'])).toEqual({
      nameColumn: 'Naam',
      categoryColumn: 'Categorie',
      xColumn: 'Lengtegraad',
      yColumn: 'Breedtegraad',
      addressColumns: ['Plaats'],
    });
  });

  it('maps RD x/y headers', () => {
    const mapping = suggestColumnMapping(['name', 'type', 'X', 'Y']);
    expect([mapping.xColumn, mapping.yColumn]).toEqual(['X', 'Y']);
  });

  it('leaves out what it cannot guess', () => {
    expect(suggestColumnMapping(['kolom1', 'kolom2'])).toEqual({});
  });
});

describe('readCsvTable', () => {
  it('keeps quoted separators inside a cell', () => {
    const table = readCsvTable('naam,type\n"Apotheek, centrum",apotheek\n');
    expect(table.rows[0]).toEqual(['Apotheek, centrum', 'apotheek']);
  });
});
