// The site-finder worker's work, free of worker globals so Node tests call it directly: judge the
// built-up cells against the housing type's norms (gridScore.ts, the suitability grid's own rule),
// build the covering problem (siteFinder.ts), post the lazy greedy answer at once, then the exact one
// from HiGHS within the time limit. The HiGHS loader is passed in (the worker loads the WebAssembly
// from the site's own origin; Node tests load the npm package directly).

import type { Highs } from 'highs';
import { type DataIssue, errorReason } from '../domain/dataIssue';
import { InvalidNormsError } from '../domain/norms';
import { decodeIds, FacilityIndex } from './facilityIndex';
import { scoreGrid } from './gridScore';
import { preparePoints } from './nearestFacilityField';
import {
  buildCoverageProblem,
  coverCandidate,
  greedyFewestSites,
  greedyMaxCover,
  highsFewestSites,
  highsMaxCover,
  SITE_FINDER_FILE,
  validateSiteCount,
  validateSiteFinderDistance,
  validateTargetPercent,
  type CoverageProblem,
  type FewestSitesResult,
  type MaxCoverResult,
  type Outcome,
} from './siteFinder';
import { distancesWithSites, nearestSupplyDistances, servedFigures } from './siteFinderFigures';
import { LEFT_OUT_LISTED, type CandidateCounts, type FoundSite, type SiteFinderAnswer, type SiteFinderRequest, type SiteFinderResponse, type SiteFinderRunRequest } from './siteFinderProtocol';

export type PostSiteFinder = (response: SiteFinderResponse) => void;

function issue(code: string, params?: Record<string, string | number>): DataIssue {
  return params ? { code, file: SITE_FINDER_FILE, params } : { code, file: SITE_FINDER_FILE };
}

interface Judged {
  counts: CandidateCounts;
  /** Indices (into the request's candidates) of the cells that meet every norm. */
  kept: number[];
}

/**
 * Candidates = the source's points (cells or listed points alike) meeting every norm of the type; a
 * point not proven to meet them where data is incomplete is left out as "geen gegevens". For the
 * planner's own list the points left out are named (the first LEFT_OUT_LISTED).
 */
function judgeCandidates(request: SiteFinderRunRequest, index: FacilityIndex): Judged {
  const { candidates, profile, settings } = request;
  const score = scoreGrid(preparePoints(candidates.coordinates), index, profile, { kind: 'normsMet', housingType: settings.housingType });
  const source = settings.candidateSource.kind;
  const kept: number[] = [];
  const leftOut: CandidateCounts['leftOut'] = [];
  let noData = 0;
  let notMet = 0;
  for (let point = 0; point < candidates.ids.length; point++) {
    if (score.values[point]! >= score.requiredCount) {
      kept.push(point);
      continue;
    }
    const reason = candidates.incomplete[point] ? 'noData' : 'notMet';
    if (reason === 'noData') noData++;
    else notMet++;
    if (source === 'list' && leftOut.length < LEFT_OUT_LISTED) leftOut.push({ id: candidates.ids[point]!, reason });
  }
  return { kept, counts: { source, considered: candidates.ids.length, candidates: kept.length, noData, notMet, missingCategories: score.noDataCategories, leftOut } };
}

/** No point of the source meets the norms: said per source, with how many were judged and why they fell out. */
function noCandidatesIssue(counts: CandidateCounts): DataIssue {
  const params = { considered: counts.considered, noData: counts.noData, notMet: counts.notMet };
  if (counts.source === 'searchArea') return issue('siteFinder.noCandidatesInArea', params);
  if (counts.source === 'list') return issue('siteFinder.noCandidatesInList', params);
  return issue('siteFinder.noCandidates');
}

interface RunContext {
  request: SiteFinderRunRequest;
  index: FacilityIndex;
  problem: CoverageProblem;
  /** Request candidate index of each problem candidate. */
  kept: number[];
  distanceBefore: Float64Array;
}

function answerOf(context: RunContext, result: MaxCoverResult | FewestSitesResult, issues: DataIssue[]): SiteFinderAnswer {
  const { request, index, problem, kept, distanceBefore } = context;
  const norms = request.profile.norms[request.settings.housingType];
  const sites: FoundSite[] = result.sites.map((site, position) => ({
    rank: position + 1,
    id: site.id,
    cellPosition: request.candidates.cellPositions[kept[site.candidate]!]!,
    label: request.candidates.labels[kept[site.candidate]!] ?? '',
    location: site.location,
    addedDemand: site.addedDemand,
    nearest: norms.map((norm) => ({ category: norm.category, maxDistanceMeters: norm.maxDistanceMeters, distanceMeters: index.nearest(norm.category, site.location)?.distanceMeters ?? null })),
  }));
  const servedAfter = Uint8Array.from(problem.servedByExisting);
  for (const site of result.sites) coverCandidate(problem, site.candidate, servedAfter);
  const figures = servedFigures(request.pieces, {
    servedBefore: problem.servedByExisting,
    servedAfter,
    distanceBefore,
    distanceAfter: distancesWithSites(distanceBefore, request.demand.coordinates, result.sites.map((site) => site.location)),
  });
  const common = {
    method: result.method,
    sites,
    totalDemand: result.totalDemand,
    servedBefore: result.servedBefore,
    servedAfter: result.servedAfter,
    addedDemand: result.addedDemand,
    optimal: result.optimal,
    ...(result.solveSeconds !== undefined ? { solveSeconds: result.solveSeconds } : {}),
    municipalities: figures.municipalities,
    province: figures.province,
    issues,
  };
  if ('k' in result) {
    return { ...common, upperBound: result.upperBound, upperBoundSource: result.upperBoundSource, ...(result.gap !== undefined ? { gap: result.gap } : {}) };
  }
  return { ...common, reached: result.reached, lowerBound: result.lowerBound, targetDemand: result.targetDemand };
}

