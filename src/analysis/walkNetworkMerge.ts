// Several downloaded street networks (one per municipality) as one: a way crossing a municipal
// border comes in both downloads with the same OSM nodes at the same coordinates, so nodes at exactly
// the same position become one node and the networks join there. Pure, worker-safe.

import type { WalkNetwork } from './walkGraph';

export function mergeWalkNetworks(networks: readonly WalkNetwork[]): WalkNetwork {
  if (networks.length === 1) return networks[0]!;
  const nodeOf = new Map<string, number>();
  const coordinates: number[] = [];
  const edges: number[] = [];
  for (const network of networks) {
    const local = new Uint32Array(network.nodeCoordinates.length / 2);
    for (let node = 0; node < local.length; node++) {
      const lon = network.nodeCoordinates[2 * node]!;
      const lat = network.nodeCoordinates[2 * node + 1]!;
      const key = `${lon},${lat}`;
      let merged = nodeOf.get(key);
      if (merged === undefined) {
        merged = coordinates.length / 2;
        nodeOf.set(key, merged);
        coordinates.push(lon, lat);
      }
      local[node] = merged;
    }
    for (let position = 0; position < network.edgeNodes.length; position += 2) {
      const from = local[network.edgeNodes[position]!]!;
      const to = local[network.edgeNodes[position + 1]!]!;
      if (from !== to) edges.push(from, to);
    }
  }
  return { nodeCoordinates: Float64Array.from(coordinates), edgeNodes: Uint32Array.from(edges) };
}
