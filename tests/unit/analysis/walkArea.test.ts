import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { walkingTimeAreas } from '../../../src/analysis/walkArea';
import { buildWalkGraph } from '../../../src/analysis/walkGraph';
import { at, gridTown } from '../../support/walkNetworks';

// 1.2 km/h = 20 m per minute: 5 / 10 / 15 minutes are 100 / 200 / 300 m, easy to check by hand
const SPEED = 1.2;

function areas(options: { river?: boolean }, x: number, y: number) {
  const result = walkingTimeAreas(buildWalkGraph(gridTown(options).build()), at(x, y), SPEED);
  if (!result.ok) throw new Error('no route');
  return result;
}

function inside(result: ReturnType<typeof areas>, minutes: number, x: number, y: number): boolean {
  const feature = result.areas.features.find((area) => area.properties.minutes === minutes)!;
  return booleanPointInPolygon(at(x, y), feature);
}

describe('walkingTimeAreas', () => {
  it('reaches the streets within 300 m over the grid: 3,600 m of street from a crossing', () => {
    // every grid line within Manhattan distance 300 of (500, 500): 2 × (600 + 2 × 400 + 2 × 200)
    const result = areas({}, 500, 500);
    expect(result.reachedStreetMeters).toBeCloseTo(3600, 0);
    expect(result.areas.features.map((area) => [area.properties.minutes, area.properties.meters])).toEqual([
      [15, 300],
      [10, 200],
      [5, 100],
    ]);
    expect(result.snapMeters).toBeLessThan(0.01);
  });

  it('draws the bands as areas around the reached streets (50 m either side)', () => {
    const result = areas({}, 500, 500);
    expect(inside(result, 15, 750, 500)).toBe(true); // 250 m along the street
    expect(inside(result, 10, 750, 500)).toBe(false);
    expect(inside(result, 5, 580, 500)).toBe(true);
    expect(inside(result, 15, 850, 500)).toBe(false); // 350 m along the street
    expect(inside(result, 15, 600, 620)).toBe(true); // 20 m off a street point 220 m away
    expect(inside(result, 15, 500, 1000)).toBe(false);
  });

  it('does not cross the river: the north bank 200 m away is outside 15 minutes', () => {
    const result = areas({ river: true }, 0, 400);
    expect(inside(result, 15, 0, 300)).toBe(true);
    expect(inside(result, 15, 0, 600)).toBe(false);
    expect(result.streets.features.every((street) => street.geometry.coordinates.every(([, lat]) => lat! < at(0, 500)[1]))).toBe(true);
  });

  it('labels each reached street piece with the band that reaches its far end', () => {
    const result = areas({}, 500, 500);
    const bands = new Set(result.streets.features.map((street) => street.properties.minutes));
    expect([...bands].sort((a, b) => a - b)).toEqual([5, 10, 15]);
  });

  it('gives "geen route" far from any street', () => {
    expect(walkingTimeAreas(buildWalkGraph(gridTown().build()), at(-500, 500), SPEED)).toEqual({ ok: false, reason: 'noStreetNearby', maxSnapMeters: 200 });
  });

  it('refuses a walking speed that is not a positive number', () => {
    expect(() => walkingTimeAreas(buildWalkGraph(gridTown().build()), at(0, 0), 0)).toThrow(RangeError);
  });
});
