// Facilities (care locations and amenities) by dataset, which categories are shown, and the derived map data.

import { atom, batch, computed } from 'nanostores';
import { FACILITY_CATEGORIES, type Facility, type FacilityCategory, type FacilityDataset } from '../domain/facility';
import { countByCategory } from '../analysis/facilitiesPerMunicipality';
import { completeAreas, coverageByCategory, partiallyCoveredArea, undeclaredCategories } from '../analysis/dataCoverage';
import { countCompleteness, type CountCompleteness } from '../analysis/categoryCompleteness';
import { EMPTY_FACILITY_MODEL, facilityModelSteps, type FacilityModel } from '../analysis/facilityModel';
import { latestRun, runAtOnce, SLICE_ABOVE_ITEMS } from '../analysis/slicedWork';
import { $appData, $municipalityLocator } from './appData';

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

export function updateFacilityDataset(datasetId: string, changes: Partial<Pick<FacilityDataset, 'name' | 'hidden' | 'completeness'>>): void {
  $facilityDatasets.set($facilityDatasets.get().map((dataset) => (dataset.id === datasetId ? { ...dataset, ...changes } : dataset)));
}

export function toggleFacilityCategory(category: FacilityCategory): void {
  const hidden = new Set($hiddenCategories.get());
  if (hidden.has(category)) hidden.delete(category);
  else hidden.add(category);
  $hiddenCategories.set(hidden);
}

/** Merge priority of a dataset kind: shipped data first, then the planner's own files, then OpenStreetMap. */
const MERGE_PRIORITY: Record<FacilityDataset['kind'], number> = { embedded: 0, import: 1, osm: 2 };

/**
 * The ids of the visible datasets in merge order, as one string: renaming a dataset or changing its
 * declared coverage leaves it equal, so the merged list (and the worker's index) is not rebuilt.
 */
const $mergeOrder = computed($facilityDatasets, (datasets) =>
  JSON.stringify(
    datasets
      .filter((dataset) => !dataset.hidden)
      .map((dataset, position) => ({ dataset, position }))
      .sort((a, b) => MERGE_PRIORITY[a.dataset.kind] - MERGE_PRIORITY[b.dataset.kind] || a.position - b.position)
      .map(({ dataset }) => dataset.id),
  ),
);

/**
 * Facilities of datasets that are not hidden, merged (rule: src/analysis/mergeFacilities.ts), with
 * their key and municipality lookups: rebuilt when the visible datasets, their facilities or the
 * municipality boundaries change. Above SLICE_ABOVE_ITEMS facilities the rebuild runs in
 * slices between which the page stays responsive ($facilityModelPending says so meanwhile); the
 * previous lists stay until the new ones are whole, and a newer change abandons an older rebuild.
 */
const $facilityModel = atom<FacilityModel>(EMPTY_FACILITY_MODEL);
export const $facilityModelPending = atom(false);

const $facilityModelInputs = computed([$mergeOrder, $facilitiesByDataset, $appData, $municipalityLocator], (order, byDataset, data, locate) => ({
  lists: (JSON.parse(order) as string[]).map((id) => byDataset.get(id) ?? []),
  municipalities: data.municipalityBoundaries?.features ?? [],
  locate,
}));

const modelRun = latestRun();
$facilityModelInputs.subscribe(({ lists, municipalities, locate }) => {
  const steps = facilityModelSteps(lists, municipalities, locate);
  const total = lists.reduce((sum, list) => sum + list.length, 0);
  const publish = (model: FacilityModel) =>
    batch(() => {
      $facilityModel.set(model);
      $facilityModelPending.set(false);
    });
  if (total <= SLICE_ABOVE_ITEMS) {
    modelRun.supersede();
    publish(runAtOnce(steps));
    return;
  }
  $facilityModelPending.set(true);
  void modelRun.run(steps).then((model) => model && publish(model));
});

/** The one merged list the map, the counts, the nearest searches and the tables read. */
export const $activeFacilities = computed($facilityModel, (model) => model.active);

/** What the map shows: active facilities minus hidden categories. */
export const $visibleFacilities = computed([$activeFacilities, $hiddenCategories], (facilities, hidden) =>
  hidden.size === 0 ? facilities : facilities.filter((facility) => !hidden.has(facility.category)),
);

export const $facilityCountsByCategory = computed($activeFacilities, countByCategory);

/** Per category: complete for the province, for some municipalities, or nowhere (from the visible datasets' declarations). */
export const $categoryCoverage = computed($facilityDatasets, coverageByCategory);

/**
 * Where each category is declared complete, as areas that judge a norm circle (the border rule of
 * src/analysis/dataCoverage.ts): the location panel, the key-project table and the grid ask it.
 */
export const $completeAreas = computed([$categoryCoverage, $appData, $municipalityLocator], (coverage, data, locate) =>
  completeAreas(coverage, { province: data.province?.features[0]?.geometry ?? null, municipalities: data.municipalityBoundaries?.features ?? [] }, locate),
);

/** Categories with loaded facilities that no visible dataset declares complete anywhere ("only these locations"). */
export const $undeclaredCategories = computed([$facilityDatasets, $facilitiesByDataset], undeclaredCategories);

/** Province-wide count of each category with its completeness, as the layer panel and sidebar state it. */
export const $categoryCompleteness = computed([$activeFacilities, $categoryCoverage], (facilities, coverage) =>
  Object.fromEntries(FACILITY_CATEGORIES.map((category) => [category, countCompleteness(category, facilities, coverage)])) as Record<FacilityCategory, CountCompleteness>,
);

/** The merged facility for the key of any record it stands for (so every source's key finds it). */
export const $facilitiesByKey = computed($facilityModel, (model) => model.byKey);

/** The (merged) facilities inside each municipality (all loaded, non-hidden datasets). */
export const $facilitiesByMunicipality = computed($facilityModel, (model) => model.byMunicipality);

/** Categories complete in some municipalities only, and those municipalities: the map outlines them. */
export const $partialCoverage = computed($categoryCoverage, partiallyCoveredArea);
export const $partialCoverageCodes = computed($partialCoverage, (area) => area.codes);

/** Which visible datasets have facilities inside each municipality (code → dataset ids), from the located merged list. */
export const $datasetsWithFacilitiesIn = computed($facilitiesByMunicipality, (byMunicipality) => {
  const result = new Map<string, Set<string>>();
  for (const [code, facilities] of byMunicipality) {
    const ids = new Set<string>();
    for (const facility of facilities) for (const source of facility.sources) ids.add(source.datasetId);
    result.set(code, ids);
  }
  return result;
});
