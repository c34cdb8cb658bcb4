// Figures for a region panel (West-Overijssel, Twente or the whole province) summed from the municipalities
// and regions: inhabitants, older people, and the province's housing target from its two regions.

import { isInArea, REGION_IDS, type AreaId, type Municipality, type MunicipalityCode } from '../domain/geography';
import { addHomes, type HomesPerType, type RegionTarget } from '../domain/housing';

export interface OlderPeopleCounts {
  inhabitants65Plus: number;
  inhabitants75Plus: number;
  inhabitants85Plus: number;
}

export interface AreaTotals {
  area: AreaId;
  /** The area's municipalities, by name. */
  municipalities: Municipality[];
  /** Sum of the municipalities' inhabitants; null when any of them is unknown (a partial sum would undercount). */
  inhabitants: number | null;
  /** Sum over the municipalities' postcode areas; null when a municipality has none (no postcode data). */
  olderPeople: OlderPeopleCounts | null;
}

export function areaTotals(
  area: AreaId,
  allMunicipalities: readonly Municipality[],
  olderPeopleByMunicipality: ReadonlyMap<MunicipalityCode, OlderPeopleCounts>,
): AreaTotals {
  const municipalities = allMunicipalities.filter((municipality) => isInArea(municipality, area)).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  let inhabitants: number | null = municipalities.length > 0 ? 0 : null;
  let olderPeople: OlderPeopleCounts | null = municipalities.length > 0 ? { inhabitants65Plus: 0, inhabitants75Plus: 0, inhabitants85Plus: 0 } : null;
  for (const municipality of municipalities) {
    inhabitants = inhabitants === null || municipality.inhabitants === null ? null : inhabitants + municipality.inhabitants;
    const older = olderPeopleByMunicipality.get(municipality.code);
    olderPeople =
      olderPeople === null || older === undefined
        ? null
        : {
            inhabitants65Plus: olderPeople.inhabitants65Plus + older.inhabitants65Plus,
            inhabitants75Plus: olderPeople.inhabitants75Plus + older.inhabitants75Plus,
            inhabitants85Plus: olderPeople.inhabitants85Plus + older.inhabitants85Plus,
          };
  }
  return { area, municipalities, inhabitants, olderPeople };
}

/**
 * The province's target as the sum of its two regions' targets (each from its own regional
 * woonzorgvisie); null unless both regions are known.
 */
export function provinceTarget(regionTargets: readonly RegionTarget[]): { basis: HomesPerType; trend: HomesPerType } | null {
  const perRegion = REGION_IDS.map((region) => regionTargets.find((target) => target.region === region));
  if (perRegion.some((target) => target === undefined)) return null;
  const [first, ...rest] = perRegion as RegionTarget[];
  return rest.reduce((sum, target) => ({ basis: addHomes(sum.basis, target.basis), trend: addHomes(sum.trend, target.trend) }), {
    basis: first!.basis,
    trend: first!.trend,
  });
}
