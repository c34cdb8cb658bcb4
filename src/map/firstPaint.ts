// The map's first paint waits until everything it starts with is there: the embedded data pushed into the
// sources and every source's tiles built. Until then MapLibre keeps loading (sources, tiles, placement) but
// draws nothing, so the planner sees one complete map instead of pieces arriving one after another.
//
// Why: without a GPU (software WebGL, as on this project's test machine and on some locked-down office
// laptops) every drawn frame costs 100–300 ms of rasterising and reading back, and the start drew 13–14
// partial frames before the first complete one (tests/bench/firstMapIdle.browser.ts counts them). With a
// GPU the frames are cheap and the wait is the same as for the last piece to arrive.
//
// "Complete" includes the labels: in a frame where label tiles have just arrived, MapLibre places the
// labels it knew and marks the placement stale, which asks for one more frame. Drawn, that first frame
// lacked the newest labels and the next one had to wait for it to be rasterised (about 0.9 s more before
// the map was idle, in two of three loads); held, the next frame places every label and is drawn at once.
//
// MapLibre has no public switch for this; its painter is wrapped for the first load only. If a future
// MapLibre renames the painter, nothing is held and the map simply draws as before.

import type { Map as MapLibreMap } from 'maplibre-gl';

interface PainterHolder {
  painter?: { render?: (...args: unknown[]) => unknown };
  /** Set by MapLibre just before it paints a frame: the label placement is unfinished or stale. */
  _placementDirty?: boolean;
}

/**
 * Holds painting until `ready()` is true and the map reports every source loaded, or until `maxWaitMs`
 * (a source that never loads must not keep the map blank). Afterwards painting is never held again.
 * Returns a function that releases the hold at once (for a teardown).
 */
export function holdFirstPaint(map: MapLibreMap, ready: () => boolean, maxWaitMs = 5_000): () => void {
  const holder = map as unknown as PainterHolder;
  const painter = holder.painter;
  const render = painter?.render;
  if (!painter || typeof render !== 'function') return () => {};
  const stopHolding = () => {
    painter.render = render;
    clearTimeout(timer);
  };
  const release = () => {
    if (painter.render === render) return;
    stopHolding();
    map.triggerRepaint();
  };
  const timer = setTimeout(release, maxWaitMs);
  painter.render = function (this: unknown, ...args: unknown[]) {
    if (!ready() || !map.loaded() || holder._placementDirty === true) return undefined;
    // this frame is the first complete one: draw it, and every later one as MapLibre asks
    stopHolding();
    return render.apply(this, args);
  };
  return release;
}
