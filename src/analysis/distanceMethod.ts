// How "distance to the nearest facility" is measured, as an interface: straight line ("hemelsbreed",
// src/analysis/facilityIndex.ts) or walking over the street network ("over straat",
// src/analysis/streetDistanceMethod.ts), with the same contract for callers.

import type { FacilityCategory } from '../domain/facility';

/** 'hemelsbreed' = great-circle distance; 'overStraat' = walking distance over the street network. */
export type DistanceMethodId = 'hemelsbreed' | 'overStraat';

export interface NearestFacility {
  /** Position of the facility in the packed facility arrays the method was built from. */
  facilityIndex: number;
  facilityId: string;
  /** [lon, lat] of the facility. */
  location: [number, number];
  distanceMeters: number;
  method: DistanceMethodId;
}

export interface DistanceMethod {
  readonly method: DistanceMethodId;
  /** false when no facility of this category is loaded: the answer is "no data", not "far away". */
  hasCategory(category: FacilityCategory): boolean;
  /** Nearest facility of the category, or null when none lies within maxDistanceMeters (default: no limit) or none is loaded. */
  nearest(category: FacilityCategory, point: [number, number], maxDistanceMeters?: number): NearestFacility | null;
}
