// The street network for walking as a compact graph: nodes and edges in typed arrays, CSR adjacency,
// edge lengths in metres (haversine, the same sphere as 'hemelsbreed'), and a Flatbush index over the
// edges for snapping points to the nearest street. Pure: no DOM, worker- and Node-safe.
//
// Walking ignores one-way rules (`oneway=*` applies to vehicles), so every street is an undirected
// edge: the adjacency lists it under both of its nodes.

import Flatbush from 'flatbush';
import { DEGREES_TO_RADIANS, EARTH_RADIUS_METERS, haversineMeters } from './sphericalDistance';

/**
 * The storable, transferable form of a walking network (what an Overpass download becomes): node
 * positions and edges as node pairs. Typed arrays only, so it crosses to the worker by transfer.
 */
export interface WalkNetwork {
  /** [lon0, lat0, lon1, lat1, ...] WGS84 degrees. */
  nodeCoordinates: Float64Array;
  /** [from0, to0, from1, to1, ...] node positions; undirected. */
  edgeNodes: Uint32Array;
}

export interface WalkGraph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** [lon, lat] per node, degrees. */
  readonly nodeCoordinates: Float64Array;
  /** [from, to] per edge. */
  readonly edgeNodes: Uint32Array;
  /** Length per edge in metres (haversine). */
  readonly edgeLengths: Float64Array;
  /** CSR: the arcs of node n are adjacencyStart[n] .. adjacencyStart[n + 1] - 1. */
  readonly adjacencyStart: Uint32Array;
  /** Neighbour node per arc (each edge gives two arcs). */
  readonly adjacencyNode: Uint32Array;
  /** Edge per arc. */
  readonly adjacencyEdge: Uint32Array;
  /** Length per arc in metres (a copy of edgeLengths[adjacencyEdge[arc]], so the search reads one array). */
  readonly adjacencyLength: Float64Array;
  /** Bounding boxes of the edges, for snapping. */
  readonly edgeIndex: Flatbush;
  /** [west, south, east, north] of all nodes. */
  readonly bbox: [number, number, number, number];
}

/** Bytes held by the graph's typed arrays and its edge index. */
export function walkGraphBytes(graph: WalkGraph): number {
  return (
    graph.nodeCoordinates.byteLength +
    graph.edgeNodes.byteLength +
    graph.edgeLengths.byteLength +
    graph.adjacencyStart.byteLength +
    graph.adjacencyNode.byteLength +
    graph.adjacencyEdge.byteLength +
    graph.adjacencyLength.byteLength +
    graph.edgeIndex.data.byteLength
  );
}

