// Where loaded facility data is complete, and what that means for a verdict. The one rule:
// a known facility within the norm proves "met" anywhere; "not met" only where a visible dataset
// declares the category complete over the whole norm circle; otherwise "no data" (the nearest
// facility may be missing).
//
// The border rule. A category is complete at a point only when the whole circle around it, with
// the largest norm distance of that category as radius, lies inside the declared-complete area: the
// union of the declared municipalities, or the province. A point in Zwolle 200 m from the border
// with a municipality without complete data may have a facility just across the border that is
// nearer than any in Zwolle, so there a missing facility within 400 m gives "no data", not "not met".
// The part of a circle outside Overijssel is never covered (as a point outside the province is
// complete nowhere). Computed once per point and area: the distance from the point to the nearest
// edge that is not complete (province outline, outlines of undeclared municipalities), through an
// edge index (edgeDistance.ts), so the 250 m grid of the province stays fast.

import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { NormProfile } from '../domain/norms';
import { createAreaIndex, ringsOf, type AreaIndex } from './areaIndex';
import { createEdgeDistanceIndex, type EdgeDistanceIndex } from './edgeDistance';
import { categoriesIn } from './categoryCompleteness';
import { declarationFor, FACILITY_CATEGORIES, type CoverageDeclaration, type Facility, type FacilityCategory, type FacilityDataset } from '../domain/facility';
import { combineVerdicts, verdictFor, type CategoryReach, type LocationReachability, type NormVerdict } from './reachability';
import { pauseAt, runAtOnce, type Steps } from './slicedWork';

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

