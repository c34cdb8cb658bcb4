// Browser benchmark (issue 13): the Locatiezoeker's own Web Worker in real Chromium, on the instance of
// tests/bench/siteFinder.bench.ts — the province on the 250 m grid, 75-plussers spread over the kernen
// (real CBS/TOP10NL data), candidates = every grid cell in a kern, 300 seeded existing sites, K = 10,
// D = 500 m. So that every kern cell is a candidate, the page gives the worker one synthetic facility
// per geclusterd norm category at each cell centre (declared complete: no cell is left out).
// Reported: the worker's own time to judge the candidates, build the covering problem and choose
// greedily (`computeMs`; target ≤ 100 ms for problem + greedy, as in the Node benchmark), the time from posting the request to the greedy answer
// (adds cloning the request and the answer's figures per municipality), and what HiGHS reaches
// within the panel's 10 s.
// Run: npx tsx tests/bench/siteFinderWorker.browser.ts (under the e2e lock on the shared machine).

import type { Page } from 'playwright-core';
import { withDevServerPage } from './devServerPage';
import type * as Dasymetric from '../../src/analysis/dasymetric';
import type * as FacilityIndexModule from '../../src/analysis/facilityIndex';
import type * as ProvinceGridModule from '../../src/analysis/provinceGrid';
import type * as SiteFinder from '../../src/analysis/siteFinder';
import type * as SiteFinderCandidates from '../../src/analysis/siteFinderCandidates';
import type * as SiteFinderFigures from '../../src/analysis/siteFinderFigures';
import type * as Protocol from '../../src/analysis/siteFinderProtocol';
import type * as Norms from '../../src/domain/norms';
import type * as ParsePlaces from '../../src/data/parsePlaces';
import type * as ParsePopulation from '../../src/data/parsePopulation';
import type * as Random from '../support/seededRandom';

const RUNS = 5;

interface Figures {
  cells: number;
  candidates: number;
  demandPoints: number;
  computeMs: number[];
  phases: { judge: number; problem: number; greedy: number }[];
  wallMs: number[];
  added: number;
  exact: { optimal: boolean; added: number; upperBound: number | null; seconds: number | null; wallMs: number; issues: string[] };
}

// The dev server may reload the page once while it optimizes the worker's dependencies (kdbush, highs):
// then the measurement simply starts again.
const figures = await withDevServerPage(async (page) => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measure(page);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('Execution context was destroyed')) throw error;
      await page.waitForLoadState('load');
      await page.evaluate('globalThis.__name = (value) => value');
    }
  }
});