/** Builds the graph; throws a RangeError naming the edge when an edge refers to a missing node. */
export function buildWalkGraph(network: WalkNetwork): WalkGraph {
  const { nodeCoordinates, edgeNodes } = network;
  const nodeCount = nodeCoordinates.length / 2;
  if (!Number.isInteger(nodeCount)) throw new RangeError('walk network: odd number of node coordinates');
  const edgeCount = edgeNodes.length / 2;
  if (!Number.isInteger(edgeCount)) throw new RangeError('walk network: odd number of edge node positions');

  const edgeLengths = new Float64Array(edgeCount);
  const degree = new Uint32Array(nodeCount + 1);
  // Float32 boxes (half the memory; about 0.1 m coarser, which snapToGraph's search box allows for)
  const edgeIndex = new Flatbush(Math.max(1, edgeCount), 16, Float32Array);
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let node = 0; node < nodeCount; node++) {
    const lon = nodeCoordinates[2 * node]!;
    const lat = nodeCoordinates[2 * node + 1]!;
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  for (let edge = 0; edge < edgeCount; edge++) {
    const from = edgeNodes[2 * edge]!;
    const to = edgeNodes[2 * edge + 1]!;
    if (from >= nodeCount || to >= nodeCount) throw new RangeError(`walk network: edge ${edge} refers to a missing node`);
    const lon1 = nodeCoordinates[2 * from]!;
    const lat1 = nodeCoordinates[2 * from + 1]!;
    const lon2 = nodeCoordinates[2 * to]!;
    const lat2 = nodeCoordinates[2 * to + 1]!;
    edgeLengths[edge] = haversineMeters(lon1, lat1, lon2, lat2);
    degree[from]!++;
    degree[to]!++;
    edgeIndex.add(Math.min(lon1, lon2), Math.min(lat1, lat2), Math.max(lon1, lon2), Math.max(lat1, lat2));
  }
  // Flatbush needs at least one item; an empty network gets one empty box that no edge id matches.
  if (edgeCount === 0) edgeIndex.add(0, 0, 0, 0);
  edgeIndex.finish();

  const adjacencyStart = new Uint32Array(nodeCount + 1);
  for (let node = 0; node < nodeCount; node++) adjacencyStart[node + 1] = adjacencyStart[node]! + degree[node]!;
  const fill = adjacencyStart.slice(0, nodeCount);
  const adjacencyNode = new Uint32Array(2 * edgeCount);
  const adjacencyEdge = new Uint32Array(2 * edgeCount);
  const adjacencyLength = new Float64Array(2 * edgeCount);
  for (let edge = 0; edge < edgeCount; edge++) {
    const from = edgeNodes[2 * edge]!;
    const to = edgeNodes[2 * edge + 1]!;
    const length = edgeLengths[edge]!;
    let arc = fill[from]!++;
    adjacencyNode[arc] = to;
    adjacencyEdge[arc] = edge;
    adjacencyLength[arc] = length;
    arc = fill[to]!++;
    adjacencyNode[arc] = from;
    adjacencyEdge[arc] = edge;
    adjacencyLength[arc] = length;
  }
  return {
    nodeCount,
    edgeCount,
    nodeCoordinates,
    edgeNodes,
    edgeLengths,
    adjacencyStart,
    adjacencyNode,
    adjacencyEdge,
    adjacencyLength,
    edgeIndex,
    bbox: nodeCount === 0 ? [0, 0, 0, 0] : [west, south, east, north],
  };
}

// --- snapping ---

/** Farther than this from every street, a point gets "geen route". */
export const MAX_SNAP_METERS = 200;

/** Where a point joins the network: a position on one edge. */
export interface SnappedPoint {
  edge: number;
  /** Metres along the edge from its first node to the joining point (the edge's second node is at edgeLengths[edge]). */
  alongMeters: number;
  /** Straight-line metres from the point to the street (added to every walking distance). */
  snapMeters: number;
  /** [lon, lat] of the joining point on the street. */
  location: [number, number];
}

export type SnapResult = { ok: true; snap: SnappedPoint } | { ok: false; reason: 'noStreetNearby'; maxSnapMeters: number };

/**
 * Nearest point on any edge within maxSnapMeters. Edges are treated as straight in a local
 * equirectangular plane around the query point (exact enough within a few hundred metres); the
 * reported snap distance is the haversine from the point to the joining point.
 */
