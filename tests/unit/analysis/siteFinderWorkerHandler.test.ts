import { describe, expect, it } from 'vitest';
import loadHighs from 'highs';
import { encodeIds, packFacilities } from '../../../src/analysis/facilityIndex';
import type { SiteFinderResponse, SiteFinderRunRequest, SiteFinderSettings } from '../../../src/analysis/siteFinderProtocol';
import { createSiteFinderHandler } from '../../../src/analysis/siteFinderWorkerHandler';
import { DEGREES_TO_RADIANS, EARTH_RADIUS_METERS } from '../../../src/analysis/sphericalDistance';
import type { Facility, FacilityCategory } from '../../../src/domain/facility';
import { WOONZORGZONE_PROFILE } from '../../../src/domain/norms';

const LAT = 52.5;
const LON = 6.2;
const at = (x: number, y = 0): [number, number] => [
  LON + x / (EARTH_RADIUS_METERS * DEGREES_TO_RADIANS * Math.cos(LAT * DEGREES_TO_RADIANS)),
  LAT + y / (EARTH_RADIUS_METERS * DEGREES_TO_RADIANS),
];

/**
 * The line fixture of siteFinder.test.ts: eight cells 100 m apart (x = 0 … 700), 75-plussers
 * 1 1 2 2 2 2 1 1, D = 160 m. Candidates L (x 150), M (350), R (550) meet every geclusterd norm
 * (test facilities of each category on them); X (x 5 km) meets none with complete data; Y (6 km) is
 * in an area with incomplete data. Greedy takes M then L (10); the best pair is L + R (12).
 * Points 0–3 are in municipality A, 4–7 in B.
 */
function request(settings: Partial<SiteFinderSettings> = {}, supply: [number, number][] = []): SiteFinderRunRequest {
  const weights = [1, 1, 2, 2, 2, 2, 1, 1];
  const categories: FacilityCategory[] = ['supermarkt', 'huisarts', 'apotheek', 'ovHalte', 'ontmoetingsplek'];
  const facilities: Facility[] = [150, 350, 550].flatMap((x) =>
    categories.map((category) => ({ id: `${category}-${x}`, name: category, category, location: at(x), datasetId: 'test', attributes: {} })),
  );
  const packed = packFacilities(facilities);
  const candidateXs = [150, 350, 550, 5000, 6000];
  return {
    type: 'run',
    runId: 7,
    settings: { housingType: 'geclusterd', band: '75plus', distanceMeters: 160, mode: { kind: 'maxCover', k: 2 }, careCountsAsSupply: false, candidateSource: { kind: 'builtUp' }, ...settings },
    profile: WOONZORGZONE_PROFILE,
    timeLimitSeconds: 10,
    facilities: { ...packed, ids: [] },
    encodedIds: encodeIds(packed.ids),
    demand: { coordinates: Float64Array.from(weights.flatMap((_, index) => at(index * 100))), weights: Float64Array.from(weights) },
    pieces: { point: Uint32Array.from(weights.map((_, index) => index)), municipality: Uint16Array.from(weights.map((_, index) => (index < 4 ? 0 : 1))), weight: Float64Array.from(weights), codes: ['A', 'B'] },
    candidates: {
      ids: ['L', 'M', 'R', 'X', 'Y'],
      coordinates: Float64Array.from(candidateXs.flatMap((x) => at(x))),
      cellPositions: Uint32Array.from([11, 12, 13, 14, 15]),
      labels: ['', '', '', '', ''],
      incomplete: Uint8Array.from([0, 0, 0, 0, 1]),
    },
    supply: Float64Array.from(supply.flat()),
  };
}

async function run(body: SiteFinderRunRequest): Promise<SiteFinderResponse[]> {
  const responses: SiteFinderResponse[] = [];
  await createSiteFinderHandler(() => loadHighs())(body, (response) => responses.push(response));
  return responses;
}

