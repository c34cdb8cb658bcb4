// Locatiezoeker (issue 13), the pure core: which K new sites serve the most older people who are not
// yet served within distance D (maximal covering location problem, existing supply fixed), and the
// variant "fewest sites to serve X % of the older people". No DOM, no map: runs in a Web Worker and
// in Node.
//
// - Demand: weighted points, normally the grid cells of the dasymetric spread (dasymetric.ts is the
//   one owner of that method; demandFromPopulation only reads its cells).
// - Already served: demand within D of an existing supply point. Those people count as served and
//   stay fixed: they are never counted again for a new site.
// - Covering: a candidate covers a demand point when the great-circle distance is at most D
//   (haversineMeters, the same formula as turf.distance). The demand points are indexed with kdbush
//   (in degrees); each query takes a lon/lat box that surely contains the D-disc, a cheap
//   equirectangular metric sorts out the clear cases and haversine decides within 0.01 % of D, so
//   neither the index nor the shortcut changes the answer.
// - Answers: lazy greedy (CELF: a priority queue of marginal gains, re-evaluated only when a stale
//   gain reaches the top; exact because coverage is submodular, so a gain never grows), an exact
//   brute force over all K-subsets for small instances, and the MIP solver HiGHS (WebAssembly, the
//   npm package `highs`) with a time limit, which reports its bound and gap when it stops early.
// - Quality: greedy covers at least (1 − 1/e) ≈ 63 % of the optimum; the upper bound reported with
//   the greedy answer is the smaller of f(S_i) + the K largest (upper bounds of) marginal gains at any
//   round i, and greedy / (1 − 1/e).

import KDBush from 'kdbush';
import type { Highs } from 'highs';
import { type DataIssue, errorReason } from '../domain/dataIssue';
import { MAX_ZONE_DISTANCE_METERS, MIN_ZONE_DISTANCE_METERS } from '../domain/serviceZones';
import type { AgeBand, DasymetricPopulation } from './dasymetric';
import { DEGREES_TO_RADIANS, EARTH_RADIUS_METERS, haversineMeters, metersToRankingMetric, rankingMetric } from './sphericalDistance';

/** `file` of every issue this module gives. */
export const SITE_FINDER_FILE = 'siteFinder';

/**
 * Range of D: the same walking-distance range as the woonservicegebieden (src/domain/serviceZones.ts
 * owns the numbers and their reasons): below 25 m a disc is smaller than a building, above 3 km it is
 * no longer a walking neighbourhood.
 */
export const SITE_FINDER_MIN_DISTANCE_METERS = MIN_ZONE_DISTANCE_METERS;
export const SITE_FINDER_MAX_DISTANCE_METERS = MAX_ZONE_DISTANCE_METERS;

/** Greedy's worst-case share of the optimum for maximal covering (Nemhauser, Wolsey & Fisher 1978). */
export const GREEDY_GUARANTEE = 1 - 1 / Math.E;

/** Brute force refuses instances with more K-subsets than this (it is for tests and references). */
export const MAX_BRUTE_FORCE_SUBSETS = 5_000_000;

/** Weighted demand points: [lon0, lat0, lon1, lat1, ...] and one weight (people, fractional) each. */
export interface DemandPoints {
  coordinates: Float64Array;
  weights: Float64Array;
}

/** Candidate sites: ids (unique) and [lon0, lat0, ...]. */
export interface CandidatePoints {
  ids: readonly string[];
  coordinates: Float64Array;
}

export interface SiteFinderInput {
  demand: DemandPoints;
  /** Existing supply (scenario sites, key projects, 24-hour care, …): [lon0, lat0, ...]; fixed. */
  supply: Float64Array;
  candidates: CandidatePoints;
  distanceMeters: number;
}

/** The covering instance after the served demand is taken out; what every solver here works on. */
export interface CoverageProblem {
  distanceMeters: number;
  candidateIds: readonly string[];
  candidateCoordinates: Float64Array;
  demandCount: number;
  /** Total demand weight (served or not). */
  totalDemand: number;
  /** Demand within D of existing supply. */
  servedBefore: number;
  /** 1 for each demand point already served by existing supply. */
  servedByExisting: Uint8Array;
  /** Weight of each demand point that is not yet served (0 where served). */
  openWeights: Float64Array;
  /** CSR: candidate j covers the open demand points coverDemand[coverStart[j] .. coverStart[j + 1]) (in index order, not sorted). */
  coverStart: Uint32Array;
  coverDemand: Uint32Array;
}

export interface ChosenSite {
  /** Index in the candidates. */
  candidate: number;
  id: string;
  location: [number, number];
  /** Not-yet-served demand this site adds, given the sites before it in the list. */
  addedDemand: number;
}

export type SolverMethod = 'lazyGreedy' | 'bruteForce' | 'highs';

export interface CoverSummary {
  method: SolverMethod;
  /** In order of choice (exact answers: ordered greedily within the chosen set). */
  sites: ChosenSite[];
  totalDemand: number;
  servedBefore: number;
  servedAfter: number;
  /** servedAfter − servedBefore. */
  addedDemand: number;
}

