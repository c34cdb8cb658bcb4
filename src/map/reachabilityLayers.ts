// Reachability on the map: rings around the analysis point with distance labels, dashed lines to
// the nearest facilities, "met/required" labels at key projects, and the province suitability grid.

import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { FACILITY_SYMBOLS } from '../domain/facilitySymbols';
import { DEGREES_TO_RADIANS, EARTH_RADIUS_METERS } from '../analysis/sphericalDistance';
import { gridCellRectangle } from '../analysis/provinceGrid';
import { $analysisPoint, $nearestLines, $pickingLocation, $reachRings, cancelPickingLocation, pickLocation } from '../stores/analysisPoint';
import { $gridLayer, $gridIncompleteCells, $gridIncompleteCodes, $gridSettings, $selectedGridCell, selectGridCellAt } from '../stores/suitabilityGrid';
import { $projectReachLabels } from '../stores/projectTable';
import { NO_GRID_CLASS, type GridLayerData } from '../analysis/suitabilityGrid';
import { $formatNumber } from '../stores/language';
import { $showKeyProjects } from '../stores/mapLayers';
import { LABEL_FONT, LAYER_IDS } from './mapStyle';

const SOURCES = {
  grid: 'reach-grid',
  gridIncomplete: 'reach-grid-incomplete',
  gridSelected: 'reach-grid-selected',
  rings: 'reach-rings',
  ringLabels: 'reach-ring-labels',
  nearestLines: 'reach-nearest-lines',
  point: 'reach-point',
  projectLabels: 'reach-project-labels',
} as const;

export const REACH_LAYER_IDS = {
  gridFill: 'reach-grid-fill',
  gridSelected: 'reach-grid-selected-outline',
  ringFill: 'reach-ring-fill',
  ringCasing: 'reach-ring-casing',
  ringLine: 'reach-ring-line',
  nearestCasing: 'reach-nearest-casing',
  ringLabels: 'reach-ring-labels',
  nearestLines: 'reach-nearest-lines',
  point: 'reach-point',
  projectLabels: 'reach-project-labels',
} as const;

const METERS_PER_DEGREE_LATITUDE = EARTH_RADIUS_METERS * DEGREES_TO_RADIANS;
const emptyCollection: FeatureCollection = { type: 'FeatureCollection', features: [] };


/**
 * Neighbouring cells of one row with the same class become one rectangle: the map looks the same,
 * but MapLibre gets several times fewer features (at 100 m, tens of thousands instead of 340,000).
 */
export function gridRunFeatures(layer: GridLayerData): FeatureCollection<Polygon, { classIndex: number; colour: string }> {
  const { grid, classIndex, classes } = layer;
  const features: Feature<Polygon, { classIndex: number; colour: string }>[] = [];
  let runStart = -1;
  const closeRun = (endPosition: number) => {
    const cellId = grid.cellIds[runStart]!;
    const klass = classIndex[runStart]!;
    features.push({
      type: 'Feature',
      properties: { classIndex: klass, colour: classes[klass]!.colour },
      geometry: gridCellRectangle(grid, cellId % grid.columns, Math.floor(cellId / grid.columns), endPosition - runStart),
    });
  };
  for (let position = 0; position < grid.cellCount; position++) {
    const klass = classIndex[position]!;
    if (runStart >= 0) {
      const continues = klass === classIndex[runStart] && grid.cellIds[position] === grid.cellIds[position - 1]! + 1 && grid.cellIds[position]! % grid.columns !== 0;
      if (continues) continue;
      closeRun(position);
      runStart = -1;
    }
    if (klass !== NO_GRID_CLASS) runStart = position;
  }
  if (runStart >= 0) closeRun(grid.cellCount);
  return { type: 'FeatureCollection', features };
}

/** Runs of neighbouring cells of one row marked 1 in `mask`, as rectangles (the hatched cells). */
export function maskRunFeatures(grid: GridLayerData['grid'], mask: Uint8Array): FeatureCollection<Polygon> {
  const features: Feature<Polygon>[] = [];
  let runStart = -1;
  for (let position = 0; position <= grid.cellCount; position++) {
    const marked = position < grid.cellCount && mask[position] === 1;
    const continues = marked && runStart >= 0 && grid.cellIds[position] === grid.cellIds[position - 1]! + 1 && grid.cellIds[position]! % grid.columns !== 0;
    if (runStart >= 0 && !continues) {
      const cellId = grid.cellIds[runStart]!;
      features.push({ type: 'Feature', properties: {}, geometry: gridCellRectangle(grid, cellId % grid.columns, Math.floor(cellId / grid.columns), position - runStart) });
      runStart = -1;
    }
    if (marked && runStart < 0) runStart = position;
  }
  return { type: 'FeatureCollection', features };
}

