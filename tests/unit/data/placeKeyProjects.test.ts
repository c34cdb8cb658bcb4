// placeKeyProjects: station area at the town's station, town centre at its centre district, else district
// point, else town point, else a point inside the municipality; always inside the project's own municipality.

import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseKeyProjects, type TranscribedKeyProject } from '../../../src/data/parseKeyProjects';
import { parseMunicipalityBoundaries, type MunicipalityBoundary } from '../../../src/data/parseMunicipalityBoundaries';
import { parseBuiltUpAreas, parsePlaces, type BuiltUpArea } from '../../../src/data/parsePlaces';
import { nameRuleOf, placeKeyProjects, type NamedStation, type PlaceKeyProjectsOptions } from '../../../src/data/placeKeyProjects';
import { parseTrainStations } from '../../../src/data/trainStations';
import { sharedLocations } from '../../../src/analysis/sharedLocations';
import type { PlacedKeyProject } from '../../../src/domain/keyProject';
import type { Place, PlaceHint } from '../../../src/domain/place';
import { readGeoJson } from './geoFiles';

const PLACES_FILE = '/geo/places/overijssel-plaatsen-top10nl-2025.geojson';
const BUILT_UP_AREAS_FILE = '/geo/places/overijssel-kernen-top10nl-2025.geojson';
const STATIONS_FILE = '/geo/facilities/overijssel-treinstations-chb-2026.geojson';
const BOUNDARIES_FILE = '/geo/boundaries/overijssel-gemeenten-cbs-2026.geojson';

function realInputs(): {
  projects: TranscribedKeyProject[];
  places: Place[];
  boundaries: MunicipalityBoundary[];
  evidence: Pick<PlaceKeyProjectsOptions, 'builtUpAreas' | 'stations'>;
} {
  return {
    projects: parseKeyProjects(readGeoJson('/geo/woondeal/sleutelprojecten.json'), 'sleutelprojecten').value.projects,
    places: parsePlaces(readGeoJson(PLACES_FILE), PLACES_FILE).items,
    boundaries: parseMunicipalityBoundaries(readGeoJson(BOUNDARIES_FILE), BOUNDARIES_FILE).items,
    evidence: {
      builtUpAreas: parseBuiltUpAreas(readGeoJson(BUILT_UP_AREAS_FILE), BUILT_UP_AREAS_FILE).items,
      stations: parseTrainStations(readGeoJson(STATIONS_FILE), STATIONS_FILE).map(({ name, location }) => ({ name, location })),
    },
  };
}

/** All 52 rows placed with every piece of evidence the app ships. */
function placeAll(): PlacedKeyProject[] {
  const { projects, places, boundaries, evidence } = realInputs();
  return placeKeyProjects(projects, places, boundaries, evidence).items;
}

function byId(items: readonly PlacedKeyProject[], id: string): PlacedKeyProject {
  const found = items.find((project) => project.id === id);
  if (!found) throw new Error(`no project ${id}`);
  return found;
}

/** The raw point of a station straight from the GeoJSON file, without the parser. */
function rawStationPoint(name: string): number[] {
  const collection = readGeoJson(STATIONS_FILE) as { features: { properties: Record<string, unknown>; geometry: { coordinates: number[] } }[] };
  const feature = collection.features.find((candidate) => candidate.properties.naam === name);
  if (!feature) throw new Error(`no station ${name}`);
  return feature.geometry.coordinates;
}