export interface MaxCoverResult extends CoverSummary {
  k: number;
  /** An upper bound on the demand any K new sites can add (equal to addedDemand when proven optimal; Infinity when HiGHS stopped before it had one). */
  upperBound: number;
  upperBoundSource: 'marginalGains' | 'greedyGuarantee' | 'exhaustive' | 'mipOptimal' | 'mipDualBound';
  /** Greedy's proven worst-case share of the optimum, when the method is greedy. */
  guarantee?: number;
  optimal: boolean;
  /** Gain evaluations (greedy) or subsets tried (brute force). */
  evaluations: number;
  /** HiGHS only: relative gap (bound − value) / value when stopped early, 0 when optimal. */
  gap?: number;
  solveSeconds?: number;
}

export interface FewestSitesResult extends CoverSummary {
  targetPercent: number;
  /** Demand that must be served in total (before + new) to reach the target. */
  targetDemand: number;
  reached: boolean;
  /** No set of fewer sites can reach the target (proven lower bound on the count). */
  lowerBound: number;
  optimal: boolean;
  solveSeconds?: number;
}

export type Outcome<T> = { result: T; issues: DataIssue[] } | { result: null; issues: DataIssue[] };

function issue(code: string, params?: Record<string, string | number>, record?: string | number): DataIssue {
  return { code, file: SITE_FINDER_FILE, ...(record !== undefined ? { record } : {}), ...(params ? { params } : {}) };
}

const isLonLat = (lon: number, lat: number) => Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;

/** Problems with D, or an empty list. */
export function validateSiteFinderDistance(distanceMeters: number): DataIssue[] {
  const params = { value: String(distanceMeters), min: SITE_FINDER_MIN_DISTANCE_METERS, max: SITE_FINDER_MAX_DISTANCE_METERS };
  if (!Number.isFinite(distanceMeters)) return [issue('siteFinder.distanceNotANumber', params)];
  if (distanceMeters < SITE_FINDER_MIN_DISTANCE_METERS || distanceMeters > SITE_FINDER_MAX_DISTANCE_METERS) return [issue('siteFinder.distanceOutOfRange', params)];
  return [];
}

/** Every problem of the input (distance, demand, supply, candidates); an empty list means it can be solved. */
export function validateSiteFinderInput(input: SiteFinderInput): DataIssue[] {
  const issues = validateSiteFinderDistance(input.distanceMeters);
  const { demand, supply, candidates } = input;
  const demandCount = demand.weights.length;
  if (demand.coordinates.length !== 2 * demandCount) issues.push(issue('siteFinder.demandShape', { coordinates: demand.coordinates.length, weights: demandCount }));
  let total = 0;
  let badDemand = 0;
  for (let point = 0; point < demandCount; point++) {
    const weight = demand.weights[point]!;
    const valid = Number.isFinite(weight) && weight >= 0 && isLonLat(demand.coordinates[2 * point]!, demand.coordinates[2 * point + 1]!);
    if (!valid) {
      if (badDemand++ < 10) issues.push(issue('siteFinder.demandPointInvalid', { weight: String(weight) }, point + 1));
      continue;
    }
    total += weight;
  }
  if (badDemand > 10) issues.push(issue('siteFinder.moreInvalid', { count: badDemand - 10 }));
  if (badDemand === 0 && !(total > 0)) issues.push(issue('siteFinder.noDemand'));
  if (supply.length % 2 !== 0) issues.push(issue('siteFinder.supplyShape', { coordinates: supply.length }));
  for (let point = 0; 2 * point + 1 < supply.length; point++) {
    if (!isLonLat(supply[2 * point]!, supply[2 * point + 1]!)) issues.push(issue('siteFinder.supplyPointInvalid', undefined, point + 1));
  }
  if (candidates.ids.length === 0) issues.push(issue('siteFinder.noCandidates'));
  if (candidates.coordinates.length !== 2 * candidates.ids.length) {
    issues.push(issue('siteFinder.candidateShape', { coordinates: candidates.coordinates.length, ids: candidates.ids.length }));
  } else {
    const seen = new Set<string>();
    candidates.ids.forEach((id, index) => {
      if (seen.has(id)) issues.push(issue('siteFinder.candidateDuplicate', undefined, id));
      seen.add(id);
      if (!isLonLat(candidates.coordinates[2 * index]!, candidates.coordinates[2 * index + 1]!)) issues.push(issue('siteFinder.candidatePointInvalid', undefined, id));
    });
  }
  return issues;
}

/** Problems with K for this problem (a whole number from 1 to the number of candidates), or an empty list. */
export function validateSiteCount(problem: CoverageProblem, k: number): DataIssue[] {
  if (!Number.isInteger(k) || k < 1) return [issue('siteFinder.kInvalid', { value: String(k) })];
  if (k > problem.candidateIds.length) return [issue('siteFinder.kTooLarge', { k, candidates: problem.candidateIds.length })];
  return [];
}

