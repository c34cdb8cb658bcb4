// Woonservicegebieden as geometry: the area within the care distance of a 24-hour care location AND,
// for every required amenity category, within that category's distance of a facility of it,
// dissolved into zones (polygons with holes). Pure and worker-safe.
//
// Method (exact arrangement of circles, no polygon clipping library):
// 1. Only discs that can matter are kept: each care disc that has, for every required category, a
//    facility within care + category distance; and each amenity disc that reaches such a care disc
//    (kdbush range queries around each care location).
// 2. Work in Web Mercator metres: there a straight-line (haversine) circle of radius r around a point
//    at latitude φ is, to within centimetres at these sizes, a circle of radius r / cos φ.
// 3. Every disc's circle is cut at its intersections with the circles of neighbouring discs. An
//    arc belongs to the zone's boundary when a point just inside it is in the zone and a point just
//    outside is not (the zone rule decided from the neighbouring discs only). Boundary arcs are
//    chained into rings (at a point where two zones touch, the rightmost turn keeps them apart):
//    counter-clockwise rings are outlines, clockwise rings holes. Touching discs, holes and zones
//    across municipal borders need no special case; the dissolve is part of the construction.
// 4. Arcs become chords with at most ZONE_TOLERANCE_METERS between chord and arc: the polygon lies
//    inside the true zone and misses at most that strip along its edge.
// Membership by polygon (zoneMembership) and by the distance rule (zoneRuleMembership) agree for
// every point farther than ZONE_TOLERANCE_METERS (+ a few centimetres of projection) from an edge;
// tests/unit/analysis/serviceZones.test.ts checks it on random points.

import KDBush from 'kdbush';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { FacilityCategory } from '../domain/facility';
import { categoryCode } from '../domain/facility';
import { requiredAmenities, ZONE_CARE_CATEGORY, zoneCategoryDistances, type DrawnZone, type ZoneDefinition } from '../domain/serviceZones';
import { outlineAreaHectares, outlineProblem } from './polygonOutline';
import type { DataIssue } from '../domain/dataIssue';
import { createAreaIndex, type AreaIndex } from './areaIndex';
import type { CompleteAreas } from './dataCoverage';
import type { FacilityIndex } from './facilityIndex';
import { DEGREES_TO_RADIANS, EARTH_RADIUS_METERS, haversineMeters } from './sphericalDistance';

/** Largest gap between a zone's polygon edge and the true circle arc, in metres on the ground. */
export const ZONE_TOLERANCE_METERS = 0.5;

/** Facility points per category as [lon0, lat0, lon1, lat1, …] (WGS84). */
export type ZonePoints = ReadonlyMap<FacilityCategory, Float64Array>;

export interface ServiceZoneProperties {
  id: string;
  /** 'berekend' (computed from the definition) or 'getekend' (drawn by the planner). */
  origin: 'berekend' | 'getekend';
  /** The planner's name of a drawn zone (computed zones are named by their number). */
  name?: string;
  areaSquareMeters: number;
  /** 24-hour care locations whose disc lies (partly) in the zone (0 for a drawn zone: not counted). */
  careLocationCount: number;
}

export type ServiceZoneFeature = Feature<Polygon, ServiceZoneProperties>;

export type ZoneSetStatus =
  /** Zones computed (possibly none). */
  | 'ok'
  /** No 24-hour care location is loaded: no result at all, which is not "no zone". */
  | 'noCareLocations';

export interface ZoneSet {
  status: ZoneSetStatus;
  definitionId: string;
  zones: ServiceZoneFeature[];
  /** 24-hour care locations loaded. */
  careLocationCount: number;
  /** Required categories without a single loaded facility (then no zone can exist anywhere). */
  emptyCategories: FacilityCategory[];
  toleranceMeters: number;
  /** Boundary arc chains that did not close (degenerate input); 0 in every case the tests know. */
  unclosedRings: number;
}

// --- input ---

