// Scores every grid cell: how many norms of a housing type are met there, or the distance to the
// nearest facility of one category. Plain loops over the facility index (hemelsbreed); with over
// straat chosen and a street network loaded, the cells inside the downloaded areas read their
// walking distance from StreetDistanceMethod (its multi-source search, cell centre snapped to the
// network) and the cells outside stay hemelsbreed. Which method decided each cell is part of the
// score, so the legend and the cell card can say so (never a silent mix).

import type { FacilityCategory } from '../domain/facility';
import type { HousingType } from '../domain/housing';
import type { CategoryNorm, NormProfile } from '../domain/norms';
import { InvalidNormsError, validateDistanceMeters, validateNormProfile } from '../domain/norms';
import type { DistanceMethodId } from './distanceMethod';
import type { FacilityIndex } from './facilityIndex';
import { categoryCode } from '../domain/facility';
import type { NearestFacilityField, PreparedPoints } from './nearestFacilityField';
import { preparePoints, REACH_SEARCH_MARGIN } from './nearestFacilityField';
import type { ProvinceGrid } from './provinceGrid';
import { haversineMeters, metersToRankingMetric } from './sphericalDistance';
import type { StreetDistanceMethod } from './streetDistanceMethod';

export type GridScoreTarget =
  | { kind: 'normsMet'; housingType: HousingType }
  /** Distance in metres; NaN where nothing lies within maxDistanceMeters (default: no limit) or no data. */
  | { kind: 'distance'; category: FacilityCategory; maxDistanceMeters?: number };

/** How one cell was measured (GridStreetCells.cellMethods). */
export const GRID_CELL_STRAIGHT = 0;
/** Over straat: the cell centre joins the network. */
export const GRID_CELL_STREET = 1;
/** Inside a downloaded area but farther than maxSnapMeters from any street: "geen route", no value. */
export const GRID_CELL_FAR_FROM_STREET = 2;
/** Distance target only: the cell joins the network, but no facility of the category lies on its part of it ("geen route"). */
export const GRID_CELL_NOT_CONNECTED = 3;

/** Per cell, how it was measured when over straat was chosen and a street network is loaded. */
export interface GridStreetCells {
  /** GRID_CELL_* per cell. */
  cellMethods: Uint8Array;
  /** Cells per GRID_CELL_* code. */
  counts: [straight: number, street: number, farFromStreet: number, notConnected: number];
  maxSnapMeters: number;
  /** The downloaded areas (municipality codes) over straat applies in. */
  areaKeys: string[];
}

export interface GridStreetOptions {
  method: StreetDistanceMethod;
  areaKeys: string[];
}

export interface GridScore {
  target: GridScoreTarget;
  /** 'overStraat' when the street network decided the cells inside its areas (see street). */
  method: DistanceMethodId;
  /** Present when over straat was applied: which cells it decided and which fell back to hemelsbreed. */
  street?: GridStreetCells;
  /** Per cell: number of norms met (normsMet) or metres (distance). */
  values: Float32Array;
  /** Norms the housing type has (normsMet); 1 for distance. */
  requiredCount: number;
  /** Categories the target needs but no facility is loaded for: those norms count as not met here. */
  noDataCategories: FacilityCategory[];
}

/** Norms for a normsMet target, validated. */
function normsForTarget(profile: NormProfile, housingType: HousingType): CategoryNorm[] {
  const issues = validateNormProfile(profile);
  if (issues.length > 0) throw new InvalidNormsError(issues);
  return profile.norms[housingType];
}

// Prepared cell centres per grid, so repeated scoring of one grid computes cos/sin only once.
const preparedGrids = new WeakMap<ProvinceGrid, PreparedPoints>();

function preparedCellsOf(cells: ProvinceGrid | PreparedPoints): PreparedPoints {
  if (!('centers' in cells)) return cells;
  let prepared = preparedGrids.get(cells);
  if (!prepared) {
    prepared = preparePoints(cells.centers);
    preparedGrids.set(cells, prepared);
  }
  return prepared;
}

/**
 * Scores every cell of a grid (or any prepared points) for one target; with `street`, the cells
 * inside the network's areas are judged by walking distance instead (see applyStreet).
 */
