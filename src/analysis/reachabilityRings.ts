// "Circles of reachability": straight-line rings around a point, as GeoJSON polygons for the map.

import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { circle } from '@turf/turf';
import type { FacilityCategory } from '../domain/facility';
import type { HousingType } from '../domain/housing';
import type { NormProfile } from '../domain/norms';
import { InvalidNormsError, validateDistanceMeters } from '../domain/norms';
import type { DistanceMethodId } from './distanceMethod';

export interface RingProperties {
  radiusMeters: number;
  method: DistanceMethodId;
}

export interface RingOptions {
  /** Vertices per ring; 64 is within 1 m of 256 vertices at a third of the cost. */
  steps?: number;
}

/**
 * One turf.circle per distance (largest first, so smaller rings draw on top). Distances are checked
 * like norm distances: positive, finite, at most 50 km; otherwise InvalidNormsError.
 */
export function ringsFor(
  point: [number, number],
  distancesMeters: readonly number[],
  options: RingOptions = {},
): FeatureCollection<Polygon, RingProperties> {
  const steps = options.steps ?? 64;
  if (!Number.isInteger(steps) || steps < 4) throw new RangeError(`steps must be an integer of at least 4, got ${steps}`);
  const issues = distancesMeters.flatMap((distanceMeters, position) => validateDistanceMeters(distanceMeters, `ring ${position + 1}`));
  if (issues.length > 0) throw new InvalidNormsError(issues);
  const features: Feature<Polygon, RingProperties>[] = [...distancesMeters]
    .sort((a, b) => b - a)
    .map((radiusMeters) => {
      const ring = circle(point, radiusMeters, { steps, units: 'meters' });
      return { type: 'Feature', geometry: ring.geometry, properties: { radiusMeters, method: 'hemelsbreed' } };
    });
  return { type: 'FeatureCollection', features };
}

export interface NormRingProperties extends RingProperties {
  /** Categories whose norm for the housing type is exactly this distance. */
  categories: FacilityCategory[];
}

/**
 * The circles a housing type's norms draw around a point: one ring per distinct norm distance,
 * carrying the categories that use it (e.g. 300 m: ovHalte; 500 m: supermarkt, huisarts, ...).
 */
export function ringsForHousingType(
  point: [number, number],
  profile: NormProfile,
  housingType: HousingType,
  options: RingOptions = {},
): FeatureCollection<Polygon, NormRingProperties> {
  const categoriesByDistance = new Map<number, FacilityCategory[]>();
  for (const norm of profile.norms[housingType]) {
    const list = categoriesByDistance.get(norm.maxDistanceMeters) ?? [];
    list.push(norm.category);
    categoriesByDistance.set(norm.maxDistanceMeters, list);
  }
  const rings = ringsFor(point, [...categoriesByDistance.keys()], options);
  return {
    type: 'FeatureCollection',
    features: rings.features.map((ring) => ({
      ...ring,
      properties: { ...ring.properties, categories: categoriesByDistance.get(ring.properties.radiusMeters) ?? [] },
    })),
  };
}
