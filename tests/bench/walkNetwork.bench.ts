// Benchmark of walking distances over the street (issue 11): a seeded synthetic municipality-size
// network (100,000 nodes, 250,000 edges), graph build and memory, the multi-source search for six
// categories (target ≤ 100 ms), reading 30,000 points from it, and a walking-time area (target
// ≤ 50 ms); against the textbook binary-heap Dijkstra for the same six searches (every node's
// distance must be the same, bit for bit), a naive per-point shortest-path loop and ngraph.path,
// which must give the same distances (the benchmark fails when they do not).
// Run: npx tsx tests/bench/walkNetwork.bench.ts

import createGraph from 'ngraph.graph';
import ngraphPath from 'ngraph.path';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { categoryCode, FACILITY_CATEGORIES, type FacilityCategory } from '../../src/domain/facility';
import type { PackedFacilities } from '../../src/analysis/facilityIndex';
import { haversineMeters } from '../../src/analysis/sphericalDistance';
import { FacilityIndex } from '../../src/analysis/facilityIndex';
import { scoreGrid } from '../../src/analysis/gridScore';
import { preparePoints } from '../../src/analysis/nearestFacilityField';
import { WOONZORGZONE_PROFILE } from '../../src/domain/norms';
import { StreetDistanceMethod } from '../../src/analysis/streetDistanceMethod';
import { walkingTimeAreas } from '../../src/analysis/walkArea';
import { detourInArea } from '../../src/analysis/walkDetour';
import { buildWalkGraph, multiSourceDistances, searchBuffers, snapToGraph, walkGraphBytes, type WalkGraph, type WalkNetwork } from '../../src/analysis/walkGraph';
import { referenceDistances } from '../support/referenceDijkstra';
import { seededRandom } from '../support/seededRandom';
import { at, syntheticMunicipality } from '../support/walkNetworks';
import { formatBenchResults, type BenchResult } from './reachability.bench';
import { timeRuns } from './timing';

const NODE_COUNT = 100_000;
const EDGE_COUNT = 250_000;
const SIX_CATEGORIES: FacilityCategory[] = FACILITY_CATEGORIES.slice(0, 6);
/** Facilities per category, roughly a large municipality's (stops are many, 24-hour care few). */
const FACILITIES_PER_CATEGORY = [12, 25, 30, 15, 40, 250];
const POINT_COUNT = 30_000;
const SEARCH_TARGET_MS = 100;
const AREA_TARGET_MS = 50;
/** Older pedestrian, NORMS.md: 2.9 km/h → 15 minutes = 725 m. */
const SPEED_KMH = 2.9;



const cpuNote = (timing: { cpuMedianMs: number }) => `CPU ${timing.cpuMedianMs.toFixed(1)} ms`;

/** Facilities placed on random nodes, so node-to-node comparisons with ngraph.path are exact. */
function facilitiesOnNodes(network: WalkNetwork, random: () => number): PackedFacilities {
  const ids: string[] = [];
  const coordinates: number[] = [];
  const codes: number[] = [];
  const nodeCount = network.nodeCoordinates.length / 2;
  SIX_CATEGORIES.forEach((category, index) => {
    for (let count = 0; count < FACILITIES_PER_CATEGORY[index]!; count++) {
      const node = Math.floor(random() * nodeCount);
      ids.push(`${category}-${count}`);
      coordinates.push(network.nodeCoordinates[2 * node]!, network.nodeCoordinates[2 * node + 1]!);
      codes.push(categoryCode(category));
    }
  });
  return { ids, coordinates: Float64Array.from(coordinates), categoryCodes: Uint8Array.from(codes) };
}

/** The naive way: for one point, a whole single-source search (textbook Dijkstra), then the minimum over the category's facilities. */
function naiveDistance(graph: WalkGraph, point: [number, number], facilities: [number, number][]): number {
  const start = snapToGraph(graph, ...point);
  if (!start.ok) return Infinity;
  const { distances } = referenceDistances(graph, [start.snap]);
  let best = Infinity;
  for (const facility of facilities) {
    const snap = snapToGraph(graph, ...facility);
    if (!snap.ok) continue;
    const { edge, alongMeters, snapMeters } = snap.snap;
    const from = graph.edgeNodes[2 * edge]!;
    const to = graph.edgeNodes[2 * edge + 1]!;
    let distance = snapMeters + Math.min(distances[from]! + alongMeters, distances[to]! + graph.edgeLengths[edge]! - alongMeters);
    if (edge === start.snap.edge) distance = Math.min(distance, snapMeters + start.snap.snapMeters + Math.abs(alongMeters - start.snap.alongMeters));
    best = Math.min(best, distance);
  }
  return best;
}

