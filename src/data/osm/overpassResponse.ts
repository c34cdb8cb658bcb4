// Turns an Overpass JSON answer (`out center tags`) into facilities: nodes by their position, ways
// and relations by their centre, categorised by the OSM tag table. Also the OSM attribution.

import type { MultiPolygon, Polygon } from 'geojson';
import type { DataIssue } from '../../domain/dataIssue';
import { completenessFor, createFacility, type CoverageDeclaration, type Facility, type FacilityCategory, type FacilityDataset, type FacilityAttributes } from '../../domain/facility';
import { isInsideBounds } from '../../domain/geography';
import { areaIndexFor } from '../../analysis/areaIndex';
import { categoriseOsmTags } from '../osmTagMapping';
import { overpassAreaKey, type OverpassArea } from './overpassQuery';

/** The licence of OpenStreetMap data; the attribution is the catalogue's 'osm.attribution', in the reader's language. */
export const OSM_LICENCE = 'Open Database License (ODbL) 1.0';
export const OSM_COPYRIGHT_URL = 'https://www.openstreetmap.org/copyright';

export interface OverpassParseResult {
  facilities: Facility[];
  /**
   * Elements that are facilities (or cannot be told apart) but could not be used, one issue each
   * with its reason: 'osm.skipped.invalidElement', 'osm.skipped.noCentre', 'osm.skipped.invalidCoordinate'.
   */
  issues: DataIssue[];
  /** Elements whose tags match no facility rule. */
  ignoredCount: number;
}

const FILE = 'OpenStreetMap';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCoordinate(lon: unknown, lat: unknown): boolean {
  return typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
}

/** A node by its own position, a way or relation by the centre Overpass adds (`out center`). */
function position(element: Record<string, unknown>): { location: [number, number] } | { code: string; params?: Record<string, string> } {
  const source = element['type'] === 'node' ? element : isRecord(element['center']) ? element['center'] : null;
  if (source === null) return { code: 'osm.skipped.noCentre' };
  const lon = source['lon'];
  const lat = source['lat'];
  if (!isCoordinate(lon, lat)) return { code: 'osm.skipped.invalidCoordinate', params: { lon: String(lon ?? '–'), lat: String(lat ?? '–') } };
  return { location: [lon as number, lat as number] };
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
  if (!isRecord(json) || !Array.isArray(json['elements'])) {
    return { facilities: [], issues: [{ code: 'osm.malformedResponse', file: FILE, params: { reason: 'no elements array' } }], ignoredCount: 0 };
  }
  const facilities: Facility[] = [];
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  let ignoredCount = 0;
  (json['elements'] as unknown[]).forEach((element, index) => {
    const type = isRecord(element) ? element['type'] : undefined;
    const osmId = isRecord(element) ? element['id'] : undefined;
    if (!isRecord(element) || (type !== 'node' && type !== 'way' && type !== 'relation') || typeof osmId !== 'number') {
      issues.push({ code: 'osm.skipped.invalidElement', file: FILE, record: `#${index + 1}` });
      return;
    }
    const id = `${type}/${osmId}`;
    if (seen.has(id)) return; // the same object twice in one answer is one facility
    seen.add(id);
    const tags = stringTags(element['tags']);
    const match = categoriseOsmTags(tags);
    if (match === null) {
      ignoredCount += 1;
      return;
    }
    const placed = position(element);
    if ('code' in placed) {
      issues.push({ code: placed.code, file: FILE, record: id, ...(placed.params ? { params: placed.params } : {}) });
      return;
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
      createFacility({ id, name: tags['name'] ?? tags['official_name'] ?? tags['brand'] ?? '', category: match.category, location: placed.location, datasetId, attributes }),
    );
  });
  return { facilities, issues, ignoredCount };
}

/**
 * Keeps the facilities inside the area asked for and reports the others: a municipality's polygon
 * (its query is a bounding box), or the province outline (an area query can reach a little beyond;
 * without the outline, Overijssel's bounding box).
 */
export function keepInsideArea(
  facilities: readonly Facility[],
  area: { kind: 'municipality'; polygon: Polygon | MultiPolygon } | { kind: 'province'; outline?: Polygon | MultiPolygon },
): { inside: Facility[]; skipped: DataIssue[] } {
  const polygon = area.kind === 'municipality' ? area.polygon : area.outline;
  const contains = polygon === undefined ? (point: [number, number]) => isInsideBounds(point) : (point: [number, number]) => areaIndexFor(polygon).contains(point);
  const code = area.kind === 'municipality' ? 'osm.skipped.outsideMunicipality' : 'osm.skipped.outsideProvince';
  const inside: Facility[] = [];
  const skipped: DataIssue[] = [];
  for (const facility of facilities) {
    if (contains(facility.location)) inside.push(facility);
    else skipped.push({ code, file: FILE, record: facility.id, params: { name: facility.name, lon: facility.location[0], lat: facility.location[1] } });
  }
  return { inside, skipped };
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
