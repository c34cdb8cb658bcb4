import { describe, expect, it } from 'vitest';
import type { SiteFinderAnswer } from '../../../src/analysis/siteFinderProtocol';
import { comparisonSentence, DEFAULT_SITE_FINDER_SETTINGS } from '../../../src/stores/siteFinder';
import { cancelledRun, newRun, runWithResponse, type SiteFinderRun } from '../../../src/analysis/siteFinderRun';

const run = (changes: Partial<SiteFinderRun> = {}): SiteFinderRun => ({
  ...newRun(3, DEFAULT_SITE_FINDER_SETTINGS, '2026-12-02T09:00:00Z', 10),
  status: 'greedy',
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
    const counts = { source: 'builtUp' as const, considered: 10, candidates: 4, noData: 1, notMet: 5, missingCategories: [], leftOut: [] };
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

describe('the comparison sentence', () => {
  const maxCover = (changes: Partial<SiteFinderRun>) => run({ status: 'done', ...changes });
  const sites = (count: number) => Array.from({ length: count }, (_, index) => ({ rank: index + 1, id: `cel-${index}`, cellPosition: index, label: '', location: [6, 52] as [number, number], addedDemand: 1, nearest: [] }));

  it('compares the fast choice with the best possible one from HiGHS, in the issue’s words', () => {
    const greedy = { ...answer(1240), sites: sites(5), upperBound: 1500 };
    const exact = { ...answer(1262), sites: sites(5), method: 'highs' as const, optimal: true };
    expect(comparisonSentence(maxCover({ greedy, exact }))).toBe(
      'Deze 5 locaties bereiken 1.240 75-plussers die nu niet binnen 500 m van een locatie wonen; de best mogelijke keuze bereikt 1.262 (HiGHS, 1,8 % meer).',
    );
    expect(comparisonSentence(maxCover({ greedy, exact: { ...exact, addedDemand: 1240 } }))).toMatch(/wonen\. Dat is de best mogelijke keuze \(bewezen door HiGHS\)\.$/);
    expect(comparisonSentence(maxCover({ status: 'exact', greedy }))).toMatch(/rekent HiGHS nog na \(tijdslimiet 10 s\)\.$/);
  });

  it('gives the guarantee and the smaller upper bound when HiGHS could not finish', () => {
    const greedy = { ...answer(1240), sites: sites(5), upperBound: 1500 };
    const exact = { ...answer(1250), sites: sites(5), method: 'highs' as const, optimal: false, upperBound: 1290 };
    const text = comparisonSentence(maxCover({ greedy, exact, exactIssues: [{ code: 'siteFinder.solverTimeLimit', file: 'siteFinder', params: { seconds: 10, gap: 3.2 } }] }));
    expect(text).toContain('De exacte berekening (HiGHS) stopte na 10 s');
    expect(text).toContain('HiGHS vond een keuze die 1.250 bereikt.');
    expect(text).toContain('Geen keuze van 5 locaties bereikt meer dan 1.290 75-plussers (bovengrens); de snelle methode haalt altijd minstens 63 %');
    // HiGHS stopped before it had a bound: the greedy bound stands
    const noBound = comparisonSentence(maxCover({ greedy, exact: { ...exact, addedDemand: 1240, upperBound: Infinity }, exactIssues: [{ code: 'siteFinder.solverTimeLimitNoBound', file: 'siteFinder', params: { seconds: 10 } }] }));
    expect(noBound).toContain('stopte na de tijdslimiet van 10 s voordat ze een bovengrens had.');
    expect(noBound).toContain('Geen keuze van 5 locaties bereikt meer dan 1.500 75-plussers');
    // cancelled: only the greedy bound is known
    expect(comparisonSentence(maxCover({ greedy, exactIssues: [{ code: 'siteFinder.exactCancelled', file: 'siteFinder' }] }))).toContain('geannuleerd. Geen keuze van 5 locaties bereikt meer dan 1.500');
  });

  it('says how many sites reach X % and what HiGHS proved about the count', () => {
    const settings = { ...DEFAULT_SITE_FINDER_SETTINGS, mode: { kind: 'fewestSites' as const, targetPercent: 50 } };
    const greedy = { ...answer(45), sites: sites(3), reached: true, lowerBound: 1 };
    expect(comparisonSentence(run({ status: 'done', settings, greedy, exact: { ...answer(41), sites: sites(2), optimal: true, reached: true, lowerBound: 2 } }))).toBe(
      'Met deze 3 locaties woont 55 % van de 75-plussers binnen 500 m van een locatie (doel 50 %). Het kan met 2 locaties (HiGHS); kies hieronder die keuze om ze te zien.',
    );
  });
});
