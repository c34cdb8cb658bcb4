// The textbook multi-source Dijkstra with a binary heap and lazy deletion (the search the app used
// before its bucket queue), kept as the reference the fast search must agree with, bit for bit, in
// the unit tests and the benchmark.

import type { NetworkSource, WalkGraph } from '../../src/analysis/walkGraph';

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

/**
 * Multi-source Dijkstra: every node's walking distance in metres to the nearest source (Infinity
 * where unreachable or beyond maxMeters) and which source that is. Sources enter at both ends of
 * their edge.
 */
export function referenceDistances(
  graph: WalkGraph,
  sources: readonly NetworkSource[],
  maxMeters = Infinity,
): { distances: Float64Array; owners: Int32Array } {
  const heap = new NodeHeap(Math.max(1024, graph.nodeCount));
  const distances = new Float64Array(graph.nodeCount).fill(Infinity);
  const owners = new Int32Array(graph.nodeCount).fill(-1);
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

