// Drawing one polygon on the map: the one reusable entry point for every hand-drawn area (a site's
// outline, a hand-drawn zone). A caller starts a session with startPolygonDrawing; the map
// (map/polygonDrawing.ts, terra-draw with its MapLibre adapter) lets the planner click the corners, or
// edit the given polygon by dragging its corners; the drawing bar (ui/PolygonDrawingBar.tsx) shows
// the instructions and the Finish / Cancel buttons. Keyboard: Enter finishes, Escape cancels, and
// "add a corner at the map's centre" works with the arrow keys panning the map.
//
// Usage:
//   startPolygonDrawing({
//     title: 'Omtrek van De Linde',         // shown in the drawing bar
//     initial: site.outline ? { type: 'Polygon', coordinates: site.outline } : null,
//     onFinish: (polygon) => refusalTextOrNull(polygon), // return a text to refuse and keep drawing
//     onCancel: () => {},                   // optional
//   });
// Only one session runs at a time; starting another cancels the running one.

import { atom } from 'nanostores';
import type { Polygon } from 'geojson';

export interface PolygonDrawingRequest {
  /** What is being drawn, in the user's language (shown above the instructions). */
  title: string;
  /** The polygon to edit (its corners can be dragged), or null to draw a new one. */
  initial: Polygon | null;
  /**
   * Called with the finished polygon (one closed ring of [lon, lat], WGS84). Return null to accept (the
   * session ends) or a reason in words to refuse: the reason is shown and the polygon stays editable.
   */
  onFinish: (polygon: Polygon) => string | null;
  onCancel?: () => void;
}

/** The running session as the UI and the map see it. */
export interface PolygonDrawingSession {
  /** Increases with every session, so the map can tell a new session from an updated one. */
  id: number;
  title: string;
  initial: Polygon | null;
  /** 'draw': placing corners; 'edit': a closed polygon whose corners can be dragged. */
  phase: 'draw' | 'edit';
  /** Why the last finish was refused, or null. */
  refusal: string | null;
}

/** What the map does on request of the drawing bar (registered by map/polygonDrawing.ts). */
export interface PolygonDrawingController {
  /** Finishes the polygon on the map: calls submitDrawnPolygon with it, or does nothing if it has fewer than three corners. */
  finish(): void;
  /** Adds a corner at the centre of the map (the keyboard way to draw). */
  addCornerAtCentre(): void;
}

export const $polygonDrawing = atom<PolygonDrawingSession | null>(null);

let request: PolygonDrawingRequest | null = null;
let controller: PolygonDrawingController | null = null;
let nextId = 1;

export function startPolygonDrawing(next: PolygonDrawingRequest): void {
  if (request) cancelPolygonDrawing();
  request = next;
  $polygonDrawing.set({ id: nextId++, title: next.title, initial: next.initial, phase: next.initial ? 'edit' : 'draw', refusal: null });
}

export function cancelPolygonDrawing(): void {
  const current = request;
  request = null;
  $polygonDrawing.set(null);
  current?.onCancel?.();
}

/** The map hands over a finished polygon; true when the caller accepted it (the session has ended). */
export function submitDrawnPolygon(polygon: Polygon): boolean {
  const session = $polygonDrawing.get();
  if (!request || !session) return false;
  const refusal = request.onFinish(polygon);
  if (refusal === null) {
    request = null;
    $polygonDrawing.set(null);
    return true;
  }
  $polygonDrawing.set({ ...session, phase: 'edit', refusal });
  return false;
}

export function finishPolygonDrawing(): void {
  controller?.finish();
}

export function addPolygonCornerAtCentre(): void {
  controller?.addCornerAtCentre();
}

/** For map/polygonDrawing.ts only. */
export function registerPolygonDrawingController(next: PolygonDrawingController | null): void {
  controller = next;
}

export function isPolygonDrawing(): boolean {
  return $polygonDrawing.get() !== null;
}

/** When the last session ended (performance.now()), so the click that closed the polygon selects nothing. */
let endedAt = -Infinity;
$polygonDrawing.listen((session) => {
  if (session === null) endedAt = performance.now();
});

/** True while drawing, and for a moment after it ended (the map's click event comes after the pointer-up that finished). */
export function mapClickBelongsToDrawing(): boolean {
  return isPolygonDrawing() || performance.now() - endedAt < 400;
}

/** Shows a reason the map could not finish (e.g. fewer than three corners); the session goes on. */
export function showPolygonDrawingRefusal(refusal: string): void {
  const session = $polygonDrawing.get();
  if (session) $polygonDrawing.set({ ...session, refusal });
}
