// Locatiezoeker candidate sources (issue 13, point 3) on the hand-checkable 4 × 2 grid of 250 m cells
// of dasymetricFixture.ts (built up: cells (0,0) and (1,1)), and the planner's own list read by the
// facility import with the real province outline.
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import {
  builtUpCellCandidates,
  candidatesFromImport,
  cellPositionOf,
  listCandidates,
  NO_CELL,
  searchAreaCellCandidates,
  searchAreaIssue,
} from '../../../src/analysis/siteFinderCandidates';
import { parseImport } from '../../../src/data/import/parseImport';
import type { ImportOptions, ImportSucceeded } from '../../../src/data/import/importTypes';
import { cellPosition, cellsPolygon, dasymetricFixture, pointAt } from '../../support/dasymetricFixture';
import { provinceOutline } from '../data/geoFiles';

/** A polygon given in cell units (x = column, y = row). */
function polygonInCells(grid: ReturnType<typeof dasymetricFixture>['grid'], corners: [number, number][]): Polygon {
  const ring = [...corners, corners[0]!].map(([x, y]) => pointAt(grid, x, y));
  return { type: 'Polygon', coordinates: [ring] };
}

describe('search area candidates', () => {
  const { grid, population } = dasymetricFixture();

  it('are the grid cells whose centre lies inside the drawn polygon, built up or not', () => {
    // triangle (0,0) (2.2,0) (0,2.2): centres (0.5,0.5), (1.5,0.5), (0.5,1.5) lie inside (x + y < 2.2); (1.5,1.5) and (2.5,0.5) not
    const area = polygonInCells(grid, [
      [0, 0],
      [2.2, 0],
      [0, 2.2],
    ]);
    const candidates = searchAreaCellCandidates(grid, area.coordinates);
    expect([...candidates.cellPositions]).toEqual([cellPosition(grid, 0, 0), cellPosition(grid, 1, 0), cellPosition(grid, 0, 1)].sort((a, b) => a - b));
    expect(candidates.ids).toEqual([...candidates.cellPositions].map((position) => `cel-${grid.cellIds[position]}`));
    expect(candidates.labels).toEqual(['', '', '']);
    expect([...candidates.coordinates.slice(0, 2)]).toEqual([grid.centers[2 * cellPosition(grid, 0, 0)], grid.centers[2 * cellPosition(grid, 0, 0) + 1]]);
    // the built-up source gives other cells: (0,0) and (1,1)
    expect([...builtUpCellCandidates(grid, population).cellPositions]).toEqual([cellPosition(grid, 0, 0), cellPosition(grid, 1, 1)].sort((a, b) => a - b));
    expect(searchAreaIssue(grid, area.coordinates)).toBeNull();
  });

  it('refuses an area that holds no cell centre, or crosses itself, with the reason', () => {
    // inside cell (0,0) but away from its centre (0.5, 0.5)
    const small = cellsPolygon(grid, 0.1, 0.1, 0.4, 0.4);
    expect(searchAreaCellCandidates(grid, small.coordinates).ids).toEqual([]);
    expect(searchAreaIssue(grid, small.coordinates)).toEqual({ code: 'siteFinder.areaHoldsNoCell', file: 'siteFinder', params: { cellSize: 250 } });
    // east of the grid (outside the province of this fixture)
    expect(searchAreaIssue(grid, cellsPolygon(grid, 5, 0, 7, 2).coordinates)?.code).toBe('siteFinder.areaHoldsNoCell');
    const bowTie = polygonInCells(grid, [
      [0, 0],
      [2, 2],
      [2, 0],
      [0, 2],
    ]);
    expect(searchAreaIssue(grid, bowTie.coordinates)).toMatchObject({ code: 'siteFinder.areaSelfIntersecting', params: { lon: pointAt(grid, 1, 1)[0].toFixed(5), lat: pointAt(grid, 1, 1)[1].toFixed(5) } });
  });
});