function measure(page: Page): Promise<Figures> {
  return page.evaluate(
    async ({ runs }): Promise<Figures> => {
      // Paths in variables: loaded by the page from the dev server, not by tsx.
      const paths = [
        '/src/analysis/dasymetric.ts',
        '/src/analysis/facilityIndex.ts',
        '/src/analysis/provinceGrid.ts',
        '/src/analysis/siteFinder.ts',
        '/src/analysis/siteFinderFigures.ts',
        '/src/domain/norms.ts',
        '/src/data/parsePlaces.ts',
        '/src/data/parsePopulation.ts',
        '/tests/support/seededRandom.ts',
        '/src/analysis/siteFinderProtocol.ts',
        '/src/analysis/siteFinderCandidates.ts',
      ];
      const [dasymetric, facilityIndex, provinceGrid, siteFinder, siteFigures, norms, places, population, random, , siteCandidates] = (await Promise.all(paths.map((path) => import(/* @vite-ignore */ path)))) as [
        typeof Dasymetric,
        typeof FacilityIndexModule,
        typeof ProvinceGridModule,
        typeof SiteFinder,
        typeof SiteFinderFigures,
        typeof Norms,
        typeof ParsePlaces,
        typeof ParsePopulation,
        typeof Random,
        typeof Protocol,
        typeof SiteFinderCandidates,
      ];
      const json = (path: string) => fetch(path).then((response) => response.json() as Promise<unknown>);
      const provinceJson = (await json('/geo/boundaries/overijssel-provincie-cbs-2026.geojson')) as { features: { geometry: Parameters<typeof provinceGrid.buildProvinceGrid>[0] }[] };
      const postcodes = population.parsePostcodePopulation(await json('/geo/population/overijssel-pc4-bevolking-leeftijd-2021.geojson'), 'pc4', 'cbs-pc4-2021').items;
      const kernen = places.parseBuiltUpAreas(await json('/geo/places/overijssel-kernen-top10nl-2025.geojson'), 'kernen').items;
      const grid = provinceGrid.buildProvinceGrid(provinceJson.features[0]!.geometry, 250);
      const spread = dasymetric.spreadPopulation(grid, postcodes, kernen);
      const demand = siteFinder.demandFromPopulation(spread, '75plus');
      const pieces = siteFigures.demandPieces(spread, '75plus', demand.cellPositions);
      const candidates = siteCandidates.builtUpCellCandidates(grid, spread);
      // the same 300 seeded existing sites as the Node benchmark: kern outline vertices
      const next = random.seededRandom(9);
      const supply = new Float64Array(600);
      for (let index = 0; index < 300; index++) {
        const kern = kernen[Math.floor(next() * kernen.length)]!;
        const ring = kern.geometry.type === 'Polygon' ? kern.geometry.coordinates[0]! : kern.geometry.coordinates[0]![0]!;
        const vertex = ring[Math.floor(next() * ring.length)]!;
        supply[2 * index] = vertex[0]!;
        supply[2 * index + 1] = vertex[1]!;
      }
      const profile = norms.WOONZORGZONE_PROFILE;
      const categories = profile.norms.geclusterd.map((norm) => norm.category);
      const facilities = candidates.ids.flatMap((id, index) =>
        categories.map((category) => ({ id: `${id}-${category}`, name: category, category, datasetId: 'bench', attributes: {}, location: [candidates.coordinates[2 * index]!, candidates.coordinates[2 * index + 1]!] as [number, number] })),
      );
      const request = (runId: number, timeLimitSeconds: number): Protocol.SiteFinderRunRequest => {
        const packed = facilityIndex.packFacilities(facilities);
        return {
          type: 'run',
          runId,
          settings: { housingType: 'geclusterd', band: '75plus', distanceMeters: 500, mode: { kind: 'maxCover', k: 10 }, careCountsAsSupply: false, candidateSource: { kind: 'builtUp' } },
          profile,
          timeLimitSeconds,
          facilities: { ...packed, ids: [] },
          encodedIds: facilityIndex.encodeIds(packed.ids),
          demand: { coordinates: demand.coordinates, weights: demand.weights },
          pieces,
          candidates: { ids: [...candidates.ids], coordinates: candidates.coordinates, cellPositions: candidates.cellPositions, labels: candidates.labels, incomplete: new Uint8Array(candidates.ids.length) },
          supply,
        };
      };
      /** Posts one run to a fresh worker; resolves with the responses up to `until`. */
      const runWorker = (body: Protocol.SiteFinderRunRequest, until: 'greedy' | 'exact') =>
        new Promise<{ responses: Protocol.SiteFinderResponse[]; posted: number; times: Record<string, number> }>((resolve, reject) => {
          const worker = new Worker('/src/analysis/siteFinderWorker.ts', { type: 'module' });
          const responses: Protocol.SiteFinderResponse[] = [];
          const times: Record<string, number> = {};
          worker.onerror = (event) => reject(new Error(event.message));
          worker.onmessage = (event: MessageEvent<Protocol.SiteFinderResponse>) => {
            responses.push(event.data);
            times[event.data.type] = performance.now();
            if (event.data.type === until || event.data.type === 'error' || (until === 'greedy' && event.data.type === 'exact')) {
              worker.terminate();
              resolve({ responses, posted, times });
            }
          };
          const posted = performance.now();
          worker.postMessage(body);
        });
      const computeMs: number[] = [];
      const phases: { judge: number; problem: number; greedy: number }[] = [];
      const wallMs: number[] = [];
      let added = 0;
      for (let run = 0; run < runs + 1; run++) {
        const { responses, posted, times } = await runWorker(request(run, 10), 'greedy');
        const greedy = responses.find((response) => response.type === 'greedy');
        if (greedy?.type !== 'greedy') throw new Error(`no greedy answer: ${JSON.stringify(responses.map((response) => response.type))}`);
        if (run === 0) continue; // warm-up: module load and compile
        computeMs.push(greedy.answer.computeMs ?? NaN);
        phases.push(greedy.answer.phaseMs!);
        wallMs.push(times['greedy']! - posted);
        added = greedy.answer.addedDemand;
      }
      const exactRun = await runWorker(request(99, 10), 'exact');
      const exact = exactRun.responses.find((response) => response.type === 'exact');
      const answer = exact?.type === 'exact' ? exact.answer : null;
      return {
        cells: grid.cellCount,
        candidates: candidates.ids.length,
        demandPoints: demand.weights.length,
        computeMs,
        phases,
        wallMs,
        added,
        exact: {
          optimal: answer?.optimal ?? false,
          added: answer?.addedDemand ?? NaN,
          upperBound: answer?.upperBound ?? null,
          seconds: answer?.solveSeconds ?? null,
          wallMs: (exactRun.times['exact'] ?? NaN) - (exactRun.times['greedy'] ?? NaN),
          issues: exact?.type === 'exact' ? exact.issues.map((issue) => `${issue.code} ${JSON.stringify(issue.params ?? {})}`) : [],
        },
      };
    },
    { runs: RUNS },
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number) => Math.round(value).toLocaleString('en-GB');
console.log(`Locatiezoeker worker in Chromium: 250 m grid (${figures.cells} cells), ${figures.demandPoints} cells with 75-plussers, ${figures.candidates} candidates, 300 seeded existing sites, K 10, D 500 m; ${RUNS} runs after a warm-up`);
console.log('| step | median ms | runs |');
console.log('|---|---|---|');
console.log(`| in the worker: judge candidates + covering instance + lazy greedy (computeMs) | ${median(figures.computeMs).toFixed(1)} | ${figures.computeMs.map((value) => value.toFixed(0)).join(', ')} |`);
console.log(`| – of which facility index + judging the candidates | ${median(figures.phases.map((phase) => phase.judge)).toFixed(1)} | |`);
console.log(`| – of which the covering instance (kdbush + distances) | ${median(figures.phases.map((phase) => phase.problem)).toFixed(1)} | |`);
console.log(`| – of which the lazy greedy | ${median(figures.phases.map((phase) => phase.greedy)).toFixed(2)} | |`);
console.log(`| instance + lazy greedy (the issue's "greedy ≤ 100 ms in the worker"; target ≤ 100) | ${median(figures.phases.map((phase) => phase.problem + phase.greedy)).toFixed(1)} | |`);
console.log(`| post request → greedy answer on the page (adds cloning and the figures per municipality) | ${median(figures.wallMs).toFixed(0)} | ${figures.wallMs.map((value) => value.toFixed(0)).join(', ')} |`);
console.log(`Greedy adds ${round(figures.added)} 75-plussers. HiGHS within 10 s: ${figures.exact.optimal ? 'optimal' : 'not proven'}, adds ${round(figures.exact.added)}, bound ${figures.exact.upperBound === null ? '–' : round(figures.exact.upperBound)}, HiGHS run ${figures.exact.seconds?.toFixed(1) ?? '–'} s, greedy → exact answer ${(figures.exact.wallMs / 1000).toFixed(1)} s; ${figures.exact.issues.join('; ') || 'no issues'}`);
if (median(figures.phases.map((phase) => phase.problem + phase.greedy)) > 100) console.log('TARGET MISSED: covering instance + lazy greedy took more than 100 ms in the worker');
