// Creates the MapLibre map once, pushes store data into its sources, and turns map events into actions.

import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { ErrorEvent, GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent, MapSourceDataEvent } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { addMapImages } from './mapImages';
import { addKeyProjectSpread, handleKeyProjectClick, keyProjectProperties } from './keyProjectSpread';
import { addFacilityLayers, FACILITY_LAYER_IDS, handleFacilityClick } from './facilityLayers';
import { addReachabilityLayers, handleGridClick, handleReachabilityClick } from './reachabilityLayers';
import { addWalkAreaLayers } from './walkAreaLayers';
import { addZoneLayers } from './zoneLayers';
import { addScenarioLayers, handleScenarioClick } from './scenarioLayers';
import { addSiteFinderLayers } from './siteFinderLayers';
import { addPolygonDrawing } from './polygonDrawing';
import { boundsAspect, describeFitPadding, mapFitPadding } from './overlayPadding';
import { holdFirstPaint } from './firstPaint';
import { mapClickBelongsToDrawing } from '../stores/polygonDrawing';
import { createOfflineStyle, ONLINE_BACKGROUNDS, LAYER_IDS, SOURCE_IDS, THEMATIC_FILL_LAYERS, thematicFillOpacity, thematicHatchOpacity } from './mapStyle';
import { labelPoints } from '../analysis/labelPoints';
import { $appData, $loadStatus, type AppData } from '../stores/appData';
import { $thematicLayer, $thematicMuted } from '../stores/thematicLayer';
import { $planKeyProjects } from '../stores/planKeyProjects';
import { $selection, selectMunicipality } from '../stores/selection';
import { closeKeyProjectStack } from '../stores/keyProjectStacks';
import { $backgroundChoice, $backgroundMap, $showBuiltUpAreas, $showKeyProjects, setBackgroundMapStatus, type BackgroundMap } from '../stores/mapLayers';
import { $translate, type Translate } from '../stores/language';
import { $partialCoverageCodes } from '../stores/facilities';
import type { PlacedKeyProject } from '../domain/keyProject';
import { MAP_PAN_BOUNDS, mapLabelName } from '../domain/geography';
import { $viewRequest, PROVINCE_BOUNDS, reportMapView, selectingOnMap, type ViewRequest } from '../stores/mapView';

maplibregl.setWorkerUrl(workerUrl);

/** Moves the map as the app asks (src/stores/mapView.ts). */
function followViewRequest(map: MapLibreMap, container: HTMLElement, request: ViewRequest): void {
  if (request.kind === 'view') {
    map.jumpTo({ center: request.view.center, zoom: request.view.zoom });
  } else if (request.kind === 'bounds') {
    map.fitBounds(request.bounds, { padding: mapFitPadding(container, boundsAspect(request.bounds)), maxZoom: 13 });
  } else {
    // In the middle of the part of the map no panel covers (an offset, not MapLibre's padding, which would stay).
    const padding = mapFitPadding(container);
    describeFitPadding(container, padding);
    const offset: [number, number] = [(padding.left - padding.right) / 2, (padding.top - padding.bottom) / 2];
    map.easeTo({ center: request.center, zoom: Math.max(map.getZoom(), request.minZoom), offset });
  }
}

function keyProjectFeatures(projects: readonly PlacedKeyProject[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: projects.map((project) => ({
      type: 'Feature',
      properties: keyProjectProperties(project),
      geometry: { type: 'Point', coordinates: project.location },
    })),
  };
}

/** MapLibre's own UI strings (control names, the canvas's label) from the app's catalogue. */
export function mapLocale(translate: Translate): Record<string, string> {
  return {
    'Map.Title': translate('map.canvasLabel'),
    'NavigationControl.ZoomIn': translate('map.zoomIn'),
    'NavigationControl.ZoomOut': translate('map.zoomOut'),
    'NavigationControl.ResetBearing': translate('map.resetBearing'),
    'AttributionControl.ToggleAttribution': translate('map.attributionToggle'),
  };
}

