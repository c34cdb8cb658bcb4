// The analysis point ("circles of reachability"): where it is and what it stands for, picking it on
// the map, the worker's answer for it judged against the declared coverage, and its rings and lines.

import { atom, batch, computed } from 'nanostores';
import type { FeatureCollection, LineString, Polygon } from 'geojson';
import type { DataIssue } from '../domain/dataIssue';
import { facilityKey, type Facility, type FacilityCategory } from '../domain/facility';
import type { PlacedKeyProject, PlacementPrecision } from '../domain/keyProject';
import { judgeAtPoint } from '../analysis/dataCoverage';
import type { LocationReachability } from '../analysis/reachability';
import { ringsFor, type RingProperties } from '../analysis/reachabilityRings';
import { $completeAreas } from './facilities';
import { $normProfile, $profileCategories, $reachHousingType } from './norms';
import { $selection } from './selection';

export type AnalysisOrigin =
  | { kind: 'map' }
  | { kind: 'keyProject'; id: string; name: string; precision: PlacementPrecision; placedAt: string }
  | { kind: 'facility'; key: string; name: string };

export interface AnalysisPoint {
  /** [lon, lat]. */
  location: [number, number];
  origin: AnalysisOrigin;
}

export const $analysisPoint = atom<AnalysisPoint | null>(null);
/** true while the next map click (or Enter on the map) sets the analysis point. */
export const $pickingLocation = atom(false);

export function startPickingLocation(): void {
  $pickingLocation.set(true);
}

export function cancelPickingLocation(): void {
  $pickingLocation.set(false);
}

export function analysePoint(point: AnalysisPoint): void {
  batch(() => {
    $pickingLocation.set(false);
    $analysisPoint.set(point);
    $selection.set({ kind: 'reachability' });
  });
}

/** The map click (or centre) chosen while picking. */
export function pickLocation(location: [number, number]): void {
  analysePoint({ location: [location[0], location[1]], origin: { kind: 'map' } });
}

export function analyseKeyProject(project: PlacedKeyProject): void {
  analysePoint({
    location: project.location,
    origin: { kind: 'keyProject', id: project.id, name: project.name, precision: project.locationPrecision, placedAt: project.placedAt },
  });
}

export function analyseFacility(facility: Facility): void {
  analysePoint({ location: facility.location, origin: { kind: 'facility', key: facilityKey(facility), name: facility.name } });
}

export function clearAnalysisPoint(): void {
  batch(() => {
    $analysisPoint.set(null);
    $locationAnalysis.set({ status: 'idle' });
    if ($selection.get()?.kind === 'reachability') $selection.set(null);
  });
}

export type LocationResult =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'ready'; result: LocationReachability }
  | { status: 'failed'; issues: DataIssue[] };

/** The worker's answer for the analysis point, before the declared coverage is applied (set by the worker client). */
export const $locationAnalysis = atom<LocationResult>({ status: 'idle' });

/** The analysis point's result; follows changes of declared coverage without asking the worker again. */
export const $locationResult = computed([$locationAnalysis, $completeAreas], (state, areas): LocationResult =>
  state.status === 'ready' ? { status: 'ready', result: judgeAtPoint(state.result, areas) } : state,
);

/** Rings at the norm distances of the chosen housing type (distinct distances, largest first). */
export const $reachRings = computed([$analysisPoint, $normProfile, $reachHousingType], (point, profile, housingType) => {
  const empty: FeatureCollection<Polygon, RingProperties> = { type: 'FeatureCollection', features: [] };
  if (!point) return empty;
  const distances = [...new Set(profile.norms[housingType].map((norm) => norm.maxDistanceMeters))];
  return distances.length === 0 ? empty : ringsFor(point.location, distances);
});

/** Dashed lines from the point to the nearest facility of each category the profile uses. */
export const $nearestLines = computed([$locationResult, $profileCategories], (state, categories): FeatureCollection<LineString, { category: FacilityCategory }> => {
  if (state.status !== 'ready') return { type: 'FeatureCollection', features: [] };
  const { result } = state;
  return {
    type: 'FeatureCollection',
    features: categories.flatMap((category) => {
      const reach = result.categories[category];
      if (reach.status !== 'found') return [];
      return [{ type: 'Feature' as const, properties: { category }, geometry: { type: 'LineString' as const, coordinates: [result.point, reach.location] } }];
    }),
  };
});
