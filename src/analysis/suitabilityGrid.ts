// The province grid as the map draws it: which categories a grid setting judges, the classes its
// cells fall into (norms met, or distance bands) with their colours, and the cell under a point.

import type { FacilityCategory } from '../domain/facility';
import type { HousingType } from '../domain/housing';
import type { NormProfile } from '../domain/norms';
import type { GridScore } from './gridScore';
import { GRID_CELL_FAR_FROM_STREET, GRID_CELL_NOT_CONNECTED, GRID_CELL_STRAIGHT, GRID_CELL_STREET } from './gridScore';
import type { DistanceMethodId } from './distanceMethod';
import type { GridDescription } from './reachabilityProtocol';
import { largestNormDistances } from './dataCoverage';

export type GridMode = 'off' | 'housingType' | 'category';
export const GRID_CELL_SIZES_METERS = [250, 100] as const;
export type GridCellSizeMeters = (typeof GRID_CELL_SIZES_METERS)[number];

export interface GridSettings {
  mode: GridMode;
  housingType: HousingType;
  category: FacilityCategory;
  cellSizeMeters: GridCellSizeMeters;
}

/** Upper bounds (inclusive, metres) of the distance bands; beyond the last is its own band. */
export const DISTANCE_BAND_UPPER_METERS = [250, 500, 800, 1200, 2000] as const;

/**
 * ColorBrewer YlGnBu, 7 classes (marked colour-blind safe): light = little reach, dark = good reach,
 * so the order also reads in greyscale. Classes pick evenly spread colours from it.
 */
export const GRID_PALETTE = ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'] as const;

/** `count` colours evenly spread over GRID_PALETTE, light to dark (one class: the darkest). */
export function spreadPalette(count: number): string[] {
  if (count === 1) return [GRID_PALETTE[GRID_PALETTE.length - 1]!];
  return Array.from({ length: count }, (_, index) => GRID_PALETTE[Math.round((index * (GRID_PALETTE.length - 1)) / (count - 1))]!);
}

export type GridClass =
  | { kind: 'normsMet'; metCount: number; requiredCount: number; colour: string; cellCount: number }
  | { kind: 'distanceBand'; fromMeters: number; toMeters: number | null; colour: string; cellCount: number };

export interface GridLayerData {
  grid: GridDescription;
  /** false when no required category has data: nothing is drawn and the legend says "geen gegevens". */
  hasData: boolean;
  /** Class of each cell (position in grid.centers / 2), 255 = no value. */
  classIndex: Uint8Array;
  classes: GridClass[];
  score: GridScore;
}

export const NO_GRID_CLASS = 255;

/** Classes per cell: one per number of norms met (0…n), or distance bands from near (dark) to far (light). */
export function classifyGrid(grid: GridDescription, score: GridScore): GridLayerData {
  const classIndex = new Uint8Array(grid.cellCount).fill(NO_GRID_CLASS);
  let classes: GridClass[];
  if (score.target.kind === 'normsMet') {
    const required = score.requiredCount;
    const colours = spreadPalette(required + 1);
    classes = colours.map((colour, metCount) => ({ kind: 'normsMet', metCount, requiredCount: required, colour, cellCount: 0 }));
    // with no data for any required category, "0 met" everywhere would read as a fact: leave cells unclassed
    const judgeable = score.noDataCategories.length < required;
    for (let cell = 0; judgeable && cell < grid.cellCount; cell++) {
      const met = score.values[cell]!;
      if (Number.isFinite(met)) classIndex[cell] = Math.min(Math.max(Math.round(met), 0), required);
    }
  } else {
    const uppers = [...DISTANCE_BAND_UPPER_METERS, null];
    const colours = spreadPalette(uppers.length).reverse();
    classes = uppers.map((toMeters, band) => ({
      kind: 'distanceBand',
      fromMeters: band === 0 ? 0 : DISTANCE_BAND_UPPER_METERS[band - 1]!,
      toMeters,
      colour: colours[band]!,
      cellCount: 0,
    }));
    for (let cell = 0; cell < grid.cellCount; cell++) {
      const meters = score.values[cell]!;
      if (!Number.isFinite(meters)) continue;
      let band = DISTANCE_BAND_UPPER_METERS.findIndex((upper) => meters <= upper);
      if (band < 0) band = DISTANCE_BAND_UPPER_METERS.length;
      classIndex[cell] = band;
    }
  }
  for (let cell = 0; cell < grid.cellCount; cell++) {
    const index = classIndex[cell]!;
    if (index !== NO_GRID_CLASS) classes[index]!.cellCount++;
  }
  const hasData = score.target.kind === 'normsMet' ? score.noDataCategories.length < score.requiredCount : score.noDataCategories.length === 0;
  return { grid, hasData, classIndex, classes, score };
}

