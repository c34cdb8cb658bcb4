// Validation of GeoJSON FeatureCollections from untrusted files: shape, geometry type, coordinates inside a box.

import type { Feature, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { DataIssue, Validated } from '../domain/dataIssue';
import { OVERIJSSEL_BOUNDS, type BoundingBox } from '../domain/geography';
import { findForbiddenKey, forbiddenKeyIssue, isRecord, RecordReader, requireTopLevelObject, wrongShape, type JsonRecord } from './jsonInput';

/**
 * Extra margin in degrees for polygon datasets. Generalised boundary polygons touch Overijssel's bounding
 * box (it is rounded to 3 decimals and computed from these same files), so a re-simplified or legal
 * boundary may poke out by some metres. 0.01° (about 0.7 km east-west, 1.1 km north-south) still
 * rejects swapped lat/lon, RD New metres and features from elsewhere in the country.
 */
export const POLYGON_BOUNDS_TOLERANCE_DEGREES = 0.01;

export function widenBounds([west, south, east, north]: BoundingBox, marginDegrees: number): BoundingBox {
  return [west - marginDegrees, south - marginDegrees, east + marginDegrees, north + marginDegrees];
}

export const POINT_BOUNDS: BoundingBox = OVERIJSSEL_BOUNDS;
export const POLYGON_BOUNDS: BoundingBox = widenBounds(OVERIJSSEL_BOUNDS, POLYGON_BOUNDS_TOLERANCE_DEGREES);

type GeometryIssue = { code: 'data.invalidGeometry'; reason: string } | { code: 'data.coordinateOutOfRange'; lon: number; lat: number };

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && (value.length === 2 || value.length === 3) && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}

function checkPosition(position: unknown, bounds: BoundingBox): GeometryIssue | null {
  if (!isPosition(position)) return { code: 'data.invalidGeometry', reason: 'position is not [lon, lat]' };
  const [lon, lat] = position as [number, number];
  if (lon < bounds[0] || lon > bounds[2] || lat < bounds[1] || lat > bounds[3]) return { code: 'data.coordinateOutOfRange', lon, lat };
  return null;
}

function checkRing(ring: unknown, bounds: BoundingBox): GeometryIssue | null {
  if (!Array.isArray(ring) || ring.length < 4) return { code: 'data.invalidGeometry', reason: 'ring has fewer than 4 positions' };
  for (const position of ring) {
    const issue = checkPosition(position, bounds);
    if (issue) return issue;
  }
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) return { code: 'data.invalidGeometry', reason: 'ring is not closed' };
  return null;
}

function checkPolygonRings(rings: unknown, bounds: BoundingBox): GeometryIssue | null {
  if (!Array.isArray(rings) || rings.length === 0) return { code: 'data.invalidGeometry', reason: 'polygon has no rings' };
  for (const ring of rings) {
    const issue = checkRing(ring, bounds);
    if (issue) return issue;
  }
  return null;
}

/** Checks a geometry's type, structure and that every coordinate lies inside `bounds`. */
export function checkGeometry(geometry: unknown, allowedTypes: readonly Geometry['type'][], bounds: BoundingBox): GeometryIssue | null {
  if (!isRecord(geometry)) return { code: 'data.invalidGeometry', reason: 'missing' };
  const type = geometry.type;
  if (typeof type !== 'string' || !(allowedTypes as readonly string[]).includes(type)) {
    return { code: 'data.invalidGeometry', reason: `type ${String(type)}, expected ${allowedTypes.join('/')}` };
  }
  const coordinates = geometry.coordinates;
  if (type === 'Point') return checkPosition(coordinates, bounds);
  if (type === 'Polygon') return checkPolygonRings(coordinates, bounds);
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) return { code: 'data.invalidGeometry', reason: 'multipolygon has no polygons' };
    for (const polygon of coordinates) {
      const issue = checkPolygonRings(polygon, bounds);
      if (issue) return issue;
    }
    return null;
  }
  return { code: 'data.invalidGeometry', reason: `type ${type} is not supported` };
}

/** The features array of a FeatureCollection; anything else makes the file unusable. */
export function readFeatureCollection(json: unknown, file: string): unknown[] {
  const root = requireTopLevelObject(json, file, 'expected a GeoJSON FeatureCollection');
  if (root.type !== 'FeatureCollection' || !Array.isArray(root.features)) throw wrongShape(file, 'expected a GeoJSON FeatureCollection');
  return root.features;
}

export interface FeatureParseOptions<G extends Geometry, P> {
  file: string;
  geometryTypes: readonly G['type'][];
  bounds: BoundingBox;
  /** Reads the properties; return null after calling reader.reject when the record is unusable. */
  readProperties: (reader: RecordReader, properties: JsonRecord) => P | null;
}

/**
 * Validates every feature; invalid ones become DataIssues with their 0-based feature index as record.
 * Valid features are rebuilt from checked fields only, so nothing unexpected from the input survives.
 */
export function parseFeatures<G extends Geometry, P>(json: unknown, options: FeatureParseOptions<G, P>): Validated<Feature<G, P>> {
  const { file } = options;
  const features = readFeatureCollection(json, file);
  const items: Feature<G, P>[] = [];
  const issues: DataIssue[] = [];
  features.forEach((feature, index) => {
    if (!isRecord(feature) || feature.type !== 'Feature') {
      issues.push({ code: 'data.invalidFeature', file, record: index });
      return;
    }
    const forbiddenKey = findForbiddenKey(feature);
    if (forbiddenKey !== null) {
      issues.push(forbiddenKeyIssue(forbiddenKey, file, index));
      return;
    }
    const geometryIssue = checkGeometry(feature.geometry, options.geometryTypes, options.bounds);
    if (geometryIssue) {
      const { code, ...params } = geometryIssue;
      issues.push({ code, file, record: index, params });
      return;
    }
    const properties = isRecord(feature.properties) ? feature.properties : {};
    const reader = new RecordReader(properties, file, index);
    const parsed = options.readProperties(reader, properties);
    if (reader.issue || parsed === null) {
      issues.push(reader.issue ?? { code: 'data.invalidFeature', file, record: index });
      return;
    }
    items.push({ type: 'Feature', geometry: copyGeometry(feature.geometry as G), properties: parsed });
  });
  return { items, issues };
}

function copyGeometry<G extends Geometry>(geometry: G): G {
  const positions = (value: unknown): unknown =>
    Array.isArray(value) && typeof value[0] === 'number' ? [value[0], value[1]] : (value as unknown[]).map(positions);
  return { type: geometry.type, coordinates: positions((geometry as Point | Polygon | MultiPolygon).coordinates) } as G;
}