function ringLabelPoints(rings: ReturnType<typeof $reachRings.get>, center: [number, number] | null): FeatureCollection<Point, { label: string }> {
  if (!center) return { type: 'FeatureCollection', features: [] };
  const format = $formatNumber.get();
  return {
    type: 'FeatureCollection',
    features: rings.features.map((ring) => ({
      type: 'Feature',
      properties: { label: `${format(ring.properties.radiusMeters)} m` },
      // the northern edge of the ring: label sits on the line, away from the nearest-facility lines' start
      geometry: { type: 'Point', coordinates: [center[0], center[1] + ring.properties.radiusMeters / METERS_PER_DEGREE_LATITUDE] },
    })),
  };
}

function setData(map: MapLibreMap, sourceId: string, data: FeatureCollection): void {
  (map.getSource(sourceId) as GeoJSONSource | undefined)?.setData(data);
}

/** Adds the reachability sources and layers (grid below borders and labels, rings below facility symbols) and keeps them in sync. */
export function addReachabilityLayers(map: MapLibreMap, ringsBeforeLayerId: string): () => void {
  const container = map.getContainer();
  for (const id of Object.values(SOURCES)) map.addSource(id, { type: 'geojson', data: emptyCollection });

  map.addLayer(
    { id: REACH_LAYER_IDS.gridFill, type: 'fill', source: SOURCES.grid, paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.78 } },
    LAYER_IDS.municipalityHitArea,
  );
  // Over the grid, the cells where a category the grid judges is not complete over the cell's norm
  // circle (src/analysis/dataCoverage.ts: undeclared municipalities, and a strip along their border
  // and the province border): hatched, because there a number of norms met is only a minimum and a
  // distance only a maximum.
  map.addLayer(
    {
      id: 'reach-grid-outside-coverage',
      type: 'fill',
      source: SOURCES.gridIncomplete,
      paint: { 'fill-pattern': 'hatch-no-data', 'fill-opacity': 0.85 },
    },
    LAYER_IDS.municipalityHitArea,
  );
  map.addLayer(
    { id: REACH_LAYER_IDS.gridSelected, type: 'line', source: SOURCES.gridSelected, paint: { 'line-color': '#000000', 'line-width': 2.5 } },
    LAYER_IDS.placeLabels,
  );
  map.addLayer(
    { id: REACH_LAYER_IDS.ringFill, type: 'fill', source: SOURCES.rings, paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.25 } },
    ringsBeforeLayerId,
  );
  // a white casing under the dark line keeps rings and lines visible on dark thematic fills too
  map.addLayer(
    { id: REACH_LAYER_IDS.ringCasing, type: 'line', source: SOURCES.rings, paint: { 'line-color': '#ffffff', 'line-width': 5.5 } },
    ringsBeforeLayerId,
  );
  map.addLayer(
    { id: REACH_LAYER_IDS.ringLine, type: 'line', source: SOURCES.rings, paint: { 'line-color': '#154273', 'line-width': 2.5 } },
    ringsBeforeLayerId,
  );
  map.addLayer(
    { id: REACH_LAYER_IDS.nearestCasing, type: 'line', source: SOURCES.nearestLines, paint: { 'line-color': '#ffffff', 'line-width': 5.5 } },
    ringsBeforeLayerId,
  );
  map.addLayer(
    {
      id: REACH_LAYER_IDS.nearestLines,
      type: 'line',
      source: SOURCES.nearestLines,
      paint: {
        'line-color': ['match', ['get', 'category'], ...Object.entries(FACILITY_SYMBOLS).flatMap(([category, symbol]) => [category, symbol.colour]), '#333333'] as unknown as ExpressionSpecification,
        'line-width': 2.5,
        'line-dasharray': [2, 1.5],
      },
    },
    ringsBeforeLayerId,
  );
  map.addLayer({
    id: REACH_LAYER_IDS.point,
    type: 'circle',
    source: SOURCES.point,
    paint: { 'circle-radius': 7, 'circle-color': '#ffffff', 'circle-stroke-color': '#154273', 'circle-stroke-width': 4 },
  });
  map.addLayer({
    id: REACH_LAYER_IDS.ringLabels,
    type: 'symbol',
    source: SOURCES.ringLabels,
    layout: { 'text-field': ['get', 'label'], 'text-font': LABEL_FONT, 'text-size': 13, 'text-allow-overlap': true },
    paint: { 'text-color': '#154273', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
  });
  map.addLayer({
    id: REACH_LAYER_IDS.projectLabels,
    type: 'symbol',
    source: SOURCES.projectLabels,
    layout: {
      'text-field': ['get', 'label'],
      'text-font': LABEL_FONT,
      'text-size': 12,
      'text-anchor': 'left',
      'text-offset': [1.1, 0],
      // colliding labels are dropped at low zoom and reappear when zooming in
      'text-allow-overlap': false,
    },
    paint: { 'text-color': '#1a1a1a', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
  });

  const showGrid = () => {
    const layer = $gridLayer.get();
    const visible = layer !== null && $gridSettings.get().mode !== 'off';
    const incomplete = $gridIncompleteCodes.get();
    const cells = visible ? $gridIncompleteCells.get() : null;
    const hatched = cells && cells.length === layer!.grid.cellCount ? maskRunFeatures(layer!.grid, cells) : emptyCollection;
    setData(map, SOURCES.gridIncomplete, hatched);
    // municipalities without complete data for a judged category, and the hatched cells (those plus the border strips)
    container.dataset['reachGridMasked'] = visible && incomplete ? String(incomplete.length) : '';
    container.dataset['reachGridMaskedCells'] = String(cells ? cells.reduce((sum, value) => sum + value, 0) : 0);
    const runs = visible ? gridRunFeatures(layer) : emptyCollection;
    setData(map, SOURCES.grid, runs);
    container.dataset['reachGridFeatures'] = String(runs.features.length);
    container.dataset['reachGridCells'] = String(visible ? layer.grid.cellCount : 0);
  };
  const showSelectedCell = () => {
    const layer = $gridLayer.get();
    const selected = $selectedGridCell.get();
    const cellId = selected && layer ? layer.grid.cellIds[selected.position] : undefined;
    setData(
      map,
      SOURCES.gridSelected,
      layer && cellId !== undefined
        ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: gridCellRectangle(layer.grid, cellId % layer.grid.columns, Math.floor(cellId / layer.grid.columns)) }] }
        : emptyCollection,
    );
  };
  const showRings = () => {
    const rings = $reachRings.get();
    const point = $analysisPoint.get();
    setData(map, SOURCES.rings, rings);
    setData(map, SOURCES.ringLabels, ringLabelPoints(rings, point?.location ?? null));
    setData(
      map,
      SOURCES.point,
      point ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: point.location } }] } : emptyCollection,
    );
    container.dataset['reachRings'] = String(rings.features.length);
  };

  // Enter on the focused map chooses its centre (marked by a crosshair); Esc anywhere stops choosing.
  const onKeyDown = (event: KeyboardEvent) => {
    if (!$pickingLocation.get() || event.key !== 'Enter') return;
    const center = map.getCenter();
    pickLocation([center.lng, center.lat]);
    event.preventDefault();
  };
  const onDocumentKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && $pickingLocation.get()) cancelPickingLocation();
  };
  map.getCanvas().addEventListener('keydown', onKeyDown);
  document.addEventListener('keydown', onDocumentKeyDown);

  const unsubscribers = [
    $gridLayer.subscribe(showGrid),
    $gridSettings.subscribe(showGrid),
    $gridIncompleteCodes.subscribe(showGrid),
    $gridIncompleteCells.subscribe(showGrid),
    $selectedGridCell.subscribe(showSelectedCell),
    $reachRings.subscribe(showRings),
    $formatNumber.subscribe(showRings),
    $nearestLines.subscribe((lines) => {
      setData(map, SOURCES.nearestLines, lines);
      container.dataset['reachNearestLines'] = String(lines.features.length);
    }),
    $projectReachLabels.subscribe((labels) => {
      setData(map, SOURCES.projectLabels, labels);
      container.dataset['reachProjectLabels'] = String(labels.features.length);
    }),
    $showKeyProjects.subscribe((visible) => map.setLayoutProperty(REACH_LAYER_IDS.projectLabels, 'visibility', visible ? 'visible' : 'none')),
    $pickingLocation.subscribe((picking) => {
      container.classList.toggle('picking-location', picking);
      map.getCanvas().style.cursor = picking ? 'crosshair' : '';
    }),
    $analysisPoint.listen((point) => {
      // shifted left so the rings are not hidden behind the legend on the right
      if (point) map.easeTo({ center: point.location, zoom: Math.max(map.getZoom(), 13.5), offset: [-130, 0] });
    }),
  ];
  return () => {
    unsubscribers.forEach((unsubscribe) => unsubscribe());
    map.getCanvas().removeEventListener('keydown', onKeyDown);
    document.removeEventListener('keydown', onDocumentKeyDown);
  };
}

/** Map click while picking a location: sets the analysis point and returns true so nothing else is selected. */
export function handleReachabilityClick(event: MapLayerMouseEvent): boolean {
  if (!$pickingLocation.get()) return false;
  pickLocation([event.lngLat.lng, event.lngLat.lat]);
  return true;
}

/**
 * Map click on the visible suitability grid: selects that cell (its figures show in the legend) and
 * returns true, so the municipality underneath is not selected as well.
 */
export function handleGridClick(event: MapLayerMouseEvent): boolean {
  return selectGridCellAt([event.lngLat.lng, event.lngLat.lat]);
}
