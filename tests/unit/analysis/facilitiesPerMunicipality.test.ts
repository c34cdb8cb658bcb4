import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { countFacilitiesPerMunicipality, municipalityLocator } from '../../../src/analysis/facilitiesPerMunicipality';
import type { Facility, FacilityCategory } from '../../../src/domain/facility';
import { readGeoJson } from '../data/geoFiles';
import { seededRandom } from '../../support/seededRandom';

const square = (code: string, west: number, south: number, size: number): Feature<Polygon, { code: string }> => ({
  type: 'Feature',
  properties: { code },
  geometry: {
    type: 'Polygon',
    coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]],
  },
});
const facility = (id: string, category: FacilityCategory, location: [number, number]): Facility => ({
  id, name: id, category, location, datasetId: 'test', attributes: {},
});

describe('countFacilitiesPerMunicipality', () => {
  const municipalities = [square('GM1', 6.0, 52.0, 0.1), square('GM2', 6.1, 52.0, 0.1)];

  it('counts each facility in the municipality that contains it, per category', () => {
    const counts = countFacilitiesPerMunicipality(
      [facility('a', 'huisarts', [6.05, 52.05]), facility('b', 'huisarts', [6.06, 52.04]), facility('c', 'apotheek', [6.15, 52.05])],
      municipalities,
    );
    expect(counts.get('GM1')?.huisarts).toBe(2);
    expect(counts.get('GM1')?.apotheek).toBe(0);
    expect(counts.get('GM2')?.apotheek).toBe(1);
  });

  it('ignores facilities outside every municipality', () => {
    const counts = countFacilitiesPerMunicipality([facility('x', 'supermarkt', [7.5, 53.0])], municipalities);
    expect(counts.get('GM1')?.supermarkt).toBe(0);
    expect(counts.get('GM2')?.supermarkt).toBe(0);
  });
});

describe('municipalityLocator', () => {
  const boundaries = readGeoJson('geo/boundaries/overijssel-gemeenten-cbs-2026.geojson') as FeatureCollection<Polygon | MultiPolygon, { statcode: string }>;
  const municipalities = boundaries.features.map((feature) => ({ ...feature, properties: { code: feature.properties.statcode } }));
  /** The plain answer: the first municipality whose polygon holds the point. */
  const plain = (point: [number, number]) => municipalities.find((feature) => booleanPointInPolygon(point, feature))?.properties.code ?? null;

  it('gives the point-in-polygon answer for random points and for points on and beside every boundary vertex', () => {
    const locate = municipalityLocator(municipalities);
    const random = seededRandom(7);
    const [west, south, east, north] = bbox(boundaries);
    const points: Array<[number, number]> = Array.from({ length: 4000 }, () => [west - 0.05 + random() * (east - west + 0.1), south - 0.05 + random() * (north - south + 0.1)]);
    for (const feature of municipalities.slice(0, 6)) {
      const rings = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
      for (const [lon, lat] of rings.flat(2).filter((_, index) => index % 5 === 0) as Array<[number, number]>) {
        points.push([lon, lat], [lon + 0.0003, lat], [lon, lat - 0.0003]);
      }
    }
    const mismatches = points.filter((point) => locate(point) !== plain(point));
    expect(mismatches).toEqual([]);
    expect(new Set(points.map(locate)).size).toBeGreaterThan(20);
  });

  it('finds nothing without municipalities', () => {
    expect(municipalityLocator([])([6.1, 52.5])).toBeNull();
  });
});
