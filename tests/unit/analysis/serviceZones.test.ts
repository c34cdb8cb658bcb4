import { describe, expect, it } from 'vitest';
import type { FacilityCategory } from '../../../src/domain/facility';
import { defaultZoneDefinition, withRequirement, withZoneDistance, type ZoneDefinition } from '../../../src/domain/serviceZones';
import { buildServiceZones, drawnZoneFeature, drawnZoneIssue, zoneLocator, zoneMembership, zoneRuleMembership, ZONE_TOLERANCE_METERS, type ZonePoints } from '../../../src/analysis/serviceZones';
import { haversineMeters } from '../../../src/analysis/sphericalDistance';
import { seededRandom } from '../../support/seededRandom';

/** A definition needing only a supermarket: zones are care discs ∩ union of supermarket discs. */
function simpleDefinition(care = 500, shop = 500): ZoneDefinition {
  let definition = defaultZoneDefinition();
  for (const category of ['huisarts', 'ontmoetingsplek', 'ovHalte'] as const) definition = withRequirement(definition, category, false);
  definition = withZoneDistance(definition, 'zorg24uur', care);
  return withZoneDistance(definition, 'supermarkt', shop);
}

function points(entries: Partial<Record<FacilityCategory, [number, number][]>>): ZonePoints {
  return new Map(Object.entries(entries).map(([category, list]) => [category as FacilityCategory, Float64Array.from(list.flat())]));
}

/** A point `meters` east of another (at its latitude). */
function east(point: [number, number], meters: number): [number, number] {
  return [point[0] + meters / (111_195 * Math.cos((point[1] * Math.PI) / 180)), point[1]];
}

const ZWOLLE: [number, number] = [6.0944, 52.5125];

describe('buildServiceZones', () => {
  it('says there are no care locations instead of returning an empty result', () => {
    const result = buildServiceZones(points({ supermarkt: [ZWOLLE] }), simpleDefinition());
    expect(result.status).toBe('noCareLocations');
    expect(result.zones).toEqual([]);
  });

  it('names required categories without any facility', () => {
    const result = buildServiceZones(points({ zorg24uur: [ZWOLLE] }), simpleDefinition());
    expect(result.status).toBe('ok');
    expect(result.zones).toEqual([]);
    expect(result.emptyCategories).toEqual(['supermarkt']);
  });

  it('gives the lens of a care disc and a shop disc, with the lens area', () => {
    const shop = east(ZWOLLE, 600);
    const result = buildServiceZones(points({ zorg24uur: [ZWOLLE], supermarkt: [shop] }), simpleDefinition());
    expect(result.zones).toHaveLength(1);
    // lens of two 500 m circles 600 m apart: 2 r² acos(d/2r) − (d/2) √(4r² − d²)
    const r = 500;
    const d = 600;
    const lens = 2 * r * r * Math.acos(d / (2 * r)) - (d / 2) * Math.sqrt(4 * r * r - d * d);
    expect(result.zones[0]!.properties.areaSquareMeters).toBeGreaterThan(lens * 0.995);
    expect(result.zones[0]!.properties.areaSquareMeters).toBeLessThan(lens * 1.001);
    expect(result.zones[0]!.properties.careLocationCount).toBe(1);
  });

  it('keeps two care discs touching at one point as two zones, not a figure of eight', () => {
    const other = east(ZWOLLE, 1000);
    // the shop disc covers both care discs
    const result = buildServiceZones(points({ zorg24uur: [ZWOLLE, other], supermarkt: [east(ZWOLLE, 500)] }), simpleDefinition(500, 2000));
    expect(result.unclosedRings).toBe(0);
    expect(result.zones).toHaveLength(2);
    for (const zone of result.zones) expect(zone.geometry.coordinates).toHaveLength(1);
  });

  it('makes a hole where four care discs leave a gap in the middle', () => {
    // four care discs around a centre, each 600 m from it: pairwise overlapping, the centre uncovered
    const centre = ZWOLLE;
    const around: [number, number][] = [
      east(centre, 600),
      east(centre, -600),
      [centre[0], centre[1] + 600 / 111_195],
      [centre[0], centre[1] - 600 / 111_195],
    ];
    const result = buildServiceZones(points({ zorg24uur: around, supermarkt: [centre] }), simpleDefinition(500, 3000));
    expect(result.zones).toHaveLength(1);
    expect(result.zones[0]!.geometry.coordinates).toHaveLength(2);
    const membership = zoneMembership(result.zones);
    expect(membership(centre)).toBe('outside');
    expect(membership(east(centre, 600))).toBe('inside');
  });
});

