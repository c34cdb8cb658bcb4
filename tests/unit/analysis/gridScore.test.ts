import { describe, expect, it } from 'vitest';
import type { FacilityCategory } from '../../../src/domain/facility';
import { HOUSING_TYPES } from '../../../src/domain/housing';
import { WALKING_SPEED_PRESETS, WOONZORGZONE_PROFILE } from '../../../src/domain/norms';
import { FacilityIndex } from '../../../src/analysis/facilityIndex';
import { scoreFromFields, scoreGrid } from '../../../src/analysis/gridScore';
import { NearestFacilityField, preparePoints } from '../../../src/analysis/nearestFacilityField';
import { buildProvinceGrid } from '../../../src/analysis/provinceGrid';
import { analyseLocation } from '../../../src/analysis/reachability';
import { randomPackedFacilities, randomPoints, rectangle, seededRandom } from './reachabilityFactories';

// Dense facilities in a small box so norms of 300–500 m are sometimes met and sometimes not.
function denseSetUp(seed: number) {
  const random = seededRandom(seed);
  const packed = randomPackedFacilities(random, 1200, ['supermarkt', 'huisarts', 'apotheek', 'ovHalte', 'ontmoetingsplek']);
  for (let position = 0; position < packed.coordinates.length; position += 2) {
    packed.coordinates[position] = 6.0 + (packed.coordinates[position]! - 5.777) * 0.1;
    packed.coordinates[position + 1] = 52.4 + (packed.coordinates[position + 1]! - 52.118) * 0.1;
  }
  const points = randomPoints(random, 400).map((value, position) => (position % 2 === 0 ? 6.0 + (value - 5.777) * 0.1 : 52.4 + (value - 52.118) * 0.1));
  return { index: new FacilityIndex(packed), prepared: preparePoints(points), points };
}

describe('scoreGrid', () => {
  it('counts the same norms met per cell as analyseLocation', () => {
    const { index, prepared, points } = denseSetUp(31);
    for (const housingType of HOUSING_TYPES) {
      const score = scoreGrid(prepared, index, WOONZORGZONE_PROFILE, { kind: 'normsMet', housingType });
      for (let cell = 0; cell < prepared.count; cell++) {
        const location: [number, number] = [points[2 * cell]!, points[2 * cell + 1]!];
        const expected = analyseLocation(location, index, WOONZORGZONE_PROFILE, WALKING_SPEED_PRESETS.ouder).housingTypes[housingType].metCount;
        expect(score.values[cell]).toBe(expected);
      }
    }
  });

  it('gives the nearest distance per cell like FacilityIndex.nearest', () => {
    const { index, prepared, points } = denseSetUp(32);
    const score = scoreGrid(prepared, index, WOONZORGZONE_PROFILE, { kind: 'distance', category: 'huisarts' });
    for (let cell = 0; cell < prepared.count; cell++) {
      const expected = index.nearest('huisarts', [points[2 * cell]!, points[2 * cell + 1]!])!.distanceMeters;
      expect(score.values[cell]).toBeCloseTo(expected, 1);
    }
  });

  it('reports categories without facilities as noData and leaves distances NaN', () => {
    const { index, prepared } = denseSetUp(33);
    const score = scoreGrid(prepared, index, WOONZORGZONE_PROFILE, { kind: 'distance', category: 'zorg24uur' });
    expect(score.noDataCategories).toEqual(['zorg24uur']);
    expect(Array.from(score.values).every(Number.isNaN)).toBe(true);
  });

  it('lists the missing 24-hour care for care-suited homes', () => {
    const { index, prepared } = denseSetUp(34);
    const score = scoreGrid(prepared, index, WOONZORGZONE_PROFILE, { kind: 'normsMet', housingType: 'zorggeschikt' });
    expect(score.noDataCategories).toEqual(['zorg24uur']);
    expect(score.requiredCount).toBe(WOONZORGZONE_PROFILE.norms.zorggeschikt.length);
  });

  it('gives NaN beyond the maximum distance of a distance target', () => {
    const { index, prepared } = denseSetUp(35);
    const score = scoreGrid(prepared, index, WOONZORGZONE_PROFILE, { kind: 'distance', category: 'ovHalte', maxDistanceMeters: 50 });
    const values = Array.from(score.values);
    expect(values.some(Number.isNaN)).toBe(true);
    expect(values.filter((value) => !Number.isNaN(value)).every((value) => value <= 50)).toBe(true);
  });
});

describe('scoreFromFields', () => {
  it('equals scoreGrid for the same data', () => {
    const { index, prepared } = denseSetUp(36);
    const fields = new Map<FacilityCategory, NearestFacilityField>();
    for (const norm of WOONZORGZONE_PROFILE.norms.geclusterd) {
      fields.set(norm.category, new NearestFacilityField(prepared, index, norm.category, norm.maxDistanceMeters));
    }
    const target = { kind: 'normsMet', housingType: 'geclusterd' } as const;
    const fromFields = scoreFromFields(fields, index, WOONZORGZONE_PROFILE, target, prepared.count);
    expect(Array.from(fromFields.values)).toEqual(Array.from(scoreGrid(prepared, index, WOONZORGZONE_PROFILE, target).values));
  });
});

describe('scoreGrid on a province grid', () => {
  it('scores the grid cells directly, one value per cell', () => {
    const grid = buildProvinceGrid(rectangle(6.0, 52.4, 6.13, 52.475), 500);
    const { index } = denseSetUp(37);
    const fromGrid = scoreGrid(grid, index, WOONZORGZONE_PROFILE, { kind: 'distance', category: 'apotheek' });
    const fromPoints = scoreGrid(preparePoints(grid.centers), index, WOONZORGZONE_PROFILE, { kind: 'distance', category: 'apotheek' });
    expect(fromGrid.values.length).toBe(grid.cellCount);
    expect(Array.from(fromGrid.values)).toEqual(Array.from(fromPoints.values));
  });
});
