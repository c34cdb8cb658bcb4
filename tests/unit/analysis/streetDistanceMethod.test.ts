import { describe, expect, it } from 'vitest';
import { categoryCode, type FacilityCategory } from '../../../src/domain/facility';
import { FacilityIndex, type PackedFacilities } from '../../../src/analysis/facilityIndex';
import { StreetDistanceMethod } from '../../../src/analysis/streetDistanceMethod';
import { buildWalkGraph } from '../../../src/analysis/walkGraph';
import { at, gridTown } from '../../support/walkNetworks';

function packed(facilities: [string, FacilityCategory, number, number][]): PackedFacilities {
  return {
    ids: facilities.map(([id]) => id),
    coordinates: Float64Array.from(facilities.flatMap(([, , x, y]) => at(x, y))),
    categoryCodes: Uint8Array.from(facilities.map(([, category]) => categoryCode(category))),
  };
}

describe('StreetDistanceMethod', () => {
  const facilities = packed([
    ['super-north', 'supermarkt', 0, 620], // across the river from the south-west corner
    ['super-south', 'supermarkt', 900, 0],
    ['gp-far', 'huisarts', -600, 0], // 600 m west of the town: no street within 200 m
  ]);
  const graph = buildWalkGraph(gridTown({ river: true, island: true }).build());
  const street = new StreetDistanceMethod(graph, facilities);
  const crow = new FacilityIndex(facilities);

  it('finds the nearest facility over the street, which can differ from the nearest as the crow flies', () => {
    const point = at(0, 400);
    expect(crow.nearest('supermarkt', point)!.facilityId).toBe('super-north');
    const walk = street.nearest('supermarkt', point)!;
    // to super-south: 400 south + 900 east; to super-north: 1000 + 200 + 1000 + 20
    expect(walk.facilityId).toBe('super-south');
    expect(walk.distanceMeters).toBeCloseTo(1300, 1);
    expect(walk.method).toBe('overStraat');
    expect(street.nearest('supermarkt', point, 1000)).toBeNull();
  });

  it('says why there is no route', () => {
    expect(street.overStreet('supermarkt', at(2050, 50))).toMatchObject({ kind: 'noRoute', reason: 'notConnected' });
    expect(street.overStreet('supermarkt', at(500, 500)).kind).toBe('route');
    expect(street.overStreet('huisarts', at(0, 0))).toMatchObject({ kind: 'noRoute', reason: 'notConnected' });
    expect(street.offNetworkCount('huisarts')).toBe(1);
    expect(street.overStreet('apotheek', at(0, 0))).toEqual({ kind: 'noFacility' });
  });

  it('a point outside the downloaded area is outside the network (callers fall back to hemelsbreed)', () => {
    expect(street.overStreet('supermarkt', at(-300, 0))).toEqual({ kind: 'outsideNetwork' });
    expect(street.isInside(at(-300, 0))).toBe(false);
    const inArea = new StreetDistanceMethod(graph, facilities, { isInsideArea: () => true });
    expect(inArea.overStreet('supermarkt', at(-300, 0))).toMatchObject({ kind: 'noRoute', reason: 'farFromStreet', maxSnapMeters: 200 });
  });

  it('knows the same categories as hemelsbreed', () => {
    for (const category of ['supermarkt', 'huisarts', 'apotheek'] as const) expect(street.hasCategory(category)).toBe(crow.hasCategory(category));
  });
});