export function snapToGraph(graph: WalkGraph, lon: number, lat: number, maxSnapMeters = MAX_SNAP_METERS): SnapResult {
  const cosLat = Math.cos(lat * DEGREES_TO_RADIANS);
  const metersPerDegreeLat = EARTH_RADIUS_METERS * DEGREES_TO_RADIANS;
  const metersPerDegreeLon = metersPerDegreeLat * cosLat;
  let bestEdge = -1;
  let bestSquared = maxSnapMeters * maxSnapMeters;
  let bestFraction = 0;
  const visit = (edge: number): void => {
    const from = graph.edgeNodes[2 * edge]!;
    const to = graph.edgeNodes[2 * edge + 1]!;
    const ax = (graph.nodeCoordinates[2 * from]! - lon) * metersPerDegreeLon;
    const ay = (graph.nodeCoordinates[2 * from + 1]! - lat) * metersPerDegreeLat;
    const bx = (graph.nodeCoordinates[2 * to]! - lon) * metersPerDegreeLon;
    const by = (graph.nodeCoordinates[2 * to + 1]! - lat) * metersPerDegreeLat;
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSquared = dx * dx + dy * dy;
    let fraction = lengthSquared === 0 ? 0 : -(ax * dx + ay * dy) / lengthSquared;
    if (fraction < 0) fraction = 0;
    else if (fraction > 1) fraction = 1;
    const px = ax + fraction * dx;
    const py = ay + fraction * dy;
    const squared = px * px + py * py;
    // ties: the lower edge id, so results do not depend on the index's internal order
    if (squared < bestSquared || (squared === bestSquared && (bestEdge === -1 || edge < bestEdge))) {
      bestSquared = squared;
      bestEdge = edge;
      bestFraction = fraction;
    }
  };
  if (graph.edgeCount > 0) {
    // Search a small box first and widen it: an edge within r metres has its box within the
    // r-box, so once the best edge found lies within r the answer is final.
    const pad = 1e-5; // Float32 boxes
    for (let radius = Math.min(25, maxSnapMeters); ; radius = Math.min(radius * 4, maxSnapMeters)) {
      const deltaLat = radius / metersPerDegreeLat + pad;
      const deltaLon = radius / metersPerDegreeLon + pad;
      graph.edgeIndex.search(lon - deltaLon, lat - deltaLat, lon + deltaLon, lat + deltaLat, (edge) => {
        visit(edge);
        return false;
      });
      if (bestEdge !== -1 && bestSquared <= radius * radius) break;
      if (radius >= maxSnapMeters) break;
    }
  }
  if (bestEdge === -1) return { ok: false, reason: 'noStreetNearby', maxSnapMeters };
  const from = graph.edgeNodes[2 * bestEdge]!;
  const to = graph.edgeNodes[2 * bestEdge + 1]!;
  const lon1 = graph.nodeCoordinates[2 * from]!;
  const lat1 = graph.nodeCoordinates[2 * from + 1]!;
  const joinLon = lon1 + bestFraction * (graph.nodeCoordinates[2 * to]! - lon1);
  const joinLat = lat1 + bestFraction * (graph.nodeCoordinates[2 * to + 1]! - lat1);
  return {
    ok: true,
    snap: {
      edge: bestEdge,
      alongMeters: bestFraction * graph.edgeLengths[bestEdge]!,
      snapMeters: haversineMeters(lon, lat, joinLon, joinLat),
      location: [joinLon, joinLat],
    },
  };
}

// --- shortest paths ---

/**
 * A binary min-heap of (distance, node) pairs on typed arrays, with lazy deletion: a node may be
 * pushed more than once; a pop whose distance is larger than the node's settled distance is stale.
 */
export class NodeHeap {
  private keys: Float64Array;
  private values: Uint32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.values = new Uint32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  push(key: number, value: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
      const values = new Uint32Array(this.values.length * 2);
      values.set(this.values);
      this.values = values;
    }
    const keys = this.keys;
    const values = this.values;
    let position = this.size++;
    while (position > 0) {
      const parent = (position - 1) >> 1;
      const parentKey = keys[parent]!;
      if (parentKey <= key) break;
      keys[position] = parentKey;
      values[position] = values[parent]!;
      position = parent;
    }
    keys[position] = key;
    values[position] = value;
  }

  /** Key of the top; call only when size > 0. */
  peekKey(): number {
    return this.keys[0]!;
  }

  /** Removes the top and returns its value; call only when size > 0 (peekKey first for its key). */
  pop(): number {
    const keys = this.keys;
    const values = this.values;
    const top = values[0]!;
    const size = --this.size;
    if (size > 0) {
      const key = keys[size]!;
      const value = values[size]!;
      let position = 0;
      const half = size >> 1;
      while (position < half) {
        let child = 2 * position + 1;
        const right = child + 1;
        if (right < size && keys[right]! < keys[child]!) child = right;
        if (keys[child]! >= key) break;
        keys[position] = keys[child]!;
        values[position] = values[child]!;
        position = child;
      }
      keys[position] = key;
      values[position] = value;
    }
    return top;
  }
}

/** A start on the network: a snapped point (distance = snap + along-edge offset to each end). */
export interface NetworkSource {
  edge: number;
  alongMeters: number;
  snapMeters: number;
}

export interface SearchBuffers {
  heap: NodeHeap;
  distances: Float64Array;
  /** Position in `sources` of the source nearest to each node (-1: none). */
  owners: Int32Array;
}

export function searchBuffers(graph: WalkGraph): SearchBuffers {
  return { heap: new NodeHeap(Math.max(1024, graph.nodeCount)), distances: new Float64Array(graph.nodeCount), owners: new Int32Array(graph.nodeCount) };
}

/**
 * Multi-source Dijkstra: every node's walking distance in metres to the nearest source (Infinity
 * where unreachable or beyond maxMeters) and which source that is. Sources enter at both ends of
 * their edge. Pass `buffers` to reuse memory across searches (the answer is then in them).
 */
