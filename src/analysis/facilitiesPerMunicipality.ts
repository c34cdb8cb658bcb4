// Counts facilities per category inside each municipality polygon (bounding-box test first, then point-in-polygon).

import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { FACILITY_CATEGORIES, type Facility, type FacilityCategory } from '../domain/facility';

export type CategoryCounts = Record<FacilityCategory, number>;

export function emptyCategoryCounts(): CategoryCounts {
  return Object.fromEntries(FACILITY_CATEGORIES.map((category) => [category, 0])) as CategoryCounts;
}

type MunicipalityArea = Feature<Polygon | MultiPolygon, { code: string }>;

/** Finds the municipality containing a point; build once, then ask many times. */
export function municipalityLocator(municipalities: readonly MunicipalityArea[]): (point: [number, number]) => string | null {
  const areas = municipalities.map((feature) => ({ feature, box: bbox(feature) }));
  return (point) => {
    const [lon, lat] = point;
    const area = areas.find(
      ({ feature, box }) => lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3] && booleanPointInPolygon(point, feature),
    );
    return area ? area.feature.properties.code : null;
  };
}

/** The facilities inside each municipality (every municipality present, possibly with an empty list). */
export function facilitiesPerMunicipality<F extends Facility>(facilities: readonly F[], municipalities: readonly MunicipalityArea[]): Map<string, F[]> {
  const locate = municipalityLocator(municipalities);
  const inside = new Map<string, F[]>(municipalities.map((feature) => [feature.properties.code, []]));
  for (const facility of facilities) {
    const code = locate(facility.location);
    if (code !== null) inside.get(code)!.push(facility);
  }
  return inside;
}

export function countByCategory(facilities: readonly Facility[]): CategoryCounts {
  const counts = emptyCategoryCounts();
  for (const facility of facilities) counts[facility.category]++;
  return counts;
}

export function countFacilitiesPerMunicipality(facilities: readonly Facility[], municipalities: readonly MunicipalityArea[]): Map<string, CategoryCounts> {
  const counts = new Map<string, CategoryCounts>();
  for (const [code, inside] of facilitiesPerMunicipality(facilities, municipalities)) counts.set(code, countByCategory(inside));
  return counts;
}
