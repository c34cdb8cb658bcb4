// Facilities (care locations and amenities) by dataset, which categories are shown, and the derived map data.

import { atom, batch, computed } from 'nanostores';
import { FACILITY_CATEGORIES, type Facility, type FacilityCategory, type FacilityDataset } from '../domain/facility';
import { countByCategory, facilitiesPerMunicipality } from '../analysis/facilitiesPerMunicipality';
import { coverageByCategory } from '../analysis/dataCoverage';
import { countCompleteness, type CountCompleteness } from '../analysis/categoryCompleteness';
import { mergeFacilities, mergedFacilitiesBySourceKey, type MergedFacility } from '../analysis/mergeFacilities';
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

/** Merge priority of a dataset kind: shipped data first, then the planner's own files, then OpenStreetMap. */
const MERGE_PRIORITY: Record<FacilityDataset['kind'], number> = { embedded: 0, import: 1, osm: 2 };

/**
 * Facilities of datasets that are not hidden (all categories), with the same facility from several
 * datasets merged into one that lists all its sources (rule: src/analysis/mergeFacilities.ts).
 * The one list the map, the counts, the nearest searches and the tables read.
 */
export const $activeFacilities = computed([$facilityDatasets, $facilitiesByDataset], (datasets, byDataset): MergedFacility[] => {
  const visible = datasets.filter((dataset) => !dataset.hidden);
  const ordered = visible
    .map((dataset, position) => ({ dataset, position }))
    .sort((a, b) => MERGE_PRIORITY[a.dataset.kind] - MERGE_PRIORITY[b.dataset.kind] || a.position - b.position);
  return mergeFacilities(ordered.map(({ dataset }) => byDataset.get(dataset.id) ?? []));
});

/** What the map shows: active facilities minus hidden categories. */
export const $visibleFacilities = computed([$activeFacilities, $hiddenCategories], (facilities, hidden) =>
  hidden.size === 0 ? facilities : facilities.filter((facility) => !hidden.has(facility.category)),
);

export const $facilityCountsByCategory = computed($activeFacilities, countByCategory);

/** Per category: complete for the province, for some municipalities, or nowhere (from the visible datasets' declarations). */
export const $categoryCoverage = computed($facilityDatasets, coverageByCategory);

/** Province-wide count of each category with its completeness, as the layer panel and sidebar state it. */
export const $categoryCompleteness = computed([$activeFacilities, $categoryCoverage], (facilities, coverage) =>
  Object.fromEntries(FACILITY_CATEGORIES.map((category) => [category, countCompleteness(category, facilities, coverage)])) as Record<FacilityCategory, CountCompleteness>,
);

export function facilityKey(facility: Pick<Facility, 'datasetId' | 'id'>): string {
  return `${facility.datasetId}/${facility.id}`;
}

/** The merged facility for the key of any record it stands for (so every source's key finds it). */
export const $facilitiesByKey = computed($activeFacilities, mergedFacilitiesBySourceKey);

/** The (merged) facilities inside each municipality (all loaded, non-hidden datasets). */
export const $facilitiesByMunicipality = computed([$activeFacilities, $appData], (facilities, data) =>
  facilitiesPerMunicipality(facilities, data.municipalityBoundaries?.features ?? []),
);

/** Facilities per category inside each municipality. */
export const $facilityCountsByMunicipality = computed($facilitiesByMunicipality, (byMunicipality) => {
  const counts = new Map<string, ReturnType<typeof countByCategory>>();
  for (const [code, facilities] of byMunicipality) counts.set(code, countByCategory(facilities));
  return counts;
});

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
