// Facility points on the map: clustered at low zoom so 10,000+ points stay readable, lettered icons when
// zoomed in. Very large sets (an import of 430,000 rows) are drawn as coloured dots below ICON_MIN_ZOOM_LARGE,
// letters from there on: MapLibre cannot draw more than 32,768 icons in one tile (its symbol buffers
// break, maplibre-gl-js issue 2891), and the data reaches MapLibre's worker as chunked JSON text.

import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent, ExpressionSpecification } from 'maplibre-gl';
import type { Facility } from '../domain/facility';
import { FACILITY_SYMBOL_OUTLINE, FACILITY_SYMBOLS } from '../domain/facilitySymbols';
import { $visibleFacilities } from '../stores/facilities';
import { selectFacility } from '../stores/selection';
import { $importPreview } from '../stores/importPreview';
import { sourceUpdater } from './facilitySourceUpdater';
import { LABEL_FONT } from './mapStyle';

const SOURCE_ID = 'facilities';
const PREVIEW_SOURCE_ID = 'facility-import-preview';
export const FACILITY_LAYER_IDS = {
  clusters: 'facility-clusters',
  clusterCounts: 'facility-cluster-counts',
  points: 'facility-points',
  pointCircles: 'facility-point-circles',
  preview: 'facility-import-preview',
  previewDots: 'facility-import-preview-dots',
  previewIcons: 'facility-import-preview-icons',
} as const;

/** Above this many points a layer draws dots below ICON_MIN_ZOOM_LARGE and letters only from there. */
export const LARGE_LAYER_THRESHOLD = 20_000;
/** At this zoom a tile is under a kilometre wide: even a dense file has far fewer than 32,768 points in one. */
export const ICON_MIN_ZOOM_LARGE = 15;

/** How a layer with this many points is drawn. */
export function facilityLayerMode(count: number): 'icons' | 'dotsThenIcons' {
  return count > LARGE_LAYER_THRESHOLD ? 'dotsThenIcons' : 'icons';
}

const ICON_IMAGE: ExpressionSpecification = ['concat', 'facility-', ['get', 'symbol']];
const SYMBOL_COLOUR: ExpressionSpecification = [
  'match',
  ['get', 'symbol'],
  ...Object.entries(FACILITY_SYMBOLS).flatMap(([key, symbol]) => [key, symbol.colour]),
  '#999999',
] as unknown as ExpressionSpecification;
const pixelRatio = 2;

function iconName(symbolKey: string): string {
  return `facility-${symbolKey}`;
}

function drawIcon(letter: string, colour: string, textColour: string): ImageData {
  const size = 22 * pixelRatio;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d')!;
  context.fillStyle = colour;
  context.strokeStyle = FACILITY_SYMBOL_OUTLINE;
  context.lineWidth = 2 * pixelRatio;
  context.beginPath();
  context.roundRect(pixelRatio * 2, pixelRatio * 2, size - pixelRatio * 4, size - pixelRatio * 4, 4 * pixelRatio);
  context.fill();
  context.stroke();
  context.fillStyle = textColour;
  context.font = `bold ${13 * pixelRatio}px sans-serif`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(letter, size / 2, size / 2 + pixelRatio);
  return context.getImageData(0, 0, size, size);
}

/** Dots below ICON_MIN_ZOOM_LARGE and letters above it for large sets; letters at every zoom otherwise. */
function applyLayerMode(map: MapLibreMap, layers: { icons: string; dots: string; marker: string }, count: number): void {
  const mode = facilityLayerMode(count);
  map.setLayerZoomRange(layers.icons, mode === 'dotsThenIcons' ? ICON_MIN_ZOOM_LARGE : 0, 24);
  map.setLayoutProperty(layers.dots, 'visibility', mode === 'dotsThenIcons' ? 'visible' : 'none');
  // Tells browser tests and benchmarks which drawing is in force.
  map.getContainer().dataset[layers.marker] = mode;
}

