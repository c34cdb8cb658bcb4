import { describe, expect, it } from 'vitest';
import type { FacilityCategory } from '../../../src/domain/facility';
import { FacilityIndex } from '../../../src/analysis/facilityIndex';
import { NearestFacilityField, preparePoints } from '../../../src/analysis/nearestFacilityField';
import { BOX, randomPackedFacilities, randomPoint, randomPoints, seededRandom } from './reachabilityFactories';

const CATEGORY: FacilityCategory = 'zorg24uur';

/** A fresh field on the same (edited) index: the full recompute the incremental result must equal. */
function expectEqualToFullRecompute(field: NearestFacilityField, index: FacilityIndex, points: Float64Array): void {
  const full = new NearestFacilityField(preparePoints(points), index, CATEGORY, field.reachMeters);
  expect(Array.from(field.ownerFacility)).toEqual(Array.from(full.ownerFacility));
  expect(Array.from(field.distanceMeters)).toEqual(Array.from(full.distanceMeters));
}

function setUp(seed: number, reachMeters: number) {
  const random = seededRandom(seed);
  const index = new FacilityIndex(randomPackedFacilities(random, 150, [CATEGORY, 'supermarkt']));
  const points = randomPoints(random, 3000);
  const field = new NearestFacilityField(preparePoints(points), index, CATEGORY, reachMeters);
  return { random, index, points, field };
}

function randomFacilityOfCategory(random: () => number, index: FacilityIndex): number {
  for (;;) {
    const candidate = Math.floor(random() * index.facilityCount);
    if (index.isActive(candidate) && index.facilityCategoryCode(candidate) === 0) return candidate;
  }
}

describe('NearestFacilityField incremental updates', () => {
  it('equals a full recompute after random moves (capped reach)', () => {
    const { random, index, points, field } = setUp(21, 4000);
    for (let move = 0; move < 40; move++) {
      const facility = randomFacilityOfCategory(random, index);
      const [lon, lat] = randomPoint(random);
      index.moveFacility(facility, lon, lat);
      field.updateAfterFacilityChange(facility);
    }
    expectEqualToFullRecompute(field, index, points);
  });

  it('equals a full recompute after small drag steps (no cap)', () => {
    const { random, index, points, field } = setUp(22, Infinity);
    const facility = randomFacilityOfCategory(random, index);
    for (let step = 0; step < 30; step++) {
      const [lon, lat] = index.facilityLocation(facility);
      index.moveFacility(facility, lon + (random() - 0.5) * 0.02, lat + (random() - 0.5) * 0.02);
      field.updateAfterFacilityChange(facility);
    }
    expectEqualToFullRecompute(field, index, points);
  });

  it('equals a full recompute after adding and removing facilities', () => {
    const { random, index, points, field } = setUp(23, 3000);
    for (let edit = 0; edit < 20; edit++) {
      const [lon, lat] = randomPoint(random);
      const added = index.addFacility(`added/${edit}`, CATEGORY, lon, lat);
      field.updateAfterFacilityChange(added);
      const removed = randomFacilityOfCategory(random, index);
      index.removeFacility(removed);
      field.updateAfterFacilityChange(removed);
    }
    expectEqualToFullRecompute(field, index, points);
  });

  it('ignores changes to facilities of another category', () => {
    const { random, index, field } = setUp(24, 3000);
    let other = 0;
    while (index.facilityCategoryCode(other) === 0) other++;
    const before = Array.from(field.ownerFacility);
    index.moveFacility(other, BOX.west + random() * 0.1, BOX.south + random() * 0.1);
    expect(field.updateAfterFacilityChange(other)).toBe(0);
    expect(Array.from(field.ownerFacility)).toEqual(before);
  });

  it('lists exactly the points whose owner or distance changed', () => {
    const { random, index, field } = setUp(25, 5000);
    const ownersBefore = Array.from(field.ownerFacility);
    const distancesBefore = Array.from(field.distanceMeters);
    const facility = randomFacilityOfCategory(random, index);
    const [lon, lat] = randomPoint(random);
    index.moveFacility(facility, lon, lat);
    const changed = field.updateAfterFacilityChange(facility);
    const expected = ownersBefore
      .map((owner, point) => (owner !== field.ownerFacility[point] || !Object.is(distancesBefore[point], field.distanceMeters[point]) ? point : -1))
      .filter((point) => point >= 0);
    expect(Array.from(field.lastChangedPoints.subarray(0, changed)).sort((a, b) => a - b)).toEqual(expected);
  });

  it('leaves points beyond the reach without an owner', () => {
    const { field } = setUp(26, 200);
    const withoutOwner = Array.from(field.ownerFacility).filter((owner) => owner === -1).length;
    expect(withoutOwner).toBeGreaterThan(0);
    for (let point = 0; point < field.pointCount; point++) {
      if (field.ownerFacility[point] === -1) expect(Number.isNaN(field.distanceMeters[point])).toBe(true);
      else expect(field.distanceMeters[point]).toBeLessThanOrEqual(200 * 1.0001);
    }
  });
});
