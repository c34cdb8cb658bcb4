// Turns an Overpass JSON answer (`out center tags`) into facilities: nodes by their position, ways
// and relations by their centre, categorised by the OSM tag table. Also the OSM attribution.

import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { DataIssue } from '../../domain/dataIssue';
import { completenessFor, createFacility, type CoverageDeclaration, type Facility, type FacilityCategory, type FacilityDataset, type FacilityAttributes } from '../../domain/facility';
import { isInsideBounds } from '../../domain/geography';
import { categoriseOsmTags } from '../osmTagMapping';
import { overpassAreaKey, type OverpassArea } from './overpassQuery';

/** Must be shown wherever OSM data is shown (ODbL). */
export const OSM_ATTRIBUTION = '© OpenStreetMap-bijdragers';
export const OSM_LICENCE = 'Open Database License (ODbL) 1.0';
export const OSM_COPYRIGHT_URL = 'https://www.openstreetmap.org/copyright';

export interface OverpassParseResult {
  facilities: Facility[];
  /** Elements with unusable positions (not elements that are simply not facilities). */
  issues: DataIssue[];
  /** Elements whose tags match no facility rule. */
  ignoredCount: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function position(element: Record<string, unknown>): [number, number] | null {
  const source = element['type'] === 'node' ? element : isRecord(element['center']) ? element['center'] : null;
  if (source === null) return null;
  const lon = source['lon'];
  const lat = source['lat'];
  return typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : null;
}

function stringTags(value: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  if (!isRecord(value)) return tags;
  for (const [key, tag] of Object.entries(value)) if (typeof tag === 'string') tags[key] = tag;
  return tags;
}

function addressOf(tags: Record<string, string>): string {
  const street = [tags['addr:street'], tags['addr:housenumber']].filter(Boolean).join(' ');
  const town = [tags['addr:postcode'], tags['addr:city']].filter(Boolean).join(' ');
  return [street, town].filter((part) => part !== '').join(', ');
}

/** OSM tags worth showing in the attribute panel, copied into `extra` when present. */
const EXTRA_TAGS = ['wheelchair', 'opening_hours', 'website', 'healthcare:speciality', 'social_facility:for', 'network', 'brand'];

/**
 * Reads the elements of an Overpass answer. The facility id is `node/123`, `way/456` or
 * `relation/789`, which is also how openstreetmap.org addresses the object.
 */
export function parseOverpassResponse(json: unknown, datasetId: string): OverpassParseResult {
  const file = 'OpenStreetMap';
  if (!isRecord(json) || !Array.isArray(json['elements'])) {
    return { facilities: [], issues: [{ code: 'osm.malformedResponse', file, params: { reason: 'no elements array' } }], ignoredCount: 0 };
  }
  const facilities: Facility[] = [];
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  let ignoredCount = 0;
  for (const element of json['elements'] as unknown[]) {
    if (!isRecord(element)) continue;
    const type = element['type'];
    const osmId = element['id'];
    if ((type !== 'node' && type !== 'way' && type !== 'relation') || typeof osmId !== 'number') continue;
    const id = `${type}/${osmId}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const tags = stringTags(element['tags']);
    const match = categoriseOsmTags(tags);
    if (match === null) {
      ignoredCount += 1;
      continue;
    }
    const location = position(element);
    if (location === null) {
      issues.push({ code: 'data.invalidGeometry', file, record: id, params: { reason: 'no position' } });
      continue;
    }
    const attributes: FacilityAttributes = {};
    const address = addressOf(tags);
    if (address !== '') attributes.address = address;
    if (tags['operator']) attributes.operator = tags['operator'];
    const capacity = Number(tags['capacity']);
    if (tags['capacity'] !== undefined && Number.isFinite(capacity)) attributes.capacity = capacity;
    if (match.transitMode !== undefined) attributes.transitMode = match.transitMode;
    const extra: Record<string, string> = { osm: id, osmRule: match.ruleId };
    for (const key of EXTRA_TAGS) if (tags[key] !== undefined) extra[key] = tags[key] as string;
    attributes.extra = extra;
    facilities.push(
      createFacility({ id, name: tags['name'] ?? tags['official_name'] ?? tags['brand'] ?? '', category: match.category, location, datasetId, attributes }),
    );
  }
  return { facilities, issues, ignoredCount };
}

/** Keeps the facilities inside a polygon (used after a bounding-box query for one municipality). */
export function filterInsidePolygon(facilities: readonly Facility[], polygon: Polygon | MultiPolygon): Facility[] {
  return facilities.filter((facility) => booleanPointInPolygon(facility.location, polygon));
}

/** Keeps facilities inside Overijssel's bounding box (an area query can reach a little beyond). */
export function filterInsideOverijssel(facilities: readonly Facility[]): Facility[] {
  return facilities.filter((facility) => isInsideBounds(facility.location));
}

/**
 * Categories the Overpass query asks for (everything except 'overig'). OpenStreetMap's
 * completeness differs per place and category, so the UI should present these as "as mapped in
 * OSM", not as a complete register.
 */
export const OSM_QUERIED_CATEGORIES: FacilityCategory[] = ['zorg24uur', 'woonzorgcentrum', 'huisarts', 'apotheek', 'supermarkt', 'ovHalte', 'ontmoetingsplek'];

/** Dataset metadata for an OSM download of an area. */
export function createOsmDataset(area: OverpassArea, retrievedAt: string, name: string): FacilityDataset {
  // The queried categories count as complete for the queried area (a bounding box is no municipality: only these locations).
  const declaration: CoverageDeclaration | null =
    area.kind === 'municipality' ? { kind: 'municipalities', codes: [area.code] } : area.kind === 'province' ? { kind: 'province' } : null;
  return {
    id: `osm-${overpassAreaKey(area)}`,
    kind: 'osm',
    name,
    source: `OpenStreetMap via Overpass API (${OSM_COPYRIGHT_URL})`,
    licence: OSM_LICENCE,
    retrievedAt,
    completeness: declaration === null ? {} : completenessFor(OSM_QUERIED_CATEGORIES, declaration),
    hidden: false,
  };
}
