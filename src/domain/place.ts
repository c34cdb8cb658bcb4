// Named places (towns, villages, districts) from TOP10NL, used to place key projects and label the map.

import type { MunicipalityCode } from './geography';

/** TOP10NL typeGebied values present in the Overijssel places file. */
export const PLACE_TYPES = ['woonkern', 'deelkern', 'stadsdeel', 'wijk', 'buurt', 'buurtschap', 'gehucht', 'industriekern'] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

/** Place types that name a part of a town; a project named after one is placed with precision 'district'. */
export const DISTRICT_PLACE_TYPES: readonly PlaceType[] = ['stadsdeel', 'wijk', 'buurt'];

export interface Place {
  /** TOP10NL lokaalID. */
  id: string;
  name: string;
  type: PlaceType;
  /** Inhabitants registered on the file's reference date; null when TOP10NL gives none. */
  inhabitants: number | null;
  municipalityCode: MunicipalityCode;
  /** [lon, lat] WGS84, a point inside the place's built-up area. */
  location: [number, number];
}

/** The place a key project's own name points at, read by hand from the name (see geo/woondeal/README.md). */
export interface PlaceHint {
  name: string;
  /** 'district' = a wijk/stadsdeel/buurt; 'town' = a woonkern. */
  precision: 'district' | 'town';
}
