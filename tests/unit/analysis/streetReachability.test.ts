// Reachability with a street network loaded: both distances per category, the verdict follows the
// chosen method, and a point outside the downloaded area or far from any street is labelled (never a
// silent mix). The grid town of tests/support/walkNetworks.ts: streets every 100 m, a river between
// y = 400 and y = 600 crossed by one bridge at x = 1000.
import { describe, expect, it } from 'vitest';
import { categoryCode, type FacilityCategory } from '../../../src/domain/facility';
import { DEFAULT_WALKING_SPEED, WOONZORGZONE_PROFILE } from '../../../src/domain/norms';
import { FacilityIndex, type PackedFacilities } from '../../../src/analysis/facilityIndex';
import { analyseLocation, analyseSites, type HousingTypeVerdict } from '../../../src/analysis/reachability';
import { reachabilityTableToCsv, type ReachabilityCsvLabels } from '../../../src/analysis/reachabilityCsv';
import { applyCoverage } from '../../../src/analysis/dataCoverage';
import { StreetDistanceMethod } from '../../../src/analysis/streetDistanceMethod';
import { buildWalkGraph } from '../../../src/analysis/walkGraph';
import { mergeWalkNetworks } from '../../../src/analysis/walkNetworkMerge';
import { detourInArea } from '../../../src/analysis/walkDetour';
import { at, gridTown, NetworkBuilder } from '../../support/walkNetworks';
import { CSV_LABELS } from './reachabilityFactories';

function packed(facilities: [string, FacilityCategory, number, number][]): PackedFacilities {
  return {
    ids: facilities.map(([id]) => id),
    coordinates: Float64Array.from(facilities.flatMap(([, , x, y]) => at(x, y))),
    categoryCodes: Uint8Array.from(facilities.map(([, category]) => categoryCode(category))),
  };
}

const facilities = packed([['super-north', 'supermarkt', 0, 620]]);
const index = new FacilityIndex(facilities);
const graph = buildWalkGraph(gridTown({ river: true }).build());
const street = new StreetDistanceMethod(graph, facilities);
// the river bank south of the supermarket: 220 m as the crow flies, 1000 + 200 + 1000 + 20 m over the bridge
const bank = at(0, 400);

function supermarketVerdict(housingTypes: Record<string, HousingTypeVerdict>): string | undefined {
  return Object.values(housingTypes)
    .flatMap((verdict) => verdict.norms)
    .find((norm) => norm.category === 'supermarkt')?.verdict;
}

describe('reachability with both distance methods', () => {
  it('shows both distances; the verdict follows the chosen method', () => {
    const crow = analyseLocation(bank, index, WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED, { street: { method: street, chosen: 'hemelsbreed' } });
    expect(crow.method).toBe('hemelsbreed');
    expect(crow.comparison).toMatchObject({ chosen: 'hemelsbreed', network: 'ok', snapMeters: 0 });
    expect(crow.comparison!.straightLine.supermarkt).toBeCloseTo(220, 0);
    const route = crow.comparison!.overStreet!.supermarkt;
    expect(route.kind).toBe('route');
    if (route.kind !== 'route') return;
    expect(route.distanceMeters).toBeCloseTo(2220, 0);
    expect(route.walkingMinutes).toBeCloseTo(route.distanceMeters / DEFAULT_WALKING_SPEED.metersPerSecond / 60, 6);
    expect(supermarketVerdict(crow.housingTypes)).toBe('met');

    const walk = analyseLocation(bank, index, WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED, { street: { method: street, chosen: 'overStraat' } });
    expect(walk.method).toBe('overStraat');
    expect(walk.categories.supermarkt).toMatchObject({ status: 'found', facilityId: 'super-north', method: 'overStraat' });
    expect(supermarketVerdict(walk.housingTypes)).toBe('notMet');
  });

  it('over straat is never shorter than hemelsbreed, and equal on a straight street', () => {
    const onStreet = packed([['super', 'supermarkt', 300, 0]]);
    const method = new StreetDistanceMethod(graph, onStreet);
    const result = analyseLocation(at(0, 0), new FacilityIndex(onStreet), WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED, { street: { method, chosen: 'overStraat' } });
    const straight = result.comparison!.straightLine.supermarkt!;
    expect(result.categories.supermarkt.status === 'found' && result.categories.supermarkt.distanceMeters).toBeCloseTo(straight, 3);
    for (const [x, y] of [[50, 50], [700, 300], [900, 1000], [0, 1000]] as const) {
      const other = analyseLocation(at(x, y), new FacilityIndex(onStreet), WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED, { street: { method, chosen: 'overStraat' } });
      const reach = other.categories.supermarkt;
      expect(reach.status === 'found' && reach.distanceMeters).toBeGreaterThanOrEqual(other.comparison!.straightLine.supermarkt! - 1e-6);
    }
  });

  it('outside the downloaded area the verdict is hemelsbreed, and labelled so', () => {
    const result = analyseLocation(at(-400, 0), index, WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED, { street: { method: street, chosen: 'overStraat' } });
    expect(result.method).toBe('hemelsbreed');
    expect(result.comparison).toMatchObject({ chosen: 'overStraat', network: 'outsideNetwork', overStreet: null });
    expect(result.categories.supermarkt).toMatchObject({ status: 'found', method: 'hemelsbreed' });
  });

  it('without any network, choosing over straat falls back to hemelsbreed with the reason', () => {
    const result = analyseLocation(bank, index, WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED, { street: { method: null, chosen: 'overStraat' } });
    expect(result.method).toBe('hemelsbreed');
    expect(result.comparison).toMatchObject({ network: 'noNetwork' });
    // hemelsbreed without a network: nothing changes
    expect(analyseLocation(bank, index, WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED, { street: { method: null, chosen: 'hemelsbreed' } }).comparison).toBeUndefined();
  });

  it('more than 200 m from any street: "geen route", judged "geen gegevens" even where the data is complete', () => {
    const inArea = new StreetDistanceMethod(graph, facilities, { isInsideArea: () => true });
    const result = analyseLocation(at(-400, 0), index, WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED, { street: { method: inArea, chosen: 'overStraat' } });
    expect(result.comparison).toMatchObject({ network: 'farFromStreet', snapMeters: null });
    expect(result.categories.supermarkt).toMatchObject({ status: 'noData', noRoute: 'farFromStreet' });
    const judged = applyCoverage(result, new Set());
    expect(judged.categories.supermarkt.complete).toBe(false);
    expect(supermarketVerdict(judged.housingTypes)).toBe('noData');
  });

  it('a point on a street island with no facility gets "geen route" (not connected)', () => {
    const islandGraph = buildWalkGraph(gridTown({ island: true }).build());
    const method = new StreetDistanceMethod(islandGraph, facilities);
    const result = analyseLocation(at(2050, 0), index, WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED, { street: { method, chosen: 'overStraat' } });
    expect(result.comparison!.overStreet!.supermarkt).toEqual({ kind: 'noRoute', reason: 'notConnected' });
    expect(result.categories.supermarkt).toMatchObject({ status: 'noData', noRoute: 'notConnected' });
  });
});

