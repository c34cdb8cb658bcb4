import { describe, expect, it } from 'vitest';
import type { FacilityCategory } from '../../../src/domain/facility';
import { FACILITY_CATEGORIES } from '../../../src/domain/facility';
import { WALKING_SPEED_PRESETS, WOONZORGZONE_PROFILE } from '../../../src/domain/norms';
import { decodeIds, encodeIds, FacilityIndex } from '../../../src/analysis/facilityIndex';
import type { PackedFacilities } from '../../../src/analysis/facilityIndex';
import { scoreGrid } from '../../../src/analysis/gridScore';
import { preparePoints } from '../../../src/analysis/nearestFacilityField';
import type { ReachabilityResponse } from '../../../src/analysis/reachabilityProtocol';
import { createReachabilityHandler } from '../../../src/analysis/reachabilityWorkerHandler';
import { rectangle, seededRandom } from './reachabilityFactories';

const AREA = rectangle(6.0, 52.4, 6.1, 52.46);

function facilitiesInArea(seed: number, count: number, categories: FacilityCategory[]): PackedFacilities {
  const random = seededRandom(seed);
  const coordinates = new Float64Array(count * 2);
  const categoryCodes = new Uint8Array(count);
  const ids: string[] = [];
  for (let position = 0; position < count; position++) {
    coordinates[2 * position] = 6.0 + random() * 0.1;
    coordinates[2 * position + 1] = 52.4 + random() * 0.06;
    categoryCodes[position] = FACILITY_CATEGORIES.indexOf(categories[position % categories.length]!);
    ids.push(`t/${position}`);
  }
  return { ids, coordinates, categoryCodes };
}

function expectType<T extends ReachabilityResponse['type']>(response: ReachabilityResponse, type: T): Extract<ReachabilityResponse, { type: T }> {
  expect(response.type).toBe(type);
  return response as Extract<ReachabilityResponse, { type: T }>;
}

