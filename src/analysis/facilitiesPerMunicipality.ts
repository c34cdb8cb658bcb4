// Counts facilities per category inside each municipality polygon (bounding-box test first, then point-in-polygon).

import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { FACILITY_CATEGORIES, type Facility, type FacilityCategory } from '../domain/facility';

export type CategoryCounts = Record<FacilityCategory, number>;

export function emptyCategoryCounts(): CategoryCounts {
  return Object.fromEntries(FACILITY_CATEGORIES.map((category) => [category, 0])) as CategoryCounts;
}

export function countFacilitiesPerMunicipality(
  facilities: readonly Facility[],
  municipalities: ReadonlyArray<Feature<Polygon | MultiPolygon, { code: string }>>,
): Map<string, CategoryCounts> {
  const areas = municipalities.map((feature) => ({ feature, box: bbox(feature) }));
  const counts = new Map<string, CategoryCounts>(municipalities.map((feature) => [feature.properties.code, emptyCategoryCounts()]));
  for (const facility of facilities) {
    const [lon, lat] = facility.location;
    const area = areas.find(
      ({ feature, box }) => lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3] && booleanPointInPolygon(facility.location, feature),
    );
    if (area) counts.get(area.feature.properties.code)![facility.category]++;
  }
  return counts;
}
