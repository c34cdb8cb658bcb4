import { describe, expect, it } from 'vitest';
import { buildSourceField, buildWalkGraph, nearestOverStreet, snapToGraph } from '../../../../src/analysis/walkGraph';
import { buildWalkNetworkQuery, fetchWalkNetwork, isWorseWalkNetwork, parseWalkNetwork, walkWayVerdict } from '../../../../src/data/osm/walkNetworkOsm';
import { at } from '../../../support/walkNetworks';

/** An Overpass answer as `out body; >; out skel qt;` gives it: ways with tags and node ids, then nodes. */
function overpassAnswer(ways: { id: number; tags: Record<string, string>; nodes: number[] }[], nodes: Record<number, [number, number]>) {
  return {
    version: 0.6,
    generator: 'Overpass API (test)',
    elements: [
      ...ways.map((way) => ({ type: 'way', ...way })),
      ...Object.entries(nodes).map(([id, [x, y]]) => {
        const [lon, lat] = at(x, y);
        return { type: 'node', id: Number(id), lon, lat };
      }),
    ],
  };
}

describe('walkWayVerdict', () => {
  it.each([
    [{ highway: 'footway' }, 'walkable'],
    [{ highway: 'residential', oneway: 'yes' }, 'walkable'],
    [{ highway: 'steps' }, 'walkable'],
    [{ highway: 'motorway' }, 'motorRoad'],
    [{ highway: 'trunk', foot: 'yes' }, 'motorRoad'],
    [{ highway: 'path', foot: 'no' }, 'footForbidden'],
    [{ highway: 'service', access: 'no' }, 'noAccess'],
    [{ highway: 'service', access: 'private', foot: 'yes' }, 'walkable'],
    [{ highway: 'primary' }, 'noSidewalk'],
    [{ highway: 'primary', sidewalk: 'both' }, 'walkable'],
    [{ highway: 'secondary', 'sidewalk:right': 'yes' }, 'walkable'],
    [{ highway: 'secondary', sidewalk: 'separate' }, 'noSidewalk'],
    [{ highway: 'construction' }, 'notHighway'],
    [{ building: 'yes' }, 'notHighway'],
  ])('%o → %s', (tags, verdict) => {
    expect(walkWayVerdict(tags)).toBe(verdict);
  });
});

describe('parseWalkNetwork', () => {
  // A street from (0,0) to (300,0) drawn as a one-way residential road in the other direction,
  // a footway on to (300,200), a motorway and a foot=no path that must be left out, and a way
  // naming a node the answer lacks.
  const answer = overpassAnswer(
    [
      { id: 1, tags: { highway: 'residential', oneway: 'yes' }, nodes: [13, 12, 11, 10] },
      { id: 2, tags: { highway: 'footway' }, nodes: [13, 14] },
      { id: 3, tags: { highway: 'motorway' }, nodes: [10, 20] },
      { id: 4, tags: { highway: 'path', foot: 'no' }, nodes: [14, 21] },
      { id: 5, tags: { highway: 'service' }, nodes: [14, 99, 22] },
    ],
    { 10: [0, 0], 11: [100, 0], 12: [200, 0], 13: [300, 0], 14: [300, 200], 20: [0, 1000], 21: [0, 200], 22: [400, 200] },
  );

  it('takes the walkable ways, one edge per pair of consecutive nodes, and counts what it left out', () => {
    const result = parseWalkNetwork(answer);
    expect(result.wayCount).toBe(2); // way 5 only has isolated nodes on either side of the gap
    expect(result.excludedWays).toEqual({ motorRoad: 1, footForbidden: 1 });
    // nodes 13, 12, 11, 10, 14, 22 (22 is on the broken way 5); not 20 or 21
    expect(result.network.nodeCoordinates.length / 2).toBe(6);
    expect(result.network.edgeNodes.length / 2).toBe(4);
    expect(result.issues).toEqual([{ code: 'walk.skipped.missingNode', file: 'OpenStreetMap', record: 'way/5', params: { node: '99' } }]);
    expect(result.bbox![0]).toBeCloseTo(at(0, 0)[0], 9);
  });

  it('walks a one-way street against its direction: (0,0) to the footway end is 300 + 200 m', () => {
    const graph = buildWalkGraph(parseWalkNetwork(answer).network);
    const snapOf = (x: number, y: number) => {
      const snap = snapToGraph(graph, ...at(x, y));
      if (!snap.ok) throw new Error('no snap');
      return snap.snap;
    };
    const field = buildSourceField(graph, [snapOf(300, 200)]);
    expect(nearestOverStreet(graph, field, snapOf(0, 0))!.distanceMeters).toBeCloseTo(500, 1);
  });

  it('reads ways with inline geometry (out geom) as well', () => {
    const [lon0, lat0] = at(0, 0);
    const [lon1, lat1] = at(100, 0);
    const result = parseWalkNetwork({ elements: [{ type: 'way', id: 7, tags: { highway: 'path' }, nodes: [1, 2], geometry: [{ lon: lon0, lat: lat0 }, { lon: lon1, lat: lat1 }] }] });
    expect(result.network.edgeNodes.length).toBe(2);
    expect(buildWalkGraph(result.network).edgeLengths[0]).toBeCloseTo(100, 3);
  });

  it('refuses an answer without elements', () => {
    expect(() => parseWalkNetwork({ remark: 'runtime error' })).toThrow(/elements/);
  });
});

