// Reachability of one location or a list of sites: nearest facility per category, walking minutes,
// and per housing type whether the norm profile is met, not met, or cannot be judged (no data).

import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { areaIndexFor } from './areaIndex';
import type { FacilityCategory } from '../domain/facility';
import { FACILITY_CATEGORIES } from '../domain/facility';
import { isInsideBounds, OVERIJSSEL_BOUNDS } from '../domain/geography';
import type { BoundingBox } from '../domain/geography';
import type { HousingType } from '../domain/housing';
import { HOUSING_TYPES } from '../domain/housing';
import type { NormProfile, NormProfileId, WalkingSpeed } from '../domain/norms';
import { assertValidNorms, DEFAULT_WALKING_SPEED, metersToWalkingMinutes } from '../domain/norms';
import type { SourceId } from '../domain/source';
import type { DistanceMethod, DistanceMethodId } from './distanceMethod';
import type { StreetDistanceMethod } from './streetDistanceMethod';
import { MAX_SNAP_METERS } from './walkGraph';

/**
 * met = a known facility lies within the distance; notMet = none does, and the data is complete
 * there; noData = none known within the distance, and the data may be incomplete there.
 */
export type Verdict = 'met' | 'notMet' | 'noData';

export type CategoryReach =
  | {
      category: FacilityCategory;
      status: 'found';
      facilityId: string;
      facilityIndex: number;
      /** [lon, lat] of the nearest facility. */
      location: [number, number];
      distanceMeters: number;
      walkingMinutes: number;
      method: DistanceMethodId;
      /** Every facility of the category is known here; false: the nearest known one, there may be a nearer one. */
      complete: boolean;
    }
  /**
   * No facility of the category is loaded; complete: the data says there is none in this area.
   * noRoute (over straat only): a facility is loaded but cannot be reached over the street from here,
   * because the point lies too far from any street or no facility lies on the part of the network it
   * joins; such a category is never judged "not met" (complete stays false).
   */
  | { category: FacilityCategory; status: 'noData'; method: DistanceMethodId; complete: boolean; noRoute?: NoRouteReason };

export type NoRouteReason = 'farFromStreet' | 'notConnected';

/** Over straat for one category, beside the straight line. */
export type StreetReach =
  | { kind: 'route'; distanceMeters: number; walkingMinutes: number; facilityId: string; facilityIndex: number; location: [number, number]; snapMeters: number }
  | { kind: 'noRoute'; reason: NoRouteReason }
  | { kind: 'noFacility' };

/**
 * Both distances per category, when a street network is loaded or over straat is chosen.
 * network: 'ok' = the point joins the network (snapMeters away); 'farFromStreet' = more than
 * maxSnapMeters from any street ("geen route"); 'outsideNetwork' = outside every downloaded area;
 * 'noNetwork' = none loaded. In the last two the verdicts use hemelsbreed, and say so.
 */
export interface DistanceComparison {
  chosen: DistanceMethodId;
  network: 'ok' | 'farFromStreet' | 'outsideNetwork' | 'noNetwork';
  snapMeters: number | null;
  maxSnapMeters: number;
  /** Hemelsbreed metres to the nearest facility, null when none is loaded. */
  straightLine: Record<FacilityCategory, number | null>;
  /** Over straat; null unless network is 'ok' or 'farFromStreet'. */
  overStreet: Record<FacilityCategory, StreetReach> | null;
}

export interface NormVerdict {
  category: FacilityCategory;
  maxDistanceMeters: number;
  verdict: Verdict;
  /** Distance to the nearest known facility; null when none of the category is loaded. */
  distanceMeters: number | null;
  source: SourceId;
  isPolicyChoice: boolean;
}

export interface HousingTypeVerdict {
  housingType: HousingType;
  /** notMet if any norm is not met; otherwise noData if any norm lacks data; otherwise met. */
  verdict: Verdict;
  norms: NormVerdict[];
  metCount: number;
  requiredCount: number;
}

export interface LocationReachability {
  /** [lon, lat] analysed. */
  point: [number, number];
  method: DistanceMethodId;
  /** The point lies outside Overijssel; the values are still computed, but facilities across the border are not loaded. */
  outsideProvince: boolean;
  profileId: NormProfileId;
  walkingSpeedMetersPerSecond: number;
  categories: Record<FacilityCategory, CategoryReach>;
  housingTypes: Record<HousingType, HousingTypeVerdict>;
  /** Both distances (see DistanceComparison); absent when no network is loaded and hemelsbreed is chosen. */
  comparison?: DistanceComparison;
}

