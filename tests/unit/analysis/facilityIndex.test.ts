import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import type { FacilityCategory } from '../../../src/domain/facility';
import { FACILITY_CATEGORIES } from '../../../src/domain/facility';
import type { PackedFacilities } from '../../../src/analysis/facilityIndex';
import { decodeIds, encodeIds, encodeIdsSteps, FacilityIndex, packFacilities, packFacilitiesSteps } from '../../../src/analysis/facilityIndex';
import { ITEMS_PER_PAUSE, runInSlices } from '../../../src/analysis/slicedWork';
import { packedFacilities, randomPackedFacilities, randomPoint, seededRandom } from './reachabilityFactories';

/** Brute force with turf.distance: the reference the index must agree with. */
function bruteForceNearest(packed: PackedFacilities, category: FacilityCategory, point: [number, number], maxMeters = Infinity) {
  const code = FACILITY_CATEGORIES.indexOf(category);
  let best = Infinity;
  let bestIndex = -1;
  for (let position = 0; position < packed.ids.length; position++) {
    if (packed.categoryCodes[position] !== code) continue;
    const location: [number, number] = [packed.coordinates[2 * position]!, packed.coordinates[2 * position + 1]!];
    const meters = distance(point, location, { units: 'meters' });
    if (meters < best && meters <= maxMeters) {
      best = meters;
      bestIndex = position;
    }
  }
  return { bestIndex, best };
}

function expectSameAsBruteForce(index: FacilityIndex, packed: PackedFacilities, category: FacilityCategory, point: [number, number]) {
  const reference = bruteForceNearest(packed, category, point);
  const found = index.nearest(category, point);
  expect(found).not.toBeNull();
  expect(Math.abs(found!.distanceMeters - reference.best)).toBeLessThan(1);
  if (found!.facilityIndex !== reference.bestIndex) {
    // a different winner is only acceptable as a tie
    const other = distance(point, found!.location, { units: 'meters' });
    expect(Math.abs(other - reference.best)).toBeLessThan(1);
  }
}

describe('FacilityIndex.nearest', () => {
  it('agrees with a brute-force turf.distance loop on seeded random data', () => {
    const random = seededRandom(7);
    const packed = randomPackedFacilities(random, 600);
    const index = new FacilityIndex(packed);
    for (let query = 0; query < 400; query++) {
      const category = FACILITY_CATEGORIES[query % 6]!;
      expectSameAsBruteForce(index, packed, category, randomPoint(random));
    }
  });

  it('agrees with brute force for a single sparse category (few facilities, long distances)', () => {
    const random = seededRandom(11);
    const packed = randomPackedFacilities(random, 5, ['zorg24uur']);
    const index = new FacilityIndex(packed);
    for (let query = 0; query < 100; query++) expectSameAsBruteForce(index, packed, 'zorg24uur', randomPoint(random));
  });

  it('reports distances in metres equal to turf.distance for the winner', () => {
    const index = new FacilityIndex(packedFacilities([{ id: 'a', category: 'huisarts', location: [6.1, 52.5] }]));
    const point: [number, number] = [6.11, 52.505];
    expect(index.nearest('huisarts', point)!.distanceMeters).toBeCloseTo(distance(point, [6.1, 52.5], { units: 'meters' }), 6);
  });

  it('marks the result as straight-line (hemelsbreed)', () => {
    const index = new FacilityIndex(packedFacilities([{ id: 'a', category: 'huisarts', location: [6.1, 52.5] }]));
    expect(index.nearest('huisarts', [6.1, 52.51])!.method).toBe('hemelsbreed');
  });

  it('returns null beyond the maximum search distance and the facility within it', () => {
    const index = new FacilityIndex(packedFacilities([{ id: 'a', category: 'apotheek', location: [6.1, 52.5] }]));
    const point: [number, number] = [6.1, 52.51]; // about 1,112 m north
    expect(index.nearest('apotheek', point, 1000)).toBeNull();
    expect(index.nearest('apotheek', point, 1200)!.facilityId).toBe('a');
  });

  it('has no data for a category without facilities', () => {
    const index = new FacilityIndex(packedFacilities([{ id: 'a', category: 'apotheek', location: [6.1, 52.5] }]));
    expect(index.hasCategory('supermarkt')).toBe(false);
    expect(index.nearest('supermarkt', [6.1, 52.5])).toBeNull();
  });

  it('breaks exact ties on the lower facility index', () => {
    const index = new FacilityIndex(
      packedFacilities([
        { id: 'second', category: 'ovHalte', location: [6.2, 52.5] },
        { id: 'first', category: 'ovHalte', location: [6.2, 52.5] },
      ]),
    );
    expect(index.nearest('ovHalte', [6.21, 52.5])!.facilityId).toBe('second');
  });

  it('gives the same answer with a start hint as without', () => {
    const random = seededRandom(5);
    const index = new FacilityIndex(randomPackedFacilities(random, 300, ['supermarkt']));
    for (let query = 0; query < 100; query++) {
      const [lon, lat] = randomPoint(random);
      const radians = Math.PI / 180;
      const hint = Math.floor(random() * 300);
      const withHint = index.nearestPrepared(FACILITY_CATEGORIES.indexOf('supermarkt'), lon * radians, lat * radians, Math.cos(lat * radians), Math.sin(lat * radians), Infinity, hint);
      expect(withHint).toBe(index.nearestFacilityIndex(FACILITY_CATEGORIES.indexOf('supermarkt'), lon, lat));
    }
  });
});

