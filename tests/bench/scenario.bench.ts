// Benchmark of draft scenarios (issue 8): the state after 1,000 edits, and the score of a 500-site
// scenario (target ≤ 5 ms), each against a naive baseline in the same run that must give the same
// result. Synthetic seeded sites and edits; the municipalities, regions and targets are the shipped
// data. Run: npx tsx tests/bench/scenario.bench.ts

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { scoreScenario, type ScoreInput } from '../../src/analysis/scenarioScore';
import { applyEdit, recordEdit, scenarioState, undo } from '../../src/analysis/scenarioState';
import { parseHousingTargets } from '../../src/data/parseHousingTargets';
import { parseRegionAssignment } from '../../src/data/parseRegionAssignment';
import { EMPTY_SCENARIO_STATE, type ScenarioEdit, type ScenarioState } from '../../src/domain/scenario';
import { figuresOfScore, naiveScenarioFigures } from '../support/naiveScenarioScore';
import { seededRandom } from '../support/seededRandom';
import { randomEdit, syntheticSites, syntheticVerdicts } from '../support/syntheticScenario';
import { formatBenchResults, type BenchResult } from './reachability.bench';
import { timeRuns } from './timing';

const EDIT_COUNT = 1_000;
const SITE_COUNT = 500;
const SCORE_TARGET_MS = 5;



const json = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));

/** Plain data for comparing two states (sites in order, placements sorted). */
const plain = (state: ScenarioState) => ({ sites: state.sites, placements: [...state.keyProjectPlacements].sort(([a], [b]) => a.localeCompare(b)) });

/** The naive way: keep the whole state as a JSON tree and deep-copy it for every edit. */
function naiveState(edits: readonly ScenarioEdit[]): ReturnType<typeof plain> {
  let state = { sites: [] as ScenarioState['sites'][number][], placements: {} as Record<string, unknown> };
  for (const edit of edits) {
    state = JSON.parse(JSON.stringify(state)) as typeof state;
    if (edit.kind === 'addSite') state.sites.push(structuredClone(edit.site));
    else if (edit.kind === 'removeSite') state.sites = state.sites.filter((site) => site.id !== edit.site.id);
    else if (edit.kind === 'updateSite') state.sites = state.sites.map((site) => (site.id === edit.siteId ? { ...site, ...structuredClone(edit.after) } : site));
    else if (edit.kind !== 'moveKeyProject') continue; // drawn zones: not generated here
    else if (edit.to === null) delete state.placements[edit.keyProjectId];
    else state.placements[edit.keyProjectId] = structuredClone(edit.to);
  }
  return { sites: state.sites, placements: Object.entries(state.placements).sort(([a], [b]) => a.localeCompare(b)) as ReturnType<typeof plain>['placements'] };
}

export function runScenarioBenchmarks(): BenchResult[] {
  const results: BenchResult[] = [];

  // --- 1,000 edits ---
  const random = seededRandom(20261208);
  let scenario = { edits: [] as ScenarioEdit[], appliedCount: 0 };
  let state: ScenarioState = EMPTY_SCENARIO_STATE;
  for (let serial = 0; serial < EDIT_COUNT; serial++) {
    // mostly adding and changing sites, as a planner does: about 500 sites at the end
    const edit = randomEdit(random, state, serial, { addSite: 10, updateSite: 8, removeSite: 1, moveKeyProject: 1, drawnZone: 0 });
    state = applyEdit(state, edit);
    scenario = recordEdit(scenario, edit);
  }
  const kinds = scenario.edits.reduce<Record<string, number>>((count, edit) => ({ ...count, [edit.kind]: (count[edit.kind] ?? 0) + 1 }), {});
  const fast = timeRuns(20, () => scenarioState(scenario, EMPTY_SCENARIO_STATE), 10);
  const naive = timeRuns(3, () => naiveState(scenario.edits), 1);
  const agree = isDeepStrictEqual(plain(fast.result), naive.result);
  if (!agree) throw new Error('scenarioState and the naive replay disagree');
  results.push({
    name: `scenarioState: apply ${EDIT_COUNT} edits (${Object.entries(kinds).map(([kind, count]) => `${count} ${kind}`).join(', ')}; ${fast.result.sites.length} sites at the end)`,
    medianMs: fast.medianMs,
    runs: 20,
    note: `CPU time ${fast.cpuMedianMs.toFixed(2)} ms; naive JSON deep copy per edit: ${naive.medianMs.toFixed(2)} ms (×${(naive.medianMs / fast.medianMs).toFixed(1)}); same state: ${agree ? 'yes' : 'NO'}`,
  });
  const undoOne = timeRuns(20, () => scenarioState(undo(scenario), EMPTY_SCENARIO_STATE), 10);
  results.push({ name: `undo one of ${EDIT_COUNT} edits (state replayed from the published plan)`, medianMs: undoOne.medianMs, runs: 20 });

  // --- score of 500 sites ---
  const assignment = parseRegionAssignment(json('geo/boundaries/regio-indeling.json'), 'regio-indeling.json').items;
  const targets = parseHousingTargets(json('geo/woondeal/ouderenhuisvesting-doelen.json'), 'ouderenhuisvesting-doelen.json').value;
  const municipalities = assignment.map((entry) => ({ code: entry.municipalityCode, region: entry.region }));
  const scoreRandom = seededRandom(500);
  const sites = syntheticSites(SITE_COUNT, scoreRandom, municipalities.map((entry) => entry.code));
  const input: ScoreInput = {
    state: { sites },
    measuredAgainst: 'band',
    municipalities,
    targets: targets.municipalTargets,
    regionTargets: targets.regionTargets,
    verdicts: syntheticVerdicts(sites, scoreRandom),
  };
  const score = timeRuns(100, () => scoreScenario(input), 30);
  const naiveScore = timeRuns(20, () => naiveScenarioFigures(input), 5);
  const scoreAgrees = isDeepStrictEqual(figuresOfScore(score.result), naiveScore.result);
  if (!scoreAgrees) throw new Error('scoreScenario and the naive computation disagree');
  results.push({
    name: `scoreScenario: ${SITE_COUNT} sites, 25 municipalities + 3 areas, band, with verdicts`,
    medianMs: score.medianMs,
    runs: 100,
    targetMs: SCORE_TARGET_MS,
    note: `CPU time ${score.cpuMedianMs.toFixed(2)} ms; naive filter per figure: ${naiveScore.medianMs.toFixed(2)} ms (×${(naiveScore.medianMs / score.medianMs).toFixed(1)}); same figures and sites: ${scoreAgrees ? 'yes' : 'NO'}`,
  });
  return results;
}

export function formatScenarioResults(results: BenchResult[]): string {
  return formatBenchResults(results).replace(/^Reachability benchmarks \(synthetic seeded data, Overijssel bounding box\)/, 'Draft scenario benchmarks (synthetic seeded edits and sites, shipped targets)');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatScenarioResults(runScenarioBenchmarks()));
}
