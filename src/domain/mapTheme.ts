// The choices of the thematic (choropleth) map layer, as data: the stores, the layer panel and the
// shared-link codec (src/data/viewHash.ts) read the same lists.

import type { HousingType, TargetScenario } from './housing';

export const THEMATIC_LAYERS = ['none', 'targets', 'olderPeople'] as const;
export type ThematicLayer = (typeof THEMATIC_LAYERS)[number];
export const TARGET_MEASURES = ['absolute', 'per1000Inhabitants'] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];
export const AGE_GROUPS = ['65plus', '75plus', '85plus'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const OLDER_PEOPLE_MEASURES = ['count', 'share'] as const;
export type OlderPeopleMeasure = (typeof OLDER_PEOPLE_MEASURES)[number];

/** Background maps: the embedded offline map (default) or one of PDOK's tiled maps over it. */
export const BACKGROUND_MAPS = ['offline', 'brtGrijs', 'luchtfoto'] as const;
export type BackgroundMap = (typeof BACKGROUND_MAPS)[number];

/** What the thematic layer shows: one owner for the map's settings and the shared link that carries them. */
export interface ThematicSettings {
  layer: ThematicLayer;
  targetScenario: TargetScenario;
  housingType: HousingType | 'total';
  targetMeasure: TargetMeasure;
  ageGroup: AgeGroup;
  olderPeopleMeasure: OlderPeopleMeasure;
}
