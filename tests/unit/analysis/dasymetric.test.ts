import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { parsePostcodePopulation } from '../../../src/data/parsePopulation';
import { parseBuiltUpAreas } from '../../../src/data/parsePlaces';
import { buildProvinceGrid } from '../../../src/analysis/provinceGrid';
import { areaInput, dasymetricFixture as fixture, fixtureGrid, cellsPolygon as cells, cellPosition as at } from '../../support/dasymetricFixture';
import {
  AGE_BANDS,
  cellMembership,
  peopleByMembership,
  peopleInCells,
  spreadPopulation,
} from '../../../src/analysis/dasymetric';

describe('spreadPopulation (dasymetric)', () => {
  it('builds the fixture grid as 4 × 2 cells', () => {
    const { grid } = fixture();
    expect([grid.columns, grid.rows, grid.cellCount]).toEqual([4, 2, 8]);
  });

  it('spreads each area over its built-up part only, a border cell taking shares of both areas', () => {
    const { grid, population } = fixture();
    const all = population.cellCounts.all;
    expect(all[at(grid, 0, 0)]).toBeCloseTo(100, 9);
    expect(all[at(grid, 1, 1)]).toBeCloseTo(20 + 60, 9);
    expect(all[at(grid, 0, 1)]).toBe(0);
    expect(all[at(grid, 1, 0)]).toBe(0);
    expect(all[at(grid, 2, 0)]).toBe(0);
    expect(all[at(grid, 2, 1)]).toBe(0);
    expect(population.cellCounts['65plus'][at(grid, 0, 0)]).toBeCloseTo(50, 9);
    expect(population.cellCounts['65plus'][at(grid, 1, 1)]).toBeCloseTo(10, 9); // B's 65+ is unknown, not 0
    expect(population.cellCounts['85plus'][at(grid, 1, 1)]).toBeCloseTo(1, 9);
    expect(population.areas.map((spread) => [spread.postcode, spread.method])).toEqual([['A', 'builtUp'], ['B', 'builtUp'], ['C', 'wholeArea'], ['D', 'nearestCell']]);
  });

  it('spreads an area without built-up part over its whole area, and a sample-less area to the nearest cell', () => {
    const { grid, population } = fixture();
    expect(population.cellCounts.all[at(grid, 3, 0)]).toBeCloseTo(15 + 5, 9);
    expect(population.cellCounts.all[at(grid, 3, 1)]).toBeCloseTo(15, 9);
    expect(population.fallbacks).toEqual([{ postcode: 'C', method: 'wholeArea' }, { postcode: 'D', method: 'nearestCell' }]);
  });

  it('keeps every known total: the cells sum to the postcode totals', () => {
    const { population } = fixture();
    const sum = (band: (typeof AGE_BANDS)[number]) => population.cellCounts[band].reduce((total, value) => total + value, 0);
    expect(sum('all')).toBeCloseTo(120 + 60 + 30 + 5, 9);
    expect(sum('65plus')).toBeCloseTo(60 + 10 + 5, 9); // B suppressed: not counted, not 0-filled elsewhere
    expect(sum('75plus')).toBeCloseTo(30 + 10 + 5, 9);
    expect(sum('85plus')).toBeCloseTo(6, 9);
    for (const spread of population.areas) {
      let shares = 0;
      for (let entry = spread.cellStart; entry < spread.cellEnd; entry++) shares += population.areaCellShares[entry]!;
      expect(shares).toBeCloseTo(1, 12);
    }
  });

  it('treats suppressed (negative or missing) counts as unknown and reports them', () => {
    const grid = fixtureGrid();
    const population = spreadPopulation(grid, [areaInput('A', cells(grid, 0, 0, 2, 2), [null, -99997, 4, 1])], []);
    expect(population.suppressed).toEqual([{ postcode: 'A', bands: ['all', '65plus'] }]);
    expect(Number.isNaN(population.areas[0]!.counts.all)).toBe(true);
    const inside = peopleInCells(population, () => true);
    expect(inside.counts.all).toBe(0);
    expect(inside.unknownPostcodes.all).toEqual(['A']);
    expect(inside.unknownPostcodes['75plus']).toEqual([]);
    expect(inside.counts['75plus']).toBeCloseTo(4, 9);
  });

  it('gives each kern the people spread over its built-up samples, naming unknown postcodes', () => {
    const { grid, population } = fixture();
    const [k1, k2] = population.kernen;
    expect(k1!.counts.all).toBeCloseTo(100, 9);
    expect(k2!.counts.all).toBeCloseTo(80, 9);
    expect(k2!.counts['65plus']).toBeCloseTo(10, 9);
    expect(k2!.unknownPostcodes['65plus']).toEqual(['B']);
    expect(k1!.unknownPostcodes['65plus']).toEqual([]);
    expect([...k1!.cellPositions]).toEqual([at(grid, 0, 0)]);
    expect([...k2!.cellPositions]).toEqual([at(grid, 1, 1)]);
  });

  it('counts people inside, outside and without data of zones by cell centre', () => {
    const { grid, population } = fixture();
    const lonOf = (x: number) => grid.originLon + x * grid.cellWidthDegrees;
    const membership = cellMembership(population, ([lon]) => (lon < lonOf(1) ? 'inside' : lon > lonOf(3) ? 'noData' : 'outside'));
    const result = peopleByMembership(population, membership);
    expect(result.inside.counts.all).toBeCloseTo(100, 9);
    expect(result.outside.counts.all).toBeCloseTo(80, 9);
    expect(result.noData.counts.all).toBeCloseTo(35, 9);
    expect(result.outside.counts['65plus']).toBeCloseTo(10, 9);
    expect(result.outside.unknownPostcodes['65plus']).toEqual(['B']);
    expect(result.inside.unknownPostcodes['65plus']).toEqual([]);
  });
});

