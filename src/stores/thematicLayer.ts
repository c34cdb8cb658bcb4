// Derived data for the thematic map layer and its legend, recomputed when data or settings change.

import { computed } from 'nanostores';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { classIndexOf, NO_DATA_COLOUR, quantileBreaks, type ClassBreaks } from '../analysis/classBreaks';
import { olderPeopleValue, targetValuesByMunicipality } from '../analysis/thematicValues';
import { $appData } from './appData';
import { $thematic, type ThematicSettings } from './mapLayers';
import { $gridSettings } from './suitabilityGrid';

/** While the suitability grid shows, the thematic fill is switched off (the legend says so), so the two never blend. */
export const $thematicMuted = computed([$gridSettings, $thematic], (grid, thematic) => grid.mode !== 'off' && thematic.layer !== 'none');

export interface ThematicFeatureProperties {
  key: string;
  name: string;
  /** null = no data for this area. */
  value: number | null;
  fillColour: string;
  hasData: boolean;
}

export interface ThematicLegend {
  settings: ThematicSettings;
  breaks: ClassBreaks | null;
  noDataCount: number;
  /** Source ids behind the values, shown with the legend. */
  sourceIds: string[];
}

export interface ThematicLayerData {
  municipalities: FeatureCollection<Polygon | MultiPolygon, ThematicFeatureProperties>;
  postcodeAreas: FeatureCollection<Polygon | MultiPolygon, ThematicFeatureProperties>;
  legend: ThematicLegend;
}

const emptyCollection = <P>(): FeatureCollection<Polygon | MultiPolygon, P> => ({ type: 'FeatureCollection', features: [] });

function decorate<P>(
  features: Feature<Polygon | MultiPolygon, P>[],
  keyOf: (properties: P) => string,
  nameOf: (properties: P) => string,
  valueOf: (properties: P) => number | null,
): { collection: FeatureCollection<Polygon | MultiPolygon, ThematicFeatureProperties>; breaks: ClassBreaks | null; noDataCount: number } {
  const values = features.map((feature) => valueOf(feature.properties));
  const breaks = quantileBreaks(values.filter((value): value is number => value !== null));
  let noDataCount = 0;
  const decorated = features.map((feature, index) => {
    const value = values[index] ?? null;
    if (value === null) noDataCount++;
    const fillColour = value === null || !breaks ? NO_DATA_COLOUR : breaks.colours[classIndexOf(value, breaks)]!;
    return {
      type: 'Feature' as const,
      id: index,
      geometry: feature.geometry,
      properties: { key: keyOf(feature.properties), name: nameOf(feature.properties), value, fillColour, hasData: value !== null },
    };
  });
  return { collection: { type: 'FeatureCollection', features: decorated }, breaks, noDataCount };
}

export const $thematicLayer = computed([$appData, $thematic], (data, settings): ThematicLayerData => {
  const legendBase = { settings, breaks: null, noDataCount: 0, sourceIds: [] as string[] };
  if (settings.layer === 'targets' && data.municipalityBoundaries && data.municipalities && data.targets) {
    const values = targetValuesByMunicipality(data.municipalities, data.targets, {
      targetScenario: settings.targetScenario,
      housingType: settings.housingType,
      measure: settings.targetMeasure,
    });
    const result = decorate(
      data.municipalityBoundaries.features,
      (properties) => properties.code,
      (properties) => properties.name,
      (properties) => values.get(properties.code) ?? null,
    );
    const sourceIds = [...new Set(data.targets.map((target) => target.source))];
    if (settings.targetMeasure === 'per1000Inhabitants') {
      sourceIds.push(...new Set(data.municipalities.map((municipality) => municipality.inhabitantsSource)));
    }
    return {
      municipalities: result.collection,
      postcodeAreas: emptyCollection(),
      legend: { settings, breaks: result.breaks, noDataCount: result.noDataCount, sourceIds },
    };
  }
  if (settings.layer === 'olderPeople' && data.olderPeople) {
    const result = decorate(
      data.olderPeople.features,
      (properties) => properties.postcode,
      (properties) => `${properties.postcode} ${properties.place}`,
      (properties) => olderPeopleValue(properties, settings.ageGroup, settings.olderPeopleMeasure),
    );
    return {
      municipalities: emptyCollection(),
      postcodeAreas: result.collection,
      legend: { settings, breaks: result.breaks, noDataCount: result.noDataCount, sourceIds: data.olderPeopleSource ? [data.olderPeopleSource] : [] },
    };
  }
  return { municipalities: emptyCollection(), postcodeAreas: emptyCollection(), legend: legendBase };
});
