// Key projects that share one approximate position: a count beside the stack, and on click (or when one
// of them is selected) the stack spread out on a circle with legs to the shared point ("spiderfy").
// The offsets come from src/analysis/sharedLocations; here they become positions at the current zoom.

import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { spreadOffsets, type SharedLocation } from '../analysis/sharedLocations';
import type { PlacedKeyProject } from '../domain/keyProject';
import { $planKeyProjects } from '../stores/planKeyProjects';
import { $keyProjectStacks, $spreadKeyProjectStack, openKeyProjectStack } from '../stores/keyProjectStacks';
import { $selection, selectKeyProject } from '../stores/selection';
import { selectingOnMap } from '../stores/mapView';
import { $showKeyProjects } from '../stores/mapLayers';
import { KEY_PROJECT_ICONS } from './mapImages';
import { LAYER_IDS, SOURCE_IDS } from './mapStyle';

/** Symbols are at most about 37 px wide (32 px × icon-size 1.15): keep neighbours and the shared point clear. */
const SPREAD = { spacing: 44, minRadius: 38 };

const SPREAD_LAYERS = [LAYER_IDS.keyProjectSpreadLegCasing, LAYER_IDS.keyProjectSpreadLegs, LAYER_IDS.keyProjectSpreadCentre, LAYER_IDS.keyProjectSpread, LAYER_IDS.selectedSpreadKeyProject];

/** The properties the key-project symbol layers read. */
export function keyProjectProperties(project: PlacedKeyProject): Record<string, unknown> {
  return {
    id: project.id,
    name: project.name,
    homes2024To2030: project.homes2024To2030,
    icon: !project.countsAsKeyProject ? KEY_PROJECT_ICONS.outlookOnly : KEY_PROJECT_ICONS[project.status],
  };
}

function setData(map: MapLibreMap, sourceId: string, data: FeatureCollection): void {
  (map.getSource(sourceId) as GeoJSONSource | undefined)?.setData(data);
}

interface SpreadPosition {
  id: string;
  /** Pixels from the map container's top-left corner. */
  x: number;
  y: number;
  location: [number, number];
}

/** Other key projects closer than this to a spread stack (in pixels) are kept clear of its symbols. */
const OBSTACLE_RANGE = 160;

function spreadPositions(map: MapLibreMap, stack: SharedLocation, projects: readonly PlacedKeyProject[]): SpreadPosition[] {
  const centre = map.project(stack.location);
  const obstacles: [number, number][] = [];
  for (const project of projects) {
    if (stack.ids.includes(project.id)) continue;
    const { x, y } = map.project(project.location);
    if (Math.hypot(x - centre.x, y - centre.y) < OBSTACLE_RANGE) obstacles.push([x - centre.x, y - centre.y]);
  }
  const offsets = spreadOffsets(stack.ids.length, SPREAD, obstacles);
  return stack.ids.map((id, index) => {
    const [dx, dy] = offsets[index] ?? [0, 0];
    const x = centre.x + dx;
    const y = centre.y + dy;
    const { lng, lat } = map.unproject([x, y]);
    return { id, x: Math.round(x), y: Math.round(y), location: [lng, lat] };
  });
}

