// Where loaded facility data is complete, and what that means for a verdict. The one rule:
// a known facility within the norm proves "met" anywhere; "not met" only where a visible dataset
// declares the category complete; otherwise "no data" (the nearest facility may be missing).

import { declarationFor, FACILITY_CATEGORIES, type CoverageDeclaration, type Facility, type FacilityCategory, type FacilityDataset } from '../domain/facility';
import { combineVerdicts, verdictFor, type CategoryReach, type LocationReachability, type NormVerdict } from './reachability';

/** Per category: complete for the whole province, or in these municipalities. Absent: complete nowhere. */
export type CategoryCoverage = ReadonlyMap<FacilityCategory, 'province' | ReadonlySet<string>>;

/** Joins what the visible datasets declare complete, per category. */
export function coverageByCategory(datasets: readonly FacilityDataset[]): CategoryCoverage {
  const coverage = new Map<FacilityCategory, 'province' | ReadonlySet<string>>();
  for (const dataset of datasets) {
    if (dataset.hidden) continue;
    for (const category of FACILITY_CATEGORIES) {
      const declaration = declarationFor(dataset, category);
      if (declaration.kind === 'locationsOnly') continue;
      const current = coverage.get(category);
      if (current === 'province' || declaration.kind === 'province') coverage.set(category, 'province');
      else coverage.set(category, new Set([...(current ?? []), ...declaration.codes]));
    }
  }
  return coverage;
}

/**
 * Whether every facility of the category is known at a place: in this municipality (null: in none
 * that is loaded), or for a whole-province declaration, anywhere inside the province.
 */
export function isCompleteAt(coverage: CategoryCoverage, category: FacilityCategory, municipalityCode: string | null, insideProvince = municipalityCode !== null): boolean {
  const area = coverage.get(category);
  if (area === undefined) return false;
  if (area === 'province') return insideProvince;
  return municipalityCode !== null && area.has(municipalityCode);
}

/** Categories whose data is not declared complete at the place (see isCompleteAt). */
export function incompleteCategoriesAt(coverage: CategoryCoverage, municipalityCode: string | null, insideProvince = municipalityCode !== null): Set<FacilityCategory> {
  return new Set(FACILITY_CATEGORIES.filter((category) => !isCompleteAt(coverage, category, municipalityCode, insideProvince)));
}

/** The municipalities (of `municipalityCodes`) where at least one of the categories is not complete. */
export function municipalitiesWithIncompleteData(
  coverage: CategoryCoverage,
  categories: readonly FacilityCategory[],
  municipalityCodes: readonly string[],
): string[] {
  return municipalityCodes.filter((code) => categories.some((category) => !isCompleteAt(coverage, category, code)));
}

/**
 * Categories complete in some municipalities only, and the union of those municipalities: the map
 * outlines that area. Empty when every declaration covers the whole province (or none exists).
 */
export function partiallyCoveredArea(coverage: CategoryCoverage): { categories: FacilityCategory[]; codes: string[] } {
  const categories: FacilityCategory[] = [];
  const codes = new Set<string>();
  for (const [category, area] of coverage) {
    if (area === 'province') continue;
    categories.push(category);
    for (const code of area) codes.add(code);
  }
  return { categories: FACILITY_CATEGORIES.filter((category) => categories.includes(category)), codes: [...codes].sort() };
}

/**
 * The result of the distance analysis judged against what is known at its point: categories in
 * `incomplete` are marked incomplete, and every norm verdict follows the rule above (a distance
 * within the norm stays "met"; beyond it, or with nothing loaded, it becomes "no data").
 */
export function applyCoverage(result: LocationReachability, incomplete: ReadonlySet<FacilityCategory>): LocationReachability {
  const categories = { ...result.categories };
  for (const category of FACILITY_CATEGORIES) {
    const complete = !incomplete.has(category);
    if (categories[category].complete !== complete) categories[category] = { ...categories[category], complete } as CategoryReach;
  }
  const housingTypes = { ...result.housingTypes };
  for (const key of Object.keys(housingTypes) as Array<keyof typeof housingTypes>) {
    const norms = housingTypes[key].norms.map(
      (norm): NormVerdict => ({ ...norm, verdict: verdictFor(norm.distanceMeters, norm.maxDistanceMeters, categories[norm.category].complete) }),
    );
    housingTypes[key] = {
      ...housingTypes[key],
      norms,
      verdict: combineVerdicts(norms.map((norm) => norm.verdict)),
      metCount: norms.filter((norm) => norm.verdict === 'met').length,
    };
  }
  return { ...result, categories, housingTypes };
}

/**
 * A worker result judged against the coverage declared where its point lies (`locate` gives the
 * municipality code of a point, or null); a point outside the province is complete nowhere.
 */
export function judgeAgainstCoverage(result: LocationReachability, coverage: CategoryCoverage, locate: (point: [number, number]) => string | null): LocationReachability {
  return applyCoverage(result, incompleteCategoriesAt(coverage, locate(result.point), !result.outsideProvince));
}

/** Categories with loaded facilities that no visible dataset declares complete anywhere ("only these locations"). */
export function undeclaredCategories(datasets: readonly FacilityDataset[], byDataset: ReadonlyMap<string, readonly Facility[]>): FacilityCategory[] {
  const coverage = coverageByCategory(datasets);
  const present = new Set<FacilityCategory>();
  for (const dataset of datasets) {
    if (dataset.hidden) continue;
    for (const facility of byDataset.get(dataset.id) ?? []) present.add(facility.category);
  }
  return FACILITY_CATEGORIES.filter((category) => present.has(category) && !coverage.has(category));
}

/** Per category, the municipalities holding at least one of the facilities (sorted codes): the prefill for "complete for municipalities". */
export function municipalitiesHoldingFacilities(
  facilities: readonly Pick<Facility, 'category' | 'location'>[],
  locate: (point: [number, number]) => string | null,
): Map<FacilityCategory, string[]> {
  const sets = new Map<FacilityCategory, Set<string>>();
  for (const facility of facilities) {
    const code = locate(facility.location);
    if (code === null) continue;
    let codes = sets.get(facility.category);
    if (!codes) sets.set(facility.category, (codes = new Set()));
    codes.add(code);
  }
  return new Map([...sets].map(([category, codes]) => [category, [...codes].sort()]));
}

/** Categories that share one declaration of a dataset ("volledig voor Zwolle: huisarts, supermarkt"). */
export interface DeclarationGroup {
  declaration: CoverageDeclaration;
  categories: FacilityCategory[];
}

/**
 * A dataset's declarations grouped by kind and area, for the categories it holds (`presentCategories`)
 * or declares; the dataset list and the CSV export both describe a dataset with these groups.
 */
export function declarationGroups(dataset: Pick<FacilityDataset, 'completeness'>, presentCategories: readonly FacilityCategory[]): DeclarationGroup[] {
  const groups = new Map<string, DeclarationGroup>();
  for (const category of FACILITY_CATEGORIES) {
    if (!presentCategories.includes(category) && dataset.completeness[category] === undefined) continue;
    const declaration = declarationFor(dataset, category);
    const key = declaration.kind === 'municipalities' ? declaration.codes.join(',') : declaration.kind;
    const group = groups.get(key);
    if (group) group.categories.push(category);
    else groups.set(key, { declaration, categories: [category] });
  }
  return [...groups.values()];
}
