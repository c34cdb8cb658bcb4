// placeKeyProjects: district point, else town point, else a point inside the municipality; always inside
// the project's own municipality.

import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseKeyProjects, type TranscribedKeyProject } from '../../../src/data/parseKeyProjects';
import { parseMunicipalityBoundaries, type MunicipalityBoundary } from '../../../src/data/parseMunicipalityBoundaries';
import { parsePlaces } from '../../../src/data/parsePlaces';
import { placeKeyProjects } from '../../../src/data/placeKeyProjects';
import type { Place, PlaceHint } from '../../../src/domain/place';
import { readGeoJson } from './geoFiles';

const PLACES_FILE = '/geo/places/overijssel-plaatsen-top10nl-2025.geojson';
const BOUNDARIES_FILE = '/geo/boundaries/overijssel-gemeenten-cbs-2026.geojson';

function realInputs(): { projects: TranscribedKeyProject[]; places: Place[]; boundaries: MunicipalityBoundary[] } {
  return {
    projects: parseKeyProjects(readGeoJson('/geo/woondeal/sleutelprojecten.json'), 'sleutelprojecten').value.projects,
    places: parsePlaces(readGeoJson(PLACES_FILE), PLACES_FILE).items,
    boundaries: parseMunicipalityBoundaries(readGeoJson(BOUNDARIES_FILE), BOUNDARIES_FILE).items,
  };
}

/** The raw point of a named place straight from the GeoJSON file, without the parser. */
function rawPlacePoint(name: string, type: string, municipalityCode: string): number[] {
  const collection = readGeoJson(PLACES_FILE) as { features: { properties: Record<string, unknown>; geometry: { coordinates: number[] } }[] };
  const feature = collection.features.find(
    (candidate) => candidate.properties.naam === name && candidate.properties.type === type && candidate.properties.gemeentecode === municipalityCode,
  );
  if (!feature) throw new Error(`no ${type} ${name} in ${municipalityCode}`);
  return feature.geometry.coordinates;
}

describe('placeKeyProjects on the embedded data', () => {
  it('puts Zwolle uitbreiding Stadshagen on the Stadshagen wijk point with precision district', () => {
    const { projects, places, boundaries } = realInputs();
    const stadshagen = placeKeyProjects(projects, places, boundaries).items.find((project) => project.id === 'zwolle-uitbreiding-stadshagen');
    expect(stadshagen?.locationPrecision).toBe('district');
    expect(stadshagen?.location).toEqual(rawPlacePoint('Stadshagen', 'wijk', 'GM0193'));
    expect(stadshagen?.placedAt).toBe('Stadshagen (wijk, TOP10NL 2025)');
  });

  it('puts a project named after a village on the woonkern, not the industriekern of the same name', () => {
    const { projects, places, boundaries } = realInputs();
    const drostenerf = placeKeyProjects(projects, places, boundaries).items.find((project) => project.id === 'kampen-ijsselmuiden-drostenerf');
    expect(drostenerf?.locationPrecision).toBe('town');
    expect(drostenerf?.location).toEqual(rawPlacePoint('IJsselmuiden', 'woonkern', 'GM0166'));
  });

  it('gives Kleine kernen only municipality precision', () => {
    const { projects, places, boundaries } = realInputs();
    const kleineKernen = placeKeyProjects(projects, places, boundaries).items.find((project) => project.id === 'hardenberg-kleine-kernen');
    expect(kleineKernen?.locationPrecision).toBe('municipality');
    expect(kleineKernen?.placedSource).toBe('cbs-gemeenten-2026');
  });

  it('places Zwolle Spoorzone at town level: it is not a district in the places file', () => {
    const { projects, places, boundaries } = realInputs();
    const spoorzone = placeKeyProjects(projects, places, boundaries).items.find((project) => project.id === 'zwolle-spoorzone');
    expect(spoorzone?.locationPrecision).toBe('town');
  });

  it('places all 52 rows, each inside its own municipality polygon', () => {
    const { projects, places, boundaries } = realInputs();
    const { items, issues } = placeKeyProjects(projects, places, boundaries);
    expect(issues).toEqual([]);
    expect(items).toHaveLength(52);
    const outside = items.filter((project) => {
      const boundary = boundaries.find((candidate) => candidate.properties.code === project.municipalityCode);
      return !boundary || !booleanPointInPolygon(project.location, boundary);
    });
    expect(outside.map((project) => project.id)).toEqual([]);
  });

  it('gives the same result on every run', () => {
    const { projects, places, boundaries } = realInputs();
    expect(placeKeyProjects(projects, places, boundaries)).toEqual(placeKeyProjects(projects, places, boundaries));
  });
});