/** Adds the facility source and layers below the key-project symbols, and keeps them in sync with the store. */
export function addFacilityLayers(map: MapLibreMap, beforeLayerId: string): () => void {
  for (const [key, symbol] of Object.entries(FACILITY_SYMBOLS)) {
    map.addImage(iconName(key), drawIcon(symbol.letter, symbol.colour, symbol.textColour), { pixelRatio });
  }
  map.addSource(SOURCE_ID, {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
    cluster: true,
    clusterMaxZoom: 12,
    clusterRadius: 40,
    // updateData finds features by this property
    promoteId: 'key',
  });
  map.addLayer(
    {
      id: FACILITY_LAYER_IDS.clusters,
      type: 'circle',
      source: SOURCE_ID,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#ffffff',
        'circle-stroke-color': '#154273',
        'circle-stroke-width': 2,
        'circle-radius': ['step', ['get', 'point_count'], 12, 50, 16, 500, 22],
      },
    },
    beforeLayerId,
  );
  map.addLayer(
    {
      id: FACILITY_LAYER_IDS.clusterCounts,
      type: 'symbol',
      source: SOURCE_ID,
      filter: ['has', 'point_count'],
      // A cluster always shows its count: never hidden by a colliding label.
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': LABEL_FONT,
        'text-size': 12,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#154273' },
    },
    beforeLayerId,
  );
  map.addLayer(
    {
      id: FACILITY_LAYER_IDS.pointCircles,
      type: 'circle',
      source: SOURCE_ID,
      filter: ['!', ['has', 'point_count']],
      maxzoom: ICON_MIN_ZOOM_LARGE,
      layout: { visibility: 'none' },
      paint: { 'circle-radius': 4, 'circle-color': SYMBOL_COLOUR, 'circle-stroke-color': '#1a1a1a', 'circle-stroke-width': 1 },
    },
    beforeLayerId,
  );
  map.addLayer(
    {
      id: FACILITY_LAYER_IDS.points,
      type: 'symbol',
      source: SOURCE_ID,
      filter: ['!', ['has', 'point_count']],
      layout: { 'icon-image': ICON_IMAGE, 'icon-allow-overlap': true },
    },
    beforeLayerId,
  );
  for (const layer of [FACILITY_LAYER_IDS.points, FACILITY_LAYER_IDS.pointCircles, FACILITY_LAYER_IDS.clusters]) {
    map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
  }
  // Import preview: dashed rings around the lettered icon, so unsaved points look different from saved
  // ones; a large preview shows red dots until ICON_MIN_ZOOM_LARGE.
  map.addSource(PREVIEW_SOURCE_ID, { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'key' });
  map.addLayer(
    {
      id: FACILITY_LAYER_IDS.preview,
      type: 'circle',
      source: PREVIEW_SOURCE_ID,
      paint: { 'circle-radius': 9, 'circle-color': '#ffffff', 'circle-opacity': 0.6, 'circle-stroke-color': '#b00020', 'circle-stroke-width': 2.5 },
    },
    beforeLayerId,
  );
  map.addLayer(
    {
      id: FACILITY_LAYER_IDS.previewDots,
      type: 'circle',
      source: PREVIEW_SOURCE_ID,
      maxzoom: ICON_MIN_ZOOM_LARGE,
      layout: { visibility: 'none' },
      paint: { 'circle-radius': 2.5, 'circle-color': '#b00020', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 0.5 },
    },
    beforeLayerId,
  );
  map.addLayer(
    {
      id: FACILITY_LAYER_IDS.previewIcons,
      type: 'symbol',
      source: PREVIEW_SOURCE_ID,
      layout: { 'icon-image': ICON_IMAGE, 'icon-allow-overlap': true, 'icon-size': 0.8 },
    },
    beforeLayerId,
  );
  const setFacilities = sourceUpdater(map, SOURCE_ID, 'facilities', (count) =>
    applyLayerMode(map, { icons: FACILITY_LAYER_IDS.points, dots: FACILITY_LAYER_IDS.pointCircles, marker: 'facilityLayerMode' }, count),
  );
  const setPreview = sourceUpdater(map, PREVIEW_SOURCE_ID, 'preview', (count) => {
    applyLayerMode(map, { icons: FACILITY_LAYER_IDS.previewIcons, dots: FACILITY_LAYER_IDS.previewDots, marker: 'previewLayerMode' }, count);
    map.setLayerZoomRange(FACILITY_LAYER_IDS.preview, facilityLayerMode(count) === 'dotsThenIcons' ? ICON_MIN_ZOOM_LARGE : 0, 24);
  });
  let previous: readonly Facility[] | undefined;
  const unsubscribeFacilities = $visibleFacilities.subscribe((facilities) => {
    if (facilities === previous) return;
    previous = facilities;
    void setFacilities(facilities);
  });
  const unsubscribePreview = $importPreview.subscribe((preview) => {
    void setPreview(preview ?? []);
    if (preview && preview.length > 0) zoomToPreview(map, preview);
  });
  map.on('idle', () => describeRenderedFacilities(map));
  return () => {
    unsubscribeFacilities();
    unsubscribePreview();
  };
}