describe('zoneMembership against the distance rule', () => {
  it('agrees on random points except within the stated tolerance of a circle', () => {
    const random = seededRandom(9);
    const around = (spread: number): [number, number] => [ZWOLLE[0] + (random() - 0.5) * spread, ZWOLLE[1] + (random() - 0.5) * spread * 0.6];
    const facilities: Partial<Record<FacilityCategory, [number, number][]>> = {
      zorg24uur: Array.from({ length: 12 }, () => around(0.06)),
      supermarkt: Array.from({ length: 25 }, () => around(0.06)),
      huisarts: Array.from({ length: 20 }, () => around(0.06)),
      ontmoetingsplek: Array.from({ length: 20 }, () => around(0.06)),
      ovHalte: Array.from({ length: 60 }, () => around(0.06)),
    };
    const zonePoints = points(facilities);
    const definition = withZoneDistance(defaultZoneDefinition(), 'zorg24uur', 900);
    const result = buildServiceZones(zonePoints, definition);
    expect(result.unclosedRings).toBe(0);
    expect(result.zones.length).toBeGreaterThan(0);
    const byPolygon = zoneMembership(result.zones);
    const byRule = zoneRuleMembership(zonePoints, definition);
    const radii: [FacilityCategory, number][] = [['zorg24uur', 900], ['supermarkt', 500], ['huisarts', 500], ['ontmoetingsplek', 500], ['ovHalte', 300]];
    // the polygon's chords lie at most ZONE_TOLERANCE_METERS inside the arcs; Mercator circles differ
    // from haversine circles by centimetres: points within 1 m of any circle are not judged
    const margin = ZONE_TOLERANCE_METERS + 0.5;
    let judged = 0;
    let inside = 0;
    for (let sample = 0; sample < 6_000; sample++) {
      const point = around(0.07);
      const nearCircle = radii.some(([category, radius]) => facilities[category]!.some((facility) => Math.abs(haversineMeters(point[0], point[1], facility[0], facility[1]) - radius) < margin));
      if (nearCircle) continue;
      judged++;
      const rule = byRule(point);
      if (rule) inside++;
      expect(byPolygon(point), `point ${point.join(',')}`).toBe(rule ? 'inside' : 'outside');
    }
    expect(judged).toBeGreaterThan(4_000);
    expect(inside).toBeGreaterThan(100);
  }, 60_000);

  it('answers noData outside zones where the data is incomplete, never inside a zone', () => {
    const result = buildServiceZones(points({ zorg24uur: [ZWOLLE], supermarkt: [ZWOLLE] }), simpleDefinition());
    const membership = zoneMembership(result.zones, () => true);
    expect(membership(ZWOLLE)).toBe('inside');
    expect(membership(east(ZWOLLE, 2000))).toBe('noData');
  });
});

describe('drawn zones in the one membership rule', () => {
  const square = (west: number, south: number, size: number): [number, number][][] => [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]];

  it('a point in a drawn zone is inside, located in that zone; outside it the data-gap rule still decides', () => {
    const computed = buildServiceZones(
      new Map<FacilityCategory, Float64Array>([['zorg24uur', Float64Array.from([6.1, 52.5])], ['supermarkt', Float64Array.from([6.1, 52.5])], ['huisarts', Float64Array.from([6.1, 52.5])], ['ontmoetingsplek', Float64Array.from([6.1, 52.5])], ['ovHalte', Float64Array.from([6.1, 52.5])]]),
      defaultZoneDefinition(),
    ).zones;
    expect(computed).toHaveLength(1);
    const drawn = drawnZoneFeature({ id: 'd1', name: 'Getekend gebied 1', outline: square(6.2, 52.4, 0.01) });
    expect(drawn.properties).toMatchObject({ id: 'd1', origin: 'getekend', name: 'Getekend gebied 1' });
    const zones = [...computed, drawn];
    const locate = zoneLocator(zones);
    expect(locate([6.1, 52.5])).toBe(0);
    expect(locate([6.205, 52.405])).toBe(1);
    expect(locate([6.3, 52.405])).toBe(-1);
    const withoutDrawn = zoneMembership(computed, () => true);
    const membership = zoneMembership(zones, () => true);
    expect(withoutDrawn([6.205, 52.405])).toBe('noData');
    expect(membership([6.205, 52.405])).toBe('inside');
    expect(membership([6.3, 52.405])).toBe('noData');
  });

  it('refuses a drawn outline that crosses itself, naming where, or that has too few corners', () => {
    expect(drawnZoneIssue(square(6.2, 52.4, 0.01), 'Gebied')).toBeNull();
    const bowTie = [[[6.2, 52.4], [6.21, 52.41], [6.21, 52.4], [6.2, 52.41], [6.2, 52.4]]];
    expect(drawnZoneIssue(bowTie, 'Gebied')).toMatchObject({ code: 'zones.outlineSelfIntersecting', record: 'Gebied', params: { lon: '6.20500', lat: '52.40500' } });
    expect(drawnZoneIssue([[[6.2, 52.4], [6.21, 52.41], [6.2, 52.4]]], 'Gebied')).toMatchObject({ code: 'zones.outlineInvalid' });
  });
});
