// Messages between the UI thread and the reachability worker. Every request carries a requestId that
// its response repeats; big arrays travel as transferred typed arrays, never as GeoJSON.

import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { DataIssue } from '../domain/dataIssue';
import type { FacilityCategory } from '../domain/facility';
import type { NormProfile, WalkingSpeed } from '../domain/norms';
import type { DrawnZone, ZoneDefinition } from '../domain/serviceZones';
import type { ZoneAnalysis, ZoneSite } from './zoneAnalysis';
import type { EncodedIds, PackedFacilities } from './facilityIndex';
import type { GridScore, GridScoreTarget } from './gridScore';
import type { LocationReachability, ReachabilityRow, ReachabilitySite } from './reachability';
import type { ProvinceGrid } from './provinceGrid';
import type { DistanceMethodId } from './distanceMethod';
import type { WalkNetwork } from './walkGraph';
import type { WalkAreaResult } from './walkArea';
import type { DetourSummary } from './walkDetour';

/** One downloaded street network with the area it was downloaded for (null: its bounding box). */
export interface WalkNetworkArea {
  areaKey: string;
  network: WalkNetwork;
  outline: Polygon | MultiPolygon | null;
}

export type ReachabilityRequest =
  /** Replaces all facilities (transfer coordinates.buffer and categoryCodes.buffer). */
  /** `encodedIds`, when given, holds the ids (then `facilities.ids` is empty): a large list moves a few buffers, not one string per facility. */
  | { requestId: number; type: 'setFacilities'; facilities: PackedFacilities; encodedIds?: EncodedIds }
  /** Sets the province outline (for the outside-province flag) and builds the scoring grid. */
  | { requestId: number; type: 'setGrid'; province: Polygon | MultiPolygon; cellSizeMeters: number }
  /** distanceMethod: the planner's choice (default hemelsbreed); over straat applies where a street network is loaded. */
  | { requestId: number; type: 'analyseLocation'; point: [number, number]; profile: NormProfile; speed: WalkingSpeed; distanceMethod?: DistanceMethodId }
  | { requestId: number; type: 'analyseSites'; sites: ReachabilitySite[]; profile: NormProfile; speed: WalkingSpeed; distanceMethod?: DistanceMethodId }
  /** Replaces the street networks (transfer their typed arrays); an empty list removes them. */
  | { requestId: number; type: 'setWalkNetworks'; networks: WalkNetworkArea[] }
  /** The detour per downloaded area (a second or two for a large municipality: sent after the analyses that wait for the network). */
  | { requestId: number; type: 'walkDetours' }
  /** Walking-time areas (5/10/15 min) around one point over the loaded street network. */
  | { requestId: number; type: 'walkAreas'; point: [number, number]; speedKmh: number }
  /** distanceMethod: the planner's choice (default hemelsbreed); over straat decides the cells inside the downloaded areas. */
  | { requestId: number; type: 'scoreGrid'; profile: NormProfile; target: GridScoreTarget; distanceMethod?: DistanceMethodId }
  /** During a drag: updates the last grid score incrementally and returns it. */
  | { requestId: number; type: 'moveFacility'; facilityId: string; location: [number, number] }
  | { requestId: number; type: 'addFacility'; facilityId: string; category: FacilityCategory; location: [number, number] }
  | { requestId: number; type: 'removeFacility'; facilityId: string }
  /** Municipality outlines for the zones' figures per municipality (sent once). */
  | { requestId: number; type: 'setZoneOutlines'; municipalities: Feature<Polygon | MultiPolygon, { code: string }>[] }
  /** Woonservicegebieden of a definition, and per site inside/outside with the nearest element. */
  | { requestId: number; type: 'buildZones'; definition: ZoneDefinition; sites: ZoneSite[]; drawnZones?: DrawnZone[] };

/** The worker's grid as sent to the UI thread: the same shape as ProvinceGrid, with `centers` a transferred copy. */
export type GridDescription = ProvinceGrid;

export type ReachabilityResponse =
  | { requestId: number; type: 'facilitiesSet'; facilityCount: number; categoriesWithData: FacilityCategory[] }
  | { requestId: number; type: 'gridSet'; grid: GridDescription }
  | { requestId: number; type: 'locationAnalysed'; result: LocationReachability }
  | { requestId: number; type: 'sitesAnalysed'; rows: ReachabilityRow[] }
  | { requestId: number; type: 'gridScored'; score: GridScore }
  /** score is the updated last grid score, or null when no score was requested yet or it does not depend on the category. */
  | { requestId: number; type: 'facilitiesChanged'; facilityId: string; changedCellCount: number; score: GridScore | null }
  | { requestId: number; type: 'zoneOutlinesSet'; municipalityCount: number }
  | { requestId: number; type: 'zonesBuilt'; analysis: ZoneAnalysis }
  | { requestId: number; type: 'walkNetworksSet'; nodeCount: number; edgeCount: number; bytes: number }
  | { requestId: number; type: 'walkDetoursComputed'; detours: Array<{ areaKey: string; summary: DetourSummary }> }
  | { requestId: number; type: 'walkAreasComputed'; result: WalkAreaResult | { ok: false; reason: 'outsideNetwork' } }
  | { requestId: number; type: 'error'; issues: DataIssue[] };

/** A response plus the buffers to transfer with postMessage. */
export interface HandledMessage {
  response: ReachabilityResponse;
  transfer: ArrayBuffer[];
}
