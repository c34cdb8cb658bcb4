// What the reachability worker answers for woonservicegebieden: the zones of the active definition,
// their number and area per municipality, and per site (key project, scenario site) whether it lies
// in a zone and, per element the definition requires, the nearest facility and its distance.
// Pure: Node tests call it directly.

import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { FacilityCategory } from '../domain/facility';
import { zoneCategoryDistances, type DrawnZone, type ZoneDefinition } from '../domain/serviceZones';
import type { FacilityIndex } from './facilityIndex';
import { buildServiceZones, drawnZoneFeature, zoneLocator, zonePointsFromIndex, type ZoneSet } from './serviceZones';
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
  /** Inside a zone, computed or drawn (the polygon, zoneLocator). */
  insideZone: boolean;
  /** The id of the zone it lies in (the first, computed zones before drawn ones), or null. */
  zoneId: string | null;
  /** Every element the definition requires (24-hour care first), with the nearest loaded facility. */
  elements: ZoneElementDistance[];
}

export interface ZoneAnalysis {
  /** The computed zones followed by the planner's drawn ones (origin 'getekend'). */
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
  drawnZones: readonly DrawnZone[] = [],
): ZoneAnalysis {
  const started = performance.now();
  const computed = buildServiceZones(zonePointsFromIndex(index, definition), definition);
  const buildMilliseconds = performance.now() - started;
  const zoneSet: ZoneSet = { ...computed, zones: [...computed.zones, ...drawnZones.map(drawnZoneFeature)] };
  const perMunicipality = municipalities.length > 0 ? zonesPerMunicipality(zoneSet.zones, municipalities) : [];
  const locate = zoneLocator(zoneSet.zones);
  const needed = zoneCategoryDistances(definition);
  const verdicts = sites.map((site): ZoneSiteVerdict => {
    const position = locate(site.location);
    return {
    id: site.id,
    insideZone: position >= 0,
    zoneId: position >= 0 ? zoneSet.zones[position]!.properties.id : null,
    elements: needed.map(({ category, maxDistanceMeters }) => {
      const nearest = index.nearest(category, site.location);
      return { category, maxDistanceMeters, nearestMeters: nearest ? nearest.distanceMeters : null, nearestFacilityId: nearest ? nearest.facilityId : null };
    }),
    };
  });
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
    method: `straight-line (haversine) distances; polygon edges within ${analysis.zoneSet.toleranceMeters} m of the true circle arcs; zones with origin 'getekend' were drawn by the planner`,
    careLocationCount: analysis.zoneSet.careLocationCount,
    emptyCategories: analysis.zoneSet.emptyCategories,
    perMunicipality: analysis.perMunicipality,
    datasets: datasets.filter((dataset) => !dataset.hidden).map(({ name, source, licence, retrievedAt, completeness }) => ({ name, source, licence, retrievedAt, completeness })),
    features: analysis.zoneSet.zones,
  };
}