/** The points of the categories a definition needs, from the worker's facility index (active facilities only). */
export function zonePointsFromIndex(index: FacilityIndex, definition: ZoneDefinition): Map<FacilityCategory, Float64Array> {
  const categories: FacilityCategory[] = [ZONE_CARE_CATEGORY, ...requiredAmenities(definition).map((item) => item.category)];
  const codes = new Map(categories.map((category) => [categoryCode(category), category]));
  const lists = new Map<FacilityCategory, number[]>(categories.map((category) => [category, []]));
  for (let position = 0; position < index.facilityCount; position++) {
    if (!index.isActive(position)) continue;
    const category = codes.get(index.facilityCategoryCode(position));
    if (category === undefined) continue;
    const [lon, lat] = index.facilityLocation(position);
    lists.get(category)!.push(lon, lat);
  }
  return new Map([...lists].map(([category, values]) => [category, Float64Array.from(values)]));
}

// --- projection ---

function mercatorY(latDegrees: number): number {
  return EARTH_RADIUS_METERS * Math.log(Math.tan(Math.PI / 4 + (latDegrees * DEGREES_TO_RADIANS) / 2));
}
function inverseMercatorY(y: number): number {
  return (2 * Math.atan(Math.exp(y / EARTH_RADIUS_METERS)) - Math.PI / 2) / DEGREES_TO_RADIANS;
}

interface Projection {
  x(lon: number): number;
  y(lat: number): number;
  lon(x: number): number;
  lat(y: number): number;
}

/** Mercator metres relative to an origin (keeps coordinates small and precise). */
function projectionAround(lon0: number, lat0: number): Projection {
  const x0 = EARTH_RADIUS_METERS * lon0 * DEGREES_TO_RADIANS;
  const y0 = mercatorY(lat0);
  return {
    x: (lon) => EARTH_RADIUS_METERS * lon * DEGREES_TO_RADIANS - x0,
    y: (lat) => mercatorY(lat) - y0,
    lon: (x) => (x + x0) / EARTH_RADIUS_METERS / DEGREES_TO_RADIANS,
    lat: (y) => inverseMercatorY(y + y0),
  };
}

// --- the circles ---

interface Circles {
  /** Centre x, y and radius (Mercator metres) per circle. */
  x: Float64Array;
  y: Float64Array;
  r: Float64Array;
  /** Group per circle: 0 = care, 1 … = required categories in order. */
  group: Uint8Array;
  /** Ground radius in metres (for the chord tolerance). */
  groundRadius: Float64Array;
  count: number;
  groupCount: number;
}

function pointsIndex(coords: Float64Array): KDBush | null {
  const count = coords.length / 2;
  if (count === 0) return null;
  const tree = new KDBush(count, 16, Float64Array);
  for (let position = 0; position < count; position++) tree.add(coords[2 * position]!, coords[2 * position + 1]!);
  return tree.finish();
}

/** Degrees box around a point for a ground radius (a little generous; exact check follows). */
function degreeBox(lon: number, lat: number, meters: number): [number, number, number, number] {
  const dLat = (meters / EARTH_RADIUS_METERS / DEGREES_TO_RADIANS) * 1.01;
  const dLon = dLat / Math.max(0.01, Math.cos(Math.min(89, Math.abs(lat) + dLat) * DEGREES_TO_RADIANS));
  return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
}

