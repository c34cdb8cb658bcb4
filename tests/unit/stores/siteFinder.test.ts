import { describe, expect, it } from 'vitest';
import type { SiteFinderAnswer } from '../../../src/analysis/siteFinderProtocol';
import { cancelledRun, DEFAULT_SITE_FINDER_SETTINGS, runWithResponse, type SiteFinderRun } from '../../../src/stores/siteFinder';

const run = (changes: Partial<SiteFinderRun> = {}): SiteFinderRun => ({
  status: 'greedy',
  runId: 3,
  settings: DEFAULT_SITE_FINDER_SETTINGS,
  startedAt: '2026-12-02T09:00:00Z',
  supply: { sites: 0, care: 0 },
  counts: null,
  greedy: null,
  exact: null,
  exactIssues: [],
  issues: [],
  timeLimitSeconds: 10,
  ...changes,
});

const answer = (addedDemand: number): SiteFinderAnswer => ({
  method: 'lazyGreedy',
  sites: [],
  totalDemand: 100,
  servedBefore: 10,
  servedAfter: 10 + addedDemand,
  addedDemand,
  optimal: false,
  municipalities: [],
  province: { code: 'overijssel', people: 100, servedBefore: 10, servedAfter: 10 + addedDemand, percentileBefore: 900, percentileAfter: 600 },
  issues: [],
});

describe('Locatiezoeker run state', () => {
  it('takes the candidates, then the greedy answer (exact run follows), then the exact answer', () => {
    const counts = { builtUp: 10, candidates: 4, noData: 1, notMet: 5, missingCategories: [] };
    let state = runWithResponse(run(), { type: 'candidates', runId: 3, counts });
    expect(state).toMatchObject({ status: 'greedy', counts });
    state = runWithResponse(state, { type: 'greedy', runId: 3, answer: answer(20) });
    expect(state).toMatchObject({ status: 'exact', greedy: { addedDemand: 20 } });
    state = runWithResponse(state, { type: 'exact', runId: 3, answer: { ...answer(22), method: 'highs', optimal: true }, issues: [] });
    expect(state).toMatchObject({ status: 'done', greedy: { addedDemand: 20 }, exact: { addedDemand: 22, optimal: true } });
  });

  it('ignores answers of another run and of a cancelled or finished one', () => {
    const current = run();
    expect(runWithResponse(current, { type: 'greedy', runId: 2, answer: answer(20) })).toBe(current);
    const cancelled = run({ status: 'cancelled' });
    expect(runWithResponse(cancelled, { type: 'greedy', runId: 3, answer: answer(20) })).toBe(cancelled);
    const done = run({ status: 'done', greedy: answer(20) });
    expect(runWithResponse(done, { type: 'exact', runId: 3, answer: answer(25), issues: [] })).toBe(done);
  });

  it('cancelling before the greedy answer keeps nothing; after it keeps the greedy answer and says the exact run was cancelled', () => {
    expect(cancelledRun(run({ status: 'preparing' }))).toMatchObject({ status: 'cancelled', greedy: null, counts: null });
    expect(cancelledRun(run({ status: 'exact', greedy: answer(20) }))).toMatchObject({
      status: 'done',
      greedy: { addedDemand: 20 },
      exact: null,
      exactIssues: [{ code: 'siteFinder.exactCancelled' }],
    });
    const done = run({ status: 'done', greedy: answer(20), exact: answer(22) });
    expect(cancelledRun(done)).toBe(done);
  });

  it('records a failure with its issues', () => {
    const issues = [{ code: 'siteFinder.kTooLarge', file: 'siteFinder', params: { k: 500, candidates: 43 } }];
    expect(runWithResponse(run(), { type: 'error', runId: 3, issues })).toMatchObject({ status: 'failed', issues });
  });
});