/** Problems with X (a percentage above 0 and at most 100), or an empty list. */
export function validateTargetPercent(targetPercent: number): DataIssue[] {
  if (!Number.isFinite(targetPercent) || targetPercent <= 0 || targetPercent > 100) return [issue('siteFinder.targetOutOfRange', { value: String(targetPercent) })];
  return [];
}

/** The demand points of one age band from the dasymetric spread: every grid cell with people in that band. */
export function demandFromPopulation(population: DasymetricPopulation, band: AgeBand): DemandPoints & { cellPositions: Uint32Array; unknownPostcodes: string[] } {
  const counts = population.cellCounts[band];
  const positions: number[] = [];
  for (let position = 0; position < population.cellCount; position++) if (counts[position]! > 0) positions.push(position);
  const coordinates = new Float64Array(positions.length * 2);
  const weights = new Float64Array(positions.length);
  positions.forEach((position, index) => {
    coordinates[2 * index] = population.centers[2 * position]!;
    coordinates[2 * index + 1] = population.centers[2 * position + 1]!;
    weights[index] = counts[position]!;
  });
  const unknownPostcodes = population.suppressed.filter((entry) => entry.bands.includes(band)).map((entry) => entry.postcode);
  return { coordinates, weights, cellPositions: Uint32Array.from(positions), unknownPostcodes };
}

/** The demand points indexed for "which lie within D of this point": kdbush in degrees, plus radians for the distance test. */
interface DemandIndex {
  tree: KDBush;
  degrees: Float64Array;
  radians: Float64Array;
  /** Scratch for the hits of one query. */
  hits: Uint32Array;
}

function indexDemand(coordinates: Float64Array): DemandIndex {
  const count = coordinates.length / 2;
  const tree = new KDBush(count, 64, Float64Array);
  const radians = new Float64Array(coordinates.length);
  for (let point = 0; point < count; point++) {
    tree.add(coordinates[2 * point]!, coordinates[2 * point + 1]!);
    radians[2 * point] = coordinates[2 * point]! * DEGREES_TO_RADIANS;
    radians[2 * point + 1] = coordinates[2 * point + 1]! * DEGREES_TO_RADIANS;
  }
  tree.finish();
  return { tree, degrees: coordinates, radians, hits: new Uint32Array(count) };
}

/** Relative margin around D within which the cheap metric defers to the exact distance (its error is ~1e-6 up to 5 km). */
const METRIC_MARGIN = 1e-4;

/**
 * Puts the demand points within distanceMeters of (lon, lat) into index.hits and returns how many.
 * kdbush gives the points in a lon/lat box that surely holds the D-disc (|Δlat| ≤ D/R on any great
 * circle, |Δlon| ≤ (D/R)/cos of the box's pole-side latitude, plus 1 %). Each is then tested with the
 * cheap equirectangular metric of sphericalDistance.ts, and where that lies within 0.01 % of D, with
 * haversineMeters (= turf.distance): so membership is exactly "haversine ≤ D".
 */
function withinDistance(index: DemandIndex, lon: number, lat: number, distanceMeters: number): number {
  const deltaLat = (distanceMeters / EARTH_RADIUS_METERS / DEGREES_TO_RADIANS) * 1.01;
  const poleSide = Math.min(89.9, Math.abs(lat) + deltaLat);
  const deltaLon = Math.min(180, deltaLat / Math.cos(poleSide * DEGREES_TO_RADIANS));
  const lonRadians = lon * DEGREES_TO_RADIANS;
  const latRadians = lat * DEGREES_TO_RADIANS;
  const cosLat = Math.cos(latRadians);
  const sinLat = Math.sin(latRadians);
  const limit = metersToRankingMetric(distanceMeters);
  const surelyInside = limit * (1 - METRIC_MARGIN);
  const surelyOutside = limit * (1 + METRIC_MARGIN);
  const { radians, degrees, hits } = index;
  let count = 0;
  for (const point of index.tree.range(lon - deltaLon, lat - deltaLat, lon + deltaLon, lat + deltaLat)) {
    const metric = rankingMetric(lonRadians, latRadians, cosLat, sinLat, radians[2 * point]!, radians[2 * point + 1]!);
    if (metric > surelyOutside) continue;
    if (metric >= surelyInside && haversineMeters(lon, lat, degrees[2 * point]!, degrees[2 * point + 1]!) > distanceMeters) continue;
    hits[count++] = point;
  }
  return count;
}

/**
 * The covering instance: demand served by existing supply taken out, and per candidate the open demand
 * points within D. Null with issues when the input is not usable.
 */
