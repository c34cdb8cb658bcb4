// Scores every grid cell: how many norms of a housing type are met there, or the straight-line
// distance to the nearest facility of one category. Plain loops over the facility index.

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

export type GridScoreTarget =
  | { kind: 'normsMet'; housingType: HousingType }
  /** Distance in metres; NaN where nothing lies within maxDistanceMeters (default: no limit) or no data. */
  | { kind: 'distance'; category: FacilityCategory; maxDistanceMeters?: number };

export interface GridScore {
  target: GridScoreTarget;
  method: DistanceMethodId;
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

/** Scores every cell of a grid (or any prepared points) for one target. */
export function scoreGrid(cells: ProvinceGrid | PreparedPoints, index: FacilityIndex, profile: NormProfile, target: GridScoreTarget): GridScore {
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
