// The two draft scenarios the planner compares, and their differences (src/analysis/scenarioCompare.ts).

import { atom, batch, computed } from 'nanostores';
import { compareScenarioStates, type ScenarioComparison } from '../analysis/scenarioCompare';
import { scenarioStateUpToFirstMisfit } from '../analysis/scenarioState';
import { EMPTY_SCENARIO_STATE, type DraftScenario, type ScenarioState } from '../domain/scenario';
import { $scenarios } from './scenarios';
import { $selection } from './selection';

/** Ids of scenario A and B, or null when no comparison is open. */
export const $comparisonPair = atom<{ a: string; b: string } | null>(null);

/** A draft's plan; an edit that does not fit ends the replay there (as the active draft's plan does). */
function planOf(scenario: DraftScenario): ScenarioState {
  return scenarioStateUpToFirstMisfit(scenario, EMPTY_SCENARIO_STATE);
}

export interface OpenComparison {
  a: DraftScenario;
  b: DraftScenario;
  comparison: ScenarioComparison;
}

export const $scenarioComparison = computed([$comparisonPair, $scenarios], (pair, scenarios): OpenComparison | null => {
  if (!pair) return null;
  const a = scenarios.find((scenario) => scenario.id === pair.a);
  const b = scenarios.find((scenario) => scenario.id === pair.b);
  if (!a || !b) return null;
  return { a, b, comparison: compareScenarioStates(planOf(a), planOf(b)) };
});

/** Opens the comparison of two drafts in the details panel (and on the map). */
export function compareScenarios(a: string, b: string): void {
  batch(() => {
    $comparisonPair.set({ a, b });
    $selection.set({ kind: 'scenarioComparison' });
  });
}

export function closeComparison(): void {
  batch(() => {
    $comparisonPair.set(null);
    if ($selection.get()?.kind === 'scenarioComparison') $selection.set(null);
  });
}

// Selecting something else closes the comparison, so the map never shows a comparison nobody sees.
$selection.listen((selection) => {
  if (selection?.kind !== 'scenarioComparison' && $comparisonPair.get() !== null) $comparisonPair.set(null);
});