function selectCircles(points: ZonePoints, definition: ZoneDefinition, projection: Projection): Circles {
  const careRadius = definition.care.maxDistanceMeters;
  const care = points.get(ZONE_CARE_CATEGORY) ?? new Float64Array(0);
  const amenities = requiredAmenities(definition).map((requirement) => ({ radius: requirement.maxDistanceMeters, coords: points.get(requirement.category) ?? new Float64Array(0) }));
  const trees = amenities.map((amenity) => pointsIndex(amenity.coords));
  const keptAmenity = amenities.map((amenity) => new Uint8Array(amenity.coords.length / 2));
  const keptCare: number[] = [];
  const careCount = care.length / 2;
  for (let position = 0; position < careCount; position++) {
    const lon = care[2 * position]!;
    const lat = care[2 * position + 1]!;
    const nearby: number[][] = [];
    let everyCategory = true;
    for (const [group, amenity] of amenities.entries()) {
      const tree = trees[group];
      const reach = careRadius + amenity.radius;
      const found = tree ? tree.range(...degreeBox(lon, lat, reach)).filter((id) => haversineMeters(lon, lat, amenity.coords[2 * id]!, amenity.coords[2 * id + 1]!) < reach) : [];
      if (found.length === 0) {
        everyCategory = false;
        break;
      }
      nearby.push(found);
    }
    if (!everyCategory) continue;
    keptCare.push(position);
    nearby.forEach((found, group) => found.forEach((id) => (keptAmenity[group]![id] = 1)));
  }

  const entries: { lon: number; lat: number; radius: number; group: number }[] = [];
  const seen = new Set<string>();
  const push = (lon: number, lat: number, radius: number, group: number) => {
    // The same circle twice (two facilities at one address) adds nothing but degenerate arcs.
    const key = `${group}:${lon}:${lat}:${radius}`;
    if (seen.has(key)) return;
    seen.add(key);
    entries.push({ lon, lat, radius, group });
  };
  for (const position of keptCare) push(care[2 * position]!, care[2 * position + 1]!, careRadius, 0);
  amenities.forEach((amenity, group) => {
    const kept = keptAmenity[group]!;
    for (let id = 0; id < kept.length; id++) if (kept[id]) push(amenity.coords[2 * id]!, amenity.coords[2 * id + 1]!, amenity.radius, group + 1);
  });
  const count = entries.length;
  const circles: Circles = {
    x: new Float64Array(count),
    y: new Float64Array(count),
    r: new Float64Array(count),
    group: new Uint8Array(count),
    groundRadius: new Float64Array(count),
    count,
    groupCount: amenities.length + 1,
  };
  entries.forEach((entry, position) => {
    circles.x[position] = projection.x(entry.lon);
    circles.y[position] = projection.y(entry.lat);
    circles.r[position] = entry.radius / Math.cos(entry.lat * DEGREES_TO_RADIANS);
    circles.group[position] = entry.group;
    circles.groundRadius[position] = entry.radius;
  });
  return circles;
}

// --- the arrangement ---

/** Per circle, the circles whose discs overlap or touch it (centre distance ≤ r1 + r2). */
function neighbourLists(circles: Circles): Int32Array[] {
  const lists: Int32Array[] = [];
  if (circles.count === 0) return lists;
  const tree = new KDBush(circles.count, 16, Float64Array);
  let maxRadius = 0;
  for (let position = 0; position < circles.count; position++) {
    tree.add(circles.x[position]!, circles.y[position]!);
    maxRadius = Math.max(maxRadius, circles.r[position]!);
  }
  tree.finish();
  for (let position = 0; position < circles.count; position++) {
    const found = tree.within(circles.x[position]!, circles.y[position]!, circles.r[position]! + maxRadius).filter((other) => {
      if (other === position) return false;
      const dx = circles.x[other]! - circles.x[position]!;
      const dy = circles.y[other]! - circles.y[position]!;
      const reach = circles.r[other]! + circles.r[position]!;
      return dx * dx + dy * dy <= reach * reach * (1 + 1e-12);
    });
    lists.push(Int32Array.from(found));
  }
  return lists;
}

/** Side-test offset from an arc (Mercator metres): far below the tolerance, far above rounding. */
const SIDE_OFFSET = 1e-4;

function makeZoneTest(circles: Circles): (x: number, y: number, candidates: Int32Array, self: number) => boolean {
  const covered = new Uint8Array(circles.groupCount);
  return (x, y, candidates, self) => {
    covered.fill(0);
    let missing = circles.groupCount;
    const check = (circle: number) => {
      const group = circles.group[circle]!;
      if (covered[group]) return;
      const dx = x - circles.x[circle]!;
      const dy = y - circles.y[circle]!;
      const radius = circles.r[circle]!;
      if (dx * dx + dy * dy <= radius * radius) {
        covered[group] = 1;
        missing--;
      }
    };
    if (self >= 0) check(self);
    for (let position = 0; position < candidates.length && missing > 0; position++) check(candidates[position]!);
    return missing === 0;
  };
}

interface Arc {
  circle: number;
  startAngle: number;
  endAngle: number;
  startX: number;
  startY: number;
  endX: number;
  endY: number;
  used: boolean;
}

interface CutPoint {
  angle: number;
  x: number;
  y: number;
}