export interface StreetOptions {
  /** Over straat on the loaded network; null when no network is loaded. */
  method: StreetDistanceMethod | null;
  /** The planner's choice: verdicts follow it wherever the point lies in the network's area. */
  chosen: DistanceMethodId;
}

export interface ReachabilityOptions {
  /** The street network and the planner's choice of distance method; without it: hemelsbreed only. */
  street?: StreetOptions;
  /** Province outline for the outside-province flag; without it only the bounding box is checked. */
  province?: Polygon | MultiPolygon | Feature<Polygon | MultiPolygon>;
  provinceBounds?: BoundingBox;
}

/** Outside the bounding box, or (when an outline is given) outside the outline. */
export function isOutsideProvince(point: [number, number], options: ReachabilityOptions = {}): boolean {
  if (!isInsideBounds(point, options.provinceBounds ?? OVERIJSSEL_BOUNDS)) return true;
  if (!options.province) return false;
  const outline = options.province.type === 'Feature' ? options.province.geometry : options.province;
  return !areaIndexFor(outline).contains(point);
}

/**
 * The three-valued rule: a known facility within the norm proves "met" wherever it is; "not met"
 * needs the data to be complete at the point; otherwise "no data". Whether it is complete is
 * decided in dataCoverage.ts from what the datasets declare.
 */
export function verdictFor(distanceMeters: number | null, maxDistanceMeters: number, complete: boolean): Verdict {
  if (distanceMeters !== null && distanceMeters <= maxDistanceMeters) return 'met';
  return complete ? 'notMet' : 'noData';
}

export function combineVerdicts(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('notMet')) return 'notMet';
  if (verdicts.includes('noData')) return 'noData';
  return 'met';
}

function assertPoint(point: [number, number]): void {
  const [lon, lat] = point;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new RangeError(`Not a [lon, lat] point: ${String(point)}`);
  }
}

/**
 * Nearest facility of every category and the verdict per housing type. Throws InvalidNormsError for
 * an invalid profile or speed (check with validateNormProfile first to show the issues).
 */
export function analyseLocation(
  point: [number, number],
  method: DistanceMethod,
  profile: NormProfile,
  speed: WalkingSpeed = DEFAULT_WALKING_SPEED,
  options: ReachabilityOptions = {},
): LocationReachability {
  assertValidNorms(profile, speed);
  return analyseValidatedLocation(point, method, profile, speed, options);
}

function analyseValidatedLocation(
  point: [number, number],
  method: DistanceMethod,
  profile: NormProfile,
  speed: WalkingSpeed,
  options: ReachabilityOptions,
): LocationReachability {
  assertPoint(point);
  const categories = {} as Record<FacilityCategory, CategoryReach>;
  const comparison = compareDistances(point, method, speed, options.street);
  const useStreet = comparison !== undefined && comparison.chosen === 'overStraat' && comparison.overStreet !== null;
  for (const category of FACILITY_CATEGORIES) {
    if (useStreet) {
      categories[category] = streetReach(category, comparison.overStreet![category]);
      continue;
    }
    const nearest = method.hasCategory(category) ? method.nearest(category, point) : null;
    categories[category] = nearest
      ? {
          category,
          status: 'found',
          facilityId: nearest.facilityId,
          facilityIndex: nearest.facilityIndex,
          location: nearest.location,
          distanceMeters: nearest.distanceMeters,
          walkingMinutes: metersToWalkingMinutes(nearest.distanceMeters, speed),
          method: nearest.method,
          // until dataCoverage.applyCoverage says otherwise: loaded data counts as complete where there is any
          complete: true,
        }
      : { category, status: 'noData', method: method.method, complete: false };
  }

  const housingTypes = {} as Record<HousingType, HousingTypeVerdict>;
  for (const housingType of HOUSING_TYPES) {
    const norms = profile.norms[housingType].map((norm): NormVerdict => {
      const reach = categories[norm.category];
      const distanceMeters = reach.status === 'found' ? reach.distanceMeters : null;
      return {
        category: norm.category,
        maxDistanceMeters: norm.maxDistanceMeters,
        verdict: verdictFor(distanceMeters, norm.maxDistanceMeters, reach.complete),
        distanceMeters,
        source: norm.source,
        isPolicyChoice: norm.isPolicyChoice,
      };
    });
    housingTypes[housingType] = {
      housingType,
      verdict: combineVerdicts(norms.map((norm) => norm.verdict)),
      norms,
      metCount: norms.filter((norm) => norm.verdict === 'met').length,
      requiredCount: norms.length,
    };
  }

  return {
    point: [point[0], point[1]],
    method: useStreet ? 'overStraat' : method.method,
    outsideProvince: isOutsideProvince(point, options),
    profileId: profile.id,
    walkingSpeedMetersPerSecond: speed.metersPerSecond,
    categories,
    housingTypes,
    ...(comparison ? { comparison } : {}),
  };
}

