// The plain greedy for maximal covering, as the baseline of the lazy greedy (CELF) in
// src/analysis/siteFinder.ts: every round recomputes every remaining candidate's gain. Same tie rule
// (the lower candidate index wins) and the same gain summation, so both must choose the same sites.
import { coverCandidate, marginalGain, type CoverageProblem } from '../../src/analysis/siteFinder';

export function naiveGreedyMaxCover(problem: CoverageProblem, k: number): { chosen: number[]; gains: number[]; evaluations: number } {
  const covered = new Uint8Array(problem.demandCount);
  const taken = new Uint8Array(problem.candidateIds.length);
  const chosen: number[] = [];
  const gains: number[] = [];
  let evaluations = 0;
  while (chosen.length < k) {
    let best = -1;
    let bestGain = 0;
    for (let candidate = 0; candidate < problem.candidateIds.length; candidate++) {
      if (taken[candidate]) continue;
      const gain = marginalGain(problem, candidate, covered);
      evaluations++;
      if (gain > bestGain) {
        bestGain = gain;
        best = candidate;
      }
    }
    if (best < 0) break;
    taken[best] = 1;
    coverCandidate(problem, best, covered);
    chosen.push(best);
    gains.push(bestGain);
  }
  return { chosen, gains, evaluations };
}