function boundaryArcs(circles: Circles, neighbours: Int32Array[]): Arc[] {
  const inZone = makeZoneTest(circles);
  const arcs: Arc[] = [];
  const noCandidates = new Int32Array(0);
  for (let circle = 0; circle < circles.count; circle++) {
    const cx = circles.x[circle]!;
    const cy = circles.y[circle]!;
    const radius = circles.r[circle]!;
    const cuts: CutPoint[] = [];
    for (const other of neighbours[circle]!) {
      const dx = circles.x[other]! - cx;
      const dy = circles.y[other]! - cy;
      const distance = Math.hypot(dx, dy);
      const otherRadius = circles.r[other]!;
      if (distance === 0 || distance < Math.abs(radius - otherRadius)) continue; // concentric or one inside the other
      // distance along the centre line to the chord, and half the chord
      const along = (distance * distance + radius * radius - otherRadius * otherRadius) / (2 * distance);
      const half = Math.sqrt(Math.max(0, radius * radius - along * along));
      const ux = dx / distance;
      const uy = dy / distance;
      const mx = cx + along * ux;
      const my = cy + along * uy;
      for (const sign of half === 0 ? [0] : [1, -1]) {
        const x = mx - sign * half * uy;
        const y = my + sign * half * ux;
        cuts.push({ angle: Math.atan2(y - cy, x - cx), x, y });
      }
    }
    cuts.sort((a, b) => a.angle - b.angle);
    const candidates = neighbours[circle] ?? noCandidates;
    const sideTest = (angle: number): boolean => {
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      const inside = inZone(cx + (radius - SIDE_OFFSET) * cos, cy + (radius - SIDE_OFFSET) * sin, candidates, circle);
      if (!inside) return false;
      return !inZone(cx + (radius + SIDE_OFFSET) * cos, cy + (radius + SIDE_OFFSET) * sin, candidates, -1);
    };
    if (cuts.length === 0) {
      if (sideTest(0)) {
        const x = cx + radius;
        arcs.push({ circle, startAngle: 0, endAngle: 2 * Math.PI, startX: x, startY: cy, endX: x, endY: cy, used: false });
      }
      continue;
    }
    for (let position = 0; position < cuts.length; position++) {
      const start = cuts[position]!;
      const end = cuts[(position + 1) % cuts.length]!;
      let endAngle = end.angle;
      if (position + 1 === cuts.length) endAngle += 2 * Math.PI;
      if (endAngle - start.angle <= 0) continue; // two cuts at one point
      if (!sideTest((start.angle + endAngle) / 2)) continue;
      arcs.push({ circle, startAngle: start.angle, endAngle, startX: start.x, startY: start.y, endX: end.x, endY: end.y, used: false });
    }
  }
  return arcs;
}

/** Vertices closer than this (Mercator metres) are one vertex when arcs are chained. */
const VERTEX_SNAP = 1e-4;

function vertexKey(x: number, y: number): string {
  return `${Math.round(x / VERTEX_SNAP)},${Math.round(y / VERTEX_SNAP)}`;
}

/** Turn from the direction of travel at the end of `incoming` to the start of `outgoing`, in (-π, π]; negative = right. */
function turnAngle(circles: Circles, incoming: Arc, outgoing: Arc): number {
  // counter-clockwise tangent at angle a is (-sin a, cos a)
  const inDirection = incoming.endAngle + Math.PI / 2;
  const outDirection = outgoing.startAngle + Math.PI / 2;
  let turn = outDirection - inDirection;
  while (turn <= -Math.PI) turn += 2 * Math.PI;
  while (turn > Math.PI) turn -= 2 * Math.PI;
  // a tangent continuation: the tighter circle turns further left
  if (Math.abs(turn) < 1e-9) turn = 1 / circles.r[outgoing.circle]! - 1 / circles.r[incoming.circle]!;
  return turn;
}

