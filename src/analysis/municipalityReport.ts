// Pure parts of the PDF report per municipality: the area to show on its map, and the reachability
// summary of its key projects (how many meet the norms per housing type, kept apart from "no data").

import type { Geometry, Position } from 'geojson';
import type { BoundingBox } from '../domain/geography';
import { HOUSING_TYPES, type HousingType } from '../domain/housing';
import type { ReachabilityRow, Verdict } from './reachability';

/** The bounding box of a polygon or multipolygon, widened by `margin` (a share of its size) on every side. */
export function geometryBounds(geometry: Geometry, margin = 0.06): BoundingBox | null {
  const positions: Position[] =
    geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.type === 'MultiPolygon' ? geometry.coordinates.flat(2) : geometry.type === 'Point' ? [geometry.coordinates] : [];
  if (positions.length === 0) return null;
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of positions as Array<[number, number]>) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const dx = Math.max(east - west, 0.01) * margin;
  const dy = Math.max(north - south, 0.01) * margin;
  return [west - dx, south - dy, east + dx, north + dy];
}

export type VerdictCounts = Record<Verdict, number>;

/** Per housing type: how many of the given sites meet the norms, do not, or cannot be judged. */
export function verdictCounts(rows: readonly ReachabilityRow[], siteIds: ReadonlySet<string>): Record<HousingType, VerdictCounts> {
  const counts = Object.fromEntries(HOUSING_TYPES.map((type) => [type, { met: 0, notMet: 0, noData: 0 }])) as Record<HousingType, VerdictCounts>;
  for (const row of rows) {
    if (!siteIds.has(row.siteId)) continue;
    for (const type of HOUSING_TYPES) counts[type][row.reachability.housingTypes[type].verdict] += 1;
  }
  return counts;
}
