// The suitability grid follows the chosen distance method: with over straat and a network loaded,
// cells inside the downloaded area are judged by walking distance (cell centre snapped to the
// network), cells outside stay hemelsbreed, and the score says per cell which method decided.
// The grid town of tests/support/walkNetworks.ts: streets every 100 m, a river between y = 400 and
// y = 600 crossed by one bridge at x = 1000; the supermarket stands at (0, 620), north of the river.
import { describe, expect, it } from 'vitest';
import { categoryCode } from '../../../src/domain/facility';
import { WOONZORGZONE_PROFILE } from '../../../src/domain/norms';
import { FacilityIndex, type PackedFacilities } from '../../../src/analysis/facilityIndex';
import {
  GRID_CELL_FAR_FROM_STREET,
  GRID_CELL_NOT_CONNECTED,
  GRID_CELL_STRAIGHT,
  GRID_CELL_STREET,
  scoreGrid,
} from '../../../src/analysis/gridScore';
import { preparePoints } from '../../../src/analysis/nearestFacilityField';
import { gridCellMethod, gridMethodNote } from '../../../src/analysis/suitabilityGrid';
import { createReachabilityHandler } from '../../../src/analysis/reachabilityWorkerHandler';
import type { ReachabilityResponse } from '../../../src/analysis/reachabilityProtocol';
import { StreetDistanceMethod } from '../../../src/analysis/streetDistanceMethod';
import { haversineMeters } from '../../../src/analysis/sphericalDistance';
import { buildWalkGraph } from '../../../src/analysis/walkGraph';
import { at, gridTown } from '../../support/walkNetworks';

const supermarket = at(0, 620);
const facilities: PackedFacilities = { ids: ['super-north'], coordinates: Float64Array.from(supermarket), categoryCodes: Uint8Array.from([categoryCode('supermarkt')]) };
const index = new FacilityIndex(facilities);
const graph = buildWalkGraph(gridTown({ river: true }).build());

// the housing type with the strictest supermarket norm; with only a supermarket loaded it is the one norm judged
const [housingType, supermarketNorm] = (Object.entries(WOONZORGZONE_PROFILE.norms) as [keyof typeof WOONZORGZONE_PROFILE.norms, { category: string; maxDistanceMeters: number }[]][])
  .map(([type, norms]) => [type, norms.find((norm) => norm.category === 'supermarkt')!.maxDistanceMeters] as const)
  .sort((a, b) => a[1] - b[1])[0]!;

// cells: the south bank below the supermarket (220 m as the crow flies, 1000 + 200 + 1000 + 20 =
// 2,220 m over the bridge), a cell on the north side (80 m both ways), and one west of the town
// (outside the downloaded area)
const cellPoints: [number, number][] = [at(0, 400), at(0, 700), at(-400, 0)];
const cells = preparePoints(Float64Array.from(cellPoints.flat()));
const [BANK, NORTH, WEST] = [0, 1, 2];