/**
 * How the grid in view was measured, for its legend: hemelsbreed; over straat chosen but no network
 * loaded (hemelsbreed, with the reason); or over straat inside the downloaded areas, hemelsbreed
 * elsewhere, with the cells that got "geen route".
 */
export type GridMethodNote =
  | { kind: 'hemelsbreed' }
  | { kind: 'noNetwork' }
  | { kind: 'street'; areaKeys: string[]; elsewhereStraight: boolean; farFromStreetCells: number; notConnectedCells: number; maxSnapMeters: number };

export function gridMethodNote(score: GridScore, chosen: DistanceMethodId, networksLoaded: boolean): GridMethodNote {
  const street = score.street;
  if (street === undefined) return chosen === 'overStraat' && !networksLoaded ? { kind: 'noNetwork' } : { kind: 'hemelsbreed' };
  return {
    kind: 'street',
    areaKeys: street.areaKeys,
    elsewhereStraight: street.counts[GRID_CELL_STRAIGHT] > 0,
    farFromStreetCells: street.counts[GRID_CELL_FAR_FROM_STREET],
    notConnectedCells: street.counts[GRID_CELL_NOT_CONNECTED],
    maxSnapMeters: street.maxSnapMeters,
  };
}

/** How one cell was measured: hemelsbreed (no over straat in this score), over straat, outside the downloaded areas, or "geen route". */
export type GridCellMethod = 'hemelsbreed' | 'overStraat' | 'outsideNetwork' | 'farFromStreet' | 'notConnected';

export function gridCellMethod(score: GridScore, position: number): GridCellMethod {
  if (score.street === undefined) return 'hemelsbreed';
  switch (score.street.cellMethods[position]) {
    case GRID_CELL_STREET:
      return 'overStraat';
    case GRID_CELL_FAR_FROM_STREET:
      return 'farFromStreet';
    case GRID_CELL_NOT_CONNECTED:
      return 'notConnected';
    default:
      return 'outsideNetwork';
  }
}

/** Position (in the grid's cell list) of the cell containing [lon, lat], or -1. */
export function gridCellAt(grid: GridDescription, [lon, lat]: [number, number]): number {
  const column = Math.floor((lon - grid.originLon) / grid.cellWidthDegrees);
  const row = Math.floor((lat - grid.originLat) / grid.cellHeightDegrees);
  if (column < 0 || row < 0 || column >= grid.columns || row >= grid.rows) return -1;
  const cellId = row * grid.columns + column;
  // cellIds ascend (row by row, west to east): binary search
  let low = 0;
  let high = grid.cellCount - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = grid.cellIds[middle]!;
    if (candidate === cellId) return middle;
    if (candidate < cellId) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The categories the grid in view judges: the housing type's norms, or the one category. */
export function gridCategories(settings: GridSettings, profile: NormProfile): FacilityCategory[] {
  if (settings.mode === 'category') return [settings.category];
  return profile.norms[settings.housingType].map((norm) => norm.category);
}

/**
 * The circle a grid cell's figure depends on, per category (the border rule of dataCoverage.ts):
 * the largest norm distance of the profile, as in the location panel, or for a distance map the
 * cell's own distance.
 */
export function gridCellRadius(layer: GridLayerData | null, profile: NormProfile): (category: FacilityCategory, position: number) => number {
  const largest = largestNormDistances(profile);
  if (layer?.score.target.kind !== 'distance') return (category) => largest(category);
  const values = layer.score.values;
  return (_category, position) => (Number.isFinite(values[position]!) ? values[position]! : 0);
}