/** Whether one dataset declares the category complete in the municipality (a whole-province declaration includes it). */
export function declaresCompleteIn(dataset: Pick<FacilityDataset, 'completeness'>, category: FacilityCategory, municipalityCode: string): boolean {
  const declaration = declarationFor(dataset, category);
  return declaration.kind === 'province' || (declaration.kind === 'municipalities' && declaration.codes.includes(municipalityCode));
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

/** The outlines a declaration refers to: the province and each municipality (CBS code). */
export interface CoverageOutlines {
  province: Polygon | MultiPolygon | null;
  municipalities: ReadonlyArray<Feature<Polygon | MultiPolygon, { code: string }>>;
}

/** Norm radius per category for one question; 0 (or absent) = only whether the point itself is covered. */
export type RadiusByCategory = (category: FacilityCategory) => number;

/**
 * Where each category is declared complete, as areas that answer the border rule at the top of this
 * file. Build once per coverage (and outlines); ask for many points.
 */
export interface CompleteAreas {
  /** Categories not complete over the whole circle of radius `radius(category)` around the point. */
  incompleteAround(point: readonly [number, number], radius: RadiusByCategory): Set<FacilityCategory>;
  /**
   * Metres around the point within which every facility of the category is known, up to
   * `limitMeters`; -1 when the point itself lies outside the declared-complete area. Complete over a
   * circle of radius r: completeRadiusMeters(category, point, r) >= r.
   */
  completeRadiusMeters(category: FacilityCategory, point: readonly [number, number], limitMeters: number): number;
}

interface AreaTester {
  inside(point: readonly [number, number]): boolean;
  /** Edges beyond which data is not complete: the province outline and undeclared municipalities' outlines. */
  edges: EdgeDistanceIndex;
}

/**
 * The declared-complete areas of a coverage. `locate` finds a point's municipality (as
 * municipalityLocator in facilitiesPerMunicipality.ts); the province test uses the province outline.
 */
export function completeAreas(coverage: CategoryCoverage, outlines: CoverageOutlines, locate: (point: [number, number]) => string | null): CompleteAreas {
  let provinceIndex: AreaIndex | null | undefined;
  const province = () => (provinceIndex === undefined ? (provinceIndex = outlines.province ? createAreaIndex(outlines.province) : null) : provinceIndex);
  const provinceRings = outlines.province ? ringsOf(outlines.province) : [];
  // One tester per distinct area (categories declared for the same municipalities share it).
  const testers = new Map<string, AreaTester>();
  const testerFor = (area: 'province' | ReadonlySet<string>): AreaTester => {
    const key = area === 'province' ? 'province' : [...area].sort().join(',');
    let tester = testers.get(key);
    if (tester) return tester;
    if (area === 'province') {
      // Without a province outline (not loaded yet) there is no border to judge: inside, as the worker then says too.
      tester = { inside: (point) => province()?.contains(point) ?? true, edges: createEdgeDistanceIndex(provinceRings) };
    } else {
      const undeclared = outlines.municipalities.filter((feature) => !area.has(feature.properties.code)).flatMap((feature) => ringsOf(feature.geometry));
      tester = { inside: (point) => area.has(locate([point[0], point[1]]) ?? ''), edges: createEdgeDistanceIndex([...provinceRings, ...undeclared]) };
    }
    testers.set(key, tester);
    return tester;
  };
  // The tester of each category, found once (the grid asks for every cell).
  const categoryTesters = new Map<FacilityCategory, AreaTester | null>();
  const testerOf = (category: FacilityCategory): AreaTester | null => {
    let tester = categoryTesters.get(category);
    if (tester === undefined) {
      const area = coverage.get(category);
      tester = area === undefined ? null : testerFor(area);
      categoryTesters.set(category, tester);
    }
    return tester;
  };
  const completeRadiusMeters = (category: FacilityCategory, point: readonly [number, number], limitMeters: number): number => {
    const tester = testerOf(category);
    if (tester === null) return -1;
    return tester.inside(point) ? tester.edges.distanceWithinMeters(point, limitMeters) : -1;
  };
  return {
    completeRadiusMeters,
    incompleteAround(point, radius) {
      const incomplete = new Set<FacilityCategory>();
      // Per area: is the point inside, and how far is its edge (once, up to the largest radius asked)?
      const groups = new Map<AreaTester, FacilityCategory[]>();
      for (const category of FACILITY_CATEGORIES) {
        const tester = testerOf(category);
        if (tester === null) {
          incomplete.add(category);
          continue;
        }
        const group = groups.get(tester);
        if (group) group.push(category);
        else groups.set(tester, [category]);
      }
      for (const [tester, categories] of groups) {
        if (!tester.inside(point)) {
          for (const category of categories) incomplete.add(category);
          continue;
        }
        const largest = Math.max(0, ...categories.map((category) => radius(category) || 0));
        const reach = tester.edges.distanceWithinMeters(point, largest);
        for (const category of categories) if (reach < (radius(category) || 0)) incomplete.add(category);
      }
      return incomplete;
    },
  };
}

/**
 * The border rule for many points at once (grid cells, centres as [lon0, lat0, lon1, lat1, …]): 1
 * where at least one of the categories is not complete over its circle, else 0. `radius` may depend
 * on the point (a distance shown per cell is exact only when its own circle is complete).
 */
export function incompletePoints(
  centers: Float64Array,
  areas: CompleteAreas,
  categories: readonly FacilityCategory[],
  radius: (category: FacilityCategory, position: number) => number,
): Uint8Array {
  const count = centers.length / 2;
  const result = new Uint8Array(count);
  const unique = [...new Set(categories)];
  const point: [number, number] = [0, 0];
  for (let position = 0; position < count; position += 1) {
    point[0] = centers[2 * position]!;
    point[1] = centers[2 * position + 1]!;
    for (const category of unique) {
      const needed = radius(category, position) || 0;
      if (areas.completeRadiusMeters(category, point, needed) < needed) {
        result[position] = 1;
        break;
      }
    }
  }
  return result;
}

/**
 * A distance-analysis result judged by the border rule: per category, the circle with the largest
 * norm distance the result judges for it (over every housing type) must lie in the complete area.
 */
export function judgeAtPoint(result: LocationReachability, areas: CompleteAreas): LocationReachability {
  const largest = new Map<FacilityCategory, number>();
  for (const verdict of Object.values(result.housingTypes)) {
    for (const norm of verdict.norms) largest.set(norm.category, Math.max(largest.get(norm.category) ?? 0, norm.maxDistanceMeters));
  }
  return applyCoverage(result, areas.incompleteAround(result.point, (category) => largest.get(category) ?? 0));
}

/**
 * The largest norm distance per category over every housing type of a profile: the radius of the
 * circle that must be complete for a category's verdicts at a point (0 for categories it does not use).
 */
export function largestNormDistances(profile: Pick<NormProfile, 'norms'>): RadiusByCategory {
  const largest = new Map<FacilityCategory, number>();
  for (const norms of Object.values(profile.norms)) {
    for (const norm of norms) largest.set(norm.category, Math.max(largest.get(norm.category) ?? 0, norm.maxDistanceMeters));
  }
  return (category) => largest.get(category) ?? 0;
}

/**
 * The result of the distance analysis judged against what is known at its point: categories in
 * `incomplete` are marked incomplete, and every norm verdict follows the rule above (a distance
 * within the norm stays "met"; beyond it, or with nothing loaded, it becomes "no data").
 */
export function applyCoverage(result: LocationReachability, incomplete: ReadonlySet<FacilityCategory>): LocationReachability {
  const categories = { ...result.categories };
  for (const category of FACILITY_CATEGORIES) {
    // a category with no route over the street is never judged "not met": not reachable here is not "none there"
    const reach = categories[category];
    const complete = !incomplete.has(category) && !(reach.status === 'noData' && reach.noRoute !== undefined);
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

/** Categories with loaded facilities that no visible dataset declares complete anywhere ("only these locations"). */
export function undeclaredCategories(datasets: readonly FacilityDataset[], byDataset: ReadonlyMap<string, readonly Facility[]>): FacilityCategory[] {
  const coverage = coverageByCategory(datasets);
  const present = new Set<FacilityCategory>();
  for (const dataset of datasets) {
    if (dataset.hidden) continue;
    for (const category of categoriesIn(byDataset.get(dataset.id) ?? [])) present.add(category);
  }
  return FACILITY_CATEGORIES.filter((category) => present.has(category) && !coverage.has(category));
}

/** Per category, the municipalities holding at least one of the facilities (sorted codes): the prefill for "complete for municipalities". */
export function municipalitiesHoldingFacilities(
  facilities: readonly Pick<Facility, 'category' | 'location'>[],
  locate: (point: [number, number]) => string | null,
): Map<FacilityCategory, string[]> {
  return runAtOnce(municipalitiesHoldingFacilitiesSteps(facilities, locate));
}

/** municipalitiesHoldingFacilities, pausing every few thousand facilities (slicedWork.ts). */
export function* municipalitiesHoldingFacilitiesSteps(
  facilities: readonly Pick<Facility, 'category' | 'location'>[],
  locate: (point: [number, number]) => string | null,
): Steps<Map<FacilityCategory, string[]>> {
  const sets = new Map<FacilityCategory, Set<string>>();
  for (let index = 0; index < facilities.length; index++) {
    if (pauseAt(index)) yield;
    const facility = facilities[index]!;
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
