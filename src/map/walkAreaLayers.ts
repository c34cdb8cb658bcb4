// Walking-time areas of the analysis point (5 / 10 / 15 minutes over the street): a light fill per
// band, an outline that differs per band not only in colour (solid 5, dashed 10, dotted 15 minutes),
// a label per band ("5 min lopen") at its edge, each band on another side, and the streets reached highlighted.
// Style as data; the areas come from the reachability worker through $walkAreas.

import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson';
import type { WalkAreaProperties } from '../analysis/walkArea';
import { $walkAreas } from '../stores/walkDetour';
import { $translate } from '../stores/language';
import { LABEL_FONT } from './mapStyle';

const SOURCES = { areas: 'walk-areas', streets: 'walk-streets', labels: 'walk-area-labels' } as const;

export const WALK_AREA_LAYER_IDS = {
  fill: 'walk-area-fill',
  outline: 'walk-area-outline',
  streets: 'walk-area-streets',
  labels: 'walk-area-labels',
} as const;

/** Per band: colour, and the outline's dash pattern (so the bands differ without colour too). */
export const WALK_BAND_STYLE: Record<number, { colour: string; dash: number[] }> = {
  5: { colour: '#00441b', dash: [1, 0] },
  10: { colour: '#238b45', dash: [4, 2] },
  15: { colour: '#41ab5d', dash: [1, 1.5] },
};

const emptyCollection: FeatureCollection = { type: 'FeatureCollection', features: [] };

function byMinutes(property: 'colour'): ExpressionSpecification {
  return ['match', ['get', 'minutes'], ...Object.entries(WALK_BAND_STYLE).flatMap(([minutes, style]) => [Number(minutes), style[property]]), '#238b45'] as unknown as ExpressionSpecification;
}

/** Where each band's label goes: the smallest band at its northern edge, the next at its eastern, then southern, western. */
const LABEL_SIDES = [
  { axis: 1, sign: 1, anchor: 'bottom' },
  { axis: 0, sign: 1, anchor: 'left' },
  { axis: 1, sign: -1, anchor: 'top' },
  { axis: 0, sign: -1, anchor: 'right' },
] as const;

/** A label per band at an outer vertex, each band on another side so the labels do not cover each other. */
export function walkAreaLabelPoints(
  areas: FeatureCollection<MultiPolygon, WalkAreaProperties>,
  label: (minutes: number) => string,
): FeatureCollection<Point, { label: string; minutes: number; anchor: string }> {
  const bands = [...areas.features].sort((a, b) => a.properties.minutes - b.properties.minutes);
  const features: Feature<Point, { label: string; minutes: number; anchor: string }>[] = [];
  bands.forEach((area, band) => {
    const side = LABEL_SIDES[band % LABEL_SIDES.length]!;
    let best: number[] | null = null;
    for (const polygon of area.geometry.coordinates) {
      for (const vertex of polygon[0] ?? []) if (best === null || side.sign * (vertex[side.axis]! - best[side.axis]!) > 0) best = vertex;
    }
    if (best !== null) {
      features.push({ type: 'Feature', properties: { label: label(area.properties.minutes), minutes: area.properties.minutes, anchor: side.anchor }, geometry: { type: 'Point', coordinates: [best[0]!, best[1]!] } });
    }
  });
  return { type: 'FeatureCollection', features };
}

function setData(map: MapLibreMap, sourceId: string, data: FeatureCollection): void {
  (map.getSource(sourceId) as GeoJSONSource | undefined)?.setData(data);
}

export function addWalkAreaLayers(map: MapLibreMap, beforeLayerId: string): () => void {
  const container = map.getContainer();
  for (const id of Object.values(SOURCES)) map.addSource(id, { type: 'geojson', data: emptyCollection });
  map.addLayer({ id: WALK_AREA_LAYER_IDS.fill, type: 'fill', source: SOURCES.areas, paint: { 'fill-color': byMinutes('colour'), 'fill-opacity': 0.12 } }, beforeLayerId);
  map.addLayer(
    { id: WALK_AREA_LAYER_IDS.streets, type: 'line', source: SOURCES.streets, paint: { 'line-color': byMinutes('colour'), 'line-width': 2.5, 'line-opacity': 0.85 } },
    beforeLayerId,
  );
  // one outline layer per band: MapLibre cannot take the dash pattern from a feature property
  for (const [minutes, style] of Object.entries(WALK_BAND_STYLE)) {
    map.addLayer(
      {
        id: `${WALK_AREA_LAYER_IDS.outline}-${minutes}`,
        type: 'line',
        source: SOURCES.areas,
        filter: ['==', ['get', 'minutes'], Number(minutes)],
        paint: { 'line-color': style.colour, 'line-width': 2.5, 'line-dasharray': style.dash },
      },
      beforeLayerId,
    );
  }
  map.addLayer({
    id: WALK_AREA_LAYER_IDS.labels,
    type: 'symbol',
    source: SOURCES.labels,
    layout: { 'text-field': ['get', 'label'], 'text-font': LABEL_FONT, 'text-size': 13, 'text-anchor': ['get', 'anchor'] as unknown as ExpressionSpecification, 'text-offset': [0, 0], 'text-allow-overlap': true },
    paint: { 'text-color': byMinutes('colour'), 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
  });

  const show = () => {
    const state = $walkAreas.get();
    if (state.status !== 'ready') {
      setData(map, SOURCES.areas, emptyCollection);
      setData(map, SOURCES.streets, emptyCollection);
      setData(map, SOURCES.labels, emptyCollection);
      container.dataset['walkAreas'] = '';
      return;
    }
    const translate = $translate.get();
    setData(map, SOURCES.areas, state.areas);
    setData(map, SOURCES.streets, state.streets);
    setData(map, SOURCES.labels, walkAreaLabelPoints(state.areas, (minutes) => translate('walkArea.label', { minutes })));
    // the bands drawn, largest first (for tests and the screen reader summary in the panel)
    container.dataset['walkAreas'] = state.areas.features.map((feature) => feature.properties.minutes).join(',');
  };
  show();
  const unsubscribers = [$walkAreas.listen(show), $translate.listen(show)];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
