// The link between the app and the map for exports and presentation views: where the map looks now
// (written by src/map), a camera request (read by src/map), and the registered function that renders
// the current map at another size. Only main.tsx wires the map; the UI reaches it through here.

import { atom } from 'nanostores';
import type { BoundingBox } from '../domain/geography';

export interface MapCamera {
  /** [longitude, latitude] */
  center: [number, number];
  zoom: number;
  /** What the map shows, [west, south, east, north]. */
  bounds: BoundingBox;
  /** The part of it no panel lies over (legend, presentation bars), with a small margin: what the planner sees. */
  visibleBounds: BoundingBox;
  /** The map's size on screen in CSS pixels. */
  width: number;
  height: number;
}

/** The map's current view; null until the map has loaded. */
export const $mapCamera = atom<MapCamera | null>(null);

export function setMapCamera(camera: MapCamera): void {
  $mapCamera.set(camera);
}

/** Attributions of map sources that are not in the sources register (an online background map). */
export const $mapAttributions = atom<readonly string[]>([]);

export function setMapAttributions(attributions: readonly string[]): void {
  const current = $mapAttributions.get();
  if (current.length !== attributions.length || current.some((text, index) => text !== attributions[index])) $mapAttributions.set(attributions);
}

export interface CameraRequest {
  bounds: BoundingBox;
  /** Counts up, so asking for the same bounds twice moves the map back there twice. */
  sequence: number;
}

/**
 * The last view asked for (a presentation step); src/map fits the map to it once the panels drawn over
 * the map report their layout, and fits it again when they or the map's size change, until the
 * presenter moves the map themselves.
 */
export const $cameraRequest = atom<CameraRequest | null>(null);

export function requestCamera(bounds: BoundingBox): void {
  $cameraRequest.set({ bounds, sequence: ($cameraRequest.get()?.sequence ?? 0) + 1 });
}

/** No view is kept fitted any more (the presentation is over); the map stays where it is. */
export function releaseCamera(): void {
  $cameraRequest.set(null);
}

/** Counts the layouts of the panels over the map (the presentation's caption bar, its norm panel folded or not). */
export const $overlayLayout = atom(0);

/** Called by a panel over the map once it is laid out after a change: the view in force is fitted to the space left. */
export function overlayLaidOut(): void {
  $overlayLayout.set($overlayLayout.get() + 1);
}

export interface MapRenderRequest {
  /** Size of the rendered map in CSS pixels; the picture is `pixelRatio` times larger. */
  cssWidth: number;
  cssHeight: number;
  pixelRatio: number;
  /** The area to show; the map fits it into the picture. */
  bounds: BoundingBox;
}

export interface MapRender {
  canvas: HTMLCanvasElement;
  /** Zoom and centre latitude of the rendered map (for the scale bar). */
  zoom: number;
  latitude: number;
}

export type MapRenderer = (request: MapRenderRequest) => Promise<MapRender>;

let renderer: MapRenderer | null = null;

/** Called once by main.tsx with the map's renderer. */
export function registerMapRenderer(next: MapRenderer | null): void {
  renderer = next;
}

export class MapNotReadyError extends Error {
  constructor() {
    super('the map has not loaded yet');
  }
}

/** Renders the map as it is now (same style, layers and data) at another size. */
export function renderMap(request: MapRenderRequest): Promise<MapRender> {
  if (renderer === null) return Promise.reject(new MapNotReadyError());
  return renderer(request);
}
