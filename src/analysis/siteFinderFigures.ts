// Locatiezoeker (issue 13): the figures around a choice of sites, per municipality and for the
// province, before and after the new sites — the share of older people served (within D of a site)
// and the distance within which 90 % of them live (a weighted percentile, not a mean). Also which
// existing plan sites count as supply. Pure: runs in the site-finder worker and in Node.
//
// People per municipality come from the dasymetric spread (dasymetric.ts, the one owner of the
// method): a grid cell on a municipal border holds people of both, so figures are kept per piece
// (one postcode area's share of one cell), never by the municipality of the cell centre.

import type { AgeBand, DasymetricPopulation } from './dasymetric';
import { FacilityIndex } from './facilityIndex';
import { categoryCode } from '../domain/facility';
import type { Site } from '../domain/scenario';
import { SITE_HOME_TYPES } from '../domain/scenario';
import { haversineMeters } from './sphericalDistance';

/** Housing types the locatiezoeker searches sites for. */
export const SITE_FINDER_HOUSING_TYPES = ['geclusterd', 'zorggeschikt'] as const;
export type SiteFinderHousingType = (typeof SITE_FINDER_HOUSING_TYPES)[number];

/** Age bands of the demand. */
export const SITE_FINDER_BANDS = ['65plus', '75plus', '85plus'] as const satisfies readonly AgeBand[];
export type SiteFinderBand = (typeof SITE_FINDER_BANDS)[number];

/** The share of older people the percentile distance is taken at. */
export const PERCENTILE_SHARE = 0.9;

/**
 * A plan site counts as existing supply for a housing type when it holds homes of that type, or when
 * none of its homes are filled in yet (a location still to be planned, e.g. one the locatiezoeker
 * added): capacity per site is not modelled.
 */
export function siteCountsAsSupply(site: Pick<Site, 'homes'>, housingType: SiteFinderHousingType): boolean {
  if (site.homes[housingType] > 0) return true;
  return SITE_HOME_TYPES.every((type) => site.homes[type] === 0);
}

/**
 * Weighted percentile: the smallest value v such that the weights of values ≤ v add up to at least
 * `share` of all weight. Values may be Infinity (no site at all); NaN when the weights add up to 0.
 */
export function weightedPercentile(values: ArrayLike<number>, weights: ArrayLike<number>, share: number): number {
  const order: number[] = [];
  let total = 0;
  for (let index = 0; index < values.length; index++) {
    const weight = weights[index]!;
    if (!(weight > 0)) continue;
    order.push(index);
    total += weight;
  }
  if (!(total > 0)) return NaN;
  order.sort((a, b) => values[a]! - values[b]! || a - b);
  const needed = share * total * (1 - 1e-12);
  let sum = 0;
  for (const index of order) {
    sum += weights[index]!;
    if (sum >= needed) return values[index]!;
  }
  return values[order[order.length - 1]!]!;
}

/** One postcode area's share of one demand point (grid cell), with its municipality. */
export interface DemandPieces {
  /** Demand point (index in the demand arrays) of each piece. */
  point: Uint32Array;
  /** Municipality of each piece: an index into `codes`. */
  municipality: Uint16Array;
  /** People of the band in each piece (fractional). */
  weight: Float64Array;
  codes: string[];
}

/**
 * The pieces of the demand points: for each postcode area with a known count of the band, its share
 * in every cell that is a demand point (`cellPositions`, as demandFromPopulation gives them).
 */
export function demandPieces(population: DasymetricPopulation, band: SiteFinderBand, cellPositions: Uint32Array): DemandPieces {
  const pointOf = new Int32Array(population.cellCount).fill(-1);
  cellPositions.forEach((position, point) => (pointOf[position] = point));
  const codes: string[] = [];
  const codeIndex = new Map<string, number>();
  const points: number[] = [];
  const municipalities: number[] = [];
  const weights: number[] = [];
  for (const area of population.areas) {
    const count = area.counts[band];
    if (!(count > 0)) continue;
    let code = codeIndex.get(area.municipalityCode);
    if (code === undefined) {
      code = codes.length;
      codes.push(area.municipalityCode);
      codeIndex.set(area.municipalityCode, code);
    }
    for (let entry = area.cellStart; entry < area.cellEnd; entry++) {
      const point = pointOf[population.areaCellPositions[entry]!]!;
      const weight = count * population.areaCellShares[entry]!;
      if (point < 0 || !(weight > 0)) continue;
      points.push(point);
      municipalities.push(code);
      weights.push(weight);
    }
  }
  return { point: Uint32Array.from(points), municipality: Uint16Array.from(municipalities), weight: Float64Array.from(weights), codes };
}