export function buildCoverageProblem(input: SiteFinderInput): Outcome<CoverageProblem> {
  const issues = validateSiteFinderInput(input);
  if (issues.length > 0) return { result: null, issues };
  const { demand, supply, candidates, distanceMeters } = input;
  const demandCount = demand.weights.length;
  const index = indexDemand(demand.coordinates);

  const servedByExisting = new Uint8Array(demandCount);
  for (let point = 0; 2 * point + 1 < supply.length; point++) {
    const count = withinDistance(index, supply[2 * point]!, supply[2 * point + 1]!, distanceMeters);
    for (let hit = 0; hit < count; hit++) servedByExisting[index.hits[hit]!] = 1;
  }
  const openWeights = new Float64Array(demandCount);
  let totalDemand = 0;
  let servedBefore = 0;
  for (let point = 0; point < demandCount; point++) {
    const weight = demand.weights[point]!;
    totalDemand += weight;
    if (servedByExisting[point]) servedBefore += weight;
    else openWeights[point] = weight;
  }

  const candidateCount = candidates.ids.length;
  const coverStart = new Uint32Array(candidateCount + 1);
  let cover = new Uint32Array(Math.max(1024, candidateCount * 16));
  let size = 0;
  for (let candidate = 0; candidate < candidateCount; candidate++) {
    const count = withinDistance(index, candidates.coordinates[2 * candidate]!, candidates.coordinates[2 * candidate + 1]!, distanceMeters);
    if (size + count > cover.length) {
      const grown = new Uint32Array(Math.max(2 * cover.length, size + count));
      grown.set(cover);
      cover = grown;
    }
    for (let hit = 0; hit < count; hit++) {
      const point = index.hits[hit]!;
      if (openWeights[point]! > 0) cover[size++] = point;
    }
    coverStart[candidate + 1] = size;
  }
  return {
    result: {
      distanceMeters,
      candidateIds: candidates.ids,
      candidateCoordinates: candidates.coordinates,
      demandCount,
      totalDemand,
      servedBefore,
      servedByExisting,
      openWeights,
      coverStart,
      coverDemand: cover.slice(0, size),
    },
    issues: [],
  };
}

/** Open demand a candidate adds given the covered flags (summed in the CSR order, so every solver gets the same number). */
export function marginalGain(problem: CoverageProblem, candidate: number, covered: Uint8Array): number {
  let gain = 0;
  for (let entry = problem.coverStart[candidate]!; entry < problem.coverStart[candidate + 1]!; entry++) {
    const point = problem.coverDemand[entry]!;
    if (!covered[point]) gain += problem.openWeights[point]!;
  }
  return gain;
}

/** Marks a candidate's demand covered. */
export function coverCandidate(problem: CoverageProblem, candidate: number, covered: Uint8Array): void {
  for (let entry = problem.coverStart[candidate]!; entry < problem.coverStart[candidate + 1]!; entry++) covered[problem.coverDemand[entry]!] = 1;
}

function chosenSite(problem: CoverageProblem, candidate: number, addedDemand: number): ChosenSite {
  return {
    candidate,
    id: problem.candidateIds[candidate]!,
    location: [problem.candidateCoordinates[2 * candidate]!, problem.candidateCoordinates[2 * candidate + 1]!],
    addedDemand,
  };
}

function summary(problem: CoverageProblem, method: SolverMethod, sites: ChosenSite[]): CoverSummary {
  const addedDemand = sites.reduce((sum, site) => sum + site.addedDemand, 0);
  return { method, sites, totalDemand: problem.totalDemand, servedBefore: problem.servedBefore, servedAfter: problem.servedBefore + addedDemand, addedDemand };
}

/**
 * A chosen set in the order a greedy would take it (largest addition first, lower index on ties),
 * each with the demand it adds: how an exact answer is listed.
 */
export function orderChoice(problem: CoverageProblem, chosen: readonly number[]): ChosenSite[] {
  const covered = new Uint8Array(problem.demandCount);
  const left = [...chosen].sort((a, b) => a - b);
  const sites: ChosenSite[] = [];
  while (left.length > 0) {
    let best = 0;
    let bestGain = -1;
    left.forEach((candidate, position) => {
      const gain = marginalGain(problem, candidate, covered);
      if (gain > bestGain) {
        bestGain = gain;
        best = position;
      }
    });
    const [candidate] = left.splice(best, 1);
    coverCandidate(problem, candidate!, covered);
    sites.push(chosenSite(problem, candidate!, bestGain));
  }
  return sites;
}