export function scoreGrid(cells: ProvinceGrid | PreparedPoints, index: FacilityIndex, profile: NormProfile, target: GridScoreTarget, street?: GridStreetOptions): GridScore {
  const score = scoreGridStraight(cells, index, profile, target);
  return street === undefined ? score : applyStreet(score, preparedCellsOf(cells), profile, street);
}

function scoreGridStraight(cells: ProvinceGrid | PreparedPoints, index: FacilityIndex, profile: NormProfile, target: GridScoreTarget): GridScore {
  const prepared = preparedCellsOf(cells);
  const cellCount = prepared.count;
  const { points, lonRadians, latRadians, cosLat, sinLat } = prepared;

  if (target.kind === 'distance') {
    const maxDistanceMeters = target.maxDistanceMeters ?? Infinity;
    if (Number.isFinite(maxDistanceMeters)) {
      const issues = validateDistanceMeters(maxDistanceMeters, target.category);
      if (issues.length > 0) throw new InvalidNormsError(issues);
    }
    const values = new Float32Array(cellCount).fill(NaN);
    const code = categoryCode(target.category);
    const noDataCategories = index.hasCategoryCode(code) ? [] : [target.category];
    if (noDataCategories.length === 0) {
      const maxRankingMetric = metersToRankingMetric(maxDistanceMeters * REACH_SEARCH_MARGIN);
      let previousWinner = -1;
      for (let cell = 0; cell < cellCount; cell++) {
        const winner = index.nearestPrepared(code, lonRadians[cell]!, latRadians[cell]!, cosLat[cell]!, sinLat[cell]!, maxRankingMetric, previousWinner);
        if (winner < 0) continue;
        previousWinner = winner;
        const [facilityLon, facilityLat] = index.facilityLocation(winner);
        const distanceMeters = haversineMeters(points[2 * cell]!, points[2 * cell + 1]!, facilityLon, facilityLat);
        if (distanceMeters <= maxDistanceMeters) values[cell] = distanceMeters;
      }
    }
    return { target, method: index.method, values, requiredCount: 1, noDataCategories };
  }

  const norms = normsForTarget(profile, target.housingType);
  const values = new Float32Array(cellCount);
  const noDataCategories: FacilityCategory[] = [];
  for (const norm of norms) {
    const code = categoryCode(norm.category);
    if (!index.hasCategoryCode(code)) {
      noDataCategories.push(norm.category);
      continue;
    }
    // Capped search: a cell only needs to know whether something lies within the norm distance.
    const maxRankingMetric = metersToRankingMetric(norm.maxDistanceMeters * REACH_SEARCH_MARGIN);
    let previousWinner = -1;
    for (let cell = 0; cell < cellCount; cell++) {
      const winner = index.nearestPrepared(code, lonRadians[cell]!, latRadians[cell]!, cosLat[cell]!, sinLat[cell]!, maxRankingMetric, previousWinner);
      if (winner < 0) continue;
      previousWinner = winner;
      const [facilityLon, facilityLat] = index.facilityLocation(winner);
      if (haversineMeters(points[2 * cell]!, points[2 * cell + 1]!, facilityLon, facilityLat) <= norm.maxDistanceMeters) values[cell]! += 1;
    }
  }
  return { target, method: index.method, values, requiredCount: norms.length, noDataCategories };
}

/**
 * Replaces the hemelsbreed figure of every cell inside the street network's areas by its figure
 * over straat: the cell centre is snapped once, and each category's answer read from the method's
 * multi-source search. A cell farther than the snap limit from any street gets no value (NaN:
 * "geen route", never a silent "0 norms met"); in a distance map, a cell whose part of the network
 * holds no facility of the category gets none either. Categories without data stay as they were.
 */
