// Exports and presentation views on the map side: reports where the map looks (camera), fits the map
// to a requested view, and renders the current map at another size on a second, hidden MapLibre map
// with the same style, data and images (so an A4 at 300 dpi is drawn sharp, not scaled up).

import * as maplibregl from 'maplibre-gl';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { boundsAspect, describeFitPadding, mapFitPadding } from './overlayPadding';
import { $cameraRequest, registerMapRenderer, setMapAttributions, setMapCamera, type MapRender, type MapRenderRequest } from '../stores/mapSnapshot';

/** A render that has not gone idle by then has failed (a broken source, a lost WebGL context). */
const RENDER_TIMEOUT_MS = 120_000;

/** Runs `action` once the UI has re-rendered for the store changes made so far and has been laid out. */
function afterUiUpdate(action: () => void): void {
  setTimeout(() => requestAnimationFrame(action), 0);
}

function reportCamera(map: MapLibreMap): void {
  const bounds = map.getBounds();
  const center = map.getCenter();
  const container = map.getContainer();
  const padding = mapFitPadding(container);
  const northWest = map.unproject([padding.left, padding.top]);
  const southEast = map.unproject([container.clientWidth - padding.right, container.clientHeight - padding.bottom]);
  setMapCamera({
    center: [center.lng, center.lat],
    zoom: map.getZoom(),
    bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
    visibleBounds: [northWest.lng, southEast.lat, southEast.lng, northWest.lat],
    width: container.clientWidth,
    height: container.clientHeight,
  });
}

/** Draws the live map's style at the requested size on a hidden map and returns a copy of its pixels. */
export async function renderOffscreen(map: MapLibreMap, request: MapRenderRequest): Promise<MapRender> {
  const holder = document.createElement('div');
  holder.setAttribute('aria-hidden', 'true');
  holder.style.cssText = `position:fixed;left:-200000px;top:0;width:${request.cssWidth}px;height:${request.cssHeight}px;pointer-events:none;`;
  document.body.append(holder);
  const style = map.getStyle();
  const offscreen = new maplibregl.Map({
    container: holder,
    style,
    bounds: request.bounds,
    fitBoundsOptions: { padding: 0 },
    pixelRatio: request.pixelRatio,
    maxCanvasSize: [8192, 8192],
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
  });
  // Icons and fill patterns were drawn on a canvas at start-up (mapImages.ts, facilityLayers.ts): copy them over.
  offscreen.on('styleimagemissing', (event: { id: string }) => {
    if (offscreen.hasImage(event.id) || !map.hasImage(event.id)) return;
    const image = map.getImage(event.id);
    offscreen.addImage(event.id, image.data, { pixelRatio: image.pixelRatio, sdf: image.sdf });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the map picture did not finish drawing')), RENDER_TIMEOUT_MS);
      offscreen.once('idle', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    const source = offscreen.getCanvas();
    const canvas = document.createElement('canvas');
    canvas.width = source.width;
    canvas.height = source.height;
    canvas.getContext('2d')!.drawImage(source, 0, 0);
    return { canvas, zoom: offscreen.getZoom(), latitude: offscreen.getCenter().lat };
  } finally {
    offscreen.remove();
    holder.remove();
  }
}

/** Attributions carried by the style's sources (the app's own credits are in the sources register and catalogue). */
function reportAttributions(map: MapLibreMap): void {
  const sources = map.getStyle()?.sources ?? {};
  setMapAttributions([
    ...new Set(
      Object.values(sources)
        .map((source) => ('attribution' in source ? source.attribution : undefined))
        .filter((text): text is string => typeof text === 'string' && text !== ''),
    ),
  ]);
}

/** Wires the map to the snapshot store; returns the function that undoes it. */
export function connectMapSnapshot(map: MapLibreMap): () => void {
  const report = () => reportCamera(map);
  map.on('moveend', report);
  map.on('resize', report);
  const attributions = () => reportAttributions(map);
  map.on('styledata', attributions);
  if (map.loaded()) report();
  else map.once('load', report);
  const reducedMotion = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const stopCamera = $cameraRequest.listen((request) => {
    // Into the part of the map no panel covers (the caption bar, the norm panel, the legend).
    if (!request) return;
    // A request that starts the presentation comes before its panels are drawn and before the map has
    // taken the full screen. The UI re-renders in a timeout (nanostores batches there) and is laid out
    // by the next frame: fit then.
    afterUiUpdate(() => {
      if ($cameraRequest.get() !== request) return;
      map.resize();
      const padding = mapFitPadding(map.getContainer(), boundsAspect(request.bounds));
      describeFitPadding(map.getContainer(), padding);
      map.fitBounds(request.bounds, { padding, duration: reducedMotion ? 0 : 600 });
    });
  });
  registerMapRenderer((request) => renderOffscreen(map, request));
  return () => {
    map.off('moveend', report);
    map.off('resize', report);
    map.off('styledata', attributions);
    stopCamera();
    registerMapRenderer(null);
  };
}