/** Max-heap of candidates keyed on (gain desc, index asc), on typed arrays. */
class GainHeap {
  readonly candidates: Int32Array;
  readonly gains: Float64Array;
  readonly rounds: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.candidates = new Int32Array(capacity);
    this.gains = new Float64Array(capacity);
    this.rounds = new Int32Array(capacity);
  }
  private above(a: number, b: number): boolean {
    return this.gains[a]! > this.gains[b]! || (this.gains[a] === this.gains[b] && this.candidates[a]! < this.candidates[b]!);
  }
  private swap(a: number, b: number): void {
    const candidate = this.candidates[a]!;
    const gain = this.gains[a]!;
    const round = this.rounds[a]!;
    this.candidates[a] = this.candidates[b]!;
    this.gains[a] = this.gains[b]!;
    this.rounds[a] = this.rounds[b]!;
    this.candidates[b] = candidate;
    this.gains[b] = gain;
    this.rounds[b] = round;
  }
  private down(start: number): void {
    let node = start;
    for (;;) {
      const left = 2 * node + 1;
      const right = left + 1;
      let top = node;
      if (left < this.size && this.above(left, top)) top = left;
      if (right < this.size && this.above(right, top)) top = right;
      if (top === node) return;
      this.swap(node, top);
      node = top;
    }
  }
  /** Fill the arrays first (size = count), then heapify. */
  heapify(): void {
    for (let node = (this.size >> 1) - 1; node >= 0; node--) this.down(node);
  }
  /** Replace the top's gain and round, and restore the order. */
  updateTop(gain: number, round: number): void {
    this.gains[0] = gain;
    this.rounds[0] = round;
    this.down(0);
  }
  removeTop(): void {
    this.size -= 1;
    if (this.size > 0) {
      this.swap(0, this.size);
      this.down(0);
    }
  }
  /** Sum of the k largest gains in the heap (its gains are upper bounds of the true marginal gains). */
  sumOfLargest(k: number): number {
    const largest = new Float64Array(k); // descending
    let filled = 0;
    for (let entry = 0; entry < this.size; entry++) {
      const gain = this.gains[entry]!;
      if (filled === k && gain <= largest[k - 1]!) continue;
      let position = Math.min(filled, k - 1);
      while (position > 0 && largest[position - 1]! < gain) {
        largest[position] = largest[position - 1]!;
        position--;
      }
      largest[position] = gain;
      if (filled < k) filled++;
    }
    let sum = 0;
    for (let entry = 0; entry < filled; entry++) sum += largest[entry]!;
    return sum;
  }
}

/** What a lazy-greedy run chose, and (with a K) the bound f(chosen) + the K largest remaining gains. */
interface LazyGreedyRun {
  sites: ChosenSite[];
  value: number;
  evaluations: number;
  bound: number;
  /** No candidate was left. */
  exhausted: boolean;
}

/**
 * Lazy greedy (CELF) shared by both questions: the first round computes every candidate's gain; later a
 * popped candidate whose gain was computed before the last choice is re-evaluated and pushed back, and
 * one whose gain is current is chosen. Adds sites while `more(chosen, value)` holds and a candidate adds
 * anything. `boundK` (for "K sites") keeps the upper bound up to date; null skips it.
 */
function lazyGreedy(problem: CoverageProblem, more: (chosen: number, value: number) => boolean, boundK: number | null): LazyGreedyRun {
  const candidateCount = problem.candidateIds.length;
  const covered = new Uint8Array(problem.demandCount);
  const heap = new GainHeap(candidateCount);
  for (let candidate = 0; candidate < candidateCount; candidate++) {
    heap.candidates[candidate] = candidate;
    heap.gains[candidate] = marginalGain(problem, candidate, covered);
    heap.rounds[candidate] = 0;
  }
  heap.size = candidateCount;
  heap.heapify();
  let evaluations = candidateCount;
  let bound = boundK === null ? Infinity : heap.sumOfLargest(boundK); // f(∅) + K largest gains
  const sites: ChosenSite[] = [];
  let value = 0;
  while (more(sites.length, value) && heap.size > 0) {
    const candidate = heap.candidates[0]!;
    if (heap.rounds[0] !== sites.length) {
      heap.updateTop(marginalGain(problem, candidate, covered), sites.length);
      evaluations++;
      continue;
    }
    const gain = heap.gains[0]!;
    if (!(gain > 0)) break;
    heap.removeTop();
    coverCandidate(problem, candidate, covered);
    sites.push(chosenSite(problem, candidate, gain));
    value += gain;
    if (boundK !== null) bound = Math.min(bound, value + heap.sumOfLargest(boundK));
  }
  return { sites, value, evaluations, bound, exhausted: heap.size === 0 };
}

/**
 * K new sites by lazy greedy (CELF): the first round computes every candidate's gain; later a popped
 * candidate whose gain was computed before the last choice is re-evaluated and pushed back, and one
 * whose gain is current is chosen. Same choice as a plain greedy that recomputes all gains every round
 * (ties go to the lower candidate index in both). Stops early when no candidate adds anything.
 */
export function greedyMaxCover(problem: CoverageProblem, k: number): Outcome<MaxCoverResult> {
  const issues = validateSiteCount(problem, k);
  if (issues.length > 0) return { result: null, issues };
  const run = lazyGreedy(problem, (chosen) => chosen < k, k);
  const { sites, value, evaluations } = run;
  let bound = run.bound;
  if (run.exhausted || sites.length < k) bound = Math.min(bound, value); // nothing left adds anything
  const byGuarantee = value / GREEDY_GUARANTEE;
  const useGuarantee = byGuarantee < bound;
  const upperBound = Math.max(value, useGuarantee ? byGuarantee : bound);
  const result: MaxCoverResult = {
    ...summary(problem, 'lazyGreedy', sites),
    k,
    upperBound,
    upperBoundSource: useGuarantee ? 'greedyGuarantee' : 'marginalGains',
    guarantee: GREEDY_GUARANTEE,
    optimal: upperBound <= value,
    evaluations,
  };
  if (sites.length < k) return { result, issues: [issue('siteFinder.noFurtherGain', { chosen: sites.length, k })] };
  return { result, issues: [] };
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let step = 1; step <= k; step++) result = (result * (n - k + step)) / step;
  return Math.round(result);
}