/** Chains boundary arcs into closed rings of arcs; an arc chain that does not close is left out (counted). */
function chainRings(circles: Circles, arcs: Arc[]): { rings: Arc[][]; unclosed: number } {
  const starts = new Map<string, Arc[]>();
  for (const arc of arcs) {
    const key = vertexKey(arc.startX, arc.startY);
    const list = starts.get(key);
    if (list) list.push(arc);
    else starts.set(key, [arc]);
  }
  const rings: Arc[][] = [];
  let unclosed = 0;
  for (const first of arcs) {
    if (first.used) continue;
    const ring: Arc[] = [];
    let current = first;
    let closed = false;
    for (let step = 0; step <= arcs.length; step++) {
      current.used = true;
      ring.push(current);
      if (current.endAngle - current.startAngle >= 2 * Math.PI - 1e-12) {
        closed = true;
        break;
      }
      const options = (starts.get(vertexKey(current.endX, current.endY)) ?? []).filter((arc) => !arc.used || arc === first);
      if (options.length === 0) break;
      let next = options[0]!;
      let bestTurn = turnAngle(circles, current, next);
      for (const option of options.slice(1)) {
        const turn = turnAngle(circles, current, option);
        if (turn < bestTurn) {
          bestTurn = turn;
          next = option;
        }
      }
      if (next === first) {
        closed = true;
        break;
      }
      current = next;
    }
    if (closed) rings.push(ring);
    else unclosed++;
  }
  return { rings, unclosed };
}

/** Chord points of a ring (Mercator metres), closed, with at most `tolerance` ground metres between chord and arc. */
function ringPoints(circles: Circles, ring: Arc[], toleranceMeters: number): number[][] {
  const points: number[][] = [];
  for (const arc of ring) {
    const ground = circles.groundRadius[arc.circle]!;
    const radius = circles.r[arc.circle]!;
    const maxStep = toleranceMeters >= ground ? Math.PI / 2 : 2 * Math.acos(1 - toleranceMeters / ground);
    const span = arc.endAngle - arc.startAngle;
    const steps = Math.max(1, Math.ceil(span / maxStep));
    points.push([arc.startX, arc.startY]);
    const cx = circles.x[arc.circle]!;
    const cy = circles.y[arc.circle]!;
    for (let step = 1; step < steps; step++) {
      const angle = arc.startAngle + (span * step) / steps;
      points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
    }
  }
  points.push(points[0]!);
  return points;
}

function signedArea(ring: number[][]): number {
  let sum = 0;
  for (let position = 0; position + 1 < ring.length; position++) {
    sum += ring[position]![0]! * ring[position + 1]![1]! - ring[position + 1]![0]! * ring[position]![1]!;
  }
  return sum / 2;
}

function ringContains(ring: number[][], x: number, y: number): boolean {
  let inside = false;
  for (let position = 0, previous = ring.length - 2; position < ring.length - 1; previous = position++) {
    const [x1, y1] = ring[position]!;
    const [x2, y2] = ring[previous]!;
    if (y1! > y !== y2! > y && x < ((x2! - x1!) * (y - y1!)) / (y2! - y1!) + x1!) inside = !inside;
  }
  return inside;
}

/** Area in m² on the ground of a Mercator ring (scale at its mean latitude; < 0.1 % off at zone sizes). */
function groundArea(ring: number[][], projection: Projection): number {
  let meanY = 0;
  for (const point of ring) meanY += point[1]!;
  meanY /= ring.length;
  const cos = Math.cos(projection.lat(meanY) * DEGREES_TO_RADIANS);
  return Math.abs(signedArea(ring)) * cos * cos;
}

const COORDINATE_DECIMALS = 1e7;
function round(value: number): number {
  return Math.round(value * COORDINATE_DECIMALS) / COORDINATE_DECIMALS;
}

export interface BuildZonesOptions {
  toleranceMeters?: number;
}

