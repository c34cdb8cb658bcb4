// Builds the Overpass QL query for all facility tags of src/data/osmTagMapping.ts in an area:
// the province, one municipality, or a bounding box.
//
// Areas: Dutch municipalities are boundary relations with admin_level=8 and the tag
// `ref:gemeentecode` = the 4-digit CBS code without "GM" (e.g. "0193" for Zwolle; OSM wiki,
// Key:ref:gemeentecode). Provinces have admin_level=4; Overijssel is found by its name. A
// bounding box needs no area lookup and works when a boundary is broken in OSM; the caller then
// filters the points by the municipality polygon (see filterInsidePolygon in overpassResponse.ts).
//
// `public_transport=stop_position` is deliberately not queried: it is the node on the road
// belonging to a platform that is queried already, so it would double every stop.

import type { BoundingBox, MunicipalityCode } from '../../domain/geography';

export type OverpassArea =
  | { kind: 'province' }
  | { kind: 'municipality'; code: MunicipalityCode }
  | { kind: 'bbox'; bbox: BoundingBox };

/** Tag filters, one Overpass statement each; every one is also a rule in osmTagMapping.ts. */
export const OVERPASS_TAG_FILTERS: readonly string[] = [
  '["amenity"="nursing_home"]',
  '["social_facility"="nursing_home"]',
  '["social_facility"="assisted_living"]',
  '["amenity"="social_facility"]["social_facility:for"~"senior|elderly"]',
  '["amenity"="doctors"]',
  '["healthcare"="doctor"]',
  '["amenity"="pharmacy"]',
  '["healthcare"="pharmacy"]',
  '["shop"="supermarket"]',
  '["highway"="bus_stop"]',
  '["public_transport"="platform"]["bus"="yes"]',
  '["public_transport"="platform"]["tram"="yes"]',
  '["public_transport"="platform"]["train"="yes"]',
  '["railway"~"^(station|halt|tram_stop)$"]',
  '["amenity"~"^(community_centre|social_centre)$"]',
];

/** Stable key for caches: 'province', 'GM0193' or 'bbox:w,s,e,n'. */
export function overpassAreaKey(area: OverpassArea): string {
  if (area.kind === 'province') return 'province';
  if (area.kind === 'municipality') return area.code;
  return `bbox:${area.bbox.join(',')}`;
}

/** 'GM0193' → '0193'; also accepts '193' and '0193'. */
export function gemeentecodeTag(code: MunicipalityCode): string {
  const digits = code.replace(/^GM/i, '');
  if (!/^\d{1,4}$/.test(digits)) throw new RangeError(`not a CBS municipality code: ${code}`);
  return digits.padStart(4, '0');
}

export interface OverpassQueryOptions {
  /** Server-side time limit; Overpass's default is 180 s. */
  timeoutSeconds?: number;
}

/**
 * How a query limits itself to an area: the statements that set up the area (none for a bounding
 * box) and the filter each element statement ends with.
 */
export function overpassAreaFilter(area: OverpassArea): { setup: string[]; filterSuffix: string } {
  if (area.kind === 'bbox') {
    const [west, south, east, north] = area.bbox;
    // Overpass bounding boxes are (south, west, north, east).
    return { setup: [], filterSuffix: `(${south},${west},${north},${east})` };
  }
  const selector =
    area.kind === 'province'
      ? '["boundary"="administrative"]["admin_level"="4"]["name"="Overijssel"]'
      : `["boundary"="administrative"]["admin_level"="8"]["ref:gemeentecode"="${gemeentecodeTag(area.code)}"]`;
  return { setup: [`area${selector}->.searchArea;`], filterSuffix: '(area.searchArea)' };
}

export function buildOverpassQuery(area: OverpassArea, options: OverpassQueryOptions = {}): string {
  const timeoutSeconds = options.timeoutSeconds ?? 120;
  const { setup, filterSuffix } = overpassAreaFilter(area);
  const lines = [`[out:json][timeout:${timeoutSeconds}];`, ...setup];
  lines.push('(');
  for (const filter of OVERPASS_TAG_FILTERS) lines.push(`  nwr${filter}${filterSuffix};`);
  lines.push(');');
  // `out center tags`: nodes keep lat/lon, ways and relations get a centre point; no geometry.
  lines.push('out center tags;');
  return lines.join('\n');
}
