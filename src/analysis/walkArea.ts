// Walking-time areas for one location: the streets reached within 5 / 10 / 15 minutes at a walking
// speed, and an area per time band to draw on the map.
//
// How the area is made (a "buffer of the reached streets", done on a raster): points every few
// metres along every reached street carry their walking distance; each stamps the cells of a 20 m
// grid within 50 m of it with that distance plus the straight step to the cell. d3-contour (marching
// squares) outlines the cells within each band's distance; holes (a park or a lake no street
// reaches) stay holes. So the area is what lies within 50 m of a reached street, and a place 30 m
// off a street counts 30 m more. Membership questions ("is this within 10 minutes?") go through
// the network distances, not through these polygons, which exist only to be drawn.

import { contours } from 'd3-contour';
import type { Feature, FeatureCollection, LineString, MultiPolygon } from 'geojson';
import { DEGREES_TO_RADIANS, EARTH_RADIUS_METERS } from './sphericalDistance';
import { multiSourceDistances, snapToGraph, type SearchBuffers, type WalkGraph } from './walkGraph';

export const WALK_AREA_MINUTES: readonly number[] = [5, 10, 15];
/** Raster cell of the area outline. */
export const WALK_AREA_CELL_METERS = 20;
/** How far from a reached street the area reaches. */
export const WALK_AREA_BUFFER_METERS = 50;

export interface WalkAreaOptions {
  minutes?: readonly number[];
  cellMeters?: number;
  bufferMeters?: number;
  maxSnapMeters?: number;
  buffers?: SearchBuffers;
}

export interface WalkAreaProperties {
  /** The band's time limit. */
  minutes: number;
  /** The band's distance limit in metres (walking speed × minutes). */
  meters: number;
}

export type WalkAreaResult =
  | {
      ok: true;
      /** Where the location joins the street network, and how far away that is. */
      snapLocation: [number, number];
      snapMeters: number;
      /** One MultiPolygon per band, smallest band last (so it draws on top). */
      areas: FeatureCollection<MultiPolygon, WalkAreaProperties>;
      /** Reached street pieces; `minutes` is the band that reaches the piece's far end. */
      streets: FeatureCollection<LineString, WalkAreaProperties>;
      /** Metres of street reached within the largest band. */
      reachedStreetMeters: number;
    }
  | { ok: false; reason: 'noStreetNearby'; maxSnapMeters: number };

function bandOf(distance: number, limits: readonly number[]): number {
  for (let band = 0; band < limits.length; band++) if (distance <= limits[band]! + 1e-9) return band;
  return limits.length - 1;
}

