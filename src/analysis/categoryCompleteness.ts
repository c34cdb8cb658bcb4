// How complete a count of facilities of one category is, so a count never reads as the whole truth
// when it is not: "36 treinstations; bus- en tramhaltes ontbreken" instead of a bare 36.

import { FACILITY_CATEGORIES, type Facility, type FacilityCategory } from '../domain/facility';
import { isCompleteAt, type CategoryCoverage } from './dataCoverage';

export type CountCompleteness =
  /** A visible dataset declares the category complete here: the count is the whole number. */
  | { kind: 'complete'; count: number }
  /** Complete only in some municipalities (codes); elsewhere only the known locations. */
  | { kind: 'completeIn'; count: number; municipalityCodes: string[] }
  /** Only railway stations are known and nothing declares public-transport stops complete. */
  | { kind: 'trainStationsOnly'; count: number }
  /** Some locations are known, but nothing declares the category complete. */
  | { kind: 'knownOnly'; count: number }
  /** Nothing known and nothing declared: no data, which is not the same as none. */
  | { kind: 'none' };

/** How many facilities of a category a list holds, and whether all of them are railway stations. */
export interface CategoryTally {
  count: number;
  onlyTrains: boolean;
}

/** Tallies per list: the stores never change a list in place, so one pass serves every later question. */
const talliesByList = new WeakMap<readonly Facility[], Record<FacilityCategory, CategoryTally>>();

/**
 * Per category, the count and whether all are railway stations, in one pass over the list
 * (remembered for the list: 430,000 facilities are counted once, not once per category and panel).
 */
export function categoryTallies(facilities: readonly Facility[]): Readonly<Record<FacilityCategory, CategoryTally>> {
  let tallies = talliesByList.get(facilities);
  if (tallies) return tallies;
  tallies = Object.fromEntries(FACILITY_CATEGORIES.map((category) => [category, { count: 0, onlyTrains: true }])) as Record<FacilityCategory, CategoryTally>;
  for (const facility of facilities) {
    const tally = tallies[facility.category];
    if (!tally) continue;
    tally.count++;
    if (facility.attributes.transitMode !== 'train') tally.onlyTrains = false;
  }
  talliesByList.set(facilities, tallies);
  return tallies;
}

/** The categories a list holds, in catalogue order. */
export function categoriesIn(facilities: readonly Facility[]): FacilityCategory[] {
  const tallies = categoryTallies(facilities);
  return FACILITY_CATEGORIES.filter((category) => tallies[category].count > 0);
}

/**
 * Completeness of a count of `facilities` (one category, already merged, inside the area asked
 * about). `municipalityCode`: the area is that municipality; undefined: the whole province.
 */
export function countCompleteness(
  category: FacilityCategory,
  facilities: readonly Facility[],
  coverage: CategoryCoverage,
  municipalityCode?: string,
): CountCompleteness {
  const { count, onlyTrains } = categoryTallies(facilities)[category];
  // the area asked about lies inside the province, so a whole-province declaration covers it
  if (isCompleteAt(coverage, category, municipalityCode ?? null, true)) return { kind: 'complete', count };
  const area = coverage.get(category);
  if (area !== undefined && area !== 'province' && area.size > 0 && municipalityCode === undefined) return { kind: 'completeIn', count, municipalityCodes: [...area].sort() };
  if (count === 0) return { kind: 'none' };
  if (category === 'ovHalte' && onlyTrains) return { kind: 'trainStationsOnly', count };
  return { kind: 'knownOnly', count };
}