/** Control buttons MapLibre labelled when they were created, by the locale id of their name. */
const CONTROL_BUTTONS: ReadonlyArray<[selector: string, localeId: string]> = [
  ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'],
  ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'],
  ['.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing'],
  ['.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution'],
];

/** Relabels the existing controls after a language switch (MapLibre reads its locale only when a control is added). */
function applyMapLocale(map: MapLibreMap, container: HTMLElement, locale: Record<string, string>): void {
  Object.assign(map._locale, locale);
  for (const [selector, localeId] of CONTROL_BUTTONS) {
    const label = locale[localeId];
    if (label === undefined) continue;
    for (const button of container.querySelectorAll<HTMLElement>(selector)) {
      button.title = label;
      button.setAttribute('aria-label', label);
    }
  }
  map.getCanvas().setAttribute('aria-label', locale['Map.Title'] ?? '');
}

/** The view (zoom and centre) as data attributes, read by the browser tests. */
function describeView(map: MapLibreMap, container: HTMLElement): void {
  const center = map.getCenter();
  container.dataset['zoom'] = map.getZoom().toFixed(4);
  container.dataset['center'] = `${center.lng.toFixed(6)},${center.lat.toFixed(6)}`;
  // Where the province's extent lies on screen (read by the browser tests: not under the legend).
  const [west, south, east, north] = PROVINCE_BOUNDS;
  const topLeft = map.project([west, north]);
  const bottomRight = map.project([east, south]);
  container.dataset['provinceBox'] = [topLeft.x, topLeft.y, bottomRight.x, bottomRight.y].map((value) => Math.round(value)).join(',');
}

function setSourceData(map: MapLibreMap, sourceId: string, data: FeatureCollection): void {
  (map.getSource(sourceId) as GeoJSONSource | undefined)?.setData(data);
}

/**
 * The printed map's box and the legend's width over it, in mm, from the print stylesheet's custom
 * properties (src/ui/styles.css); null when they cannot be read (the snapshot then keeps the screen's shape).
 */
function printMapMillimetres(): { width: number; height: number; legendWidth: number } | null {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string) => Number.parseFloat(style.getPropertyValue(name));
  const box = { width: read('--print-map-width'), height: read('--print-map-height'), legendWidth: read('--print-legend-width') };
  return Object.values(box).every((value) => Number.isFinite(value) && value > 0) ? box : null;
}

/**
 * Printing: a WebGL canvas prints blank (its buffer is cleared after each frame, and again when the
 * print layout resizes it), so just before printing the map is drawn once more, synchronously, and
 * copied into an image that the print stylesheet shows in its place. Removed after printing.
 * The drawing takes the printed box's shape (wider than a screen map between two panels), at the
 * same zoom, with what the planner saw moved into the part the printed legend leaves free; the map
 * goes back to its screen size and view at once.
 */
function printSnapshot(map: MapLibreMap, container: HTMLElement): () => void {
  const holder = container.parentElement ?? container;
  const before = () => {
    const width = container.clientWidth;
    const height = container.clientHeight;
    const printBox = printMapMillimetres() ?? { width, height, legendWidth: 0 };
    const aspect = printBox.width / printBox.height;
    const printWidth = Math.max(width, Math.round(height * aspect));
    const printHeight = Math.round(printWidth / aspect);
    const camera = { center: map.getCenter(), zoom: map.getZoom() };
    const seen = mapFitPadding(container);
    const seenCentre = map.unproject([(seen.left + width - seen.right) / 2, (seen.top + height - seen.bottom) / 2]);
    const freeWidth = printWidth * (1 - printBox.legendWidth / printBox.width);
    container.style.width = `${printWidth}px`;
    container.style.height = `${printHeight}px`;
    map.resize();
    // what the planner saw goes to the middle of the part left of the printed legend
    map.jumpTo({ center: seenCentre, zoom: camera.zoom });
    map.jumpTo({ center: map.unproject([printWidth - freeWidth / 2, printHeight / 2]) });
    map.redraw();
    let image = holder.querySelector<HTMLImageElement>('img.print-snapshot');
    if (!image) {
      image = document.createElement('img');
      image.className = 'print-snapshot';
      holder.insertBefore(image, container.nextSibling);
    }
    image.alt = $translate.get()('map.canvasLabel');
    image.src = map.getCanvas().toDataURL('image/png');
    container.style.width = '';
    container.style.height = '';
    map.resize();
    map.jumpTo(camera);
  };
  const after = () => holder.querySelector('img.print-snapshot')?.remove();
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
  };
}

