// One call for the UI: fetch the facilities of an area from OpenStreetMap, read them, keep those
// inside the area, and describe the result as a dataset. Also decides when a cached copy is stale.

import type { MultiPolygon, Polygon } from 'geojson';
import type { DataIssue } from '../../domain/dataIssue';
import type { Facility, FacilityDataset } from '../../domain/facility';
import { fetchOverpass, type FetchOverpassOptions } from './fetchOverpass';
import { buildOverpassQuery, type OverpassArea } from './overpassQuery';
import { createOsmDataset, filterInsideOverijssel, filterInsidePolygon, parseOverpassResponse } from './overpassResponse';

export interface LoadOsmOptions extends FetchOverpassOptions {
  /** When given, only facilities inside it are kept (for a bbox query of one municipality). */
  areaPolygon?: Polygon | MultiPolygon;
  /** Dataset name shown in the layer panel. */
  datasetName: string;
  /** Defaults to now; tests pass a fixed time. */
  now?: () => Date;
}

export interface OsmLoadResult {
  dataset: FacilityDataset;
  facilities: Facility[];
  issues: DataIssue[];
  /** OSM objects in the answer that are not facilities we show. */
  ignoredCount: number;
}

/** Rejects with an OverpassError (see fetchOverpass) when the download fails. */
export async function loadOsmFacilities(area: OverpassArea, options: LoadOsmOptions): Promise<OsmLoadResult> {
  const json = await fetchOverpass(buildOverpassQuery(area), options);
  const retrievedAt = (options.now ?? (() => new Date()))().toISOString();
  const dataset = createOsmDataset(area, retrievedAt, options.datasetName);
  const parsed = parseOverpassResponse(json, dataset.id);
  const inside = options.areaPolygon === undefined ? filterInsideOverijssel(parsed.facilities) : filterInsidePolygon(parsed.facilities, options.areaPolygon);
  return { dataset, facilities: inside, issues: parsed.issues, ignoredCount: parsed.ignoredCount };
}

/** OSM changes slowly for these objects; a week keeps Overpass load low and data reasonably current. */
export const OSM_CACHE_MAX_AGE_DAYS = 7;

export function isOsmCacheFresh(fetchedAt: string, now: Date = new Date(), maxAgeDays = OSM_CACHE_MAX_AGE_DAYS): boolean {
  const fetched = Date.parse(fetchedAt);
  if (Number.isNaN(fetched)) return false;
  const ageMilliseconds = now.getTime() - fetched;
  return ageMilliseconds >= 0 && ageMilliseconds <= maxAgeDays * 24 * 60 * 60 * 1000;
}
