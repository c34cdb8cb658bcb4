import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import {
  completeAreas,
  declaresCompleteIn,
  coverageByCategory,
  incompletePoints,
  isCompleteAt,
  judgeAtPoint,
  largestNormDistances,
  type CategoryCoverage,
  municipalitiesHoldingFacilities,
  municipalitiesWithIncompleteData,
  partiallyCoveredArea,
  undeclaredCategories,
} from '../../../src/analysis/dataCoverage';
import { analyseLocation, type LocationReachability } from '../../../src/analysis/reachability';
import { FacilityIndex } from '../../../src/analysis/facilityIndex';
import { municipalityLocator } from '../../../src/analysis/facilitiesPerMunicipality';
import { areaIndexFor, createAreaIndex } from '../../../src/analysis/areaIndex';
import { seededRandom } from '../../support/seededRandom';
import { WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED } from '../../../src/domain/norms';
import { completenessFor, FACILITY_CATEGORIES, type DatasetCompleteness, type Facility, type FacilityCategory, type FacilityDataset } from '../../../src/domain/facility';

const ZWOLLE = 'GM0193';
const KAMPEN = 'GM0166';
const DEVENTER = 'GM0150';

const dataset = (id: string, completeness: DatasetCompleteness, hidden = false): FacilityDataset => ({
  id, kind: 'import', name: id, source: 'test', licence: 'test', retrievedAt: '2026-11-23', completeness, hidden,
});
const facility = (id: string, category: FacilityCategory, location: [number, number]): Facility => ({
  id, name: id, category, location, datasetId: 'zwolle', attributes: {},
});

// The 5-row file: a GP, pharmacy, supermarket, meeting place and care home in the centre of Zwolle.
const ZWOLLE_FILE: Facility[] = [
  facility('h1', 'huisarts', [6.0935, 52.5105]),
  facility('a1', 'apotheek', [6.0925, 52.5092]),
  facility('s1', 'supermarkt', [6.0895, 52.5085]),
  facility('o1', 'ontmoetingsplek', [6.0915, 52.5097]),
  facility('z1', 'zorg24uur', [6.094, 52.5088]),
];
const NEXT_TO_SUPERMARKET: [number, number] = [6.0898, 52.5087];
const BATHMEN: [number, number] = [6.2893, 52.2505];

