// Benchmark of the location finder core (issue 13): the province on the 250 m grid, demand = the
// dasymetric spread of the 75-plussers (CBS PC4 2021 over TOP10NL 2025 kernen), candidates = every
// grid cell inside a kern, K = 10, D = 500 m. Existing supply: 300 seeded synthetic care locations on
// kern edges (the same recipe as the coverage benchmark), whose demand within D counts as served.
// Timed: building the covering instance (kdbush + exact distances) and the lazy greedy (target: both
// together ≤ 100 ms), against a naive greedy that recomputes every candidate's gain every round; both
// must choose the same sites or the run fails. Then HiGHS on the same instance (time limit 60 s,
// greedy's answer as the start), and, for information, the 100 m grid (issue target ≤ 1 s).
// Run: npx tsx tests/bench/siteFinder.bench.ts

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import loadHighs from 'highs';
import { spreadPopulation } from '../../src/analysis/dasymetric';
import { buildProvinceGrid } from '../../src/analysis/provinceGrid';
import { builtUpCellCandidates } from '../../src/analysis/siteFinderCandidates';
import { buildCoverageProblem, demandFromPopulation, greedyMaxCover, highsMaxCover, type SiteFinderInput } from '../../src/analysis/siteFinder';
import { parseBuiltUpAreas } from '../../src/data/parsePlaces';
import { parsePostcodePopulation } from '../../src/data/parsePopulation';
import { seededRandom } from '../support/seededRandom';
import { naiveGreedyMaxCover } from '../support/naiveSiteFinder';
import { formatBenchResults, type BenchResult } from './reachability.bench';
import { timeRuns } from './timing';

const K = 10;
const DISTANCE_METERS = 500;
const SUPPLY_COUNT = 300;
const GREEDY_TARGET_MS = 100;
const GREEDY_100M_TARGET_MS = 1000;
const HIGHS_TIME_LIMIT_SECONDS = 60;

const json = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));

function seededSupply(kernen: ReturnType<typeof parseBuiltUpAreas>['items']): Float64Array {
  const random = seededRandom(9);
  const supply = new Float64Array(SUPPLY_COUNT * 2);
  for (let index = 0; index < SUPPLY_COUNT; index++) {
    const kern = kernen[Math.floor(random() * kernen.length)]!;
    const ring = kern.geometry.type === 'Polygon' ? kern.geometry.coordinates[0]! : kern.geometry.coordinates[0]![0]!;
    const vertex = ring[Math.floor(random() * ring.length)]!;
    supply[2 * index] = vertex[0]!;
    supply[2 * index + 1] = vertex[1]!;
  }
  return supply;
}

const round = (value: number) => Math.round(value).toLocaleString('en-GB');