/** Best K-subset by trying them all (ties: the first in lexicographic order). For tests and small references. */
export function bruteForceMaxCover(problem: CoverageProblem, k: number): Outcome<MaxCoverResult> {
  const issues = validateSiteCount(problem, k);
  if (issues.length > 0) return { result: null, issues };
  const candidateCount = problem.candidateIds.length;
  const subsets = binomial(candidateCount, k);
  if (subsets > MAX_BRUTE_FORCE_SUBSETS) return { result: null, issues: [issue('siteFinder.tooManySubsets', { subsets, max: MAX_BRUTE_FORCE_SUBSETS })] };
  const counts = new Uint16Array(problem.demandCount);
  const current: number[] = [];
  let best: number[] = [];
  let bestValue = -1;
  let evaluations = 0;
  const tolerance = 1e-9 * Math.max(1, problem.totalDemand);
  const visit = (from: number, value: number): void => {
    if (current.length === k) {
      evaluations++;
      if (value > bestValue + tolerance) {
        bestValue = value;
        best = [...current];
      }
      return;
    }
    for (let candidate = from; candidate <= candidateCount - (k - current.length); candidate++) {
      let added = 0;
      for (let entry = problem.coverStart[candidate]!; entry < problem.coverStart[candidate + 1]!; entry++) {
        const point = problem.coverDemand[entry]!;
        if (counts[point]!++ === 0) added += problem.openWeights[point]!;
      }
      current.push(candidate);
      visit(candidate + 1, value + added);
      current.pop();
      for (let entry = problem.coverStart[candidate]!; entry < problem.coverStart[candidate + 1]!; entry++) counts[problem.coverDemand[entry]!]!--;
    }
  };
  visit(0, 0);
  const sites = orderChoice(problem, best);
  const result = summary(problem, 'bruteForce', sites);
  return { result: { ...result, k, upperBound: result.addedDemand, upperBoundSource: 'exhaustive', optimal: true, evaluations }, issues: [] };
}

/** Total demand to serve for X %, and what the new sites must add to it. */
function targetOf(problem: CoverageProblem, targetPercent: number): { targetDemand: number; needed: number; tolerance: number } {
  const targetDemand = (problem.totalDemand * targetPercent) / 100;
  const tolerance = 1e-9 * Math.max(1, problem.totalDemand);
  return { targetDemand, needed: targetDemand - problem.servedBefore, tolerance };
}

/** Smallest m whose m largest single-site gains reach `needed`: no m − 1 sites can (each adds at most its own gain). */
function countLowerBound(problem: CoverageProblem, needed: number, tolerance: number): number {
  if (needed <= tolerance) return 0;
  const covered = new Uint8Array(problem.demandCount);
  const gains = problem.candidateIds.map((_, candidate) => marginalGain(problem, candidate, covered)).sort((a, b) => b - a);
  let sum = 0;
  for (let count = 1; count <= gains.length; count++) {
    sum += gains[count - 1]!;
    if (sum >= needed - tolerance) return count;
  }
  return gains.length + 1;
}

function unreachable(problem: CoverageProblem, targetPercent: number): DataIssue {
  const covered = new Uint8Array(problem.demandCount);
  for (let candidate = 0; candidate < problem.candidateIds.length; candidate++) coverCandidate(problem, candidate, covered);
  let reachable = problem.servedBefore;
  for (let point = 0; point < problem.demandCount; point++) if (covered[point]) reachable += problem.openWeights[point]!;
  return issue('siteFinder.targetUnreachable', { target: targetPercent, reachable: Math.floor((1000 * reachable) / problem.totalDemand) / 10 });
}

/**
 * "Fewest sites to serve X % of the demand" (X of all older people, the already served included) by
 * lazy greedy: adds sites until the target is met. Not always the fewest; `lowerBound` says how many
 * are needed at least. When even every candidate cannot reach X %, reached is false with an issue.
 */
export function greedyFewestSites(problem: CoverageProblem, targetPercent: number): Outcome<FewestSitesResult> {
  const issues = validateTargetPercent(targetPercent);
  if (issues.length > 0) return { result: null, issues };
  const { targetDemand, needed, tolerance } = targetOf(problem, targetPercent);
  const lowerBound = countLowerBound(problem, needed, tolerance);
  const sites = needed > tolerance ? lazyGreedy(problem, (_chosen, value) => value < needed - tolerance, null).sites : [];
  const result = summary(problem, 'lazyGreedy', sites);
  const reached = result.servedAfter >= targetDemand - tolerance;
  const fewest: FewestSitesResult = { ...result, targetPercent, targetDemand, reached, lowerBound, optimal: reached && sites.length <= lowerBound };
  return { result: fewest, issues: reached ? [] : [unreachable(problem, targetPercent)] };
}

