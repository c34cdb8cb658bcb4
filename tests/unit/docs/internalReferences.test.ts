// geo/ and the README cite sources by public document or dataset: no internal file names, line numbers
// or machine paths (the built app is scanned in tests/e2e/internalReferences.e2e.test.ts).

import { describe, expect, it } from 'vitest';
import { findInternalReferences, listTextFiles, scanFiles } from '../../support/internalReferences';

describe('internal references', () => {
  it('are recognised in the forms they took', () => {
    const samples = [
      'seed 002_8ecf002adffa1644.txt (tekst uit pdf) r. 360-389',
      'Tabel 1 (seed 002, lines 360–389)',
      'the text (line 314) prints 7.960',
      'Full provenance: `/work/shared/geo-sources/SOURCES.md` §8.',
      'the policy documents in `shared/seeds/`',
      'zie regel 12',
    ];
    for (const sample of samples) expect(findInternalReferences(sample, 'sample'), sample).not.toEqual([]);
  });

  it('leave public citations alone', () => {
    const citations = [
      'Hoofdstuk 2, Tabel 1 "Overzicht reeds gerealiseerde woningen", p. 6',
      'StatLine 85984NED, CC BY 4.0, 2024',
      'Bijlage 1 "Overzicht sleutelprojecten" (52 rijen)',
      'outline (geo/boundaries/overijssel-provincie-cbs-2026.geojson)',
      'licence text at https://github.com/maplibre/maplibre-gl-js/blob/v6.17.0/LICENSE.txt',
    ];
    for (const citation of citations) expect(findInternalReferences(citation, 'sample'), citation).toEqual([]);
  });

  it('appear nowhere in geo/ or the README', () => {
    const files = ['README.md', ...listTextFiles('geo')];
    expect(files.length).toBeGreaterThan(10);
    expect(scanFiles(files)).toEqual([]);
  });
});
