// Dasymetric population: each postcode area's inhabitants and older people spread over the built-up
// part of that area only (TOP10NL built-up areas), onto the analysis grid. The one owner of this
// method: the woonservicegebieden coverage (issue 9) and the location finder's demand (issue 13)
// both read it.
//
// Method (named on screen as "verdeeld over de bebouwde kom binnen elk postcodegebied (dasymetrisch)"):
// - Every grid cell is sampled on a regular lattice of points about 50 m apart (5 × 5 per 250 m
//   cell, 2 × 2 per 100 m cell). A sample belongs to a postcode area and to a built-up area when it
//   lies inside them (even-odd rule, so holes count as outside).
// - A postcode area's count is shared over the cells in proportion to its samples that lie inside
//   the area AND inside a built-up area ("builtUp"). A cell on the border of two areas gets a share
//   of both.
// - An area without any built-up sample is spread over all its samples ("wholeArea"); an area so
//   small that no sample falls inside it goes to the grid cell nearest its first vertex
//   ("nearestCell"). Both fallbacks are reported per postcode.
// - Only cells of the grid count (cells whose centre lies in the province); samples in cells
//   outside the grid are dropped and the shares renormalised, so nothing is lost.
// Rounding: cells hold fractional people. The cells of one area sum to that area's count up to
// floating-point error (< 1e-6 person); sums are rounded to whole people only for display. CBS's own
// rounding to multiples of 5 stays as it is.
// Suppressed counts: CBS marks small areas' counts as secret with a negative value or leaves them
// empty. Such a count is unknown, never 0: it is spread nowhere, the postcode is reported in
// `suppressed`, and every sum over cells that the area touches names it in `unknownPostcodes`.

import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { ProvinceGrid } from './provinceGrid';
import { runAtOnce, type Steps } from './slicedWork';

