import { beforeAll, describe, expect, it } from 'vitest';
import loadHighs, { type Highs } from 'highs';
import { destination, distance } from '@turf/turf';
import {
  GREEDY_GUARANTEE,
  SITE_FINDER_MAX_DISTANCE_METERS,
  SITE_FINDER_MIN_DISTANCE_METERS,
  bruteForceFewestSites,
  bruteForceMaxCover,
  buildCoverageProblem,
  coverCandidate,
  demandFromPopulation,
  greedyFewestSites,
  greedyMaxCover,
  highsFewestSites,
  highsMaxCover,
  validateSiteCount,
  type CoverageProblem,
  type SiteFinderInput,
} from '../../../src/analysis/siteFinder';
import { builtUpCellCandidates } from '../../../src/analysis/siteFinderCandidates';
import { DEGREES_TO_RADIANS, EARTH_RADIUS_METERS } from '../../../src/analysis/sphericalDistance';
import { catalogue, isMessageKey } from '../../../src/i18n/catalogue';
import { cellPosition, dasymetricFixture } from '../../support/dasymetricFixture';
import { naiveGreedyMaxCover } from '../../support/naiveSiteFinder';
import { seededRandom } from '../../support/seededRandom';

const LAT = 52.5;
const LON = 6.2;
/** [lon, lat] of a point x metres east and y metres north of (LON, LAT). */
const at = (x: number, y = 0): [number, number] => [
  LON + x / (EARTH_RADIUS_METERS * DEGREES_TO_RADIANS * Math.cos(LAT * DEGREES_TO_RADIANS)),
  LAT + y / (EARTH_RADIUS_METERS * DEGREES_TO_RADIANS),
];
const pack = (points: [number, number][]) => Float64Array.from(points.flat());

function input(demand: [number, number, number][], candidates: [string, number, number][], distanceMeters: number, supply: [number, number][] = []): SiteFinderInput {
  return {
    demand: { coordinates: pack(demand.map(([x, y]) => at(x, y))), weights: Float64Array.from(demand.map(([, , weight]) => weight)) },
    supply: pack(supply.map(([x, y]) => at(x, y))),
    candidates: { ids: candidates.map(([id]) => id), coordinates: pack(candidates.map(([, x, y]) => at(x, y))) },
    distanceMeters,
  };
}

function problemOf(siteInput: SiteFinderInput): CoverageProblem {
  const built = buildCoverageProblem(siteInput);
  expect(built.issues).toEqual([]);
  return built.result!;
}

const ids = (sites: { id: string }[]) => sites.map((site) => site.id);

/**
 * Eight cells on a line, 100 m apart (x = 0 … 700), weights 1 1 2 2 2 2 1 1; D = 160 m.
 * L at x = 150 covers x 0–300 (6 people), M at 350 covers 200–500 (8), R at 550 covers 400–700 (6).
 * Greedy takes M (8) and then L (adds 2): 10. The best pair is L + R: 12.
 */
const LINE_WEIGHTS = [1, 1, 2, 2, 2, 2, 1, 1];
const lineDemand = (): [number, number, number][] => LINE_WEIGHTS.map((weight, index) => [index * 100, 0, weight]);
const LINE_CANDIDATES: [string, number, number][] = [
  ['L', 150, 0],
  ['M', 350, 0],
  ['R', 550, 0],
];

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

