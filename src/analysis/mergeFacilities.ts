// One facility is counted once: facilities from different datasets that describe the same place
// (the shipped railway station and the same station fetched from OpenStreetMap) become one merged
// facility that lists all its sources. Map, counts, nearest searches and tables all read the merged list.
//
// The merge rule. Two facilities from DIFFERENT datasets are the same facility when all of these hold:
//   1. same category; for public-transport stops also the same transit mode (or one of them unknown),
//      so a bus stop in front of a station stays a separate stop;
//   2. names equal after normalisation (normaliseFacilityName), or one of the two names missing;
//   3. straight-line distance at most MERGE_DISTANCE_METERS (150 m) when the names are equal, or at
//      most MERGE_DISTANCE_UNNAMED_METERS (50 m) when one name is missing (less evidence, so closer).
// Facilities of the SAME dataset are never merged: each record of a dataset is that dataset's own claim.
//
// Order and ties. Datasets are taken in priority order (the caller's order; the stores put shipped
// data first, then own files, then OpenStreetMap) and facilities in dataset order. Each facility not
// yet merged starts a group and is its primary (its id, location and name identify the merged
// facility); from every other dataset the group takes the nearest matching facility not yet taken
// (ties: the earlier one). So a group holds at most one facility per dataset, and the result does
// not depend on how candidates are found: the kd-tree version here and the naive pairwise loop in
// the facility benchmark give the same groups.
//
// 150 m: the coordinates of one station in the DOVA stop-place register and in OpenStreetMap
// (station building, platform centre) lie tens of metres apart, up to about 100 m at large
// stations; two different facilities of one category with the same name within 150 m are rare.

import KDBush from 'kdbush';
import { categoryCode, FACILITY_CATEGORIES, facilityKey, type Facility, type FacilityAttributes, type FacilityCategory, type KeyedFacility } from '../domain/facility';
import { DEGREES_TO_RADIANS, EARTH_RADIUS_METERS, haversineMeters } from './sphericalDistance';
import { pauseAt, runAtOnce, type Steps } from './slicedWork';

/** Largest distance between two facilities with equal normalised names that are merged. */
export const MERGE_DISTANCE_METERS = 150;
/** Largest distance when one of the two has no name. */
export const MERGE_DISTANCE_UNNAMED_METERS = 50;

/** A facility as the app shows and counts it: the primary record plus every record it merges. */
export interface MergedFacility extends KeyedFacility {
  /** All records this facility stands for, primary first; one per dataset. */
  sources: readonly Facility[];
}

/** Words that only say what kind of stop a name belongs to ("Station Zwolle" = "Zwolle"). */
const GENERIC_STOP_WORDS = new Set(['station', 'treinstation', 'spoorwegstation', 'ns', 'halte', 'bushalte', 'tramhalte']);

/**
 * Name normalisation for matching: Unicode compatibility form, accents removed (Mariënberg =
 * Marienberg), lower case, every run of characters other than letters and digits becomes one
 * space ("'s-Heerenbroek" = "s heerenbroek"), trimmed. For public-transport stops the generic
 * words station, treinstation, spoorwegstation, NS, halte, bushalte and tramhalte are dropped.
 * An empty result means the name is missing.
 */
export function normaliseFacilityName(name: string, category: FacilityCategory): string {
  let text = name.toLowerCase();
  // eslint-disable-next-line no-control-regex -- plain ASCII needs no Unicode decomposition (the common, fast case)
  if (!/^[\x00-\x7f]*$/.test(text)) text = text.normalize('NFKD').replace(/\p{M}/gu, '');
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
  return (category === 'ovHalte' ? words.filter((word) => !GENERIC_STOP_WORDS.has(word)) : words).join(' ');
}

function transitModesMatch(a: Facility, b: Facility): boolean {
  const modeA = a.attributes.transitMode ?? 'unknown';
  const modeB = b.attributes.transitMode ?? 'unknown';
  return modeA === modeB || modeA === 'unknown' || modeB === 'unknown';
}

/** Largest distance at which two facilities may merge, or -1 when their category, mode or names differ. */
function mergeDistance(a: Facility, nameA: string, b: Facility, nameB: string): number {
  if (a.category !== b.category || !transitModesMatch(a, b)) return -1;
  if (nameA === '' || nameB === '') return MERGE_DISTANCE_UNNAMED_METERS;
  return nameA === nameB ? MERGE_DISTANCE_METERS : -1;
}

interface Entry {
  facility: Facility;
  /** Position of the facility's dataset in the priority order. */
  dataset: number;
  /** Normalised name, computed when first needed (most facilities have no neighbour to compare with). */
  name?: string;
}

function* entriesOf(datasets: ReadonlyArray<readonly Facility[]>): Steps<Entry[]> {
  const entries: Entry[] = [];
  for (let dataset = 0; dataset < datasets.length; dataset++) {
    for (const facility of datasets[dataset]!) {
      if (pauseAt(entries.push({ facility, dataset }))) yield;
    }
  }
  return entries;
}

