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

export function isInsideBounds([lon, lat]: [number, number], bounds: BoundingBox = OVERIJSSEL_BOUNDS): boolean {
  return lon >= bounds[0] && lon <= bounds[2] && lat >= bounds[1] && lat <= bounds[3];
}
