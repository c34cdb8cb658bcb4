// Detour per area: how much longer walking over the street is than the straight line, as the median
// of over-straat / hemelsbreed over pairs of street nodes in the area. Origins are every k-th node in
// the area (deterministic); destinations every m-th node between MIN and MAX metres away in a straight
// line. Pairs with no route between them (another part of the network) are counted apart, not as
// "infinitely far". Pure, worker-safe.

import { haversineMeters } from './sphericalDistance';
import { multiSourceDistances, searchBuffers, type NetworkSource, type SearchBuffers, type WalkGraph } from './walkGraph';

export const DETOUR_MIN_METERS = 250;
export const DETOUR_MAX_METERS = 2_000;
/** Walks longer than this are not followed (a ratio above 4 counts as no route). */
const SEARCH_LIMIT_METERS = 4 * DETOUR_MAX_METERS;

export interface DetourSummary {
  /** Median of over-straat / hemelsbreed; null when no pair could be measured. */
  median: number | null;
  /** Pairs measured. */
  pairCount: number;
  /** Pairs without a route within 4× their straight distance. */
  unconnectedCount: number;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const middle = values.length >> 1;
  return values.length % 2 === 1 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
}

/** A node as a search source: the start of one of its edges. */
function nodeSource(graph: WalkGraph, node: number): NetworkSource | null {
  const arc = graph.adjacencyStart[node]!;
  if (arc === graph.adjacencyStart[node + 1]!) return null;
  const edge = graph.adjacencyEdge[arc]!;
  const atStart = graph.edgeNodes[2 * edge]! === node;
  return { edge, alongMeters: atStart ? 0 : graph.edgeLengths[edge]!, snapMeters: 0 };
}

export function detourInArea(
  graph: WalkGraph,
  isInside: (lon: number, lat: number) => boolean,
  options: { origins?: number; destinationsPerOrigin?: number; buffers?: SearchBuffers } = {},
): DetourSummary {
  const originTarget = options.origins ?? 30;
  const destinationTarget = options.destinationsPerOrigin ?? 20;
  const coordinates = graph.nodeCoordinates;
  const inside: number[] = [];
  for (let node = 0; node < graph.nodeCount; node++) {
    if (graph.adjacencyStart[node + 1]! > graph.adjacencyStart[node]! && isInside(coordinates[2 * node]!, coordinates[2 * node + 1]!)) inside.push(node);
  }
  const ratios: number[] = [];
  let unconnectedCount = 0;
  if (inside.length < 2) return { median: null, pairCount: 0, unconnectedCount: 0 };
  const buffers = options.buffers ?? searchBuffers(graph);
  const originStride = Math.max(1, Math.floor(inside.length / originTarget));
  for (let o = 0; o < inside.length && o / originStride < originTarget; o += originStride) {
    const origin = inside[o]!;
    const source = nodeSource(graph, origin);
    if (source === null) continue;
    const lon = coordinates[2 * origin]!;
    const lat = coordinates[2 * origin + 1]!;
    const candidates: Array<[number, number]> = [];
    for (const node of inside) {
      const straight = haversineMeters(lon, lat, coordinates[2 * node]!, coordinates[2 * node + 1]!);
      if (straight >= DETOUR_MIN_METERS && straight <= DETOUR_MAX_METERS) candidates.push([node, straight]);
    }
    if (candidates.length === 0) continue;
    const { distances } = multiSourceDistances(graph, [source], SEARCH_LIMIT_METERS, buffers);
    const stride = Math.max(1, Math.floor(candidates.length / destinationTarget));
    for (let c = 0; c < candidates.length; c += stride) {
      const [node, straight] = candidates[c]!;
      const walk = distances[node]!;
      if (Number.isFinite(walk)) ratios.push(walk / straight);
      else unconnectedCount++;
    }
  }
  return { median: median(ratios), pairCount: ratios.length, unconnectedCount };
}
