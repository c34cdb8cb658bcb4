// Street networks a person can check by hand, laid out in metres around a point in Overijssel
// (x east, y north), for the walking-distance tests and benchmark.

import { DEGREES_TO_RADIANS, EARTH_RADIUS_METERS } from '../../src/analysis/sphericalDistance';
import type { WalkNetwork } from '../../src/analysis/walkGraph';
import { seededRandom } from './seededRandom';

export const ORIGIN: [number, number] = [6.1, 52.5];
const metersPerDegreeLat = EARTH_RADIUS_METERS * DEGREES_TO_RADIANS;

/**
 * [lon, lat] of a point x metres east (along its own parallel) and y metres north (along the
 * meridian) of ORIGIN. North-south streets are then exact great circles of y metres; east-west
 * streets x metres along the parallel (within millimetres of the great circle at these lengths).
 */
export function at(x: number, y: number): [number, number] {
  const lat = ORIGIN[1] + y / metersPerDegreeLat;
  return [ORIGIN[0] + x / (metersPerDegreeLat * Math.cos(lat * DEGREES_TO_RADIANS)), lat];
}

/** Builds a network from node positions in metres and edges between them (by key "x,y"). */
export class NetworkBuilder {
  private readonly coordinates: number[] = [];
  private readonly edges: number[] = [];
  private readonly nodes = new Map<string, number>();

  node(x: number, y: number): number {
    const key = `${x},${y}`;
    let node = this.nodes.get(key);
    if (node === undefined) {
      node = this.coordinates.length / 2;
      this.nodes.set(key, node);
      this.coordinates.push(...at(x, y));
    }
    return node;
  }

  street(x1: number, y1: number, x2: number, y2: number): this {
    this.edges.push(this.node(x1, y1), this.node(x2, y2));
    return this;
  }

  build(): WalkNetwork {
    return { nodeCoordinates: Float64Array.from(this.coordinates), edgeNodes: Uint32Array.from(this.edges) };
  }
}

/**
 * A grid town: streets every 100 m from 0 to 1000 m both ways. With `river`, the water runs
 * between y = 400 and y = 600 (no streets at y = 500), crossed by one bridge at x = 1000 from
 * (1000, 400) to (1000, 600). With `island`, a separate 100 m square of streets at x 2000–2100,
 * y 0–100 that no street reaches.
 */
export function gridTown(options: { river?: boolean; island?: boolean } = {}): NetworkBuilder {
  const builder = new NetworkBuilder();
  const inWater = (y: number) => options.river === true && y > 400 && y < 600;
  for (let x = 0; x <= 1000; x += 100) {
    for (let y = 0; y <= 1000; y += 100) {
      if (inWater(y)) continue;
      if (x < 1000) builder.street(x, y, x + 100, y);
      if (y < 1000) {
        if (options.river === true && y === 400) {
          if (x === 1000) builder.street(1000, 400, 1000, 600); // the bridge
        } else {
          builder.street(x, y, x, y + 100);
        }
      }
    }
  }
  if (options.island === true) {
    builder.street(2000, 0, 2100, 0).street(2100, 0, 2100, 100).street(2100, 100, 2000, 100).street(2000, 100, 2000, 0);
  }
  return builder;
}

/**
 * A seeded synthetic municipality: a jittered grid of nodeCount nodes (about 30 m apart, ~ 9.5 km
 * square for 100,000 nodes) with its grid streets plus extra local streets up to edgeCount.
 */
export function syntheticMunicipality(nodeCount: number, edgeCount: number, seed = 20261211): WalkNetwork {
  const random = seededRandom(seed);
  const side = Math.ceil(Math.sqrt(nodeCount));
  const spacing = 30;
  const coordinates = new Float64Array(nodeCount * 2);
  for (let node = 0; node < nodeCount; node++) {
    const column = node % side;
    const row = Math.floor(node / side);
    const [lon, lat] = at(column * spacing + (random() - 0.5) * 10, row * spacing + (random() - 0.5) * 10);
    coordinates[2 * node] = lon;
    coordinates[2 * node + 1] = lat;
  }
  const edges: number[] = [];
  for (let node = 0; node < nodeCount && edges.length < 2 * edgeCount; node++) {
    const column = node % side;
    if (column + 1 < side && node + 1 < nodeCount) edges.push(node, node + 1);
    if (node + side < nodeCount) edges.push(node, node + side);
  }
  while (edges.length < 2 * edgeCount) {
    // a short diagonal or a two-block street between nearby nodes
    const node = Math.floor(random() * nodeCount);
    const other = node + (random() < 0.5 ? side + 1 : 2 * side - 1) * (random() < 0.5 ? 1 : -1);
    if (other >= 0 && other < nodeCount && Math.abs((other % side) - (node % side)) <= 1) edges.push(node, other);
  }
  return { nodeCoordinates: coordinates, edgeNodes: Uint32Array.from(edges.slice(0, 2 * edgeCount)) };
}

/**
 * The Overpass answer (`out body; >; out skel qt;`) for a network: one `highway=residential` way
 * per edge, then the nodes, as the walk-network query receives it.
 */
export function overpassAnswerFor(network: WalkNetwork, firstNodeId = 1_000_000): { version: number; generator: string; elements: unknown[] } {
  const elements: unknown[] = [];
  for (let edge = 0; edge < network.edgeNodes.length / 2; edge++) {
    elements.push({ type: 'way', id: 5_000_000 + edge, nodes: [firstNodeId + network.edgeNodes[2 * edge]!, firstNodeId + network.edgeNodes[2 * edge + 1]!], tags: { highway: 'residential' } });
  }
  for (let node = 0; node < network.nodeCoordinates.length / 2; node++) {
    elements.push({ type: 'node', id: firstNodeId + node, lat: network.nodeCoordinates[2 * node + 1]!, lon: network.nodeCoordinates[2 * node]! });
  }
  return { version: 0.6, generator: 'Overpass API (test)', elements };
}
