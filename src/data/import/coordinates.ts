// Coordinate handling for imports: detecting from the values whether two columns hold WGS84 lon/lat,
// swapped lat/lon or RD x/y, with the evidence. The conversion itself is in ./coordinateConversion.ts
// (it needs proj4, which only the import worker loads).

/**
 * How the two coordinate values of a record must be read:
 * - 'wgs84': first value longitude, second latitude;
 * - 'wgs84-swapped': first value latitude, second longitude (a common spreadsheet habit);
 * - 'rd': first value RD x, second RD y (metres);
 * - 'rd-swapped': first value RD y, second RD x.
 */
export type CoordinateSystem = 'wgs84' | 'wgs84-swapped' | 'rd' | 'rd-swapped';
export const COORDINATE_SYSTEMS: readonly CoordinateSystem[] = ['wgs84', 'wgs84-swapped', 'rd', 'rd-swapped'];

/** Value ranges that identify each reading. Overijssel's own ranges, so lon and lat cannot overlap. */
export const COORDINATE_RANGES = {
  wgs84Longitude: [5.7, 7.1],
  wgs84Latitude: [52.1, 52.9],
  rdX: [0, 300_000],
  rdY: [300_000, 625_000],
} as const;

function within(value: number, [low, high]: readonly [number, number]): boolean {
  return value >= low && value <= high;
}

/** Which readings a single pair of values fits. */
export function coordinateSystemsFitting(first: number, second: number): CoordinateSystem[] {
  const fitting: CoordinateSystem[] = [];
  if (within(first, COORDINATE_RANGES.wgs84Longitude) && within(second, COORDINATE_RANGES.wgs84Latitude)) fitting.push('wgs84');
  if (within(first, COORDINATE_RANGES.wgs84Latitude) && within(second, COORDINATE_RANGES.wgs84Longitude)) fitting.push('wgs84-swapped');
  if (within(first, COORDINATE_RANGES.rdX) && within(second, COORDINATE_RANGES.rdY)) fitting.push('rd');
  if (within(first, COORDINATE_RANGES.rdY) && within(second, COORDINATE_RANGES.rdX)) fitting.push('rd-swapped');
  return fitting;
}

/** What the column (or property) names suggest, independent of the values. */
export type ColumnNameHint = 'wgs84' | 'wgs84-swapped' | 'rd' | 'none';

/**
 * Where the hint comes from: CSV column names, a GeoJSON `crs` member naming the system, or the
 * GeoJSON standard itself (RFC 7946: always WGS84 lon/lat) when the file names none.
 */
export type HintSource = 'columnNames' | 'geojsonCrs' | 'geojsonStandard';

export interface CoordinateDetection {
  /** Best reading, or null when no reading fits at least half of the sampled records. */
  system: CoordinateSystem | null;
  /** True when the UI should ask the user to confirm before importing. */
  needsConfirmation: boolean;
  evidence: {
    sampledRecords: number;
    /** Records with two finite numbers among the sample. */
    numericRecords: number;
    /** Share (0–1) of numeric records fitting each reading. */
    fitShare: Record<CoordinateSystem, number>;
    firstRange: [number, number] | null;
    secondRange: [number, number] | null;
    columnNameHint: ColumnNameHint;
    hintSource: HintSource;
    /** True when the names (or the GeoJSON crs/standard) say one thing and the values another (e.g. RD values in "lat"/"lon"). */
    conflictsWithColumnNames: boolean;
  };
}

/** Reading is certain enough to skip confirmation when this share of records fits it. */
const CONFIDENT_SHARE = 0.95;
const MINIMUM_SHARE = 0.5;

/**
 * Detects how coordinate pairs are meant from their values (first = the x/longitude column as
 * mapped, second = the y/latitude column). Pairs with non-finite values are ignored here; the
 * record-level validation rejects them.
 */
export function detectCoordinateSystem(
  pairs: ReadonlyArray<readonly [number, number]>,
  columnNameHint: ColumnNameHint = 'none',
  hintSource: HintSource = 'columnNames',
): CoordinateDetection {
  const counts: Record<CoordinateSystem, number> = { wgs84: 0, 'wgs84-swapped': 0, rd: 0, 'rd-swapped': 0 };
  let numericRecords = 0;
  let firstRange: [number, number] | null = null;
  let secondRange: [number, number] | null = null;
  for (const [first, second] of pairs) {
    if (!Number.isFinite(first) || !Number.isFinite(second)) continue;
    numericRecords += 1;
    firstRange = firstRange ? [Math.min(firstRange[0], first), Math.max(firstRange[1], first)] : [first, first];
    secondRange = secondRange ? [Math.min(secondRange[0], second), Math.max(secondRange[1], second)] : [second, second];
    for (const system of coordinateSystemsFitting(first, second)) counts[system] += 1;
  }
  const fitShare = Object.fromEntries(
    COORDINATE_SYSTEMS.map((system) => [system, numericRecords === 0 ? 0 : counts[system] / numericRecords]),
  ) as Record<CoordinateSystem, number>;
  const best = COORDINATE_SYSTEMS.reduce((a, b) => (fitShare[b] > fitShare[a] ? b : a));
  const system = fitShare[best] >= MINIMUM_SHARE ? best : null;
  const conflictsWithColumnNames = system !== null && columnNameHint !== 'none' && !hintAgrees(columnNameHint, system);
  // A file that names its own system (GeoJSON crs), with values that fit it, needs no question.
  const declaredAndConfirmed = system !== null && hintSource === 'geojsonCrs' && columnNameHint !== 'none' && hintAgrees(columnNameHint, system);
  const needsConfirmation =
    system === null || (system !== 'wgs84' && !declaredAndConfirmed) || fitShare[system] < CONFIDENT_SHARE || conflictsWithColumnNames;
  return {
    system,
    needsConfirmation,
    evidence: { sampledRecords: pairs.length, numericRecords, fitShare, firstRange, secondRange, columnNameHint, hintSource, conflictsWithColumnNames },
  };
}

function hintAgrees(hint: ColumnNameHint, system: CoordinateSystem): boolean {
  if (hint === 'rd') return system === 'rd' || system === 'rd-swapped';
  return hint === system;
}

const LONGITUDE_NAMES = new Set(['lon', 'lng', 'long', 'longitude', 'lengtegraad', 'lengte']);
const LATITUDE_NAMES = new Set(['lat', 'latitude', 'breedtegraad', 'breedte']);
const RD_NAMES = new Set(['x', 'y', 'xcoord', 'ycoord', 'xcoordinaat', 'ycoordinaat', 'rdx', 'rdy', 'xrd', 'yrd', 'easting', 'northing']);

export function normaliseHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** What two column names say about their coordinate meaning (x/longitude column first). */
export function columnNameHint(firstColumn: string, secondColumn: string): ColumnNameHint {
  const first = normaliseHeader(firstColumn);
  const second = normaliseHeader(secondColumn);
  if (LONGITUDE_NAMES.has(first) && LATITUDE_NAMES.has(second)) return 'wgs84';
  if (LATITUDE_NAMES.has(first) && LONGITUDE_NAMES.has(second)) return 'wgs84-swapped';
  if (RD_NAMES.has(first) && RD_NAMES.has(second)) return 'rd';
  return 'none';
}