export function multiSourceDistances(
  graph: WalkGraph,
  sources: readonly NetworkSource[],
  maxMeters = Infinity,
  buffers: SearchBuffers = searchBuffers(graph),
): { distances: Float64Array; owners: Int32Array } {
  const { heap, distances, owners } = buffers;
  distances.fill(Infinity);
  owners.fill(-1);
  heap.clear();
  for (let position = 0; position < sources.length; position++) {
    const source = sources[position]!;
    const from = graph.edgeNodes[2 * source.edge]!;
    const to = graph.edgeNodes[2 * source.edge + 1]!;
    const toFrom = source.snapMeters + source.alongMeters;
    const toTo = source.snapMeters + (graph.edgeLengths[source.edge]! - source.alongMeters);
    if (toFrom < distances[from]! && toFrom <= maxMeters) {
      distances[from] = toFrom;
      owners[from] = position;
      heap.push(toFrom, from);
    }
    if (toTo < distances[to]! && toTo <= maxMeters) {
      distances[to] = toTo;
      owners[to] = position;
      heap.push(toTo, to);
    }
  }
  const { adjacencyStart, adjacencyNode, adjacencyLength } = graph;
  while (heap.size > 0) {
    const distance = heap.peekKey();
    const node = heap.pop();
    if (distance > distances[node]!) continue; // stale entry
    const owner = owners[node]!;
    const end = adjacencyStart[node + 1]!;
    for (let arc = adjacencyStart[node]!; arc < end; arc++) {
      const next = adjacencyNode[arc]!;
      const candidate = distance + adjacencyLength[arc]!;
      if (candidate < distances[next]! && candidate <= maxMeters) {
        distances[next] = candidate;
        owners[next] = owner;
        heap.push(candidate, next);
      }
    }
  }
  return { distances, owners };
}

/** Node distances to a set of sources, with the sources indexed by edge for points on the same edge. */
export interface SourceField {
  distances: Float64Array;
  owners: Int32Array;
  sources: readonly NetworkSource[];
  /** Source positions per edge that holds one. */
  sourcesByEdge: Map<number, number[]>;
  maxMeters: number;
}

export function buildSourceField(graph: WalkGraph, sources: readonly NetworkSource[], maxMeters = Infinity, buffers?: SearchBuffers): SourceField {
  const { distances, owners } = multiSourceDistances(graph, sources, maxMeters, buffers);
  const sourcesByEdge = new Map<number, number[]>();
  sources.forEach((source, position) => {
    const list = sourcesByEdge.get(source.edge);
    if (list === undefined) sourcesByEdge.set(source.edge, [position]);
    else list.push(position);
  });
  // with reused buffers the arrays belong to the caller: copy so the field stays valid
  return buffers === undefined ? { distances, owners, sources, sourcesByEdge, maxMeters } : { distances: distances.slice(), owners: owners.slice(), sources, sourcesByEdge, maxMeters };
}

/**
 * Walking distance from a snapped point to the nearest source of the field: the point's snap
 * distance plus the shorter way to one of its edge's two ends, or straight along the edge to a
 * source on the same edge. null when no source is reachable (another component, or beyond maxMeters).
 */
export function nearestOverStreet(graph: WalkGraph, field: SourceField, snap: { edge: number; alongMeters: number; snapMeters: number }): { distanceMeters: number; source: number } | null {
  const from = graph.edgeNodes[2 * snap.edge]!;
  const to = graph.edgeNodes[2 * snap.edge + 1]!;
  let best = field.distances[from]! + snap.alongMeters;
  let source = field.owners[from]!;
  const viaTo = field.distances[to]! + graph.edgeLengths[snap.edge]! - snap.alongMeters;
  if (viaTo < best) {
    best = viaTo;
    source = field.owners[to]!;
  }
  for (const position of field.sourcesByEdge.get(snap.edge) ?? []) {
    const candidate = field.sources[position]!;
    const direct = candidate.snapMeters + Math.abs(candidate.alongMeters - snap.alongMeters);
    if (direct < best) {
      best = direct;
      source = position;
    }
  }
  const distanceMeters = best + snap.snapMeters;
  if (source < 0 || !Number.isFinite(distanceMeters) || distanceMeters > field.maxMeters) return null;
  return { distanceMeters, source };
}
