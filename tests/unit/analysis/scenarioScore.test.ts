import { describe, expect, it } from 'vitest';
import { compareWithTarget, scoreScenario, type ScoreInput, type SiteVerdicts } from '../../../src/analysis/scenarioScore';
import { parseHousingTargets } from '../../../src/data/parseHousingTargets';
import { parseSources } from '../../../src/data/parseSources';
import { OVERIJSSEL_MUNICIPALITY_NAMES } from '../../../src/domain/geography';
import { TENURE_SPLIT_AGREEMENT, type MunicipalTarget, type RegionTarget } from '../../../src/domain/housing';
import { emptySiteHomes, type PlannerTarget, type Site } from '../../../src/domain/scenario';
import { readGeoJson } from '../data/geoFiles';
import { figuresOfScore, naiveScenarioFigures } from '../../support/naiveScenarioScore';
import { seededRandom } from '../../support/seededRandom';
import { syntheticSites, syntheticVerdicts, testSite } from '../../support/syntheticScenario';

function site(id: string, municipalityCode: string, overrides: Partial<Site> = {}): Site {
  return testSite(id, { name: id, municipalityCode, homes: emptySiteHomes(), ...overrides });
}

const homes = (nultreden: number, geclusterd: number, zorggeschikt: number, overig = 0) => ({ nultreden, geclusterd, zorggeschikt, overig });

// A small hand-made frame: two West-Overijssel municipalities with targets, one Twente municipality without.
const municipalities = [
  { code: 'GM0193', region: 'west-overijssel' as const },
  { code: 'GM0166', region: 'west-overijssel' as const },
  { code: 'GM0153', region: 'twente' as const },
];
const targets: MunicipalTarget[] = [
  { municipalityCode: 'GM0193', basis: { nultreden: 100, geclusterd: 50, zorggeschikt: 20 }, trend: { nultreden: 60, geclusterd: 120, zorggeschikt: 15 }, source: 'src-mun' },
  { municipalityCode: 'GM0166', basis: { nultreden: 40, geclusterd: 10, zorggeschikt: 5 }, trend: { nultreden: 30, geclusterd: 30, zorggeschikt: 5 }, source: 'src-mun' },
];
const regionTargets: RegionTarget[] = [
  { region: 'west-overijssel', basis: { nultreden: 140, geclusterd: 60, zorggeschikt: 25 }, trend: { nultreden: 90, geclusterd: 150, zorggeschikt: 20 }, basisTotal: 225, trendTotal: 260, source: 'src-wo' },
  { region: 'twente', basis: { nultreden: 300, geclusterd: 100, zorggeschikt: 50 }, trend: { nultreden: 200, geclusterd: 250, zorggeschikt: 40 }, basisTotal: null, trendTotal: null, source: 'src-tw' },
];

const sites: Site[] = [
  site('z1', 'GM0193', { homes: homes(30, 20, 10, 5), tenure: 'socialeHuur' }),
  site('z2', 'GM0193', { homes: homes(0, 40, 0), tenure: 'koop' }),
  site('z3', 'GM0193', { homes: homes(50, 0, 0), phase: 'after2030', year: 2033 }),
  site('k1', 'GM0166', { homes: homes(0, 12, 0), tenure: 'middenhuur' }),
  site('e1', 'GM0153', { homes: homes(25, 0, 8) }),
];

const input = (overrides: Partial<ScoreInput> = {}): ScoreInput => ({
  state: { sites },
  measuredAgainst: 'basis',
  municipalities,
  targets,
  regionTargets,
  ...overrides,
});

const municipality = (score: ReturnType<typeof scoreScenario>, code: string) => score.municipalities.find((entry) => entry.area.kind === 'municipality' && entry.area.code === code)!;
const area = (score: ReturnType<typeof scoreScenario>, id: string) => score.areas.find((entry) => entry.area.kind === 'area' && entry.area.area === id)!;

