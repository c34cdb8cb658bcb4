// A GeoJSON source fed with `updateData` describes its data only when someone reads it.
//
// Why: MapLibre attaches a description of the source to every event the source fires (each tile
// loaded, each worker update answered: Style.addSource's evented parent calls `serialize()`), and for
// a source fed with `updateData` that description copies every feature it holds into a new array
// (MapLibre 6.17–6.20). With 430,000 facilities that is one 430,000-element array per tile event:
// 13 s of main-thread work and most of the long garbage-collection pauses while a large import is
// drawn or restored (measured with `tests/bench/largeImport.browser.ts --profile`). Nobody reads those
// events' `source.data`; `map.getStyle()` (the exports' copy of the map) still gets all features.

import type { GeoJSONSource } from 'maplibre-gl';

type Serialized = ReturnType<GeoJSONSource['serialize']>;

/**
 * Makes `source.serialize()` cheap: the options are copied, the feature list is only built when
 * `data` is read. Call right after `map.addSource`, while the source is still empty.
 */
export function serializeDataLazily(source: GeoJSONSource): void {
  const serialize = source.serialize.bind(source);
  // the options (type, clustering, promoteId …) as they are now; only the data changes later
  const options: Partial<Serialized> = { ...serialize() };
  delete options.data;
  source.serialize = (): Serialized => {
    const serialized = { ...options } as Serialized;
    Object.defineProperty(serialized, 'data', { enumerable: true, configurable: true, get: () => serialize().data });
    return serialized;
  };
}
