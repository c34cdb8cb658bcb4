// The reachability worker with street networks: built from transferred typed arrays, used for the
// chosen method, the detour per area, walking-time areas, and rebuilt after a facility edit.
import { describe, expect, it } from 'vitest';
import { categoryCode } from '../../../src/domain/facility';
import { DEFAULT_WALKING_SPEED, WOONZORGZONE_PROFILE } from '../../../src/domain/norms';
import { createReachabilityHandler } from '../../../src/analysis/reachabilityWorkerHandler';
import type { ReachabilityResponse } from '../../../src/analysis/reachabilityProtocol';
import { at, gridTown } from '../../support/walkNetworks';

function started() {
  const handle = createReachabilityHandler();
  const [lon, lat] = at(0, 620);
  handle({ requestId: 1, type: 'setFacilities', facilities: { ids: ['super-north'], coordinates: Float64Array.from([lon, lat]), categoryCodes: Uint8Array.from([categoryCode('supermarkt')]) } });
  return handle;
}

function of<T extends ReachabilityResponse['type']>(response: ReachabilityResponse, type: T): Extract<ReachabilityResponse, { type: T }> {
  expect(response.type).toBe(type);
  return response as Extract<ReachabilityResponse, { type: T }>;
}

describe('reachability worker with street networks', () => {
  it('builds the graph, gives the detour per area, and answers over straat when chosen', () => {
    const handle = started();
    const network = gridTown({ river: true }).build();
    const edgeCount = network.edgeNodes.length / 2;
    const set = of(handle({ requestId: 2, type: 'setWalkNetworks', networks: [{ areaKey: 'GM9999', network, outline: null }] }).response, 'walkNetworksSet');
    expect(set.edgeCount).toBe(edgeCount);
    const { detours } = of(handle({ requestId: 20, type: 'walkDetours' }).response, 'walkDetoursComputed');
    expect(detours[0]!.areaKey).toBe('GM9999');
    expect(detours[0]!.summary.median!).toBeGreaterThan(1);

    const request = { type: 'analyseLocation' as const, point: at(0, 400), profile: WOONZORGZONE_PROFILE, speed: DEFAULT_WALKING_SPEED };
    const crow = of(handle({ requestId: 3, ...request }).response, 'locationAnalysed').result;
    expect(crow.method).toBe('hemelsbreed');
    expect(crow.comparison?.overStreet?.supermarkt.kind).toBe('route');
    const walk = of(handle({ requestId: 4, ...request, distanceMethod: 'overStraat' }).response, 'locationAnalysed').result;
    expect(walk.method).toBe('overStraat');
    expect(walk.categories.supermarkt.status === 'found' && walk.categories.supermarkt.distanceMeters).toBeCloseTo(2220, 0);

    // a facility moved onto the south bank: the street answers follow
    const [lon, lat] = at(100, 400);
    handle({ requestId: 5, type: 'moveFacility', facilityId: 'super-north', location: [lon, lat] });
    const moved = of(handle({ requestId: 6, ...request, distanceMethod: 'overStraat' }).response, 'locationAnalysed').result;
    expect(moved.categories.supermarkt.status === 'found' && moved.categories.supermarkt.distanceMeters).toBeCloseTo(100, 0);
  });

  it('draws walking-time areas inside the network and says when a point is outside it', () => {
    const handle = started();
    expect(of(handle({ requestId: 2, type: 'walkAreas', point: at(500, 200), speedKmh: 2.9 }).response, 'walkAreasComputed').result).toEqual({ ok: false, reason: 'outsideNetwork' });
    handle({ requestId: 3, type: 'setWalkNetworks', networks: [{ areaKey: 'GM9999', network: gridTown({ river: true }).build(), outline: null }] });
    const areas = of(handle({ requestId: 4, type: 'walkAreas', point: at(500, 200), speedKmh: 2.9 }).response, 'walkAreasComputed').result;
    expect(areas.ok).toBe(true);
    if (areas.ok) expect(areas.areas.features.map((feature) => feature.properties.minutes)).toEqual([15, 10, 5]);
    // removing the networks removes over straat
    handle({ requestId: 5, type: 'setWalkNetworks', networks: [] });
    const after = of(handle({ requestId: 6, type: 'analyseLocation', point: at(0, 400), profile: WOONZORGZONE_PROFILE, speed: DEFAULT_WALKING_SPEED, distanceMethod: 'overStraat' }).response, 'locationAnalysed').result;
    expect(after.comparison).toMatchObject({ network: 'noNetwork' });
  });
});
