// Where loaded facility data is complete, and how that limits a reachability verdict: outside the
// municipalities a dataset covers, a far-away nearest facility may only be a gap in the data.

import type { FacilityCategory, FacilityDataset } from '../domain/facility';
import { combineVerdicts, verdictFor, type CategoryReach, type LocationReachability } from './reachability';

/** Per category: complete for the whole province, or only in these municipalities. */
export type CategoryCoverage = Map<FacilityCategory, 'province' | ReadonlySet<string>>;

/** Coverage of the categories the visible datasets declare complete. */
export function coverageByCategory(datasets: readonly FacilityDataset[]): CategoryCoverage {
  const coverage: CategoryCoverage = new Map();
  for (const dataset of datasets) {
    if (dataset.hidden) continue;
    for (const category of dataset.categories) {
      const current = coverage.get(category);
      if (current === 'province' || dataset.coverage === 'province') {
        coverage.set(category, 'province');
        continue;
      }
      coverage.set(category, new Set([...(current ?? []), ...dataset.coverage]));
    }
  }
  return coverage;
}

/** Categories with data somewhere that does not cover this municipality (null: outside every municipality). */
export function categoriesNotCoveredAt(coverage: CategoryCoverage, municipalityCode: string | null): Set<FacilityCategory> {
  const uncovered = new Set<FacilityCategory>();
  for (const [category, area] of coverage) {
    if (area === 'province') continue;
    if (municipalityCode === null || !area.has(municipalityCode)) uncovered.add(category);
  }
  return uncovered;
}

/** The same result with the uncovered categories as "no data", and verdicts recomputed from that. */
export function withoutUncoveredCategories(result: LocationReachability, uncovered: ReadonlySet<FacilityCategory>): LocationReachability {
  if (uncovered.size === 0) return result;
  const categories = { ...result.categories };
  for (const category of uncovered) {
    const noData: CategoryReach = { category, status: 'noData', method: result.method };
    categories[category] = noData;
  }
  const housingTypes = { ...result.housingTypes };
  for (const key of Object.keys(housingTypes) as Array<keyof typeof housingTypes>) {
    const norms = housingTypes[key].norms.map((norm) => {
      if (!uncovered.has(norm.category)) return norm;
      return { ...norm, distanceMeters: null, verdict: verdictFor(null, norm.maxDistanceMeters) };
    });
    housingTypes[key] = {
      ...housingTypes[key],
      norms,
      verdict: combineVerdicts(norms.map((norm) => norm.verdict)),
      metCount: norms.filter((norm) => norm.verdict === 'met').length,
    };
  }
  return { ...result, categories, housingTypes };
}
