// One label point per polygon feature that is guaranteed to lie inside it.

import { centroid, booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, GeoJsonProperties, MultiPolygon, Point, Polygon } from 'geojson';

/** The centroid when it lies inside the area (looks centred), otherwise a point on the surface. */
export function labelPoint(feature: Feature<Polygon | MultiPolygon>): [number, number] {
  const centre = centroid(feature);
  if (booleanPointInPolygon(centre, feature)) return centre.geometry.coordinates as [number, number];
  return pointOnFeature(feature).geometry.coordinates as [number, number];
}

export function labelPoints<P extends GeoJsonProperties>(collection: FeatureCollection<Polygon | MultiPolygon, P>): FeatureCollection<Point, P> {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature) => ({
      type: 'Feature',
      properties: feature.properties,
      geometry: { type: 'Point', coordinates: labelPoint(feature) },
    })),
  };
}
