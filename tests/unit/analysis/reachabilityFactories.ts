// Small, seeded test-data factories for the reachability tests: deterministic random points inside
// Overijssel's bounding box, facilities, and simple polygons.

import type { MultiPolygon, Polygon } from 'geojson';
import type { FacilityCategory } from '../../../src/domain/facility';
import { FACILITY_CATEGORIES } from '../../../src/domain/facility';
import type { PackedFacilities } from '../../../src/analysis/facilityIndex';
import type { ReachabilityCsvLabels } from '../../../src/analysis/reachabilityCsv';
import { seededRandom } from '../../support/seededRandom';

export { seededRandom };

export const BOX = { west: 5.777, south: 52.118, east: 7.073, north: 52.855 };

export function randomPoint(random: () => number): [number, number] {
  return [BOX.west + random() * (BOX.east - BOX.west), BOX.south + random() * (BOX.north - BOX.south)];
}

export function randomPoints(random: () => number, count: number): Float64Array {
  const points = new Float64Array(count * 2);
  for (let point = 0; point < count; point++) {
    const [lon, lat] = randomPoint(random);
    points[2 * point] = lon;
    points[2 * point + 1] = lat;
  }
  return points;
}

/** `count` facilities, category chosen at random from `categories`. */
export function randomPackedFacilities(
  random: () => number,
  count: number,
  categories: readonly FacilityCategory[] = FACILITY_CATEGORIES.slice(0, 6),
): PackedFacilities {
  const coordinates = randomPoints(random, count);
  const categoryCodes = new Uint8Array(count);
  const ids: string[] = [];
  for (let position = 0; position < count; position++) {
    const category = categories[Math.floor(random() * categories.length)]!;
    categoryCodes[position] = FACILITY_CATEGORIES.indexOf(category);
    ids.push(`test/${position}`);
  }
  return { ids, coordinates, categoryCodes };
}

export function packedFacilities(list: { id: string; category: FacilityCategory; location: [number, number] }[]): PackedFacilities {
  const coordinates = new Float64Array(list.length * 2);
  const categoryCodes = new Uint8Array(list.length);
  list.forEach((facility, position) => {
    coordinates[2 * position] = facility.location[0];
    coordinates[2 * position + 1] = facility.location[1];
    categoryCodes[position] = FACILITY_CATEGORIES.indexOf(facility.category);
  });
  return { ids: list.map((facility) => facility.id), coordinates, categoryCodes };
}

/** Axis-aligned rectangle polygon, counter-clockwise. */
export function rectangle(west: number, south: number, east: number, north: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

/** An L-shaped area with a rectangular hole, plus a separate island: exercises holes and multipolygons. */
export function lShapeWithHoleAndIsland(): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [6.0, 52.3],
          [6.3, 52.3],
          [6.3, 52.4],
          [6.1, 52.4],
          [6.1, 52.6],
          [6.0, 52.6],
          [6.0, 52.3],
        ],
        [
          [6.02, 52.32],
          [6.02, 52.36],
          [6.08, 52.36],
          [6.08, 52.32],
          [6.02, 52.32],
        ],
      ],
      [
        [
          [6.5, 52.5],
          [6.6, 52.5],
          [6.55, 52.58],
          [6.5, 52.5],
        ],
      ],
    ],
  };
}

/** Dutch-looking CSV labels for the reachability CSV tests (the app reads them from the catalogue). */
export const CSV_LABELS: ReachabilityCsvLabels = {
  siteId: 'Id',
  siteName: 'Locatie',
  outsideProvince: 'Buiten',
  yes: 'ja',
  no: 'nee',
  noData: 'geen gegevens',
  distanceColumn: '{category} (m)',
  walkingMinutesColumn: '{category} (min)',
  completeColumn: '{category} volledig',
  verdictColumn: 'Norm {housingType}',
  categories: {
    zorg24uur: 'Zorg',
    woonzorgcentrum: 'Wzc',
    huisarts: 'Huisarts',
    apotheek: 'Apotheek',
    supermarkt: 'Supermarkt',
    ovHalte: 'Halte',
    ontmoetingsplek: 'Ontmoeting',
    overig: 'Overig',
  },
  housingTypes: { nultreden: 'Nultreden', geclusterd: 'Geclusterd', zorggeschikt: 'Zorggeschikt' },
  verdicts: { met: 'voldoet', notMet: 'voldoet niet', noData: 'geen gegevens' },
};
