// Locatiezoeker (issue 13, point 3): where the candidate sites come from, before the norms judge them.
// Three sources, the planner's choice:
// - 'builtUp': the grid cells inside a built-up area (kern) of the dasymetric spread;
// - 'searchArea': the grid cells whose centre lies inside a polygon the planner drew;
// - 'list': the planner's own points (parcels or addresses, read by the facility import: its parsers,
//   coordinate detection and province test), each a candidate at its own place.
// Every source gives points; the worker judges them all by the same rule (siteFinderWorkerHandler.ts:
// the suitability grid's norms, a point not proven to meet them where facility data is incomplete is
// left out as "geen gegevens"). Pure: no DOM, no map.

import type { Polygon } from 'geojson';
import type { DataIssue } from '../domain/dataIssue';
import type { Facility } from '../domain/facility';
import { createAreaIndex } from './areaIndex';
import type { DasymetricPopulation } from './dasymetric';
import { outlineProblem } from './polygonOutline';
import type { ProvinceGrid } from './provinceGrid';
import { SITE_FINDER_FILE, type CandidatePoints } from './siteFinder';

export const CANDIDATE_SOURCE_KINDS = ['builtUp', 'searchArea', 'list'] as const;
export type CandidateSourceKind = (typeof CANDIDATE_SOURCE_KINDS)[number];

/** The candidate source as the run and its export record it (the list's points travel separately). */
export type CandidateSourceSetting =
  | { kind: 'builtUp' }
  /** The drawn polygon: rings of [lon, lat] (WGS84), the first the outline. */
  | { kind: 'searchArea'; outline: [number, number][][] }
  /** The planner's file: its name and how many of its rows or features were read as candidates. */
  | { kind: 'list'; fileName: string; count: number };

/** One point of the planner's own list: its row (CSV, header = row 1) or feature number, and a label for the result. */
export interface ListCandidate {
  id: string;
  record: number;
  /** The list's name for it, else its address, else '' (the result then names the row). */
  label: string;
  location: [number, number];
}

/** Candidates with their grid cell (NO_CELL when a listed point lies in no cell) and label ('' for grid cells). */
export interface SiteCandidates extends CandidatePoints {
  cellPositions: Uint32Array;
  labels: string[];
}

/** Cell position of a point that lies in no grid cell. */
export const NO_CELL = 0xffffffff;

function cellCandidates(grid: ProvinceGrid, positions: readonly number[]): SiteCandidates {
  const coordinates = new Float64Array(positions.length * 2);
  positions.forEach((position, index) => {
    coordinates[2 * index] = grid.centers[2 * position]!;
    coordinates[2 * index + 1] = grid.centers[2 * position + 1]!;
  });
  return { ids: positions.map((position) => `cel-${grid.cellIds[position]}`), coordinates, cellPositions: Uint32Array.from(positions), labels: positions.map(() => '') };
}

/** Candidates = the grid cells inside a built-up area (kern) of the spread; id `cel-<grid cell id>`. */
export function builtUpCellCandidates(grid: ProvinceGrid, population: DasymetricPopulation): SiteCandidates {
  const inBuiltUp = new Uint8Array(population.cellCount);
  for (const kern of population.kernen) for (const position of kern.cellPositions) inBuiltUp[position] = 1;
  const positions: number[] = [];
  for (let position = 0; position < population.cellCount; position++) if (inBuiltUp[position]) positions.push(position);
  return cellCandidates(grid, positions);
}

/** Candidates = the grid cells whose centre lies inside the drawn search area (holes excluded), built up or not; id `cel-<grid cell id>`. */
export function searchAreaCellCandidates(grid: ProvinceGrid, outline: readonly (readonly (readonly number[])[])[]): SiteCandidates {
  const area = createAreaIndex({ type: 'Polygon', coordinates: outline.map((ring) => ring.map((point) => [point[0]!, point[1]!])) });
  const [west, south, east, north] = area.bounds;
  const positions: number[] = [];
  for (let position = 0; position < grid.cellCount; position++) {
    const lon = grid.centers[2 * position]!;
    const lat = grid.centers[2 * position + 1]!;
    if (lon < west || lon > east || lat < south || lat > north) continue;
    if (area.contains([lon, lat])) positions.push(position);
  }
  return cellCandidates(grid, positions);
}

