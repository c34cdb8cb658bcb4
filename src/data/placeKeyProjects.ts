// Derives an approximate location for each key project from its placeHint, deterministically and never
// more precisely than the project's name allows: district point, else town point, else a point inside the municipality.

import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { DataIssue, Validated } from '../domain/dataIssue';
import type { KeyProject, LocationPrecision, PlacedKeyProject } from '../domain/keyProject';
import { DISTRICT_PLACE_TYPES, type Place, type PlaceHint, type PlaceType } from '../domain/place';
import type { SourceId } from '../domain/source';
import type { MunicipalityBoundary } from './parseMunicipalityBoundaries';

export interface PlaceKeyProjectsOptions {
  /** Source of the places file (default 'top10nl-plaatsen-2025'). */
  placesSource?: SourceId;
  /** Source of the municipal polygons (default 'cbs-gemeenten-2026'). */
  boundariesSource?: SourceId;
  /** Label of the places data used in `placedAt` (default 'TOP10NL 2025'). */
  placesLabel?: string;
  /** File name used in DataIssues (default 'placeKeyProjects'). */
  file?: string;
}

/** Place types tried in order for each hint precision: a town is a woonkern, else a deelkern. */
const TYPES_BY_PRECISION: Record<PlaceHint['precision'], readonly (readonly PlaceType[])[]> = {
  district: [DISTRICT_PLACE_TYPES],
  town: [['woonkern'], ['deelkern']],
};

type KeyProjectWithHint = KeyProject & { placeHint?: PlaceHint | null };

/**
 * Places every project within its own municipality (names repeat across municipalities, e.g. 'Centrum').
 * A hint that matches no place, or more than one, falls back to municipality level and yields an issue.
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
  const placesLabel = options.placesLabel ?? 'TOP10NL 2025';
  const file = options.file ?? 'placeKeyProjects';
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
      items.push(
        placed(project, place.location, hint.precision, `${place.name} (${place.type}, ${placesLabel})`, placesSource, {
          kind: 'place', placeId: place.id, placeName: place.name, placeType: place.type,
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
