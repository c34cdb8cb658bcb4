// Locatiezoeker (issue 13): the state of one run and how it moves: an answer of the worker (candidates,
// the greedy answer, the exact answer, a failure) or the planner's cancel. Pure, so the store stays thin.

import type { DataIssue } from '../domain/dataIssue';
import type { CandidateCounts, SiteFinderAnswer, SiteFinderResponse, SiteFinderSettings } from './siteFinderProtocol';

export type SiteFinderStatus = 'idle' | 'preparing' | 'greedy' | 'exact' | 'done' | 'failed' | 'cancelled';

export interface SiteFinderRun {
  status: SiteFinderStatus;
  runId: number;
  settings: SiteFinderSettings;
  /** ISO time the run started. */
  startedAt: string;
  /** Existing supply that counted: plan sites and (optionally) 24-hour care locations. */
  supply: { sites: number; care: number };
  counts: CandidateCounts | null;
  greedy: SiteFinderAnswer | null;
  exact: SiteFinderAnswer | null;
  exactIssues: DataIssue[];
  issues: DataIssue[];
  timeLimitSeconds: number;
}

/** A run just started: preparing its request, nothing found or counted yet. */
export function newRun(runId: number, settings: SiteFinderSettings, startedAt: string, timeLimitSeconds: number): SiteFinderRun {
  return {
    status: 'preparing',
    runId,
    settings,
    startedAt,
    supply: { sites: 0, care: 0 },
    counts: null,
    greedy: null,
    exact: null,
    exactIssues: [],
    issues: [],
    timeLimitSeconds,
  };
}

/**
 * A run after one answer of its worker: the candidates' counts, the greedy answer (the exact run
 * follows), the exact answer (done), or the failure. Answers of another run, or of a cancelled one,
 * change nothing.
 */
export function runWithResponse(run: SiteFinderRun, response: SiteFinderResponse): SiteFinderRun {
  if (run.runId !== response.runId || !isRunningStatus(run.status)) return run;
  if (response.type === 'candidates') return { ...run, counts: response.counts };
  if (response.type === 'greedy') return { ...run, greedy: response.answer, status: 'exact' };
  if (response.type === 'exact') return { ...run, exact: response.answer, exactIssues: response.issues, status: 'done' };
  return { ...run, issues: response.issues, status: 'failed' };
}

/**
 * A run cancelled by the planner: before the greedy answer nothing is kept ('cancelled'); after it the
 * greedy answer stays and the exact run is reported as cancelled. A finished run stays as it is.
 */
export function cancelledRun(run: SiteFinderRun): SiteFinderRun {
  if (!isRunningStatus(run.status)) return run;
  return run.greedy ? { ...run, status: 'done', exact: null, exactIssues: [{ code: 'siteFinder.exactCancelled', file: 'siteFinder' }] } : { ...run, status: 'cancelled', counts: null };
}

export const isRunningStatus = (status: SiteFinderStatus) => status === 'preparing' || status === 'greedy' || status === 'exact';