/**
 * Why a drawn search area cannot be used, or null: the outline must be a simple closed polygon, and the
 * centre of at least one grid cell must lie inside it (else it holds no candidate at all).
 */
export function searchAreaIssue(grid: ProvinceGrid, outline: readonly (readonly (readonly number[])[])[]): DataIssue | null {
  const problem = outlineProblem(outline);
  if (problem?.code === 'selfIntersecting') return { code: 'siteFinder.areaSelfIntersecting', file: SITE_FINDER_FILE, params: { lon: problem.at[0].toFixed(5), lat: problem.at[1].toFixed(5) } };
  if (problem) return { code: 'siteFinder.areaInvalid', file: SITE_FINDER_FILE };
  if (searchAreaCellCandidates(grid, outline).ids.length === 0) return { code: 'siteFinder.areaHoldsNoCell', file: SITE_FINDER_FILE, params: { cellSize: grid.cellSizeMeters } };
  return null;
}

/** The position (index into the grid's kept cells) of the cell a point lies in, or NO_CELL. */
export function cellPositionOf(grid: ProvinceGrid, [lon, lat]: readonly [number, number]): number {
  const column = Math.floor((lon - grid.originLon) / grid.cellWidthDegrees);
  const row = Math.floor((lat - grid.originLat) / grid.cellHeightDegrees);
  if (column < 0 || row < 0 || column >= grid.columns || row >= grid.rows) return NO_CELL;
  const cellId = row * grid.columns + column;
  // cellIds grow with the position (row by row, west to east): binary search
  let low = 0;
  let high = grid.cellCount - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const id = grid.cellIds[middle]!;
    if (id === cellId) return middle;
    if (id < cellId) low = middle + 1;
    else high = middle - 1;
  }
  return NO_CELL;
}

/** Candidates = the listed points at their own place; the grid cell each lies in names its kern. */
export function listCandidates(grid: ProvinceGrid, list: readonly ListCandidate[]): SiteCandidates {
  return {
    ids: list.map((item) => item.id),
    coordinates: Float64Array.from(list.flatMap((item) => item.location)),
    cellPositions: Uint32Array.from(list.map((item) => cellPositionOf(grid, item.location))),
    labels: list.map((item) => item.label),
  };
}

/**
 * The accepted records of a facility import (src/data/import: CSV rows or GeoJSON features, polygons
 * already at their point on the surface, rows outside Overijssel already refused) as list candidates.
 * The import gives each record its number as id; the candidate id says "rij" or "object" with it.
 */
export function candidatesFromImport(fileKind: 'csv' | 'geojson', facilities: readonly Pick<Facility, 'id' | 'name' | 'location' | 'attributes'>[]): ListCandidate[] {
  return facilities.map((facility) => {
    const record = Number(facility.id);
    return {
      id: `${fileKind === 'csv' ? 'rij' : 'object'}-${facility.id}`,
      record,
      label: facility.name.trim() || facility.attributes.address?.trim() || '',
      location: [facility.location[0], facility.location[1]],
    };
  });
}

/** "rij 5" / "object 3" of a list candidate's id, for messages; null for a grid cell. */
export function listRecordOf(id: string): { kind: 'rij' | 'object'; record: number } | null {
  const match = /^(rij|object)-(\d+)$/.exec(id);
  return match ? { kind: match[1] as 'rij' | 'object', record: Number(match[2]) } : null;
}

/** The source of a run as Polygon geometry, for the map; null when it is not a search area. */
export function searchAreaPolygon(source: CandidateSourceSetting | null | undefined): Polygon | null {
  return source?.kind === 'searchArea' ? { type: 'Polygon', coordinates: source.outline } : null;
}