/** The fewest sites for X % by brute force: the best K-subset for K = lower bound, lower bound + 1, … For tests. */
export function bruteForceFewestSites(problem: CoverageProblem, targetPercent: number): Outcome<FewestSitesResult> {
  const issues = validateTargetPercent(targetPercent);
  if (issues.length > 0) return { result: null, issues };
  const { targetDemand, needed, tolerance } = targetOf(problem, targetPercent);
  const done = (sites: ChosenSite[], reached: boolean, lowerBound: number): Outcome<FewestSitesResult> => ({
    result: { ...summary(problem, 'bruteForce', sites), targetPercent, targetDemand, reached, lowerBound, optimal: reached },
    issues: reached ? [] : [unreachable(problem, targetPercent)],
  });
  if (needed <= tolerance) return done([], true, 0);
  for (let k = Math.max(1, countLowerBound(problem, needed, tolerance)); k <= problem.candidateIds.length; k++) {
    const best = bruteForceMaxCover(problem, k);
    if (!best.result) return { result: null, issues: best.issues };
    if (best.result.addedDemand >= needed - tolerance) return done(best.result.sites, true, k);
  }
  return done([], false, problem.candidateIds.length + 1);
}

export interface HighsOptions {
  /** Stop after this many seconds and report the best answer and the bound. Default 10. */
  timeLimitSeconds?: number;
  /** Candidate indices of a known good answer (e.g. greedy's), given to HiGHS as a starting solution. */
  start?: readonly number[];
}

/** The MIP in HiGHS's sparse form: columns x_j (candidates, binary) then y_i (open demand covered by any candidate). */
interface CoveringMip {
  candidateCount: number;
  /** Demand point of each y column. */
  rowPoints: number[];
  /** CSR rows y_i − Σ_{j covers i} x_j ≤ 0. */
  starts: number[];
  indices: number[];
  values: number[];
}

function coveringRows(problem: CoverageProblem): CoveringMip {
  const candidateCount = problem.candidateIds.length;
  const coverers: number[][] = [];
  const columnOfPoint = new Int32Array(problem.demandCount).fill(-1);
  const rowPoints: number[] = [];
  for (let candidate = 0; candidate < candidateCount; candidate++) {
    for (let entry = problem.coverStart[candidate]!; entry < problem.coverStart[candidate + 1]!; entry++) {
      const point = problem.coverDemand[entry]!;
      if (columnOfPoint[point] === -1) {
        columnOfPoint[point] = rowPoints.length;
        rowPoints.push(point);
        coverers.push([]);
      }
      coverers[columnOfPoint[point]!]!.push(candidate);
    }
  }
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  rowPoints.forEach((_, row) => {
    for (const candidate of coverers[row]!) {
      indices.push(candidate);
      values.push(-1);
    }
    indices.push(candidateCount + row);
    values.push(1);
    starts.push(indices.length);
  });
  return { candidateCount, rowPoints, starts, indices, values };
}

interface MipOutcome {
  chosen: number[];
  status: 'optimal' | 'timeLimit';
  dualBound: number;
  gap: number;
  seconds: number;
}

function runMip(
  highs: Highs,
  mip: CoveringMip,
  objective: { sense: 'max' | 'min'; colCost: number[] },
  extraRow: { indices: number[]; values: number[]; lower: number; upper: number },
  options: HighsOptions,
): MipOutcome | DataIssue {
  const { candidateCount, rowPoints } = mip;
  const numCols = candidateCount + rowPoints.length;
  const numRows = rowPoints.length + 1;
  const starts = [...mip.starts, mip.indices.length + extraRow.indices.length];
  const model = highs.createModel({
    numCols,
    numRows,
    sense: objective.sense === 'max' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: objective.colCost,
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower: [...rowPoints.map(() => -highs.infinity), extraRow.lower],
    rowUpper: [...rowPoints.map(() => 0), extraRow.upper],
    matrix: { format: 'csr', numRows, numCols, starts, indices: [...mip.indices, ...extraRow.indices], values: [...mip.values, ...extraRow.values] },
    integrality: Int32Array.from({ length: numCols }, (_, column) => (column < candidateCount ? highs.constants.variableType.integer : highs.constants.variableType.continuous)),
  });
  try {
    model.options.set({ output_flag: false, time_limit: options.timeLimitSeconds ?? 10 });
    if (options.start && options.start.length > 0) {
      const colValue = new Float64Array(numCols);
      for (const candidate of options.start) colValue[candidate] = 1;
      const chosen = new Set(options.start);
      rowPoints.forEach((_, row) => {
        for (let entry = mip.starts[row]!; entry < mip.starts[row + 1]! - 1; entry++) if (chosen.has(mip.indices[entry]!)) colValue[candidateCount + row] = 1;
      });
      model.setSolution({ colValue });
    }
    const run = model.run();
    const { optimal, timeLimit } = highs.constants.modelStatus;
    if (run.modelStatus !== optimal && run.modelStatus !== timeLimit) return issue('siteFinder.solverFailed', { status: String(run.modelStatus) });
    const colValue = model.getSolution().colValue;
    const chosen: number[] = [];
    for (let candidate = 0; candidate < candidateCount; candidate++) if (colValue[candidate]! > 0.5) chosen.push(candidate);
    if (run.modelStatus === timeLimit && chosen.length === 0 && !(options.start && options.start.length > 0)) return issue('siteFinder.solverNoAnswer', { seconds: options.timeLimitSeconds ?? 10 });
    return {
      chosen,
      status: run.modelStatus === optimal ? 'optimal' : 'timeLimit',
      dualBound: Number(model.info.get('mip_dual_bound')),
      gap: Number(model.info.get('mip_gap')),
      seconds: model.getRunTime(),
    };
  } catch (error) {
    return issue('siteFinder.solverFailed', { status: errorReason(error) });
  } finally {
    model.dispose();
  }
}