/** Adds the behaviour to a loaded map; returns the unsubscribe function. */
export function addKeyProjectSpread(map: MapLibreMap): () => void {
  const container = map.getContainer();

  const renderSpread = () => {
    const stack = $spreadKeyProjectStack.get();
    const projects = $planKeyProjects.get();
    const projectsById = new Map(projects.map((project) => [project.id, project]));
    const features: Feature[] = [];
    const positions = stack ? spreadPositions(map, stack, projects) : [];
    for (const position of positions) {
      const project = projectsById.get(position.id);
      if (!project || !stack) continue;
      features.push({ type: 'Feature', properties: { kind: 'leg' }, geometry: { type: 'LineString', coordinates: [stack.location, position.location] } });
      features.push({ type: 'Feature', properties: { kind: 'project', ...keyProjectProperties(project) }, geometry: { type: 'Point', coordinates: position.location } });
    }
    if (stack) features.push({ type: 'Feature', properties: { kind: 'centre' }, geometry: { type: 'Point', coordinates: stack.location } });
    setData(map, SOURCE_IDS.keyProjectSpread, { type: 'FeatureCollection', features });
    // The stacked symbols give way to the spread ones; the count beside the stack goes too.
    map.setFilter(LAYER_IDS.keyProjects, stack ? ['!', ['in', ['get', 'id'], ['literal', stack.ids]]] : null);
    map.setFilter(LAYER_IDS.keyProjectStackCounts, ['!=', ['get', 'key'], stack?.key ?? '']);
    renderSelection();
    // For tests and tools: where each spread project is drawn, in pixels of the map container.
    container.dataset['keyProjectSpread'] = JSON.stringify(positions.map(({ id, x, y }) => ({ id, x, y })));
  };

  /** The ring around the selected project: on its spread symbol when its stack is spread, else on its own symbol. */
  const renderSelection = () => {
    const selection = $selection.get();
    const selectedId = selection?.kind === 'keyProject' ? selection.id : '';
    const spread = $spreadKeyProjectStack.get()?.ids.includes(selectedId) ?? false;
    map.setFilter(LAYER_IDS.selectedKeyProject, ['==', ['get', 'id'], spread ? '' : selectedId]);
    map.setFilter(LAYER_IDS.selectedSpreadKeyProject, ['==', ['get', 'id'], spread ? selectedId : '']);
  };

  const renderStacks = (stacks: readonly SharedLocation[]) => {
    setData(map, SOURCE_IDS.keyProjectStacks, {
      type: 'FeatureCollection',
      features: stacks.map((stack) => ({
        type: 'Feature',
        properties: { key: stack.key, count: stack.ids.length },
        geometry: { type: 'Point', coordinates: stack.location },
      })),
    });
  };

  /** For tests and tools: where each stack is drawn, in pixels of the map container, after the map settles. */
  const reportStacks = () => {
    const stacks = $keyProjectStacks.get().map((stack) => {
      const { x, y } = map.project(stack.location);
      return { ids: stack.ids, x: Math.round(x), y: Math.round(y) };
    });
    container.dataset['keyProjectStacks'] = JSON.stringify(stacks);
  };

  const onZoom = () => {
    if ($spreadKeyProjectStack.get()) renderSpread();
  };
  map.on('zoom', onZoom);
  map.on('rotate', onZoom);
  map.on('idle', reportStacks);
  for (const layer of [LAYER_IDS.keyProjectSpread]) {
    map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
  }

  const unsubscribers = [
    $keyProjectStacks.subscribe(renderStacks),
    $spreadKeyProjectStack.subscribe(renderSpread),
    $planKeyProjects.listen(renderSpread),
    $selection.subscribe(renderSelection),
    $showKeyProjects.subscribe((visible) => {
      for (const layer of [...SPREAD_LAYERS, LAYER_IDS.keyProjectStackCounts]) map.setLayoutProperty(layer, 'visibility', visible ? 'visible' : 'none');
    }),
  ];
  return () => {
    map.off('zoom', onZoom);
    map.off('rotate', onZoom);
    map.off('idle', reportStacks);
    unsubscribers.forEach((unsubscribe) => unsubscribe());
  };
}

/**
 * A click on a spread project selects it; a click on a stack spreads it (the planner then picks one);
 * a click on a single project selects it. Returns true when the click was on a key project.
 */
export function handleKeyProjectClick(map: MapLibreMap, event: MapLayerMouseEvent): boolean {
  const spreadId = map.queryRenderedFeatures(event.point, { layers: [LAYER_IDS.keyProjectSpread] })[0]?.properties?.['id'];
  if (typeof spreadId === 'string') {
    selectingOnMap();
    selectKeyProject(spreadId);
    return true;
  }
  const projectId = map.queryRenderedFeatures(event.point, { layers: [LAYER_IDS.keyProjects] })[0]?.properties?.['id'];
  if (typeof projectId !== 'string') return false;
  const stack = $keyProjectStacks.get().find((candidate) => candidate.ids.includes(projectId));
  if (stack) openKeyProjectStack(stack.key);
  else {
    selectingOnMap();
    selectKeyProject(projectId);
  }
  return true;
}
