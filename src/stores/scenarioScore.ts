// The active draft's score against the targets, recomputed whenever the draft, its plan, the loaded
// data or the sites' reachability verdicts change (scoreScenario takes ~2 ms for 500 sites). The
// verdicts come from the reachability worker through scenarioEditing's $siteReachability (judged
// against the declared coverage; the dragged site live); a site without one counts as "niet
// beoordeeld". Also: the planner's own Twente targets (CSV import, check against the printed region totals).

import { atom, computed } from 'nanostores';
import { checkPlannerTargets, type PlannerTargetRegionCheck } from '../analysis/plannerTargets';
import { scoreScenario, type ScenarioScore, type SiteVerdicts } from '../analysis/scenarioScore';
import { parsePlannerTargetsCsv } from '../data/plannerTargetsCsv';
import type { DataIssue } from '../domain/dataIssue';
import type { PlannerTarget } from '../domain/scenario';
import { $appData, $municipalitiesByName } from './appData';
import { $siteReachability } from './scenarioEditing';
import { $activeScenario, $activeScenarioState, setPlannerTargets } from './scenarios';

/** Site id → verdict per housing type for the active draft's sites (judged against the declared coverage). */
export const $scenarioSiteVerdicts = computed($siteReachability, (reach): ReadonlyMap<string, SiteVerdicts> => {
  const verdicts = new Map<string, SiteVerdicts>();
  for (const [siteId, entry] of reach) if (entry.status === 'ready') verdicts.set(siteId, entry.result.housingTypes);
  return verdicts;
});

export const $activeScenarioScore = computed(
  [$activeScenario, $activeScenarioState, $appData, $municipalitiesByName, $scenarioSiteVerdicts],
  (scenario, state, data, municipalities, verdicts): ScenarioScore | null => {
    if (scenario === null || state === null || !municipalities || !data.targets || !data.regionTargets) return null;
    return scoreScenario({
      state,
      measuredAgainst: scenario.measuredAgainst,
      municipalities,
      targets: data.targets,
      regionTargets: data.regionTargets,
      plannerTargets: scenario.plannerTargets?.rows ?? [],
      verdicts,
    });
  },
);

/** The planner's Twente targets summed per type and scenario against the printed region totals. */
export const $plannerTargetChecks = computed([$activeScenario, $appData], (scenario, data): PlannerTargetRegionCheck[] =>
  scenario?.plannerTargets && data.regionTargets && data.municipalities ? checkPlannerTargets(scenario.plannerTargets.rows, data.regionTargets, data.municipalities) : [],
);

export interface PlannerTargetImportResult {
  file: string;
  accepted: number;
  issues: DataIssue[];
}

export const $plannerTargetImport = atom<PlannerTargetImportResult | null>(null);

/**
 * Reads the planner's targets from a CSV into the active draft. Refused rows are reported with row and
 * reason; when no row is valid, the draft's targets stay as they were. Valid rows replace the earlier ones.
 */
export function importPlannerTargets(text: string, file: string): PlannerTargetImportResult {
  const scenario = $activeScenario.get();
  const data = $appData.get();
  if (scenario === null || !data.municipalities) {
    const result = { file, accepted: 0, issues: [{ code: 'plannerTargets.noScenario', file }] };
    $plannerTargetImport.set(result);
    return result;
  }
  const sourced = new Set((data.targets ?? []).map((target) => target.municipalityCode));
  const { items, issues } = parsePlannerTargetsCsv(text, file, data.municipalities, sourced);
  if (items.length > 0) setPlannerTargets(scenario.id, items, file);
  const result = { file, accepted: items.length, issues };
  $plannerTargetImport.set(result);
  return result;
}

/** Removes the planner's own targets from the active draft. */
export function clearPlannerTargets(): void {
  const scenario = $activeScenario.get();
  if (scenario !== null) setPlannerTargets(scenario.id, [], null);
  $plannerTargetImport.set(null);
}

export type { PlannerTarget };
