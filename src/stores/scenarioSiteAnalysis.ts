// What the reachability worker is asked about the active draft's sites, and its raw answers: all sites
// whenever the plan changes, and the one site being dragged (once per animation frame, latest wins).
// A leaf module: the worker client (reachability.ts) and the editing actions both read it.

import { atom, computed } from 'nanostores';
import type { DataIssue } from '../domain/dataIssue';
import type { ReachabilityRow, ReachabilitySite } from '../analysis/reachability';
import { $activeScenarioState } from './scenarios';

/** A site or key project of the plan being moved on the map. */
export type PlanItem = { kind: 'site'; id: string } | { kind: 'keyProject'; id: string };

/** While dragging: the item and where it is now (not yet an edit; the edit is recorded on drop). */
export const $dragPreview = atom<{ item: PlanItem; location: [number, number] } | null>(null);

/** The active draft's sites as the worker needs them (empty without an active draft). */
export const $scenarioReachSites = computed($activeScenarioState, (state): ReachabilitySite[] =>
  (state?.sites ?? []).map((site) => ({ id: site.id, name: site.name, location: site.location })),
);

/** The site being dragged, at its dragged position. */
export const $dragReachSite = computed([$dragPreview, $activeScenarioState], (preview, state): ReachabilitySite | null => {
  if (preview?.item.kind !== 'site') return null;
  const site = state?.sites.find((candidate) => candidate.id === preview.item.id);
  return site ? { id: site.id, name: site.name, location: preview.location } : null;
});

export type SiteAnalysisState =
  | { status: 'idle' }
  | { status: 'pending'; rows: ReachabilityRow[] | null }
  | { status: 'ready'; rows: ReachabilityRow[] }
  | { status: 'failed'; issues: DataIssue[] };

/** The worker's rows for all sites of the active draft, before the declared coverage is applied. */
export const $scenarioSiteAnalysis = atom<SiteAnalysisState>({ status: 'idle' });

/** The worker's row for the dragged site at its latest analysed position; cleared when the plan's rows arrive after the drop. */
export const $dragSiteAnalysis = atom<ReachabilityRow | null>(null);
