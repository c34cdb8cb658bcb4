// Facility points on the map: clustered at low zoom so 10,000+ points stay readable, lettered icons when zoomed in.

import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Facility } from '../domain/facility';
import { FACILITY_SYMBOL_OUTLINE, FACILITY_SYMBOLS, facilitySymbolKey } from '../domain/facilitySymbols';
import { $visibleFacilities, facilityKey } from '../stores/facilities';
import { selectFacility } from '../stores/selection';
import { $importPreview } from '../stores/importPreview';
import { LABEL_FONT } from './mapStyle';

const SOURCE_ID = 'facilities';
const PREVIEW_SOURCE_ID = 'facility-import-preview';
export const FACILITY_LAYER_IDS = {
  clusters: 'facility-clusters',
  clusterCounts: 'facility-cluster-counts',
  points: 'facility-points',
  preview: 'facility-import-preview',
} as const;
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

/** GeoJSON for the facility source: one point per facility with its key and icon name. */
export function toFeatureCollection(facilities: readonly Facility[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: facilities.map((facility) => ({
      type: 'Feature',
      properties: {
        key: facilityKey(facility),
        name: facility.name,
        icon: iconName(facilitySymbolKey(facility.category, facility.attributes.transitMode)),
      },
      geometry: { type: 'Point', coordinates: facility.location },
    })),
  };
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
      layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': LABEL_FONT, 'text-size': 12 },
      paint: { 'text-color': '#154273' },
    },
    beforeLayerId,
  );
  map.addLayer(
    {
      id: FACILITY_LAYER_IDS.points,
      type: 'symbol',
      source: SOURCE_ID,
      filter: ['!', ['has', 'point_count']],
      layout: { 'icon-image': ['get', 'icon'], 'icon-allow-overlap': true },
    },
    beforeLayerId,
  );
  for (const layer of [FACILITY_LAYER_IDS.points, FACILITY_LAYER_IDS.clusters]) {
    map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
  }
  // Import preview: dashed rings around the lettered icon, so unsaved points look different from saved ones.
  map.addSource(PREVIEW_SOURCE_ID, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
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
      id: `${FACILITY_LAYER_IDS.preview}-icons`,
      type: 'symbol',
      source: PREVIEW_SOURCE_ID,
      layout: { 'icon-image': ['get', 'icon'], 'icon-allow-overlap': true, 'icon-size': 0.8 },
    },
    beforeLayerId,
  );
  let previous: readonly Facility[] | undefined;
  const unsubscribeFacilities = $visibleFacilities.subscribe((facilities) => {
    if (facilities === previous) return;
    previous = facilities;
    (map.getSource(SOURCE_ID) as GeoJSONSource).setData(toFeatureCollection(facilities));
  });
  const unsubscribePreview = $importPreview.subscribe((preview) => {
    (map.getSource(PREVIEW_SOURCE_ID) as GeoJSONSource).setData(toFeatureCollection(preview ?? []));
    if (preview && preview.length > 0) zoomToPreview(map, preview);
  });
  return () => {
    unsubscribeFacilities();
    unsubscribePreview();
  };
}

/**
 * Handles a map click on a facility (select it) or a cluster (zoom in to expand it).
 * Returns true when the click was on one of them, so the caller does not also select the municipality.
 */
export function handleFacilityClick(map: MapLibreMap, event: MapLayerMouseEvent): boolean {
  const point = map.queryRenderedFeatures(event.point, { layers: [FACILITY_LAYER_IDS.points] })[0];
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
