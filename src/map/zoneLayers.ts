// Woonservicegebieden on the map: each zone filled lightly with a solid dark outline, and the
// municipalities where the data needed to rule a zone out is incomplete hatched as "geen gegevens"
// (never drawn as "no zone"); zones drawn by the planner with a dashed outline. Style as data; the
// legend (src/ui/Legend.tsx) names all three.

import type { FilterSpecification, GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { $zoneNoDataCodes, $zoneResult, $zonesVisible } from '../stores/serviceZones';
import { LAYER_IDS, SOURCE_IDS } from './mapStyle';
import { ZONE_STYLE } from '../domain/serviceZones';

export const ZONE_SOURCE_ID = 'service-zones';

export const ZONE_LAYER_IDS = {
  noData: 'service-zones-no-data',
  fill: 'service-zones-fill',
  outline: 'service-zones-outline',
  drawnOutline: 'service-zones-drawn-outline',
} as const;


const emptyCollection: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The layers as data, below the municipal borders and labels. */
export function zoneLayerSpecifications(noDataCodes: readonly string[]): LayerSpecification[] {
  const noDataFilter: FilterSpecification = ['in', ['get', 'code'], ['literal', [...noDataCodes]]];
  return [
    { id: ZONE_LAYER_IDS.noData, type: 'fill', source: SOURCE_IDS.municipalities, filter: noDataFilter, paint: { 'fill-pattern': 'hatch-no-data', 'fill-opacity': 0.9 } },
    { id: ZONE_LAYER_IDS.fill, type: 'fill', source: ZONE_SOURCE_ID, paint: { 'fill-color': ZONE_STYLE.fillColour, 'fill-opacity': ZONE_STYLE.fillOpacity } },
    { id: ZONE_LAYER_IDS.outline, type: 'line', source: ZONE_SOURCE_ID, filter: ['!=', ['get', 'origin'], 'getekend'], paint: { 'line-color': ZONE_STYLE.outlineColour, 'line-width': ZONE_STYLE.outlineWidth } },
    // drawn by hand: a dashed outline (not told by colour alone)
    {
      id: ZONE_LAYER_IDS.drawnOutline,
      type: 'line',
      source: ZONE_SOURCE_ID,
      filter: ['==', ['get', 'origin'], 'getekend'],
      paint: { 'line-color': ZONE_STYLE.drawnOutlineColour, 'line-width': ZONE_STYLE.outlineWidth + 0.5, 'line-dasharray': [...ZONE_STYLE.drawnDash] },
    },
  ];
}

export function addZoneLayers(map: MapLibreMap): () => void {
  const container = map.getContainer();
  map.addSource(ZONE_SOURCE_ID, { type: 'geojson', data: emptyCollection });
  for (const layer of zoneLayerSpecifications([])) map.addLayer(layer, LAYER_IDS.municipalityHitArea);

  const show = () => {
    const visible = $zonesVisible.get();
    const result = $zoneResult.get();
    const analysis = result.status === 'ready' ? result.analysis : result.status === 'pending' ? result.previous : null;
    const zones = visible && analysis ? analysis.zoneSet.zones : [];
    (map.getSource(ZONE_SOURCE_ID) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: zones });
    const noData = visible ? $zoneNoDataCodes.get() : [];
    map.setFilter(ZONE_LAYER_IDS.noData, ['in', ['get', 'code'], ['literal', noData]]);
    // for browser tests and screen checks: what the map shows
    container.dataset['zoneCount'] = String(zones.length);
    container.dataset['zoneDrawn'] = String(zones.filter((zone) => zone.properties.origin === 'getekend').length);
    container.dataset['zoneNoData'] = String(noData.length);
    container.dataset['zoneStatus'] = visible ? result.status : 'off';
  };
  const unsubscribers = [$zonesVisible.subscribe(show), $zoneResult.listen(show), $zoneNoDataCodes.listen(show)];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
