// How far the map is with drawing a large facility list: MapLibre's worker gets it a few thousand
// features at a time (src/map/facilitySourceUpdater.ts), so for a while the map shows only part of it.
// The map status line says so; browser tests and the benchmark wait for it to clear.

import { map } from 'nanostores';

export type MapDrawingLayer = 'facilities' | 'preview';

export interface MapDrawingProgress {
  /** Facilities of the list the map already holds. */
  drawn: number;
  /** Facilities in the list. */
  total: number;
}

/** Per layer: the progress while a list is still being handed to the map; absent when the map shows all of it. */
export const $mapDrawing = map<Partial<Record<MapDrawingLayer, MapDrawingProgress>>>({});

export function setMapDrawingProgress(layer: MapDrawingLayer, progress: MapDrawingProgress | null): void {
  const next = { ...$mapDrawing.get() };
  if (progress === null) delete next[layer];
  else next[layer] = progress;
  $mapDrawing.set(next);
}
