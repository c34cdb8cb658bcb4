// One call for the UI: fetch the facilities of an area from OpenStreetMap, read them, keep those
// inside the area, and describe the result as a dataset. Also decides when a cached copy is stale.

import type { MultiPolygon, Polygon } from 'geojson';
import type { DataIssue } from '../../domain/dataIssue';
import type { Facility, FacilityDataset } from '../../domain/facility';
import { fetchOverpass, type FetchOverpassOptions } from './fetchOverpass';
import { buildOverpassQuery, type OverpassArea } from './overpassQuery';
import { createOsmDataset, keepInsideArea, parseOverpassResponse } from './overpassResponse';

export interface LoadOsmOptions extends FetchOverpassOptions {
  /** When given, only facilities inside it are kept (for a bbox query of one municipality). */
  areaPolygon?: Polygon | MultiPolygon;
  /** Overijssel's outline: without areaPolygon, only facilities inside it are kept (else the bounding box). */
  provinceOutline?: Polygon | MultiPolygon;
  /** Dataset name shown in the layer panel. */
  datasetName: string;
  /** Defaults to now; tests pass a fixed time. */
  now?: () => Date;
}

export interface OsmLoadResult {
  dataset: FacilityDataset;
  facilities: Facility[];
  /** Every element left out, with its reason (unusable element, way without centre, invalid coordinate, outside the area). */
  skipped: DataIssue[];
  /** OSM objects in the answer that are not facilities we show. */
  ignoredCount: number;
}

/** Rejects with an OverpassError (see fetchOverpass) when the download fails. */
export async function loadOsmFacilities(area: OverpassArea, options: LoadOsmOptions): Promise<OsmLoadResult> {
  const json = await fetchOverpass(buildOverpassQuery(area), options);
  const retrievedAt = (options.now ?? (() => new Date()))().toISOString();
  const dataset = createOsmDataset(area, retrievedAt, options.datasetName);
  const parsed = parseOverpassResponse(json, dataset.id);
  const { inside, skipped } = keepInsideArea(
    parsed.facilities,
    options.areaPolygon !== undefined
      ? { kind: 'municipality', polygon: options.areaPolygon }
      : { kind: 'province', ...(options.provinceOutline === undefined ? {} : { outline: options.provinceOutline }) },
  );
  return { dataset, facilities: inside, skipped: [...parsed.issues, ...skipped], ignoredCount: parsed.ignoredCount };
}

/**
 * A new download that holds fewer than this share of the facilities of the download it would
 * replace is kept back until the planner says yes: Overpass can answer `{"elements":[]}` on a bad
 * day, and an earlier complete download is better than that.
 */
export const REPLACE_WITHOUT_ASKING_MIN_SHARE = 0.5;

/**
 * Whether to ask before saving a download: when it holds far fewer facilities than the one it
 * replaces (previousCount; null = nothing to replace), or none at all (no area of Overijssel has
 * no facility of any kind, so an empty answer is almost surely a server problem).
 */
export function downloadNeedsConfirmation(previousCount: number | null, newCount: number): boolean {
  if (newCount === 0) return true;
  return previousCount !== null && newCount < previousCount * REPLACE_WITHOUT_ASKING_MIN_SHARE;
}

/** OSM changes slowly for these objects; a week keeps Overpass load low and data reasonably current. */
export const OSM_CACHE_MAX_AGE_DAYS = 7;

export function isOsmCacheFresh(fetchedAt: string, now: Date = new Date(), maxAgeDays = OSM_CACHE_MAX_AGE_DAYS): boolean {
  const fetched = Date.parse(fetchedAt);
  if (Number.isNaN(fetched)) return false;
  const ageMilliseconds = now.getTime() - fetched;
  return ageMilliseconds >= 0 && ageMilliseconds <= maxAgeDays * 24 * 60 * 60 * 1000;
}