describe('own list candidates', () => {
  const { grid } = dasymetricFixture();

  it('lie at their own place, each named by the grid cell it falls in (none outside the grid)', () => {
    expect(cellPositionOf(grid, pointAt(grid, 2.3, 1.7))).toBe(cellPosition(grid, 2, 1));
    expect(cellPositionOf(grid, pointAt(grid, 0.01, 0.01))).toBe(cellPosition(grid, 0, 0));
    expect(cellPositionOf(grid, pointAt(grid, 4.5, 0.5))).toBe(NO_CELL);
    expect(cellPositionOf(grid, pointAt(grid, -0.5, 0.5))).toBe(NO_CELL);
    const list = listCandidates(grid, [
      { id: 'rij-2', record: 2, label: 'Perceel A', location: pointAt(grid, 2.3, 1.7) },
      { id: 'rij-4', record: 4, label: '', location: pointAt(grid, 6, 0.5) },
    ]);
    expect(list.ids).toEqual(['rij-2', 'rij-4']);
    expect([...list.cellPositions]).toEqual([cellPosition(grid, 2, 1), NO_CELL]);
    expect(list.labels).toEqual(['Perceel A', '']);
    expect([...list.coordinates]).toEqual([...pointAt(grid, 2.3, 1.7), ...pointAt(grid, 6, 0.5)]);
  });
});

describe('own list read by the facility import', () => {
  const options: ImportOptions = { fileName: 'percelen.csv', datasetId: 'locatiezoeker-kandidaten', fixedCategory: 'overig', nameOptional: true, provinceOutline: provinceOutline() };
  const read = async (text: string, fileName = 'percelen.csv') => {
    const result = await parseImport(text, { ...options, fileName });
    if (result.status !== 'ok') throw new Error(JSON.stringify(result));
    return result as ImportSucceeded;
  };

  it('keeps rows inside Overijssel and refuses a row across the border with its row number and reason', async () => {
    // Zwolle (Grote Markt) and Deventer (Brink) inside; Hoogeveen (Drenthe) inside the box around Overijssel but across the border
    const result = await read('naam;lengtegraad;breedtegraad\nPerceel Grote Markt;6,0931;52,5124\nPerceel Brink;6,1590;52,2512\nHoogeveen;6,4764;52,7225\n');
    expect(result.rejected).toEqual([expect.objectContaining({ code: 'import.outsideProvinceBorder', record: 4 })]);
    expect(candidatesFromImport(result.fileKind, result.facilities)).toEqual([
      { id: 'rij-2', record: 2, label: 'Perceel Grote Markt', location: [6.0931, 52.5124] },
      { id: 'rij-3', record: 3, label: 'Perceel Brink', location: [6.159, 52.2512] },
    ]);
  });

  it('reads a list without a name column, in RD New, and names the points by their address where given', async () => {
    // RD New 203000, 503000 lies in Zwolle
    const result = await read('x;y;adres\n203000;503000;Voorbeeldstraat 1\n203100;503100;\n');
    expect(result.coordinateSystemUsed).toBe('rd');
    const candidates = candidatesFromImport(result.fileKind, result.facilities);
    expect(candidates.map((item) => [item.id, item.label])).toEqual([
      ['rij-2', 'Voorbeeldstraat 1'],
      ['rij-3', ''],
    ]);
    expect(candidates[0]!.location[0]).toBeCloseTo(6.1, 1);
    expect(candidates[0]!.location[1]).toBeCloseTo(52.51, 1);
    // without nameOptional the facility import still asks for a name column
    const strict = await parseImport('x;y;adres\n203000;503000;Voorbeeldstraat 1\n', { ...options, nameOptional: false });
    expect(strict).toMatchObject({ status: 'failed', issue: { code: 'import.columnMappingIncomplete' } });
  });

  it('takes a parcel polygon in a GeoJSON at a point on its surface, as object N', async () => {
    const parcel = { type: 'Polygon', coordinates: [[[6.09, 52.51], [6.096, 52.51], [6.096, 52.514], [6.09, 52.514], [6.09, 52.51]]] };
    const text = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { naam: 'Kavel 7' }, geometry: parcel }, { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [6.4764, 52.7225] } }] });
    const result = await read(text, 'kavels.geojson');
    expect(result.rejected).toEqual([expect.objectContaining({ code: 'import.outsideProvinceBorder', record: 2 })]);
    const [kavel] = candidatesFromImport(result.fileKind, result.facilities);
    expect(kavel).toMatchObject({ id: 'object-1', record: 1, label: 'Kavel 7' });
    // the centroid of the rectangle, which lies on it
    expect(kavel!.location[0]).toBeCloseTo(6.093, 6);
    expect(kavel!.location[1]).toBeCloseTo(52.512, 6);
  });
});
