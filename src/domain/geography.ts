// Municipalities, regions and the geographic frame of Overijssel.

import type { SourceId } from './source';

export type RegionId = 'west-overijssel' | 'twente';

/** CBS municipality code, e.g. 'GM0193' (Zwolle). */
export type MunicipalityCode = string;

export interface Municipality {
  code: MunicipalityCode;
  /** CBS spelling, e.g. 'Hengelo (O.)'. */
  name: string;
  region: RegionId;
  /** Inhabitants (CBS Kerncijfers wijken en buurten 2024); null when unknown. */
  inhabitants: number | null;
  inhabitantsSource: SourceId;
}

/** [west, south, east, north] in WGS84 degrees. */
export type BoundingBox = [number, number, number, number];

/** Overijssel's bounding box as given by the geo-sources provenance (all files lie inside it). */
export const OVERIJSSEL_BOUNDS: BoundingBox = [5.777, 52.118, 7.073, 52.855];

/**
 * How far the map may be panned around Overijssel. Wide enough that a tall, narrow map (a projector
 * with both panels open) can zoom out to the whole province, and that a wide presentation screen can
 * show it off-centre between its panels (MapLibre zooms in rather than show beyond this box); a
 * shared link's centre outside it is junk.
 */
export const MAP_PAN_BOUNDS: BoundingBox = [2.0, 50.5, 11.0, 54.5];

export function isInsideBounds([lon, lat]: [number, number], bounds: BoundingBox = OVERIJSSEL_BOUNDS): boolean {
  return lon >= bounds[0] && lon <= bounds[2] && lat >= bounds[1] && lat <= bounds[3];
}

/**
 * The 25 municipalities of Overijssel with their CBS codes and spellings (CBS Gebiedsindelingen 2026;
 * no mergers from 2023 to 2026, so the same codes hold for the 2024 and 2025 data). Used to check
 * the municipality codes in every dataset.
 */
export const OVERIJSSEL_MUNICIPALITY_NAMES: Readonly<Record<MunicipalityCode, string>> = Object.freeze({
  GM0141: 'Almelo',
  GM0147: 'Borne',
  GM0148: 'Dalfsen',
  GM0150: 'Deventer',
  GM0153: 'Enschede',
  GM0158: 'Haaksbergen',
  GM0160: 'Hardenberg',
  GM0163: 'Hellendoorn',
  GM0164: 'Hengelo (O.)',
  GM0166: 'Kampen',
  GM0168: 'Losser',
  GM0173: 'Oldenzaal',
  GM0175: 'Ommen',
  GM0177: 'Raalte',
  GM0180: 'Staphorst',
  GM0183: 'Tubbergen',
  GM0189: 'Wierden',
  GM0193: 'Zwolle',
  GM1700: 'Twenterand',
  GM1708: 'Steenwijkerland',
  GM1735: 'Hof van Twente',
  GM1742: 'Rijssen-Holten',
  GM1773: 'Olst-Wijhe',
  GM1774: 'Dinkelland',
  GM1896: 'Zwartewaterland',
});

/**
 * A municipality's name as the map writes it: without the province suffix that tells it apart from a
 * namesake elsewhere ("Hengelo (O.)" → "Hengelo"). A map of Overijssel alone has no namesake, and the
 * shorter name lets all 25 names fit beside each other at the province overview. Lists and panels keep
 * the official name.
 */
export function mapLabelName(name: string): string {
  return name.replace(/\s*\([^()]*\)\s*$/, '') || name;
}

export function isOverijsselMunicipalityCode(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(OVERIJSSEL_MUNICIPALITY_NAMES, code);
}

export const REGION_IDS: readonly RegionId[] = ['west-overijssel', 'twente'];

/** What a region panel can show: one of the two regions, or the whole province. */
export type AreaId = RegionId | 'overijssel';
export const AREA_IDS: readonly AreaId[] = ['overijssel', ...REGION_IDS];

export function isInArea(municipality: Pick<Municipality, 'region'>, area: AreaId): boolean {
  return area === 'overijssel' || municipality.region === area;
}