describe('site-finder worker handler', () => {
  it('judges the candidates, answers with the greedy choice first and then the proven optimum from HiGHS', async () => {
    const responses = await run(request());
    expect(responses.map((response) => response.type)).toEqual(['candidates', 'greedy', 'exact']);
    const [candidates, greedy, exact] = responses;
    expect(candidates).toMatchObject({ runId: 7, counts: { source: 'builtUp', considered: 5, candidates: 3, noData: 1, notMet: 1, missingCategories: [], leftOut: [] } });
    if (greedy?.type !== 'greedy' || exact?.type !== 'exact') throw new Error('unexpected responses');
    expect(greedy.answer.sites.map((site) => [site.id, site.rank, site.cellPosition, site.addedDemand])).toEqual([
      ['M', 1, 12, 8],
      ['L', 2, 11, 2],
    ]);
    expect(greedy.answer.method).toBe('lazyGreedy');
    expect(greedy.answer.computeMs).toBeGreaterThanOrEqual(0);
    expect(exact.answer?.computeMs).toBeUndefined();
    expect(greedy.answer.optimal).toBe(false);
    // every site meets every norm: its nearest facility of each category lies on it
    expect(greedy.answer.sites[0]!.nearest.map((norm) => [norm.category, norm.distanceMeters])).toEqual(WOONZORGZONE_PROFILE.norms.geclusterd.map((norm) => [norm.category, 0]));
    expect(exact.answer?.method).toBe('highs');
    expect(exact.answer?.optimal).toBe(true);
    expect(exact.answer?.addedDemand).toBeCloseTo(12, 9);
    expect(exact.answer?.sites.map((site) => site.id).sort()).toEqual(['L', 'R']);
    // before/after per municipality: nothing served before; greedy serves x 0–500 (A all, B 4 of 6)
    expect(greedy.answer.municipalities.map((area) => [area.code, area.people, area.servedBefore, area.servedAfter])).toEqual([
      ['A', 6, 0, 6],
      ['B', 6, 0, 4],
    ]);
    expect(greedy.answer.municipalities[1]!.percentileBefore).toBe(Infinity);
    expect(greedy.answer.province).toMatchObject({ people: 12, servedBefore: 0, servedAfter: 10 });
    expect(exact.answer?.province.servedAfter).toBeCloseTo(12, 9);
  });

  it('keeps existing supply fixed: people within D of it are served before and never counted again', async () => {
    const responses = await run(request({ mode: { kind: 'maxCover', k: 1 } }, [at(350)]));
    const greedy = responses.find((response) => response.type === 'greedy');
    if (greedy?.type !== 'greedy') throw new Error('no greedy answer');
    // x 200–500 (8 people) are served by the existing site at 350; L then adds x 0–100 (2), R x 600–700 (2)
    expect(greedy.answer.servedBefore).toBe(8);
    expect(greedy.answer.addedDemand).toBe(2);
    expect(greedy.answer.sites.map((site) => site.id)).toEqual(['L']);
  });

  it('refuses a distance out of range before any work, and K larger than the candidates after judging them', async () => {
    expect(await run(request({ distanceMeters: 5000 }))).toEqual([
      { type: 'error', runId: 7, issues: [{ code: 'siteFinder.distanceOutOfRange', file: 'siteFinder', params: { value: '5000', min: 25, max: 3000 } }] },
    ]);
    const tooMany = await run(request({ mode: { kind: 'maxCover', k: 4 } }));
    expect(tooMany.map((response) => response.type)).toEqual(['candidates', 'error']);
    expect(tooMany[1]).toMatchObject({ issues: [{ code: 'siteFinder.kTooLarge', params: { k: 4, candidates: 3 } }] });
  });

  it('answers "fewest sites for X %" with the greedy count and HiGHS’s proven minimum', async () => {
    const responses = await run(request({ mode: { kind: 'fewestSites', targetPercent: 100 } }));
    const greedy = responses.find((response) => response.type === 'greedy');
    const exact = responses.find((response) => response.type === 'exact');
    if (greedy?.type !== 'greedy' || exact?.type !== 'exact') throw new Error('unexpected responses');
    // greedy: M, L, R (3); the minimum is L + R (2)
    expect(greedy.answer.sites.length).toBe(3);
    expect(greedy.answer.reached).toBe(true);
    expect(exact.answer?.sites.length).toBe(2);
    expect(exact.answer?.optimal).toBe(true);
    expect(exact.answer?.lowerBound).toBe(2);
  });

  it('says when HiGHS cannot be loaded and keeps the greedy answer', async () => {
    const responses: SiteFinderResponse[] = [];
    await createSiteFinderHandler(() => Promise.reject(new Error('wasm blocked')))(request(), (response) => responses.push(response));
    expect(responses.map((response) => response.type)).toEqual(['candidates', 'greedy', 'exact']);
    expect(responses[2]).toEqual({ type: 'exact', runId: 7, answer: null, issues: [{ code: 'siteFinder.solverFailed', file: 'siteFinder', params: { status: 'wasm blocked' } }] });
  });

  it('judges the planner’s own list by the same rule and names each listed point left out with its reason', async () => {
    const body = request({ candidateSource: { kind: 'list', fileName: 'percelen.csv', count: 5 } });
    body.candidates.ids = ['rij-2', 'rij-3', 'rij-4', 'rij-5', 'rij-6'];
    body.candidates.labels = ['Perceel L', 'Perceel M', 'Perceel R', 'Perceel X', 'Perceel Y'];
    const responses = await run(body);
    expect(responses.map((response) => response.type)).toEqual(['candidates', 'greedy', 'exact']);
    // X (row 5) has complete data but no facility near: norms not met; Y (row 6) lies where data is incomplete
    expect(responses[0]).toMatchObject({
      counts: { source: 'list', considered: 5, candidates: 3, noData: 1, notMet: 1, leftOut: [{ id: 'rij-5', reason: 'notMet' }, { id: 'rij-6', reason: 'noData' }] },
    });
    const greedy = responses[1];
    if (greedy?.type !== 'greedy') throw new Error('no greedy answer');
    expect(greedy.answer.sites.map((site) => [site.id, site.label])).toEqual([
      ['rij-3', 'Perceel M'],
      ['rij-2', 'Perceel L'],
    ]);
  });

  it('says per source when no point of it meets the norms: an empty search area, a list without a usable location', async () => {
    const onlyLeftOut = (body: SiteFinderRunRequest): SiteFinderRunRequest => ({
      ...body,
      candidates: { ids: ['rij-5', 'rij-6'], coordinates: body.candidates.coordinates.slice(6), cellPositions: Uint32Array.from([14, 15]), labels: ['', ''], incomplete: Uint8Array.from([0, 1]) },
    });
    const list = await run(onlyLeftOut(request({ candidateSource: { kind: 'list', fileName: 'percelen.csv', count: 2 } })));
    expect(list.map((response) => response.type)).toEqual(['candidates', 'error']);
    expect(list[1]).toEqual({ type: 'error', runId: 7, issues: [{ code: 'siteFinder.noCandidatesInList', file: 'siteFinder', params: { considered: 2, noData: 1, notMet: 1 } }] });
    const area = await run(onlyLeftOut(request({ candidateSource: { kind: 'searchArea', outline: [] } })));
    expect(area[1]).toEqual({ type: 'error', runId: 7, issues: [{ code: 'siteFinder.noCandidatesInArea', file: 'siteFinder', params: { considered: 2, noData: 1, notMet: 1 } }] });
    // no listed points are named for grid cells
    expect(area[0]).toMatchObject({ counts: { source: 'searchArea', leftOut: [] } });
  });
});
