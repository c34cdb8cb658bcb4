// A hand-checkable fixture for the dasymetric spread and zone coverage, in "cell units": a 4 × 2
// grid of 250 m cells (5 × 5 samples per cell at 0.1, 0.3, …, 0.9). x = column, y = row.
//   A (Zwolle GM0193): x 0–1.4, 120 people (65+ 60, 75+ 30, 85+ 6). Built up: K1 (cell 0,0: 25
//      samples) and the part of K2 with x < 1.4 (samples x = 1.3, cell 1,1: 5 samples)
//      → 100 to cell (0,0), 20 to (1,1).
//   B (Zwolle GM0193): x 1.4–3, 60 people, 65+ suppressed by CBS (-99997), 75+ 10, 85+ 0. Built
//      up: K2's samples x = 1.5, 1.7, 1.9 (15, all in cell 1,1) → all of B to cell (1,1), a cell
//      on the A|B border.
//   C (Enschede GM0153): x 3–4.5 (beyond the grid's east edge), 30 people (65+ 10, 75+ 5), no
//      built-up part → spread evenly over cells (3,0), (3,1).
//   D (Enschede GM0153): a 10 m square inside cell (3,0) that holds no sample, 5 people (65+ 5)
//      → to the cell nearest its first vertex, (3,0).
//   Kernen: K1 = cell (0,0) (Zwolle), K2 = x 1.2–2, y 1–2 (Zwolle).
import type { Polygon } from 'geojson';
import { buildProvinceGrid, type ProvinceGrid } from '../../src/analysis/provinceGrid';
import { spreadPopulation, type DasymetricAreaInput, type DasymetricBuiltUpInput } from '../../src/analysis/dasymetric';

const LAT0 = 52.4;
const LON0 = 6.0;

export function fixtureGrid(): ProvinceGrid {
  const cellHeight = 250 / ((6371008.8 * Math.PI) / 180);
  const probe = buildProvinceGrid(rectangleDegrees(LON0, LAT0, LON0 + 0.1, LAT0 + 1.99 * cellHeight), 250);
  return buildProvinceGrid(rectangleDegrees(LON0, LAT0, LON0 + 3.99 * probe.cellWidthDegrees, LAT0 + 1.99 * cellHeight), 250);
}

function rectangleDegrees(west: number, south: number, east: number, north: number): Polygon {
  return { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
}

/** A rectangle given in cell units (x = column, y = row). */
export function cellsPolygon(grid: ProvinceGrid, x0: number, y0: number, x1: number, y1: number): Polygon {
  return rectangleDegrees(lonOf(grid, x0), latOf(grid, y0), lonOf(grid, x1), latOf(grid, y1));
}

export const lonOf = (grid: ProvinceGrid, x: number) => grid.originLon + x * grid.cellWidthDegrees;
export const latOf = (grid: ProvinceGrid, y: number) => grid.originLat + y * grid.cellHeightDegrees;
/** [lon, lat] of a point given in cell units. */
export const pointAt = (grid: ProvinceGrid, x: number, y: number): [number, number] => [lonOf(grid, x), latOf(grid, y)];

export function areaInput(
  postcode: string,
  geometry: Polygon,
  counts: [number | null, number | null, number | null, number | null],
  municipalityCode = 'GM0193',
): DasymetricAreaInput {
  const [inhabitants, inhabitants65Plus, inhabitants75Plus, inhabitants85Plus] = counts;
  return { type: 'Feature', geometry, properties: { postcode, municipalityCode, inhabitants, inhabitants65Plus, inhabitants75Plus, inhabitants85Plus } };
}

function kern(id: string, geometry: Polygon, municipalityCode = 'GM0193'): DasymetricBuiltUpInput {
  return { type: 'Feature', geometry, properties: { id, name: id, municipalityCode } };
}

export function dasymetricFixture() {
  const grid = fixtureGrid();
  const areas = [
    areaInput('A', cellsPolygon(grid, 0, 0, 1.4, 2), [120, 60, 30, 6]),
    areaInput('B', cellsPolygon(grid, 1.4, 0, 3, 2), [60, -99997, 10, 0]),
    areaInput('C', cellsPolygon(grid, 3, 0, 4.5, 2), [30, 10, 5, 0], 'GM0153'),
    areaInput('D', cellsPolygon(grid, 3.01, 0.01, 3.05, 0.05), [5, 5, 0, 0], 'GM0153'),
  ];
  const kernen = [kern('K1', cellsPolygon(grid, 0, 0, 1, 1)), kern('K2', cellsPolygon(grid, 1.2, 1, 2, 2))];
  return { grid, population: spreadPopulation(grid, areas, kernen) };
}

/** Position of the cell at (column, row) in the grid's arrays. */
export function cellPosition(grid: ProvinceGrid, column: number, row: number): number {
  return grid.cellIds.indexOf(row * grid.columns + column);
}
