// The built app (every text file in dist/: HTML, JS, the embedded data) shows no internal file names,
// text-extraction line numbers or machine paths; sources are cited by public document or dataset.

import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listTextFiles, scanFiles } from '../support/internalReferences';

describe('the built app', () => {
  it('holds no internal file names, line references or machine paths', () => {
    expect(existsSync('dist/index.html')).toBe(true);
    const files = listTextFiles('dist');
    expect(files.some((file) => file.endsWith('.js'))).toBe(true);
    expect(files).toContain('dist/geo/sources.json');
    expect(scanFiles(files)).toEqual([]);
  });
});