/**
 * The exact optimum by HiGHS: maximise Σ w_i y_i subject to y_i ≤ Σ_{j covers i} x_j, Σ x_j ≤ K, x
 * binary, 0 ≤ y ≤ 1 (y need not be integer: at an optimum with binary x it is 0 or 1). "≤ K" rather
 * than "= K" so an instance with fewer useful candidates stays feasible; the optimum value is the same.
 * When the time limit stops it, the best answer found comes with HiGHS's dual bound and gap.
 */
export function highsMaxCover(problem: CoverageProblem, k: number, highs: Highs, options: HighsOptions = {}): Outcome<MaxCoverResult> {
  const issues = validateSiteCount(problem, k);
  if (issues.length > 0) return { result: null, issues };
  const mip = coveringRows(problem);
  const colCost = [...new Array<number>(mip.candidateCount).fill(0), ...mip.rowPoints.map((point) => problem.openWeights[point]!)];
  const all = Array.from({ length: mip.candidateCount }, (_, candidate) => candidate);
  const outcome = runMip(highs, mip, { sense: 'max', colCost }, { indices: all, values: all.map(() => 1), lower: -highs.infinity, upper: k }, options);
  if ('code' in outcome) return { result: null, issues: [outcome] };
  const sites = orderChoice(problem, outcome.chosen);
  const result = summary(problem, 'highs', sites);
  const optimal = outcome.status === 'optimal';
  // Stopped before the first LP bound: HiGHS reports no finite bound or gap (then none is claimed).
  const bounded = Number.isFinite(outcome.dualBound) && Number.isFinite(outcome.gap);
  return {
    result: {
      ...result,
      k,
      upperBound: optimal ? result.addedDemand : bounded ? Math.max(result.addedDemand, outcome.dualBound) : Infinity,
      upperBoundSource: optimal ? 'mipOptimal' : 'mipDualBound',
      optimal,
      evaluations: 0,
      gap: optimal ? 0 : outcome.gap,
      solveSeconds: outcome.seconds,
    },
    issues: optimal
      ? []
      : [
          bounded
            ? issue('siteFinder.solverTimeLimit', { seconds: options.timeLimitSeconds ?? 10, gap: Math.round(outcome.gap * 1000) / 10 })
            : issue('siteFinder.solverTimeLimitNoBound', { seconds: options.timeLimitSeconds ?? 10 }),
        ],
  };
}

/** The fewest sites for X % by HiGHS: minimise Σ x_j subject to Σ w_i y_i ≥ what is still needed and y_i ≤ Σ_{j covers i} x_j. */
export function highsFewestSites(problem: CoverageProblem, targetPercent: number, highs: Highs, options: HighsOptions = {}): Outcome<FewestSitesResult> {
  const issues = validateTargetPercent(targetPercent);
  if (issues.length > 0) return { result: null, issues };
  const { targetDemand, needed, tolerance } = targetOf(problem, targetPercent);
  const finish = (chosen: number[], optimal: boolean, lowerBound: number, seconds?: number): Outcome<FewestSitesResult> => {
    const result = summary(problem, 'highs', orderChoice(problem, chosen));
    const reached = result.servedAfter >= targetDemand - tolerance;
    return {
      result: { ...result, targetPercent, targetDemand, reached, lowerBound, optimal: optimal && reached, ...(seconds !== undefined ? { solveSeconds: seconds } : {}) },
      issues: reached ? [] : [unreachable(problem, targetPercent)],
    };
  };
  if (needed <= tolerance) return finish([], true, 0);
  const mip = coveringRows(problem);
  const reachable = mip.rowPoints.reduce((sum, point) => sum + problem.openWeights[point]!, 0);
  if (reachable < needed - tolerance) return finish(Array.from({ length: mip.candidateCount }, (_, candidate) => candidate), false, mip.candidateCount + 1);
  const colCost = [...new Array<number>(mip.candidateCount).fill(1), ...mip.rowPoints.map(() => 0)];
  const ys = mip.rowPoints.map((_, row) => mip.candidateCount + row);
  const outcome = runMip(highs, mip, { sense: 'min', colCost }, { indices: ys, values: mip.rowPoints.map((point) => problem.openWeights[point]!), lower: needed - tolerance, upper: highs.infinity }, options);
  if ('code' in outcome) return { result: null, issues: [outcome] };
  const optimal = outcome.status === 'optimal';
  return finish(outcome.chosen, optimal, optimal ? outcome.chosen.length : Math.ceil(outcome.dualBound - 1e-6), outcome.seconds);
}
