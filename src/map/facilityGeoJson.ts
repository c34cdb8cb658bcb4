// The GeoJSON the facility map sources get, built so that hundreds of thousands of facilities never
// block the page: small lists go in as an object; large ones are written as JSON text in chunks,
// with a pause for input between chunks, into a Blob that MapLibre's worker fetches and parses itself.
// (Handing MapLibre 430,000 feature objects cost one main-thread task for building them and one for
// cloning them to its worker; the text in a Blob crosses to the worker without either.)

import type { FeatureCollection, Point } from 'geojson';
import { facilityKey, type Facility } from '../domain/facility';
import { facilitySymbolKey } from '../domain/facilitySymbols';

/** Facilities written per chunk: a few milliseconds of work each. */
export const GEOJSON_CHUNK_SIZE = 10_000;

export interface FacilityFeatureProperties {
  /** facilityKey: what a click selects. */
  key: string;
  /** Shown by browser tests' description of the rendered map (data-facility-points). */
  name: string;
  /** Key into FACILITY_SYMBOLS: the icon is `facility-${symbol}`, the circle colour that symbol's colour. */
  symbol: string;
}

function symbolOf(facility: Facility): string {
  return facilitySymbolKey(facility.category, facility.attributes.transitMode);
}

/** GeoJSON object for a small list (what MapLibre gets directly). */
export function toFeatureCollection(facilities: readonly Facility[]): FeatureCollection<Point, FacilityFeatureProperties> {
  return {
    type: 'FeatureCollection',
    features: facilities.map((facility) => ({
      type: 'Feature',
      properties: { key: facilityKey(facility), name: facility.name, symbol: symbolOf(facility) },
      geometry: { type: 'Point', coordinates: facility.location },
    })),
  };
}

/** JSON text of the features start..end (comma-separated, no brackets), the same as toFeatureCollection gives. */
export function featuresJson(facilities: readonly Facility[], start: number, end: number): string {
  const parts: string[] = [];
  for (let index = start; index < end; index += 1) {
    const facility = facilities[index]!;
    const [lon, lat] = facility.location;
    parts.push(
      `{"type":"Feature","properties":{"key":${JSON.stringify(facilityKey(facility))},"name":${JSON.stringify(facility.name)},"symbol":"${symbolOf(facility)}"},"geometry":{"type":"Point","coordinates":[${lon},${lat}]}}`,
    );
  }
  return parts.join(',');
}

/** Gives the page a chance to handle input and paint before the next chunk. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The whole collection as JSON text pieces, built a chunk at a time with a pause between chunks.
 * Returns null when `stillWanted` turns false (a newer list arrived), so stale work stops early.
 */
export async function facilityGeoJsonParts(
  facilities: readonly Facility[],
  stillWanted: () => boolean = () => true,
  chunkSize = GEOJSON_CHUNK_SIZE,
): Promise<string[] | null> {
  const parts: string[] = ['{"type":"FeatureCollection","features":['];
  for (let start = 0; start < facilities.length; start += chunkSize) {
    if (start > 0) {
      await yieldToPage();
      if (!stillWanted()) return null;
      parts.push(',');
    }
    parts.push(featuresJson(facilities, start, Math.min(facilities.length, start + chunkSize)));
  }
  parts.push(']}');
  return parts;
}
