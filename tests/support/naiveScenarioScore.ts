// A deliberately plain second computation of the scenario score (one filter over all sites per figure),
// used by the unit test and the benchmark as the baseline scoreScenario must agree with.

import type { ScenarioScore, ScoreInput, SiteFigure } from '../../src/analysis/scenarioScore';
import { AREA_IDS, type AreaId } from '../../src/domain/geography';
import { HOUSING_TYPES } from '../../src/domain/housing';
import { DELIVERY_PHASES, SITE_HOME_TYPES, type Site } from '../../src/domain/scenario';

export interface NaiveAreaFigures {
  id: string;
  sites: SiteFigure;
  planned: Record<string, SiteFigure>;
  socialRent: SiteFigure;
  other: SiteFigure;
  phases: Record<string, SiteFigure>;
  reach: Record<string, SiteFigure>;
}

function figureOf(sites: readonly Site[], homesOf: (site: Site) => number): SiteFigure {
  const contributing = sites.filter((site) => homesOf(site) > 0);
  return { homes: contributing.reduce((sum, site) => sum + homesOf(site), 0), siteIds: contributing.map((site) => site.id) };
}

function areaFigures(id: string, inArea: readonly Site[], input: ScoreInput): NaiveAreaFigures {
  const inPeriod = inArea.filter((site) => site.phase === '2024-2030');
  const planned: Record<string, SiteFigure> = {};
  for (const type of HOUSING_TYPES) planned[type] = figureOf(inPeriod, (site) => site.homes[type]);
  planned.total = figureOf(inPeriod, (site) => HOUSING_TYPES.reduce((sum, type) => sum + site.homes[type], 0));
  const split = (site: Site) => site.homes.geclusterd + site.homes.zorggeschikt;
  const phases: Record<string, SiteFigure> = {};
  for (const phase of DELIVERY_PHASES) {
    const ofPhase = inArea.filter((site) => site.phase === phase);
    for (const type of SITE_HOME_TYPES) phases[`${phase}/${type}`] = figureOf(ofPhase, (site) => site.homes[type]);
    phases[`${phase}/total`] = figureOf(ofPhase, (site) => SITE_HOME_TYPES.reduce((sum, type) => sum + site.homes[type], 0));
  }
  const reach: Record<string, SiteFigure> = {};
  for (const type of HOUSING_TYPES) {
    const verdictOf = (site: Site) => input.verdicts?.get(site.id)?.[type]?.verdict ?? 'notAnalysed';
    reach[`${type}/total`] = figureOf(inArea, (site) => site.homes[type]);
    for (const verdict of ['met', 'notMet', 'noData', 'notAnalysed']) {
      reach[`${type}/${verdict}`] = figureOf(inArea.filter((site) => verdictOf(site) === verdict), (site) => site.homes[type]);
    }
  }
  return {
    id,
    sites: { homes: inArea.reduce((sum, site) => sum + SITE_HOME_TYPES.reduce((total, type) => total + site.homes[type], 0), 0), siteIds: inArea.map((site) => site.id) },
    planned,
    socialRent: figureOf(inPeriod.filter((site) => site.tenure === 'socialeHuur'), split),
    other: figureOf(inPeriod.filter((site) => site.tenure !== 'socialeHuur'), split),
    phases,
    reach,
  };
}

export function naiveScenarioFigures(input: ScoreInput): NaiveAreaFigures[] {
  const regionOf = new Map(input.municipalities.map((municipality) => [municipality.code, municipality.region]));
  const municipal = input.municipalities.map((municipality) =>
    areaFigures(municipality.code, input.state.sites.filter((site) => site.municipalityCode === municipality.code), input),
  );
  const areas = AREA_IDS.map((area: AreaId) =>
    areaFigures(
      area,
      input.state.sites.filter((site) => {
        const region = regionOf.get(site.municipalityCode);
        return region !== undefined && (area === 'overijssel' || region === area);
      }),
      input,
    ),
  );
  return [...municipal, ...areas];
}

/** The same figures read from scoreScenario's result, for comparison. */
export function figuresOfScore(score: ScenarioScore): NaiveAreaFigures[] {
  return [...score.municipalities, ...score.areas].map((entry) => {
    const planned: Record<string, SiteFigure> = {};
    for (const type of [...HOUSING_TYPES, 'total'] as const) planned[type] = entry.targets[type].planned;
    const phases: Record<string, SiteFigure> = {};
    for (const phase of DELIVERY_PHASES) for (const key of [...SITE_HOME_TYPES, 'total'] as const) phases[`${phase}/${key}`] = entry.phases[phase][key];
    const reach: Record<string, SiteFigure> = {};
    for (const type of HOUSING_TYPES) {
      for (const part of ['total', 'met', 'notMet', 'noData', 'notAnalysed'] as const) reach[`${type}/${part}`] = entry.reachability[type][part];
    }
    return {
      id: entry.area.kind === 'municipality' ? entry.area.code : entry.area.area,
      sites: entry.sites,
      planned,
      socialRent: entry.tenureSplit.socialRent,
      other: entry.tenureSplit.other,
      phases,
      reach,
    };
  });
}
