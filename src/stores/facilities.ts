// Facilities (care locations and amenities) by dataset, which categories are shown, and the derived map data.

import { atom, computed } from 'nanostores';
import { FACILITY_CATEGORIES, type Facility, type FacilityCategory, type FacilityDataset } from '../domain/facility';
import { countFacilitiesPerMunicipality } from '../analysis/facilitiesPerMunicipality';
import { $appData } from './appData';

export const $facilityDatasets = atom<FacilityDataset[]>([]);
export const $facilitiesByDataset = atom<ReadonlyMap<string, readonly Facility[]>>(new Map());
export const $hiddenCategories = atom<ReadonlySet<FacilityCategory>>(new Set());

/** Adds a dataset, or replaces the one with the same id (facilities and metadata together). */
export function putFacilityDataset(dataset: FacilityDataset, facilities: readonly Facility[]): void {
  $facilityDatasets.set([...$facilityDatasets.get().filter((existing) => existing.id !== dataset.id), dataset]);
  const byDataset = new Map($facilitiesByDataset.get());
  byDataset.set(dataset.id, facilities);
  $facilitiesByDataset.set(byDataset);
}

export function removeFacilityDataset(datasetId: string): void {
  $facilityDatasets.set($facilityDatasets.get().filter((dataset) => dataset.id !== datasetId));
  const byDataset = new Map($facilitiesByDataset.get());
  byDataset.delete(datasetId);
  $facilitiesByDataset.set(byDataset);
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

/** Facilities of datasets that are not hidden (all categories): the input for analysis. */
export const $activeFacilities = computed([$facilityDatasets, $facilitiesByDataset], (datasets, byDataset) =>
  datasets.filter((dataset) => !dataset.hidden).flatMap((dataset) => byDataset.get(dataset.id) ?? []),
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

export const $facilitiesByKey = computed($activeFacilities, (facilities) => new Map(facilities.map((facility) => [facilityKey(facility), facility])));

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