function applyStreet(score: GridScore, prepared: PreparedPoints, profile: NormProfile, { method, areaKeys }: GridStreetOptions): GridScore {
  const { target, values, noDataCategories } = score;
  const cellCount = prepared.count;
  const cellMethods = new Uint8Array(cellCount);
  const counts: GridStreetCells['counts'] = [0, 0, 0, 0];
  const norms = target.kind === 'normsMet' ? profile.norms[target.housingType].filter((norm) => !noDataCategories.includes(norm.category)) : [];
  const distanceCategory = target.kind === 'distance' && noDataCategories.length === 0 ? target.category : null;
  const maxDistanceMeters = target.kind === 'distance' ? (target.maxDistanceMeters ?? Infinity) : Infinity;
  const { points } = prepared;
  for (let cell = 0; cell < cellCount; cell++) {
    const point: [number, number] = [points[2 * cell]!, points[2 * cell + 1]!];
    if (!method.isInside(point)) {
      counts[GRID_CELL_STRAIGHT]++;
      continue;
    }
    const snap = method.snap(point);
    if (!snap.ok) {
      cellMethods[cell] = GRID_CELL_FAR_FROM_STREET;
      counts[GRID_CELL_FAR_FROM_STREET]++;
      values[cell] = NaN;
      continue;
    }
    let code = GRID_CELL_STREET;
    if (target.kind === 'normsMet') {
      let met = 0;
      for (const norm of norms) {
        const answer = method.overStreet(norm.category, point, snap);
        if (answer.kind === 'route' && answer.distanceMeters <= norm.maxDistanceMeters) met++;
      }
      values[cell] = met;
    } else if (distanceCategory !== null) {
      const answer = method.overStreet(distanceCategory, point, snap);
      if (answer.kind === 'route') values[cell] = answer.distanceMeters <= maxDistanceMeters ? answer.distanceMeters : NaN;
      else {
        values[cell] = NaN;
        if (answer.kind === 'noRoute') code = GRID_CELL_NOT_CONNECTED;
      }
    }
    cellMethods[cell] = code;
    counts[code] = counts[code]! + 1;
  }
  return { ...score, method: 'overStraat', street: { cellMethods, counts, maxSnapMeters: method.maxSnapMeters, areaKeys } };
}

/**
 * The same score from incrementally maintained fields (one per category, see NearestFacilityField),
 * for redrawing during a drag. Fields must cover at least the distances asked for.
 */
export function scoreFromFields(
  fields: ReadonlyMap<FacilityCategory, NearestFacilityField>,
  index: FacilityIndex,
  profile: NormProfile,
  target: GridScoreTarget,
  cellCount: number,
): GridScore {
  // Every cell is a "changed" cell: one per-cell rule for the full score and for drag updates.
  const values = new Float32Array(cellCount);
  const allCells = Int32Array.from({ length: cellCount }, (_, cell) => cell);
  const required = target.kind === 'distance' ? [target.category] : normsForTarget(profile, target.housingType).map((norm) => norm.category);
  rescoreCells(values, fields, index, profile, target, allCells, cellCount);
  const noDataCategories = required.filter((category) => !index.hasCategory(category));
  return { target, method: index.method, values, requiredCount: required.length, noDataCategories };
}

/**
 * Recomputes only the listed cells of a score from the fields (after an incremental update), so a
 * drag step costs in proportion to the cells that changed, not to the whole grid. The result per
 * cell is the same as scoreFromFields.
 */
export function rescoreCells(
  values: Float32Array,
  fields: ReadonlyMap<FacilityCategory, NearestFacilityField>,
  index: FacilityIndex,
  profile: NormProfile,
  target: GridScoreTarget,
  cells: Int32Array,
  cellCount: number,
): void {
  if (target.kind === 'distance') {
    const field = fields.get(target.category);
    if (!field) throw new RangeError(`No field for category ${target.category}`);
    const maxDistanceMeters = target.maxDistanceMeters ?? Infinity;
    for (let position = 0; position < cellCount; position++) {
      const cell = cells[position]!;
      const distanceMeters = field.distanceMeters[cell]!;
      values[cell] = distanceMeters <= maxDistanceMeters ? distanceMeters : NaN;
    }
    return;
  }
  const norms = profile.norms[target.housingType].filter((norm) => index.hasCategory(norm.category));
  const normFields = norms.map((norm) => {
    const field = fields.get(norm.category);
    if (!field) throw new RangeError(`No field for category ${norm.category}`);
    return field;
  });
  for (let position = 0; position < cellCount; position++) {
    const cell = cells[position]!;
    let met = 0;
    for (let normPosition = 0; normPosition < norms.length; normPosition++) {
      if (normFields[normPosition]!.distanceMeters[cell]! <= norms[normPosition]!.maxDistanceMeters) met++;
    }
    values[cell] = met;
  }
}
