// The Locatiezoeker's sites on the map: a numbered marker per site (its rank in white on a dark disc
// with a white ring) and its rank and kern beside it, so the order reads from number and text, not
// from colour. Below them, while in force, the candidate source: the drawn search area (dashed
// outline) or the points of the planner's own list (open circles). Style as data; the sites come
// from $siteFinderAnswer, the source from stores/siteFinderCandidates.ts.

import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Polygon } from 'geojson';
import { $siteFinderAnswer, foundSitePlace } from '../stores/siteFinder';
import { $candidateList, $candidateSourceKind, $searchArea } from '../stores/siteFinderCandidates';
import { LABEL_FONT } from './mapStyle';
import { SITE_FINDER_AREA, SITE_FINDER_LIST_POINT, SITE_FINDER_MARKER } from '../domain/siteFinderStyle';

export const SITE_FINDER_SOURCE_ID = 'site-finder';
export const SITE_FINDER_CANDIDATES_SOURCE_ID = 'site-finder-candidates';

export const SITE_FINDER_CANDIDATE_LAYER_IDS = { areaFill: 'site-finder-area-fill', areaLine: 'site-finder-area-line', listPoint: 'site-finder-list-point' } as const;

/** The candidate source in force: the search area (a polygon) and the listed points, from one source, told apart by geometry. */
export function siteFinderCandidateLayerSpecifications(): LayerSpecification[] {
  const polygon = ['==', ['geometry-type'], 'Polygon'] as ['==', ['geometry-type'], string];
  return [
    {
      id: SITE_FINDER_CANDIDATE_LAYER_IDS.areaFill,
      type: 'fill',
      source: SITE_FINDER_CANDIDATES_SOURCE_ID,
      filter: polygon,
      paint: { 'fill-color': SITE_FINDER_AREA.fillColour, 'fill-opacity': SITE_FINDER_AREA.fillOpacity },
    },
    {
      id: SITE_FINDER_CANDIDATE_LAYER_IDS.areaLine,
      type: 'line',
      source: SITE_FINDER_CANDIDATES_SOURCE_ID,
      filter: polygon,
      paint: { 'line-color': SITE_FINDER_AREA.outlineColour, 'line-width': SITE_FINDER_AREA.outlineWidth, 'line-dasharray': [...SITE_FINDER_AREA.dash] },
    },
    {
      id: SITE_FINDER_CANDIDATE_LAYER_IDS.listPoint,
      type: 'circle',
      source: SITE_FINDER_CANDIDATES_SOURCE_ID,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': SITE_FINDER_LIST_POINT.radius,
        'circle-color': SITE_FINDER_LIST_POINT.fillColour,
        'circle-stroke-color': SITE_FINDER_LIST_POINT.ringColour,
        'circle-stroke-width': SITE_FINDER_LIST_POINT.ringWidth,
      },
    },
  ];
}

/** What the candidate layers show: the search area while it is the chosen source, or the list's points while the list is. */
export function candidateSourceFeatures(kind: string, area: Polygon | null, list: readonly { id: string; location: [number, number] }[]): FeatureCollection {
  if (kind === 'searchArea' && area) return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: area }] };
  if (kind === 'list') return { type: 'FeatureCollection', features: list.map((item) => ({ type: 'Feature', properties: { id: item.id }, geometry: { type: 'Point', coordinates: [...item.location] } })) };
  return { type: 'FeatureCollection', features: [] };
}

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
  map.addSource(SITE_FINDER_CANDIDATES_SOURCE_ID, { type: 'geojson', data: empty });
  for (const layer of siteFinderCandidateLayerSpecifications()) map.addLayer(layer);
  map.addSource(SITE_FINDER_SOURCE_ID, { type: 'geojson', data: empty });
  for (const layer of siteFinderLayerSpecifications()) map.addLayer(layer);
  const showSource = () => {
    const kind = $candidateSourceKind.get();
    const area = $searchArea.get();
    const list = $candidateList.get()?.candidates ?? [];
    const data = candidateSourceFeatures(kind, area, list);
    (map.getSource(SITE_FINDER_CANDIDATES_SOURCE_ID) as GeoJSONSource | undefined)?.setData(data);
    // for browser tests and screen checks: whether the search area is drawn, how many listed points
    container.dataset['siteFinderArea'] = kind === 'searchArea' && area ? 'shown' : 'none';
    container.dataset['siteFinderListPoints'] = String(kind === 'list' ? list.length : 0);
  };
  const unsubscribeSource = [$candidateSourceKind, $searchArea, $candidateList].map((store) => store.subscribe(showSource));
  const show = () => {
    const answer = $siteFinderAnswer.get();
    const sites = answer?.sites ?? [];
    const data: FeatureCollection = {
      type: 'FeatureCollection',
      // drawn last-ranked first, so number 1 lies on top where markers touch
      features: [...sites].reverse().map((site) => ({
        type: 'Feature',
        properties: { rank: site.rank, label: `${site.rank}. ${foundSitePlace(site).name ?? foundSitePlace(site).kern}` },
        geometry: { type: 'Point', coordinates: [site.location[0], site.location[1]] },
      })),
    };
    (map.getSource(SITE_FINDER_SOURCE_ID) as GeoJSONSource | undefined)?.setData(data);
    // for browser tests and screen checks: how many numbered sites the map shows
    container.dataset['siteFinderSites'] = String(sites.length);
  };
  const unsubscribeSites = $siteFinderAnswer.subscribe(show);
  return () => {
    unsubscribeSites();
    for (const unsubscribe of unsubscribeSource) unsubscribe();
  };
}
