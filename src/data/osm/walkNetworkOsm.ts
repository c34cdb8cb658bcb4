// The street network for walking from OpenStreetMap: the Overpass query for the ways a pedestrian
// may use, and the parser that turns the Overpass JSON answer into a WalkNetwork (typed arrays,
// see src/analysis/walkGraph.ts).
//
// Which ways (OSM wiki, Key:highway, Key:sidewalk, Key:access, Key:foot):
// - always: footway, path, pedestrian, living_street, residential, service, track, steps,
//   unclassified, tertiary(_link), cycleway, bridleway, road; also `highway=*` with foot=yes /
//   designated / permissive of any other kind except motorway and trunk;
// - primary and secondary roads (and their _link) only with a sidewalk (`sidewalk` = both / left /
//   right / yes, or `sidewalk:left|right|both` = yes) or foot=yes/designated/permissive: in the
//   Netherlands their sidewalks are mostly mapped as separate footways, which are taken anyway;
// - never: motorway, trunk (and _link), ways with foot=no, or access=no / private without a foot tag
//   that allows walking; ways under construction or proposed are not `highway` values above.
// `oneway` is ignored: it binds vehicles, not pedestrians.

import { type DataIssue, errorReason } from '../../domain/dataIssue';
import type { WalkNetwork } from '../../analysis/walkGraph';
import { fetchOverpass, OverpassError, type FetchOverpassOptions } from './fetchOverpass';
import { overpassAreaFilter, type OverpassArea } from './overpassQuery';

const ALWAYS = new Set([
  'footway', 'path', 'pedestrian', 'living_street', 'residential', 'service', 'track', 'steps',
  'unclassified', 'tertiary', 'tertiary_link', 'cycleway', 'bridleway', 'road',
]);
const WITH_SIDEWALK = new Set(['primary', 'primary_link', 'secondary', 'secondary_link']);
const NEVER = new Set(['motorway', 'motorway_link', 'trunk', 'trunk_link']);
const FOOT_ALLOWED = new Set(['yes', 'designated', 'permissive']);
const SIDEWALK_PRESENT = new Set(['both', 'left', 'right', 'yes']);

export type WalkWayVerdict = 'walkable' | 'notHighway' | 'motorRoad' | 'noSidewalk' | 'footForbidden' | 'noAccess';

/** Whether a pedestrian may use a way with these tags, and why not. */
export function walkWayVerdict(tags: Readonly<Record<string, string>>): WalkWayVerdict {
  const highway = tags['highway'];
  if (highway === undefined) return 'notHighway';
  if (NEVER.has(highway)) return 'motorRoad';
  const foot = tags['foot'];
  if (foot === 'no' || foot === 'use_sidepath') return 'footForbidden';
  const footAllowed = foot !== undefined && FOOT_ALLOWED.has(foot);
  const access = tags['access'];
  if ((access === 'no' || access === 'private') && !footAllowed) return 'noAccess';
  if (ALWAYS.has(highway)) return 'walkable';
  if (WITH_SIDEWALK.has(highway)) {
    const sidewalk =
      SIDEWALK_PRESENT.has(tags['sidewalk'] ?? '') ||
      SIDEWALK_PRESENT.has(tags['sidewalk:both'] ?? '') ||
      tags['sidewalk:left'] === 'yes' ||
      tags['sidewalk:right'] === 'yes';
    return sidewalk || footAllowed ? 'walkable' : 'noSidewalk';
  }
  return footAllowed ? 'walkable' : 'notHighway';
}

/** The highway values the query asks for (others can only qualify through foot=*, queried apart). */
const QUERIED_HIGHWAYS = [...ALWAYS, ...WITH_SIDEWALK].sort();

/**
 * Overpass QL for the walkable ways of an area with their nodes: `out body` for the ways (tags and
 * node ids), then `out skel qt` for the nodes (positions only).
 */
export function buildWalkNetworkQuery(area: OverpassArea, timeoutSeconds = 180): string {
  const { setup, filterSuffix } = overpassAreaFilter(area);
  const lines = [`[out:json][timeout:${timeoutSeconds}][maxsize:536870912];`, ...setup];
  lines.push('(');
  lines.push(`  way["highway"~"^(${QUERIED_HIGHWAYS.join('|')})$"]${filterSuffix};`);
  lines.push(`  way["highway"]["foot"~"^(yes|designated|permissive)$"]${filterSuffix};`);
  lines.push(')->.ways;');
  lines.push('.ways out body;');
  lines.push('.ways >;');
  lines.push('out skel qt;');
  return lines.join('\n');
}

export interface WalkNetworkParseResult {
  network: WalkNetwork;
  /** Ways used, and ways left out per reason (WalkWayVerdict other than 'walkable'). */
  wayCount: number;
  excludedWays: Partial<Record<WalkWayVerdict, number>>;
  /** Problems with single elements (a way naming a node the answer lacks, a bad coordinate). */
  issues: DataIssue[];
  /** [west, south, east, north] of the nodes used; null when the network is empty. */
  bbox: [number, number, number, number] | null;
}