function nameOf(entry: Entry): string {
  entry.name ??= normaliseFacilityName(entry.facility.name, entry.facility.category);
  return entry.name;
}

/**
 * Candidate finder: indexes of entries that might lie within `MERGE_DISTANCE_METERS` of entry `index`
 * (a superset; the rule itself is checked by the caller).
 */
type CandidateFinder = (index: number) => Iterable<number>;

function* groupEntries(entries: readonly Entry[], datasetCount: number, candidatesOf: CandidateFinder): Steps<MergedFacility[]> {
  const taken = new Uint8Array(entries.length);
  const merged: MergedFacility[] = [];
  const bestIndex = new Int32Array(datasetCount);
  const bestDistance = new Float64Array(datasetCount);
  for (let index = 0; index < entries.length; index++) {
    if (pauseAt(index)) yield;
    if (taken[index] === 1) continue;
    taken[index] = 1;
    const primary = entries[index]!;
    bestIndex.fill(-1);
    let found = false;
    for (const candidate of candidatesOf(index)) {
      if (taken[candidate] === 1) continue;
      const other = entries[candidate]!;
      if (other.dataset === primary.dataset) continue;
      if (other.facility.category !== primary.facility.category) continue;
      const limit = mergeDistance(primary.facility, nameOf(primary), other.facility, nameOf(other));
      if (limit < 0) continue;
      const [lonA, latA] = primary.facility.location;
      const [lonB, latB] = other.facility.location;
      const distance = haversineMeters(lonA, latA, lonB, latB);
      if (distance > limit) continue;
      const current = bestIndex[other.dataset]!;
      if (current === -1 || distance < bestDistance[other.dataset]! || (distance === bestDistance[other.dataset]! && candidate < current)) {
        bestIndex[other.dataset] = candidate;
        bestDistance[other.dataset] = distance;
        found = true;
      }
    }
    if (!found) {
      merged.push(alone(primary.facility));
      continue;
    }
    const sources = [primary.facility];
    for (let dataset = 0; dataset < datasetCount; dataset++) {
      const chosen = bestIndex[dataset]!;
      if (chosen < 0) continue;
      taken[chosen] = 1;
      sources.push(entries[chosen]!.facility);
    }
    merged.push(combine(sources));
  }
  return merged;
}

/** A facility that merges with nothing (a literal of fixed shape: far quicker than a spread for 430,000). */
function alone(facility: Facility): MergedFacility {
  return {
    id: facility.id,
    name: facility.name,
    category: facility.category,
    location: facility.location,
    datasetId: facility.datasetId,
    attributes: facility.attributes,
    key: facilityKey(facility),
    sources: [facility],
  };
}

/** The merged record: the primary's id, dataset, location and category; gaps filled from the others in order. */
function combine(sources: readonly Facility[]): MergedFacility {
  const primary = sources[0]!;
  const attributes: FacilityAttributes = { ...primary.attributes };
  let name = primary.name;
  for (const other of sources.slice(1)) {
    if (name === '') name = other.name;
    if (attributes.address === undefined && other.attributes.address !== undefined) attributes.address = other.attributes.address;
    if (attributes.operator === undefined && other.attributes.operator !== undefined) attributes.operator = other.attributes.operator;
    if (attributes.capacity === undefined && other.attributes.capacity !== undefined) attributes.capacity = other.attributes.capacity;
    if ((attributes.transitMode === undefined || attributes.transitMode === 'unknown') && other.attributes.transitMode !== undefined) {
      attributes.transitMode = other.attributes.transitMode;
    }
  }
  return { ...primary, name, attributes, key: facilityKey(primary), sources };
}

/** Metres per degree of latitude on the sphere of haversineMeters. */
const METERS_PER_DEGREE = EARTH_RADIUS_METERS * DEGREES_TO_RADIANS;

/**
 * Merges facilities across datasets by the rule at the top of this file. `datasets` holds one list
 * per dataset in priority order (hidden datasets left out by the caller). With one dataset or none,
 * every facility stays on its own. Uses one kd-tree per dataset and category: a facility is only
 * compared with facilities of its own category in the other datasets, so a category that only one
 * dataset holds (most of a large import beside the 36 shipped stations) needs no search at all.
 */
export function mergeFacilities(datasets: ReadonlyArray<readonly Facility[]>): MergedFacility[] {
  return runAtOnce(mergeFacilitiesSteps(datasets));
}

/**
 * Points per kd-tree: a larger group gets several trees, each built in a step of its own, so the page
 * can answer between them (one tree over the 400,000 points of a large import's category took a task
 * of about 250 ms). A search asks every tree of the group; each answers in microseconds.
 */
export const MERGE_TREE_POINTS = 32_768;

