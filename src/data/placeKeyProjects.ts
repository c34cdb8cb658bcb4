// Derives an approximate location for each key project from its placeHint and its own name, deterministically
// and never more precisely than the name allows: a station area at the town's railway station, a town centre at
// the town's centre district, else the district point, the town point, or a point inside the municipality.
// The rules are documented for users in geo/woondeal/README.md ("placeHint: how a project gets a place").

import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { DataIssue, Validated } from '../domain/dataIssue';
import type { KeyProject, LocationPrecision, NameRule, PlacedKeyProject } from '../domain/keyProject';
import { DISTRICT_PLACE_TYPES, type Place, type PlaceHint, type PlaceType } from '../domain/place';
import type { SourceId } from '../domain/source';
import type { MunicipalityBoundary } from './parseMunicipalityBoundaries';
import type { BuiltUpArea } from './parsePlaces';

/** A named railway station (DOVA Centraal Halte Bestand). */
export interface NamedStation {
  name: string;
  /** [lon, lat] WGS84. */
  location: [number, number];
}

export interface PlaceKeyProjectsOptions {
  /** Built-up areas (TOP10NL woonkernen/deelkernen): where a town's station and centre district are looked for. */
  builtUpAreas?: readonly BuiltUpArea[];
  /** Railway stations: where a station area is placed. */
  stations?: readonly NamedStation[];
  /** Source of the places file (default 'top10nl-plaatsen-2025'). */
  placesSource?: SourceId;
  /** Source of the municipal polygons (default 'cbs-gemeenten-2026'). */
  boundariesSource?: SourceId;
  /** Source of the stations (default 'chb-treinstations-2026'). */
  stationsSource?: SourceId;
  /** Label of the places data used in `placedAt` (default 'TOP10NL 2025'). */
  placesLabel?: string;
  /** Label of the station data used in `placedAt` (default 'DOVA CHB 2026'). */
  stationsLabel?: string;
  /** File name used in DataIssues (default 'placeKeyProjects'). */
  file?: string;
}

/** Words of a project name that make it a station area. */
export const STATION_AREA_WORDS: readonly string[] = ['station', 'stationsgebied', 'stationsomgeving', 'stationskwartier', 'spoorzone'];
/** Words of a project name that make it the town centre ("hart" as in "warm hart", "stadshart"). */
export const TOWN_CENTRE_WORDS: readonly string[] = ['centrum', 'stadscentrum', 'dorpscentrum', 'binnenstad', 'stadshart', 'dorpshart', 'hart'];
/** TOP10NL district names that mean a town's centre. */
export const CENTRE_DISTRICT_NAMES: readonly string[] = ['centrum', 'binnenstad'];
/** Centre district types tried in this order: a wijk before a stadsdeel or buurt of the same name. */
const CENTRE_DISTRICT_TYPES: readonly PlaceType[] = ['wijk', 'stadsdeel', 'buurt'];

/** Place types tried in order for each hint precision: a town is a woonkern, else a deelkern. */
const TYPES_BY_PRECISION: Record<PlaceHint['precision'], readonly (readonly PlaceType[])[]> = {
  district: [DISTRICT_PLACE_TYPES],
  town: [['woonkern'], ['deelkern']],
};

type KeyProjectWithHint = KeyProject & { placeHint?: PlaceHint | null };

