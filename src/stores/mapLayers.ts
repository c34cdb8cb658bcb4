// Map layer choices: the thematic (choropleth) layer, the optional online background map, overlays.

import { atom, map } from 'nanostores';
import type { HousingType, TargetScenario } from '../domain/housing';

export type ThematicLayer = 'none' | 'targets' | 'olderPeople';
export type TargetMeasure = 'absolute' | 'per1000Inhabitants';
export type AgeGroup = '65plus' | '75plus' | '85plus';
export type OlderPeopleMeasure = 'count' | 'share';

export interface ThematicSettings {
  layer: ThematicLayer;
  targetScenario: TargetScenario;
  housingType: HousingType | 'total';
  targetMeasure: TargetMeasure;
  ageGroup: AgeGroup;
  olderPeopleMeasure: OlderPeopleMeasure;
}

export const $thematic = map<ThematicSettings>({
  layer: 'targets',
  targetScenario: 'basis',
  housingType: 'total',
  targetMeasure: 'absolute',
  ageGroup: '75plus',
  olderPeopleMeasure: 'share',
});

export function setThematic<K extends keyof ThematicSettings>(key: K, value: ThematicSettings[K]): void {
  $thematic.set({ ...$thematic.get(), [key]: value });
}

export type BackgroundMapStatus = 'off' | 'loading' | 'on' | 'failed';

/** The optional PDOK background map: off by default so the app makes no outside request. */
export const $backgroundMap = atom<BackgroundMapStatus>('off');

export function setBackgroundMapStatus(status: BackgroundMapStatus): void {
  $backgroundMap.set(status);
}

export const $showKeyProjects = atom(true);
export const $showBuiltUpAreas = atom(true);

export function toggleKeyProjects(): void {
  $showKeyProjects.set(!$showKeyProjects.get());
}
export function toggleBuiltUpAreas(): void {
  $showBuiltUpAreas.set(!$showBuiltUpAreas.get());
}