describe('scoreScenario: homes per type against the targets', () => {
  it('counts homes delivered 2024–2030 per municipality against the basis target, with the sites behind each figure', () => {
    const zwolle = municipality(scoreScenario(input()), 'GM0193');
    // nultreden: z1 30 (z3's 50 are after 2030 and do not count toward the 2030 target)
    expect(zwolle.targets.nultreden.planned).toEqual({ homes: 30, siteIds: ['z1'] });
    expect(zwolle.targets.nultreden.comparison).toEqual({ measuredAgainst: 'basis', target: 100, difference: -70, status: 'below' });
    expect(zwolle.targets.geclusterd.planned).toEqual({ homes: 60, siteIds: ['z1', 'z2'] });
    expect(zwolle.targets.geclusterd.comparison).toMatchObject({ target: 50, difference: 10, status: 'reached' });
    expect(zwolle.targets.zorggeschikt.planned).toEqual({ homes: 10, siteIds: ['z1'] });
    expect(zwolle.targets.total.planned).toEqual({ homes: 100, siteIds: ['z1', 'z2'] });
    expect(zwolle.targets.total.target).toMatchObject({ basis: 170, trend: 195, origin: 'source', sources: ['src-mun'] });
    expect(zwolle.sites).toEqual({ homes: 155, siteIds: ['z1', 'z2', 'z3'] });
  });

  it('measured against the trend scenario', () => {
    const zwolle = municipality(scoreScenario(input({ measuredAgainst: 'trend' })), 'GM0193');
    expect(zwolle.targets.geclusterd.comparison).toEqual({ measuredAgainst: 'trend', target: 120, difference: -60, status: 'below' });
  });

  it('as a band: below, within or above the range between basis and trend, whichever is lower', () => {
    const zwolle = municipality(scoreScenario(input({ measuredAgainst: 'band' })), 'GM0193');
    // geclusterd 60 between basis 50 and trend 120
    expect(zwolle.targets.geclusterd.comparison).toEqual({
      measuredAgainst: 'band', basis: 50, trend: 120, low: 50, high: 120, differenceToLow: 10, differenceToHigh: -60, status: 'within',
    });
    // nultreden 30: trend 60 is the lower end here (the trend scenario moves homes to geclusterd)
    expect(zwolle.targets.nultreden.comparison).toMatchObject({ low: 60, high: 100, status: 'below', differenceToLow: -30 });
    expect(compareWithTarget(130, { basis: 50, trend: 120, origin: 'source', sources: [], sourceText: null }, 'band')).toMatchObject({ status: 'above', differenceToHigh: 10 });
    expect(compareWithTarget(50, { basis: 50, trend: 120, origin: 'source', sources: [], sourceText: null }, 'band')).toMatchObject({ status: 'within' });
  });

  it('regions and the province add up their municipalities; targets are the printed region totals and their sum', () => {
    const score = scoreScenario(input());
    const west = area(score, 'west-overijssel');
    expect(west.targets.geclusterd.planned).toEqual({ homes: 72, siteIds: ['z1', 'z2', 'k1'] });
    expect(west.targets.geclusterd.comparison).toMatchObject({ target: 60, difference: 12 });
    const twente = area(score, 'twente');
    expect(twente.targets.nultreden.planned).toEqual({ homes: 25, siteIds: ['e1'] });
    expect(twente.targets.nultreden.target).toMatchObject({ basis: 300, origin: 'source', sources: ['src-tw'] });
    const province = area(score, 'overijssel');
    expect(province.targets.nultreden.planned).toEqual({ homes: 55, siteIds: ['z1', 'e1'] });
    expect(province.targets.nultreden.target).toMatchObject({ basis: 440, trend: 290, origin: 'sumOfRegions', sources: ['src-wo', 'src-tw'] });
    expect(score.areas.map((entry) => (entry.area.kind === 'area' ? entry.area.area : ''))).toEqual(['overijssel', 'west-overijssel', 'twente']);
  });

  it('a Twente municipality has no target unless the planner gives one; then it is theirs, with their source text', () => {
    expect(municipality(scoreScenario(input()), 'GM0153').targets.nultreden).toMatchObject({ target: null, comparison: null });
    const plannerTargets: PlannerTarget[] = [
      { municipalityCode: 'GM0153', housingType: 'nultreden', basis: 40, trend: null, sourceText: 'Eigen verdeling, werkdocument 2025' },
      // ignored: Zwolle's target comes from the source
      { municipalityCode: 'GM0193', housingType: 'nultreden', basis: 1, trend: 1, sourceText: 'x' },
    ];
    const score = scoreScenario(input({ plannerTargets }));
    const enschede = municipality(score, 'GM0153');
    expect(enschede.targets.nultreden.target).toEqual({ basis: 40, trend: null, origin: 'planner', sources: [], sourceText: 'Eigen verdeling, werkdocument 2025' });
    expect(enschede.targets.nultreden.comparison).toEqual({ measuredAgainst: 'basis', target: 40, difference: -15, status: 'below' });
    // the trend value was left empty: no trend comparison and no band, never a 0
    expect(scoreScenario(input({ plannerTargets, measuredAgainst: 'trend' })).municipalities[2]!.targets.nultreden.comparison).toBeNull();
    expect(scoreScenario(input({ plannerTargets, measuredAgainst: 'band' })).municipalities[2]!.targets.nultreden.comparison).toBeNull();
    // the total needs all three types
    expect(enschede.targets.total.target).toMatchObject({ basis: null, trend: null });
    expect(municipality(score, 'GM0193').targets.nultreden.target).toMatchObject({ basis: 100, origin: 'source' });
    // the region keeps its printed target
    expect(area(score, 'twente').targets.nultreden.target).toMatchObject({ basis: 300, origin: 'source' });
  });
});