/** The zones of a definition for the loaded facility points; see the top of this file. */
export function buildServiceZones(points: ZonePoints, definition: ZoneDefinition, options: BuildZonesOptions = {}): ZoneSet {
  const toleranceMeters = options.toleranceMeters ?? ZONE_TOLERANCE_METERS;
  const care = points.get(ZONE_CARE_CATEGORY) ?? new Float64Array(0);
  const careLocationCount = care.length / 2;
  const emptyCategories = requiredAmenities(definition)
    .map((requirement) => requirement.category)
    .filter((category) => (points.get(category)?.length ?? 0) === 0);
  const base = { definitionId: definition.id, careLocationCount, emptyCategories, toleranceMeters };
  if (careLocationCount === 0) return { ...base, status: 'noCareLocations', zones: [], unclosedRings: 0 };
  const projection = projectionAround(care[0]!, care[1]!);
  const circles = selectCircles(points, definition, projection);
  const neighbours = neighbourLists(circles);
  const arcs = boundaryArcs(circles, neighbours);
  const { rings, unclosed } = chainRings(circles, arcs);

  const outers: { points: number[][]; holes: number[][][]; area: number }[] = [];
  const holes: { points: number[][]; area: number }[] = [];
  for (const ring of rings) {
    const ringXY = ringPoints(circles, ring, toleranceMeters);
    const area = signedArea(ringXY);
    if (area > 0) outers.push({ points: ringXY, holes: [], area });
    else if (area < 0) holes.push({ points: ringXY, area: -area });
  }
  outers.sort((a, b) => a.area - b.area);
  for (const hole of holes) {
    const [x, y] = hole.points[0]!;
    // the smallest outline around the hole's first vertex (which lies on the outline's circles, not inside another zone)
    const owner = outers.find((outer) => outer.area > hole.area && ringContains(outer.points, x!, y!));
    if (owner) owner.holes.push(hole.points);
  }
  // Care locations per zone: those whose disc reaches into it (its centre inside, or a zone vertex inside its disc).
  const zones: ServiceZoneFeature[] = outers
    .sort((a, b) => b.points[0]![1]! - a.points[0]![1]! || a.points[0]![0]! - b.points[0]![0]!)
    .map((outer, position) => {
      let careInside = 0;
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const [x, y] of outer.points) {
        minX = Math.min(minX, x!);
        minY = Math.min(minY, y!);
        maxX = Math.max(maxX, x!);
        maxY = Math.max(maxY, y!);
      }
      for (let circle = 0; circle < circles.count; circle++) {
        if (circles.group[circle] !== 0) continue;
        const cx = circles.x[circle]!;
        const cy = circles.y[circle]!;
        const inner = circles.r[circle]! - SIDE_OFFSET;
        if (cx + inner < minX || cx - inner > maxX || cy + inner < minY || cy - inner > maxY) continue;
        if (ringContains(outer.points, cx, cy) || outer.points.some(([x, y]) => (x! - cx) ** 2 + (y! - cy) ** 2 < inner * inner)) careInside++;
      }
      const areaSquareMeters = groundArea(outer.points, projection) - outer.holes.reduce((sum, hole) => sum + groundArea(hole, projection), 0);
      const toLonLat = (ring: number[][]) => ring.map(([x, y]) => [round(projection.lon(x!)), round(projection.lat(y!))]);
      return {
        type: 'Feature',
        properties: { id: `zone-${position + 1}`, origin: 'berekend', areaSquareMeters: Math.round(areaSquareMeters), careLocationCount: careInside },
        geometry: { type: 'Polygon', coordinates: [toLonLat(outer.points), ...outer.holes.map(toLonLat)] },
      };
    });
  return { ...base, status: 'ok', zones, unclosedRings: unclosed };
}

// --- membership ---

export type ZoneMembershipAnswer = 'inside' | 'outside' | 'noData';
export type ZoneMembership = (point: readonly [number, number]) => ZoneMembershipAnswer;

/**
 * The distance rule itself: inside when a 24-hour care location lies within the care distance and,
 * for every required category, a facility of it within its distance (haversine, as everywhere).
 */
export function zoneRuleMembership(points: ZonePoints, definition: ZoneDefinition): (point: readonly [number, number]) => boolean {
  const checks = [
    { radius: definition.care.maxDistanceMeters, coords: points.get(ZONE_CARE_CATEGORY) ?? new Float64Array(0) },
    ...requiredAmenities(definition).map((requirement) => ({ radius: requirement.maxDistanceMeters, coords: points.get(requirement.category) ?? new Float64Array(0) })),
  ].map((check) => ({ ...check, tree: pointsIndex(check.coords) }));
  return (point) =>
    checks.every(({ radius, coords, tree }) => tree !== null && tree.range(...degreeBox(point[0], point[1], radius)).some((id) => haversineMeters(point[0], point[1], coords[2 * id]!, coords[2 * id + 1]!) <= radius));
}

/** Bucket size (degrees) of the zone lookup grid. */
const BUCKET_DEGREES = 0.02;

