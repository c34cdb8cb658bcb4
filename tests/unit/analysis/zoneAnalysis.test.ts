import { describe, expect, it } from 'vitest';
import { defaultZoneDefinition, withRequirement, withZoneDistance } from '../../../src/domain/serviceZones';
import type { ReachabilityResponse } from '../../../src/analysis/reachabilityProtocol';
import { createReachabilityHandler } from '../../../src/analysis/reachabilityWorkerHandler';
import { packedFacilities, rectangle } from './reachabilityFactories';

function expectType<T extends ReachabilityResponse['type']>(response: ReachabilityResponse, type: T): Extract<ReachabilityResponse, { type: T }> {
  expect(response.type).toBe(type);
  return response as Extract<ReachabilityResponse, { type: T }>;
}

// care at 6.10, shop 600 m east: one lens-shaped zone around 6.1044
const CARE: [number, number] = [6.1, 52.5];
const SHOP: [number, number] = [6.1 + 600 / (111_195 * Math.cos((52.5 * Math.PI) / 180)), 52.5];
const definition = withZoneDistance(
  ['huisarts', 'ontmoetingsplek', 'ovHalte'].reduce((current, category) => withRequirement(current, category as 'huisarts', false), defaultZoneDefinition()),
  'zorg24uur',
  500,
);

describe('woonservicegebieden in the reachability worker', () => {
  it('builds zones, their figures per municipality (split at a border) and the verdict per site', () => {
    const handle = createReachabilityHandler();
    handle({
      requestId: 1,
      type: 'setFacilities',
      facilities: packedFacilities([
        { id: 'z/1', category: 'zorg24uur', location: CARE },
        { id: 's/1', category: 'supermarkt', location: SHOP },
      ]),
    });
    const west = { type: 'Feature' as const, properties: { code: 'GM0001' }, geometry: rectangle(6.0, 52.45, 6.1035, 52.55) };
    const east = { type: 'Feature' as const, properties: { code: 'GM0002' }, geometry: rectangle(6.1035, 52.45, 6.2, 52.55) };
    expectType(handle({ requestId: 2, type: 'setZoneOutlines', municipalities: [west, east] }).response, 'zoneOutlinesSet');
    const middle: [number, number] = [(CARE[0] + SHOP[0]) / 2, 52.5];
    const { analysis } = expectType(
      handle({ requestId: 3, type: 'buildZones', definition, sites: [{ id: 'in', location: middle }, { id: 'out', location: [6.2, 52.5] }] }).response,
      'zonesBuilt',
    );
    expect(analysis.zoneSet.status).toBe('ok');
    expect(analysis.zoneSet.zones).toHaveLength(1);
    expect(analysis.perMunicipality.map((item) => item.municipalityCode)).toEqual(['GM0001', 'GM0002']);
    const total = analysis.perMunicipality.reduce((sum, item) => sum + item.areaSquareMeters, 0);
    expect(Math.abs(total - analysis.zoneSet.zones[0]!.properties.areaSquareMeters)).toBeLessThan(total * 0.002);
    expect(analysis.sites[0]).toMatchObject({ id: 'in', insideZone: true });
    const outside = analysis.sites[1]!;
    expect(outside.insideZone).toBe(false);
    expect(outside.elements.map((element) => element.category)).toEqual(['zorg24uur', 'supermarkt']);
    // 0.1° east of the care location at 52.5°: about 6.77 km
    expect(outside.elements[0]!.nearestMeters).toBeGreaterThan(6_700);
    expect(outside.elements[0]!.nearestMeters).toBeLessThan(6_800);
    expect(outside.elements[0]!.nearestFacilityId).toBe('z/1');
  });

  it('says when no 24-hour care location is loaded, and refuses an out-of-range distance naming the field', () => {
    const handle = createReachabilityHandler();
    handle({ requestId: 1, type: 'setFacilities', facilities: packedFacilities([{ id: 's/1', category: 'supermarkt', location: SHOP }]) });
    const { analysis } = expectType(handle({ requestId: 2, type: 'buildZones', definition, sites: [] }).response, 'zonesBuilt');
    expect(analysis.zoneSet.status).toBe('noCareLocations');
    const refused = expectType(handle({ requestId: 3, type: 'buildZones', definition: withZoneDistance(definition, 'supermarkt', 99_999), sites: [] }).response, 'error');
    expect(refused.issues[0]).toMatchObject({ code: 'zones.distanceOutOfRange', record: 'supermarkt' });
  });

  it('counts a drawn zone like a computed one: a site inside it is inside, named by the drawn zone; it counts per municipality, also without care locations', () => {
    const handle = createReachabilityHandler();
    handle({ requestId: 1, type: 'setFacilities', facilities: packedFacilities([{ id: 'z/1', category: 'zorg24uur', location: CARE }, { id: 's/1', category: 'supermarkt', location: SHOP }]) });
    const west = { type: 'Feature' as const, properties: { code: 'GM0001' }, geometry: rectangle(6.0, 52.45, 6.1035, 52.55) };
    handle({ requestId: 2, type: 'setZoneOutlines', municipalities: [west] });
    // a drawn square of about 700 × 670 m well west of the computed zone, in GM0001
    const drawn = { id: 'drawn-1', name: 'Getekend gebied 1', outline: [[[6.02, 52.5], [6.03, 52.5], [6.03, 52.506], [6.02, 52.506], [6.02, 52.5]] as [number, number][]] };
    const sites = [
      { id: 'in-drawn', location: [6.025, 52.503] as [number, number] },
      { id: 'in-computed', location: [(CARE[0] + SHOP[0]) / 2, 52.5] as [number, number] },
      { id: 'outside', location: [6.05, 52.52] as [number, number] },
    ];
    const { analysis } = expectType(handle({ requestId: 3, type: 'buildZones', definition, sites, drawnZones: [drawn] }).response, 'zonesBuilt');
    expect(analysis.zoneSet.zones.map((zone) => zone.properties.origin)).toEqual(['berekend', 'getekend']);
    expect(analysis.zoneSet.zones[1]!.properties).toMatchObject({ id: 'drawn-1', name: 'Getekend gebied 1' });
    expect(analysis.sites.map((site) => [site.id, site.insideZone, site.zoneId])).toEqual([
      ['in-drawn', true, 'drawn-1'],
      ['in-computed', true, 'zone-1'],
      ['outside', false, null],
    ]);
    const gm1 = analysis.perMunicipality.find((item) => item.municipalityCode === 'GM0001')!;
    // the computed zone is split at 6.1035, the drawn zone lies wholly in GM0001
    expect(gm1.zoneCount).toBe(2);
    const drawnArea = analysis.zoneSet.zones[1]!.properties.areaSquareMeters;
    expect(drawnArea).toBeGreaterThan(0.0099 * 0.006 * 111_195 * 111_195 * Math.cos((52.5 * Math.PI) / 180) * 0.99);

    // no care location at all: still "no care locations", but the drawn zone counts
    const bare = createReachabilityHandler();
    bare({ requestId: 1, type: 'setFacilities', facilities: packedFacilities([{ id: 's/1', category: 'supermarkt', location: SHOP }]) });
    const { analysis: alone } = expectType(bare({ requestId: 2, type: 'buildZones', definition, sites, drawnZones: [drawn] }).response, 'zonesBuilt');
    expect(alone.zoneSet.status).toBe('noCareLocations');
    expect(alone.zoneSet.zones.map((zone) => zone.properties.id)).toEqual(['drawn-1']);
    expect(alone.sites.map((site) => site.zoneId)).toEqual(['drawn-1', null, null]);
  });
});
