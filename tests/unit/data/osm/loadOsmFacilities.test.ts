// Tests for the OSM load orchestration (fake fetch answering in Overpass JSON shape) and cache age.
import { describe, expect, it } from 'vitest';
import { downloadNeedsConfirmation, isOsmCacheFresh, loadOsmFacilities } from '../../../../src/data/osm/loadOsmFacilities';

const overpassAnswer = (elements: unknown[]) => async () => new Response(JSON.stringify({ version: 0.6, elements }), { status: 200 });
const fixedNow = () => new Date('2026-11-23T10:00:00Z');

describe('loadOsmFacilities', () => {
  it('returns facilities under a dataset for the area', async () => {
    const result = await loadOsmFacilities({ kind: 'municipality', code: 'GM0193' }, {
      datasetName: 'OSM Zwolle',
      isOnline: () => true,
      now: fixedNow,
      fetch: overpassAnswer([{ type: 'node', id: 1, lat: 52.51, lon: 6.09, tags: { amenity: 'pharmacy' } }]),
    });
    expect(result.dataset).toMatchObject({ id: 'osm-GM0193', retrievedAt: '2026-11-23T10:00:00.000Z' });
    expect(result.facilities.map((facility) => [facility.id, facility.datasetId])).toEqual([['node/1', 'osm-GM0193']]);
  });

  it('keeps only points inside the given polygon', async () => {
    const square = { type: 'Polygon' as const, coordinates: [[[6.0, 52.4], [6.2, 52.4], [6.2, 52.6], [6.0, 52.6], [6.0, 52.4]]] };
    const result = await loadOsmFacilities({ kind: 'bbox', bbox: [6.0, 52.4, 6.6, 52.6] }, {
      datasetName: 'OSM',
      areaPolygon: square,
      isOnline: () => true,
      fetch: overpassAnswer([
        { type: 'node', id: 1, lat: 52.5, lon: 6.1, tags: { shop: 'supermarket' } },
        { type: 'node', id: 2, lat: 52.5, lon: 6.5, tags: { shop: 'supermarket' } },
      ]),
    });
    expect(result.facilities.map((facility) => facility.id)).toEqual(['node/1']);
  });

  it('drops points outside Overijssel when no polygon is given', async () => {
    const result = await loadOsmFacilities({ kind: 'province' }, {
      datasetName: 'OSM',
      isOnline: () => true,
      fetch: overpassAnswer([{ type: 'node', id: 3, lat: 52.37, lon: 4.9, tags: { shop: 'supermarket' } }]),
    });
    expect(result.facilities).toEqual([]);
    expect(result.skipped).toMatchObject([{ code: 'osm.skipped.outsideProvince', record: 'node/3' }]);
  });
});

describe('downloadNeedsConfirmation', () => {
  it.each([
    [36, 0, true],
    [36, 17, true],
    [36, 18, false],
    [36, 40, false],
    [null, 0, true],
    [null, 5, false],
    [0, 0, true],
  ] as const)('previous %s, new %s → ask: %s', (previous, next, expected) => {
    expect(downloadNeedsConfirmation(previous, next)).toBe(expected);
  });
});

describe('isOsmCacheFresh', () => {
  it('accepts a download of three days ago', () => {
    expect(isOsmCacheFresh('2026-11-20T10:00:00Z', fixedNow())).toBe(true);
  });

  it('refuses a download of eight days ago', () => {
    expect(isOsmCacheFresh('2026-11-15T10:00:00Z', fixedNow())).toBe(false);
  });

  it('refuses an unreadable date', () => {
    expect(isOsmCacheFresh('gisteren', fixedNow())).toBe(false);
  });
});
