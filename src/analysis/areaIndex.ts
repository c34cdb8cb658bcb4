// Fast "is this point inside the area?" for one (multi)polygon, asked hundreds of thousands of
// times (an import of 300,000 rows runs it in a worker): a bounding-box test first, then an
// even-odd ray cast over only the edges of the horizontal slab the point lies in. Built once per
// outline; exact for the outline's vertices (no simplification). Pure and worker-safe.

import type { MultiPolygon, Polygon } from 'geojson';
import type { BoundingBox } from '../domain/geography';

export interface AreaIndex {
  /** [west, south, east, north] of the outline. */
  bounds: BoundingBox;
  /** True when [lon, lat] lies inside the outline (holes excluded). */
  contains(point: readonly [number, number]): boolean;
  /** True when [lon, lat] lies inside the outline or exactly on one of its edges (as turf's booleanPointInPolygon). */
  covers(point: readonly [number, number]): boolean;
  /** Straight-line distance in metres from a point to the nearest edge of the outline. */
  distanceToEdgeMeters(point: readonly [number, number]): number;
}

/** Slabs per outline: Overijssel's 1,100 edges give a few dozen per slab at most. */
const SLAB_COUNT = 512;
const METERS_PER_DEGREE_LATITUDE = 111_320;

/** Every ring (outer and holes) of a polygon or multipolygon. */
export function ringsOf(geometry: Polygon | MultiPolygon): number[][][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

export function createAreaIndex(geometry: Polygon | MultiPolygon): AreaIndex {
  const rings = ringsOf(geometry);
  const edgeCount = rings.reduce((sum, ring) => sum + Math.max(0, ring.length - 1), 0);
  // x1, y1, x2, y2 per edge
  const edges = new Float64Array(edgeCount * 4);
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  let edge = 0;
  for (const ring of rings) {
    for (let index = 0; index + 1 < ring.length; index += 1) {
      const [x1, y1] = ring[index] as [number, number];
      const [x2, y2] = ring[index + 1] as [number, number];
      edges.set([x1, y1, x2, y2], edge * 4);
      edge += 1;
      west = Math.min(west, x1, x2);
      east = Math.max(east, x1, x2);
      south = Math.min(south, y1, y2);
      north = Math.max(north, y1, y2);
    }
  }
  const slabHeight = (north - south) / SLAB_COUNT || 1;
  const slabOf = (y: number) => Math.min(SLAB_COUNT - 1, Math.max(0, Math.floor((y - south) / slabHeight)));

  // Edges per slab in compressed form: slabStart[s] … slabStart[s + 1] index into slabEdges.
  const counts = new Uint32Array(SLAB_COUNT + 1);
  const forEachSlabOfEdge = (index: number, visit: (slab: number) => void) => {
    const y1 = edges[index * 4 + 1] as number;
    const y2 = edges[index * 4 + 3] as number;
    // Horizontal edges never cross a horizontal ray (the crossing test skips them), but a point can lie on one.
    const last = slabOf(Math.max(y1, y2));
    for (let slab = slabOf(Math.min(y1, y2)); slab <= last; slab += 1) visit(slab);
  };
  for (let index = 0; index < edgeCount; index += 1) forEachSlabOfEdge(index, (slab) => (counts[slab + 1] = (counts[slab + 1] as number) + 1));
  for (let slab = 0; slab < SLAB_COUNT; slab += 1) counts[slab + 1] = (counts[slab + 1] as number) + (counts[slab] as number);
  const slabStart = counts.slice();
  const slabEdges = new Uint32Array(slabStart[SLAB_COUNT] as number);
  const fill = counts.slice();
  for (let index = 0; index < edgeCount; index += 1) {
    forEachSlabOfEdge(index, (slab) => {
      slabEdges[fill[slab] as number] = index;
      fill[slab] = (fill[slab] as number) + 1;
    });
  }

  /** Even-odd ray cast over the point's slab; `edgeCounts`: a point exactly on an edge is inside. */
  const rayCast = ([x, y]: readonly [number, number], edgeCounts: boolean): boolean => {
    if (!(x >= west && x <= east && y >= south && y <= north)) return false;
    const slab = slabOf(y);
    let inside = false;
    for (let position = slabStart[slab] as number; position < (slabStart[slab + 1] as number); position += 1) {
      const offset = (slabEdges[position] as number) * 4;
      const x1 = edges[offset] as number;
      const y1 = edges[offset + 1] as number;
      const x2 = edges[offset + 2] as number;
      const y2 = edges[offset + 3] as number;
      // on the edge: collinear and within its extent
      if (edgeCounts && (x - x1) * (y2 - y1) === (y - y1) * (x2 - x1) && x >= Math.min(x1, x2) && x <= Math.max(x1, x2) && y >= Math.min(y1, y2) && y <= Math.max(y1, y2)) return true;
      if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
    }
    return inside;
  };

  const bounds: BoundingBox = [west, south, east, north];
  return {
    bounds,
    contains: (point) => rayCast(point, false),
    covers: (point) => rayCast(point, true),
    distanceToEdgeMeters([x, y]) {
      // Local flat projection around the point: ample for "how far across the border".
      const scaleX = Math.cos((y * Math.PI) / 180) * METERS_PER_DEGREE_LATITUDE;
      const scaleY = METERS_PER_DEGREE_LATITUDE;
      let best = Infinity;
      for (let index = 0; index < edgeCount; index += 1) {
        const ax = ((edges[index * 4] as number) - x) * scaleX;
        const ay = ((edges[index * 4 + 1] as number) - y) * scaleY;
        const bx = ((edges[index * 4 + 2] as number) - x) * scaleX;
        const by = ((edges[index * 4 + 3] as number) - y) * scaleY;
        const dx = bx - ax;
        const dy = by - ay;
        const lengthSquared = dx * dx + dy * dy;
        const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
      return best;
    },
  };
}

const indexes = new WeakMap<Polygon | MultiPolygon, AreaIndex>();

/** The index of an outline, built on first use and kept as long as the outline object lives. */
export function areaIndexFor(geometry: Polygon | MultiPolygon): AreaIndex {
  let index = indexes.get(geometry);
  if (index === undefined) {
    index = createAreaIndex(geometry);
    indexes.set(geometry, index);
  }
  return index;
}