/**
 * Straight-line distance (haversine, metres) from every demand point to the nearest supply point;
 * Infinity when there is no supply. Uses the facility index's exact nearest search.
 */
export function nearestSupplyDistances(demandCoordinates: Float64Array, supply: Float64Array): Float64Array {
  const count = demandCoordinates.length / 2;
  const distances = new Float64Array(count).fill(Infinity);
  const supplyCount = supply.length / 2;
  if (supplyCount === 0) return distances;
  const code = categoryCode('overig');
  const index = new FacilityIndex({ ids: Array.from({ length: supplyCount }, (_, position) => `s${position}`), coordinates: supply, categoryCodes: new Uint8Array(supplyCount).fill(code) });
  for (let point = 0; point < count; point++) {
    const lon = demandCoordinates[2 * point]!;
    const lat = demandCoordinates[2 * point + 1]!;
    const winner = index.nearestFacilityIndex(code, lon, lat);
    if (winner < 0) continue;
    const [supplyLon, supplyLat] = index.facilityLocation(winner);
    distances[point] = haversineMeters(lon, lat, supplyLon, supplyLat);
  }
  return distances;
}

/** The distances after adding sites: per point the smaller of the distance before and to the nearest new site. */
export function distancesWithSites(before: Float64Array, demandCoordinates: Float64Array, sites: readonly (readonly [number, number])[]): Float64Array {
  const after = Float64Array.from(before);
  for (let point = 0; point < after.length; point++) {
    const lon = demandCoordinates[2 * point]!;
    const lat = demandCoordinates[2 * point + 1]!;
    for (const [siteLon, siteLat] of sites) {
      const distance = haversineMeters(lon, lat, siteLon, siteLat);
      if (distance < after[point]!) after[point] = distance;
    }
  }
  return after;
}

export interface AreaServedFigures {
  /** Municipality code, or 'overijssel' for the province. */
  code: string;
  /** Older people of the band (fractional). */
  people: number;
  servedBefore: number;
  servedAfter: number;
  /** Distance within which 90 % of them live (metres; Infinity without any site; NaN without people). */
  percentileBefore: number;
  percentileAfter: number;
}

/** What is known per demand point before and after the new sites. */
export interface PointStates {
  servedBefore: Uint8Array;
  servedAfter: Uint8Array;
  distanceBefore: Float64Array;
  distanceAfter: Float64Array;
}

/** Figures per municipality (sorted by code) and for the province as a whole (the pieces' total). */
export function servedFigures(pieces: DemandPieces, states: PointStates): { municipalities: AreaServedFigures[]; province: AreaServedFigures } {
  const pieceCount = pieces.weight.length;
  const byMunicipality = pieces.codes.map(() => [] as number[]);
  for (let piece = 0; piece < pieceCount; piece++) byMunicipality[pieces.municipality[piece]!]!.push(piece);
  const figuresOf = (code: string, members: ArrayLike<number>): AreaServedFigures => {
    const weights = new Float64Array(members.length);
    const before = new Float64Array(members.length);
    const after = new Float64Array(members.length);
    let people = 0;
    let servedBefore = 0;
    let servedAfter = 0;
    for (let entry = 0; entry < members.length; entry++) {
      const piece = members[entry]!;
      const point = pieces.point[piece]!;
      const weight = pieces.weight[piece]!;
      weights[entry] = weight;
      before[entry] = states.distanceBefore[point]!;
      after[entry] = states.distanceAfter[point]!;
      people += weight;
      if (states.servedBefore[point]) servedBefore += weight;
      if (states.servedAfter[point]) servedAfter += weight;
    }
    return {
      code,
      people,
      servedBefore,
      servedAfter,
      percentileBefore: weightedPercentile(before, weights, PERCENTILE_SHARE),
      percentileAfter: weightedPercentile(after, weights, PERCENTILE_SHARE),
    };
  };
  const municipalities = pieces.codes.map((code, index) => figuresOf(code, byMunicipality[index]!)).sort((a, b) => a.code.localeCompare(b.code));
  const all = Uint32Array.from({ length: pieceCount }, (_, piece) => piece);
  return { municipalities, province: figuresOf('overijssel', all) };
}
