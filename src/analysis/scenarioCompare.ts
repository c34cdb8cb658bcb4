// The differences between two scenario plans: which sites were added, removed, moved or changed, which
// key projects sit elsewhere, and the homes per municipality and type in each. Pure; no DOM, no map.

import type { MunicipalityCode } from '../domain/geography';
import { emptySiteHomes, SITE_HOME_TYPES, type KeyProjectPlacementOverride, type ScenarioState, type Site, type SiteHomeType } from '../domain/scenario';

/**
 * How a site differs from plan A to plan B. Sites are matched by id: a duplicated scenario keeps its
 * sites' ids, so the same site in both plans is recognised even when it was renamed.
 */
export type SiteChange = 'added' | 'removed' | 'moved' | 'changed' | 'unchanged';

export interface ComparedSite {
  id: string;
  change: SiteChange;
  /** The site in plan A (null when added in B). */
  a: Site | null;
  /** The site in plan B (null when removed in B). */
  b: Site | null;
}

export interface ComparedKeyProject {
  keyProjectId: string;
  /** The planner's placement in each plan; null = at the published location. */
  a: KeyProjectPlacementOverride | null;
  b: KeyProjectPlacementOverride | null;
}

export interface HomesDifference {
  municipalityCode: MunicipalityCode;
  homeType: SiteHomeType;
  a: number;
  b: number;
  /** b − a. */
  difference: number;
}

export interface ScenarioComparison {
  /** Every site of either plan: A's order first, then the sites only in B. */
  sites: ComparedSite[];
  /** Key projects placed differently in the two plans. */
  keyProjects: ComparedKeyProject[];
  /** Per municipality (sorted by code) and home type, only where the two plans differ. */
  homes: HomesDifference[];
  /** Totals per home type over all sites. */
  totals: Record<SiteHomeType, { a: number; b: number; difference: number }>;
}

function sameLocation(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function sameOutline(a: Site['outline'], b: Site['outline']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A site's change, looking at the location first: a moved site may also have other changes. */
function siteChange(a: Site, b: Site): SiteChange {
  if (!sameLocation(a.location, b.location) || !sameOutline(a.outline, b.outline)) return 'moved';
  const changed =
    a.name !== b.name ||
    a.municipalityCode !== b.municipalityCode ||
    SITE_HOME_TYPES.some((type) => a.homes[type] !== b.homes[type]) ||
    a.tenure !== b.tenure ||
    a.phase !== b.phase ||
    a.year !== b.year ||
    a.keyProjectId !== b.keyProjectId ||
    a.notes !== b.notes;
  return changed ? 'changed' : 'unchanged';
}

function samePlacement(a: KeyProjectPlacementOverride | null, b: KeyProjectPlacementOverride | null): boolean {
  if (a === null || b === null) return a === b;
  return a.precision === b.precision && sameLocation(a.location, b.location);
}

/** Homes per municipality and type over the plan's sites. */
export function homesPerMunicipality(sites: readonly Site[]): Map<MunicipalityCode, Record<SiteHomeType, number>> {
  const result = new Map<MunicipalityCode, Record<SiteHomeType, number>>();
  for (const site of sites) {
    let row = result.get(site.municipalityCode);
    if (!row) {
      row = emptySiteHomes();
      result.set(site.municipalityCode, row);
    }
    for (const type of SITE_HOME_TYPES) row[type] += site.homes[type];
  }
  return result;
}

export function compareScenarioStates(a: ScenarioState, b: ScenarioState): ScenarioComparison {
  const bById = new Map(b.sites.map((site) => [site.id, site]));
  const aIds = new Set(a.sites.map((site) => site.id));
  const sites: ComparedSite[] = [
    ...a.sites.map((site): ComparedSite => {
      const other = bById.get(site.id);
      return other ? { id: site.id, change: siteChange(site, other), a: site, b: other } : { id: site.id, change: 'removed', a: site, b: null };
    }),
    ...b.sites.filter((site) => !aIds.has(site.id)).map((site): ComparedSite => ({ id: site.id, change: 'added', a: null, b: site })),
  ];

  const keyProjectIds = [...new Set([...a.keyProjectPlacements.keys(), ...b.keyProjectPlacements.keys()])].sort();
  const keyProjects = keyProjectIds.flatMap((keyProjectId): ComparedKeyProject[] => {
    const placementA = a.keyProjectPlacements.get(keyProjectId) ?? null;
    const placementB = b.keyProjectPlacements.get(keyProjectId) ?? null;
    return samePlacement(placementA, placementB) ? [] : [{ keyProjectId, a: placementA, b: placementB }];
  });

  const homesA = homesPerMunicipality(a.sites);
  const homesB = homesPerMunicipality(b.sites);
  const codes = [...new Set([...homesA.keys(), ...homesB.keys()])].sort();
  const homes: HomesDifference[] = [];
  const totals = Object.fromEntries(SITE_HOME_TYPES.map((type) => [type, { a: 0, b: 0, difference: 0 }])) as ScenarioComparison['totals'];
  for (const municipalityCode of codes) {
    for (const homeType of SITE_HOME_TYPES) {
      const valueA = homesA.get(municipalityCode)?.[homeType] ?? 0;
      const valueB = homesB.get(municipalityCode)?.[homeType] ?? 0;
      totals[homeType].a += valueA;
      totals[homeType].b += valueB;
      if (valueA !== valueB) homes.push({ municipalityCode, homeType, a: valueA, b: valueB, difference: valueB - valueA });
    }
  }
  for (const type of SITE_HOME_TYPES) totals[type].difference = totals[type].b - totals[type].a;
  return { sites, keyProjects, homes, totals };
}