describe('suitability grid over straat', () => {
  it('a cell "voldaan" as the crow flies is "niet voldaan" over the street; cells outside the area stay hemelsbreed', () => {
    expect(220).toBeLessThanOrEqual(supermarketNorm);
    expect(2220).toBeGreaterThan(supermarketNorm);
    const target = { kind: 'normsMet' as const, housingType };
    const crow = scoreGrid(cells, index, WOONZORGZONE_PROFILE, target);
    expect(crow.method).toBe('hemelsbreed');
    expect(crow.street).toBeUndefined();
    expect(crow.values[BANK]).toBe(1);

    const street = new StreetDistanceMethod(graph, facilities);
    const walk = scoreGrid(cells, index, WOONZORGZONE_PROFILE, target, { method: street, areaKeys: ['GM9999'] });
    expect(walk.method).toBe('overStraat');
    expect(walk.values[BANK]).toBe(0);
    expect(walk.values[NORTH]).toBe(1);
    expect(walk.values[WEST]).toBe(crow.values[WEST]);
    expect(Array.from(walk.street!.cellMethods)).toEqual([GRID_CELL_STREET, GRID_CELL_STREET, GRID_CELL_STRAIGHT]);
    expect(walk.street!.counts).toEqual([1, 2, 0, 0]);
    expect(walk.street!.areaKeys).toEqual(['GM9999']);
  });

  it('a distance map gives the walking distance inside the area and the straight line outside', () => {
    const street = new StreetDistanceMethod(graph, facilities);
    const target = { kind: 'distance' as const, category: 'supermarkt' as const };
    const walk = scoreGrid(cells, index, WOONZORGZONE_PROFILE, target, { method: street, areaKeys: ['GM9999'] });
    expect(walk.values[BANK]).toBeCloseTo(2220, 0);
    expect(walk.values[NORTH]).toBeCloseTo(80, 0);
    expect(walk.values[WEST]).toBeCloseTo(haversineMeters(...cellPoints[WEST]!, ...supermarket), 0);
    // the same answer the location analysis reads from the method
    const answer = street.overStreet('supermarkt', cellPoints[BANK]!);
    expect(answer.kind === 'route' && answer.distanceMeters).toBeCloseTo(walk.values[BANK]!, 2);
    // a limit leaves farther cells without a value
    const limited = scoreGrid(cells, index, WOONZORGZONE_PROFILE, { ...target, maxDistanceMeters: 1000 }, { method: street, areaKeys: [] });
    expect(Number.isNaN(limited.values[BANK]!)).toBe(true);
    expect(limited.values[NORTH]).toBeCloseTo(80, 0);
  });

  it('a cell farther than the snap limit from any street gets "geen route", not "0 norms met"', () => {
    const everywhere = new StreetDistanceMethod(graph, facilities, { isInsideArea: () => true });
    const walk = scoreGrid(cells, index, WOONZORGZONE_PROFILE, { kind: 'normsMet', housingType }, { method: everywhere, areaKeys: ['GM9999'] });
    expect(walk.street!.cellMethods[WEST]).toBe(GRID_CELL_FAR_FROM_STREET);
    expect(Number.isNaN(walk.values[WEST]!)).toBe(true);
    expect(walk.street!.counts).toEqual([0, 2, 1, 0]);
    expect(walk.street!.maxSnapMeters).toBe(200);
  });

  it('a cell on a street island without the facility gets "geen route" in a distance map', () => {
    const islandGraph = buildWalkGraph(gridTown({ island: true }).build());
    const method = new StreetDistanceMethod(islandGraph, facilities);
    const island = preparePoints(Float64Array.from(at(2050, 0)));
    const walk = scoreGrid(island, index, WOONZORGZONE_PROFILE, { kind: 'distance', category: 'supermarkt' }, { method, areaKeys: [] });
    expect(walk.street!.cellMethods[0]).toBe(GRID_CELL_NOT_CONNECTED);
    expect(Number.isNaN(walk.values[0]!)).toBe(true);
  });
});

function of<T extends ReachabilityResponse['type']>(response: ReachabilityResponse, type: T): Extract<ReachabilityResponse, { type: T }> {
  expect(response.type).toBe(type);
  return response as Extract<ReachabilityResponse, { type: T }>;
}

