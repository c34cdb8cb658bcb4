// How complete a count of facilities of one category is, so a count never reads as the whole truth
// when it is not: "36 treinstations; bus- en tramhaltes ontbreken" instead of a bare 36.

import type { Facility, FacilityCategory } from '../domain/facility';
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
  let count = 0;
  let onlyTrains = true;
  for (const facility of facilities) {
    if (facility.category !== category) continue;
    count++;
    if (facility.attributes.transitMode !== 'train') onlyTrains = false;
  }
  // the area asked about lies inside the province, so a whole-province declaration covers it
  if (isCompleteAt(coverage, category, municipalityCode ?? null, true)) return { kind: 'complete', count };
  const area = coverage.get(category);
  if (area !== undefined && area !== 'province' && area.size > 0 && municipalityCode === undefined) return { kind: 'completeIn', count, municipalityCodes: [...area].sort() };
  if (count === 0) return { kind: 'none' };
  if (category === 'ovHalte' && onlyTrains) return { kind: 'trainStationsOnly', count };
  return { kind: 'knownOnly', count };
}
