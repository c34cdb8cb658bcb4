// The map's entry point, loaded as a chunk of its own (MapLibre is about half of the app's code): the
// browser fetches and compiles it while the page renders, so neither lengthens the first task.

import { createMap } from './createMap';
import { connectMapSnapshot } from './mapSnapshot';

export function startMap(container: HTMLElement): void {
  const mapHandle = createMap(container);
  // Exports and presentation views reach the map through src/stores/mapSnapshot.ts.
  connectMapSnapshot(mapHandle.map);
}
