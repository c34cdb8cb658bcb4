import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../src/analysis/sphericalDistance';
import { buildSourceField, buildWalkGraph, MAX_SNAP_METERS, multiSourceDistances, nearestOverStreet, searchBuffers, snapToGraph, type NetworkSource, type WalkGraph } from '../../../src/analysis/walkGraph';
import { NodeHeap, referenceDistances } from '../../support/referenceDijkstra';
import { seededRandom } from '../../support/seededRandom';
import { at, gridTown, NetworkBuilder, syntheticMunicipality } from '../../support/walkNetworks';

function snapped(graph: WalkGraph, x: number, y: number) {
  const result = snapToGraph(graph, ...at(x, y));
  if (!result.ok) throw new Error(`(${x}, ${y}) did not snap`);
  return result.snap;
}

/** Walking metres from (x, y) to the nearest of the facilities, or null (no route). */
function overStreet(graph: WalkGraph, facilities: [number, number][], x: number, y: number): number | null {
  const field = buildSourceField(graph, facilities.map(([fx, fy]) => snapped(graph, fx, fy)));
  return nearestOverStreet(graph, field, snapped(graph, x, y))?.distanceMeters ?? null;
}

const close = (meters: number) => ({ asymmetricMatch: (value: number) => Math.abs(value - meters) < 0.01, toString: () => `≈ ${meters}` });

describe('buildWalkGraph', () => {
  it('packs nodes, edges and lengths in metres, with every edge listed under both its nodes', () => {
    const graph = buildWalkGraph(new NetworkBuilder().street(0, 0, 100, 0).street(100, 0, 100, 250).build());
    expect(graph.nodeCount).toBe(3);
    expect(graph.edgeCount).toBe(2);
    expect(graph.edgeLengths[0]).toEqual(close(100));
    expect(graph.edgeLengths[1]).toEqual(close(250));
    // the middle node (100, 0) has both edges; the ends one each
    expect(Array.from(graph.adjacencyStart)).toEqual([0, 1, 3, 4]);
    expect(Array.from(graph.adjacencyNode.subarray(1, 3)).sort()).toEqual([0, 2]);
  });

  it('refuses an edge to a node that does not exist', () => {
    expect(() => buildWalkGraph({ nodeCoordinates: Float64Array.of(6, 52), edgeNodes: Uint32Array.of(0, 1) })).toThrow(/edge 0 refers to a missing node/);
  });

  it('builds an empty graph without failing, and nothing snaps to it', () => {
    const graph = buildWalkGraph({ nodeCoordinates: new Float64Array(0), edgeNodes: new Uint32Array(0) });
    expect(snapToGraph(graph, ...at(0, 0))).toEqual({ ok: false, reason: 'noStreetNearby', maxSnapMeters: MAX_SNAP_METERS });
  });
});

describe('snapToGraph', () => {
  const graph = buildWalkGraph(gridTown().build());

  it('joins a point to the nearest street, adding the straight step to it', () => {
    // 30 m north of the street y = 400, between x = 200 and 300: joins at (250, 400)
    const snap = snapped(graph, 250, 430);
    expect(snap.snapMeters).toEqual(close(30));
    expect(haversineMeters(...snap.location, ...at(250, 400))).toBeLessThan(0.01);
    const from = graph.edgeNodes[2 * snap.edge]!;
    expect(haversineMeters(graph.nodeCoordinates[2 * from]!, graph.nodeCoordinates[2 * from + 1]!, ...at(200, 400)) < 0.01 ? snap.alongMeters : 100 - snap.alongMeters).toEqual(close(50));
  });

  it('gives "geen route" with its reason more than 200 m from any street', () => {
    expect(snapToGraph(graph, ...at(-250, 500))).toEqual({ ok: false, reason: 'noStreetNearby', maxSnapMeters: 200 });
    expect(snapToGraph(graph, ...at(-190, 500)).ok).toBe(true);
  });
});

