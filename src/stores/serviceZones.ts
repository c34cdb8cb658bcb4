// Woonservicegebieden on screen: whether they show, the definitions (kept with the open draft, or
// for this session when no draft is open), the worker's answer, the municipalities hatched as
// "geen gegevens", and per key project and scenario site inside / outside / no data.

import { atom, computed } from 'nanostores';
import type { DataIssue } from '../domain/dataIssue';
import { activeZoneDefinition, defaultZoneDefinitionSet, zoneCategoryDistances, type ZoneDefinitionSet } from '../domain/serviceZones';
import { municipalitiesWithIncompleteData } from '../analysis/dataCoverage';
import { zoneDataGaps, zoneMembership, type ZoneMembershipAnswer } from '../analysis/serviceZones';
import type { ZoneMembership } from '../analysis/dasymetric';
import type { ZoneAnalysis, ZoneElementDistance, ZoneSite } from '../analysis/zoneAnalysis';
import { $appData } from './appData';
import { $categoryCoverage, $completeAreas } from './facilities';
import { $planKeyProjects } from './planKeyProjects';
import { $scenarioReachSites } from './scenarioSiteAnalysis';
import { $activeScenario, setScenarioZoneDefinitions } from './scenarios';
import { $translate } from './language';

export const $zonesVisible = atom(false);

export function setZonesVisible(visible: boolean): void {
  $zonesVisible.set(visible);
}

/** Definitions when no draft is open (this session only). */
const $sessionZoneDefinitions = atom<ZoneDefinitionSet>(defaultZoneDefinitionSet());

export const $zoneDefinitions = computed([$activeScenario, $sessionZoneDefinitions], (scenario, session) => scenario?.zoneDefinitions ?? session);

export const $activeZoneDefinition = computed($zoneDefinitions, activeZoneDefinition);

/** Stores a valid set (the UI validates at the field first): with the open draft, else for the session. */
export function setZoneDefinitions(set: ZoneDefinitionSet): void {
  const scenario = $activeScenario.get();
  if (scenario) setScenarioZoneDefinitions(scenario.id, set);
  else $sessionZoneDefinitions.set(set);
}

export type ZoneResult =
  | { status: 'off' }
  | { status: 'pending'; previous: ZoneAnalysis | null }
  | { status: 'ready'; analysis: ZoneAnalysis }
  | { status: 'failed'; issues: DataIssue[] };

export const $zoneResult = atom<ZoneResult>({ status: 'off' });

/** The sites judged: every key project as the plan places it, then the open draft's sites. */
export const $zoneSites = computed([$planKeyProjects, $scenarioReachSites], (projects, sites): (ZoneSite & { name: string; kind: 'keyProject' | 'site' })[] => [
  ...projects.map((project) => ({ id: project.id, name: project.name, location: project.location, kind: 'keyProject' as const })),
  ...sites.map((site) => ({ id: site.id, name: site.name, location: site.location, kind: 'site' as const })),
]);

/** Municipalities where 24-hour care or a required category is not complete: hatched "geen gegevens". */
export const $zoneNoDataCodes = computed([$zonesVisible, $activeZoneDefinition, $categoryCoverage, $appData], (visible, definition, coverage, data): string[] => {
  if (!visible) return [];
  const codes = (data.municipalities ?? []).map((municipality) => municipality.code);
  return municipalitiesWithIncompleteData(
    coverage,
    zoneCategoryDistances(definition).map((item) => item.category),
    codes,
  );
});

export interface ZoneSiteRow {
  id: string;
  name: string;
  kind: 'keyProject' | 'site';
  answer: ZoneMembershipAnswer;
  /** The zone it lies in (inside only): its id, the planner's name of a drawn zone, computed or drawn. */
  zone: { id: string; name: string | null; origin: 'berekend' | 'getekend' } | null;
  /** Elements not within their distance (nearest distance, or null when none is loaded). */
  missing: ZoneElementDistance[];
}

/** Per site: inside, outside (with what is missing and how far the nearest one is) or no data (border rule). */
export const $zoneSiteRows = computed([$zoneResult, $zoneSites, $activeZoneDefinition, $completeAreas], (result, sites, definition, areas): ZoneSiteRow[] => {
  if (result.status !== 'ready') return [];
  const gaps = zoneDataGaps(definition, areas);
  const verdicts = new Map(result.analysis.sites.map((verdict) => [verdict.id, verdict]));
  const zones = new Map(result.analysis.zoneSet.zones.map((zone) => [zone.properties.id, zone.properties]));
  return sites.flatMap((site) => {
    const verdict = verdicts.get(site.id);
    if (!verdict) return [];
    const missing = verdict.elements.filter((element) => element.nearestMeters === null || element.nearestMeters > element.maxDistanceMeters);
    const answer: ZoneMembershipAnswer = verdict.insideZone ? 'inside' : gaps(site.location) ? 'noData' : 'outside';
    const zone = verdict.zoneId === null ? undefined : zones.get(verdict.zoneId);
    return [{ id: site.id, name: site.name, kind: site.kind, answer, missing, zone: zone ? { id: zone.id, name: zone.name ?? null, origin: zone.origin } : null }];
  });
});

/** What the coverage figures (stores/zoneCoverage.ts) read of the zones; null while zones are off or not computed. */
export interface ZoneMembershipSource {
  /** 'inside' a zone, 'outside', or 'noData' where the facility data cannot rule a zone out (the border rule of the site rows). */
  membership: (point: [number, number]) => ZoneMembership;
  /** The zone definition in words, [label, value] per line, for the CSV exports. */
  definitionLines: ReadonlyArray<readonly [string, string]>;
}

export const $zoneMembershipSource = computed([$zoneResult, $activeZoneDefinition, $completeAreas, $translate], (result, definition, areas, t): ZoneMembershipSource | null => {
  if (result.status !== 'ready') return null;
  const lines: [string, string][] = [
    [t('zones.definitionChoice'), definition.name],
    [t('zones.careDistance'), String(definition.care.maxDistanceMeters)],
    ...zoneCategoryDistances(definition)
      .filter(({ category }) => category !== 'zorg24uur')
      .map(({ category, maxDistanceMeters }): [string, string] => [t(`category.${category}`), `${maxDistanceMeters} m`]),
  ];
  return { membership: zoneMembership(result.analysis.zoneSet.zones, zoneDataGaps(definition, areas)), definitionLines: lines };
});
