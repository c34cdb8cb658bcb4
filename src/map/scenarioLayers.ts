// The active draft on the map: its sites (a house symbol with the name beside it), adding a site by a
// click, dragging a site or key project to its exact place (MapLibre's own mouse and touch events;
// the edit is recorded on drop), and the comparison of two drafts (symbol + text per change).

import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent, MapLayerTouchEvent, FilterSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { $appData } from '../stores/appData';
import { $activeScenarioState } from '../stores/scenarios';
import { $addingSite, $dragPreview, addSiteAt, endDrag, previewDrag, stopAddingSite, type PlanItem } from '../stores/scenarioEditing';
import { $scenarioComparison } from '../stores/scenarioComparison';
import { $selection, selectSite } from '../stores/selection';
import { $planKeyProjects } from '../stores/planKeyProjects';
import { SITE_COLOUR } from '../domain/keyProjectSymbols';
import type { SiteChange } from '../analysis/scenarioCompare';
import { $translate } from '../stores/language';
import { isPolygonDrawing } from '../stores/polygonDrawing';
import { SITE_ICONS } from './mapImages';
import { keyProjectProperties } from './keyProjectSpread';
import { LABEL_FONT, LAYER_IDS } from './mapStyle';

const SOURCES = { sites: 'scenario-sites', outlines: 'scenario-outlines', drag: 'scenario-drag', compare: 'scenario-compare' } as const;

export const SCENARIO_LAYER_IDS = {
  compareLines: 'scenario-compare-lines',
  compareSymbols: 'scenario-compare-symbols',
  dragLine: 'scenario-drag-line',
  dragPoint: 'scenario-drag-point',
  sites: 'scenario-sites',
  outlineFill: 'scenario-outline-fill',
  outline: 'scenario-outline',
  selectedSite: 'scenario-selected-site',
} as const;

/** What changed, in words beside the symbol (never colour alone; the map's fonts may lack arrows and pencils). */
function changeLabel(name: string, change: SiteChange): string {
  return change === 'unchanged' ? name : `${name} (${$translate.get()(`compare.change.${change}`)})`;
}

/** Pixels the pointer must travel before a press on a symbol becomes a drag (else it stays a click). */
const DRAG_THRESHOLD_PIXELS = 4;

const emptyCollection: FeatureCollection = { type: 'FeatureCollection', features: [] };

function setData(map: MapLibreMap, sourceId: string, data: FeatureCollection): void {
  (map.getSource(sourceId) as GeoJSONSource | undefined)?.setData(data);
}

function point(location: readonly [number, number], properties: Record<string, unknown>): Feature {
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [location[0], location[1]] } };
}

/** The source's lines as a dark dashed line on a white casing (layer `${id}-casing`), visible on any fill. */
function addDashedLines(map: MapLibreMap, id: string, source: string): void {
  const filter: FilterSpecification = ['==', ['geometry-type'], 'LineString'];
  map.addLayer({ id: `${id}-casing`, type: 'line', source, filter, paint: { 'line-color': '#ffffff', 'line-width': 5 } });
  map.addLayer({ id, type: 'line', source, filter, paint: { 'line-color': '#1a1a1a', 'line-width': 2, 'line-dasharray': [2, 1.5] } });
}

/** Set after a drag ends, so the click MapLibre fires on release does not select what lies underneath. */
let suppressNextClick = false;