/**
 * The zone a point lies in: the position in `zones` of the first zone (computed or drawn) that covers
 * it, or -1. The one point-in-zone test; zoneMembership is built on it. Pure; build once per zone
 * set and ask for many points.
 */
export function zoneLocator(zones: readonly Feature<Polygon | MultiPolygon>[]): (point: readonly [number, number]) => number {
  const indexes: AreaIndex[] = zones.map((zone) => createAreaIndex(zone.geometry));
  const buckets = new Map<string, number[]>();
  indexes.forEach((index, position) => {
    const [west, south, east, north] = index.bounds;
    for (let column = Math.floor(west / BUCKET_DEGREES); column <= Math.floor(east / BUCKET_DEGREES); column++) {
      for (let row = Math.floor(south / BUCKET_DEGREES); row <= Math.floor(north / BUCKET_DEGREES); row++) {
        const key = `${column},${row}`;
        const list = buckets.get(key);
        if (list) list.push(position);
        else buckets.set(key, [position]);
      }
    }
  });
  return (point) => {
    const candidates = buckets.get(`${Math.floor(point[0] / BUCKET_DEGREES)},${Math.floor(point[1] / BUCKET_DEGREES)}`) ?? [];
    return candidates.find((position) => indexes[position]!.covers(point)) ?? -1;
  };
}

/**
 * Membership by polygon: 'inside' a zone (computed or drawn), else 'noData' where `isIncomplete`
 * says the data needed to rule a zone out is not complete around the point, else 'outside'. Pure;
 * build once per zone set and ask for many points (h9b's coverage figures use this).
 * `isIncomplete` defaults to "complete everywhere"; see zoneDataGaps for the app's rule.
 */
export function zoneMembership(
  zones: readonly Feature<Polygon | MultiPolygon>[],
  isIncomplete: (point: readonly [number, number]) => boolean = () => false,
): ZoneMembership {
  const locate = zoneLocator(zones);
  return (point) => {
    if (locate(point) >= 0) return 'inside';
    return isIncomplete(point) ? 'noData' : 'outside';
  };
}

/**
 * Why a drawn zone's outline cannot be used (a closed ring of at least three corners that does not
 * cross itself, as for a site's outline), or null. Codes are catalogue keys.
 */
export function drawnZoneIssue(outline: readonly (readonly (readonly number[])[])[], name: string): DataIssue | null {
  const problem = outlineProblem(outline);
  if (problem === null) return null;
  if (problem.code === 'selfIntersecting') return { code: 'zones.outlineSelfIntersecting', file: 'drawnZone', record: name, params: { lon: problem.at[0].toFixed(5), lat: problem.at[1].toFixed(5) } };
  return { code: 'zones.outlineInvalid', file: 'drawnZone', record: name };
}

/** A planner's drawn zone as a zone feature (origin 'getekend'), to be counted with the computed ones. */
export function drawnZoneFeature(zone: DrawnZone): ServiceZoneFeature {
  return {
    type: 'Feature',
    properties: { id: zone.id, origin: 'getekend', name: zone.name, areaSquareMeters: Math.round(outlineAreaHectares(zone.outline) * 10_000), careLocationCount: 0 },
    geometry: { type: 'Polygon', coordinates: zone.outline.map((ring) => ring.map(([lon, lat]) => [lon, lat])) },
  };
}

/** The zones of a set as one GeoJSON collection (computed zones first, then drawn ones). */
export function zoneFeatureCollection(zones: readonly ServiceZoneFeature[]): FeatureCollection<Polygon, ServiceZoneProperties> {
  return { type: 'FeatureCollection', features: [...zones] };
}

/**
 * The app's "no data" rule for zones (the border rule of dataCoverage.ts): a point outside every zone
 * is 'noData' unless 24-hour care is complete over the whole care-distance circle around it and
 * every required category over its own distance circle; only then may it read "geen woonservicegebied".
 */
export function zoneDataGaps(definition: ZoneDefinition, areas: Pick<CompleteAreas, 'completeRadiusMeters'>): (point: readonly [number, number]) => boolean {
  const needed = zoneCategoryDistances(definition);
  return (point) => needed.some(({ category, maxDistanceMeters }) => areas.completeRadiusMeters(category, point, maxDistanceMeters) < maxDistanceMeters);
}
