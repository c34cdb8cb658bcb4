// Facilities (care locations and amenities) by dataset, which categories are shown, and the derived map data.

import { atom, batch, computed } from 'nanostores';
import { FACILITY_CATEGORIES, type Facility, type FacilityCategory, type FacilityDataset } from '../domain/facility';
import { countFacilitiesPerMunicipality } from '../analysis/facilitiesPerMunicipality';
import { $appData } from './appData';

export const $facilityDatasets = atom<FacilityDataset[]>([]);
export const $facilitiesByDataset = atom<ReadonlyMap<string, readonly Facility[]>>(new Map());
export const $hiddenCategories = atom<ReadonlySet<FacilityCategory>>(new Set());

/** Adds a dataset, or replaces the one with the same id (facilities and metadata together). */
/** Both stores change in one batch, so every derived list is computed once, not twice. */
export function putFacilityDataset(dataset: FacilityDataset, facilities: readonly Facility[]): void {
  batch(() => {
    $facilityDatasets.set([...$facilityDatasets.get().filter((existing) => existing.id !== dataset.id), dataset]);
    const byDataset = new Map($facilitiesByDataset.get());
    byDataset.set(dataset.id, facilities);
    $facilitiesByDataset.set(byDataset);
  });
}

export function removeFacilityDataset(datasetId: string): void {
  batch(() => {
    $facilityDatasets.set($facilityDatasets.get().filter((dataset) => dataset.id !== datasetId));
    const byDataset = new Map($facilitiesByDataset.get());
    byDataset.delete(datasetId);
    $facilitiesByDataset.set(byDataset);
  });
}

export function updateFacilityDataset(datasetId: string, changes: Partial<Pick<FacilityDataset, 'name' | 'hidden'>>): void {
  $facilityDatasets.set($facilityDatasets.get().map((dataset) => (dataset.id === datasetId ? { ...dataset, ...changes } : dataset)));
}

export function toggleFacilityCategory(category: FacilityCategory): void {
  const hidden = new Set($hiddenCategories.get());
  if (hidden.has(category)) hidden.delete(category);
  else hidden.add(category);
  $hiddenCategories.set(hidden);
}

/**
 * One list of several, without copying when there is only one (a large import is often all there
 * is) and with concat, not flatMap, otherwise: flatMap took about a second for 430,000 facilities.
 */
export function joinLists<T>(lists: ReadonlyArray<readonly T[]>): readonly T[] {
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  return ([] as T[]).concat(...nonEmpty);
}

/** Facilities of datasets that are not hidden (all categories): the input for analysis. */
export const $activeFacilities = computed([$facilityDatasets, $facilitiesByDataset], (datasets, byDataset) =>
  joinLists(datasets.filter((dataset) => !dataset.hidden).map((dataset) => byDataset.get(dataset.id) ?? [])),
);

/** What the map shows: active facilities minus hidden categories. */
export const $visibleFacilities = computed([$activeFacilities, $hiddenCategories], (facilities, hidden) =>
  hidden.size === 0 ? facilities : facilities.filter((facility) => !hidden.has(facility.category)),
);

export const $facilityCountsByCategory = computed($activeFacilities, (facilities) => {
  const counts = Object.fromEntries(FACILITY_CATEGORIES.map((category) => [category, 0])) as Record<FacilityCategory, number>;
  for (const facility of facilities) counts[facility.category]++;
  return counts;
});

export function facilityKey(facility: Pick<Facility, 'datasetId' | 'id'>): string {
  return `${facility.datasetId}/${facility.id}`;
}

/** Finds facilities by key (what the map and the panels pass around). */
export interface FacilityLookup {
  get(key: string): Facility | undefined;
}

function hasKey(facility: Facility, key: string): boolean {
  const { datasetId, id } = facility;
  return key.length === datasetId.length + 1 + id.length && key.charCodeAt(datasetId.length) === 47 /* '/' */ && key.startsWith(datasetId) && key.endsWith(id);
}

/**
 * A lookup that searches the list when asked (a few ms for 430,000 facilities) and remembers what it
 * found, instead of a Map of every key: that Map cost a long main-thread task and tens of MB after
 * each change of a large dataset, though a panel asks for a handful of keys.
 */
export function facilityLookup(facilities: readonly Facility[]): FacilityLookup {
  const found = new Map<string, Facility | undefined>();
  return {
    get(key) {
      if (!found.has(key)) found.set(key, facilities.find((facility) => hasKey(facility, key)));
      return found.get(key);
    },
  };
}

export const $facilitiesByKey = computed($activeFacilities, facilityLookup);

/** Facilities per category inside each municipality (all loaded, non-hidden datasets). */
export const $facilityCountsByMunicipality = computed([$activeFacilities, $appData], (facilities, data) =>
  countFacilitiesPerMunicipality(facilities, data.municipalityBoundaries?.features ?? []),
);

/** Datasets covering a municipality: those for the whole province plus those fetched for it. */
export function datasetsCovering(datasets: readonly FacilityDataset[], municipalityCode: string): FacilityDataset[] {
  return datasets.filter((dataset) => !dataset.hidden && (dataset.coverage === 'province' || dataset.coverage.includes(municipalityCode)));
}

/**
 * Municipalities that visible partial datasets (e.g. an OpenStreetMap download for one municipality)
 * cover, when no visible dataset with data covers the whole province: the map outlines them.
 */
export const $partialCoverageCodes = computed([$facilityDatasets, $facilitiesByDataset], (datasets, byDataset): string[] => {
  const withData = datasets.filter((dataset) => !dataset.hidden && dataset.kind !== 'embedded' && (byDataset.get(dataset.id)?.length ?? 0) > 0);
  if (withData.some((dataset) => dataset.coverage === 'province')) return [];
  return [...new Set(withData.flatMap((dataset) => (dataset.coverage === 'province' ? [] : dataset.coverage)))];
});
