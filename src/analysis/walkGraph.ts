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

/** A start on the network: a snapped point (distance = snap + along-edge offset to each end). */
export interface NetworkSource {
  edge: number;
  alongMeters: number;
  snapMeters: number;
}

/** Width of one bucket of the search's queue (see multiSourceDistances). */
export const SEARCH_BUCKET_METERS = 1;

/**
 * Memory for the searches on one graph, reused from search to search: the answer (distances and
 * owners), a flag per node, and the bucket queue (a cyclic array of bucket heads over a pool of
 * entries, each entry a node and the next entry in its bucket).
 */
export interface SearchBuffers {
  distances: Float64Array;
  /** Position in `sources` of the source nearest to each node (-1: none). */
  owners: Int32Array;
  /** 1 when the node's arcs were followed at its current distance. */
  expanded: Uint8Array;
  bucketHeads: Int32Array;
  entryNode: Uint32Array;
  entryNext: Int32Array;
  /** Longest arc of the graph, in metres (how far ahead of the current bucket an entry can land). */
  longestArcMeters: number;
}

export function searchBuffers(graph: WalkGraph): SearchBuffers {
  let longestArcMeters = 0;
  for (let edge = 0; edge < graph.edgeCount; edge++) if (graph.edgeLengths[edge]! > longestArcMeters) longestArcMeters = graph.edgeLengths[edge]!;
  const entryCapacity = Math.max(1024, 2 * graph.nodeCount);
  return {
    distances: new Float64Array(graph.nodeCount),
    owners: new Int32Array(graph.nodeCount),
    expanded: new Uint8Array(graph.nodeCount),
    bucketHeads: new Int32Array(0),
    entryNode: new Uint32Array(entryCapacity),
    entryNext: new Int32Array(entryCapacity),
    longestArcMeters,
  };
}

/** Doubles the bucket queue's entry pool, keeping its entries. */
function growEntries(buffers: SearchBuffers): void {
  const entryNode = new Uint32Array(2 * buffers.entryNode.length);
  entryNode.set(buffers.entryNode);
  const entryNext = new Int32Array(2 * buffers.entryNext.length);
  entryNext.set(buffers.entryNext);
  buffers.entryNode = entryNode;
  buffers.entryNext = entryNext;
}

/**
 * Multi-source shortest paths: every node's walking distance in metres to the nearest source
 * (Infinity where unreachable or beyond maxMeters) and which source that is. Sources enter at both
 * ends of their edge. Pass `buffers` to reuse memory across searches (the answer is then in them,
 * unless `answer` gives the arrays to write it to, one entry per node).
 *
 * The queue is a bucket queue (Dial's algorithm) with buckets SEARCH_BUCKET_METERS wide, kept in a
 * cyclic array as long as the longest arc: a push and a pop cost a few array writes instead of a
 * binary heap's climb. Nodes within one bucket are taken in no particular order, so a node whose
 * distance drops after its arcs were followed (only possible over an arc shorter than a bucket) is
 * queued and followed again. Every node thus ends at the minimum over its neighbours of their
 * distance plus the arc, the same fixed point, bit for bit, as Dijkstra's algorithm with a heap
 * (the benchmark and the unit tests check this against a textbook Dijkstra).
 */
