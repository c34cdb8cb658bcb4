// The map's view as the app knows it (reported by the map after each move) and the moves the app asks
// of the map: the whole province, a municipality's or region's extent, a key project, a shared view.
// Choosing a municipality, region or key project from a list, panel or link fits the map to it; choosing
// it by clicking the map leaves the map where it is (the planner already sees it, and a moving map would
// pull the next click's target away from under the pointer).

import { atom } from 'nanostores';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { $appData } from './appData';
import { $planKeyProjects } from './planKeyProjects';
import { $selection, type Selection } from './selection';

export interface MapView {
  /** [longitude, latitude] */
  center: [number, number];
  zoom: number;
}

/** [west, south, east, north] */
export type Bounds = [number, number, number, number];

/** Overijssel with a small margin. */
export const PROVINCE_BOUNDS: Bounds = [5.72, 52.08, 7.13, 52.9];

export type ViewRequest =
  | { kind: 'bounds'; bounds: Bounds }
  /** Centre on a point, zooming in to at least minZoom. */
  | { kind: 'point'; center: [number, number]; minZoom: number }
  /** Exactly this view (a shared link), without animation. */
  | { kind: 'view'; view: MapView };

/** The view the map last settled on; null until the map has drawn. */
export const $mapView = atom<MapView | null>(null);
/** The latest move asked of the map; `id` grows with every request so the same move can be asked twice. */
export const $viewRequest = atom<(ViewRequest & { id: number }) | null>(null);

let requestCount = 0;
/** Set by a click on the map just before it selects something: that selection does not move the map. */
let keepViewForNextSelection = false;

export function reportMapView(view: MapView): void {
  $mapView.set(view);
}

export function requestView(request: ViewRequest): void {
  $viewRequest.set({ ...request, id: ++requestCount });
}

/** "Heel Overijssel": the whole province in view. */
export function showWholeProvince(): void {
  requestView({ kind: 'bounds', bounds: PROVINCE_BOUNDS });
}

function collectionBounds(collection: FeatureCollection | undefined, keep: (properties: Record<string, unknown>) => boolean): Bounds | null {
  if (!collection) return null;
  const features = collection.features.filter((feature) => keep((feature.properties ?? {}) as Record<string, unknown>));
  if (features.length === 0) return null;
  return bbox({ type: 'FeatureCollection', features }) as Bounds;
}

/** Where the map goes for a selection: null = stay where it is. */
export function viewRequestFor(selection: Selection): ViewRequest | null {
  const data = $appData.get();
  if (selection?.kind === 'municipality') {
    const bounds = collectionBounds(data.municipalityBoundaries, (properties) => properties['code'] === selection.code);
    return bounds ? { kind: 'bounds', bounds } : null;
  }
  if (selection?.kind === 'area') {
    const bounds =
      selection.area === 'overijssel' ? PROVINCE_BOUNDS : collectionBounds(data.municipalityBoundaries, (properties) => properties['region'] === selection.area);
    return bounds ? { kind: 'bounds', bounds } : null;
  }
  if (selection?.kind === 'keyProject') {
    const project = $planKeyProjects.get().find((candidate) => candidate.id === selection.id);
    return project ? { kind: 'point', center: project.location, minZoom: 12 } : null;
  }
  return null;
}

/** Called by a map click right before it selects: the selection it makes leaves the map as it is. */
export function selectingOnMap(): void {
  keepViewForNextSelection = true;
}

/** Fits the map to each newly chosen municipality, region or key project. Returns the unsubscribe. */
export function startFittingToSelection(): () => void {
  let previous: Selection = $selection.get();
  return $selection.listen((selection) => {
    const same = JSON.stringify(selection) === JSON.stringify(previous);
    const keepView = keepViewForNextSelection;
    keepViewForNextSelection = false;
    previous = selection;
    if (same || keepView) return;
    const request = viewRequestFor(selection);
    if (request) requestView(request);
  });
}
