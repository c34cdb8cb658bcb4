// Facilities (care locations and amenities) by dataset, which categories are shown, and the derived map data.

import { atom, computed } from 'nanostores';
import { FACILITY_CATEGORIES, type Facility, type FacilityCategory, type FacilityDataset } from '../domain/facility';
import { countFacilitiesPerMunicipality, municipalityLocator } from '../analysis/facilitiesPerMunicipality';
import { coverageByCategory, partiallyCoveredArea } from '../analysis/dataCoverage';
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

export function updateFacilityDataset(datasetId: string, changes: Partial<Pick<FacilityDataset, 'name' | 'hidden' | 'completeness'>>): void {
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

/** Per category, where the visible datasets declare their data complete. */
export const $categoryCoverage = computed($facilityDatasets, coverageByCategory);

/** Categories complete in some municipalities only, and those municipalities: the map outlines them. */
export const $partialCoverage = computed($categoryCoverage, partiallyCoveredArea);
export const $partialCoverageCodes = computed($partialCoverage, (area) => area.codes);

/** Which visible datasets have facilities inside each municipality (code → dataset ids). */
export const $datasetsWithFacilitiesIn = computed([$facilityDatasets, $facilitiesByDataset, $appData], (datasets, byDataset, data) => {
  const locate = municipalityLocator(data.municipalityBoundaries?.features ?? []);
  const result = new Map<string, Set<string>>();
  for (const dataset of datasets) {
    if (dataset.hidden) continue;
    for (const facility of byDataset.get(dataset.id) ?? []) {
      const code = locate(facility.location);
      if (code === null) continue;
      let ids = result.get(code);
      if (!ids) result.set(code, (ids = new Set()));
      ids.add(dataset.id);
    }
  }
  return result;
});