export function runWalkNetworkBenchmarks(): BenchResult[] {
  const results: BenchResult[] = [];
  console.log(`load average ${loadavg().map((load) => load.toFixed(1)).join(' / ')} on ${availableParallelism()} cores`);
  const random = seededRandom(20261211);
  const network = syntheticMunicipality(NODE_COUNT, EDGE_COUNT);
  const build = timeRuns(5, () => buildWalkGraph(network), 1);
  const graph = build.result;
  const bytes = walkGraphBytes(graph);
  results.push({
    name: `build the graph: ${graph.nodeCount.toLocaleString('en')} nodes, ${graph.edgeCount.toLocaleString('en')} edges (lengths, CSR adjacency, Flatbush edge index)`,
    medianMs: build.medianMs,
    runs: 5,
    note: `${cpuNote(build)}; graph memory ${(bytes / 1e6).toFixed(1)} MB in typed arrays (${(bytes / graph.edgeCount).toFixed(0)} bytes per edge); stored form (coordinates + edge pairs) ${((network.nodeCoordinates.byteLength + network.edgeNodes.byteLength) / 1e6).toFixed(1)} MB`,
  });

  const packed = facilitiesOnNodes(network, random);
  const counts = SIX_CATEGORIES.map((category, index) => `${FACILITIES_PER_CATEGORY[index]} ${category}`).join(', ');
  const search = timeRuns(7, () => {
    const method = new StreetDistanceMethod(graph, packed);
    method.computeAll();
    return method;
  }, 2);
  const method = search.result;
  results.push({
    name: `multi-source search, six categories (${counts}): snap facilities + one search per category`,
    medianMs: search.medianMs,
    runs: 7,
    targetMs: SEARCH_TARGET_MS,
    note: `${cpuNote(search)}; per category ${(search.medianMs / 6).toFixed(1)} ms; every node gets its walking distance to the nearest facility`,
  });

  // --- the same six searches with the textbook binary-heap Dijkstra: every node must get the same distance ---
  const sourcesPerCategory = SIX_CATEGORIES.map((category) => {
    const code = categoryCode(category);
    const sources = [];
    for (let position = 0; position < packed.categoryCodes.length; position++) {
      if (packed.categoryCodes[position] !== code) continue;
      const snap = snapToGraph(graph, packed.coordinates[2 * position]!, packed.coordinates[2 * position + 1]!);
      if (snap.ok) sources.push(snap.snap);
    }
    return sources;
  });
  const fastBuffers = searchBuffers(graph);
  const searchOnly = timeRuns(7, () => sourcesPerCategory.forEach((sources) => multiSourceDistances(graph, sources, Infinity, fastBuffers)), 2);
  results.push({
    name: 'of which the six searches alone (bucket queue, one reused buffer; no snapping, no copies)',
    medianMs: searchOnly.medianMs,
    runs: 7,
    note: cpuNote(searchOnly),
  });
  const reference = timeRuns(3, () => sourcesPerCategory.map((sources) => referenceDistances(graph, sources).distances), 1);
  let differingNodes = 0;
  sourcesPerCategory.forEach((sources, category) => {
    const fast = multiSourceDistances(graph, sources, Infinity, fastBuffers).distances;
    const expected = reference.result[category]!;
    for (let node = 0; node < graph.nodeCount; node++) if (!Object.is(fast[node], expected[node])) differingNodes++;
  });
  if (differingNodes > 0) throw new Error(`bucket-queue search and textbook Dijkstra disagree at ${differingNodes} nodes`);
  results.push({
    name: 'textbook Dijkstra (binary heap, lazy deletion), the same six searches',
    medianMs: reference.medianMs,
    runs: 3,
    note: `${cpuNote(reference)}; search only, without snapping; the bucket-queue search gives every node the same distance, bit for bit (checked, ${(6 * graph.nodeCount).toLocaleString('en')} node distances)`,
  });

  const [west, south, east, north] = graph.bbox;
  const points: [number, number][] = Array.from({ length: POINT_COUNT }, () => [west + random() * (east - west), south + random() * (north - south)]);
  const read = timeRuns(3, () => {
    let routes = 0;
    for (const point of points) {
      const snap = method.snap(point);
      for (const category of SIX_CATEGORIES) if (method.overStreet(category, point, snap).kind === 'route') routes++;
    }
    return routes;
  }, 1);
  results.push({ name: `read ${POINT_COUNT.toLocaleString('en')} points × 6 categories from the searches (one snap per point + lookups)`, medianMs: read.medianMs, runs: 3, note: `${cpuNote(read)}; ${read.result.toLocaleString('en')} routes` });

  // the suitability grid with over straat: 100 m cells over the network and 2 km around it
  const cellCentres: number[] = [];
  for (let x = -2000; x < 11500; x += 100) for (let y = -2000; y < 11500; y += 100) cellCentres.push(...at(x + 50, y + 50));
  const cells = preparePoints(Float64Array.from(cellCentres));
  const facilityIndex = new FacilityIndex(packed);
  const target = { kind: 'normsMet' as const, housingType: 'zorggeschikt' as const };
  const straightGrid = timeRuns(3, () => scoreGrid(cells, facilityIndex, WOONZORGZONE_PROFILE, target), 1);
  const streetGrid = timeRuns(3, () => scoreGrid(cells, facilityIndex, WOONZORGZONE_PROFILE, target, { method, areaKeys: [] }), 1);
  const [outside, inside] = streetGrid.result.street!.counts;
  results.push({
    name: `suitability grid, norms met (zorggeschikt), ${cells.count.toLocaleString('en')} cells of 100 m: over straat inside the network's area, hemelsbreed outside`,
    medianMs: streetGrid.medianMs,
    runs: 3,
    note: `${cpuNote(streetGrid)}; ${inside!.toLocaleString('en')} cells over straat (one snap each, then the searches above), ${outside!.toLocaleString('en')} hemelsbreed; all hemelsbreed ${straightGrid.medianMs.toFixed(0)} ms`,
  });

  const centre: [number, number] = [(west + east) / 2, (south + north) / 2];
  const areaBuffers = searchBuffers(graph);
  const area = timeRuns(9, () => walkingTimeAreas(graph, centre, SPEED_KMH, { buffers: areaBuffers }), 2);
  if (!area.result.ok) throw new Error('walking-time area: the centre did not snap');
  results.push({
    name: `walking-time area 5/10/15 min at ${SPEED_KMH} km/h (725 m) from the centre: search, reached streets, outline`,
    medianMs: area.medianMs,
    runs: 9,
    targetMs: AREA_TARGET_MS,
    note: `${cpuNote(area)}; ${area.result.streets.features.length.toLocaleString('en')} street pieces, ${(area.result.reachedStreetMeters / 1000).toFixed(1)} km of street, ${area.result.areas.features.map((feature) => feature.geometry.coordinates.reduce((sum, polygon) => sum + polygon.reduce((ringSum, ring) => ringSum + ring.length, 0), 0)).join('/')} outline vertices`,
  });

  const detour = timeRuns(3, () => detourInArea(graph, () => true, { buffers: areaBuffers }), 1);
  results.push({
    name: 'detour of the municipality: median over-straat / hemelsbreed of street-point pairs 250 m–2 km apart (30 origins)',
    medianMs: detour.medianMs,
    runs: 3,
    note: `${cpuNote(detour)}; median ${detour.result.median?.toFixed(3) ?? '–'} over ${detour.result.pairCount} pairs; runs in the worker after the analyses a new network waits for`,
  });

  // --- the naive per-point loop, on a sample of points, must give the same distances ---
  const category: FacilityCategory = 'supermarkt';
  const code = categoryCode(category);
  const categoryFacilities: [number, number][] = [];
  for (let position = 0; position < packed.categoryCodes.length; position++) {
    if (packed.categoryCodes[position] === code) categoryFacilities.push([packed.coordinates[2 * position]!, packed.coordinates[2 * position + 1]!]);
  }
  const sample = points.slice(0, 40);
  const naiveStart = performance.now();
  const naive = sample.map((point) => naiveDistance(graph, point, categoryFacilities));
  const naivePerPoint = (performance.now() - naiveStart) / sample.length;
  let worst = 0;
  sample.forEach((point, index) => {
    const answer = method.overStreet(category, point);
    const fast = answer.kind === 'route' ? answer.distanceMeters : Infinity;
    const difference = fast === naive[index] ? 0 : Math.abs(fast - naive[index]!);
    worst = Math.max(worst, difference);
  });
  if (!(worst < 1e-6)) throw new Error(`multi-source search and the naive per-point loop disagree by ${worst} m`);
  results.push({
    name: `naive: one whole shortest-path search per point (${sample.length} points, ${category})`,
    medianMs: naivePerPoint,
    runs: sample.length,
    note: `per point; ${POINT_COUNT.toLocaleString('en')} points × 6 categories would take ${((naivePerPoint * POINT_COUNT * 6) / 1000).toFixed(0)} s against ${(search.medianMs + read.medianMs).toFixed(0)} ms (search + read); same distances: yes (largest difference ${worst.toExponential(1)} m)`,
  });

  // --- ngraph.path: A* without heuristic (= Dijkstra) from a node to every facility of the category ---
  const ngraph = createGraph<unknown, number>({ multigraph: true });
  for (let edge = 0; edge < graph.edgeCount; edge++) ngraph.addLink(graph.edgeNodes[2 * edge]!, graph.edgeNodes[2 * edge + 1]!, graph.edgeLengths[edge]!);
  const finder = ngraphPath.aStar(ngraph, { oriented: false, distance: (_from, _to, link) => link.data });
  const facilityNodes = categoryFacilities.map((facility) => {
    const snap = snapToGraph(graph, ...facility);
    if (!snap.ok) throw new Error('facility off the network');
    return snap.snap.alongMeters === 0 ? graph.edgeNodes[2 * snap.snap.edge]! : graph.edgeNodes[2 * snap.snap.edge + 1]!;
  });
  const fieldDistances = multiSourceDistances(graph, categoryFacilities.map((facility) => {
    const snap = snapToGraph(graph, ...facility);
    if (!snap.ok) throw new Error('facility off the network');
    return snap.snap;
  })).distances;
  const ngraphSample = Array.from({ length: 2 }, () => Math.floor(random() * graph.nodeCount));
  const ngraphStart = performance.now();
  let ngraphWorst = 0;
  for (const node of ngraphSample) {
    let best = Infinity;
    for (const target of facilityNodes) {
      const path = finder.find(node, target);
      let length = 0;
      for (let step = 1; step < path.length; step++) {
        const a = path[step - 1]!.id as number;
        const b = path[step]!.id as number;
        length += haversineMeters(graph.nodeCoordinates[2 * a]!, graph.nodeCoordinates[2 * a + 1]!, graph.nodeCoordinates[2 * b]!, graph.nodeCoordinates[2 * b + 1]!);
      }
      if (path.length > 0) best = Math.min(best, length);
    }
    ngraphWorst = Math.max(ngraphWorst, Math.abs(best - fieldDistances[node]!));
  }
  const ngraphPerPoint = (performance.now() - ngraphStart) / ngraphSample.length;
  if (!(ngraphWorst < 1e-3)) throw new Error(`multi-source search and ngraph.path disagree by ${ngraphWorst} m`);
  results.push({
    name: `ngraph.path aStar (no heuristic), one path per facility (${facilityNodes.length} ${category}), ${ngraphSample.length} start nodes`,
    medianMs: ngraphPerPoint,
    runs: ngraphSample.length,
    note: `per point; same distances: yes (largest difference ${ngraphWorst.toExponential(1)} m)`,
  });
  return results;
}

export function formatWalkNetworkResults(results: BenchResult[]): string {
  return formatBenchResults(results).replace(/^Reachability benchmarks \(synthetic seeded data, Overijssel bounding box\)/, 'Walking over the street (synthetic seeded municipality-size network)');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatWalkNetworkResults(runWalkNetworkBenchmarks()));
}