describe('walking distance over the street', () => {
  it('goes round by the bridge: 200 m as the crow flies, 2,200 m over the street', () => {
    const graph = buildWalkGraph(gridTown({ river: true }).build());
    // from the south bank (0, 400) to a facility straight across the water at (0, 600)
    expect(haversineMeters(...at(0, 400), ...at(0, 600))).toEqual(close(200));
    expect(overStreet(graph, [[0, 600]], 0, 400)).toEqual(close(1000 + 200 + 1000));
  });

  it('golden node distances in the river town (one facility at (0, 600))', () => {
    const graph = buildWalkGraph(gridTown({ river: true }).build());
    const builder = gridTown({ river: true });
    const { distances } = multiSourceDistances(graph, [snapped(graph, 0, 600)]);
    const expected: [number, number, number][] = [
      [0, 600, 0],
      [0, 1000, 400],
      [1000, 600, 1000],
      [1000, 400, 1200], // over the bridge
      [500, 400, 1700],
      [0, 400, 2200],
      [0, 0, 2600],
    ];
    for (const [x, y, meters] of expected) expect([x, y, distances[builder.node(x, y)]]).toEqual([x, y, close(meters)]);
  });

  it('two facilities: each node takes the nearer one (Manhattan distance on the full grid)', () => {
    const graph = buildWalkGraph(gridTown().build());
    const builder = gridTown();
    const facilities = [snapped(graph, 0, 0), snapped(graph, 1000, 1000)];
    const { distances, owners } = multiSourceDistances(graph, facilities);
    for (let x = 0; x <= 1000; x += 100) {
      for (let y = 0; y <= 1000; y += 100) {
        const toFirst = x + y;
        const toSecond = 2000 - x - y;
        expect(distances[builder.node(x, y)]).toEqual(close(Math.min(toFirst, toSecond)));
        if (toFirst !== toSecond) expect(owners[builder.node(x, y)]).toBe(toFirst < toSecond ? 0 : 1);
      }
    }
  });

  it('adds both snap steps and walks straight along a shared street', () => {
    const graph = buildWalkGraph(gridTown().build());
    // both 20 m off street y = 0, one at x = 120, the other at x = 180: 20 + 60 + 20
    expect(overStreet(graph, [[180, -20]], 120, -20)).toEqual(close(100));
    // facility 30 m off street y = 100 at x = 450 → joins (450, 100); point joins (150, 0) 10 m off
    expect(overStreet(graph, [[450, 130]], 150, -10)).toEqual(close(10 + 300 + 100 + 30));
  });

  it('a disconnected island has no route to the town', () => {
    const graph = buildWalkGraph(gridTown({ island: true }).build());
    expect(overStreet(graph, [[0, 0]], 2050, 0)).toBeNull();
    expect(overStreet(graph, [[2100, 50]], 2000, 50)).toEqual(close(200));
  });

  it('one-way streets do not matter on foot: the distance is the same both ways', () => {
    const graph = buildWalkGraph(gridTown({ river: true }).build());
    const random = seededRandom(11);
    for (let trial = 0; trial < 20; trial++) {
      const a: [number, number] = [Math.round(random() * 1000), Math.round(random() * 400)];
      const b: [number, number] = [Math.round(random() * 1000), 600 + Math.round(random() * 400)];
      expect(overStreet(graph, [b], ...a)).toEqual(close(overStreet(graph, [a], ...b)!));
    }
  });

  it('stops at maxMeters: farther nodes are unreached', () => {
    const graph = buildWalkGraph(gridTown().build());
    const builder = gridTown();
    const { distances } = multiSourceDistances(graph, [snapped(graph, 0, 0)], 450);
    expect(distances[builder.node(400, 0)]).toEqual(close(400));
    expect(distances[builder.node(500, 0)]).toBe(Infinity);
  });
});