/** Most rendered points described on the map element; beyond this only their number. */
const MAX_DESCRIBED_POINTS = 200;

/**
 * Writes what the facility layers show on the map element, for browser tests (like data-map-idle):
 * data-facility-clusters = point counts of the rendered clusters; data-facility-points = the
 * rendered single facilities as "name@x,y" (screen pixels in the map) separated by "|";
 * data-facility-point-count = how many; data-facility-points-zoom = the zoom they were read at.
 */
function describeRenderedFacilities(map: MapLibreMap): void {
  const container = map.getContainer();
  const clusters = map.queryRenderedFeatures({ layers: [FACILITY_LAYER_IDS.clusters] });
  container.dataset['facilityClusters'] = clusters.map((feature) => String(feature.properties?.['point_count'])).join(',');
  container.dataset['facilityClusterLabels'] = String(map.queryRenderedFeatures({ layers: [FACILITY_LAYER_IDS.clusterCounts] }).length);
  const points = map.queryRenderedFeatures({ layers: [FACILITY_LAYER_IDS.points] });
  container.dataset['facilityPointCount'] = String(points.length);
  // the zoom these counts belong to, so a test reads the description of the view it zoomed to
  container.dataset['facilityPointsZoom'] = map.getZoom().toFixed(2);
  container.dataset['facilityPoints'] =
    points.length > MAX_DESCRIBED_POINTS
      ? ''
      : points
          .flatMap((feature) => {
            if (feature.geometry.type !== 'Point') return [];
            const { x, y } = map.project(feature.geometry.coordinates as [number, number]);
            return [`${String(feature.properties?.['name'] ?? '')}@${Math.round(x)},${Math.round(y)}`];
          })
          .join('|');
}

/**
 * Handles a map click on a facility (select it) or a cluster (zoom in to expand it).
 * Returns true when the click was on one of them, so the caller does not also select the municipality.
 */
export function handleFacilityClick(map: MapLibreMap, event: MapLayerMouseEvent): boolean {
  const point = map.queryRenderedFeatures(event.point, { layers: [FACILITY_LAYER_IDS.points, FACILITY_LAYER_IDS.pointCircles] })[0];
  const key = point?.properties?.['key'];
  if (typeof key === 'string') {
    selectFacility(key);
    return true;
  }
  const cluster = map.queryRenderedFeatures(event.point, { layers: [FACILITY_LAYER_IDS.clusters] })[0];
  const clusterId = cluster?.properties?.['cluster_id'];
  if (typeof clusterId !== 'number' || cluster?.geometry.type !== 'Point') return false;
  const center = cluster.geometry.coordinates as [number, number];
  void (map.getSource(SOURCE_ID) as GeoJSONSource).getClusterExpansionZoom(clusterId).then((zoom) => map.easeTo({ center, zoom }));
  return true;
}

/** Shows all previewed points, left of the import dialog (which sits on the right during review). */
function zoomToPreview(map: MapLibreMap, preview: readonly Facility[]): void {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { location: [lon, lat] } of preview) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const container = map.getContainer();
  const right = Math.min(480, container.clientWidth / 2);
  map.fitBounds([west, south, east, north], { padding: { top: 40, bottom: 40, left: 40, right }, maxZoom: 14, duration: 0 });
}
