// What the reachability worker answers for woonservicegebieden: the zones of the active definition,
// their number and area per municipality, and per site (key project, scenario site) whether it lies
// in a zone and, per element the definition requires, the nearest facility and its distance.
// Pure: Node tests call it directly.

import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { FacilityCategory } from '../domain/facility';
import { zoneCategoryDistances, type ZoneDefinition } from '../domain/serviceZones';
import type { FacilityIndex } from './facilityIndex';
import { buildServiceZones, zoneMembership, zonePointsFromIndex, type ZoneSet } from './serviceZones';
import { zonesPerMunicipality, type MunicipalityZoneFigures } from './zoneMunicipalities';

export interface ZoneSite {
  id: string;
  location: [number, number];
}

export interface ZoneElementDistance {
  category: FacilityCategory;
  maxDistanceMeters: number;
  /** Straight-line distance to the nearest loaded facility of the category, or null when none is loaded. */
  nearestMeters: number | null;
  nearestFacilityId: string | null;
}

export interface ZoneSiteVerdict {
  id: string;
  /** Inside a computed zone (the polygon); a drawn zone is judged on the UI thread. */
  insideZone: boolean;
  /** Every element the definition requires (24-hour care first), with the nearest loaded facility. */
  elements: ZoneElementDistance[];
}

export interface ZoneAnalysis {
  zoneSet: ZoneSet;
  perMunicipality: MunicipalityZoneFigures[];
  sites: ZoneSiteVerdict[];
  /** Milliseconds the zone construction took in the worker. */
  buildMilliseconds: number;
}

export function analyseZones(
  index: FacilityIndex,
  definition: ZoneDefinition,
  sites: readonly ZoneSite[],
  municipalities: readonly Feature<Polygon | MultiPolygon, { code: string }>[],
): ZoneAnalysis {
  const started = performance.now();
  const zoneSet = buildServiceZones(zonePointsFromIndex(index, definition), definition);
  const buildMilliseconds = performance.now() - started;
  const perMunicipality = municipalities.length > 0 ? zonesPerMunicipality(zoneSet.zones, municipalities) : [];
  const membership = zoneMembership(zoneSet.zones);
  const needed = zoneCategoryDistances(definition);
  const verdicts = sites.map((site): ZoneSiteVerdict => ({
    id: site.id,
    insideZone: membership(site.location) === 'inside',
    elements: needed.map(({ category, maxDistanceMeters }) => {
      const nearest = index.nearest(category, site.location);
      return { category, maxDistanceMeters, nearestMeters: nearest ? nearest.distanceMeters : null, nearestFacilityId: nearest ? nearest.facilityId : null };
    }),
  }));
  return { zoneSet, perMunicipality, sites: verdicts, buildMilliseconds };
}

/** The zones as a GeoJSON file, with the definition and the data used (datasets, their coverage, when). */
export function zoneExportCollection(
  analysis: ZoneAnalysis,
  definition: ZoneDefinition,
  datasets: readonly { name: string; source: string; licence: string; retrievedAt: string; completeness: unknown; hidden: boolean }[],
  createdAt: string,
): Record<string, unknown> {
  return {
    type: 'FeatureCollection',
    name: 'woonservicegebieden',
    createdAt,
    definition,
    method: `straight-line (haversine) distances; polygon edges within ${analysis.zoneSet.toleranceMeters} m of the true circle arcs`,
    careLocationCount: analysis.zoneSet.careLocationCount,
    emptyCategories: analysis.zoneSet.emptyCategories,
    perMunicipality: analysis.perMunicipality,
    datasets: datasets.filter((dataset) => !dataset.hidden).map(({ name, source, licence, retrievedAt, completeness }) => ({ name, source, licence, retrievedAt, completeness })),
    features: analysis.zoneSet.zones,
  };
}