/** A category's reach over the street, in the shape the verdicts read. */
function streetReach(category: FacilityCategory, reach: StreetReach): CategoryReach {
  if (reach.kind === 'route') {
    return {
      category,
      status: 'found',
      facilityId: reach.facilityId,
      facilityIndex: reach.facilityIndex,
      location: reach.location,
      distanceMeters: reach.distanceMeters,
      walkingMinutes: reach.walkingMinutes,
      method: 'overStraat',
      complete: true,
    };
  }
  if (reach.kind === 'noRoute') return { category, status: 'noData', method: 'overStraat', complete: false, noRoute: reach.reason };
  return { category, status: 'noData', method: 'overStraat', complete: false };
}

/** Hemelsbreed and over straat side by side (undefined when no network is loaded and hemelsbreed is chosen). */
function compareDistances(point: [number, number], method: DistanceMethod, speed: WalkingSpeed, street: StreetOptions | undefined): DistanceComparison | undefined {
  if (street === undefined || (street.method === null && street.chosen === 'hemelsbreed')) return undefined;
  const straightLine = {} as Record<FacilityCategory, number | null>;
  for (const category of FACILITY_CATEGORIES) straightLine[category] = method.hasCategory(category) ? (method.nearest(category, point)?.distanceMeters ?? null) : null;
  const streetMethod = street.method;
  const base = { chosen: street.chosen, straightLine, maxSnapMeters: streetMethod?.maxSnapMeters ?? MAX_SNAP_METERS };
  if (streetMethod === null) return { ...base, network: 'noNetwork', snapMeters: null, overStreet: null };
  if (!streetMethod.isInside(point)) return { ...base, network: 'outsideNetwork', snapMeters: null, overStreet: null };
  const snap = streetMethod.snap(point);
  const overStreet = {} as Record<FacilityCategory, StreetReach>;
  for (const category of FACILITY_CATEGORIES) {
    const answer = snap.ok ? streetMethod.overStreet(category, point, snap) : ({ kind: 'noRoute', reason: 'farFromStreet' } as const);
    overStreet[category] =
      answer.kind === 'route'
        ? {
            kind: 'route',
            distanceMeters: answer.distanceMeters,
            walkingMinutes: metersToWalkingMinutes(answer.distanceMeters, speed),
            facilityId: streetMethod.facilityId(answer.facilityIndex),
            facilityIndex: answer.facilityIndex,
            location: streetMethod.facilityLocation(answer.facilityIndex),
            snapMeters: answer.snapMeters,
          }
        : answer.kind === 'noRoute'
          ? { kind: 'noRoute', reason: answer.reason }
          : { kind: 'noFacility' };
  }
  return { ...base, network: snap.ok ? 'ok' : 'farFromStreet', snapMeters: snap.ok ? snap.snap.snapMeters : null, overStreet };
}

/** A place to analyse in a batch, e.g. a key project. */
export interface ReachabilitySite {
  id: string;
  name: string;
  /** [lon, lat]. */
  location: [number, number];
}

export interface ReachabilityRow {
  siteId: string;
  siteName: string;
  reachability: LocationReachability;
}

/** One row per site (the table of all key projects); validates the norms once. */
export function analyseSites(
  sites: readonly ReachabilitySite[],
  method: DistanceMethod,
  profile: NormProfile,
  speed: WalkingSpeed = DEFAULT_WALKING_SPEED,
  options: ReachabilityOptions = {},
): ReachabilityRow[] {
  assertValidNorms(profile, speed);
  return sites.map((site) => ({
    siteId: site.id,
    siteName: site.name,
    reachability: analyseValidatedLocation(site.location, method, profile, speed, options),
  }));
}