export async function runSiteFinderBenchmarks(): Promise<{ results: BenchResult[]; failures: string[] }> {
  const results: BenchResult[] = [];
  const failures: string[] = [];
  const province = (json('geo/boundaries/overijssel-provincie-cbs-2026.geojson') as FeatureCollection<Polygon | MultiPolygon>).features[0]!.geometry;
  const postcodes = parsePostcodePopulation(json('geo/population/overijssel-pc4-bevolking-leeftijd-2021.geojson'), 'pc4', 'cbs-pc4-2021').items;
  const kernen = parseBuiltUpAreas(json('geo/places/overijssel-kernen-top10nl-2025.geojson'), 'kernen').items;
  const supply = seededSupply(kernen);

  for (const cellSize of [250, 100]) {
    const grid = buildProvinceGrid(province, cellSize);
    const population = spreadPopulation(grid, postcodes, kernen);
    const input: SiteFinderInput = {
      demand: demandFromPopulation(population, '75plus'),
      supply,
      candidates: builtUpCellCandidates(grid, population),
      distanceMeters: DISTANCE_METERS,
    };
    const build = timeRuns(cellSize === 250 ? 10 : 3, () => buildCoverageProblem(input).result!, 1);
    const problem = build.result;
    const greedy = timeRuns(cellSize === 250 ? 20 : 5, () => greedyMaxCover(problem, K).result!, 2);
    const total = build.medianMs + greedy.medianMs;
    const size = `${grid.cellCount} cells, ${input.demand.weights.length} with 75-plussers, ${input.candidates.ids.length} built-up candidates, ${problem.coverDemand.length} cover pairs`;
    const answer = greedy.result;
    const figures = `served before ${round(answer.servedBefore)} of ${round(answer.totalDemand)} 75-plussers; the ${K} sites add ${round(answer.addedDemand)} (first ${round(answer.sites[0]!.addedDemand)}, last ${round(answer.sites.at(-1)!.addedDemand)}); upper bound ${round(answer.upperBound)} (${answer.upperBoundSource})`;
    if (cellSize === 250) {
      const naive = timeRuns(3, () => naiveGreedyMaxCover(problem, K), 1);
      const same = naive.result.chosen.join() === answer.sites.map((site) => site.candidate).join();
      if (!same) failures.push('lazy greedy and the naive greedy chose different sites');
      results.push({
        name: `site finder, 250 m grid (${size}), K ${K}, D ${DISTANCE_METERS} m, ${SUPPLY_COUNT} seeded existing sites: covering instance + lazy greedy`,
        medianMs: total,
        runs: 20,
        targetMs: GREEDY_TARGET_MS,
        note: `instance ${build.medianMs.toFixed(1)} ms + lazy greedy ${greedy.medianMs.toFixed(2)} ms (${answer.evaluations} gain evaluations); naive greedy ${naive.medianMs.toFixed(1)} ms (${naive.result.evaluations} evaluations, ×${(naive.medianMs / greedy.medianMs).toFixed(0)}); same sites: ${same ? 'yes' : 'NO'}; ${figures}`,
      });

      const highs = await loadHighs();
      const start = answer.sites.map((site) => site.candidate);
      const wall = performance.now();
      const exact = highsMaxCover(problem, K, highs, { timeLimitSeconds: HIGHS_TIME_LIMIT_SECONDS, start });
      const elapsed = performance.now() - wall;
      const result = exact.result;
      if (!result) failures.push(`HiGHS: ${exact.issues.map((entry) => entry.code).join(', ')}`);
      else if (result.addedDemand < answer.addedDemand - 1e-6) failures.push('HiGHS answer below greedy');
      results.push({
        name: `HiGHS MIP, same instance (${problem.candidateIds.length} binary + ${new Set(problem.coverDemand).size} continuous columns), time limit ${HIGHS_TIME_LIMIT_SECONDS} s, greedy as start`,
        medianMs: elapsed,
        runs: 1,
        note: result
          ? `${result.optimal ? 'optimal' : `stopped at the time limit, gap ${((result.gap ?? 0) * 100).toFixed(2)} %`}: adds ${round(result.addedDemand)} vs greedy ${round(answer.addedDemand)} (+${(((result.addedDemand - answer.addedDemand) / answer.addedDemand) * 100).toFixed(2)} %); bound ${round(result.upperBound)}; HiGHS run time ${result.solveSeconds?.toFixed(2)} s`
          : exact.issues.map((entry) => entry.code).join(', '),
      });
    } else {
      results.push({
        name: `site finder, 100 m grid (${size}), K ${K}, D ${DISTANCE_METERS} m: covering instance + lazy greedy`,
        medianMs: total,
        runs: 5,
        targetMs: GREEDY_100M_TARGET_MS,
        note: `instance ${build.medianMs.toFixed(1)} ms + lazy greedy ${greedy.medianMs.toFixed(2)} ms (${answer.evaluations} gain evaluations); ${figures}`,
      });
    }
  }
  return { results, failures };
}

export function formatSiteFinderResults(results: BenchResult[]): string {
  return formatBenchResults(results).replace(/^Reachability benchmarks \(synthetic seeded data, Overijssel bounding box\)/, 'Location finder benchmarks (real CBS/TOP10NL data, seeded existing sites)');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { results, failures } = await runSiteFinderBenchmarks();
  console.log(formatSiteFinderResults(results));
  if (failures.length > 0) {
    console.error(`FAILED: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
}
