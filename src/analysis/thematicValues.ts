// Values behind the thematic map layers: housing targets per municipality and older people per postcode area.

import { HOUSING_TYPES, type HousingType, type MunicipalTarget, type TargetScenario } from '../domain/housing';
import type { Municipality, MunicipalityCode } from '../domain/geography';

export interface TargetValueOptions {
  targetScenario: TargetScenario;
  housingType: HousingType | 'total';
  measure: 'absolute' | 'per1000Inhabitants';
}

/** Target homes for one municipality in the chosen target scenario and type, or the sum of all three types. */
export function targetHomes(target: MunicipalTarget, targetScenario: TargetScenario, housingType: HousingType | 'total'): number {
  const homes = target[targetScenario];
  return housingType === 'total' ? HOUSING_TYPES.reduce((sum, type) => sum + homes[type], 0) : homes[housingType];
}

/**
 * Per municipality: the target value, or null where the source gives no per-municipality target
 * (Twente) or, per 1,000 inhabitants, where the inhabitant count is unknown.
 */
export function targetValuesByMunicipality(
  municipalities: readonly Municipality[],
  targets: readonly MunicipalTarget[],
  options: TargetValueOptions,
): Map<MunicipalityCode, number | null> {
  const targetByCode = new Map(targets.map((target) => [target.municipalityCode, target]));
  const values = new Map<MunicipalityCode, number | null>();
  for (const municipality of municipalities) {
    const target = targetByCode.get(municipality.code);
    if (!target) {
      values.set(municipality.code, null);
      continue;
    }
    const homes = targetHomes(target, options.targetScenario, options.housingType);
    if (options.measure === 'absolute') values.set(municipality.code, homes);
    else values.set(municipality.code, municipality.inhabitants ? (homes / municipality.inhabitants) * 1000 : null);
  }
  return values;
}

export interface AgeCounts {
  inhabitants: number;
  inhabitants65Plus: number;
  inhabitants75Plus: number;
  inhabitants85Plus: number;
}

/** Count of older people in the age group, or their share of all inhabitants in percent (null if no inhabitants). */
export function olderPeopleValue(
  counts: AgeCounts,
  ageGroup: '65plus' | '75plus' | '85plus',
  measure: 'count' | 'share',
): number | null {
  const count =
    ageGroup === '65plus' ? counts.inhabitants65Plus : ageGroup === '75plus' ? counts.inhabitants75Plus : counts.inhabitants85Plus;
  if (measure === 'count') return count;
  return counts.inhabitants > 0 ? (count / counts.inhabitants) * 100 : null;
}
