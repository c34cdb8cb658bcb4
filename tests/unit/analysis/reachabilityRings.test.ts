import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import { InvalidNormsError, WOONZORGZONE_PROFILE } from '../../../src/domain/norms';
import { ringsFor, ringsForHousingType } from '../../../src/analysis/reachabilityRings';

const CENTRE: [number, number] = [6.09, 52.51];

describe('ringsFor', () => {
  it('puts every vertex at the radius from the centre (within 0.5 %)', () => {
    const rings = ringsFor(CENTRE, [300, 500, 800]);
    for (const ring of rings.features) {
      for (const vertex of ring.geometry.coordinates[0]!) {
        const meters = distance(CENTRE, vertex, { units: 'meters' });
        expect(Math.abs(meters - ring.properties.radiusMeters) / ring.properties.radiusMeters).toBeLessThan(0.005);
      }
    }
  });

  it('returns the largest ring first so smaller rings draw on top', () => {
    const rings = ringsFor(CENTRE, [300, 800, 500]);
    expect(rings.features.map((ring) => ring.properties.radiusMeters)).toEqual([800, 500, 300]);
  });

  it('uses the requested number of steps (closed ring: steps + 1 positions)', () => {
    const rings = ringsFor(CENTRE, [400], { steps: 32 });
    expect(rings.features[0]!.geometry.coordinates[0]!.length).toBe(33);
  });

  it('rejects a zero, negative or absurd radius', () => {
    expect(() => ringsFor(CENTRE, [0])).toThrow(InvalidNormsError);
    expect(() => ringsFor(CENTRE, [-10])).toThrow(InvalidNormsError);
    expect(() => ringsFor(CENTRE, [60_000])).toThrow(InvalidNormsError);
  });
});

describe('ringsForHousingType', () => {
  it('draws one ring per distinct norm distance with the categories that use it', () => {
    const rings = ringsForHousingType(CENTRE, WOONZORGZONE_PROFILE, 'nultreden');
    const summary = rings.features.map((ring) => [ring.properties.radiusMeters, [...ring.properties.categories].sort()]);
    expect(summary).toEqual([
      [500, ['apotheek', 'huisarts', 'supermarkt']],
      [300, ['ovHalte']],
    ]);
  });
});
