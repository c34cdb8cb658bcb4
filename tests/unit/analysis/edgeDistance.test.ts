import { describe, expect, it } from 'vitest';
import { createEdgeDistanceIndex } from '../../../src/analysis/edgeDistance';
import { createAreaIndex } from '../../../src/analysis/areaIndex';
import { seededRandom } from '../../support/seededRandom';

// A square of about 2.7 × 2.2 km around Zwolle with a square hole, as rings of [lon, lat].
const OUTER = [[6.07, 52.5], [6.11, 52.5], [6.11, 52.52], [6.07, 52.52], [6.07, 52.5]];
const HOLE = [[6.085, 52.505], [6.095, 52.505], [6.095, 52.512], [6.085, 52.512], [6.085, 52.505]];

describe('createEdgeDistanceIndex', () => {
  const index = createEdgeDistanceIndex([OUTER, HOLE]);
  const bruteForce = createAreaIndex({ type: 'Polygon', coordinates: [OUTER, HOLE] });

  it('gives the distance to the nearest edge, capped at the limit, as a search over every edge does', () => {
    const random = seededRandom(3);
    for (let sample = 0; sample < 2000; sample++) {
      const point: [number, number] = [6.05 + random() * 0.08, 52.49 + random() * 0.04];
      const limit = 50 + random() * 3000;
      expect(index.distanceWithinMeters(point, limit)).toBeCloseTo(Math.min(limit, bruteForce.distanceToEdgeMeters(point)), 6);
    }
  });

  it('answers the limit when no edge lies within it, and 0 for a zero limit', () => {
    expect(index.distanceWithinMeters([7, 52], 500)).toBe(500);
    expect(index.distanceWithinMeters([6.09, 52.5], 0)).toBe(0);
    expect(createEdgeDistanceIndex([]).distanceWithinMeters([6.09, 52.5], 300)).toBe(300);
  });
});
