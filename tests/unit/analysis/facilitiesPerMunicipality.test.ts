import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { countFacilitiesPerMunicipality } from '../../../src/analysis/facilitiesPerMunicipality';
import type { Facility, FacilityCategory } from '../../../src/domain/facility';

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
