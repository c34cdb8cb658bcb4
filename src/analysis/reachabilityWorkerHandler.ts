// The reachability worker's state and message handling, free of worker globals so Node tests can
// call it directly. Keeps the facility index, the grid and (after the first edit) one incrementally
// updated nearest-facility field per category the last grid score needs.

import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { type DataIssue, errorReason } from '../domain/dataIssue';
import type { FacilityCategory } from '../domain/facility';
import { categoryOfCode, FACILITY_CATEGORIES } from '../domain/facility';
import type { NormProfile } from '../domain/norms';
import { InvalidNormsError } from '../domain/norms';
import { decodeIds, FacilityIndex } from './facilityIndex';
import type { GridScore, GridScoreTarget } from './gridScore';
import { rescoreCells, scoreGrid } from './gridScore';
import type { PreparedPoints } from './nearestFacilityField';
import { NearestFacilityField, preparePoints } from './nearestFacilityField';
import type { ProvinceGrid } from './provinceGrid';
import { buildProvinceGrid } from './provinceGrid';
import { analyseLocation, analyseSites } from './reachability';
import type { HandledMessage, ReachabilityRequest, ReachabilityResponse } from './reachabilityProtocol';
import { validateZoneDefinition } from '../domain/serviceZones';
import { analyseZones } from './zoneAnalysis';
import type { PackedFacilities } from './facilityIndex';
import { areaIndexFor } from './areaIndex';
import { StreetDistanceMethod } from './streetDistanceMethod';
import type { ReachabilityOptions } from './reachability';
import type { DistanceMethodId } from './distanceMethod';
import { buildWalkGraph, walkGraphBytes, type WalkGraph } from './walkGraph';
import { mergeWalkNetworks } from './walkNetworkMerge';
import { detourInArea } from './walkDetour';
import { walkingTimeAreas } from './walkArea';

const WORKER_FILE = 'reachabilityWorker';

interface WorkerState {
  index: FacilityIndex | null;
  province: Polygon | MultiPolygon | null;
  grid: ProvinceGrid | null;
  prepared: PreparedPoints | null;
  fields: Map<FacilityCategory, NearestFacilityField>;
  /** The last requested score, with our own copy of its values (the sent copy is transferred away). */
  lastScore: { profile: NormProfile; target: GridScoreTarget; values: Float32Array; distanceMethod: DistanceMethodId } | null;
  /** Municipality outlines for the woonservicegebieden per municipality. */
  zoneOutlines: Feature<Polygon | MultiPolygon, { code: string }>[];
  /** The loaded street networks as one graph, and whether a point lies in their areas. */
  walk: { graph: WalkGraph; isInside: (lon: number, lat: number) => boolean; areas: Array<{ areaKey: string; contains: (lon: number, lat: number) => boolean }> } | null;
  /** Over straat for the current facilities; rebuilt on first use after the facilities or networks change. */
  street: StreetDistanceMethod | null;
}

/** The index's facilities as packed arrays with the same positions (removed ones get no category, so they are never found). */
function packIndex(index: FacilityIndex): PackedFacilities {
  const count = index.facilityCount;
  const packed: PackedFacilities = { ids: new Array<string>(count), coordinates: new Float64Array(2 * count), categoryCodes: new Uint8Array(count) };
  for (let position = 0; position < count; position++) {
    const [lon, lat] = index.facilityLocation(position);
    packed.ids[position] = index.facilityId(position);
    packed.coordinates[2 * position] = lon;
    packed.coordinates[2 * position + 1] = lat;
    packed.categoryCodes[position] = index.isActive(position) ? index.facilityCategoryCode(position) : 255;
  }
  return packed;
}

function issue(code: string, params?: Record<string, string | number>): DataIssue {
  return params ? { code, file: WORKER_FILE, params } : { code, file: WORKER_FILE };
}

