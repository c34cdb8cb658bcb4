// Map layer choices: the thematic (choropleth) layer, the optional online background map, overlays.

import { atom, map } from 'nanostores';
import { BACKGROUND_MAPS, type AgeGroup, type BackgroundMap, type OlderPeopleMeasure, type TargetMeasure, type ThematicLayer, type ThematicSettings } from '../domain/mapTheme';

export type { AgeGroup, BackgroundMap, OlderPeopleMeasure, TargetMeasure, ThematicLayer, ThematicSettings };


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

const backgroundStorageKey = 'woonzorgkaart.backgroundMap';

function savedBackgroundMap(): BackgroundMap {
  try {
    const saved = globalThis.localStorage?.getItem(backgroundStorageKey);
    return (BACKGROUND_MAPS as readonly string[]).includes(saved ?? '') ? (saved as BackgroundMap) : 'offline';
  } catch {
    return 'offline';
  }
}

/**
 * Which background map: the embedded offline map (the default, no outside request) or a PDOK map
 * over it. Remembered per browser.
 */
export const $backgroundChoice = atom<BackgroundMap>(savedBackgroundMap());

/** The online background's state: 'failed' keeps the offline map and shows a message. */
export const $backgroundMap = atom<BackgroundMapStatus>($backgroundChoice.get() === 'offline' ? 'off' : 'loading');

export function setBackgroundMapStatus(status: BackgroundMapStatus): void {
  $backgroundMap.set(status);
}

export function chooseBackgroundMap(choice: BackgroundMap): void {
  $backgroundChoice.set(choice);
  $backgroundMap.set(choice === 'offline' ? 'off' : 'loading');
  try {
    globalThis.localStorage?.setItem(backgroundStorageKey, choice);
  } catch {
    // Private mode may forbid localStorage; the choice then lasts for this visit only.
  }
}

/** Tries the chosen online background again after a failure. */
export function retryBackgroundMap(): void {
  if ($backgroundChoice.get() !== 'offline') $backgroundMap.set('loading');
}

export const $showKeyProjects = atom(true);
export const $showBuiltUpAreas = atom(true);

export function toggleKeyProjects(): void {
  $showKeyProjects.set(!$showKeyProjects.get());
}
export function toggleBuiltUpAreas(): void {
  $showBuiltUpAreas.set(!$showBuiltUpAreas.get());
}