/** mergeFacilities, pausing every few thousand facilities and after each kd-tree (see slicedWork.ts). */
export function* mergeFacilitiesSteps(datasets: ReadonlyArray<readonly Facility[]>, treePoints = MERGE_TREE_POINTS): Steps<MergedFacility[]> {
  if (datasets.filter((facilities) => facilities.length > 0).length < 2) {
    const merged: MergedFacility[] = [];
    for (const facilities of datasets) {
      for (const facility of facilities) {
        if (pauseAt(merged.push(alone(facility)))) yield;
      }
    }
    return merged;
  }
  const entries = yield* entriesOf(datasets);
  // Entry positions per dataset and category (group = dataset * categories + category).
  const categoryCount = FACILITY_CATEGORIES.length;
  const groupOf = (entry: Entry) => entry.dataset * categoryCount + categoryCode(entry.facility.category);
  const members: number[][] = Array.from({ length: datasets.length * categoryCount }, () => []);
  entries.forEach((entry, index) => members[groupOf(entry)]!.push(index));
  // Trees only where two datasets share a category: a group is searched only from other datasets.
  const trees: Array<Array<{ tree: KDBush; first: number }>> = members.map(() => []);
  for (let group = 0; group < members.length; group++) {
    const dataset = Math.floor(group / categoryCount);
    const category = group % categoryCount;
    const shared = datasets.some((_, other) => other !== dataset && members[other * categoryCount + category]!.length > 0);
    if (!shared) continue;
    const groupMembers = members[group]!;
    for (let first = 0; first < groupMembers.length; first += treePoints) {
      const part = groupMembers.slice(first, first + treePoints);
      const tree = new KDBush(part.length, 64, Float64Array);
      for (const member of part) tree.add(entries[member]!.facility.location[0], entries[member]!.facility.location[1]);
      tree.finish();
      trees[group]!.push({ tree, first });
      yield;
    }
  }
  // A box a little larger than the largest merge distance; the haversine check decides.
  const latitudeMargin = (MERGE_DISTANCE_METERS / METERS_PER_DEGREE) * 1.01;
  const none: number[] = [];
  return yield* groupEntries(entries, datasets.length, (index) => {
    const entry = entries[index]!;
    const category = groupOf(entry) - entry.dataset * categoryCount;
    let found: number[] | null = null;
    for (let dataset = 0; dataset < datasets.length; dataset++) {
      const group = dataset * categoryCount + category;
      if (dataset === entry.dataset) continue;
      const [lon, lat] = entry.facility.location;
      const longitudeMargin = latitudeMargin / Math.cos(Math.min(89, Math.abs(lat) + latitudeMargin) * DEGREES_TO_RADIANS);
      for (const { tree, first } of trees[group]!) {
        for (const id of tree.range(lon - longitudeMargin, lat - latitudeMargin, lon + longitudeMargin, lat + latitudeMargin)) {
          (found ??= []).push(members[group]![first + id]!);
        }
      }
    }
    return found ?? none;
  });
}

/**
 * The previous search: one kd-tree over every facility, searched around each of them, whatever its
 * category. Same result; kept as the benchmark's baseline (a large import beside the shipped stations).
 */
export function mergeFacilitiesOneTree(datasets: ReadonlyArray<readonly Facility[]>): MergedFacility[] {
  const entries = runAtOnce(entriesOf(datasets));
  const tree = new KDBush(Math.max(1, entries.length), 64, Float64Array);
  for (const { facility } of entries) tree.add(facility.location[0], facility.location[1]);
  tree.finish();
  const latitudeMargin = (MERGE_DISTANCE_METERS / METERS_PER_DEGREE) * 1.01;
  return runAtOnce(groupEntries(entries, datasets.length, (index) => {
    const [lon, lat] = entries[index]!.facility.location;
    const longitudeMargin = latitudeMargin / Math.cos(Math.min(89, Math.abs(lat) + latitudeMargin) * DEGREES_TO_RADIANS);
    return tree.range(lon - longitudeMargin, lat - latitudeMargin, lon + longitudeMargin, lat + latitudeMargin);
  }));
}

/** The same rule with every pair compared (O(n²)): the reference for tests and the benchmark. */
export function mergeFacilitiesPairwise(datasets: ReadonlyArray<readonly Facility[]>): MergedFacility[] {
  const entries = runAtOnce(entriesOf(datasets));
  const all = entries.map((_, index) => index);
  return runAtOnce(groupEntries(entries, datasets.length, () => all));
}

/** Key of every record a merged facility stands for, pointing at the merged facility. */
export function mergedFacilitiesBySourceKey(merged: readonly MergedFacility[]): Map<string, MergedFacility> {
  return runAtOnce(mergedFacilitiesBySourceKeySteps(merged));
}

/** mergedFacilitiesBySourceKey, pausing every few thousand facilities. */
export function* mergedFacilitiesBySourceKeySteps(merged: readonly MergedFacility[]): Steps<Map<string, MergedFacility>> {
  const byKey = new Map<string, MergedFacility>();
  for (let index = 0; index < merged.length; index++) {
    if (pauseAt(index)) yield;
    const facility = merged[index]!;
    // the primary record (sources[0]) is found by the merged facility's own key: one string, shared
    byKey.set(facility.key, facility);
    for (let source = 1; source < facility.sources.length; source++) byKey.set(facilityKey(facility.sources[source]!), facility);
  }
  return byKey;
}