const FILE = 'OpenStreetMap';
/** Issues are listed up to this many; the rest are counted in one more issue. */
const MAX_LISTED_ISSUES = 50;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringTags(value: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  if (!isRecord(value)) return tags;
  for (const [key, tag] of Object.entries(value)) if (typeof tag === 'string') tags[key] = tag;
  return tags;
}

/**
 * Reads an Overpass answer (ways with `nodes`, nodes with `lat`/`lon`; ways with inline `geometry`
 * from `out geom` work too) into a WalkNetwork: one graph node per OSM node used by a walkable way,
 * one edge per pair of consecutive nodes. Throws a TypeError when the answer has no elements array.
 */
export function parseWalkNetwork(json: unknown): WalkNetworkParseResult {
  if (!isRecord(json) || !Array.isArray(json['elements'])) throw new TypeError('Overpass answer without an elements array');
  const elements = json['elements'] as unknown[];
  const nodePositions = new Map<number, [number, number]>();
  for (const element of elements) {
    if (!isRecord(element) || element['type'] !== 'node') continue;
    const id = element['id'];
    const lon = element['lon'];
    const lat = element['lat'];
    if (typeof id === 'number' && typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90) {
      nodePositions.set(id, [lon, lat]);
    }
  }

  const graphNode = new Map<number, number>();
  const coordinates: number[] = [];
  const edges: number[] = [];
  const excludedWays: Partial<Record<WalkWayVerdict, number>> = {};
  const issues: DataIssue[] = [];
  let unlistedIssues = 0;
  const report = (issue: DataIssue): void => {
    if (issues.length < MAX_LISTED_ISSUES) issues.push(issue);
    else unlistedIssues++;
  };
  let wayCount = 0;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;

  const nodeFor = (osmId: number, position: [number, number]): number => {
    let node = graphNode.get(osmId);
    if (node === undefined) {
      node = coordinates.length / 2;
      graphNode.set(osmId, node);
      coordinates.push(position[0], position[1]);
      if (position[0] < west) west = position[0];
      if (position[0] > east) east = position[0];
      if (position[1] < south) south = position[1];
      if (position[1] > north) north = position[1];
    }
    return node;
  };

  elements.forEach((element) => {
    if (!isRecord(element) || element['type'] !== 'way') return;
    const verdict = walkWayVerdict(stringTags(element['tags']));
    if (verdict !== 'walkable') {
      excludedWays[verdict] = (excludedWays[verdict] ?? 0) + 1;
      return;
    }
    const wayId = String(element['id']);
    const nodeIds = Array.isArray(element['nodes']) ? (element['nodes'] as unknown[]) : [];
    const geometry = Array.isArray(element['geometry']) ? (element['geometry'] as unknown[]) : [];
    let previous = -1;
    let usable = false;
    for (let position = 0; position < nodeIds.length; position++) {
      const osmId = nodeIds[position];
      let location = typeof osmId === 'number' ? nodePositions.get(osmId) : undefined;
      const inline = geometry[position];
      if (location === undefined && isRecord(inline) && typeof inline['lon'] === 'number' && typeof inline['lat'] === 'number' && Number.isFinite(inline['lon']) && Number.isFinite(inline['lat'])) {
        location = [inline['lon'], inline['lat']];
      }
      if (typeof osmId !== 'number' || location === undefined) {
        report({ code: 'walk.skipped.missingNode', file: FILE, record: `way/${wayId}`, params: { node: String(osmId) } });
        previous = -1; // the way is broken here: do not bridge the gap with a straight edge
        continue;
      }
      const node = nodeFor(osmId, location);
      if (previous !== -1 && previous !== node) {
        edges.push(previous, node);
        usable = true;
      }
      previous = node;
    }
    if (usable) wayCount++;
  });
  if (unlistedIssues > 0) issues.push({ code: 'walk.skipped.more', file: FILE, params: { count: String(unlistedIssues) } });
  const nodeCount = coordinates.length / 2;
  return {
    network: { nodeCoordinates: Float64Array.from(coordinates), edgeNodes: Uint32Array.from(edges) },
    wayCount,
    excludedWays,
    issues,
    bbox: nodeCount === 0 ? null : [west, south, east, north],
  };
}

/**
 * Downloads and parses the walk network of an area (one Overpass request; the caller keeps the
 * one-request-at-a-time and wait-after-429 rules of src/stores/osmFetch.ts). Rejects only with an
 * OverpassError; an answer that is not an Overpass answer is 'malformedResponse'.
 */
export async function fetchWalkNetwork(area: OverpassArea, options: FetchOverpassOptions = {}): Promise<WalkNetworkParseResult> {
  const json = await fetchOverpass(buildWalkNetworkQuery(area), { timeoutMilliseconds: 200_000, ...options });
  try {
    return parseWalkNetwork(json);
  } catch (error) {
    throw new OverpassError('malformedResponse', { reason: errorReason(error) }, { cause: error });
  }
}

/**
 * Whether a new download would make things worse than the saved one for the same area, so it must
 * not replace it without the planner's say: no streets at all, or fewer than half the edges.
 */
export function isWorseWalkNetwork(next: WalkNetwork, saved: WalkNetwork | null): boolean {
  const nextEdges = next.edgeNodes.length / 2;
  if (nextEdges === 0) return true;
  if (saved === null) return false;
  return nextEdges < saved.edgeNodes.length / 2 / 2;
}
