// Pure parts of the PDF report per municipality: the area to show on its map, the reachability
// summary of its key projects (how many meet the norms per housing type, kept apart from "no data"),
// and its woonservicegebieden summary (read from the zone coverage, not recomputed).

import type { Geometry, Position } from 'geojson';
import type { BoundingBox } from '../domain/geography';
import { HOUSING_TYPES, type HousingType } from '../domain/housing';
import type { ReachabilityRow, Verdict } from './reachability';
import type { AreaCoverage, KernCoverage, MunicipalityGap, ZoneCoverage } from './zoneCoverage';

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

export interface MunicipalityZoneSummary {
  /** Older people inside zones, outside, and in 'geen gegevens' cells, with the municipality's homes and kernen counts. */
  coverage: AreaCoverage;
  /** Kernen zonder woonservicegebied in the municipality, most 75+ first. */
  kernenWithout: KernCoverage[];
  gap: MunicipalityGap | null;
}

/** The zone coverage figures of one municipality; null when the coverage has no row for it. */
export function municipalityZoneSummary(coverage: ZoneCoverage, code: string): MunicipalityZoneSummary | null {
  const area = coverage.municipalities.find((row) => row.area.kind === 'municipality' && row.area.code === code);
  if (!area) return null;
  const kernenWithout = coverage.kernen
    .filter((kern) => kern.municipalityCode === code && kern.status === 'outside')
    .sort((a, b) => b.people['75plus'] - a.people['75plus'] || a.name.localeCompare(b.name));
  return { coverage: area, kernenWithout, gap: coverage.gap.municipalities.find((gap) => gap.code === code) ?? null };
}