export const AGE_BANDS = ['all', '65plus', '75plus', '85plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export type BandCounts = Record<AgeBand, number>;

/** Sources of the method: CBS inhabitants per PC4 (2021) and Kadaster TOP10NL built-up areas (2025). */
export const DASYMETRIC_SOURCE_IDS: readonly string[] = ['cbs-pc4-2021', 'top10nl-kernen-2025'];

/** Lattice spacing aimed at, metres (the real spacing is cellSize / round(cellSize / this)). */
export const DASYMETRIC_SAMPLE_METERS = 50;

/** One postcode area as input: counts may be null or negative (CBS suppressed) = unknown. */
export interface DasymetricAreaInput {
  type: 'Feature';
  geometry: Polygon | MultiPolygon;
  properties: {
    postcode: string;
    municipalityCode: string;
    inhabitants: number | null;
    inhabitants65Plus: number | null;
    inhabitants75Plus: number | null;
    inhabitants85Plus: number | null;
  };
}

/** One built-up area (kern) as input. */
export interface DasymetricBuiltUpInput {
  type: 'Feature';
  geometry: Polygon | MultiPolygon;
  properties: { id: string; name: string; municipalityCode: string };
}

export type SpreadMethod = 'builtUp' | 'wholeArea' | 'nearestCell';

export interface DasymetricArea {
  postcode: string;
  municipalityCode: string;
  /** Known counts; NaN where suppressed. */
  counts: BandCounts;
  method: SpreadMethod;
  /** This area's cells are cellPositions[cellStart .. cellEnd) with matching shares (sum 1). */
  cellStart: number;
  cellEnd: number;
}

export interface DasymetricKern {
  id: string;
  name: string;
  municipalityCode: string;
  /** People living in this kern's built-up area by the spread (fractional); NaN never: unknown areas are listed. */
  counts: BandCounts;
  /** Per band, the postcodes with a suppressed count that share built-up samples with this kern. */
  unknownPostcodes: Record<AgeBand, string[]>;
  /** Grid cells (positions) that hold at least one sample of this kern; sorted. */
  cellPositions: Uint32Array;
}

export interface DasymetricPopulation {
  cellCount: number;
  /** Grid cell centres (the grid's own array): [lon0, lat0, lon1, lat1, ...]. */
  centers: Float64Array;
  /** Fractional people per cell per band (known counts only). */
  cellCounts: Record<AgeBand, Float64Array>;
  areas: DasymetricArea[];
  /** CSR arrays: grid positions and shares of each area (see DasymetricArea.cellStart). */
  areaCellPositions: Uint32Array;
  areaCellShares: Float64Array;
  kernen: DasymetricKern[];
  /** Postcodes with at least one suppressed (unknown) count, and which bands. */
  suppressed: { postcode: string; bands: AgeBand[] }[];
  /** Postcodes spread by a fallback instead of over their built-up part. */
  fallbacks: { postcode: string; method: Exclude<SpreadMethod, 'builtUp'> }[];
  samplesPerCellSide: number;
}

function bandCount(properties: DasymetricAreaInput['properties'], band: AgeBand): number {
  const value =
    band === 'all' ? properties.inhabitants : band === '65plus' ? properties.inhabitants65Plus : band === '75plus' ? properties.inhabitants75Plus : properties.inhabitants85Plus;
  return value === null || value === undefined || !Number.isFinite(value) || value < 0 ? NaN : value;
}

export function emptyBandCounts(): BandCounts {
  return { all: 0, '65plus': 0, '75plus': 0, '85plus': 0 };
}

function ringsOf(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

interface Lattice {
  side: number;
  columns: number;
  rows: number;
  west: number;
  south: number;
  stepLon: number;
  stepLat: number;
}

/**
 * Calls visit(sampleRow, firstColumn, lastColumn) for every run of lattice samples whose point lies
 * inside the rings (even-odd). Each edge is visited once and drops its crossing into the rows it
 * spans (half-open rule: an edge counts when exactly one end lies above the row's line), so the cost
 * is edges + crossings, not rows × edges.
 */
function rasterize(rings: Position[][], lattice: Lattice, visit: (row: number, first: number, last: number) => void): void {
  let south = Infinity;
  let north = -Infinity;
  for (const ring of rings) {
    for (const position of ring) {
      if (position[1]! < south) south = position[1]!;
      if (position[1]! > north) north = position[1]!;
    }
  }
  if (!Number.isFinite(south)) return;
  const firstRow = Math.max(0, Math.ceil((south - lattice.south) / lattice.stepLat - 0.5));
  const lastRow = Math.min(lattice.rows - 1, Math.floor((north - lattice.south) / lattice.stepLat - 0.5));
  if (firstRow > lastRow) return;
  const rowCount = lastRow - firstRow + 1;
  // pass 1: crossings per row; pass 2: fill them (CSR)
  const starts = new Int32Array(rowCount + 1);
  const rowRange = (latA: number, latB: number): [number, number] => {
    const low = Math.min(latA, latB);
    const high = Math.max(latA, latB);
    // rows whose line lat satisfies low <= lat < high (exactly one end above the line)
    let from = Math.ceil((low - lattice.south) / lattice.stepLat - 0.5);
    let to = Math.ceil((high - lattice.south) / lattice.stepLat - 0.5) - 1;
    if (lattice.south + (from - 1 + 0.5) * lattice.stepLat >= low) from -= 1;
    if (lattice.south + (to + 1 + 0.5) * lattice.stepLat < high) to += 1;
    return [Math.max(from, firstRow), Math.min(to, lastRow)];
  };
  for (const ring of rings) {
    for (let vertex = 0, previous = ring.length - 1; vertex < ring.length; previous = vertex++) {
      const [from, to] = rowRange(ring[previous]![1]!, ring[vertex]![1]!);
      for (let row = from; row <= to; row++) starts[row - firstRow + 1]! += 1;
    }
  }
  for (let row = 0; row < rowCount; row++) starts[row + 1]! += starts[row]!;
  const crossings = new Float64Array(starts[rowCount]!);
  const fill = starts.slice(0, rowCount);
  for (const ring of rings) {
    for (let vertex = 0, previous = ring.length - 1; vertex < ring.length; previous = vertex++) {
      const lonA = ring[previous]![0]!;
      const latA = ring[previous]![1]!;
      const lonB = ring[vertex]![0]!;
      const latB = ring[vertex]![1]!;
      const [from, to] = rowRange(latA, latB);
      for (let row = from; row <= to; row++) {
        const lat = lattice.south + (row + 0.5) * lattice.stepLat;
        if (latA > lat === latB > lat) continue; // guard against rounding at the range ends
        crossings[fill[row - firstRow]!++] = lonA + ((lat - latA) * (lonB - lonA)) / (latB - latA);
      }
    }
  }
  for (let row = 0; row < rowCount; row++) {
    const sorted = crossings.subarray(starts[row]!, fill[row]!).sort();
    for (let pair = 0; pair + 1 < sorted.length; pair += 2) {
      const first = Math.max(0, Math.ceil((sorted[pair]! - lattice.west) / lattice.stepLon - 0.5));
      const last = Math.min(lattice.columns - 1, Math.ceil((sorted[pair + 1]! - lattice.west) / lattice.stepLon - 0.5) - 1);
      if (first <= last) visit(row + firstRow, first, last);
    }
  }
}

/**
 * Spreads every postcode area's counts over its built-up part on the grid. Pure and worker-safe;
 * about 1.4 million samples for the province at either grid size.
 */
export function spreadPopulation(
  grid: ProvinceGrid,
  postcodeAreas: readonly DasymetricAreaInput[],
  builtUpAreas: readonly DasymetricBuiltUpInput[],
): DasymetricPopulation {
  return runAtOnce(spreadPopulationSteps(grid, postcodeAreas, builtUpAreas));
}

/** spreadPopulation, pausing after every built-up area and postcode area (slicedWork.ts): on the main thread it runs in slices. */
export function* spreadPopulationSteps(
  grid: ProvinceGrid,
  postcodeAreas: readonly DasymetricAreaInput[],
  builtUpAreas: readonly DasymetricBuiltUpInput[],
): Steps<DasymetricPopulation> {
  const side = Math.max(1, Math.round(grid.cellSizeMeters / DASYMETRIC_SAMPLE_METERS));
  const lattice: Lattice = {
    side,
    columns: grid.columns * side,
    rows: grid.rows * side,
    west: grid.originLon,
    south: grid.originLat,
    stepLon: grid.cellWidthDegrees / side,
    stepLat: grid.cellHeightDegrees / side,
  };
  const positionById = new Int32Array(grid.columns * grid.rows).fill(-1);
  for (let position = 0; position < grid.cellCount; position++) positionById[grid.cellIds[position]!] = position;
  const cellPositionOfSample = (row: number, column: number): number =>
    positionById[Math.floor(row / side) * grid.columns + Math.floor(column / side)]!;

  // Built-up lattice: kern index + 1 per sample (0 = not built up). Where two kernen overlap the last wins.
  if (builtUpAreas.length >= 0xffff) throw new RangeError('spreadPopulation handles at most 65,534 built-up areas');
  const kernOfSample = new Uint16Array(lattice.columns * lattice.rows);
  const kernCells: Set<number>[] = builtUpAreas.map(() => new Set<number>());
  for (let index = 0; index < builtUpAreas.length; index++) {
    const cells = kernCells[index]!;
    rasterize(ringsOf(builtUpAreas[index]!.geometry), lattice, (row, first, last) => {
      kernOfSample.fill(index + 1, row * lattice.columns + first, row * lattice.columns + last + 1);
      for (let column = first; column <= last; column++) {
        const position = cellPositionOfSample(row, column);
        if (position >= 0) cells.add(position);
      }
    });
    yield;
  }

  const cellCounts: Record<AgeBand, Float64Array> = {
    all: new Float64Array(grid.cellCount),
    '65plus': new Float64Array(grid.cellCount),
    '75plus': new Float64Array(grid.cellCount),
    '85plus': new Float64Array(grid.cellCount),
  };
  const kernCounts: BandCounts[] = builtUpAreas.map(() => emptyBandCounts());
  const kernUnknown: Record<AgeBand, Set<string>>[] = builtUpAreas.map(() => ({ all: new Set(), '65plus': new Set(), '75plus': new Set(), '85plus': new Set() }));
  const areas: DasymetricArea[] = [];
  const csrPositions: number[] = [];
  const csrShares: number[] = [];
  const suppressed: DasymetricPopulation['suppressed'] = [];
  const fallbacks: DasymetricPopulation['fallbacks'] = [];

  // Scratch per area: weights by cell position, reset through the touched list.
  const builtUpWeight = new Float64Array(grid.cellCount);
  const wholeWeight = new Float64Array(grid.cellCount);
  const touched: number[] = [];
  const kernWeight = new Float64Array(builtUpAreas.length);
  const kernTouched: number[] = [];

  for (const area of postcodeAreas) {
    yield;
    const { postcode, municipalityCode } = area.properties;
    const counts = emptyBandCounts();
    const unknownBands: AgeBand[] = [];
    for (const band of AGE_BANDS) {
      counts[band] = bandCount(area.properties, band);
      if (Number.isNaN(counts[band])) unknownBands.push(band);
    }
    if (unknownBands.length > 0) suppressed.push({ postcode, bands: unknownBands });

    let builtUpTotal = 0;
    let wholeTotal = 0;
    const rings = ringsOf(area.geometry);
    rasterize(rings, lattice, (row, first, last) => {
      const rowOffset = row * lattice.columns;
      for (let column = first; column <= last; column++) {
        const position = cellPositionOfSample(row, column);
        if (position < 0) continue;
        if (wholeWeight[position] === 0) touched.push(position);
        wholeWeight[position]! += 1;
        wholeTotal += 1;
        const kern = kernOfSample[rowOffset + column]!;
        if (kern > 0) {
          builtUpWeight[position]! += 1;
          builtUpTotal += 1;
          if (kernWeight[kern - 1] === 0) kernTouched.push(kern - 1);
          kernWeight[kern - 1]! += 1;
        }
      }
    });

    const cellStart = csrPositions.length;
    let method: SpreadMethod;
    if (builtUpTotal > 0) {
      method = 'builtUp';
      touched.sort((a, b) => a - b);
      for (const position of touched) {
        if (builtUpWeight[position]! > 0) {
          csrPositions.push(position);
          csrShares.push(builtUpWeight[position]! / builtUpTotal);
        }
      }
      for (const kern of kernTouched) {
        const share = kernWeight[kern]! / builtUpTotal;
        for (const band of AGE_BANDS) {
          if (Number.isNaN(counts[band])) kernUnknown[kern]![band].add(postcode);
          else kernCounts[kern]![band] += counts[band] * share;
        }
      }
    } else if (wholeTotal > 0) {
      method = 'wholeArea';
      touched.sort((a, b) => a - b);
      for (const position of touched) {
        csrPositions.push(position);
        csrShares.push(wholeWeight[position]! / wholeTotal);
      }
    } else {
      method = 'nearestCell';
      const nearest = nearestCellPosition(grid, rings[0]?.[0]);
      if (nearest >= 0) {
        csrPositions.push(nearest);
        csrShares.push(1);
      }
    }
    if (method !== 'builtUp') fallbacks.push({ postcode, method });
    for (const position of touched) {
      builtUpWeight[position] = 0;
      wholeWeight[position] = 0;
    }
    touched.length = 0;
    for (const kern of kernTouched) kernWeight[kern] = 0;
    kernTouched.length = 0;

    for (let entry = cellStart; entry < csrPositions.length; entry++) {
      for (const band of AGE_BANDS) {
        if (!Number.isNaN(counts[band])) cellCounts[band][csrPositions[entry]!]! += counts[band] * csrShares[entry]!;
      }
    }
    areas.push({ postcode, municipalityCode, counts, method, cellStart, cellEnd: csrPositions.length });
  }

  const kernen: DasymetricKern[] = builtUpAreas.map((area, index) => ({
    id: area.properties.id,
    name: area.properties.name,
    municipalityCode: area.properties.municipalityCode,
    counts: kernCounts[index]!,
    unknownPostcodes: {
      all: [...kernUnknown[index]!.all].sort(),
      '65plus': [...kernUnknown[index]!['65plus']].sort(),
      '75plus': [...kernUnknown[index]!['75plus']].sort(),
      '85plus': [...kernUnknown[index]!['85plus']].sort(),
    },
    cellPositions: Uint32Array.from([...kernCells[index]!].sort((a, b) => a - b)),
  }));

  return {
    cellCount: grid.cellCount,
    centers: grid.centers,
    cellCounts,
    areas,
    areaCellPositions: Uint32Array.from(csrPositions),
    areaCellShares: Float64Array.from(csrShares),
    kernen,
    suppressed,
    fallbacks,
    samplesPerCellSide: side,
  };
}

function nearestCellPosition(grid: ProvinceGrid, point: Position | undefined): number {
  if (!point || grid.cellCount === 0) return -1;
  const cosLat = Math.cos((point[1]! * Math.PI) / 180);
  let best = -1;
  let bestDistance = Infinity;
  for (let position = 0; position < grid.cellCount; position++) {
    const dLon = (grid.centers[2 * position]! - point[0]!) * cosLat;
    const dLat = grid.centers[2 * position + 1]! - point[1]!;
    const distance = dLon * dLon + dLat * dLat;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = position;
    }
  }
  return best;
}

export interface PeopleInCells {
  /** Known people per band (fractional; round for display). */
  counts: BandCounts;
  /** Per band, postcodes with a suppressed count that have a share in these cells: the true figure is higher. */
  unknownPostcodes: Record<AgeBand, string[]>;
}

/**
 * People living in a set of grid cells: `inSet(position)` says whether a cell belongs to the set
 * (e.g. cells of a zone). Sums each area's shares, so the answer per area never exceeds its count.
 */
export function peopleInCells(population: DasymetricPopulation, inSet: (position: number) => boolean): PeopleInCells {
  const counts = emptyBandCounts();
  const unknown: Record<AgeBand, string[]> = { all: [], '65plus': [], '75plus': [], '85plus': [] };
  for (const area of population.areas) {
    let share = 0;
    for (let entry = area.cellStart; entry < area.cellEnd; entry++) {
      if (inSet(population.areaCellPositions[entry]!)) share += population.areaCellShares[entry]!;
    }
    if (share === 0) continue;
    for (const band of AGE_BANDS) {
      if (Number.isNaN(area.counts[band])) unknown[band].push(area.postcode);
      else counts[band] += area.counts[band] * share;
    }
  }
  return { counts, unknownPostcodes: unknown };
}

export type ZoneMembership = 'inside' | 'outside' | 'noData';

/** Membership of every cell centre that holds people (cells without people are 'outside', not asked). */
export function cellMembership(population: DasymetricPopulation, membership: (point: [number, number]) => ZoneMembership): Uint8Array {
  const result = new Uint8Array(population.cellCount); // 0 outside, 1 inside, 2 noData
  const all = population.cellCounts.all;
  const older = population.cellCounts['65plus'];
  const suppressed = suppressedCells(population);
  const point: [number, number] = [0, 0];
  for (let position = 0; position < population.cellCount; position++) {
    if (all[position] === 0 && older[position] === 0 && suppressed[position] === 0) continue;
    point[0] = population.centers[2 * position]!;
    point[1] = population.centers[2 * position + 1]!;
    const answer = membership(point);
    result[position] = answer === 'inside' ? MEMBERSHIP_INSIDE : answer === 'noData' ? MEMBERSHIP_NO_DATA : MEMBERSHIP_OUTSIDE;
  }
  return result;
}

export const MEMBERSHIP_OUTSIDE = 0;
export const MEMBERSHIP_INSIDE = 1;
export const MEMBERSHIP_NO_DATA = 2;

const suppressedCellsCache = new WeakMap<DasymetricPopulation, Uint8Array>();
/** 1 for every cell that an area with a suppressed count spreads over (its people there are unknown). */
function suppressedCells(population: DasymetricPopulation): Uint8Array {
  let mask = suppressedCellsCache.get(population);
  if (!mask) {
    mask = new Uint8Array(population.cellCount);
    for (const area of population.areas) {
      if (!AGE_BANDS.some((band) => Number.isNaN(area.counts[band]))) continue;
      for (let entry = area.cellStart; entry < area.cellEnd; entry++) mask[population.areaCellPositions[entry]!] = 1;
    }
    suppressedCellsCache.set(population, mask);
  }
  return mask;
}

export interface PeopleByMembership {
  inside: PeopleInCells;
  outside: PeopleInCells;
  noData: PeopleInCells;
}

/** People inside zones, outside them, and where membership is unknown ('noData'), by cell centre. */
export function peopleByMembership(population: DasymetricPopulation, cells: Uint8Array): PeopleByMembership {
  return {
    inside: peopleInCells(population, (position) => cells[position] === MEMBERSHIP_INSIDE),
    outside: peopleInCells(population, (position) => cells[position] === MEMBERSHIP_OUTSIDE),
    noData: peopleInCells(population, (position) => cells[position] === MEMBERSHIP_NO_DATA),
  };
}
