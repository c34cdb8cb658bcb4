// The Locatiezoeker's sites on the map: a numbered marker per site (its rank in white on a dark disc
// with a white ring) and its rank and kern beside it, so the order reads from number and text, not
// from colour. Style as data; the sites come from $siteFinderAnswer.

import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { $siteFinderAnswer, foundSitePlace } from '../stores/siteFinder';
import { LABEL_FONT } from './mapStyle';
import { SITE_FINDER_MARKER } from '../domain/siteFinderStyle';

export const SITE_FINDER_SOURCE_ID = 'site-finder';

export const SITE_FINDER_LAYER_IDS = { disc: 'site-finder-disc', rank: 'site-finder-rank', label: 'site-finder-label' } as const;


export function siteFinderLayerSpecifications(): LayerSpecification[] {
  return [
    {
      id: SITE_FINDER_LAYER_IDS.disc,
      type: 'circle',
      source: SITE_FINDER_SOURCE_ID,
      paint: { 'circle-radius': SITE_FINDER_MARKER.radius, 'circle-color': SITE_FINDER_MARKER.colour, 'circle-stroke-color': SITE_FINDER_MARKER.ringColour, 'circle-stroke-width': SITE_FINDER_MARKER.ringWidth },
    },
    {
      id: SITE_FINDER_LAYER_IDS.rank,
      type: 'symbol',
      source: SITE_FINDER_SOURCE_ID,
      layout: { 'text-field': ['to-string', ['get', 'rank']], 'text-font': LABEL_FONT, 'text-size': 13, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': SITE_FINDER_MARKER.numberColour },
    },
    {
      id: SITE_FINDER_LAYER_IDS.label,
      type: 'symbol',
      source: SITE_FINDER_SOURCE_ID,
      layout: { 'text-field': ['get', 'label'], 'text-font': LABEL_FONT, 'text-size': 12, 'text-anchor': 'left', 'text-offset': [1.3, 0], 'text-optional': true },
      paint: { 'text-color': '#1a1a1a', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
  ];
}

export function addSiteFinderLayers(map: MapLibreMap): () => void {
  const container = map.getContainer();
  const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
  map.addSource(SITE_FINDER_SOURCE_ID, { type: 'geojson', data: empty });
  for (const layer of siteFinderLayerSpecifications()) map.addLayer(layer);
  const show = () => {
    const answer = $siteFinderAnswer.get();
    const sites = answer?.sites ?? [];
    const data: FeatureCollection = {
      type: 'FeatureCollection',
      // drawn last-ranked first, so number 1 lies on top where markers touch
      features: [...sites].reverse().map((site) => ({
        type: 'Feature',
        properties: { rank: site.rank, label: `${site.rank}. ${foundSitePlace(site).kern}` },
        geometry: { type: 'Point', coordinates: [site.location[0], site.location[1]] },
      })),
    };
    (map.getSource(SITE_FINDER_SOURCE_ID) as GeoJSONSource | undefined)?.setData(data);
    // for browser tests and screen checks: how many numbered sites the map shows
    container.dataset['siteFinderSites'] = String(sites.length);
  };
  return $siteFinderAnswer.subscribe(show);
}