export function multiSourceDistances(
  graph: WalkGraph,
  sources: readonly NetworkSource[],
  maxMeters = Infinity,
  buffers: SearchBuffers = searchBuffers(graph),
  answer: { distances: Float64Array; owners: Int32Array } = buffers,
): { distances: Float64Array; owners: Int32Array } {
  const { expanded } = buffers;
  const { distances, owners } = answer;
  distances.fill(Infinity);
  owners.fill(-1);
  expanded.fill(0);
  const inverseWidth = 1 / SEARCH_BUCKET_METERS;

  // the sources' start distances: the cyclic array must span them as well as the longest arc
  let lowest = Infinity;
  let highest = 0;
  for (let position = 0; position < sources.length; position++) {
    const source = sources[position]!;
    const toFrom = source.snapMeters + source.alongMeters;
    const toTo = source.snapMeters + (graph.edgeLengths[source.edge]! - source.alongMeters);
    lowest = Math.min(lowest, toFrom, toTo);
    highest = Math.max(highest, toFrom, toTo);
  }
  if (sources.length === 0 || lowest > maxMeters) return { distances, owners };
  // a power of two, so the slot of a bucket is a mask, not a division
  const span = Math.floor(buffers.longestArcMeters * inverseWidth) + Math.floor((Math.min(highest, maxMeters) - lowest) * inverseWidth) + 3;
  if (buffers.bucketHeads.length < span) buffers.bucketHeads = new Int32Array(2 ** Math.ceil(Math.log2(span)));
  const bucketHeads = buffers.bucketHeads;
  bucketHeads.fill(-1);
  const slotMask = bucketHeads.length - 1;
  let entryNode = buffers.entryNode;
  let entryNext = buffers.entryNext;
  let entryCount = 0;
  let queued = 0;
  // (no closures over these counters and arrays: V8 keeps them in registers only when no function captures them)

  for (let position = 0; position < sources.length; position++) {
    const source = sources[position]!;
    const ends = [graph.edgeNodes[2 * source.edge]!, graph.edgeNodes[2 * source.edge + 1]!];
    const startDistances = [source.snapMeters + source.alongMeters, source.snapMeters + (graph.edgeLengths[source.edge]! - source.alongMeters)];
    for (let end = 0; end < 2; end++) {
      const node = ends[end]!;
      const start = startDistances[end]!;
      if (!(start < distances[node]! && start <= maxMeters)) continue;
      distances[node] = start;
      owners[node] = position;
      if (entryCount === entryNode.length) {
        growEntries(buffers);
        entryNode = buffers.entryNode;
        entryNext = buffers.entryNext;
      }
      const slot = ((start * inverseWidth) | 0) & slotMask;
      entryNode[entryCount] = node;
      entryNext[entryCount] = bucketHeads[slot]!;
      bucketHeads[slot] = entryCount++;
      queued++;
    }
  }

  const { adjacencyStart, adjacencyNode, adjacencyLength } = graph;
  // bucket numbers stay far below 2^31 (metres on Earth), so `| 0` is the floor
  let bucket = (lowest * inverseWidth) | 0;
  while (queued > 0) {
    const slot = bucket & slotMask;
    const entry = bucketHeads[slot]!;
    if (entry < 0) {
      bucket++;
      continue;
    }
    bucketHeads[slot] = entryNext[entry]!;
    queued--;
    const node = entryNode[entry]!;
    if (expanded[node] === 1) continue; // followed already at its current distance
    expanded[node] = 1;
    const distance = distances[node]!;
    const owner = owners[node]!;
    const end = adjacencyStart[node + 1]!;
    for (let arc = adjacencyStart[node]!; arc < end; arc++) {
      const next = adjacencyNode[arc]!;
      const candidate = distance + adjacencyLength[arc]!;
      if (candidate < distances[next]! && candidate <= maxMeters) {
        distances[next] = candidate;
        owners[next] = owner;
        expanded[next] = 0;
        if (entryCount === entryNode.length) {
          growEntries(buffers);
          entryNode = buffers.entryNode;
          entryNext = buffers.entryNext;
        }
        const nextSlot = ((candidate * inverseWidth) | 0) & slotMask;
        entryNode[entryCount] = next;
        entryNext[entryCount] = bucketHeads[nextSlot]!;
        bucketHeads[nextSlot] = entryCount++;
        queued++;
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
  // with shared buffers, the answer goes straight into arrays of the field's own (no copy afterwards)
  const answer = buffers === undefined ? undefined : { distances: new Float64Array(graph.nodeCount), owners: new Int32Array(graph.nodeCount) };
  const { distances, owners } = multiSourceDistances(graph, sources, maxMeters, buffers, answer);
  const sourcesByEdge = new Map<number, number[]>();
  sources.forEach((source, position) => {
    const list = sourcesByEdge.get(source.edge);
    if (list === undefined) sourcesByEdge.set(source.edge, [position]);
    else list.push(position);
  });
  return { distances, owners, sources, sourcesByEdge, maxMeters };
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
