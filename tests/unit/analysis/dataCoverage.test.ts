import { describe, expect, it } from 'vitest';
import { categoriesNotCoveredAt, coverageByCategory, withoutUncoveredCategories } from '../../../src/analysis/dataCoverage';
import { analyseLocation } from '../../../src/analysis/reachability';
import { FacilityIndex } from '../../../src/analysis/facilityIndex';
import { WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED } from '../../../src/domain/norms';
import type { Facility, FacilityCategory, FacilityDataset } from '../../../src/domain/facility';

const dataset = (id: string, coverage: FacilityDataset['coverage'], categories: FacilityCategory[], hidden = false): FacilityDataset => ({
  id, kind: 'osm', name: id, source: 'test', licence: 'test', retrievedAt: '2026-11-23', coverage, categories, hidden,
});
const facility = (id: string, category: FacilityCategory, location: [number, number]): Facility => ({
  id, name: id, category, location, datasetId: 'zwolle', attributes: {},
});

describe('coverageByCategory', () => {
  it('joins the municipalities of partial datasets and lets a province dataset win', () => {
    const coverage = coverageByCategory([
      dataset('zwolle', ['GM0193'], ['supermarkt', 'huisarts']),
      dataset('kampen', ['GM0166'], ['supermarkt']),
      dataset('province', 'province', ['huisarts']),
    ]);
    expect(coverage.get('huisarts')).toBe('province');
    expect([...(coverage.get('supermarkt') as Set<string>)].sort()).toEqual(['GM0166', 'GM0193']);
  });

  it('ignores hidden datasets', () => {
    expect(coverageByCategory([dataset('hidden', 'province', ['apotheek'], true)]).has('apotheek')).toBe(false);
  });
});

describe('categoriesNotCoveredAt', () => {
  const coverage = coverageByCategory([dataset('zwolle', ['GM0193'], ['supermarkt']), dataset('all', 'province', ['huisarts'])]);
  it('lists a partially covered category outside its municipalities', () => {
    expect([...categoriesNotCoveredAt(coverage, 'GM0166')]).toEqual(['supermarkt']);
  });
  it('lists nothing inside the covered municipality', () => {
    expect(categoriesNotCoveredAt(coverage, 'GM0193').size).toBe(0);
  });
});

describe('withoutUncoveredCategories', () => {
  // A supermarket in Zwolle; the analysed point lies in Kampen, 13 km away.
  const index = FacilityIndex.fromFacilities([facility('s1', 'supermarkt', [6.0915, 52.5097])]);
  const kampen: [number, number] = [5.9111, 52.5555];
  const result = analyseLocation(kampen, index, WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED);

  it('turns "not met" for an uncovered category into "no data"', () => {
    const supermarketNorm = () => result.housingTypes.nultreden.norms.find((norm) => norm.category === 'supermarkt')!;
    expect(supermarketNorm().verdict).toBe('notMet');
    const limited = withoutUncoveredCategories(result, new Set(['supermarkt']));
    const limitedNorm = limited.housingTypes.nultreden.norms.find((norm) => norm.category === 'supermarkt')!;
    expect(limitedNorm.verdict).toBe('noData');
    expect(limitedNorm.distanceMeters).toBeNull();
    expect(limited.categories.supermarkt.status).toBe('noData');
    expect(limited.housingTypes.nultreden.verdict).toBe('noData');
  });

  it('returns the result unchanged when everything is covered', () => {
    expect(withoutUncoveredCategories(result, new Set())).toBe(result);
  });
});
