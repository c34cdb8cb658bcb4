// Geometry checks of untrusted GeoJSON: type, ring structure and coordinates inside Overijssel.

import { describe, expect, it } from 'vitest';
import { checkGeometry, POINT_BOUNDS, POLYGON_BOUNDS, readFeatureCollection } from '../../../src/data/geojsonInput';
import { DatasetError } from '../../../src/domain/dataIssue';

const ring = (west: number, south: number, sizeDegrees: number): number[][] => [
  [west, south], [west + sizeDegrees, south], [west + sizeDegrees, south + sizeDegrees], [west, south + sizeDegrees], [west, south],
];

describe('checkGeometry', () => {
  it('accepts a point inside Overijssel', () => {
    expect(checkGeometry({ type: 'Point', coordinates: [6.09, 52.51] }, ['Point'], POINT_BOUNDS)).toBeNull();
  });

  it('rejects swapped latitude and longitude', () => {
    expect(checkGeometry({ type: 'Point', coordinates: [52.51, 6.09] }, ['Point'], POINT_BOUNDS)).toEqual({ code: 'data.coordinateOutOfRange', lon: 52.51, lat: 6.09 });
  });

  it('rejects RD New metres', () => {
    expect(checkGeometry({ type: 'Point', coordinates: [203000, 503000] }, ['Point'], POINT_BOUNDS)).toMatchObject({ code: 'data.coordinateOutOfRange' });
  });

  it('rejects a geometry of another type than allowed', () => {
    expect(checkGeometry({ type: 'LineString', coordinates: [[6, 52.5], [6.1, 52.5]] }, ['Polygon'], POLYGON_BOUNDS)).toMatchObject({ code: 'data.invalidGeometry' });
  });

  it('rejects a missing geometry', () => {
    expect(checkGeometry(null, ['Point'], POINT_BOUNDS)).toEqual({ code: 'data.invalidGeometry', reason: 'missing' });
  });

  it('rejects a ring that is not closed', () => {
    const open = ring(6, 52.4, 0.1).slice(0, 4).concat([[6.01, 52.4]]);
    expect(checkGeometry({ type: 'Polygon', coordinates: [open] }, ['Polygon'], POLYGON_BOUNDS)).toEqual({ code: 'data.invalidGeometry', reason: 'ring is not closed' });
  });

  it('allows a polygon edge just past the bounding box, within the tolerance', () => {
    const east = POINT_BOUNDS[2];
    expect(checkGeometry({ type: 'Polygon', coordinates: [ring(east - 0.1, 52.4, 0.105)] }, ['Polygon'], POLYGON_BOUNDS)).toBeNull();
  });

  it('rejects a multipolygon part far outside Overijssel', () => {
    const geometry = { type: 'MultiPolygon', coordinates: [[ring(6, 52.4, 0.1)], [ring(4.8, 52.3, 0.1)]] };
    expect(checkGeometry(geometry, ['MultiPolygon'], POLYGON_BOUNDS)).toEqual({ code: 'data.coordinateOutOfRange', lon: 4.8, lat: 52.3 });
  });
});

describe('readFeatureCollection', () => {
  it('throws a wrongShape DatasetError for a bare array', () => {
    expect(() => readFeatureCollection([], 'x.geojson')).toThrow(DatasetError);
  });

  it('throws for a top-level __proto__ key', () => {
    const poisoned = JSON.parse('{"type": "FeatureCollection", "features": [], "__proto__": {}}') as unknown;
    expect(() => readFeatureCollection(poisoned, 'x.geojson')).toThrow(expect.objectContaining({ issue: expect.objectContaining({ code: 'data.forbiddenKey' }) }));
  });
});
