// Keeps one GeoJSON source in MapLibre's worker in step with a list of facilities, and keeps the
// layers' drawing mode safe while the list changes size.
//
// Why the order matters: a layer's zoom range reaches MapLibre's worker with the next frame and makes
// it rebuild the source's tiles at once, while the data goes in separate messages. If the icon layer
// switched to "icons at every zoom" before the worker had dropped a large list, it would build a
// low-zoom tile with more than 32,768 icons, which MapLibre cannot draw (its symbol buffers break).
// So the mode for the larger of "what the worker holds" and "what comes" is set before the first
// message, and the mode for the final list only after the worker has confirmed the last one.

import type { GeoJSONSource, GeoJSONSourceDiff, Map as MapLibreMap } from 'maplibre-gl';
import { keyOf, type Facility } from '../domain/facility';
import { setMapDrawingProgress, type MapDrawingLayer, type MapDrawingProgress } from '../stores/mapDrawing';
import { FIRST_UPDATE_SIZE, nextUpdateSize, planSourceUpdateSteps, toFeature, type SourceContents } from './facilityGeoJson';
import { runInSlices, yieldToPage } from '../analysis/slicedWork';
import { serializeDataLazily } from './lazySourceSerialization';

/** What the updater needs of the map: the source to feed and the element carrying the test markers. */
export type UpdaterMap = Pick<MapLibreMap, 'getSource' | 'getContainer'>;

/**
 * Returns a function that sends MapLibre's worker only what changed (`updateData`, features
 * identified by `key`), in messages sized to stay near UPDATE_BUDGET_MILLISECONDS of main-thread
 * work each, one after the other. A newer list stops the older one between messages; `held` always
 * says what the worker has been sent, so the next plan starts from the truth. `applyMode(count)`
 * sets the layers' drawing for a source of `count` points (see the ordering rule above). While
 * more than one message is needed the progress goes to the store. Create it right after the (empty)
 * source is added: from then on the source describes its features only when asked (see
 * ./lazySourceSerialization.ts), which every source fed with `updateData` needs.
 */
export function sourceUpdater(
  map: UpdaterMap,
  sourceId: string,
  layer: MapDrawingLayer,
  applyMode: (count: number) => void,
): (facilities: readonly Facility[]) => Promise<void> {
  const fed = map.getSource(sourceId) as GeoJSONSource | undefined;
  if (fed) serializeDataLazily(fed);
  let generation = 0;
  let size = FIRST_UPDATE_SIZE;
  /** What MapLibre's worker has been sent: each key's record (replaced by the plan's once a list is all sent). */
  let held: SourceContents = new Map();
  const container = map.getContainer();
  const marker = layer === 'facilities' ? 'facilityMapPending' : 'previewMapPending';
  const report = (progress: MapDrawingProgress | null) => {
    setMapDrawingProgress(layer, progress);
    // For browser tests and the benchmark: "drawn/total" while the map is being filled, "" once it holds the list.
    container.dataset[marker] = progress ? `${progress.drawn}/${progress.total}` : '';
  };
  return async (facilities) => {
    generation += 1;
    const mine = generation;
    const stillWanted = () => mine === generation;
    const source = map.getSource(sourceId) as GeoJSONSource | undefined;
    if (!source) return;
    applyMode(Math.max(held.size, facilities.length));
    container.dataset[marker] = 'planning';
    const plan = await runInSlices(planSourceUpdateSteps(held, facilities), { stillWanted });
    if (plan === null) return;
    let removeAll = plan.removeAll;
    let removed = 0;
    let added = 0;
    const messages = () => Math.ceil((plan.remove.length - removed + plan.add.length - added) / size) + (removeAll ? 1 : 0);
    const total = plan.contents.size;
    const drawn = () => total - (plan.add.length - added);
    const showsProgress = messages() > 1;
    if (showsProgress) report({ drawn: drawn(), total });
    while (removeAll || removed < plan.remove.length || added < plan.add.length) {
      if (!stillWanted()) return;
      const started = performance.now();
      const diff: GeoJSONSourceDiff = {};
      if (removeAll) {
        diff.removeAll = true;
        held.clear();
        removeAll = false;
      }
      if (removed < plan.remove.length) {
        const keys = plan.remove.slice(removed, removed + size);
        removed += keys.length;
        for (const key of keys) held.delete(key);
        diff.remove = keys;
      } else {
        const chunk = plan.add.slice(added, added + size);
        added += chunk.length;
        for (const facility of chunk) held.set(keyOf(facility), facility);
        diff.add = chunk.map(toFeature);
      }
      const sent = source.updateData(diff);
      await yieldToPage();
      size = nextUpdateSize(size, performance.now() - started);
      await sent;
      if (showsProgress && stillWanted()) report({ drawn: drawn(), total });
    }
    if (!stillWanted()) return;
    // The worker now holds exactly the new list; keep its records, not the older equal ones.
    held = plan.contents;
    // Only now may a smaller list's mode take effect.
    applyMode(held.size);
    report(null);
  };
}
