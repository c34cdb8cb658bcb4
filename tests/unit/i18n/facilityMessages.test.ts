// Every issue code the facility import, OSM, geocoding and storage code can emit has a message in
// both languages. Literal codes are collected from the source files so a new code cannot be missed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, isMessageKey } from '../../../src/i18n/catalogue';
import type { OverpassErrorKind } from '../../../src/data/osm/fetchOverpass';

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const facilitySources = [...sourceFiles('src/data'), ...sourceFiles('src/storage')];
const literalCodes = [
  ...new Set(facilitySources.flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/code: '([a-zA-Z]+\.[a-zA-Z.-]+)'/g)].map((match) => match[1] as string))),
];

describe('facility issue codes', () => {
  it('finds the literal codes in the source (sanity check of the scan)', () => {
    expect(literalCodes).toContain('import.unknownCategory');
  });

  it.each(literalCodes)('%s is in the catalogue in nl and en', (code) => {
    expect(isMessageKey(code)).toBe(true);
    if (!isMessageKey(code)) return;
    expect(catalogue.nl[code]).not.toBe('');
    expect(catalogue.en[code]).not.toBe('');
  });

  const overpassKinds: OverpassErrorKind[] = ['offline', 'network', 'timeout', 'cancelled', 'rateLimited', 'gatewayTimeout', 'httpError', 'malformedResponse', 'queryFailed'];
  it.each(overpassKinds)('osm.%s is in the catalogue', (kind) => {
    expect(isMessageKey(`osm.${kind}`)).toBe(true);
  });

  it.each(['fileEmpty', 'fileBinary', 'fileHtml', 'jsonNotGeoJson'])('import.%s is in the catalogue', (name) => {
    expect(isMessageKey(`import.${name}`)).toBe(true);
  });
});