export function addScenarioLayers(map: MapLibreMap): () => void {
  const container = map.getContainer();
  for (const id of Object.values(SOURCES)) map.addSource(id, { type: 'geojson', data: emptyCollection });
  // Sites' drawn outlines: a light fill and a solid edge in the site colour on a white casing, under the symbols.
  map.addLayer({ id: SCENARIO_LAYER_IDS.outlineFill, type: 'fill', source: SOURCES.outlines, paint: { 'fill-color': SITE_COLOUR, 'fill-opacity': 0.15 } });
  map.addLayer({ id: `${SCENARIO_LAYER_IDS.outline}-casing`, type: 'line', source: SOURCES.outlines, paint: { 'line-color': '#ffffff', 'line-width': 5 } });
  map.addLayer({ id: SCENARIO_LAYER_IDS.outline, type: 'line', source: SOURCES.outlines, paint: { 'line-color': SITE_COLOUR, 'line-width': 2.5 } });
  addDashedLines(map, SCENARIO_LAYER_IDS.compareLines, SOURCES.compare);
  const labelLayout: SymbolLayerSpecification['layout'] = {
    'text-field': ['get', 'label'],
    'text-font': LABEL_FONT,
    'text-size': 13,
    'text-anchor': 'left',
    'text-offset': [1.1, 0],
    'text-optional': true,
    'icon-allow-overlap': true,
    'icon-ignore-placement': true,
  };
  const labelPaint = { 'text-color': '#1a1a1a', 'text-halo-color': '#ffffff', 'text-halo-width': 2 };
  map.addLayer({
    id: SCENARIO_LAYER_IDS.compareSymbols,
    type: 'symbol',
    source: SOURCES.compare,
    filter: ['==', ['geometry-type'], 'Point'],
    layout: { ...labelLayout, 'icon-image': ['get', 'icon'], 'icon-size': 1 },
    paint: labelPaint,
  });
  addDashedLines(map, SCENARIO_LAYER_IDS.dragLine, SOURCES.drag);
  map.addLayer({
    id: SCENARIO_LAYER_IDS.dragPoint,
    type: 'circle',
    source: SOURCES.drag,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-radius': 11, 'circle-color': 'rgba(255,255,255,0.6)', 'circle-stroke-color': '#1a1a1a', 'circle-stroke-width': 3 },
  });
  map.addLayer({
    id: SCENARIO_LAYER_IDS.sites,
    type: 'symbol',
    source: SOURCES.sites,
    layout: { ...labelLayout, 'icon-image': SITE_ICONS.site, 'icon-size': 1 },
    paint: { ...labelPaint, 'text-color': SITE_COLOUR },
  });
  map.addLayer({
    id: SCENARIO_LAYER_IDS.selectedSite,
    type: 'circle',
    source: SOURCES.sites,
    filter: ['==', ['get', 'selected'], true],
    paint: { 'circle-radius': 18, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#000000', 'circle-stroke-width': 3 },
  });

  /** For tests and tools: where each site is drawn, in pixels of the map container. */
  const reportSites = () => {
    const state = $activeScenarioState.get();
    const preview = $dragPreview.get();
    const sites = (state?.sites ?? []).map((site) => {
      const location = preview?.item.kind === 'site' && preview.item.id === site.id ? preview.location : site.location;
      const { x, y } = map.project(location);
      return { id: site.id, x: Math.round(x), y: Math.round(y) };
    });
    container.dataset['scenarioSites'] = JSON.stringify(sites);
    const selection = $selection.get();
    const project = selection?.kind === 'keyProject' ? $planKeyProjects.get().find((candidate) => candidate.id === selection.id) : undefined;
    const projected = project ? map.project(project.location) : null;
    container.dataset['selectedKeyProject'] = project && projected ? JSON.stringify({ id: project.id, x: Math.round(projected.x), y: Math.round(projected.y) }) : '';
  };

  const renderSites = () => {
    const state = $activeScenarioState.get();
    const preview = $dragPreview.get();
    const selection = $selection.get();
    const comparing = $scenarioComparison.get() !== null;
    const features = comparing
      ? []
      : (state?.sites ?? []).map((site) =>
          point(preview?.item.kind === 'site' && preview.item.id === site.id ? preview.location : site.location, {
            id: site.id,
            label: site.name,
            selected: selection?.kind === 'site' && selection.id === site.id,
          }),
        );
    setData(map, SOURCES.sites, { type: 'FeatureCollection', features });
    const outlines: Feature[] = comparing
      ? []
      : (state?.sites ?? []).flatMap((site): Feature[] =>
          site.outline ? [{ type: 'Feature', properties: { id: site.id }, geometry: { type: 'Polygon', coordinates: site.outline } }] : [],
        );
    setData(map, SOURCES.outlines, { type: 'FeatureCollection', features: outlines });
    container.dataset['scenarioOutlines'] = JSON.stringify(outlines.map((feature) => feature.properties?.['id']));
    // A key project being dragged: a ring at the pointer and a line back to where it is now.
    const dragFeatures: Feature[] = [];
    if (preview?.item.kind === 'keyProject') {
      const project = $planKeyProjects.get().find((candidate) => candidate.id === preview.item.id);
      if (project) {
        dragFeatures.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [project.location, preview.location] } });
        dragFeatures.push(point(preview.location, { id: project.id }));
      }
    }
    setData(map, SOURCES.drag, { type: 'FeatureCollection', features: dragFeatures });
    reportSites();
  };

  const renderComparison = () => {
    const open = $scenarioComparison.get();
    const features: Feature[] = [];
    const counts: Record<string, number> = {};
    if (open) {
      for (const entry of open.comparison.sites) {
        counts[entry.change] = (counts[entry.change] ?? 0) + 1;
        if (entry.change === 'removed' && entry.a) {
          features.push(point(entry.a.location, { id: entry.id, change: entry.change, icon: SITE_ICONS.removed, label: changeLabel(entry.a.name, 'removed') }));
          continue;
        }
        if (!entry.b) continue;
        if (entry.change === 'moved' && entry.a) {
          features.push({ type: 'Feature', properties: { change: 'moved' }, geometry: { type: 'LineString', coordinates: [entry.a.location, entry.b.location] } });
          features.push(point(entry.a.location, { id: entry.id, change: 'movedFrom', icon: SITE_ICONS.removed, label: `A: ${entry.a.name}` }));
        }
        features.push(point(entry.b.location, { id: entry.id, change: entry.change, icon: SITE_ICONS.site, label: changeLabel(entry.b.name, entry.change) }));
      }
      const published = new Map(($appData.get().keyProjects ?? []).map((project) => [project.id, project]));
      for (const entry of open.comparison.keyProjects) {
        const project = published.get(entry.keyProjectId);
        if (!project) continue;
        counts['keyProjectMoved'] = (counts['keyProjectMoved'] ?? 0) + 1;
        const from = entry.a?.location ?? project.location;
        const to = entry.b?.location ?? project.location;
        // A's place: a hollow marker (as a site that is not in B); B's place: the key project's own symbol.
        features.push({ type: 'Feature', properties: { change: 'moved' }, geometry: { type: 'LineString', coordinates: [from, to] } });
        features.push(point(from, { id: project.id, change: 'keyProjectMovedFrom', icon: SITE_ICONS.removed, label: `A: ${project.name}` }));
        features.push(point(to, { id: project.id, change: 'keyProjectMoved', icon: keyProjectProperties(project)['icon'], label: changeLabel(project.name, 'moved') }));
      }
    }
    setData(map, SOURCES.compare, { type: 'FeatureCollection', features });
    container.dataset['scenarioCompare'] = open ? JSON.stringify(counts) : '';
    container.dataset['scenarioCompareMarkers'] = features.flatMap((feature) => (feature.geometry.type === 'Point' ? [String(feature.properties?.['change'])] : [])).join(',');
    renderSites();
  };

  // --- dragging a site or key project ---
  const draggableLayers = [SCENARIO_LAYER_IDS.sites, LAYER_IDS.keyProjectSpread, LAYER_IDS.keyProjects];
  let press: { item: PlanItem; x: number; y: number; dragging: boolean } | null = null;

  const itemAt = (event: MapLayerMouseEvent | MapLayerTouchEvent): PlanItem | null => {
    const features = map.queryRenderedFeatures(event.point, { layers: draggableLayers.filter((layer) => map.getLayer(layer)) });
    // where symbols overlap, the selected one is taken (the planner just picked it), else the one on top
    const selection = $selection.get();
    const selectedId = selection?.kind === 'site' || selection?.kind === 'keyProject' ? selection.id : null;
    const feature = features.find((candidate) => candidate.properties?.['id'] === selectedId) ?? features[0];
    const id = feature?.properties?.['id'];
    if (typeof id !== 'string' || !feature) return null;
    return feature.layer.id === SCENARIO_LAYER_IDS.sites ? { kind: 'site', id } : { kind: 'keyProject', id };
  };

  const onPress = (event: MapLayerMouseEvent | MapLayerTouchEvent) => {
    if (!$activeScenarioState.get() || $addingSite.get() || $scenarioComparison.get() || isPolygonDrawing()) return;
    if ('originalEvent' in event && event.originalEvent instanceof MouseEvent && event.originalEvent.button !== 0) return;
    if (event.type === 'touchstart' && (event as MapLayerTouchEvent).points.length !== 1) return;
    const item = itemAt(event);
    if (!item) return;
    // keeps MapLibre from panning the map while a symbol is held
    event.preventDefault();
    press = { item, x: event.point.x, y: event.point.y, dragging: false };
    map.on(event.type === 'touchstart' ? 'touchmove' : 'mousemove', onMove);
    map.once(event.type === 'touchstart' ? 'touchend' : 'mouseup', onRelease);
  };

  const onMove = (event: MapLayerMouseEvent | MapLayerTouchEvent) => {
    if (!press) return;
    if (!press.dragging && Math.hypot(event.point.x - press.x, event.point.y - press.y) < DRAG_THRESHOLD_PIXELS) return;
    press.dragging = true;
    map.getCanvas().style.cursor = 'grabbing';
    previewDrag(press.item, [event.lngLat.lng, event.lngLat.lat]);
  };

  const onRelease = () => {
    map.off('mousemove', onMove);
    map.off('touchmove', onMove);
    const wasDragging = press?.dragging ?? false;
    press = null;
    map.getCanvas().style.cursor = '';
    if (wasDragging) {
      suppressNextClick = true;
      // a click that does not come (touch) must not swallow the next real one
      setTimeout(() => (suppressNextClick = false), 0);
      endDrag(true);
    }
  };

  const onKeyDownDuringDrag = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !$dragPreview.get()) return;
    map.off('mousemove', onMove);
    map.off('touchmove', onMove);
    press = null;
    endDrag(false);
  };

  for (const layer of draggableLayers) {
    map.on('mousedown', layer, onPress);
    map.on('touchstart', layer, onPress);
  }
  map.on('mouseenter', SCENARIO_LAYER_IDS.sites, () => (map.getCanvas().style.cursor = 'grab'));
  map.on('mouseleave', SCENARIO_LAYER_IDS.sites, () => (map.getCanvas().style.cursor = ''));

  // Enter on the focused map adds a site at its centre while adding; Esc stops adding.
  const onCanvasKeyDown = (event: KeyboardEvent) => {
    if (!$addingSite.get() || event.key !== 'Enter') return;
    const center = map.getCenter();
    addSiteAt([center.lng, center.lat]);
    event.preventDefault();
  };
  const onDocumentKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && $addingSite.get()) stopAddingSite();
    onKeyDownDuringDrag(event);
  };
  map.getCanvas().addEventListener('keydown', onCanvasKeyDown);
  document.addEventListener('keydown', onDocumentKeyDown);
  map.on('idle', reportSites);
  map.on('move', reportSites);

  const unsubscribers = [
    $activeScenarioState.subscribe(renderSites),
    $dragPreview.listen(renderSites),
    $selection.listen(renderSites),
    $planKeyProjects.listen(renderSites),
    $scenarioComparison.subscribe(renderComparison),
    $translate.listen(renderComparison),
    $addingSite.subscribe((adding) => {
      container.classList.toggle('adding-site', adding);
      map.getCanvas().style.cursor = adding ? 'crosshair' : '';
    }),
  ];
  return () => {
    unsubscribers.forEach((unsubscribe) => unsubscribe());
    map.getCanvas().removeEventListener('keydown', onCanvasKeyDown);
    document.removeEventListener('keydown', onDocumentKeyDown);
    map.off('idle', reportSites);
    map.off('move', reportSites);
  };
}

/**
 * A map click for the draft: adds a site while adding, is swallowed right after a drag, or selects
 * the site under the pointer. Returns true when the click was handled here.
 */
export function handleScenarioClick(map: MapLibreMap, event: MapLayerMouseEvent): boolean {
  if (suppressNextClick) {
    suppressNextClick = false;
    return true;
  }
  if ($addingSite.get()) {
    addSiteAt([event.lngLat.lng, event.lngLat.lat]);
    return true;
  }
  if (!map.getLayer(SCENARIO_LAYER_IDS.sites)) return false;
  const id = map.queryRenderedFeatures(event.point, { layers: [SCENARIO_LAYER_IDS.sites] })[0]?.properties?.['id'];
  if (typeof id !== 'string') return false;
  selectSite(id);
  return true;
}
