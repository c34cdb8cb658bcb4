// A synthetic, seeded facility CSV of the size planners actually have (issue 7 point 6: a 31.5 MB
// file of 430,187 rows): points inside the province outline, Dutch Excel style (`;`, decimal comma,
// CRLF). Made-up names and addresses; never committed — generated in memory or into a temp folder.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { OVERIJSSEL_BOUNDS } from '../../src/domain/geography';
import { seededRandom } from './seededRandom';

/** The row count of the file in the issue. */
export const ISSUE_ROW_COUNT = 430_187;

const CATEGORY_WORDS = ['verpleeghuis', 'woonzorgcentrum', 'huisarts', 'apotheek', 'supermarkt', 'bushalte', 'buurthuis', 'overig'];
const STREETS = ['Dorpsstraat', 'Kerkstraat', 'Stationsweg', 'Molenweg', 'Schoolstraat', 'Esweg', 'Hoofdstraat', 'Beukenlaan'];
const TOWNS = ['Zwolle', 'Deventer', 'Enschede', 'Hengelo', 'Almelo', 'Kampen', 'Raalte', 'Ommen', 'Hardenberg', 'Oldenzaal'];

export interface LargeCsvOptions {
  rows?: number;
  seed?: number;
  /** Share of rows with an unknown category word, rejected by the import with a reason. */
  rejectedShare?: number;
}

export interface LargeCsv {
  text: string;
  rows: number;
  /** Rows the import should accept (known category, point inside the province). */
  expectedAccepted: number;
}

function provinceOutline(): FeatureCollection<Polygon | MultiPolygon> {
  const path = resolve(import.meta.dirname, '../../geo/boundaries/overijssel-provincie-cbs-2026.geojson');
  return JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
}

const GRID = 256;

/**
 * Point-in-province test, exact and fast: a grid over the bounding box marks cells that no outline
 * edge touches as wholly inside or outside; only points in cells an edge crosses get the full test.
 */
function provinceTest(province: Feature<Polygon | MultiPolygon>): (lon: number, lat: number) => boolean {
  const [west, south, east, north] = OVERIJSSEL_BOUNDS;
  const cellWidth = (east - west) / GRID;
  const cellHeight = (north - south) / GRID;
  const column = (lon: number) => Math.min(GRID - 1, Math.max(0, Math.floor((lon - west) / cellWidth)));
  const row = (lat: number) => Math.min(GRID - 1, Math.max(0, Math.floor((lat - south) / cellHeight)));
  const edgeCells = new Uint8Array(GRID * GRID);
  const polygons = province.geometry.type === 'Polygon' ? [province.geometry.coordinates] : province.geometry.coordinates;
  for (const ring of polygons.flat()) {
    for (let index = 1; index < ring.length; index += 1) {
      const [x1, y1] = ring[index - 1] as [number, number];
      const [x2, y2] = ring[index] as [number, number];
      for (let r = row(Math.min(y1, y2)); r <= row(Math.max(y1, y2)); r += 1) {
        for (let c = column(Math.min(x1, x2)); c <= column(Math.max(x1, x2)); c += 1) edgeCells[r * GRID + c] = 1;
      }
    }
  }
  const inside = new Int8Array(GRID * GRID).fill(-1);
  return (lon, lat) => {
    const cell = row(lat) * GRID + column(lon);
    if (edgeCells[cell] === 1) return booleanPointInPolygon([lon, lat], province);
    if (inside[cell] === -1) inside[cell] = booleanPointInPolygon([west + (column(lon) + 0.5) * cellWidth, south + (row(lat) + 0.5) * cellHeight], province) ? 1 : 0;
    return inside[cell] === 1;
  };
}

function roundSix(value: number): number {
  return Number(value.toFixed(6));
}

function decimalComma(value: number): string {
  return value.toFixed(6).replace('.', ',');
}

/** Builds the CSV text; ~73 bytes a row, so the issue's row count gives ~31 MB. */
export function largeFacilityCsv({ rows = ISSUE_ROW_COUNT, seed = 20261201, rejectedShare = 0.01 }: LargeCsvOptions = {}): LargeCsv {
  const random = seededRandom(seed);
  const isInside = provinceTest(provinceOutline().features[0]!);
  const [west, south, east, north] = OVERIJSSEL_BOUNDS;
  const lines: string[] = ['naam;categorie;adres;lat;lon'];
  let expectedAccepted = 0;
  for (let row = 1; row <= rows; row += 1) {
    // rounded to the six decimals the file holds, so the inside test sees what the import reads
    let lon = roundSix(west + random() * (east - west));
    let lat = roundSix(south + random() * (north - south));
    while (!isInside(lon, lat)) {
      lon = roundSix(west + random() * (east - west));
      lat = roundSix(south + random() * (north - south));
    }
    const rejected = random() < rejectedShare;
    const category = rejected ? 'bakkerij' : CATEGORY_WORDS[Math.floor(random() * CATEGORY_WORDS.length)]!;
    if (!rejected) expectedAccepted += 1;
    const address = `${STREETS[row % STREETS.length]} ${1 + (row % 180)}, ${TOWNS[row % TOWNS.length]}`;
    lines.push(`Testvoorziening ${row};${category};${address};${decimalComma(lat)};${decimalComma(lon)}`);
  }
  return { text: lines.join('\r\n') + '\r\n', rows, expectedAccepted };
}