/** Problems with the settings that are known before any work (D, K, X). */
export function settingsIssues(request: Pick<SiteFinderRunRequest, 'settings'>): DataIssue[] {
  const { settings } = request;
  const issues = validateSiteFinderDistance(settings.distanceMeters);
  if (settings.mode.kind === 'maxCover' && (!Number.isInteger(settings.mode.k) || settings.mode.k < 1)) issues.push(issue('siteFinder.kInvalid', { value: String(settings.mode.k) }));
  if (settings.mode.kind === 'fewestSites') issues.push(...validateTargetPercent(settings.mode.targetPercent));
  return issues;
}

/** Creates the handler; one HiGHS instance is loaded on the first exact run and kept. */
export function createSiteFinderHandler(loadSolver: () => Promise<Highs>): (request: SiteFinderRequest, post: PostSiteFinder) => Promise<void> {
  let solver: Promise<Highs> | null = null;
  return async (request, post) => {
    const { runId, settings } = request;
    const fail = (issues: DataIssue[]) => post({ type: 'error', runId, issues });
    const early = settingsIssues(request);
    if (early.length > 0) return fail(early);
    const started = performance.now();

    let index: FacilityIndex;
    let judged: Judged;
    try {
      index = new FacilityIndex({ ...request.facilities, ids: decodeIds(request.encodedIds) });
      judged = judgeCandidates(request, index);
    } catch (error) {
      if (error instanceof InvalidNormsError) return fail(error.issues);
      throw error;
    }
    const judgedAt = performance.now();
    post({ type: 'candidates', runId, counts: judged.counts });
    if (judged.kept.length === 0) return fail([noCandidatesIssue(judged.counts)]);

    const candidates = {
      ids: judged.kept.map((cell) => request.candidates.ids[cell]!),
      coordinates: Float64Array.from(judged.kept.flatMap((cell) => [request.candidates.coordinates[2 * cell]!, request.candidates.coordinates[2 * cell + 1]!])),
    };
    const built = buildCoverageProblem({ demand: request.demand, supply: request.supply, candidates, distanceMeters: settings.distanceMeters });
    if (!built.result) return fail(built.issues);
    const problem = built.result;
    if (settings.mode.kind === 'maxCover') {
      const kIssues = validateSiteCount(problem, settings.mode.k);
      if (kIssues.length > 0) return fail(kIssues);
    }
    const problemAt = performance.now();
    const context: RunContext = { request, index, problem, kept: judged.kept, distanceBefore: nearestSupplyDistances(request.demand.coordinates, request.supply) };

    const greedyStart = performance.now();
    const greedy: Outcome<MaxCoverResult | FewestSitesResult> = settings.mode.kind === 'maxCover' ? greedyMaxCover(problem, settings.mode.k) : greedyFewestSites(problem, settings.mode.targetPercent);
    if (!greedy.result) return fail(greedy.issues);
    const greedyResult = greedy.result;
    const greedyAt = performance.now();
    // computeMs: the answer's own work (the distances for the figures, computed in between, are left out)
    const phaseMs = { judge: judgedAt - started, problem: problemAt - judgedAt, greedy: greedyAt - greedyStart };
    post({ type: 'greedy', runId, answer: { ...answerOf(context, greedyResult, greedy.issues), computeMs: phaseMs.judge + phaseMs.problem + phaseMs.greedy, phaseMs } });
    // Nothing to prove: greedy is optimal by its own bound, or the target needs no new site.
    if (greedyResult.optimal) return post({ type: 'exact', runId, answer: null, issues: [] });

    let highs: Highs;
    try {
      solver ??= loadSolver();
      highs = await solver;
    } catch (error) {
      solver = null;
      return post({ type: 'exact', runId, answer: null, issues: [issue('siteFinder.solverFailed', { status: errorReason(error) })] });
    }
    const start = greedyResult.sites.map((site) => site.candidate);
    const options = { timeLimitSeconds: request.timeLimitSeconds, start };
    const exact: Outcome<MaxCoverResult | FewestSitesResult> =
      settings.mode.kind === 'maxCover'
        ? highsMaxCover(problem, settings.mode.k, highs, options)
        : highsFewestSites(problem, settings.mode.targetPercent, highs, 'reached' in greedyResult && greedyResult.reached ? options : { timeLimitSeconds: request.timeLimitSeconds });
    if (!exact.result) return post({ type: 'exact', runId, answer: null, issues: exact.issues });
    post({ type: 'exact', runId, answer: answerOf(context, exact.result, exact.issues), issues: exact.issues });
  };
}