describe('placeKeyProjects with small inputs', () => {
  const square = (west: number, south: number, sizeDegrees: number): Polygon => ({
    type: 'Polygon',
    coordinates: [[[west, south], [west + sizeDegrees, south], [west + sizeDegrees, south + sizeDegrees], [west, south + sizeDegrees], [west, south]]],
  });
  const boundary = (code: string, name: string, geometry: Polygon | MultiPolygon): MunicipalityBoundary => ({ type: 'Feature', geometry, properties: { code, name } });
  const place = (overrides: Partial<Place>): Place => ({ id: 'p', name: 'Centrum', type: 'wijk', inhabitants: null, municipalityCode: 'GM0001', location: [6.05, 52.45], ...overrides });
  const project = (placeHint: PlaceHint | null, municipalityCode = 'GM0001'): TranscribedKeyProject => ({
    id: 'test', row: 1, municipalityCode, municipalityAsPrinted: 'Test', name: 'Test', status: 'nieuw', statusAsPrinted: 'Nieuw',
    homesWoondeal2022: null, homes2024To2030: 100, homesAfter2030: null, countsAsKeyProject: true, placeHint, source: 'test',
  });
  const westTown = boundary('GM0001', 'West', square(6.0, 52.4, 0.1));
  const eastTown = boundary('GM0002', 'Oost', square(6.2, 52.4, 0.1));

  it('ignores a place of the same name in another municipality', () => {
    const elsewhere = place({ id: 'other', municipalityCode: 'GM0002', location: [6.25, 52.45] });
    const { items, issues } = placeKeyProjects([project({ name: 'Centrum', precision: 'district' })], [elsewhere], [westTown, eastTown]);
    expect(items[0]?.locationPrecision).toBe('municipality');
    expect(issues).toEqual([expect.objectContaining({ code: 'data.placeHintNotFound', record: 'test' })]);
  });

  it('falls back to municipality level when a district name occurs twice in the municipality', () => {
    const twins = [place({ id: 'a', location: [6.02, 52.42] }), place({ id: 'b', location: [6.08, 52.48] })];
    const { items, issues } = placeKeyProjects([project({ name: 'Centrum', precision: 'district' })], twins, [westTown]);
    expect(items[0]?.locationPrecision).toBe('municipality');
    expect(issues).toEqual([expect.objectContaining({ code: 'data.placeHintAmbiguous', params: { place: 'Centrum', count: 2 } })]);
  });

  it('does not take a wijk for a town hint', () => {
    const wijk = place({ name: 'Dorp', type: 'wijk' });
    const { items } = placeKeyProjects([project({ name: 'Dorp', precision: 'town' })], [wijk], [westTown]);
    expect(items[0]?.locationPrecision).toBe('municipality');
  });

  it('uses a point inside the municipality polygon when there is no hint', () => {
    const { items } = placeKeyProjects([project(null)], [], [westTown]);
    expect(items[0]?.location).toEqual([6.05, 52.45]);
    expect(items[0]?.placement).toEqual({ kind: 'municipalityInterior', municipalityName: 'West' });
  });

  it('reports a project whose municipality has no boundary', () => {
    const { items, issues } = placeKeyProjects([project(null, 'GM0003')], [], [westTown]);
    expect(items).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'data.placeMunicipalityMissing', record: 'test' })]);
  });
});