describe('spreadPopulation on the shipped data (CBS PC4 2021, TOP10NL kernen 2025)', () => {
  const province = (JSON.parse(readFileSync('geo/boundaries/overijssel-provincie-cbs-2026.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon>).features[0]!.geometry;
  const postcodes = parsePostcodePopulation(JSON.parse(readFileSync('geo/population/overijssel-pc4-bevolking-leeftijd-2021.geojson', 'utf8')), 'pc4', 'cbs-pc4-2021').items;
  const kernen = parseBuiltUpAreas(JSON.parse(readFileSync('geo/places/overijssel-kernen-top10nl-2025.geojson', 'utf8')), 'kernen').items;

  it.each([250, 100])('keeps every postcode total at %i m, spreading most areas over their built-up part', (cellSize) => {
    const grid = buildProvinceGrid(province, cellSize);
    const population = spreadPopulation(grid, postcodes, kernen);
    expect(population.suppressed).toEqual([]);
    for (const band of AGE_BANDS) {
      const expected = postcodes.reduce((sum, feature) => sum + (band === 'all' ? feature.properties.inhabitants : band === '65plus' ? feature.properties.inhabitants65Plus : band === '75plus' ? feature.properties.inhabitants75Plus : feature.properties.inhabitants85Plus), 0);
      expect(population.cellCounts[band].reduce((sum, value) => sum + value, 0)).toBeCloseTo(expected, 3);
    }
    const builtUp = population.areas.filter((area) => area.method === 'builtUp').length;
    expect(builtUp).toBeGreaterThan(population.areas.length * 0.8);
    // people in kernen: most people live in a kern
    const inKernen = population.kernen.reduce((sum, kern) => sum + kern.counts.all, 0);
    const total = population.cellCounts.all.reduce((sum, value) => sum + value, 0);
    expect(inKernen / total).toBeGreaterThan(0.5);
    expect(inKernen).toBeLessThanOrEqual(total + 1e-6);
  });
});