describe('reachability worker handler', () => {
  it('answers with the request id and an issue code when no facilities are loaded', () => {
    const handle = createReachabilityHandler();
    const { response } = handle({ requestId: 7, type: 'analyseLocation', point: [6.05, 52.43], profile: WOONZORGZONE_PROFILE, speed: WALKING_SPEED_PRESETS.ouder });
    expect(response.requestId).toBe(7);
    expect(expectType(response, 'error').issues[0]!.code).toBe('reach.noFacilities');
  });

  it('analyses a location after setFacilities', () => {
    const handle = createReachabilityHandler();
    handle({ requestId: 1, type: 'setFacilities', facilities: facilitiesInArea(1, 40, ['supermarkt', 'huisarts']) });
    const { response } = handle({ requestId: 2, type: 'analyseLocation', point: [6.05, 52.43], profile: WOONZORGZONE_PROFILE, speed: WALKING_SPEED_PRESETS.ouder });
    const result = expectType(response, 'locationAnalysed').result;
    expect(result.categories.supermarkt.status).toBe('found');
    expect(result.categories.zorg24uur.status).toBe('noData');
  });

  it('returns invalid norms as structured issues', () => {
    const handle = createReachabilityHandler();
    handle({ requestId: 1, type: 'setFacilities', facilities: facilitiesInArea(1, 10, ['supermarkt']) });
    const { response } = handle({ requestId: 2, type: 'analyseLocation', point: [6.05, 52.43], profile: WOONZORGZONE_PROFILE, speed: { ...WALKING_SPEED_PRESETS.ouder, metersPerSecond: 0 } });
    expect(expectType(response, 'error').issues[0]!.code).toBe('norms.speedOutOfRange');
  });

  it('transfers the grid centres and the score values', () => {
    const handle = createReachabilityHandler();
    handle({ requestId: 1, type: 'setFacilities', facilities: facilitiesInArea(2, 60, ['supermarkt', 'huisarts', 'apotheek', 'ovHalte']) });
    const gridMessage = handle({ requestId: 2, type: 'setGrid', province: AREA, cellSizeMeters: 250 });
    const grid = expectType(gridMessage.response, 'gridSet').grid;
    expect(gridMessage.transfer).toContain(grid.centers.buffer);
    const scoreMessage = handle({ requestId: 3, type: 'scoreGrid', profile: WOONZORGZONE_PROFILE, target: { kind: 'normsMet', housingType: 'nultreden' } });
    const score = expectType(scoreMessage.response, 'gridScored').score;
    expect(score.values.length).toBe(grid.cellCount);
    expect(scoreMessage.transfer).toContain(score.values.buffer);
  });

  it('after moveFacility returns the same score as a full recompute on the moved data', () => {
    const packed = facilitiesInArea(3, 80, ['supermarkt', 'huisarts', 'apotheek', 'ovHalte']);
    const handle = createReachabilityHandler();
    handle({ requestId: 1, type: 'setFacilities', facilities: { ...packed, coordinates: packed.coordinates.slice(), ids: [...packed.ids] } });
    const grid = expectType(handle({ requestId: 2, type: 'setGrid', province: AREA, cellSizeMeters: 250 }).response, 'gridSet').grid;
    const target = { kind: 'normsMet', housingType: 'nultreden' } as const;
    handle({ requestId: 3, type: 'scoreGrid', profile: WOONZORGZONE_PROFILE, target });
    let last: ReachabilityResponse | null = null;
    for (let step = 1; step <= 5; step++) {
      const location: [number, number] = [6.02 + step * 0.01, 52.41 + step * 0.005];
      last = handle({ requestId: 3 + step, type: 'moveFacility', facilityId: 't/0', location }).response;
      packed.coordinates[0] = location[0];
      packed.coordinates[1] = location[1];
    }
    const incremental = expectType(last!, 'facilitiesChanged').score!;
    const full = scoreGrid(preparePoints(grid.centers), new FacilityIndex(packed), WOONZORGZONE_PROFILE, target);
    expect(Array.from(incremental.values)).toEqual(Array.from(full.values));
  });

  it('after removing and adding facilities returns the same distances as a full recompute', () => {
    const packed = facilitiesInArea(5, 6, ['ovHalte']);
    const handle = createReachabilityHandler();
    handle({ requestId: 1, type: 'setFacilities', facilities: { ...packed, coordinates: packed.coordinates.slice(), ids: [...packed.ids] } });
    const grid = expectType(handle({ requestId: 2, type: 'setGrid', province: AREA, cellSizeMeters: 250 }).response, 'gridSet').grid;
    const target = { kind: 'distance', category: 'ovHalte', maxDistanceMeters: 2000 } as const;
    handle({ requestId: 3, type: 'scoreGrid', profile: WOONZORGZONE_PROFILE, target });
    for (const id of packed.ids) handle({ requestId: 4, type: 'removeFacility', facilityId: id });
    const added: [number, number] = [6.05, 52.43];
    const last = handle({ requestId: 5, type: 'addFacility', facilityId: 'new', category: 'ovHalte', location: added }).response;
    const expected = scoreGrid(
      preparePoints(grid.centers),
      new FacilityIndex({ ids: ['new'], coordinates: Float64Array.from(added), categoryCodes: Uint8Array.of(FACILITY_CATEGORIES.indexOf('ovHalte')) }),
      WOONZORGZONE_PROFILE,
      target,
    );
    expect(Array.from(expectType(last, 'facilitiesChanged').score!.values)).toEqual(Array.from(expected.values));
  });

  it('reports a category as noData once its last facility is removed', () => {
    const packed = facilitiesInArea(6, 2, ['zorg24uur']);
    const handle = createReachabilityHandler();
    handle({ requestId: 1, type: 'setFacilities', facilities: packed });
    handle({ requestId: 2, type: 'setGrid', province: AREA, cellSizeMeters: 500 });
    handle({ requestId: 3, type: 'scoreGrid', profile: WOONZORGZONE_PROFILE, target: { kind: 'distance', category: 'zorg24uur' } });
    handle({ requestId: 4, type: 'removeFacility', facilityId: 't/0' });
    const last = handle({ requestId: 5, type: 'removeFacility', facilityId: 't/1' }).response;
    expect(expectType(last, 'facilitiesChanged').score!.noDataCategories).toEqual(['zorg24uur']);
  });

  it('reports an unknown facility id', () => {
    const handle = createReachabilityHandler();
    handle({ requestId: 1, type: 'setFacilities', facilities: facilitiesInArea(4, 5, ['supermarkt']) });
    const { response } = handle({ requestId: 2, type: 'moveFacility', facilityId: 'nope', location: [6.05, 52.43] });
    expect(expectType(response, 'error').issues[0]).toMatchObject({ code: 'reach.unknownFacility', params: { value: 'nope' } });
  });
});

describe('facilities posted with encoded ids', () => {
  it('gives the same index as the ids one by one, for ids holding any character', () => {
    const ids = ['a/1', '', 'b/ü|;\n2', 'c/3', 'd/\ud800 unpaired'];
    expect(decodeIds(encodeIds(ids))).toEqual(ids);
    const packed = facilitiesInArea(1, 12, ['supermarkt', 'huisarts']);
    const direct = createReachabilityHandler();
    const encoded = createReachabilityHandler();
    const first = direct({ requestId: 1, type: 'setFacilities', facilities: { ...packed, coordinates: packed.coordinates.slice(), categoryCodes: packed.categoryCodes.slice() } });
    const second = encoded({ requestId: 1, type: 'setFacilities', facilities: { ...packed, ids: [] }, encodedIds: encodeIds(packed.ids) });
    expect(second.response).toEqual(first.response);
    const point: [number, number] = [packed.coordinates[0]! + 0.001, packed.coordinates[1]!];
    const ask = (handle: typeof direct) => handle({ requestId: 2, type: 'analyseLocation', point, profile: WOONZORGZONE_PROFILE, speed: WALKING_SPEED_PRESETS.ouder }).response;
    expect(ask(encoded)).toEqual(ask(direct));
  });
});
