// Counts facilities per category inside each municipality polygon (a grid for cells away from any boundary;
// near a boundary a bounding-box test first, then point-in-polygon on a slab index of each outline).

import { createAreaIndex } from './areaIndex';
import { pauseAt, runAtOnce, type Steps } from './slicedWork';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { FACILITY_CATEGORIES, type Facility, type FacilityCategory } from '../domain/facility';

export type CategoryCounts = Record<FacilityCategory, number>;

export function emptyCategoryCounts(): CategoryCounts {
  return Object.fromEntries(FACILITY_CATEGORIES.map((category) => [category, 0])) as CategoryCounts;
}

export type MunicipalityArea = Feature<Polygon | MultiPolygon, { code: string }>;

/** Grid cells per side over the municipalities' bounding box (≈ 400 m across Overijssel). */
const LOCATOR_GRID = 256;

/**
 * Finds the municipality containing a point; build once, then ask many times. A grid over the
 * bounding box answers most points at once: a cell that no boundary edge comes near lies wholly in
 * one municipality (or in none), so its answer is the answer for its centre, found once. Only
 * points in cells a boundary crosses get the full test (bounding box, then point-in-polygon), which
 * keeps counting 430,000 facilities far below a frame budget per chunk of work.
 */
export function municipalityLocator(municipalities: readonly MunicipalityArea[]): (point: [number, number]) => string | null {
  const areas = municipalities.map((feature) => {
    const index = createAreaIndex(feature.geometry);
    return { feature, index, box: index.bounds };
  });
  // Inside or on an edge, as turf's booleanPointInPolygon answers, through a slab index of each outline.
  const exact = (point: [number, number]): string | null => {
    const [lon, lat] = point;
    const area = areas.find(({ index, box }) => lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3] && index.covers(point));
    return area ? area.feature.properties.code : null;
  };
  if (areas.length === 0) return () => null;
  const west = Math.min(...areas.map(({ box }) => box[0]));
  const south = Math.min(...areas.map(({ box }) => box[1]));
  const east = Math.max(...areas.map(({ box }) => box[2]));
  const north = Math.max(...areas.map(({ box }) => box[3]));
  const cellWidth = (east - west) / LOCATOR_GRID || 1;
  const cellHeight = (north - south) / LOCATOR_GRID || 1;
  const column = (lon: number) => Math.min(LOCATOR_GRID - 1, Math.max(0, Math.floor((lon - west) / cellWidth)));
  const row = (lat: number) => Math.min(LOCATOR_GRID - 1, Math.max(0, Math.floor((lat - south) / cellHeight)));
  // Cells an edge's bounding box touches. A point on an edge falls in one of them: column() and row()
  // are monotonic, so the point's cell lies within the range of the edge's end points.
  const nearEdge = new Uint8Array(LOCATOR_GRID * LOCATOR_GRID);
  for (const { feature } of areas) {
    const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    for (const ring of polygons.flat()) {
      for (let index = 1; index < ring.length; index += 1) {
        const [x1, y1] = ring[index - 1] as [number, number];
        const [x2, y2] = ring[index] as [number, number];
        const rowEnd = row(Math.max(y1, y2));
        const columnEnd = column(Math.max(x1, x2));
        for (let r = row(Math.min(y1, y2)); r <= rowEnd; r += 1) {
          for (let c = column(Math.min(x1, x2)); c <= columnEnd; c += 1) nearEdge[r * LOCATOR_GRID + c] = 1;
        }
      }
    }
  }
  /** Answer per interior cell, filled on first use; undefined = not asked yet. */
  const cellAnswers = new Array<string | null | undefined>(LOCATOR_GRID * LOCATOR_GRID);
  return (point) => {
    const [lon, lat] = point;
    if (!(lon >= west && lon <= east && lat >= south && lat <= north)) return null;
    const c = column(lon);
    const r = row(lat);
    const cell = r * LOCATOR_GRID + c;
    if (nearEdge[cell] === 1) return exact(point);
    let answer = cellAnswers[cell];
    if (answer === undefined) {
      answer = exact([west + (c + 0.5) * cellWidth, south + (r + 0.5) * cellHeight]);
      cellAnswers[cell] = answer;
    }
    return answer;
  };
}

/** The facilities inside each municipality (every municipality present, possibly with an empty list). */
export function facilitiesPerMunicipality<F extends Facility>(facilities: readonly F[], municipalities: readonly MunicipalityArea[]): Map<string, F[]> {
  return runAtOnce(facilitiesPerMunicipalitySteps(facilities, municipalities, municipalityLocator(municipalities)));
}

/** facilitiesPerMunicipality with a locator built beforehand (the stores keep one), pausing every few thousand facilities. */
export function* facilitiesPerMunicipalitySteps<F extends Facility>(
  facilities: readonly F[],
  municipalities: readonly MunicipalityArea[],
  locate: (point: [number, number]) => string | null,
): Steps<Map<string, F[]>> {
  const inside = new Map<string, F[]>(municipalities.map((feature) => [feature.properties.code, []]));
  for (let index = 0; index < facilities.length; index++) {
    if (pauseAt(index)) yield;
    const facility = facilities[index]!;
    const code = locate(facility.location);
    if (code !== null) inside.get(code)?.push(facility);
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