/** The raw built-up-area polygon of a town straight from the GeoJSON file. */
function rawTownArea(name: string, municipalityCode: string): Polygon | MultiPolygon {
  const collection = readGeoJson(BUILT_UP_AREAS_FILE) as { features: { properties: Record<string, unknown>; geometry: Polygon | MultiPolygon }[] };
  const feature = collection.features.find((candidate) => candidate.properties.naam === name && candidate.properties.gemeentecode === municipalityCode);
  if (!feature) throw new Error(`no built-up area ${name} in ${municipalityCode}`);
  return feature.geometry;
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

  it('places the station areas Zwolle Spoorzone and Steenwijk Stationsgebied at their town\'s railway station', () => {
    const items = placeAll();
    const spoorzone = byId(items, 'zwolle-spoorzone');
    expect(spoorzone.locationPrecision).toBe('station');
    // The station named as the town, not Zwolle Stadshagen, which lies in the same built-up area.
    expect(spoorzone.location).toEqual(rawStationPoint('Zwolle'));
    expect(spoorzone.placedAt).toBe('station Zwolle (DOVA CHB 2026)');
    expect(spoorzone.placedSource).toBe('chb-treinstations-2026');
    const steenwijk = byId(items, 'steenwijkerland-steenwijk-stationsgebied');
    expect(steenwijk.locationPrecision).toBe('station');
    expect(steenwijk.location).toEqual(rawStationPoint('Steenwijk'));
  });

  it("places Zwolle Stadshart at Zwolle's Binnenstad, and the Centrum of Nieuwleusen and of Heino at the Centrum inside that town", () => {
    const items = placeAll();
    const stadshart = byId(items, 'zwolle-stadshart');
    expect(stadshart.locationPrecision).toBe('centre');
    expect(stadshart.location).toEqual(rawPlacePoint('Binnenstad', 'wijk', 'GM0193'));
    expect(stadshart.placedAt).toBe('wijk Binnenstad in kern Zwolle (TOP10NL 2025)');
    // Dalfsen and Raalte each have two wijken called Centrum: the one inside the named town is taken.
    for (const [id, town, municipalityCode] of [['dalfsen-nieuwleusen-centrum', 'Nieuwleusen', 'GM0148'], ['raalte-heino-centrum', 'Heino', 'GM0177']] as const) {
      const centre = byId(items, id);
      expect(centre.locationPrecision, id).toBe('centre');
      expect(centre.placedAt, id).toBe(`wijk Centrum in kern ${town} (TOP10NL 2025)`);
      expect(booleanPointInPolygon(centre.location, rawTownArea(town, municipalityCode)), id).toBe(true);
      expect(centre.location, id).not.toEqual(rawPlacePoint(town, 'woonkern', municipalityCode));
    }
    expect(byId(items, 'hardenberg-centrum').placedAt).toBe('wijk Centrum in kern Hardenberg (TOP10NL 2025)');
    expect(byId(items, 'raalte-warm-hart').placedAt).toBe('wijk Centrum in kern Raalte (TOP10NL 2025)');
  });

  it('keeps the town, and says why, when the name asks for a centre the data does not hold (Dedemsvaart)', () => {
    const dedemsvaart = byId(placeAll(), 'hardenberg-dedemsvaart-centrum');
    expect(dedemsvaart.locationPrecision).toBe('town');
    expect(dedemsvaart.location).toEqual(rawPlacePoint('Dedemsvaart', 'woonkern', 'GM0160'));
    expect(dedemsvaart.placement).toEqual(expect.objectContaining({ kind: 'place', nameRuleUnmet: 'centre' }));
  });

  it('leaves Deventer Centrumschil on its town: the ring around the centre is not the centre', () => {
    const centrumschil = byId(placeAll(), 'deventer-centrumschil');
    expect(centrumschil.locationPrecision).toBe('town');
    expect(centrumschil.placement).not.toHaveProperty('nameRuleUnmet');
  });

  it('leaves fewer key projects sharing a position: 19 of 50 without the station and centre rules, 17 with them', () => {
    const { projects, places, boundaries, evidence } = realInputs();
    const sharing = (items: readonly PlacedKeyProject[]) => {
      const keyProjects = items.filter((project) => project.countsAsKeyProject);
      return sharedLocations(keyProjects).flatMap((stack) => stack.ids);
    };
    const before = sharing(placeKeyProjects(projects, places, boundaries).items);
    const after = sharing(placeKeyProjects(projects, places, boundaries, evidence).items);
    expect(before).toHaveLength(19);
    expect(after).toHaveLength(17);
    // The four Zwolle projects (4.100 homes 2024-2030) shared one dot; two of them still share Zwolle's town point.
    for (const id of ['zwolle-spoorzone', 'zwolle-stadshart']) {
      expect(before).toContain(id);
      expect(after).not.toContain(id);
    }
    const zwolleStacks = sharedLocations(placeKeyProjects(projects, places, boundaries, evidence).items).filter((stack) => stack.ids.some((id) => id.startsWith('zwolle-')));
    expect(zwolleStacks.map((stack) => stack.ids)).toEqual([['zwolle-nieuwe-veemarkt-meeuwenlaan', 'zwolle-zwartewateralle-zone']]);
  });

  it('places all 52 rows, each inside its own municipality polygon', () => {
    const { projects, places, boundaries, evidence } = realInputs();
    const { items, issues } = placeKeyProjects(projects, places, boundaries, evidence);
    expect(issues).toEqual([]);
    expect(items).toHaveLength(52);
    const outside = items.filter((project) => {
      const boundary = boundaries.find((candidate) => candidate.properties.code === project.municipalityCode);
      return !boundary || !booleanPointInPolygon(project.location, boundary);
    });
    expect(outside.map((project) => project.id)).toEqual([]);
  });

  it('gives the same result on every run', () => {
    const { projects, places, boundaries, evidence } = realInputs();
    expect(placeKeyProjects(projects, places, boundaries, evidence)).toEqual(placeKeyProjects(projects, places, boundaries, evidence));
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

  describe('station and centre rules', () => {
    const town = place({ id: 'town-1', name: 'Dorp', type: 'woonkern', location: [6.05, 52.45] });
    const townArea: BuiltUpArea = {
      type: 'Feature',
      geometry: square(6.03, 52.43, 0.04),
      properties: { id: 'town-1', name: 'Dorp', type: 'woonkern', inhabitants: 1000, municipalityCode: 'GM0001' },
    };
    const named = (name: string): TranscribedKeyProject => ({ ...project({ name: 'Dorp', precision: 'town' }), name });
    const station = (name: string, location: [number, number]): NamedStation => ({ name, location });

    it('prefers the station named as the town over another station in the town', () => {
      const stations = [station('Dorp Noord', [6.04, 52.46]), station('Dorp', [6.06, 52.44])];
      const [placed] = placeKeyProjects([named('Dorp Spoorzone')], [town], [westTown], { builtUpAreas: [townArea], stations }).items;
      expect(placed?.locationPrecision).toBe('station');
      expect(placed?.location).toEqual([6.06, 52.44]);
      expect(placed?.placement).toEqual({ kind: 'station', stationName: 'Dorp', townName: 'Dorp' });
    });

    it('takes the only station inside the built-up area when none carries the town name', () => {
      const stations = [station('Dorp Noord', [6.04, 52.46]), station('Elders', [6.09, 52.49])];
      const [placed] = placeKeyProjects([named('Dorp Stationsgebied')], [town], [westTown], { builtUpAreas: [townArea], stations }).items;
      expect(placed?.location).toEqual([6.04, 52.46]);
    });

    it('keeps the town and records the unmet rule when the town has no station', () => {
      const stations = [station('Elders', [6.09, 52.49])];
      const [placed] = placeKeyProjects([named('Dorp Stationsgebied')], [town], [westTown], { builtUpAreas: [townArea], stations }).items;
      expect(placed?.locationPrecision).toBe('town');
      expect(placed?.location).toEqual([6.05, 52.45]);
      expect(placed?.placement).toEqual(expect.objectContaining({ kind: 'place', nameRuleUnmet: 'station' }));
    });

    it('takes the Centrum wijk inside the town, not the one outside it, and a wijk before a buurt', () => {
      const places = [
        town,
        place({ id: 'outside', name: 'Centrum', type: 'wijk', location: [6.09, 52.49] }),
        place({ id: 'buurt', name: 'Binnenstad', type: 'buurt', location: [6.05, 52.44] }),
        place({ id: 'inside', name: 'Centrum', type: 'wijk', location: [6.04, 52.45] }),
      ];
      const [placed] = placeKeyProjects([named('Dorp centrum')], places, [westTown], { builtUpAreas: [townArea] }).items;
      expect(placed?.locationPrecision).toBe('centre');
      expect(placed?.location).toEqual([6.04, 52.45]);
      expect(placed?.placedAt).toBe('wijk Centrum in kern Dorp (TOP10NL 2025)');
    });

    it('keeps the town when two centre wijken lie inside it', () => {
      const places = [town, place({ id: 'a', location: [6.04, 52.45] }), place({ id: 'b', location: [6.06, 52.45] })];
      const [placed] = placeKeyProjects([named('Dorp Stadshart')], places, [westTown], { builtUpAreas: [townArea] }).items;
      expect(placed?.locationPrecision).toBe('town');
      expect(placed?.placement).toEqual(expect.objectContaining({ nameRuleUnmet: 'centre' }));
    });

    it('does not apply the rules to a district hint', () => {
      const places = [place({ id: 'wijk', name: 'Station', type: 'wijk', location: [6.04, 52.45] })];
      const stations = [station('Dorp', [6.06, 52.44])];
      const [placed] = placeKeyProjects([{ ...project({ name: 'Station', precision: 'district' }), name: 'Station' }], places, [westTown], { builtUpAreas: [townArea], stations }).items;
      expect(placed?.locationPrecision).toBe('district');
    });
  });

  it('reports a project whose municipality has no boundary', () => {
    const { items, issues } = placeKeyProjects([project(null, 'GM0003')], [], [westTown]);
    expect(items).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'data.placeMunicipalityMissing', record: 'test' })]);
  });
});

describe('nameRuleOf: what a project name says beyond its town', () => {
  it.each([
    ['Zwolle Spoorzone', 'station'],
    ['Steenwijk Stationsgebied', 'station'],
    ['Zwolle Stadshart', 'centre'],
    ['Nieuwleusen Centrum', 'centre'],
    ['Hardenberg centrum', 'centre'],
    ['Raalte warm hart', 'centre'],
    ['Heino Centrum (samenvoeging met Heino molenweg onder de naar Heino Vitale kern)', 'centre'],
    ['Deventer Centrumschil', null],
    ['Ommen binnenstedelijke locaties', null],
    ['Olst-Zuid Project', null],
  ] as const)('%s → %s', (name, rule) => {
    expect(nameRuleOf(name)).toBe(rule);
  });
});