// The shipped CBS outlines: the rule is about real borders.
const municipalityFile = JSON.parse(readFileSync('geo/boundaries/overijssel-gemeenten-cbs-2026.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { statcode: string }>;
const MUNICIPALITIES = municipalityFile.features.map((feature) => ({ ...feature, properties: { code: feature.properties.statcode } }));
const PROVINCE = (JSON.parse(readFileSync('geo/boundaries/overijssel-provincie-cbs-2026.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon>).features[0]!.geometry;
const locate = municipalityLocator(MUNICIPALITIES);
const areasFor = (coverage: CategoryCoverage) => completeAreas(coverage, { province: PROVINCE, municipalities: MUNICIPALITIES }, locate);

const norm = (result: LocationReachability, category: FacilityCategory) => result.housingTypes.zorggeschikt.norms.find((item) => item.category === category)!;

describe('coverageByCategory', () => {
  it('joins the municipalities declared per category and lets a whole-province declaration win', () => {
    const coverage = coverageByCategory([
      dataset('zwolle', { supermarkt: { kind: 'municipalities', codes: [ZWOLLE] }, huisarts: { kind: 'municipalities', codes: [ZWOLLE] } }),
      dataset('kampen', { supermarkt: { kind: 'municipalities', codes: [KAMPEN] } }),
      dataset('province', { huisarts: { kind: 'province' } }),
    ]);
    expect(coverage.get('huisarts')).toBe('province');
    expect([...(coverage.get('supermarkt') as Set<string>)].sort()).toEqual([KAMPEN, ZWOLLE]);
  });

  it('counts "only these locations", an empty municipality list and hidden datasets as complete nowhere', () => {
    const coverage = coverageByCategory([
      dataset('list', { apotheek: { kind: 'locationsOnly' }, huisarts: { kind: 'municipalities', codes: [] } }),
      dataset('hidden', { supermarkt: { kind: 'province' } }, true),
    ]);
    expect(coverage.size).toBe(0);
  });
});

describe('isCompleteAt', () => {
  const coverage = coverageByCategory([dataset('zwolle', { supermarkt: { kind: 'municipalities', codes: [ZWOLLE] } }), dataset('all', { huisarts: { kind: 'province' } })]);

  it('is complete inside a declared municipality only', () => {
    expect(isCompleteAt(coverage, 'supermarkt', ZWOLLE)).toBe(true);
    expect(isCompleteAt(coverage, 'supermarkt', KAMPEN)).toBe(false);
  });

  it('is complete anywhere inside the province for a whole-province declaration, not outside it', () => {
    expect(isCompleteAt(coverage, 'huisarts', KAMPEN)).toBe(true);
    expect(isCompleteAt(coverage, 'huisarts', null, true)).toBe(true);
    expect(isCompleteAt(coverage, 'huisarts', null, false)).toBe(false);
  });

  it('lists every category not declared complete at a place, including ones without any data', () => {
    const areas = areasFor(coverage);
    expect([...areas.incompleteAround(NEXT_TO_SUPERMARKET, () => 0)]).toEqual(FACILITY_CATEGORIES.filter((category) => category !== 'supermarkt' && category !== 'huisarts'));
    expect(areas.incompleteAround([5.93, 52.56], () => 0).has('supermarkt')).toBe(true); // Kampen
  });

  it('names the municipalities where a judged category is not complete', () => {
    expect(municipalitiesWithIncompleteData(coverage, ['supermarkt'], [ZWOLLE, KAMPEN, DEVENTER])).toEqual([KAMPEN, DEVENTER]);
    expect(municipalitiesWithIncompleteData(coverage, ['huisarts'], [ZWOLLE, KAMPEN])).toEqual([]);
  });

  it('outlines the municipalities of partial declarations with their categories', () => {
    expect(partiallyCoveredArea(coverage)).toEqual({ categories: ['supermarkt'], codes: [ZWOLLE] });
  });
});

describe('applyCoverage: the three-valued rule', () => {
  const index = FacilityIndex.fromFacilities(ZWOLLE_FILE);
  const analyse = (point: [number, number]) => analyseLocation(point, index, WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED);

  it('a known facility within the norm proves "met" even where no dataset declares the category complete', () => {
    const result = judgeAtPoint(analyse(NEXT_TO_SUPERMARKET), areasFor(coverageByCategory([dataset('zwolle', {})])));
    expect(norm(result, 'supermarkt').verdict).toBe('met');
    expect(result.categories.supermarkt).toMatchObject({ status: 'found', complete: false });
  });

  it('gives "no data", not "not met", far from the known facilities where nothing is declared complete (Bathmen)', () => {
    const raw = analyse(BATHMEN);
    // without the coverage rule the 5-row file reads as complete: Bathmen would be 30 km from a GP
    expect(norm(raw, 'huisarts').verdict).toBe('notMet');
    const result = judgeAtPoint(raw, areasFor(coverageByCategory([dataset('zwolle', {})])));
    for (const category of ['huisarts', 'apotheek', 'supermarkt', 'ontmoetingsplek'] as const) expect(norm(result, category).verdict).toBe('noData');
    expect(result.housingTypes.zorggeschikt.verdict).toBe('noData');
    expect(result.housingTypes.zorggeschikt.metCount).toBe(0);
    // the distance to the nearest known GP stays, marked as not complete
    expect(norm(result, 'huisarts').distanceMeters).toBeGreaterThan(25_000);
    expect(result.categories.huisarts.complete).toBe(false);
  });

  it('gives "not met" only where a dataset declares the category complete', () => {
    const coverage = coverageByCategory([dataset('zwolle', { huisarts: { kind: 'province' } })]);
    const result = judgeAtPoint(analyse(BATHMEN), areasFor(coverage));
    expect(norm(result, 'huisarts').verdict).toBe('notMet');
    expect(norm(result, 'supermarkt').verdict).toBe('noData');
    expect(result.housingTypes.zorggeschikt.verdict).toBe('notMet');
  });

  it('declared complete with nothing loaded of the category: "not met"; not declared: "no data"', () => {
    const empty = analyseLocation(NEXT_TO_SUPERMARKET, FacilityIndex.fromFacilities([]), WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED);
    const coverage = coverageByCategory([dataset('zwolle', { ovHalte: { kind: 'municipalities', codes: [ZWOLLE] } })]);
    const result = judgeAtPoint(empty, areasFor(coverage));
    expect(norm(result, 'ovHalte').verdict).toBe('notMet');
    expect(norm(result, 'supermarkt').verdict).toBe('noData');
    expect(result.categories.ovHalte).toMatchObject({ status: 'noData', complete: true });
  });

});

/** Brute force: metres from a point to the nearest edge beyond which data is not complete for `codes` (null: the province). */
function distanceToIncompleteEdge(point: [number, number], codes: readonly string[] | null): number {
  const outlines = [PROVINCE, ...(codes === null ? [] : MUNICIPALITIES.filter((feature) => !codes.includes(feature.properties.code)).map((feature) => feature.geometry))];
  return Math.min(...outlines.map((outline) => areaIndexFor(outline).distanceToEdgeMeters(point)));
}

/** Seeded points inside the given municipality whose nearest incomplete edge lies between `from` and `to` metres. */
function pointsAtDistance(code: string, codes: readonly string[] | null, from: number, to: number, count: number): [number, number][] {
  const random = seededRandom(7);
  const feature = MUNICIPALITIES.find((candidate) => candidate.properties.code === code)!;
  const area = createAreaIndex(feature.geometry);
  const [west, south, east, north] = area.bounds;
  const found: [number, number][] = [];
  for (let attempt = 0; attempt < 20_000 && found.length < count; attempt++) {
    const point: [number, number] = [west + random() * (east - west), south + random() * (north - south)];
    if (!area.contains(point)) continue;
    const distance = distanceToIncompleteEdge(point, codes);
    if (distance >= from && distance <= to) found.push(point);
  }
  expect(found.length).toBe(count);
  return found;
}

describe('the border rule: complete only when the whole norm circle lies in the declared area', () => {
  const empty = FacilityIndex.fromFacilities([]);
  const analyseEmpty = (point: [number, number]) => analyseLocation(point, empty, WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED);
  const supermarketNorm = largestNormDistances(WOONZORGZONE_PROFILE)('supermarkt');
  const zwolleOnly = coverageByCategory([dataset('zwolle', { supermarkt: { kind: 'municipalities', codes: [ZWOLLE] } })]);

  it('uses the largest norm distance of a category over the housing types', () => {
    const largest = largestNormDistances(WOONZORGZONE_PROFILE);
    for (const category of FACILITY_CATEGORIES) {
      const distances = Object.values(WOONZORGZONE_PROFILE.norms).flatMap((norms) => norms.filter((item) => item.category === category).map((item) => item.maxDistanceMeters));
      expect(largest(category)).toBe(distances.length === 0 ? 0 : Math.max(...distances));
    }
    expect(supermarketNorm).toBeGreaterThan(0);
  });

  it('a point in Zwolle closer to an undeclared municipality than the norm: "no data", not "not met"; farther in: "not met"', () => {
    const areas = areasFor(zwolleOnly);
    for (const point of pointsAtDistance(ZWOLLE, [ZWOLLE], 20, supermarketNorm - 20, 5)) {
      const result = judgeAtPoint(analyseEmpty(point), areas);
      expect(result.categories.supermarkt.complete).toBe(false);
      expect(result.housingTypes.nultreden.norms.find((item) => item.category === 'supermarkt')!.verdict).toBe('noData');
    }
    for (const point of pointsAtDistance(ZWOLLE, [ZWOLLE], supermarketNorm + 20, 5000, 5)) {
      const result = judgeAtPoint(analyseEmpty(point), areas);
      expect(result.categories.supermarkt.complete).toBe(true);
      expect(result.housingTypes.nultreden.norms.find((item) => item.category === 'supermarkt')!.verdict).toBe('notMet');
    }
  });

  it('near the border a known facility within the norm still proves "met"', () => {
    const [point] = pointsAtDistance(ZWOLLE, [ZWOLLE], 20, supermarketNorm - 20, 1);
    const shop = facility('s', 'supermarkt', [point![0] + 0.001, point![1]]);
    const result = judgeAtPoint(analyseLocation(point!, FacilityIndex.fromFacilities([shop]), WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED), areasFor(zwolleOnly));
    expect(result.categories.supermarkt.complete).toBe(false);
    expect(norm(result, 'supermarkt').verdict).toBe('met');
  });

  it('declaring the neighbours complete too removes the border between them (the union counts)', () => {
    const [point] = pointsAtDistance(ZWOLLE, [ZWOLLE], 20, supermarketNorm - 20, 1);
    const allCodes = MUNICIPALITIES.map((feature) => feature.properties.code);
    const everyMunicipality = coverageByCategory([dataset('all', { supermarkt: { kind: 'municipalities', codes: allCodes } })]);
    // the point's circle may still reach the province border; measure that edge alone
    const expected = distanceToIncompleteEdge(point!, allCodes) >= supermarketNorm;
    expect(areasFor(everyMunicipality).incompleteAround(point!, () => supermarketNorm).has('supermarkt')).toBe(!expected);
    expect(areasFor(zwolleOnly).incompleteAround(point!, () => supermarketNorm).has('supermarkt')).toBe(true);
  });

  it('for a whole-province declaration the part of the circle outside Overijssel is not covered', () => {
    const province = coverageByCategory([dataset('all', { supermarkt: { kind: 'province' } })]);
    const areas = areasFor(province);
    // Enschede borders Germany
    for (const point of pointsAtDistance('GM0153', null, 20, supermarketNorm - 20, 3)) expect(areas.incompleteAround(point, () => supermarketNorm).has('supermarkt')).toBe(true);
    for (const point of pointsAtDistance('GM0153', null, supermarketNorm + 20, 5000, 3)) expect(areas.incompleteAround(point, () => supermarketNorm).has('supermarkt')).toBe(false);
    // outside the province: complete nowhere, whatever the radius
    expect(areas.incompleteAround([7.1, 52.2], () => 0).has('supermarkt')).toBe(true);
  });

  it('measures the distance to the incomplete edge as the brute-force search over every edge does', () => {
    const codes = [ZWOLLE, KAMPEN, DEVENTER];
    const coverage = coverageByCategory([dataset('three', { huisarts: { kind: 'municipalities', codes } })]);
    const areas = areasFor(coverage);
    const random = seededRandom(11);
    let inside = 0;
    for (let attempt = 0; attempt < 3000; attempt++) {
      const point: [number, number] = [5.8 + random() * 0.6, 52.2 + random() * 0.5];
      const code = locate(point);
      const reach = areas.completeRadiusMeters('huisarts', point, 2000);
      if (code === null || !codes.includes(code)) {
        expect(reach).toBe(-1);
        continue;
      }
      inside++;
      expect(reach).toBeCloseTo(Math.min(2000, distanceToIncompleteEdge(point, codes)), 6);
    }
    expect(inside).toBeGreaterThan(300);
  });

  it('marks grid points by the same rule, with a radius per point', () => {
    const points = pointsAtDistance(ZWOLLE, [ZWOLLE], 20, 1000, 40);
    const centers = Float64Array.from(points.flat());
    const areas = areasFor(zwolleOnly);
    const radii = points.map((_, position) => 100 + position * 20);
    const marked = incompletePoints(centers, areas, ['supermarkt'], (_category, position) => radii[position]!);
    points.forEach((point, position) => expect(marked[position]).toBe(distanceToIncompleteEdge(point, [ZWOLLE]) < radii[position]! ? 1 : 0));
    expect(new Set(marked).size).toBe(2);
  });
});

describe('municipalitiesHoldingFacilities', () => {
  it('lists per category the municipalities with at least one point, sorted, skipping points outside every municipality', () => {
    const locate = ([lon]: [number, number]) => (lon < 6 ? KAMPEN : lon < 7 ? ZWOLLE : null);
    const holding = municipalitiesHoldingFacilities(
      [facility('a', 'supermarkt', [6.1, 52.5]), facility('b', 'supermarkt', [5.9, 52.5]), facility('c', 'huisarts', [7.5, 52.5])],
      locate,
    );
    expect(holding.get('supermarkt')).toEqual([KAMPEN, ZWOLLE]);
    expect(holding.has('huisarts')).toBe(false);
  });
});

/** A dataset declaring the categories complete for the whole province (none: only these locations). */
const provinceDataset = (id: string, categories: FacilityCategory[]): FacilityDataset => dataset(id, completenessFor(categories, { kind: 'province' }));
const locatedFacility = (datasetId: string, id: string, category: FacilityCategory): Facility => ({ ...facility(id, category, [6.09, 52.51]), datasetId });

describe('categories loaded as known locations only', () => {
  it('names categories that are loaded but declared complete nowhere (railway stations only)', () => {
    const byDataset = new Map([['stations', [locatedFacility('stations', 't1', 'ovHalte')]]]);
    expect(undeclaredCategories([provinceDataset('stations', [])], byDataset)).toEqual(['ovHalte']);
  });

  it('does not name a category another visible dataset declares', () => {
    const byDataset = new Map([
      ['stations', [locatedFacility('stations', 't1', 'ovHalte')]],
      ['osm', [locatedFacility('osm', 'b1', 'ovHalte')]],
    ]);
    expect(undeclaredCategories([provinceDataset('stations', []), provinceDataset('osm', ['ovHalte'])], byDataset)).toEqual([]);
  });
});

describe('declaresCompleteIn', () => {
  it('is true in a declared municipality and anywhere for a whole-province declaration, false for "only these locations"', () => {
    const zwolleOnly = dataset('zwolle', { supermarkt: { kind: 'municipalities', codes: [ZWOLLE] }, huisarts: { kind: 'province' }, apotheek: { kind: 'locationsOnly' } });
    expect(declaresCompleteIn(zwolleOnly, 'supermarkt', ZWOLLE)).toBe(true);
    expect(declaresCompleteIn(zwolleOnly, 'supermarkt', KAMPEN)).toBe(false);
    expect(declaresCompleteIn(zwolleOnly, 'huisarts', DEVENTER)).toBe(true);
    expect(declaresCompleteIn(zwolleOnly, 'apotheek', ZWOLLE)).toBe(false);
    expect(declaresCompleteIn(zwolleOnly, 'zorg24uur', ZWOLLE)).toBe(false);
  });
});
