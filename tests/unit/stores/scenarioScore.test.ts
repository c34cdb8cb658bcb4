import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHousingTargets } from '../../../src/data/parseHousingTargets';
import { parseRegionAssignment } from '../../../src/data/parseRegionAssignment';
import { OVERIJSSEL_MUNICIPALITY_NAMES } from '../../../src/domain/geography';
import { emptySiteHomes, type Site } from '../../../src/domain/scenario';
import { $appData } from '../../../src/stores/appData';
import {
  $activeScenarioScore,
  $plannerTargetChecks,
  $plannerTargetImport,
  clearPlannerTargets,
  importPlannerTargets,
} from '../../../src/stores/scenarioScore';
import { $activeScenario, applyScenarioEdit, createScenario, setMeasuredAgainst, setScenarioClock, setScenarios, selectScenario, undoEdit } from '../../../src/stores/scenarios';
import { readGeoJson } from '../data/geoFiles';
import type { DistanceMethod } from '../../../src/analysis/distanceMethod';
import { analyseLocation } from '../../../src/analysis/reachability';
import { WOONZORGZONE_PROFILE } from '../../../src/domain/norms';
import { $scenarioSiteAnalysis } from '../../../src/stores/scenarioSiteAnalysis';

const targets = parseHousingTargets(readGeoJson('geo/woondeal/ouderenhuisvesting-doelen.json'), 'ouderenhuisvesting-doelen.json').value;
const assignment = parseRegionAssignment(readGeoJson('geo/boundaries/regio-indeling.json'), 'regio-indeling.json').items;
const municipalities = assignment.map((entry) => ({
  code: entry.municipalityCode,
  name: OVERIJSSEL_MUNICIPALITY_NAMES[entry.municipalityCode]!,
  region: entry.region,
  inhabitants: null,
  inhabitantsSource: 'x',
}));

const site = (id: string, municipalityCode: string, geclusterd: number): Site => ({
  id,
  name: id,
  location: [6.09, 52.51],
  outline: null,
  municipalityCode,
  homes: { ...emptySiteHomes(), geclusterd },
  tenure: 'socialeHuur',
  phase: '2024-2030',
  year: null,
  keyProjectId: null,
  notes: '',
});

describe('active scenario score store', () => {
  beforeEach(() => {
    let ids = 0;
    setScenarioClock({ newId: () => `id-${++ids}`, now: () => '2026-12-01T12:00:00.000Z' });
    setScenarios([]);
    $appData.set({ municipalities, targets: targets.municipalTargets, regionTargets: targets.regionTargets });
    $plannerTargetImport.set(null);
    $scenarioSiteAnalysis.set({ status: 'idle' });
  });
  afterEach(() => {
    setScenarioClock(null);
    selectScenario(null);
  });

  it('is null without an active scenario', () => {
    expect($activeScenarioScore.get()).toBeNull();
  });

  it('follows the plan: adding a site raises the municipality and its regions, undo takes it back', () => {
    createScenario('Plan A');
    const zwolle = () => $activeScenarioScore.get()!.municipalities.find((entry) => entry.area.kind === 'municipality' && entry.area.code === 'GM0193')!;
    expect(zwolle().targets.geclusterd.planned.homes).toBe(0);
    applyScenarioEdit({ kind: 'addSite', site: site('s1', 'GM0193', 40) });
    expect(zwolle().targets.geclusterd.planned).toEqual({ homes: 40, siteIds: ['s1'] });
    const west = $activeScenarioScore.get()!.areas.find((entry) => entry.area.kind === 'area' && entry.area.area === 'west-overijssel')!;
    expect(west.targets.geclusterd.planned.homes).toBe(40);
    undoEdit();
    expect(zwolle().targets.geclusterd.planned.homes).toBe(0);
  });

  it('measures against what the scenario says, and uses the verdicts given', () => {
    createScenario('Plan A', { measuredAgainst: 'basis' });
    applyScenarioEdit({ kind: 'addSite', site: site('s1', 'GM0193', 40) });
    expect($activeScenarioScore.get()!.measuredAgainst).toBe('basis');
    setMeasuredAgainst($activeScenario.get()!.id, 'band');
    // Almelo (first by name) is in Twente: no target per municipality, so no comparison
    expect($activeScenarioScore.get()!.municipalities[0]!.targets.nultreden.comparison).toBeNull();
    expect($activeScenarioScore.get()!.areas[0]!.targets.nultreden.comparison?.measuredAgainst).toBe('band');
    // the worker's row for the site: every facility 10 m away (a stand-in distance method)
    const method: DistanceMethod = {
      method: 'hemelsbreed',
      hasCategory: () => true,
      nearest: (_category, point) => ({ facilityIndex: 0, facilityId: 'f', location: point, distanceMeters: 10, method: 'hemelsbreed' }),
    };
    $scenarioSiteAnalysis.set({ status: 'ready', rows: [{ siteId: 's1', siteName: 's1', reachability: analyseLocation([6.09, 52.51], method, WOONZORGZONE_PROFILE) }] });
    const zwolle = $activeScenarioScore.get()!.municipalities.find((entry) => entry.area.kind === 'municipality' && entry.area.code === 'GM0193')!;
    expect(zwolle.reachability.geclusterd.met).toEqual({ homes: 40, siteIds: ['s1'] });
  });

  it('imports the planner\'s Twente targets into the scenario and checks them against the region totals', () => {
    createScenario('Plan A');
    const result = importPlannerTargets('gemeente;woningtype;basis;trend;bron\nEnschede;nultreden;900;600;Eigen verdeling\nZwolle;nultreden;1;1;x\n', 'twente.csv');
    expect(result.accepted).toBe(1);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'plannerTargets.sourcedMunicipality', record: 3 })]);
    expect($activeScenario.get()!.plannerTargets).toEqual({
      rows: [{ municipalityCode: 'GM0153', housingType: 'nultreden', basis: 900, trend: 600, sourceText: 'Eigen verdeling' }],
      updatedAt: '2026-12-01T12:00:00.000Z',
      importedFrom: 'twente.csv',
    });
    const enschede = $activeScenarioScore.get()!.municipalities.find((entry) => entry.area.kind === 'municipality' && entry.area.code === 'GM0153')!;
    expect(enschede.targets.nultreden.target).toMatchObject({ basis: 900, origin: 'planner', sourceText: 'Eigen verdeling' });
    expect($plannerTargetChecks.get().find((check) => check.housingType === 'nultreden' && check.scenario === 'basis')).toMatchObject({ plannerSum: 900, printed: 4500, difference: -3600 });
    clearPlannerTargets();
    expect($activeScenario.get()!.plannerTargets).toBeUndefined();
    expect($plannerTargetChecks.get()).toEqual([]);
  });

  it('a file with no valid row leaves the earlier targets as they were', () => {
    createScenario('Plan A');
    importPlannerTargets('gemeente;woningtype;basis;trend;bron\nEnschede;nultreden;900;600;Eigen verdeling\n', 'a.csv');
    const before = $activeScenario.get()!.plannerTargets;
    const result = importPlannerTargets('gemeente;woningtype;basis;trend;bron\nAmsterdam;nultreden;1;1;x\n', 'b.csv');
    expect(result.accepted).toBe(0);
    expect($activeScenario.get()!.plannerTargets).toEqual(before);
  });
});
