// Reads a GeoJSON file of facilities: parses safely (prototype-polluting keys are dropped and
// counted), takes one representative point per feature and turns features into raw records.
//
// Representative point per geometry type:
// - Point: the point itself.
// - MultiPoint: its first point (a facility drawn as several points is one place; the first is
//   what the author put first, and no averaging can move it into a road or a river).
// - Polygon / MultiPolygon (a building or site outline): Turf's pointOnFeature, i.e. the centroid
//   when it lies inside the shape, otherwise a point guaranteed to be on the surface.
// - Lines, GeometryCollection, null: rejected ('import.unsupportedGeometry' / 'data.invalidGeometry').

import { pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { normaliseHeader } from './coordinates';
import type { EarlyRejection, PropertyMapping, RawRecord } from './importTypes';
import { isUnsafeKey } from './unsafeKeys';

export interface SafeParseResult {
  value: unknown;
  /** How many unsafe keys were dropped. */
  unsafeKeysRemoved: number;
}

/**
 * JSON.parse that drops `__proto__`, `constructor` and `prototype` keys. The reviver is slow on
 * big files, so it only runs when the text could contain such a key: written plainly, or with a
 * \u escape (the only other way to spell it in JSON). Throws SyntaxError like JSON.parse.
 */
export function parseJsonSafely(text: string): SafeParseResult {
  const mayContainUnsafeKey = text.includes('__proto__') || text.includes('constructor') || text.includes('prototype') || text.includes('\\u');
  if (!mayContainUnsafeKey) return { value: JSON.parse(text) as unknown, unsafeKeysRemoved: 0 };
  let unsafeKeysRemoved = 0;
  const value = JSON.parse(text, (key, nested: unknown) => {
    if (isUnsafeKey(key)) {
      unsafeKeysRemoved += 1;
      return undefined;
    }
    return nested;
  }) as unknown;
  return { value, unsafeKeysRemoved };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The features of a FeatureCollection or a single Feature; null when the value is neither. */
export function featuresOf(value: unknown): unknown[] | null {
  if (!isRecord(value)) return null;
  if (value['type'] === 'FeatureCollection' && Array.isArray(value['features'])) return value['features'];
  if (value['type'] === 'Feature') return [value];
  return null;
}

/**
 * The coordinate system a (pre-RFC 7946) GeoJSON names in its `crs` member, e.g.
 * {"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}}; null without one.
 */
export function declaredCrs(value: unknown): 'rd' | 'wgs84' | 'other' | null {
  if (!isRecord(value) || !isRecord(value['crs'])) return null;
  const properties = value['crs']['properties'];
  const name = isRecord(properties) && typeof properties['name'] === 'string' ? properties['name'] : '';
  if (/(^|\D)28992$/.test(name.trim())) return 'rd';
  if (/(^|\D)4326$|CRS84$/i.test(name.trim())) return 'wgs84';
  return 'other';
}

/** Two finite numbers; JSON has no NaN, but 1e400 parses to Infinity. */
function isPosition(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length >= 2 && Number.isFinite(value[0]) && Number.isFinite(value[1]);
}

type PointResult = { point: [number, number] } | { code: string; params?: Record<string, string | number> };

/** One point that stands for the feature's geometry (see the table at the top of this file). */
export function representativePoint(geometry: unknown): PointResult {
  if (!isRecord(geometry)) return { code: 'data.invalidGeometry', params: { reason: 'no geometry' } };
  const type = geometry['type'];
  const coordinates = geometry['coordinates'];
  if (type === 'Point') {
    return isPosition(coordinates) ? { point: [coordinates[0], coordinates[1]] } : { code: 'import.coordinateNotFinite' };
  }
  if (type === 'MultiPoint') {
    const first: unknown = Array.isArray(coordinates) ? coordinates[0] : undefined;
    return isPosition(first) ? { point: [first[0], first[1]] } : { code: 'import.coordinateNotFinite' };
  }
  if (type === 'Polygon' || type === 'MultiPolygon') {
    try {
      const feature: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: geometry as unknown as Polygon | MultiPolygon };
      const [lon, lat] = pointOnFeature(feature).geometry.coordinates;
      return { point: [lon as number, lat as number] };
    } catch {
      return { code: 'data.invalidGeometry', params: { reason: String(type) } };
    }
  }
  return { code: 'import.unsupportedGeometry', params: { type: typeof type === 'string' ? type : 'unknown' } };
}

const NAME_PROPERTIES = ['naam', 'name', 'locatienaam', 'titel', 'title', 'omschrijving'];
const CATEGORY_PROPERTIES = ['categorie', 'category', 'soort', 'type', 'voorziening', 'functie'];
/** Keys whose presence means the properties are OSM tags (an Overpass Turbo export, for instance). */
const OSM_KEYS = ['amenity', 'shop', 'healthcare', 'social_facility', 'highway', 'railway', 'public_transport'];
const ADDRESS_PROPERTIES = ['adres', 'address', 'straat', 'addr:street', 'addr:housenumber', 'postcode', 'addr:postcode', 'plaats', 'woonplaats', 'addr:city'];

function findProperty(keys: readonly string[], candidates: readonly string[]): string | undefined {
  const normalised = keys.map(normaliseHeader);
  for (const candidate of candidates) {
    const index = normalised.indexOf(candidate);
    if (index !== -1) return keys[index];
  }
  return undefined;
}

/** Suggests name and category properties from the keys used by the first features. */
export function suggestPropertyMapping(features: readonly unknown[], sampleSize = 100): PropertyMapping {
  const keys = new Set<string>();
  for (const feature of features.slice(0, sampleSize)) {
    if (isRecord(feature) && isRecord(feature['properties'])) for (const key of Object.keys(feature['properties'])) keys.add(key);
  }
  const keyList = [...keys];
  const suggestion: PropertyMapping = {};
  const nameProperty = findProperty(keyList, NAME_PROPERTIES);
  const categoryProperty = findProperty(keyList, CATEGORY_PROPERTIES);
  if (nameProperty !== undefined) suggestion.nameProperty = nameProperty;
  // An OSM export has `type` only on relations; its tags decide the category instead.
  if (categoryProperty !== undefined && !keyList.some((key) => OSM_KEYS.includes(key))) suggestion.categoryProperty = categoryProperty;
  return suggestion;
}

const MAX_EXTRA_FIELDS = 30;
const MAX_EXTRA_LENGTH = 500;

function propertyText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Turns one feature (1-based `record`) into a raw record or an early rejection. */
export function featureToRecord(feature: unknown, record: number, mapping: PropertyMapping): RawRecord | EarlyRejection {
  if (!isRecord(feature) || feature['type'] !== 'Feature') return { record, code: 'import.notAFeature' };
  const point = representativePoint(feature['geometry']);
  if ('code' in point) return { record, ...point };
  const properties = isRecord(feature['properties']) ? feature['properties'] : {};
  const raw: RawRecord = {
    record,
    name: mapping.nameProperty === undefined ? '' : propertyText(properties[mapping.nameProperty]),
    first: point.point[0],
    second: point.point[1],
  };
  if (mapping.categoryProperty !== undefined) raw.categoryValue = propertyText(properties[mapping.categoryProperty]);
  else if (OSM_KEYS.some((key) => typeof properties[key] === 'string')) {
    const tags: Record<string, string> = {};
    for (const [key, value] of Object.entries(properties)) if (typeof value === 'string') tags[key] = value;
    raw.osmTags = tags;
  }
  const address = ADDRESS_PROPERTIES.map((key) => propertyText(properties[key])).filter((part) => part !== '').join(', ');
  if (address !== '') raw.address = address;
  const extra: Record<string, string> = {};
  let extraCount = 0;
  for (const [key, value] of Object.entries(properties)) {
    if (extraCount >= MAX_EXTRA_FIELDS) break;
    if (key === mapping.nameProperty || key === mapping.categoryProperty || ADDRESS_PROPERTIES.includes(key) || isUnsafeKey(key)) continue;
    const text = propertyText(value);
    if (text === '') continue;
    extra[key] = text.slice(0, MAX_EXTRA_LENGTH);
    extraCount += 1;
  }
  if (extraCount > 0) raw.extra = extra;
  return raw;
}