describe('agreement with hemelsbreed', () => {
  it('over the street is never shorter than as the crow flies, on a grid of straight streets', () => {
    const graph = buildWalkGraph(gridTown({ river: true }).build());
    const random = seededRandom(20261211);
    const point = () => [random() * 1000, random() * 1000] as [number, number];
    const facilities = Array.from({ length: 8 }, point);
    const field = buildSourceField(graph, facilities.map(([x, y]) => snapped(graph, x, y)));
    for (let trial = 0; trial < 300; trial++) {
      const [x, y] = point();
      const walk = nearestOverStreet(graph, field, snapped(graph, x, y))!;
      const crow = Math.min(...facilities.map(([fx, fy]) => haversineMeters(...at(x, y), ...at(fx, fy))));
      expect(walk.distanceMeters).toBeGreaterThanOrEqual(crow - 1e-6);
    }
  });

  it('is equal on a straight street', () => {
    // one north-south street of ten 100 m edges, points and facility on it
    const builder = new NetworkBuilder();
    for (let y = 0; y < 1000; y += 100) builder.street(0, y, 0, y + 100);
    const graph = buildWalkGraph(builder.build());
    for (const [fy, py] of [[0, 1000], [130, 870], [420, 480], [999, 1]]) {
      const walk = overStreet(graph, [[0, fy!]], 0, py!)!;
      expect(walk).toEqual(close(haversineMeters(...at(0, fy!), ...at(0, py!))));
    }
  });
});

