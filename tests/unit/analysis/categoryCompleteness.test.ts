import { describe, expect, it } from 'vitest';
import { categoriesIn, categoryTallies, countCompleteness } from '../../../src/analysis/categoryCompleteness';
import { coverageByCategory } from '../../../src/analysis/dataCoverage';
import { completenessFor, createFacility, type FacilityCategory, type FacilityDataset, type TransitMode } from '../../../src/domain/facility';

const stop = (id: string, transitMode: TransitMode) =>
  createFacility({ id, name: id, category: 'ovHalte', location: [6.09, 52.5], datasetId: 'x', attributes: { transitMode } });

const dataset = (coverage: 'province' | string[], categories: FacilityCategory[]): FacilityDataset => ({
  id: 'd', kind: 'osm', name: 'd', source: 's', licence: 'l', retrievedAt: '2026-11-01', hidden: false,
  completeness: completenessFor(categories, coverage === 'province' ? { kind: 'province' } : { kind: 'municipalities', codes: coverage }),
});

describe('countCompleteness', () => {
  it('railway stations alone, declared complete by nothing: stations known, bus and tram stops missing', () => {
    const stations = [stop('a', 'train'), stop('b', 'train')];
    expect(countCompleteness('ovHalte', stations, coverageByCategory([dataset('province', [])]))).toEqual({ kind: 'trainStationsOnly', count: 2 });
    expect(countCompleteness('ovHalte', stations, new Map(), 'GM0193')).toEqual({ kind: 'trainStationsOnly', count: 2 });
  });

  it('other known stops without a declaration are "known only"', () => {
    expect(countCompleteness('ovHalte', [stop('a', 'train'), stop('b', 'bus')], new Map())).toEqual({ kind: 'knownOnly', count: 2 });
  });

  it('nothing known and nothing declared is no data, not zero', () => {
    expect(countCompleteness('supermarkt', [stop('a', 'train')], new Map())).toEqual({ kind: 'none' });
  });

  it('a declaration for the province makes the count complete everywhere, zero included', () => {
    const coverage = coverageByCategory([dataset('province', ['ovHalte', 'supermarkt'])]);
    expect(countCompleteness('ovHalte', [stop('a', 'train')], coverage)).toEqual({ kind: 'complete', count: 1 });
    expect(countCompleteness('supermarkt', [], coverage, 'GM0193')).toEqual({ kind: 'complete', count: 0 });
  });

  it('a declaration for one municipality is complete there, and named for the province', () => {
    const coverage = coverageByCategory([dataset(['GM0193'], ['ovHalte'])]);
    const stops = [stop('a', 'train'), stop('b', 'bus')];
    expect(countCompleteness('ovHalte', stops, coverage, 'GM0193')).toEqual({ kind: 'complete', count: 2 });
    expect(countCompleteness('ovHalte', stops, coverage, 'GM0166')).toEqual({ kind: 'knownOnly', count: 2 });
    expect(countCompleteness('ovHalte', stops, coverage)).toEqual({ kind: 'completeIn', count: 2, municipalityCodes: ['GM0193'] });
  });
});

describe('categoryTallies', () => {
  it('counts every category in one pass and remembers the answer per list', () => {
    const list = [stop('a', 'train'), stop('b', 'bus')];
    const tallies = categoryTallies(list);
    expect(tallies.ovHalte).toEqual({ count: 2, onlyTrains: false });
    expect(tallies.supermarkt).toEqual({ count: 0, onlyTrains: true });
    expect(categoryTallies(list)).toBe(tallies);
    expect(categoriesIn(list)).toEqual(['ovHalte']);
  });
});
