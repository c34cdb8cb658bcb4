import { describe, expect, it } from 'vitest';
import {
  applyCoverage,
  coverageByCategory,
  incompleteCategoriesAt,
  isCompleteAt,
  municipalitiesHoldingFacilities,
  municipalitiesWithIncompleteData,
  partiallyCoveredArea,
  undeclaredCategories,
} from '../../../src/analysis/dataCoverage';
import { analyseLocation, type LocationReachability } from '../../../src/analysis/reachability';
import { FacilityIndex } from '../../../src/analysis/facilityIndex';
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
    expect([...incompleteCategoriesAt(coverage, ZWOLLE)]).toEqual(FACILITY_CATEGORIES.filter((category) => category !== 'supermarkt' && category !== 'huisarts'));
    expect(incompleteCategoriesAt(coverage, KAMPEN).has('supermarkt')).toBe(true);
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
    const result = applyCoverage(analyse(NEXT_TO_SUPERMARKET), incompleteCategoriesAt(coverageByCategory([dataset('zwolle', {})]), ZWOLLE));
    expect(norm(result, 'supermarkt').verdict).toBe('met');
    expect(result.categories.supermarkt).toMatchObject({ status: 'found', complete: false });
  });

  it('gives "no data", not "not met", far from the known facilities where nothing is declared complete (Bathmen)', () => {
    const raw = analyse(BATHMEN);
    // without the coverage rule the 5-row file reads as complete: Bathmen would be 30 km from a GP
    expect(norm(raw, 'huisarts').verdict).toBe('notMet');
    const result = applyCoverage(raw, incompleteCategoriesAt(coverageByCategory([dataset('zwolle', {})]), DEVENTER));
    for (const category of ['huisarts', 'apotheek', 'supermarkt', 'ontmoetingsplek'] as const) expect(norm(result, category).verdict).toBe('noData');
    expect(result.housingTypes.zorggeschikt.verdict).toBe('noData');
    expect(result.housingTypes.zorggeschikt.metCount).toBe(0);
    // the distance to the nearest known GP stays, marked as not complete
    expect(norm(result, 'huisarts').distanceMeters).toBeGreaterThan(25_000);
    expect(result.categories.huisarts.complete).toBe(false);
  });

  it('gives "not met" only where a dataset declares the category complete', () => {
    const coverage = coverageByCategory([dataset('zwolle', { huisarts: { kind: 'province' } })]);
    const result = applyCoverage(analyse(BATHMEN), incompleteCategoriesAt(coverage, DEVENTER));
    expect(norm(result, 'huisarts').verdict).toBe('notMet');
    expect(norm(result, 'supermarkt').verdict).toBe('noData');
    expect(result.housingTypes.zorggeschikt.verdict).toBe('notMet');
  });

  it('declared complete with nothing loaded of the category: "not met"; not declared: "no data"', () => {
    const empty = analyseLocation(NEXT_TO_SUPERMARKET, FacilityIndex.fromFacilities([]), WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED);
    const coverage = coverageByCategory([dataset('zwolle', { ovHalte: { kind: 'municipalities', codes: [ZWOLLE] } })]);
    const result = applyCoverage(empty, incompleteCategoriesAt(coverage, ZWOLLE));
    expect(norm(result, 'ovHalte').verdict).toBe('notMet');
    expect(norm(result, 'supermarkt').verdict).toBe('noData');
    expect(result.categories.ovHalte).toMatchObject({ status: 'noData', complete: true });
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