describe('FacilityIndex edits', () => {
  it('finds a moved facility at its new position', () => {
    const index = new FacilityIndex(
      packedFacilities([
        { id: 'a', category: 'huisarts', location: [6.0, 52.3] },
        { id: 'b', category: 'huisarts', location: [6.5, 52.6] },
      ]),
    );
    index.moveFacility(0, 6.51, 52.61);
    expect(index.nearest('huisarts', [6.515, 52.615])!.facilityId).toBe('a');
  });

  it('no longer finds a removed facility and keeps other indices', () => {
    const index = new FacilityIndex(
      packedFacilities([
        { id: 'a', category: 'huisarts', location: [6.0, 52.3] },
        { id: 'b', category: 'huisarts', location: [6.5, 52.6] },
      ]),
    );
    index.removeFacility(0);
    const found = index.nearest('huisarts', [6.0, 52.3])!;
    expect(found.facilityId).toBe('b');
    expect(found.facilityIndex).toBe(1);
  });

  it('finds an added facility, also past the initial capacity', () => {
    const index = new FacilityIndex(packedFacilities([]));
    for (let added = 0; added < 20; added++) index.addFacility(`new/${added}`, 'apotheek', 6 + added * 0.01, 52.4);
    expect(index.nearest('apotheek', [6.152, 52.4])!.facilityId).toBe('new/15');
  });
});

describe('packFacilities', () => {
  it('packs ids as datasetId/id, coordinates and category codes', () => {
    const packed = packFacilities([
      { id: '12', name: 'Apotheek', category: 'apotheek', location: [6.1, 52.2], datasetId: 'osm', attributes: {} },
    ]);
    expect(packed.ids).toEqual(['osm/12']);
    expect([...packed.coordinates]).toEqual([6.1, 52.2]);
    expect(packed.categoryCodes[0]).toBe(FACILITY_CATEGORIES.indexOf('apotheek'));
  });

  it('packs a large list in slices to the same arrays, pausing every ITEMS_PER_PAUSE facilities', async () => {
    const facilities = Array.from({ length: ITEMS_PER_PAUSE * 2 + 23 }, (_, index) => ({
      id: String(index), name: '', category: FACILITY_CATEGORIES[index % FACILITY_CATEGORIES.length]!, location: [6 + index / 1e6, 52.5] as [number, number], datasetId: 'import', attributes: {},
    }));
    let pauses = 0;
    const sliced = await runInSlices(packFacilitiesSteps(facilities), { budgetMilliseconds: 0, pause: async () => void (pauses += 1) });
    expect(sliced).toEqual(packFacilities(facilities));
    expect(pauses).toBe(2);
  });
});

describe('encodeIdsSteps', () => {
  it('encodes many ids in chunks, one per step, and decodeIds gives every id back exactly', () => {
    // empty ids, separators, accents, emoji and (cut in half by slice) unpaired surrogates
    const ids = Array.from({ length: 3 * ITEMS_PER_PAUSE + 17 }, (_, index) => (index % 7 === 0 ? '' : `set-${index % 3}/rij ${index} é😀`.slice(0, 3 + (index % 20))));
    expect(ids.some((id) => /[\ud800-\udbff](?![\udc00-\udfff])/.test(id))).toBe(true);
    const steps = encodeIdsSteps(ids);
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses += 1;
      step = steps.next();
    }
    expect(pauses).toBe(3);
    expect(step.value).toHaveLength(4);
    expect(step.value).toEqual(encodeIds(ids));
    expect(decodeIds(step.value)).toEqual(ids);
  });

  it('encodes an empty list as no chunks', () => {
    expect(encodeIds([])).toEqual([]);
    expect(decodeIds([])).toEqual([]);
  });
});
