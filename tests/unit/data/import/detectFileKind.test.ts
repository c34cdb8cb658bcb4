// Tests for the first look at an uploaded file: empty, binary, HTML, GeoJSON, plain JSON, CSV, BOM.
import { describe, expect, it } from 'vitest';
import { detectFileKindFromBytes, detectFileKindFromText } from '../../../../src/data/import/detectFileKind';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('detectFileKindFromBytes', () => {
  it('calls a 0-byte file empty', () => {
    expect(detectFileKindFromBytes(new Uint8Array(0)).kind).toBe('empty');
  });

  it('calls a file with NUL bytes binary', () => {
    expect(detectFileKindFromBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])).kind).toBe('binary');
  });

  it('calls invalid UTF-8 with control bytes binary', () => {
    expect(detectFileKindFromBytes(new Uint8Array([0x6e, 0x61, 0xff, 0x03, 0x6d])).kind).toBe('binary');
  });

  it('reads a Windows-1252 CSV from Excel as CSV with its accents', () => {
    // "naam;plaats\nCafé;Almelo" with é as the single byte 0xE9.
    const excelBytes = new Uint8Array([...bytes('naam;plaats\nCaf'), 0xe9, ...bytes(';Almelo')]);
    const result = detectFileKindFromBytes(excelBytes);
    expect([result.kind, result.encoding, result.text.includes('Café')]).toEqual(['csv', 'windows-1252', true]);
  });

  it('strips a UTF-8 byte order mark', () => {
    const result = detectFileKindFromBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('naam;lat;lon\n')]));
    expect(result.text.startsWith('naam')).toBe(true);
  });
});

describe('detectFileKindFromText', () => {
  it.each([
    ['<!DOCTYPE html><html><body>502 Bad Gateway</body></html>', 'html'],
    ['  <html lang="nl"><head>', 'html'],
    ['{"type":"FeatureCollection","features":[]}', 'geojson'],
    ['{ "features": [] , "type" : "FeatureCollection"}', 'geojson'],
    ['{"type":"Feature","geometry":null,"properties":{}}', 'geojson'],
    ['{"rows":[1,2,3]}', 'json'],
    ['naam;categorie;lat;lon\nA;apotheek;52,5;6,1', 'csv'],
    ['   \n\t ', 'empty'],
  ] as const)('%j -> %s', (text, kind) => {
    expect(detectFileKindFromText(text).kind).toBe(kind);
  });

  it('sees GeoJSON behind a BOM', () => {
    expect(detectFileKindFromText('\uFEFF{"type":"FeatureCollection","features":[]}').kind).toBe('geojson');
  });
});