describe('the bucket-queue search agrees with a textbook Dijkstra', () => {
  /** Random sources on random edges, some off the street, some at an edge's end. */
  function randomSources(graph: WalkGraph, random: () => number, count: number): NetworkSource[] {
    return Array.from({ length: count }, () => {
      const edge = Math.floor(random() * graph.edgeCount);
      const along = random() < 0.2 ? 0 : random() * graph.edgeLengths[edge]!;
      return { edge, alongMeters: along, snapMeters: random() < 0.5 ? 0 : random() * 150 };
    });
  }

  function expectSameDistances(graph: WalkGraph, sources: NetworkSource[], maxMeters = Infinity): void {
    const fast = multiSourceDistances(graph, sources, maxMeters, searchBuffers(graph));
    const reference = referenceDistances(graph, sources, maxMeters);
    // bit for bit: the same fixed point of the same floating-point sums
    expect(Array.from(fast.distances)).toEqual(Array.from(reference.distances));
    // owners may differ only where two sources are equally far: the fast search's owner is as near
    const alone = new Map<number, Float64Array>();
    for (let node = 0; node < graph.nodeCount; node++) {
      const owner = fast.owners[node]!;
      if (owner === reference.owners[node]) continue;
      if (!alone.has(owner)) alone.set(owner, referenceDistances(graph, [sources[owner]!], maxMeters).distances);
      expect(alone.get(owner)![node]).toBeCloseTo(fast.distances[node]!, 9);
    }
  }

  it('on a jittered town with extra streets, from many sources, with and without a limit', () => {
    const graph = buildWalkGraph(syntheticMunicipality(4_000, 10_000, 7));
    const random = seededRandom(5);
    for (const count of [1, 3, 40]) {
      const sources = randomSources(graph, random, count);
      expectSameDistances(graph, sources);
      expectSameDistances(graph, sources, 725);
    }
  });

  it('with arcs shorter than a bucket, zero-length arcs, duplicate arcs and a very long arc', () => {
    // a chain of tiny steps (0.05–0.9 m) beside a long street, two nodes at the same place, a 3 km track
    const builder = new NetworkBuilder();
    let x = 0;
    const random = seededRandom(9);
    for (let step = 0; step < 400; step++) {
      const next = x + 0.05 + random() * 0.85;
      builder.street(x, 0, next, 0);
      if (step % 10 === 0) builder.street(x, 0, x, 3 + random()); // short side streets
      x = next;
    }
    builder.street(0, 0, x, 0).street(0, 0, x, 0); // a duplicate long edge across the chain
    builder.street(x, 0, x, 0); // zero length
    builder.street(x, 0, x + 3000, 0); // a long track
    for (let y = 0; y < 50; y += 0.7) builder.street(0, y, 0, y + 0.7);
    const graph = buildWalkGraph(builder.build());
    const sources = randomSources(graph, random, 5);
    expectSameDistances(graph, sources);
    expectSameDistances(graph, sources, 100);
    expectSameDistances(graph, [{ edge: 0, alongMeters: 0, snapMeters: 0 }]);
  });

  it('follows a node again when a shorter way to it appears within the same bucket', () => {
    // A = (0, 0) with two ways to B = (0.5, 0.3), all within one 1 m bucket: via X = (0, 0.3)
    // (0.8 m) and via C = (0.25, 0) (about 0.64 m). A's street to X is listed last, so X, then B at
    // 0.8 m, are taken from the bucket before C; B must be followed again at 0.64 m. D lies 100 m beyond B.
    const builder = new NetworkBuilder();
    // The source stands at A, at the end of a street going west.
    builder.street(0, 0, -5, 0).street(0, 0, 0.25, 0).street(0, 0, 0, 0.3).street(0, 0.3, 0.5, 0.3).street(0.25, 0, 0.5, 0.3).street(0.5, 0.3, 100.5, 0.3);
    const graph = buildWalkGraph(builder.build());
    const [, toC, toX, xToB, cToB, bToD] = Array.from(graph.edgeLengths);
    expect(toC! + cToB!).toBeLessThan(toX! + xToB!);
    const source = [{ edge: 0, alongMeters: 0, snapMeters: 0 }];
    const { distances } = multiSourceDistances(graph, source);
    expect(distances[builder.node(100.5, 0.3)]).toBe(toC! + cToB! + bToD!);
    expectSameDistances(graph, source);
  });

  it('on a dense mesh of arcs shorter than a bucket', () => {
    const builder = new NetworkBuilder();
    const random = seededRandom(13);
    const points = Array.from({ length: 300 }, () => [Math.round(random() * 8000) / 1000, Math.round(random() * 8000) / 1000] as const);
    points.forEach(([x, y], index) => {
      for (let other = 0; other < 4; other++) {
        const [ox, oy] = points[Math.floor(random() * points.length)]!;
        if (other !== index && Math.hypot(ox - x, oy - y) < 2) builder.street(x, y, ox, oy);
      }
      if (index > 0) builder.street(points[index - 1]![0], points[index - 1]![1], x, y);
    });
    const graph = buildWalkGraph(builder.build());
    for (let trial = 0; trial < 5; trial++) expectSameDistances(graph, randomSources(graph, random, 1 + trial));
  });

  it('reuses its buffers from search to search', () => {
    const graph = buildWalkGraph(gridTown({ river: true }).build());
    const buffers = searchBuffers(graph);
    const first = Array.from(multiSourceDistances(graph, [snapped(graph, 0, 600)], Infinity, buffers).distances);
    multiSourceDistances(graph, [snapped(graph, 1000, 0)], 300, buffers);
    expect(Array.from(multiSourceDistances(graph, [snapped(graph, 0, 600)], Infinity, buffers).distances)).toEqual(first);
    expect(Array.from(multiSourceDistances(graph, [], Infinity, buffers).distances).every((distance) => distance === Infinity)).toBe(true);
  });
});

describe('NodeHeap (of the reference search)', () => {
  it('pops in ascending order, growing past its capacity', () => {
    const heap = new NodeHeap(2);
    const random = seededRandom(3);
    const keys = Array.from({ length: 500 }, () => random());
    keys.forEach((key, index) => heap.push(key, index));
    const popped: number[] = [];
    while (heap.size > 0) {
      popped.push(heap.peekKey());
      heap.pop();
    }
    expect(popped).toEqual([...keys].sort((a, b) => a - b));
  });
});