class RequestFailed extends Error {
  readonly issues: DataIssue[];
  constructor(issues: DataIssue[]) {
    super(issues.map((item) => item.code).join(', '));
    this.issues = issues;
  }
}

/** Reach each category's field must cover for a score target. */
function requiredReaches(profile: NormProfile, target: GridScoreTarget): Map<FacilityCategory, number> {
  const reaches = new Map<FacilityCategory, number>();
  if (target.kind === 'distance') reaches.set(target.category, target.maxDistanceMeters ?? Infinity);
  else for (const norm of profile.norms[target.housingType]) reaches.set(norm.category, Math.max(reaches.get(norm.category) ?? 0, norm.maxDistanceMeters));
  return reaches;
}

function scoreTransfer(score: GridScore | null): ArrayBuffer[] {
  if (!score) return [];
  return score.street ? [score.values.buffer as ArrayBuffer, score.street.cellMethods.buffer as ArrayBuffer] : [score.values.buffer as ArrayBuffer];
}

export function createReachabilityHandler(): (request: ReachabilityRequest) => HandledMessage {
  const state: WorkerState = { index: null, province: null, grid: null, prepared: null, fields: new Map(), lastScore: null, zoneOutlines: [], walk: null, street: null };

  /** Province outline, and the street network with the planner's choice of method. */
  const analysisOptions = (distanceMethod: DistanceMethodId | undefined): ReachabilityOptions => {
    const options: ReachabilityOptions = state.province ? { province: state.province } : {};
    const chosen = distanceMethod ?? 'hemelsbreed';
    if (state.walk === null && chosen === 'hemelsbreed') return options;
    return { ...options, street: { method: streetMethod(), chosen } };
  };
  /** Over straat for the current facilities and networks (null: no network loaded). */
  const streetMethod = (): StreetDistanceMethod | null => {
    if (state.walk !== null && state.street === null) state.street = new StreetDistanceMethod(state.walk.graph, packIndex(requireIndex()), { isInsideArea: state.walk.isInside });
    return state.street;
  };
  /** The grid score with the chosen method: over straat inside the downloaded areas when chosen and a network is loaded. */
  const scoreWith = (profile: NormProfile, target: GridScoreTarget, distanceMethod: DistanceMethodId): GridScore => {
    const street = distanceMethod === 'overStraat' ? streetMethod() : null;
    const streetOptions = street !== null && state.walk !== null ? { method: street, areaKeys: state.walk.areas.map((area) => area.areaKey) } : undefined;
    return scoreGrid(requirePrepared(), requireIndex(), profile, target, streetOptions);
  };

  const requireIndex = (): FacilityIndex => {
    if (!state.index) throw new RequestFailed([issue('reach.noFacilities')]);
    return state.index;
  };
  const requirePrepared = (): PreparedPoints => {
    if (!state.prepared) throw new RequestFailed([issue('reach.noGrid')]);
    return state.prepared;
  };
  const facilityIndexOf = (facilityId: string): number => {
    const position = requireIndex().indexOfId(facilityId);
    if (position < 0) throw new RequestFailed([issue('reach.unknownFacility', { value: facilityId })]);
    return position;
  };

  /** Brings the fields in line with the last score target (built on the first edit after a score). */
  const ensureFields = (): void => {
    if (!state.lastScore) return;
    const index = requireIndex();
    const prepared = requirePrepared();
    for (const [category, reachMeters] of requiredReaches(state.lastScore.profile, state.lastScore.target)) {
      const existing = state.fields.get(category);
      if (existing && existing.reachMeters === reachMeters) continue;
      state.fields.set(category, new NearestFacilityField(prepared, index, category, reachMeters));
    }
  };

  const afterFacilityChange = (requestId: number, facilityId: string, facilityIndex: number, category: FacilityCategory): HandledMessage => {
    let changedCellCount = 0;
    const field = state.fields.get(category);
    if (field) changedCellCount = field.updateAfterFacilityChange(facilityIndex);
    let score: GridScore | null = null;
    const last = state.lastScore;
    if (last && last.distanceMethod === 'overStraat' && state.walk !== null && requiredReaches(last.profile, last.target).has(category)) {
      // over straat: the street method is rebuilt for the changed facilities and the grid scored anew
      score = scoreWith(last.profile, last.target, 'overStraat');
      last.values = score.values.slice();
    } else if (field && last && requiredReaches(last.profile, last.target).has(category)) {
      const index = requireIndex();
      rescoreCells(last.values, state.fields, index, last.profile, last.target, field.lastChangedPoints, changedCellCount);
      const needed = last.target.kind === 'distance' ? [last.target.category] : last.profile.norms[last.target.housingType].map((norm) => norm.category);
      score = {
        target: last.target,
        method: index.method,
        values: last.values.slice(),
        requiredCount: last.target.kind === 'distance' ? 1 : needed.length,
        noDataCategories: needed.filter((neededCategory) => !index.hasCategory(neededCategory)),
      };
    }
    const response: ReachabilityResponse = { requestId, type: 'facilitiesChanged', facilityId, changedCellCount, score };
    return { response, transfer: scoreTransfer(score) };
  };

  const handleRequest = (request: ReachabilityRequest): HandledMessage => {
    const { requestId } = request;
    switch (request.type) {
      case 'setFacilities': {
        const facilities = request.encodedIds ? { ...request.facilities, ids: decodeIds(request.encodedIds) } : request.facilities;
        state.index = new FacilityIndex(facilities);
        state.fields.clear();
        state.street = null;
        const categoriesWithData = FACILITY_CATEGORIES.filter((category) => state.index!.hasCategory(category));
        return { response: { requestId, type: 'facilitiesSet', facilityCount: state.index.facilityCount, categoriesWithData }, transfer: [] };
      }
      case 'setGrid': {
        const grid = buildProvinceGrid(request.province, request.cellSizeMeters);
        state.province = request.province;
        state.grid = grid;
        state.prepared = preparePoints(grid.centers);
        state.fields.clear();
        const centers = grid.centers.slice();
        const cellIds = grid.cellIds.slice();
        const { cellSizeMeters, originLon, originLat, cellWidthDegrees, cellHeightDegrees, columns, rows, cellCount } = grid;
        return {
          response: {
            requestId,
            type: 'gridSet',
            grid: { cellSizeMeters, originLon, originLat, cellWidthDegrees, cellHeightDegrees, columns, rows, cellCount, centers, cellIds },
          },
          transfer: [centers.buffer, cellIds.buffer],
        };
      }
      case 'analyseLocation': {
        const options = analysisOptions(request.distanceMethod);
        const result = analyseLocation(request.point, requireIndex(), request.profile, request.speed, options);
        return { response: { requestId, type: 'locationAnalysed', result }, transfer: [] };
      }
      case 'analyseSites': {
        const options = analysisOptions(request.distanceMethod);
        const rows = analyseSites(request.sites, requireIndex(), request.profile, request.speed, options);
        return { response: { requestId, type: 'sitesAnalysed', rows }, transfer: [] };
      }
      case 'scoreGrid': {
        const distanceMethod = request.distanceMethod ?? 'hemelsbreed';
        const score = scoreWith(request.profile, request.target, distanceMethod);
        state.lastScore = { profile: request.profile, target: request.target, values: score.values.slice(), distanceMethod };
        // the fields are rebuilt lazily on the next edit, against this target
        state.fields.clear();
        return { response: { requestId, type: 'gridScored', score }, transfer: scoreTransfer(score) };
      }
      case 'moveFacility': {
        state.street = null;
        const index = requireIndex();
        const facilityIndex = facilityIndexOf(request.facilityId);
        ensureFields();
        index.moveFacility(facilityIndex, request.location[0], request.location[1]);
        const category = categoryOfCode(index.facilityCategoryCode(facilityIndex))!;
        return afterFacilityChange(requestId, request.facilityId, facilityIndex, category);
      }
      case 'addFacility': {
        state.street = null;
        const index = requireIndex();
        ensureFields();
        const facilityIndex = index.addFacility(request.facilityId, request.category, request.location[0], request.location[1]);
        return afterFacilityChange(requestId, request.facilityId, facilityIndex, request.category);
      }
      case 'removeFacility': {
        state.street = null;
        const index = requireIndex();
        const facilityIndex = facilityIndexOf(request.facilityId);
        ensureFields();
        index.removeFacility(facilityIndex);
        const category = categoryOfCode(index.facilityCategoryCode(facilityIndex))!;
        return afterFacilityChange(requestId, request.facilityId, facilityIndex, category);
      }
      case 'setWalkNetworks': {
        state.street = null;
        if (request.networks.length === 0) {
          state.walk = null;
          return { response: { requestId, type: 'walkNetworksSet', nodeCount: 0, edgeCount: 0, bytes: 0 }, transfer: [] };
        }
        const graph = buildWalkGraph(mergeWalkNetworks(request.networks.map((item) => item.network)));
        const areas = request.networks.map(({ areaKey, network, outline }) => {
          if (outline !== null) {
            const area = areaIndexFor(outline);
            return { areaKey, contains: (lon: number, lat: number) => area.contains([lon, lat]) };
          }
          let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
          for (let position = 0; position < network.nodeCoordinates.length; position += 2) {
            west = Math.min(west, network.nodeCoordinates[position]!);
            east = Math.max(east, network.nodeCoordinates[position]!);
            south = Math.min(south, network.nodeCoordinates[position + 1]!);
            north = Math.max(north, network.nodeCoordinates[position + 1]!);
          }
          return { areaKey, contains: (lon: number, lat: number) => lon >= west && lon <= east && lat >= south && lat <= north };
        });
        state.walk = { graph, isInside: (lon, lat) => areas.some((area) => area.contains(lon, lat)), areas };
        return { response: { requestId, type: 'walkNetworksSet', nodeCount: graph.nodeCount, edgeCount: graph.edgeCount, bytes: walkGraphBytes(graph) }, transfer: [] };
      }
      case 'walkDetours': {
        const walk = state.walk;
        const detours = walk === null ? [] : walk.areas.map((area) => ({ areaKey: area.areaKey, summary: detourInArea(walk.graph, area.contains) }));
        return { response: { requestId, type: 'walkDetoursComputed', detours }, transfer: [] };
      }
      case 'walkAreas': {
        const walk = state.walk;
        if (walk === null || !walk.isInside(request.point[0], request.point[1])) {
          return { response: { requestId, type: 'walkAreasComputed', result: { ok: false, reason: 'outsideNetwork' } }, transfer: [] };
        }
        const result = walkingTimeAreas(walk.graph, request.point, request.speedKmh);
        return { response: { requestId, type: 'walkAreasComputed', result }, transfer: [] };
      }
      case 'setZoneOutlines': {
        state.zoneOutlines = request.municipalities;
        return { response: { requestId, type: 'zoneOutlinesSet', municipalityCount: request.municipalities.length }, transfer: [] };
      }
      case 'buildZones': {
        const issues = validateZoneDefinition(request.definition);
        if (issues.length > 0) throw new RequestFailed(issues);
        const analysis = analyseZones(requireIndex(), request.definition, request.sites, state.zoneOutlines, request.drawnZones ?? []);
        return { response: { requestId, type: 'zonesBuilt', analysis }, transfer: [] };
      }
    }
  };

  return (request) => {
    try {
      return handleRequest(request);
    } catch (error) {
      const issues =
        error instanceof RequestFailed || error instanceof InvalidNormsError
          ? error.issues
          : [issue('reach.workerError', { reason: errorReason(error) })];
      return { response: { requestId: request.requestId, type: 'error', issues }, transfer: [] };
    }
  };
}