export function walkingTimeAreas(graph: WalkGraph, location: [number, number], speedKmh: number, options: WalkAreaOptions = {}): WalkAreaResult {
  if (!(speedKmh > 0) || !Number.isFinite(speedKmh)) throw new RangeError(`walking speed must be a positive number, got ${speedKmh}`);
  const minutes = [...(options.minutes ?? WALK_AREA_MINUTES)].sort((a, b) => a - b);
  const cellMeters = options.cellMeters ?? WALK_AREA_CELL_METERS;
  const bufferMeters = options.bufferMeters ?? WALK_AREA_BUFFER_METERS;
  const [lon, lat] = location;
  const snapped = snapToGraph(graph, lon, lat, options.maxSnapMeters);
  if (!snapped.ok) return snapped;
  const snap = snapped.snap;
  const metersPerMinute = (speedKmh * 1000) / 60;
  const limits = minutes.map((minute) => minute * metersPerMinute);
  const maxMeters = limits[limits.length - 1]!;
  const { distances } = multiSourceDistances(graph, [snap], maxMeters, options.buffers);

  // local plane around the location, metres
  const metersPerDegreeLat = EARTH_RADIUS_METERS * DEGREES_TO_RADIANS;
  const metersPerDegreeLon = metersPerDegreeLat * Math.cos(lat * DEGREES_TO_RADIANS);
  const reach = maxMeters + bufferMeters + cellMeters;
  const size = 2 * Math.ceil(reach / cellMeters) + 3; // odd, with an empty border so rings close
  const half = (size - 1) / 2;
  const values = new Float64Array(size * size).fill(-Infinity);
  const stampRadius = Math.ceil(bufferMeters / cellMeters);
  const stepMeters = cellMeters;

  const stamp = (x: number, y: number, distance: number): void => {
    const column = Math.round(x / cellMeters) + half;
    const row = Math.round(y / cellMeters) + half;
    for (let dy = -stampRadius; dy <= stampRadius; dy++) {
      const r = row + dy;
      if (r < 1 || r >= size - 1) continue;
      const cellY = (r - half) * cellMeters - y;
      for (let dx = -stampRadius; dx <= stampRadius; dx++) {
        const c = column + dx;
        if (c < 1 || c >= size - 1) continue;
        const cellX = (c - half) * cellMeters - x;
        const offset = Math.sqrt(cellX * cellX + cellY * cellY);
        if (offset > bufferMeters) continue;
        const value = -(distance + offset);
        const index = r * size + c;
        if (value > values[index]!) values[index] = value;
      }
    }
  };

  const streetFeatures: Feature<LineString, WalkAreaProperties>[] = [];
  let reachedStreetMeters = 0;
  /** A reached piece of an edge from (x1,y1) at distance d1 going `length` metres towards (x2,y2). */
  const addPiece = (lon1: number, lat1: number, lon2: number, lat2: number, edgeLength: number, startFraction: number, endFraction: number, startDistance: number, increasing: boolean): void => {
    const pieceLength = (endFraction - startFraction) * edgeLength;
    if (pieceLength <= 0) return;
    reachedStreetMeters += pieceLength;
    const x1 = (lon1 - lon) * metersPerDegreeLon;
    const y1 = (lat1 - lat) * metersPerDegreeLat;
    const dx = (lon2 - lon1) * metersPerDegreeLon;
    const dy = (lat2 - lat1) * metersPerDegreeLat;
    const steps = Math.max(1, Math.ceil(pieceLength / stepMeters));
    for (let step = 0; step <= steps; step++) {
      const fraction = startFraction + ((endFraction - startFraction) * step) / steps;
      const travelled = (pieceLength * step) / steps;
      stamp(x1 + fraction * dx, y1 + fraction * dy, increasing ? startDistance + travelled : startDistance - travelled);
    }
    const farDistance = increasing ? startDistance + pieceLength : startDistance;
    const band = bandOf(farDistance, limits);
    streetFeatures.push({
      type: 'Feature',
      properties: { minutes: minutes[band]!, meters: limits[band]! },
      geometry: {
        type: 'LineString',
        coordinates: [
          [lon1 + startFraction * (lon2 - lon1), lat1 + startFraction * (lat2 - lat1)],
          [lon1 + endFraction * (lon2 - lon1), lat1 + endFraction * (lat2 - lat1)],
        ],
      },
    });
  };

  const { edgeNodes, nodeCoordinates, edgeLengths, adjacencyStart, adjacencyEdge } = graph;
  const visitEdge = (edge: number): void => {
    const from = edgeNodes[2 * edge]!;
    const to = edgeNodes[2 * edge + 1]!;
    const dFrom = distances[from]!;
    const dTo = distances[to]!;
    const length = edgeLengths[edge]!;
    const lon1 = nodeCoordinates[2 * from]!;
    const lat1 = nodeCoordinates[2 * from + 1]!;
    const lon2 = nodeCoordinates[2 * to]!;
    const lat2 = nodeCoordinates[2 * to + 1]!;
    if (edge === snap.edge) {
      // the walk starts on this edge: both directions from the joining point, as far as the limit allows
      const start = snap.alongMeters / (length || 1);
      const towardsFrom = Math.min(snap.alongMeters, maxMeters - snap.snapMeters);
      const towardsTo = Math.min(length - snap.alongMeters, maxMeters - snap.snapMeters);
      if (towardsFrom > 0) addPiece(lon1, lat1, lon2, lat2, length, start - towardsFrom / length, start, snap.snapMeters + towardsFrom, false);
      if (towardsTo > 0) addPiece(lon1, lat1, lon2, lat2, length, start, start + towardsTo / length, snap.snapMeters, true);
      return;
    }
    const fromReach = dFrom <= maxMeters ? Math.min(length, maxMeters - dFrom) : 0;
    const toReach = dTo <= maxMeters ? Math.min(length, maxMeters - dTo) : 0;
    if (fromReach + toReach >= length) {
      // whole edge reached (both ends finite): each part from its nearer end, split where the two ways meet
      const meet = Math.min(length, Math.max(0, (dTo - dFrom + length) / 2));
      if (meet > 0) addPiece(lon1, lat1, lon2, lat2, length, 0, meet / length, dFrom, true);
      if (meet < length) addPiece(lon1, lat1, lon2, lat2, length, meet / length, 1, dTo + (length - meet), false);
      return;
    }
    if (fromReach > 0) addPiece(lon1, lat1, lon2, lat2, length, 0, fromReach / length, dFrom, true);
    if (toReach > 0) addPiece(lon1, lat1, lon2, lat2, length, 1 - toReach / length, 1, dTo + toReach, false);
  };
  visitEdge(snap.edge);
  // every other edge with a reached end, once: at its first node, or at its second when the first is unreached
  for (let node = 0; node < graph.nodeCount; node++) {
    if (!(distances[node]! <= maxMeters)) continue;
    const end = adjacencyStart[node + 1]!;
    for (let arc = adjacencyStart[node]!; arc < end; arc++) {
      const edge = adjacencyEdge[arc]!;
      if (edge === snap.edge) continue;
      const from = edgeNodes[2 * edge]!;
      if (from === node || !(distances[from]! <= maxMeters)) {
        if (from !== node && edgeNodes[2 * edge + 1]! !== node) continue;
        visitEdge(edge);
      }
    }
  }
  // the location itself and its path to the street
  stamp(0, 0, snap.snapMeters);

  const toLonLat = (point: number[]): [number, number] => {
    // d3-contour puts sample i at grid coordinate i + 0.5
    const x = (point[0]! - 0.5 - half) * cellMeters;
    const y = (point[1]! - 0.5 - half) * cellMeters;
    return [lon + x / metersPerDegreeLon, lat + y / metersPerDegreeLat];
  };
  const generator = contours()
    .size([size, size])
    .thresholds(limits.map((limit) => -limit));
  const bands = generator(Array.from(values));
  const areaFeatures: Feature<MultiPolygon, WalkAreaProperties>[] = bands.map((band) => {
    const limit = -band.value;
    const index = limits.findIndex((candidate) => Math.abs(candidate - limit) < 1e-6);
    return {
      type: 'Feature',
      properties: { minutes: minutes[index]!, meters: limits[index]! },
      geometry: { type: 'MultiPolygon', coordinates: band.coordinates.map((polygon) => polygon.map((ring) => ring.map(toLonLat))) },
    };
  });
  // d3 sorts thresholds ascending: -15 min first, so the largest band comes first and the 5-minute band last
  return {
    ok: true,
    snapLocation: snap.location,
    snapMeters: snap.snapMeters,
    areas: { type: 'FeatureCollection', features: areaFeatures },
    streets: { type: 'FeatureCollection', features: streetFeatures },
    reachedStreetMeters,
  };
}