describe('what the legend and the cell card say about the method', () => {
  it('names the method per cell and never mixes silently', () => {
    const target = { kind: 'normsMet' as const, housingType };
    const crow = scoreGrid(cells, index, WOONZORGZONE_PROFILE, target);
    expect(gridMethodNote(crow, 'hemelsbreed', false)).toEqual({ kind: 'hemelsbreed' });
    // over straat chosen without any network: hemelsbreed, with the reason
    expect(gridMethodNote(crow, 'overStraat', false)).toEqual({ kind: 'noNetwork' });
    expect(gridCellMethod(crow, BANK)).toBe('hemelsbreed');

    const everywhere = new StreetDistanceMethod(graph, facilities, { isInsideArea: (lon) => lon >= at(-500, 0)[0] });
    const walk = scoreGrid(cells, index, WOONZORGZONE_PROFILE, target, { method: everywhere, areaKeys: ['GM9999'] });
    expect(gridMethodNote(walk, 'overStraat', true)).toEqual({ kind: 'street', areaKeys: ['GM9999'], elsewhereStraight: false, farFromStreetCells: 1, notConnectedCells: 0, maxSnapMeters: 200 });
    expect([BANK, NORTH, WEST].map((cell) => gridCellMethod(walk, cell))).toEqual(['overStraat', 'overStraat', 'farFromStreet']);
    const inTown = scoreGrid(cells, index, WOONZORGZONE_PROFILE, target, { method: new StreetDistanceMethod(graph, facilities), areaKeys: ['GM9999'] });
    expect(gridMethodNote(inTown, 'overStraat', true)).toMatchObject({ kind: 'street', elsewhereStraight: true, farFromStreetCells: 0 });
    expect(gridCellMethod(inTown, WEST)).toBe('outsideNetwork');
  });
});

describe('reachability worker: the grid follows the chosen method', () => {
  it('scores over straat when chosen, and keeps doing so after a facility is moved', () => {
    const handle = createReachabilityHandler();
    handle({ requestId: 1, type: 'setFacilities', facilities: { ids: ['super-north'], coordinates: Float64Array.from(supermarket), categoryCodes: Uint8Array.from([categoryCode('supermarkt')]) } });
    const [west, south] = at(-300, -300);
    const [east, north] = at(1300, 1300);
    const province = { type: 'Polygon' as const, coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
    const { grid } = of(handle({ requestId: 2, type: 'setGrid', province, cellSizeMeters: 100 }).response, 'gridSet');
    handle({ requestId: 3, type: 'setWalkNetworks', networks: [{ areaKey: 'GM9999', network: gridTown({ river: true }).build(), outline: null }] });
    // the cell whose centre lies nearest a point on the south bank below the supermarket (within
    // 71 m: so its centre joins a street south of the river, and lies within 300 m of the supermarket)
    const bank = at(50, 350);
    let bankCell = -1;
    let bankOffset = Infinity;
    for (let cell = 0; cell < grid.cellCount; cell++) {
      const meters = haversineMeters(grid.centers[2 * cell]!, grid.centers[2 * cell + 1]!, ...bank);
      if (meters < bankOffset) [bankCell, bankOffset] = [cell, meters];
    }
    expect(bankOffset).toBeLessThan(71);
    expect(haversineMeters(grid.centers[2 * bankCell]!, grid.centers[2 * bankCell + 1]!, ...supermarket)).toBeLessThanOrEqual(supermarketNorm);
    const target = { kind: 'normsMet' as const, housingType };
    const crow = of(handle({ requestId: 4, type: 'scoreGrid', profile: WOONZORGZONE_PROFILE, target }).response, 'gridScored').score;
    expect(crow.method).toBe('hemelsbreed');
    expect(crow.street).toBeUndefined();
    expect(crow.values[bankCell]).toBe(1);
    const walk = of(handle({ requestId: 5, type: 'scoreGrid', profile: WOONZORGZONE_PROFILE, target, distanceMethod: 'overStraat' }).response, 'gridScored').score;
    expect(walk.method).toBe('overStraat');
    expect(walk.values[bankCell]).toBe(0);
    expect(walk.street!.cellMethods[bankCell]).toBe(GRID_CELL_STREET);
    expect(walk.street!.counts[GRID_CELL_STRAIGHT]).toBeGreaterThan(0); // the margin around the town

    // the supermarket moves onto the south bank: the updated score is still over straat
    const changed = of(handle({ requestId: 6, type: 'moveFacility', facilityId: 'super-north', location: at(100, 400) }).response, 'facilitiesChanged');
    expect(changed.score!.method).toBe('overStraat');
    expect(changed.score!.values[bankCell]).toBe(1);
    expect(changed.score!.street!.cellMethods[bankCell]).toBe(GRID_CELL_STREET);
  });
});
