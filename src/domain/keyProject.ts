// Sleutelprojecten (key housing projects) of the Woondeal West-Overijssel, Bijlage 1 of the Actualisatie Woondeal West-Overijssel 2025 t/m eind 2030.

import type { MunicipalityCode } from './geography';
import type { PlaceHint } from './place';
import type { SourceId } from './source';

/**
 * How precisely a project's location is known; none is exact. 'station' = at the railway station of the
 * town its name gives (a station area); 'centre' = at the centre district of the town its name gives.
 */
export const LOCATION_PRECISIONS = ['station', 'centre', 'district', 'town', 'municipality'] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];
/** A published approximation, or 'planner': placed exactly by the planner in a draft scenario (never from the source). */
export type PlacementPrecision = LocationPrecision | 'planner';

export interface KeyProject {
  /** Stable slug, e.g. 'zwolle-uitbreiding-stadshagen'. */
  id: string;
  municipalityCode: MunicipalityCode;
  /** Municipality as printed in the row (the source misspells one as 'Zwarterwaterland'). */
  municipalityAsPrinted: string;
  name: string;
  /** 'bestaand' = already a key project in Woondeal 2022; 'nieuw' = added at the 2025 update. */
  status: 'bestaand' | 'nieuw';
  /** Homes as fixed in Woondeal 2022; null where the table prints '-'. */
  homesWoondeal2022: number | null;
  /** Homes 2024 up to end 2030 after the update; null where '-'. */
  homes2024To2030: number | null;
  /** Outlook: homes after 2030; null where '-'. */
  homesAfter2030: number | null;
  /** false for the two rows marked '*': outlook only, not a key project of the update. */
  countsAsKeyProject: boolean;
  /** The named place the project's name gives; null = only the municipality is known. */
  placeHint?: PlaceHint | null;
  source: SourceId;
}

/** A key project with a derived, approximate location. */
export interface PlacedKeyProject extends KeyProject {
  /** [lon, lat] WGS84. Approximate unless locationPrecision is 'planner': see locationPrecision. */
  location: [number, number];
  locationPrecision: PlacementPrecision;
  /** The named place used, e.g. "Stadshagen (wijk, TOP10NL)", or the municipality. */
  placedAt: string;
  placedSource: SourceId;
  /** How the location was found, so the UI can explain it in the user's language. */
  placement?: KeyProjectPlacement;
}

export type KeyProjectPlacement =
  | {
      kind: 'place';
      placeId: string;
      placeName: string;
      placeType: string;
      /** The name asks for a station or a town centre, but the data holds none for this town: placed on the town. */
      nameRuleUnmet?: NameRule;
    }
  | { kind: 'station'; stationName: string; townName: string }
  | { kind: 'centre'; placeId: string; placeName: string; placeType: string; townName: string }
  | { kind: 'municipalityInterior'; municipalityName: string };

/** What a project's name says beyond its town: a station area or the town centre. */
export type NameRule = 'station' | 'centre';
