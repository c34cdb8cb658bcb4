// The GeoJSON the facility map sources get, planned so that hundreds of thousands of facilities never
// block the page. MapLibre's worker keeps the features; the map sends it only what changed
// (`GeoJSONSource.updateData`, features identified by their `key`), a few thousand features per
// message, so no one main-thread task clones a large list. (Before: the whole list as a Blob URL of
// JSON text, which MapLibre's worker parsed and then sent back whole to the main thread, one task of
// 9–11 s for 430,000 features under load.)
// This file plans what to send; facilityLayers.ts sends it. No MapLibre import here.

import type { Feature, FeatureCollection, Point } from 'geojson';
import { keyOf, type Facility } from '../domain/facility';
import { facilitySymbolKey } from '../domain/facilitySymbols';
import { pauseAt, runAtOnce, type Steps } from '../analysis/slicedWork';

/** Features in the first message to MapLibre's worker; later messages grow or shrink with the time they take. */
export const FIRST_UPDATE_SIZE = 4_000;
export const MIN_UPDATE_SIZE = 1_000;
export const MAX_UPDATE_SIZE = 40_000;
/** Main-thread time one message should take (building its features and cloning them to the worker). */
export const UPDATE_BUDGET_MILLISECONDS = 60;

/**
 * Added features are sent in this many interleaved rounds (every 64th facility first, then the next
 * offset, …), so a map that is still being filled shows an even thinning of the whole set, not one
 * region complete and another empty.
 */
export const SPREAD_STRIDE = 64;

export interface FacilityFeatureProperties {
  /** facilityKey: what a click selects, and the feature id MapLibre's updateData goes by (`promoteId`). */
  key: string;
  /** Shown by browser tests' description of the rendered map (data-facility-points). */
  name: string;
  /** Key into FACILITY_SYMBOLS: the icon is `facility-${symbol}`, the circle colour that symbol's colour. */
  symbol: string;
}

function symbolOf(facility: Facility): string {
  return facilitySymbolKey(facility.category, facility.attributes.transitMode);
}

export function toFeature(facility: Facility): Feature<Point, FacilityFeatureProperties> {
  return {
    type: 'Feature',
    properties: { key: keyOf(facility), name: facility.name, symbol: symbolOf(facility) },
    geometry: { type: 'Point', coordinates: [facility.location[0], facility.location[1]] },
  };
}

/** GeoJSON object for a list (what the source holds once every message of a plan is sent). */
export function toFeatureCollection(facilities: readonly Facility[]): FeatureCollection<Point, FacilityFeatureProperties> {
  return { type: 'FeatureCollection', features: facilities.map(toFeature) };
}

/** True when both records make the same feature (key aside): nothing to send again. */
export function sameFeature(sent: Facility, facility: Facility): boolean {
  return (
    sent === facility ||
    (sent.location[0] === facility.location[0] && sent.location[1] === facility.location[1] && sent.name === facility.name && symbolOf(sent) === symbolOf(facility))
  );
}

/**
 * What a source holds: for each feature key, the record its feature was made from. A record, not a
 * description of it: the source's contents then cost no string per facility.
 */
export type SourceContents = Map<string, Facility>;

export interface SourcePlan {
  /** Empty the source first: more of what it holds goes than stays. */
  removeAll: boolean;
  /** Keys to remove (empty when removeAll). */
  remove: string[];
  /** Facilities to add or replace, in spread order. */
  add: Facility[];
  /** What the source holds once the plan is sent. */
  contents: SourceContents;
}

/** Items in interleaved order: indices 0, s, 2s, …, then 1, 1+s, …; every item exactly once. */
export function spreadOrder<T>(items: readonly T[], stride = SPREAD_STRIDE): T[] {
  return runAtOnce(spreadOrderSteps(items, stride));
}

/**
 * What to send so that a source holding `current` shows `facilities`, pausing every ITEMS_PER_PAUSE
 * items (../analysis/slicedWork runs it at once or in slices between which the page stays responsive).
 */
export function* planSourceUpdateSteps(current: ReadonlyMap<string, Facility>, facilities: readonly Facility[]): Steps<SourcePlan> {
  const contents: SourceContents = new Map();
  const changed: Facility[] = [];
  for (let index = 0; index < facilities.length; index += 1) {
    if (pauseAt(index)) yield;
    const facility = facilities[index]!;
    const key = keyOf(facility);
    contents.set(key, facility);
    const sent = current.get(key);
    if (sent === undefined || !sameFeature(sent, facility)) changed.push(facility);
  }
  const remove: string[] = [];
  let looked = 0;
  for (const key of current.keys()) {
    if (pauseAt(looked)) yield;
    if (!contents.has(key)) remove.push(key);
    looked += 1;
  }
  const kept = current.size - remove.length;
  const removeAll = remove.length > 0 && remove.length > kept;
  const add = yield* spreadOrderSteps(removeAll ? facilities : changed);
  return removeAll ? { removeAll: true, remove: [], add, contents } : { removeAll: false, remove, add, contents };
}

/** spreadOrder, pausing every ITEMS_PER_PAUSE items. */
function* spreadOrderSteps<T>(items: readonly T[], stride = SPREAD_STRIDE): Steps<T[]> {
  const ordered: T[] = [];
  for (let offset = 0; offset < stride; offset += 1) {
    for (let index = offset; index < items.length; index += stride) {
      if (pauseAt(ordered.length)) yield;
      ordered.push(items[index]!);
    }
  }
  return ordered;
}

/** The size of the next message: larger when the last one was quick, smaller when it took too long. */
export function nextUpdateSize(size: number, elapsedMilliseconds: number): number {
  if (elapsedMilliseconds > UPDATE_BUDGET_MILLISECONDS * 2) return Math.max(MIN_UPDATE_SIZE, Math.floor(size / 2));
  if (elapsedMilliseconds < UPDATE_BUDGET_MILLISECONDS / 2) return Math.min(MAX_UPDATE_SIZE, Math.floor(size * 1.5));
  return size;
}
