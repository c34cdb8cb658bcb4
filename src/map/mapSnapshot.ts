// Exports and presentation views on the map side: reports where the map looks (camera), fits the map
// to a requested view, and renders the current map at another size on a second, hidden MapLibre map
// with the same style, data and images (so an A4 at 300 dpi is drawn sharp, not scaled up).

import * as maplibregl from 'maplibre-gl';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { boundsAspect, describeFitPadding, mapFitPadding } from './overlayPadding';
import { $cameraRequest, $overlayLayout, registerMapRenderer, setMapAttributions, setMapCamera, type CameraRequest, type MapRender, type MapRenderRequest } from '../stores/mapSnapshot';

/** A render that has not gone idle by then has failed (a broken source, a lost WebGL context). */
const RENDER_TIMEOUT_MS = 120_000;

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
  // The view asked for, kept fitted into the part of the map no panel covers (the caption bar, the norm
  // panel, the legend) until the presenter pans or zooms: then their view wins.
  let inForce: CameraRequest | null = null;
  const fitInForce = (animate: boolean) => {
    if (!inForce) return;
    const padding = mapFitPadding(map.getContainer(), boundsAspect(inForce.bounds));
    describeFitPadding(map.getContainer(), padding);
    map.fitBounds(inForce.bounds, { padding, duration: animate && !reducedMotion ? 600 : 0 });
  };
  // A request comes from the store before the panels it goes with are drawn (a presentation's first
  // view, before its caption bar exists): the panels report when they are laid out, and the fit waits
  // for that report.
  const stopCamera = $cameraRequest.listen((request) => {
    inForce = request;
  });
  let resizingForLayout = false;
  const stopLayout = $overlayLayout.listen(() => {
    // the map may just have taken the whole screen
    resizingForLayout = true;
    map.resize();
    resizingForLayout = false;
    fitInForce(true);
  });
  // a full-screen switch or a turned tablet changes the map's size after the panels were laid out
  const onResize = () => {
    if (!resizingForLayout) fitInForce(false);
  };
  const onMoveStart = (event: { originalEvent?: unknown }) => {
    if (event.originalEvent) inForce = null;
  };
  map.on('resize', onResize);
  map.on('movestart', onMoveStart);
  registerMapRenderer((request) => renderOffscreen(map, request));
  return () => {
    map.off('moveend', report);
    map.off('resize', report);
    map.off('styledata', attributions);
    stopCamera();
    stopLayout();
    map.off('resize', onResize);
    map.off('movestart', onMoveStart);
    registerMapRenderer(null);
  };
}