/** One label point per municipality, carrying the name the map writes (see mapLabelName) beside the official one. */
function municipalityLabelPoints(boundaries: NonNullable<AppData['municipalityBoundaries']>) {
  const points = labelPoints(boundaries);
  return { ...points, features: points.features.map((feature) => ({ ...feature, properties: { ...feature.properties, label: mapLabelName(feature.properties.name) } })) };
}

export interface MapHandle {
  map: MapLibreMap;
  destroy(): void;
}

export function createMap(container: HTMLElement): MapHandle {
  // A shared link's view (read from the hash before the map exists), else the whole province.
  const initialRequest = $viewRequest.get();
  const initialView =
    initialRequest?.kind === 'view'
      ? { center: initialRequest.view.center, zoom: initialRequest.view.zoom }
      : { bounds: PROVINCE_BOUNDS, fitBoundsOptions: { padding: mapFitPadding(container, boundsAspect(PROVINCE_BOUNDS)) } };
  const map = new maplibregl.Map({
    container,
    style: createOfflineStyle(),
    ...initialView,
    // The attribution control is added below, with the credits in the UI language.
    attributionControl: false,
    maxBounds: MAP_PAN_BOUNDS,
    cooperativeGestures: false,
    locale: mapLocale($translate.get()),
    // A planner who asks for less motion gets labels without fading; MapLibre itself then jumps
    // instead of flying to a chosen municipality or project.
    fadeDuration: globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 0 : 300,
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
  const unsubscribers: Array<() => void> = [];
  let attribution: maplibregl.AttributionControl | null = null;
  /** The credits of what the map shows, in the UI language (MapLibre cannot translate a source's own attribution). */
  const showAttribution = () => {
    const translate = $translate.get();
    const choice = $backgroundChoice.get();
    const credits = [translate('map.attribution.offline')];
    if (choice !== 'offline' && $backgroundMap.get() !== 'failed' && $backgroundMap.get() !== 'off') credits.unshift(translate(`map.attribution.${choice}`));
    if (attribution) map.removeControl(attribution);
    attribution = new maplibregl.AttributionControl({ compact: false, customAttribution: credits });
    // bottom-left, under the "Heel Overijssel" button: bottom-right holds the scale bar and the legend
    map.addControl(attribution, 'bottom-left');
  };
  showAttribution();
  unsubscribers.push($translate.listen(showAttribution), $backgroundMap.listen(showAttribution));

  // Nothing is drawn before the embedded data and every source's tiles are in (see ./firstPaint.ts).
  unsubscribers.push(holdFirstPaint(map, () => $loadStatus.get() === 'ready'));
  // Layers and store data go in as soon as the style exists (the data one frame later, see below), so all
  // sources load in one wave.
  map.once('style.load', () => {
    addMapImages(map);
    unsubscribers.push(addFacilityLayers(map, LAYER_IDS.keyProjects));
    unsubscribers.push(addWalkAreaLayers(map, FACILITY_LAYER_IDS.clusters));
    unsubscribers.push(addReachabilityLayers(map, FACILITY_LAYER_IDS.clusters));
    unsubscribers.push(addZoneLayers(map));
    unsubscribers.push(addKeyProjectSpread(map));
    unsubscribers.push(addScenarioLayers(map));
    unsubscribers.push(addSiteFinderLayers(map));
    unsubscribers.push(addPolygonDrawing(map));
    unsubscribers.push(
      $thematicMuted.subscribe((muted) => {
        for (const layer of THEMATIC_FILL_LAYERS.fill) map.setPaintProperty(layer, 'fill-opacity', thematicFillOpacity(muted));
        for (const layer of THEMATIC_FILL_LAYERS.hatch) map.setPaintProperty(layer, 'fill-opacity', thematicHatchOpacity(muted));
        container.dataset['thematicMuted'] = String(muted);
      }),
      $partialCoverageCodes.subscribe((codes) => {
        map.setFilter(LAYER_IDS.facilityCoverage, ['in', ['get', 'code'], ['literal', codes]]);
        container.dataset['facilityCoverage'] = codes.join(',');
      }),
      $selection.subscribe((selection) => {
        // A region outlines its municipalities; the province needs no highlight (its outline is always drawn).
        map.setFilter(
          LAYER_IDS.selectedMunicipality,
          selection?.kind === 'area' && selection.area !== 'overijssel'
            ? ['==', ['get', 'region'], selection.area]
            : ['==', ['get', 'code'], selection?.kind === 'municipality' ? selection.code : ''],
        );
        // The selected key project's ring is drawn by keyProjectSpread (on its spread symbol when stacked).
      }),
      $showKeyProjects.subscribe((visible) => {
        for (const layer of [LAYER_IDS.keyProjects, LAYER_IDS.selectedKeyProject]) {
          map.setLayoutProperty(layer, 'visibility', visible ? 'visible' : 'none');
        }
      }),
      $showBuiltUpAreas.subscribe((visible) => {
        map.setLayoutProperty(LAYER_IDS.builtUpAreas, 'visibility', visible ? 'visible' : 'none');
      }),
      $backgroundMap.subscribe((status) => syncBackgroundMap(map, status, $backgroundChoice.get())),
    );
    // The layers above mark their sources for a reload, which MapLibre does at its next frame. Data set in
    // this same task was cut into tiles twice (by that reload, and again once the worker had indexed it):
    // the built-up areas and the municipalities, about 0.1 s of the worker's time before the first map.
    // Given one frame later, it is cut once.
    map.once('render', () =>
      unsubscribers.push(
        $appData.subscribe((data) => {
          if (data.province) setSourceData(map, SOURCE_IDS.province, data.province);
          if (data.municipalityBoundaries) {
            setSourceData(map, SOURCE_IDS.municipalities, data.municipalityBoundaries);
            setSourceData(map, SOURCE_IDS.municipalityLabels, municipalityLabelPoints(data.municipalityBoundaries));
          }
          if (data.builtUpAreas) setSourceData(map, SOURCE_IDS.builtUpAreas, data.builtUpAreas);
          if (data.places) {
            setSourceData(map, SOURCE_IDS.places, {
              type: 'FeatureCollection',
              features: data.places.features.filter((feature) => feature.properties.type === 'woonkern'),
            });
          }
        }),
        $planKeyProjects.subscribe((projects) => setSourceData(map, SOURCE_IDS.keyProjects, keyProjectFeatures(projects))),
        $thematicLayer.subscribe((thematic) => {
          setSourceData(map, SOURCE_IDS.thematicMunicipalities, thematic.municipalities);
          setSourceData(map, SOURCE_IDS.thematicPostcodes, thematic.postcodeAreas);
        }),
      ),
    );
  });
  map.on('load', () => {
    container.dataset['mapReady'] = 'true';
    const center = map.getCenter();
    reportMapView({ center: [center.lng, center.lat], zoom: map.getZoom() });
  });

  map.on('click', (event: MapLayerMouseEvent) => {
    // while a polygon is drawn, clicks place its corners (terra-draw) and select nothing
    if (mapClickBelongsToDrawing()) return;
    if (handleScenarioClick(map, event)) return;
    if (handleReachabilityClick(event)) return;
    if (handleKeyProjectClick(map, event)) return;
    closeKeyProjectStack();
    if (handleFacilityClick(map, event)) return;
    if (handleGridClick(event)) return;
    const municipalities = map.queryRenderedFeatures(event.point, { layers: [LAYER_IDS.municipalityHitArea] });
    const code = municipalities[0]?.properties?.['code'];
    if (typeof code === 'string') {
      selectingOnMap();
      selectMunicipality(code);
    }
  });
  for (const layer of [LAYER_IDS.keyProjects, LAYER_IDS.municipalityHitArea]) {
    map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
  }
  map.on('moveend', () => {
    describeView(map, container);
    const center = map.getCenter();
    reportMapView({ center: [center.lng, center.lat], zoom: map.getZoom() });
  });
  unsubscribers.push($viewRequest.listen((request) => request && followViewRequest(map, container, request)));
  map.on('idle', () => {
    if (map.getSource(SOURCE_IDS.keyProjects) && map.isSourceLoaded(SOURCE_IDS.keyProjects)) {
      const ids = new Set(map.querySourceFeatures(SOURCE_IDS.keyProjects).map((feature) => String(feature.properties['id'])));
      container.dataset['keyProjectFeatures'] = [...ids].sort().join(',');
    }
    describeView(map, container);
    // Which municipality names are drawn (read by the browser tests: all 25 at province zoom).
    const labels = new Set(map.queryRenderedFeatures({ layers: [LAYER_IDS.municipalityLabels] }).map((feature) => String(feature.properties['name'])));
    container.dataset['municipalityLabels'] = [...labels].sort().join(',');
    container.dataset['mapIdle'] = String(Date.now());
  });
  unsubscribers.push($translate.subscribe((translate) => applyMapLocale(map, container, mapLocale(translate))));
  unsubscribers.push(printSnapshot(map, container));

  return {
    map,
    destroy() {
      unsubscribers.forEach((unsubscribe) => unsubscribe());
      map.remove();
    },
  };
}

/**
 * Adds, swaps or removes the PDOK background raster. A failing tile request (offline, blocked) sets
 * the status to 'failed', removes the layer and leaves the offline map as it was.
 */
function syncBackgroundMap(map: MapLibreMap, status: string, choice: BackgroundMap): void {
  const sourceId = 'pdok-background';
  const source = map.getSource(sourceId);
  const shown = source ? (map.getLayer(LAYER_IDS.onlineBackground)?.metadata as { choice?: string } | undefined)?.choice : undefined;
  if (source && (status === 'off' || status === 'failed' || shown !== choice)) {
    map.removeLayer(LAYER_IDS.onlineBackground);
    map.removeSource(sourceId);
  }
  if (status !== 'loading' || choice === 'offline' || map.getSource(sourceId)) return;
  const background = ONLINE_BACKGROUNDS[choice];
  map.addSource(sourceId, { type: 'raster', tiles: [background.tiles], tileSize: 256, maxzoom: background.maxzoom });
  map.addLayer(
    { id: LAYER_IDS.onlineBackground, type: 'raster', source: sourceId, metadata: { choice }, paint: { 'raster-opacity': background.opacity } },
    LAYER_IDS.thematicMunicipalities,
  );
  const onError = (event: ErrorEvent) => {
    // Tile errors carry the id of the failing source next to the error.
    if ((event as ErrorEvent & { sourceId?: string }).sourceId === sourceId) {
      map.off('error', onError);
      map.off('sourcedata', onData);
      if ($backgroundChoice.get() === choice) setBackgroundMapStatus('failed');
    }
  };
  const onData = (event: MapSourceDataEvent) => {
    if (event.sourceId === sourceId && event.tile && $backgroundMap.get() === 'loading') {
      map.off('sourcedata', onData);
      setBackgroundMapStatus('on');
    }
  };
  map.on('error', onError);
  map.on('sourcedata', onData);
}