describe('scoreScenario: sociale huur share of geclusterd + zorggeschikt', () => {
  it('splits the 2024–2030 geclusterd and zorggeschikt homes by tenure and gives the agreed 50 % in West-Overijssel only', () => {
    const score = scoreScenario(input());
    const zwolle = municipality(score, 'GM0193');
    expect(zwolle.tenureSplit).toEqual({
      socialRent: { homes: 30, siteIds: ['z1'] },
      other: { homes: 40, siteIds: ['z2'] },
      socialRentShare: 30 / 70,
      agreedSocialRentShare: 0.5,
      agreementSource: TENURE_SPLIT_AGREEMENT.source,
    });
    expect(area(score, 'west-overijssel').tenureSplit).toMatchObject({ socialRent: { homes: 30 }, other: { homes: 52, siteIds: ['z2', 'k1'] }, agreedSocialRentShare: 0.5 });
    expect(municipality(score, 'GM0153').tenureSplit).toMatchObject({ socialRent: { homes: 8 }, agreedSocialRentShare: null, agreementSource: null });
    expect(area(score, 'overijssel').tenureSplit.agreedSocialRentShare).toBeNull();
  });

  it('has no share (not 0 %) where there are no such homes', () => {
    const split = municipality(scoreScenario(input({ state: { sites: [site('n', 'GM0166', { homes: homes(10, 0, 0) })] } })), 'GM0166').tenureSplit;
    expect(split.socialRentShare).toBeNull();
  });
});

describe('scoreScenario: homes per phase', () => {
  it('counts every type, overig included, per delivery phase', () => {
    const zwolle = municipality(scoreScenario(input()), 'GM0193');
    expect(zwolle.phases['2024-2030'].overig).toEqual({ homes: 5, siteIds: ['z1'] });
    expect(zwolle.phases['2024-2030'].total).toEqual({ homes: 105, siteIds: ['z1', 'z2'] });
    expect(zwolle.phases.after2030.nultreden).toEqual({ homes: 50, siteIds: ['z3'] });
    expect(zwolle.phases.after2030.total).toEqual({ homes: 50, siteIds: ['z3'] });
    expect(zwolle.phases.after2030.geclusterd).toEqual({ homes: 0, siteIds: [] });
  });
});

describe('scoreScenario: homes whose site meets the reachability norms', () => {
  const verdicts = new Map<string, SiteVerdicts>([
    ['z1', { nultreden: { verdict: 'met' }, geclusterd: { verdict: 'noData' }, zorggeschikt: { verdict: 'notMet' } }],
    ['z2', { nultreden: { verdict: 'met' }, geclusterd: { verdict: 'met' }, zorggeschikt: { verdict: 'met' } }],
    ['z3', { nultreden: { verdict: 'notMet' }, geclusterd: { verdict: 'notMet' }, zorggeschikt: { verdict: 'notMet' } }],
  ]);

  it('keeps met, not met, no data and not analysed apart, over all phases', () => {
    const score = scoreScenario(input({ verdicts }));
    const zwolle = municipality(score, 'GM0193');
    expect(zwolle.reachability.geclusterd).toEqual({
      total: { homes: 60, siteIds: ['z1', 'z2'] },
      met: { homes: 40, siteIds: ['z2'] },
      notMet: { homes: 0, siteIds: [] },
      noData: { homes: 20, siteIds: ['z1'] },
      notAnalysed: { homes: 0, siteIds: [] },
      shares: { met: 40 / 60, notMet: 0, noData: 20 / 60, notAnalysed: 0 },
    });
    // nultreden: z1 30 met, z3 50 not met (after 2030, still counted here)
    expect(zwolle.reachability.nultreden).toMatchObject({ total: { homes: 80 }, met: { homes: 30 }, notMet: { homes: 50, siteIds: ['z3'] } });
    // a site without verdicts (Kampen) is not analysed, not "not met"
    expect(municipality(score, 'GM0166').reachability.geclusterd).toMatchObject({ notAnalysed: { homes: 12, siteIds: ['k1'] }, notMet: { homes: 0 } });
    expect(municipality(score, 'GM0166').reachability.nultreden.shares).toBeNull();
  });
});