/** The words of a name, lower case: "Olst-Zuid Project" → olst, zuid, project. */
function nameWords(name: string): string[] {
  return name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

/** What the project's name says beyond its town: a station area, the town centre, or nothing. Station wins. */
export function nameRuleOf(name: string): NameRule | null {
  const words = nameWords(name);
  if (words.some((word) => STATION_AREA_WORDS.includes(word))) return 'station';
  if (words.some((word) => TOWN_CENTRE_WORDS.includes(word))) return 'centre';
  return null;
}

/**
 * Places every project within its own municipality (names repeat across municipalities, e.g. 'Centrum').
 * A hint that matches no place, or more than one, falls back to municipality level and yields an issue.
 * A town hint is refined by the name: a station area goes to the town's station, a centre to the town's
 * centre district; when the data holds no such station or district, the town point stays and says so.
 * Municipality level uses turf's pointOnFeature of the municipal polygon (its centroid when that lies
 * inside, else a point on the surface): a neutral point that does not suggest a particular town.
 */
export function placeKeyProjects(
  projects: readonly KeyProjectWithHint[],
  places: readonly Place[],
  municipalityBoundaries: readonly MunicipalityBoundary[],
  options: PlaceKeyProjectsOptions = {},
): Validated<PlacedKeyProject> {
  const placesSource = options.placesSource ?? 'top10nl-plaatsen-2025';
  const boundariesSource = options.boundariesSource ?? 'cbs-gemeenten-2026';
  const stationsSource = options.stationsSource ?? 'chb-treinstations-2026';
  const placesLabel = options.placesLabel ?? 'TOP10NL 2025';
  const stationsLabel = options.stationsLabel ?? 'DOVA CHB 2026';
  const file = options.file ?? 'placeKeyProjects';
  const builtUpAreaById = new Map((options.builtUpAreas ?? []).map((area) => [area.properties.id, area]));
  const stations = options.stations ?? [];
  const boundaryByCode = new Map(municipalityBoundaries.map((boundary) => [boundary.properties.code, boundary]));
  const interiorPointByCode = new Map<string, [number, number]>();
  const items: PlacedKeyProject[] = [];
  const issues: DataIssue[] = [];

  for (const project of projects) {
    const boundary = boundaryByCode.get(project.municipalityCode);
    if (!boundary) {
      issues.push({ code: 'data.placeMunicipalityMissing', file, record: project.id, params: { value: project.municipalityCode } });
      continue;
    }
    const hint = project.placeHint ?? null;
    const match = hint ? findHintedPlace(hint, project.municipalityCode, places, boundary) : null;
    if (hint && match && 'problem' in match) {
      issues.push({ code: match.problem, file, record: project.id, params: { place: hint.name, count: match.count } });
    }
    if (hint && match && 'place' in match) {
      const { place } = match;
      const rule = hint.precision === 'town' ? nameRuleOf(project.name) : null;
      const area = builtUpAreaById.get(place.id);
      if (rule === 'station' && area) {
        const station = findTownStation(place.name, area, boundary, stations);
        if (station) {
          items.push(
            placed(project, station.location, 'station', `station ${station.name} (${stationsLabel})`, stationsSource, {
              kind: 'station', stationName: station.name, townName: place.name,
            }),
          );
          continue;
        }
      }
      if (rule === 'centre' && area) {
        const centre = findCentreDistrict(project.municipalityCode, area, places);
        if (centre) {
          items.push(
            placed(project, centre.location, 'centre', `${centre.type} ${centre.name} in kern ${place.name} (${placesLabel})`, placesSource, {
              kind: 'centre', placeId: centre.id, placeName: centre.name, placeType: centre.type, townName: place.name,
            }),
          );
          continue;
        }
      }
      items.push(
        placed(project, place.location, hint.precision, `${place.name} (${place.type}, ${placesLabel})`, placesSource, {
          kind: 'place', placeId: place.id, placeName: place.name, placeType: place.type, ...(rule ? { nameRuleUnmet: rule } : {}),
        }),
      );
      continue;
    }
    let interior = interiorPointByCode.get(project.municipalityCode);
    if (!interior) {
      const [lon, lat] = pointOnFeature(boundary).geometry.coordinates as [number, number];
      // Rounded to the 6 decimals (about 0.1 m) of the source files, so results carry no float noise.
      interior = [roundTo6Decimals(lon), roundTo6Decimals(lat)];
      interiorPointByCode.set(project.municipalityCode, interior);
    }
    const municipalityName = boundary.properties.name;
    items.push(placed(project, interior, 'municipality', `${municipalityName} (gemeente)`, boundariesSource, { kind: 'municipalityInterior', municipalityName }));
  }
  return { items, issues };
}

type HintMatch = { place: Place } | { problem: 'data.placeHintNotFound' | 'data.placeHintAmbiguous'; count: number };

function findHintedPlace(hint: PlaceHint, municipalityCode: string, places: readonly Place[], boundary: MunicipalityBoundary): HintMatch {
  const named = places.filter(
    (place) => place.municipalityCode === municipalityCode && place.name === hint.name && booleanPointInPolygon(place.location, boundary),
  );
  for (const types of TYPES_BY_PRECISION[hint.precision]) {
    const candidates = named.filter((place) => types.includes(place.type));
    if (candidates.length === 1 && candidates[0]) return { place: candidates[0] };
    if (candidates.length > 1) return { problem: 'data.placeHintAmbiguous', count: candidates.length };
  }
  return { problem: 'data.placeHintNotFound', count: 0 };
}

/**
 * The town's station: the one station in the municipality named exactly as the town ("Zwolle", not
 * "Zwolle Stadshagen"), else the only station inside the town's built-up area; none when that is not one.
 */
function findTownStation(townName: string, area: BuiltUpArea, boundary: MunicipalityBoundary, stations: readonly NamedStation[]): NamedStation | null {
  const sameName = stations.filter(
    (station) => station.name.toLowerCase() === townName.toLowerCase() && booleanPointInPolygon(station.location, boundary),
  );
  if (sameName.length === 1 && sameName[0]) return sameName[0];
  if (sameName.length > 1) return null;
  const inside = stations.filter((station) => booleanPointInPolygon(station.location, area));
  return inside.length === 1 && inside[0] ? inside[0] : null;
}

/** The town's centre district: a wijk (else stadsdeel, else buurt) named Centrum or Binnenstad inside its built-up area, if exactly one. */
function findCentreDistrict(municipalityCode: string, area: BuiltUpArea, places: readonly Place[]): Place | null {
  const named = places.filter(
    (place) =>
      place.municipalityCode === municipalityCode &&
      CENTRE_DISTRICT_NAMES.includes(place.name.toLowerCase()) &&
      booleanPointInPolygon(place.location, area),
  );
  for (const type of CENTRE_DISTRICT_TYPES) {
    const candidates = named.filter((place) => place.type === type);
    if (candidates.length === 1 && candidates[0]) return candidates[0];
    if (candidates.length > 1) return null;
  }
  return null;
}

function placed(
  project: KeyProjectWithHint,
  location: [number, number],
  locationPrecision: LocationPrecision,
  placedAt: string,
  placedSource: SourceId,
  placement: PlacedKeyProject['placement'],
): PlacedKeyProject {
  return { ...project, location, locationPrecision, placedAt, placedSource, ...(placement ? { placement } : {}) };
}

function roundTo6Decimals(degrees: number): number {
  return Math.round(degrees * 1e6) / 1e6;
}