describe('siteFinder on hand-checkable fixtures', () => {
  it('greedy is provably suboptimal on the line, and brute force and HiGHS find L + R', () => {
    const problem = problemOf(input(lineDemand(), LINE_CANDIDATES, 160));
    expect(problem.totalDemand).toBe(12);
    expect(problem.servedBefore).toBe(0);

    const greedy = greedyMaxCover(problem, 2).result!;
    expect(ids(greedy.sites)).toEqual(['M', 'L']);
    expect(greedy.sites.map((site) => site.addedDemand)).toEqual([8, 2]);
    expect(greedy.addedDemand).toBe(10);
    expect(greedy.optimal).toBe(false);
    expect(greedy.guarantee).toBe(GREEDY_GUARANTEE);
    // bound: after M, 8 + the two largest remaining gains (2 + 2) = 12
    expect(greedy.upperBound).toBe(12);
    expect(greedy.upperBoundSource).toBe('marginalGains');

    const exact = bruteForceMaxCover(problem, 2).result!;
    expect(ids(exact.sites)).toEqual(['L', 'R']);
    expect(exact.addedDemand).toBe(12);
    expect(exact.servedAfter).toBe(12);
    expect(exact.optimal).toBe(true);

    const mip = highsMaxCover(problem, 2, highs).result!;
    expect(ids(mip.sites).sort()).toEqual(['L', 'R']);
    expect(mip.addedDemand).toBe(12);
    expect(mip.optimal).toBe(true);
    expect(mip.gap).toBe(0);
  });

  it('greedy and the exact answer agree on separate clusters, and greedy then proves itself optimal', () => {
    // two clusters 2 km apart; each candidate covers one cluster; the bigger cluster first
    const problem = problemOf(
      input(
        [
          [0, 0, 5],
          [50, 0, 5],
          [2000, 0, 3],
          [2050, 0, 3],
        ],
        [
          ['west', 25, 0],
          ['east', 2025, 0],
          ['between', 1000, 0],
        ],
        100,
      ),
    );
    const greedy = greedyMaxCover(problem, 2).result!;
    expect(ids(greedy.sites)).toEqual(['west', 'east']);
    expect(greedy.sites.map((site) => site.addedDemand)).toEqual([10, 6]);
    expect(greedy.upperBound).toBe(16);
    expect(greedy.optimal).toBe(true);
    expect(bruteForceMaxCover(problem, 2).result!.addedDemand).toBe(16);
    expect(highsMaxCover(problem, 2, highs).result!.addedDemand).toBe(16);
  });

  it('keeps existing supply fixed: demand near supply is served before and never counted again', () => {
    // supply at x = 150 serves x 0–300 (6 people). M would add 8 without it, now only 4; R adds 6.
    const problem = problemOf(input(lineDemand(), LINE_CANDIDATES, 160, [[150, 0]]));
    expect(problem.servedBefore).toBe(6);
    expect([...problem.servedByExisting]).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
    const greedy = greedyMaxCover(problem, 1).result!;
    expect(ids(greedy.sites)).toEqual(['R']);
    expect(greedy.addedDemand).toBe(6);
    expect(greedy.servedBefore).toBe(6);
    expect(greedy.servedAfter).toBe(12);
    for (const k of [1, 2, 3]) {
      const exact = bruteForceMaxCover(problem, k).result!;
      expect(exact.servedAfter).toBeLessThanOrEqual(problem.totalDemand);
      expect(exact.addedDemand).toBe(6); // only x 400–700 is left to serve, whatever K
      expect(highsMaxCover(problem, k, highs).result!.addedDemand).toBe(6);
    }
    // after R, neither L (only served cells) nor M (its open cells are R's) adds anyone: greedy stops, says so, and is optimal
    const three = greedyMaxCover(problem, 3);
    expect(ids(three.result!.sites)).toEqual(['R']);
    expect(three.result!.optimal).toBe(true);
    expect(three.result!.upperBound).toBe(6);
    expect(three.issues).toEqual([{ code: 'siteFinder.noFurtherGain', file: 'siteFinder', params: { chosen: 1, k: 3 } }]);
  });

  it('lists the fewest sites for X % of all older people, counting the already served', () => {
    const problem = problemOf(input(lineDemand(), LINE_CANDIDATES, 160));
    // 100 %: greedy needs M, L, R (3); the fewest is L + R (2)
    const greedy = greedyFewestSites(problem, 100).result!;
    expect(ids(greedy.sites)).toEqual(['M', 'L', 'R']);
    expect(greedy.reached).toBe(true);
    expect(greedy.lowerBound).toBe(2);
    expect(greedy.optimal).toBe(false);
    expect(ids(bruteForceFewestSites(problem, 100).result!.sites)).toEqual(['L', 'R']);
    const mip = highsFewestSites(problem, 100, highs).result!;
    expect(mip.sites).toHaveLength(2);
    expect(mip.optimal).toBe(true);
    // 50 % = 6 people: one site (M, 8) suffices
    expect(greedyFewestSites(problem, 50).result!.sites).toHaveLength(1);
    // with supply serving 6 of 12, 50 % needs no new site at all
    const served = problemOf(input(lineDemand(), LINE_CANDIDATES, 160, [[150, 0]]));
    expect(greedyFewestSites(served, 50).result!.sites).toEqual([]);
    expect(highsFewestSites(served, 50, highs).result!.sites).toEqual([]);
    expect(bruteForceFewestSites(served, 50).result!.sites).toEqual([]);
  });

  it('says when X % cannot be reached with all candidates', () => {
    // a far cell no candidate reaches
    const problem = problemOf(input([...lineDemand(), [5000, 0, 12]], LINE_CANDIDATES, 160));
    for (const outcome of [greedyFewestSites(problem, 80), bruteForceFewestSites(problem, 80), highsFewestSites(problem, 80, highs)]) {
      expect(outcome.result!.reached).toBe(false);
      expect(outcome.issues).toEqual([{ code: 'siteFinder.targetUnreachable', file: 'siteFinder', params: { target: 80, reachable: 50 } }]);
    }
  });

  it('covers exactly the demand within D by turf.distance', () => {
    const random = seededRandom(13);
    const demand: [number, number, number][] = Array.from({ length: 300 }, () => [random() * 3000, random() * 3000, 1]);
    const candidates: [string, number, number][] = Array.from({ length: 40 }, (_, index) => [`c${index}`, random() * 3000, random() * 3000]);
    const siteInput = input(demand, candidates, 500);
    const problem = problemOf(siteInput);
    let pairs = 0;
    candidates.forEach((_, candidate) => {
      const covered = new Set([...problem.coverDemand.subarray(problem.coverStart[candidate]!, problem.coverStart[candidate + 1]!)]);
      const from = [siteInput.candidates.coordinates[2 * candidate]!, siteInput.candidates.coordinates[2 * candidate + 1]!];
      demand.forEach((_, point) => {
        const metres = distance(from, [siteInput.demand.coordinates[2 * point]!, siteInput.demand.coordinates[2 * point + 1]!], { units: 'meters' });
        if (Math.abs(metres - 500) < 1e-3) return; // a tie within a millimetre may go either way
        expect(covered.has(point), `${candidate} → ${point} at ${metres} m`).toBe(metres <= 500);
        if (metres <= 500) pairs++;
      });
    });
    expect(pairs).toBeGreaterThan(100);
  });

  it('decides points a millimetre either side of D by the exact distance, in every direction', () => {
    for (const distanceMeters of [25, 500, 3000]) {
      const centre = at(0, 0);
      const points: [number, number][] = [];
      const inside: boolean[] = [];
      for (let bearing = -180; bearing < 180; bearing += 15) {
        for (const offset of [-0.001, 0.001]) {
          const point = destination(centre, (distanceMeters + offset) / 1000, bearing).geometry.coordinates as [number, number];
          points.push(point);
          inside.push(distance(centre, point, { units: 'meters' }) <= distanceMeters);
        }
      }
      const problem = problemOf({
        demand: { coordinates: pack(points), weights: new Float64Array(points.length).fill(1) },
        supply: new Float64Array(),
        candidates: { ids: ['centre'], coordinates: pack([centre]) },
        distanceMeters,
      });
      const covered = new Set(problem.coverDemand);
      expect(points.map((_, point) => covered.has(point))).toEqual(inside);
      expect(inside.filter(Boolean)).toHaveLength(24);
    }
  });

  it('takes demand from the dasymetric spread and candidates from the built-up cells', () => {
    const { grid, population } = dasymetricFixture();
    const demand = demandFromPopulation(population, '75plus');
    // the fixture's 75+ postcode totals: A 30 + B 10 + C 5
    expect(demand.weights.reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(45, 9);
    expect(demandFromPopulation(population, '65plus').unknownPostcodes).toEqual(['B']);
    const candidates = builtUpCellCandidates(grid, population);
    expect([...candidates.cellPositions]).toEqual([cellPosition(grid, 0, 0), cellPosition(grid, 1, 1)].sort((a, b) => a - b));
    const problem = problemOf({ demand, supply: new Float64Array(), candidates, distanceMeters: 300 });
    const greedy = greedyMaxCover(problem, 1).result!;
    // cell (0,0) holds 25 of the 75-plussers; (1,1) 15; centres 354 m apart, beyond D
    expect(greedy.sites[0]!.id).toBe(`cel-${grid.cellIds[cellPosition(grid, 0, 0)]}`);
    expect(greedy.addedDemand).toBeCloseTo(25, 9);
  });
});

/** A random instance of `demandCount` cells and `candidateCount` candidates in a 1.5 km square, two supply points, D 250–600 m. */
function randomProblem(seed: number, demandCount = 40, candidateCount = 10): CoverageProblem {
  const random = seededRandom(seed);
  const demand: [number, number, number][] = Array.from({ length: demandCount }, () => [random() * 1500, random() * 1500, Math.round(1 + random() * 40)]);
  const candidates: [string, number, number][] = Array.from({ length: candidateCount }, (_, index) => [`c${index}`, random() * 1500, random() * 1500]);
  const supply: [number, number][] = [
    [random() * 1500, random() * 1500],
    [random() * 1500, random() * 1500],
  ];
  return problemOf(input(demand, candidates, 250 + random() * 350, supply));
}

/** Every subset of the candidates (bitmask) with its added demand. */
function allSubsets(problem: CoverageProblem): { size: number; value: number }[] {
  const count = problem.candidateIds.length;
  const subsets: { size: number; value: number }[] = [];
  for (let mask = 0; mask < 1 << count; mask++) {
    const covered = new Uint8Array(problem.demandCount);
    let size = 0;
    for (let candidate = 0; candidate < count; candidate++) {
      if (mask & (1 << candidate)) {
        coverCandidate(problem, candidate, covered);
        size++;
      }
    }
    let value = 0;
    covered.forEach((flag, point) => (value += flag ? problem.openWeights[point]! : 0));
    subsets.push({ size, value });
  }
  return subsets;
}

describe('siteFinder on seeded random small instances', () => {
  const seeds = Array.from({ length: 12 }, (_, index) => 100 + index);

  it('greedy ≤ exact ≤ greedy’s upper bound, greedy ≥ (1 − 1/e) exact, HiGHS = brute force = every subset', () => {
    let greedyBehind = 0;
    for (const seed of seeds) {
      const problem = randomProblem(seed);
      const subsets = allSubsets(problem);
      for (const k of [1, 2, 3, 4]) {
        const greedy = greedyMaxCover(problem, k).result!;
        const exact = bruteForceMaxCover(problem, k).result!;
        const mip = highsMaxCover(problem, k, highs, { start: greedy.sites.map((site) => site.candidate) }).result!;
        const best = Math.max(...subsets.filter((subset) => subset.size <= k).map((subset) => subset.value));
        expect(exact.addedDemand, `seed ${seed} K ${k}`).toBeCloseTo(best, 9);
        expect(mip.addedDemand, `seed ${seed} K ${k}`).toBeCloseTo(best, 6);
        expect(mip.optimal).toBe(true);
        expect(greedy.addedDemand).toBeLessThanOrEqual(exact.addedDemand + 1e-9);
        expect(greedy.addedDemand).toBeGreaterThanOrEqual(GREEDY_GUARANTEE * exact.addedDemand - 1e-9);
        expect(greedy.upperBound).toBeGreaterThanOrEqual(exact.addedDemand - 1e-9);
        if (greedy.addedDemand < exact.addedDemand - 1e-9) greedyBehind++;
        // the per-site additions add up, and served after = before + added
        expect(greedy.sites.reduce((sum, site) => sum + site.addedDemand, 0)).toBeCloseTo(greedy.addedDemand, 9);
        expect(exact.servedAfter).toBeCloseTo(problem.servedBefore + exact.addedDemand, 9);
        // lazy evaluation chooses what the plain greedy chooses
        const naive = naiveGreedyMaxCover(problem, k);
        expect(greedy.sites.map((site) => site.candidate)).toEqual(naive.chosen);
        expect(greedy.sites.map((site) => site.addedDemand)).toEqual(naive.gains);
      }
    }
    expect(greedyBehind).toBeGreaterThan(0); // the instances are not all easy
  }, 30_000);

  it('never counts demand served by existing supply', () => {
    for (const seed of seeds) {
      const problem = randomProblem(seed);
      expect(problem.servedBefore).toBeGreaterThan(0);
      for (let point = 0; point < problem.demandCount; point++) {
        if (problem.servedByExisting[point]) expect(problem.openWeights[point]).toBe(0);
      }
      for (const candidate of problem.coverDemand) expect(problem.servedByExisting[candidate]).toBe(0);
      const all = bruteForceMaxCover(problem, problem.candidateIds.length).result!;
      expect(all.servedAfter).toBeLessThanOrEqual(problem.totalDemand + 1e-9);
    }
  });

  it('finds the fewest sites for X %: brute force and HiGHS minimal over every subset, greedy never fewer', () => {
    for (const seed of seeds) {
      const problem = randomProblem(seed);
      const subsets = allSubsets(problem);
      for (const percent of [40, 60, 75, 90]) {
        const needed = (problem.totalDemand * percent) / 100 - problem.servedBefore - 1e-9 * problem.totalDemand;
        const reaching = subsets.filter((subset) => subset.value >= needed);
        const exact = bruteForceFewestSites(problem, percent).result!;
        const mip = highsFewestSites(problem, percent, highs).result!;
        const greedy = greedyFewestSites(problem, percent).result!;
        if (reaching.length === 0) {
          expect(exact.reached).toBe(false);
          expect(mip.reached).toBe(false);
          expect(greedy.reached).toBe(false);
          continue;
        }
        const fewest = Math.min(...reaching.map((subset) => subset.size));
        expect(exact.sites, `seed ${seed} ${percent} %`).toHaveLength(fewest);
        expect(exact.reached).toBe(true);
        expect(mip.sites, `seed ${seed} ${percent} %`).toHaveLength(fewest);
        expect(mip.servedAfter).toBeGreaterThanOrEqual(exact.targetDemand - 1e-6);
        expect(greedy.reached).toBe(true);
        expect(greedy.sites.length).toBeGreaterThanOrEqual(fewest);
        expect(greedy.lowerBound).toBeLessThanOrEqual(fewest);
      }
    }
  }, 30_000);
});

describe('HiGHS stopped by its time limit before it had a bound', () => {
  it('claims no bound or gap (Infinity, and a message without a percentage), keeps the start answer', () => {
    const problem = randomProblem(41, 1500, 300);
    const greedy = greedyMaxCover(problem, 8).result!;
    const exact = highsMaxCover(problem, 8, highs, { timeLimitSeconds: 1e-6, start: greedy.sites.map((site) => site.candidate) });
    expect(exact.result?.optimal).toBe(false);
    expect(exact.result?.upperBound).toBe(Infinity);
    expect(exact.result?.addedDemand).toBeCloseTo(greedy.addedDemand, 9);
    expect(exact.issues).toEqual([{ code: 'siteFinder.solverTimeLimitNoBound', file: 'siteFinder', params: { seconds: 1e-6 } }]);
  });
});

describe('siteFinder bad input', () => {
  const good = () => input(lineDemand(), LINE_CANDIDATES, 160);
  const codes = (issues: { code: string }[]) => issues.map((entry) => entry.code);

  it('refuses K larger than the candidates, K below 1 and K not whole', () => {
    const problem = problemOf(good());
    expect(greedyMaxCover(problem, 4)).toEqual({ result: null, issues: [{ code: 'siteFinder.kTooLarge', file: 'siteFinder', params: { k: 4, candidates: 3 } }] });
    expect(codes(bruteForceMaxCover(problem, 4).issues)).toEqual(['siteFinder.kTooLarge']);
    expect(codes(highsMaxCover(problem, 4, highs).issues)).toEqual(['siteFinder.kTooLarge']);
    expect(codes(validateSiteCount(problem, 0))).toEqual(['siteFinder.kInvalid']);
    expect(codes(validateSiteCount(problem, 1.5))).toEqual(['siteFinder.kInvalid']);
    expect(codes(validateSiteCount(problem, Number.NaN))).toEqual(['siteFinder.kInvalid']);
  });

  it('refuses D out of range and not a number', () => {
    for (const distanceMeters of [SITE_FINDER_MIN_DISTANCE_METERS - 1, SITE_FINDER_MAX_DISTANCE_METERS + 1, 0, -5]) {
      expect(buildCoverageProblem({ ...good(), distanceMeters })).toEqual({
        result: null,
        issues: [{ code: 'siteFinder.distanceOutOfRange', file: 'siteFinder', params: { value: String(distanceMeters), min: 25, max: 3000 } }],
      });
    }
    expect(codes(buildCoverageProblem({ ...good(), distanceMeters: Number.NaN }).issues)).toEqual(['siteFinder.distanceNotANumber']);
    expect(buildCoverageProblem({ ...good(), distanceMeters: SITE_FINDER_MAX_DISTANCE_METERS }).issues).toEqual([]);
  });

  it('refuses no demand, no candidates and broken points, naming the record', () => {
    expect(codes(buildCoverageProblem({ ...good(), demand: { coordinates: new Float64Array(), weights: new Float64Array() } }).issues)).toEqual(['siteFinder.noDemand']);
    const zero = good();
    zero.demand.weights.fill(0);
    expect(codes(buildCoverageProblem(zero).issues)).toEqual(['siteFinder.noDemand']);
    expect(codes(buildCoverageProblem({ ...good(), candidates: { ids: [], coordinates: new Float64Array() } }).issues)).toEqual(['siteFinder.noCandidates']);
    const broken = good();
    broken.demand.weights[2] = -1;
    broken.candidates.coordinates[2] = Number.NaN;
    const brokenIssues = buildCoverageProblem({ ...broken, candidates: { ...broken.candidates, ids: ['L', 'M', 'L'] } }).issues;
    expect(brokenIssues).toEqual([
      { code: 'siteFinder.demandPointInvalid', file: 'siteFinder', record: 3, params: { weight: '-1' } },
      { code: 'siteFinder.candidatePointInvalid', file: 'siteFinder', record: 'M' },
      { code: 'siteFinder.candidateDuplicate', file: 'siteFinder', record: 'L' },
    ]);
    expect(codes(buildCoverageProblem({ ...good(), supply: Float64Array.from([Number.POSITIVE_INFINITY, 52]) }).issues)).toEqual(['siteFinder.supplyPointInvalid']);
  });

  it('refuses X outside (0, 100] and a brute force too large to try', () => {
    const problem = problemOf(good());
    for (const percent of [0, -1, 101, Number.NaN]) {
      expect(codes(greedyFewestSites(problem, percent).issues)).toEqual(['siteFinder.targetOutOfRange']);
      expect(codes(bruteForceFewestSites(problem, percent).issues)).toEqual(['siteFinder.targetOutOfRange']);
      expect(codes(highsFewestSites(problem, percent, highs).issues)).toEqual(['siteFinder.targetOutOfRange']);
    }
    const big = randomProblem(7, 30, 60);
    expect(codes(bruteForceMaxCover(big, 8).issues)).toEqual(['siteFinder.tooManySubsets']);
  });

  it('has a Dutch and an English message for every code it gives', () => {
    const problem = problemOf(good());
    const unreachable = problemOf(input([...lineDemand(), [5000, 0, 12]], LINE_CANDIDATES, 160));
    const all = [
      ...validateSiteCount(problem, 4),
      ...validateSiteCount(problem, 0),
      ...buildCoverageProblem({ ...good(), distanceMeters: 5 }).issues,
      ...buildCoverageProblem({ ...good(), distanceMeters: Number.NaN }).issues,
      ...buildCoverageProblem({ ...good(), demand: { coordinates: new Float64Array(), weights: new Float64Array() } }).issues,
      ...buildCoverageProblem({ ...good(), candidates: { ids: ['a', 'a'], coordinates: Float64Array.from([Number.NaN, 0, 6, 52]) } }).issues,
      ...buildCoverageProblem({ ...good(), supply: Float64Array.from([Number.NaN, 0]) }).issues,
      ...buildCoverageProblem({ ...good(), demand: { coordinates: Float64Array.from(new Array<number>(24).fill(Number.NaN)), weights: new Float64Array(12) } }).issues,
      ...buildCoverageProblem({ ...good(), demand: { coordinates: new Float64Array(3), weights: new Float64Array(1) } }).issues,
      ...buildCoverageProblem({ ...good(), supply: new Float64Array(3) }).issues,
      ...buildCoverageProblem({ ...good(), candidates: { ids: ['a'], coordinates: new Float64Array(3) } }).issues,
      ...greedyFewestSites(problem, 0).issues,
      ...greedyFewestSites(unreachable, 90).issues,
      ...bruteForceMaxCover(randomProblem(7, 30, 60), 8).issues,
      ...greedyMaxCover(problemOf(input(lineDemand(), LINE_CANDIDATES, 160, [[150, 0]])), 3).issues,
    ];
    const seen = new Set(all.map((entry) => entry.code));
    expect(seen.size).toBeGreaterThanOrEqual(15);
    for (const code of [...seen, 'siteFinder.solverFailed', 'siteFinder.solverNoAnswer', 'siteFinder.solverTimeLimit', 'siteFinder.solverTimeLimitNoBound']) {
      expect(isMessageKey(code), code).toBe(true);
      expect(catalogue.en, code).toHaveProperty([code]);
    }
  });
});
