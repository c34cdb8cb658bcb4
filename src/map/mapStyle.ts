// The offline map style as plain data: sources start empty and are filled from the stores.
// No glyph server: labels are drawn with the browser's own fonts (MapLibre renders them locally).

import type { DataDrivenPropertyValueSpecification, StyleSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { KEY_PROJECT_SIZE_STOPS } from '../domain/keyProjectSymbols';

const emptyData: FeatureCollection = { type: 'FeatureCollection', features: [] };

export const LABEL_FONT = ['sans-serif'];

/**
 * The PDOK background maps (WMTS in Web Mercator, tiles as z/x/y), only added when the planner chooses
 * one; their attributions are in the message catalogue (map.attribution.*), in the UI language.
 */
export const ONLINE_BACKGROUNDS = {
  brtGrijs: { tiles: 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png', maxzoom: 19, opacity: 0.9 },
  luchtfoto: { tiles: 'https://service.pdok.nl/hwh/luchtfotorgb/wmts/v1_0/Actueel_orthoHR/EPSG:3857/{z}/{x}/{y}.jpeg', maxzoom: 19, opacity: 1 },
} as const;

export const SOURCE_IDS = {
  province: 'province',
  municipalities: 'municipalities',
  thematicMunicipalities: 'thematic-municipalities',
  thematicPostcodes: 'thematic-postcodes',
  builtUpAreas: 'built-up-areas',
  places: 'places',
  municipalityLabels: 'municipality-labels',
  keyProjects: 'key-projects',
  keyProjectStacks: 'key-project-stacks',
  keyProjectSpread: 'key-project-spread',
} as const;

export const LAYER_IDS = {
  background: 'background',
  onlineBackground: 'online-background',
  province: 'province-fill',
  thematicMunicipalities: 'thematic-municipalities-fill',
  thematicMunicipalitiesNoData: 'thematic-municipalities-no-data',
  thematicPostcodes: 'thematic-postcodes-fill',
  thematicPostcodesNoData: 'thematic-postcodes-no-data',
  thematicPostcodesOutline: 'thematic-postcodes-outline',
  builtUpAreas: 'built-up-areas-fill',
  municipalityBorders: 'municipality-borders',
  municipalityHitArea: 'municipality-hit-area',
  selectedMunicipality: 'selected-municipality',
  facilityCoverage: 'facility-coverage-outline',
  provinceBorder: 'province-border',
  placeLabels: 'place-labels',
  municipalityLabels: 'municipality-labels',
  keyProjects: 'key-projects',
  selectedKeyProject: 'selected-key-project',
  keyProjectStackCounts: 'key-project-stack-counts',
  keyProjectSpreadLegCasing: 'key-project-spread-leg-casing',
  keyProjectSpreadLegs: 'key-project-spread-legs',
  keyProjectSpreadCentre: 'key-project-spread-centre',
  keyProjectSpread: 'key-project-spread',
  selectedSpreadKeyProject: 'selected-spread-key-project',
} as const;

/** Key-project symbols: size by homes 2024–2030, biggest drawn first; used for stacked and spread symbols alike. */
const keyProjectSymbolLayout: SymbolLayerSpecification['layout'] = {
  'icon-image': ['get', 'icon'],
  'icon-size': ['interpolate', ['linear'], ['coalesce', ['get', 'homes2024To2030'], 0], ...KEY_PROJECT_SIZE_STOPS.flat()] as unknown as number,
  'icon-allow-overlap': true,
  'icon-ignore-placement': true,
  'symbol-sort-key': ['-', 0, ['coalesce', ['get', 'homes2024To2030'], 0]],
};

/**
 * The thematic fill recedes as the map zooms in (the outlines stay), so that at neighbourhood zoom
 * built-up areas, rings and projects read against a light wash instead of a flat colour. Muted (no
 * fill at all) while the suitability grid shows, so the grid's colours never blend with the theme's.
 */
export function thematicFillOpacity(muted: boolean): DataDrivenPropertyValueSpecification<number> {
  if (muted) return 0;
  return ['interpolate', ['linear'], ['zoom'], 9, 0.85, 11, 0.5, 13, 0.22, 15, 0.12];
}

/** The no-data hatch recedes with the fill, but stays a little stronger so "no figure" remains visible. */
export function thematicHatchOpacity(muted: boolean): DataDrivenPropertyValueSpecification<number> {
  if (muted) return 0;
  return ['interpolate', ['linear'], ['zoom'], 9, 1, 13, 0.45, 15, 0.3];
}

/** The thematic layers whose opacity follows thematicFillOpacity / thematicHatchOpacity. */
export const THEMATIC_FILL_LAYERS = {
  fill: [LAYER_IDS.thematicMunicipalities, LAYER_IDS.thematicPostcodes],
  hatch: [LAYER_IDS.thematicMunicipalitiesNoData, LAYER_IDS.thematicPostcodesNoData],
} as const;

const selectedRingPaint = { 'circle-radius': 18, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#000000', 'circle-stroke-width': 3 };

export function createOfflineStyle(): StyleSpecification {
  const geojson = { type: 'geojson' as const, data: emptyData };
  return {
    version: 8,
    sources: {
      [SOURCE_IDS.province]: geojson,
      [SOURCE_IDS.municipalities]: { ...geojson, promoteId: 'code' },
      [SOURCE_IDS.thematicMunicipalities]: geojson,
      [SOURCE_IDS.thematicPostcodes]: geojson,
      [SOURCE_IDS.builtUpAreas]: geojson,
      [SOURCE_IDS.places]: geojson,
      [SOURCE_IDS.municipalityLabels]: geojson,
      [SOURCE_IDS.keyProjects]: { ...geojson, promoteId: 'id' },
      [SOURCE_IDS.keyProjectStacks]: geojson,
      [SOURCE_IDS.keyProjectSpread]: geojson,
    },
    layers: [
      { id: LAYER_IDS.background, type: 'background', paint: { 'background-color': '#e8eef1' } },
      { id: LAYER_IDS.province, type: 'fill', source: SOURCE_IDS.province, paint: { 'fill-color': '#f7f4ec' } },
      {
        id: LAYER_IDS.thematicMunicipalities,
        type: 'fill',
        source: SOURCE_IDS.thematicMunicipalities,
        paint: { 'fill-color': ['get', 'fillColour'], 'fill-opacity': thematicFillOpacity(false) },
      },
      {
        id: LAYER_IDS.thematicMunicipalitiesNoData,
        type: 'fill',
        source: SOURCE_IDS.thematicMunicipalities,
        filter: ['==', ['get', 'hasData'], false],
        paint: { 'fill-pattern': 'hatch-no-data', 'fill-opacity': thematicHatchOpacity(false) },
      },
      {
        id: LAYER_IDS.thematicPostcodes,
        type: 'fill',
        source: SOURCE_IDS.thematicPostcodes,
        paint: { 'fill-color': ['get', 'fillColour'], 'fill-opacity': thematicFillOpacity(false) },
      },
      {
        id: LAYER_IDS.thematicPostcodesNoData,
        type: 'fill',
        source: SOURCE_IDS.thematicPostcodes,
        filter: ['==', ['get', 'hasData'], false],
        paint: { 'fill-pattern': 'hatch-no-data', 'fill-opacity': thematicHatchOpacity(false) },
      },
      {
        id: LAYER_IDS.thematicPostcodesOutline,
        type: 'line',
        source: SOURCE_IDS.thematicPostcodes,
        paint: { 'line-color': '#ffffff', 'line-width': 0.5 },
      },
      {
        id: LAYER_IDS.builtUpAreas,
        type: 'fill',
        source: SOURCE_IDS.builtUpAreas,
        paint: { 'fill-color': '#8c6d5a', 'fill-opacity': 0.28, 'fill-outline-color': '#6b5040' },
      },
      {
        id: LAYER_IDS.municipalityHitArea,
        type: 'fill',
        source: SOURCE_IDS.municipalities,
        paint: { 'fill-color': '#000000', 'fill-opacity': 0 },
      },
      {
        id: LAYER_IDS.municipalityBorders,
        type: 'line',
        source: SOURCE_IDS.municipalities,
        paint: { 'line-color': '#4d4d4d', 'line-width': 1, 'line-dasharray': [3, 2] },
      },
      {
        // Where loaded facility data covers only some municipalities: a wide dashed outline around them.
        id: LAYER_IDS.facilityCoverage,
        type: 'line',
        source: SOURCE_IDS.municipalities,
        filter: ['in', ['get', 'code'], ['literal', []]],
        paint: { 'line-color': '#b35806', 'line-width': 4, 'line-dasharray': [2, 1.5], 'line-opacity': 0.9 },
      },
      {
        id: LAYER_IDS.selectedMunicipality,
        type: 'line',
        source: SOURCE_IDS.municipalities,
        filter: ['==', ['get', 'code'], ''],
        paint: { 'line-color': '#000000', 'line-width': 3.5 },
      },
      {
        id: LAYER_IDS.provinceBorder,
        type: 'line',
        source: SOURCE_IDS.province,
        paint: { 'line-color': '#1a1a1a', 'line-width': 2 },
      },
      {
        id: LAYER_IDS.placeLabels,
        type: 'symbol',
        source: SOURCE_IDS.places,
        minzoom: 9,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': LABEL_FONT,
          'text-size': ['interpolate', ['linear'], ['coalesce', ['get', 'inhabitants'], 0], 0, 11, 20000, 13, 100000, 15],
          'symbol-sort-key': ['-', 0, ['coalesce', ['get', 'inhabitants'], 0]],
          'text-padding': 4,
        },
        paint: { 'text-color': '#3b2f27', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
      },
      {
        id: LAYER_IDS.keyProjects,
        type: 'symbol',
        source: SOURCE_IDS.keyProjects,
        layout: keyProjectSymbolLayout,
      },
      {
        id: LAYER_IDS.selectedKeyProject,
        type: 'circle',
        source: SOURCE_IDS.keyProjects,
        filter: ['==', ['get', 'id'], ''],
        paint: selectedRingPaint,
      },
      {
        // Where several key projects share one approximate position: how many, beside the symbol.
        id: LAYER_IDS.keyProjectStackCounts,
        type: 'symbol',
        source: SOURCE_IDS.keyProjectStacks,
        // Not at the province overview, where the counts would crowd the small symbols.
        minzoom: 8.5,
        layout: {
          'text-field': ['concat', '×', ['to-string', ['get', 'count']]],
          'text-font': LABEL_FONT,
          'text-size': 13,
          'text-anchor': 'bottom-left',
          'text-offset': [0.7, -0.5],
          'text-allow-overlap': true,
          'text-ignore-placement': true,
        },
        paint: { 'text-color': '#1a1a1a', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
      },
      {
        // A spread stack: a leg from the shared position to each project (dark on a light casing, visible on
        // every thematic colour), a dot at the position, the symbols.
        id: LAYER_IDS.keyProjectSpreadLegCasing,
        type: 'line',
        source: SOURCE_IDS.keyProjectSpread,
        filter: ['==', ['get', 'kind'], 'leg'],
        paint: { 'line-color': '#ffffff', 'line-width': 4.5 },
      },
      {
        id: LAYER_IDS.keyProjectSpreadLegs,
        type: 'line',
        source: SOURCE_IDS.keyProjectSpread,
        filter: ['==', ['get', 'kind'], 'leg'],
        paint: { 'line-color': '#1a1a1a', 'line-width': 1.5 },
      },
      {
        id: LAYER_IDS.keyProjectSpreadCentre,
        type: 'circle',
        source: SOURCE_IDS.keyProjectSpread,
        filter: ['==', ['get', 'kind'], 'centre'],
        paint: { 'circle-radius': 4, 'circle-color': '#1a1a1a', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
      },
      {
        id: LAYER_IDS.keyProjectSpread,
        type: 'symbol',
        source: SOURCE_IDS.keyProjectSpread,
        filter: ['==', ['get', 'kind'], 'project'],
        layout: keyProjectSymbolLayout,
      },
      {
        id: LAYER_IDS.selectedSpreadKeyProject,
        type: 'circle',
        source: SOURCE_IDS.keyProjectSpread,
        filter: ['==', ['get', 'id'], ''],
        paint: selectedRingPaint,
      },
      {
        id: LAYER_IDS.municipalityLabels,
        type: 'symbol',
        source: SOURCE_IDS.municipalityLabels,
        maxzoom: 10.5,
        layout: {
          // the short name (mapLabelName in domain/geography.ts)
          'text-field': ['get', 'label'],
          'text-font': LABEL_FONT,
          // Smaller at the province overview, so all 25 names fit beside each other.
          'text-size': ['interpolate', ['linear'], ['zoom'], 7.5, 9.5, 8.5, 11, 9.5, 13],
          'text-transform': 'uppercase',
          'text-letter-spacing': 0.02,
          'text-padding': 0,
          // Two-word names ("Hof van Twente") wrap; a crowded label may shift off its point to fit.
          'text-max-width': 6,
          'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right', 'top-left', 'top-right', 'bottom-left', 'bottom-right'],
          'text-radial-offset': 0.3,
        },
        paint: { 'text-color': '#1a1a1a', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
      },
    ],
  };
}
