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
  /** No facility of the category is loaded; complete: the data says there is none in this area. */
  | { category: FacilityCategory; status: 'noData'; method: DistanceMethodId; complete: boolean };

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
}

export interface ReachabilityOptions {
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
  for (const category of FACILITY_CATEGORIES) {
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
    method: method.method,
    outsideProvince: isOutsideProvince(point, options),
    profileId: profile.id,
    walkingSpeedMetersPerSecond: speed.metersPerSecond,
    categories,
    housingTypes,
  };
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