describe('buildWalkNetworkQuery', () => {
  it('asks for walkable ways of a municipality with their nodes, and never for motorways', () => {
    const query = buildWalkNetworkQuery({ kind: 'municipality', code: 'GM0193' });
    expect(query).toContain('["ref:gemeentecode"="0193"]');
    expect(query).toContain('footway');
    expect(query).toContain('out skel qt;');
    expect(query).not.toContain('motorway');
  });
});

describe('fetchWalkNetwork', () => {
  const stubFetch = (body: unknown, status = 200) => (async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })) as unknown as typeof fetch;

  it('posts the walk query and parses the answer', async () => {
    let sent = '';
    const fetchStub = (async (_url: string, init: RequestInit) => {
      sent = decodeURIComponent(String(init.body));
      return new Response(JSON.stringify({ elements: [{ type: 'way', id: 1, tags: { highway: 'footway' }, nodes: [1, 2] }, { type: 'node', id: 1, lon: 6.1, lat: 52.5 }, { type: 'node', id: 2, lon: 6.101, lat: 52.5 }] }), { status: 200 });
    }) as unknown as typeof fetch;
    const result = await fetchWalkNetwork({ kind: 'municipality', code: 'GM0193' }, { fetch: fetchStub, isOnline: () => true });
    expect(sent).toContain('"ref:gemeentecode"="0193"');
    expect(result.network.edgeNodes.length).toBe(2);
  });

  it('turns an answer without elements into a malformedResponse error', async () => {
    await expect(fetchWalkNetwork({ kind: 'municipality', code: 'GM0193' }, { fetch: stubFetch({ remark: 'x' }), isOnline: () => true })).rejects.toMatchObject({ kind: 'malformedResponse' });
  });

  it('passes a 429 on as rateLimited (the caller waits before asking again)', async () => {
    await expect(fetchWalkNetwork({ kind: 'municipality', code: 'GM0193' }, { fetch: stubFetch({}, 429), isOnline: () => true })).rejects.toMatchObject({ kind: 'rateLimited' });
  });
});

describe('isWorseWalkNetwork', () => {
  const network = (edges: number) => ({ nodeCoordinates: new Float64Array(0), edgeNodes: new Uint32Array(2 * edges) });
  it('never takes an empty answer, nor one with fewer than half the edges of the saved download', () => {
    expect(isWorseWalkNetwork(network(0), null)).toBe(true);
    expect(isWorseWalkNetwork(network(10), null)).toBe(false);
    expect(isWorseWalkNetwork(network(49), network(100))).toBe(true);
    expect(isWorseWalkNetwork(network(50), network(100))).toBe(false);
    expect(isWorseWalkNetwork(network(150), network(100))).toBe(false);
  });
});