describe('scoreScenario: edge cases', () => {
  it('an empty scenario scores zero homes everywhere with the targets still shown', () => {
    const score = scoreScenario(input({ state: { sites: [] } }));
    for (const entry of [...score.municipalities, ...score.areas]) {
      expect(entry.targets.total.planned).toEqual({ homes: 0, siteIds: [] });
    }
    expect(municipality(score, 'GM0193').targets.geclusterd.comparison).toMatchObject({ difference: -50, status: 'below' });
  });

  it('a site in a municipality not given is reported apart, not counted in a region', () => {
    const score = scoreScenario(input({ state: { sites: [site('x', 'GM9999', { homes: homes(5, 0, 0) })] } }));
    expect(score.unassigned).toEqual({ homes: 5, siteIds: ['x'] });
    expect(area(score, 'overijssel').sites.homes).toBe(0);
  });

  it('does not change its input', () => {
    const copy = structuredClone(sites);
    scoreScenario(input({ measuredAgainst: 'band' }));
    expect(sites).toEqual(copy);
  });
});

describe('scoreScenario with the shipped targets', () => {
  const data = parseHousingTargets(readGeoJson('geo/woondeal/ouderenhuisvesting-doelen.json'), 'ouderenhuisvesting-doelen.json');
  const all = Object.keys(OVERIJSSEL_MUNICIPALITY_NAMES).map((code) => ({ code, region: data.value.municipalTargets.some((target) => target.municipalityCode === code) ? ('west-overijssel' as const) : ('twente' as const) }));

  it('compares with the printed West-Overijssel basis of 6.590 and the province sum of both regions', () => {
    const score = scoreScenario({ state: { sites: [] }, measuredAgainst: 'basis', municipalities: all, targets: data.value.municipalTargets, regionTargets: data.value.regionTargets });
    const west = area(score, 'west-overijssel');
    expect(west.targets.total.target).toMatchObject({ basis: 6590, trend: 8315 });
    expect(area(score, 'twente').targets.geclusterd.target).toMatchObject({ basis: 2000, trend: 5310 });
    expect(area(score, 'overijssel').targets.total.target).toMatchObject({ basis: 6590 + 4500 + 2000 + 1560 });
  });

  it('cites the 50 % split by a source that geo/sources.json registers', () => {
    const registered = parseSources(readGeoJson('geo/sources.json'), 'sources.json').items;
    const source = registered.find((entry) => entry.id === TENURE_SPLIT_AGREEMENT.source);
    expect(source?.title).toBe('Regionale woonzorgvisie West-Overijssel 2024-2026');
    expect(source?.location).toContain('sociale huur 50%');
  });
});

describe('scoreScenario agrees with a plain second computation', () => {
  it('on generated scenarios: every figure has the same homes and sites, each site once', () => {
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      const generated = syntheticSites(120, random, municipalities.map((entry) => entry.code));
      const scoreInput = input({ state: { sites: generated }, verdicts: syntheticVerdicts(generated, random) });
      const fast = figuresOfScore(scoreScenario(scoreInput));
      expect(fast).toEqual(naiveScenarioFigures(scoreInput));
      for (const area of fast) {
        for (const figure of [...Object.values(area.planned), ...Object.values(area.phases), ...Object.values(area.reach), area.socialRent, area.other]) {
          expect(new Set(figure.siteIds).size).toBe(figure.siteIds.length);
        }
      }
    }
  });
});
