// The province test: bounding box first, then the slab ray cast; checked against turf on the real outline.
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaIndexFor, createAreaIndex } from '../../../src/analysis/areaIndex';
import { isInsideBounds, OVERIJSSEL_BOUNDS } from '../../../src/domain/geography';
import { seededRandom } from '../../support/seededRandom';
import { readGeoJson } from '../data/geoFiles';

const province = (readGeoJson('geo/boundaries/overijssel-provincie-cbs-2026.geojson') as { features: Array<{ geometry: Polygon | MultiPolygon }> }).features[0]!.geometry;

/** Town centres just across the border: inside Overijssel's bounding box, outside the province. */
const OUTSIDE_IN_BOUNDS: Record<string, [number, number]> = {
  Nordhorn: [7.0708, 52.4336],
  Hoogeveen: [6.4764, 52.7225],
  Apeldoorn: [5.9699, 52.2112],
};
const INSIDE: Record<string, [number, number]> = {
  Zwolle: [6.0944, 52.5125],
  Enschede: [6.8937, 52.2215],
  Deventer: [6.1552, 52.2551],
  Steenwijk: [6.1186, 52.7873],
  Denekamp: [7.0058, 52.3772],
};

describe('areaIndex on the Overijssel outline', () => {
  const index = createAreaIndex(province);

  it.each(Object.entries(OUTSIDE_IN_BOUNDS))('%s lies in the bounding box but outside the province', (_name, point) => {
    expect(isInsideBounds(point, OVERIJSSEL_BOUNDS)).toBe(true);
    expect(index.contains(point)).toBe(false);
    expect(index.distanceToEdgeMeters(point)).toBeGreaterThan(1000);
  });

  it.each(Object.entries(INSIDE))('%s lies inside the province', (_name, point) => {
    expect(index.contains(point)).toBe(true);
  });

  it('agrees with turf for 20,000 seeded points in and around the bounding box', () => {
    const random = seededRandom(7);
    const [west, south, east, north] = OVERIJSSEL_BOUNDS;
    let disagreements = 0;
    for (let count = 0; count < 20_000; count += 1) {
      const point: [number, number] = [west - 0.05 + random() * (east - west + 0.1), south - 0.05 + random() * (north - south + 0.1)];
      if (index.contains(point) !== booleanPointInPolygon(point, province)) disagreements += 1;
    }
    expect(disagreements).toBe(0);
  });

  it('covers: inside, or exactly on an edge or vertex (as turf answers), for every vertex and points beside it', () => {
    const vertices = (province.type === 'Polygon' ? province.coordinates : province.coordinates.flat()).flat() as [number, number][];
    let disagreements = 0;
    for (const [x, y] of vertices) {
      for (const point of [[x, y], [x + 1e-7, y], [x, y - 1e-7]] as [number, number][]) {
        if (index.covers(point) !== booleanPointInPolygon(point, province)) disagreements += 1;
      }
    }
    expect(disagreements).toBe(0);
    // a vertex is on the outline: covered, whatever the ray cast says
    expect(index.covers(vertices[0]!)).toBe(true);
  });

  it('measures the distance to the border in metres', () => {
    // a point 0.01° (about 680 m) east of the outline's easternmost vertex
    const [, , east] = index.bounds;
    const easternmost = (province.type === 'Polygon' ? province.coordinates : province.coordinates.flat()).flat().find(([x]) => x === east) as [number, number];
    expect(index.distanceToEdgeMeters([east + 0.01, easternmost[1]])).toBeGreaterThan(600);
    expect(index.distanceToEdgeMeters([east + 0.01, easternmost[1]])).toBeLessThan(700);
  });

  it('excludes holes (even-odd rule)', () => {
    const square = (size: number) => [[[-size, -size], [size, -size], [size, size], [-size, size], [-size, -size]]];
    const withHole: Polygon = { type: 'Polygon', coordinates: [...square(2), ...square(1)] };
    const holed = createAreaIndex(withHole);
    expect(holed.contains([1.5, 0])).toBe(true);
    expect(holed.contains([0, 0])).toBe(false);
    expect(holed.contains([3, 0])).toBe(false);
  });

  it('builds an outline once and reuses it', () => {
    expect(areaIndexFor(province)).toBe(areaIndexFor(province));
  });
});