describe('mergeWalkNetworks', () => {
  it('joins two downloads at the nodes they share, so a walk crosses the municipal border', () => {
    const west = new NetworkBuilder().street(0, 0, 100, 0).street(100, 0, 200, 0).build();
    const east = new NetworkBuilder().street(200, 0, 300, 0).build();
    const merged = mergeWalkNetworks([west, east]);
    expect(merged.nodeCoordinates.length / 2).toBe(4);
    const method = new StreetDistanceMethod(buildWalkGraph(merged), packed([['gp', 'huisarts', 300, 0]]));
    expect(method.nearest('huisarts', at(0, 0))!.distanceMeters).toBeCloseTo(300, 3);
  });
});

describe('detourInArea', () => {
  it('is 1 on a straight street and larger across the river with one bridge', () => {
    const straight = new NetworkBuilder();
    for (let x = 0; x < 3000; x += 100) straight.street(x, 0, x + 100, 0);
    expect(detourInArea(buildWalkGraph(straight.build()), () => true).median).toBeCloseTo(1, 6);
    const plain = detourInArea(buildWalkGraph(gridTown().build()), () => true);
    const river = detourInArea(buildWalkGraph(gridTown({ river: true }).build()), () => true);
    // a grid walk between corners is at most √2 times the straight line
    expect(plain.median!).toBeGreaterThan(1);
    expect(plain.median!).toBeLessThanOrEqual(Math.SQRT2 + 1e-9);
    expect(river.median!).toBeGreaterThan(plain.median!);
    expect(river.pairCount).toBeGreaterThan(50);
  });

  it('has no median without streets in the area', () => {
    expect(detourInArea(buildWalkGraph(gridTown().build()), () => false)).toEqual({ median: null, pairCount: 0, unconnectedCount: 0 });
  });
});

describe('CSV with over straat', () => {
  const labels: ReachabilityCsvLabels = {
    ...CSV_LABELS,
    street: {
      methodColumn: 'Gemeten',
      methods: { hemelsbreed: 'hemelsbreed', overStraat: 'over straat', outsideNetwork: 'hemelsbreed (buiten)', noNetwork: 'hemelsbreed (geen)', farFromStreet: 'geen route' },
      straightColumn: '{category} hemelsbreed (m)',
      streetColumn: '{category} over straat (m)',
      noRoute: 'geen route',
    },
  };

  it('says per row how it was measured and gives both distances', () => {
    const sites = [
      { id: 'bank', name: 'Oever', location: bank },
      { id: 'outside', name: 'Buiten', location: at(-400, 0) },
    ];
    const rows = analyseSites(sites, index, WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED, { street: { method: street, chosen: 'overStraat' } });
    const lines = reachabilityTableToCsv(rows, labels, ['supermarkt']).replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('Id;Locatie;Buiten;Gemeten;Supermarkt (m);Supermarkt (min);Supermarkt volledig;Supermarkt hemelsbreed (m);Supermarkt over straat (m);Norm Nultreden;Norm Geclusterd;Norm Zorggeschikt');
    expect(lines[1]).toMatch(/^bank;Oever;nee;over straat;2220;\d+,\d;ja;220;2220;/);
    expect(lines[2]).toMatch(/^outside;Buiten;nee;hemelsbreed \(buiten\);\d+;\d+,\d;ja;\d+;geen gegevens;/);
    // without a network and with hemelsbreed chosen, the CSV has no extra columns
    const plain = analyseSites(sites, index, WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED);
    expect(reachabilityTableToCsv(plain, labels, ['supermarkt']).split('\r\n')[0]).not.toContain('Gemeten');
  });
});
