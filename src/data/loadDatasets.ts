// Start-up loading of every embedded dataset under /geo: fetch, validate, derive. One bad file never stops the others.

import { errorReason, issueFromError, type DataIssue } from '../domain/dataIssue';
import type { Facility } from '../domain/facility';
import type { Municipality } from '../domain/geography';
import type { MunicipalHomesTable } from '../domain/housing';
import type { PlacedKeyProject } from '../domain/keyProject';
import type { Place } from '../domain/place';
import type { NeighbourhoodFigures } from '../domain/population';
import type { Source } from '../domain/source';
import { buildMunicipalities } from './buildMunicipalities';
import { parseJsonText } from './jsonInput';
import { parseHousingTargets, type HousingTargetsDataset } from './parseHousingTargets';
import { parseKeyProjects, type KeyProjectsDataset } from './parseKeyProjects';
import { parseMunicipalHomesTable } from './parseMunicipalHomesTable';
import { parseMunicipalityBoundaries, parseProvinceBoundary, type MunicipalityBoundary, type ProvinceBoundary } from './parseMunicipalityBoundaries';
import { parseBuiltUpAreas, parsePlaces, type BuiltUpArea } from './parsePlaces';
import { parseNeighbourhoodFigures, parsePostcodePopulation, type PostcodeArea } from './parsePopulation';
import { parseRegionAssignment, type RegionAssignment } from './parseRegionAssignment';
import { parseSources } from './parseSources';
import { placeKeyProjects } from './placeKeyProjects';
import { parseTrainStations, TRAIN_STATIONS_FILE } from './trainStations';

/** URL paths of the embedded datasets; the same string is the `file` of every DataIssue about them. */
export const DATASET_PATHS = {
  sources: '/geo/sources.json',
  municipalityBoundaries: '/geo/boundaries/overijssel-gemeenten-cbs-2026.geojson',
  provinceBoundary: '/geo/boundaries/overijssel-provincie-cbs-2026.geojson',
  regionAssignment: '/geo/boundaries/regio-indeling.json',
  places: '/geo/places/overijssel-plaatsen-top10nl-2025.geojson',
  builtUpAreas: '/geo/places/overijssel-kernen-top10nl-2025.geojson',
  neighbourhoodFigures: '/geo/population/overijssel-kwb-2024-gemeenten-wijken.csv',
  postcodePopulation: '/geo/population/overijssel-pc4-bevolking-leeftijd-2021.geojson',
  keyProjects: '/geo/woondeal/sleutelprojecten.json',
  housingTargets: '/geo/woondeal/ouderenhuisvesting-doelen.json',
  homesBuilt: '/geo/woondeal/gerealiseerde-woningen.json',
  outlook2031To2035: '/geo/woondeal/doorkijk-2031-2035.json',
  trainStations: `/${TRAIN_STATIONS_FILE}`,
} as const;

export type DatasetKey = keyof typeof DATASET_PATHS;
export const DATASET_PATH_LIST: readonly string[] = Object.values(DATASET_PATHS);

/** Source ids of the geodata files, as registered in geo/sources.json. */
export const DATASET_SOURCE_IDS = {
  municipalityBoundaries: 'cbs-gemeenten-2026',
  provinceBoundary: 'cbs-provincie-2026',
  places: 'top10nl-plaatsen-2025',
  builtUpAreas: 'top10nl-kernen-2025',
  trainStations: 'chb-treinstations-2026',
  neighbourhoodFigures: 'cbs-kwb-2024',
  postcodePopulation: 'cbs-pc4-2021',
} as const;

/** Pseudo file names for derived datasets in DataIssues. */
export const DERIVED_DATASET_NAMES = { municipalities: 'municipalities', placedKeyProjects: 'placedKeyProjects' } as const;

export type DatasetResult<T> = { ok: true; value: T; issues: DataIssue[] } | { ok: false; issues: DataIssue[] };

export interface LoadedDatasets {
  sources: DatasetResult<Source[]>;
  municipalityBoundaries: DatasetResult<MunicipalityBoundary[]>;
  provinceBoundary: DatasetResult<ProvinceBoundary>;
  regionAssignment: DatasetResult<RegionAssignment[]>;
  places: DatasetResult<Place[]>;
  builtUpAreas: DatasetResult<BuiltUpArea[]>;
  neighbourhoodFigures: DatasetResult<NeighbourhoodFigures[]>;
  postcodePopulation: DatasetResult<PostcodeArea[]>;
  keyProjects: DatasetResult<KeyProjectsDataset>;
  housingTargets: DatasetResult<HousingTargetsDataset>;
  homesBuilt: DatasetResult<MunicipalHomesTable>;
  outlook2031To2035: DatasetResult<MunicipalHomesTable>;
  /** The embedded railway stations (DOVA CHB), as facilities. */
  trainStations: DatasetResult<Facility[]>;
  /** Derived: boundaries + regio-indeling + KWB inhabitants. */
  municipalities: DatasetResult<Municipality[]>;
  /** Derived: key projects placed at a station, a TOP10NL place or inside their municipality. */
  placedKeyProjects: DatasetResult<PlacedKeyProject[]>;
}

/** Reads a file as text; must reject when the file is missing (fetch resolves on 404, so check `ok`). */
export type FetchText = (path: string) => Promise<string>;

/** The browser implementation of FetchText. */
export async function fetchTextOverHttp(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

type Parse<T> = (text: string, file: string) => { value: T; issues: DataIssue[] };

async function loadOne<T>(fetchText: FetchText, file: string, parse: Parse<T>): Promise<DatasetResult<T>> {
  let text: string;
  try {
    text = await fetchText(file);
  } catch (error) {
    return { ok: false, issues: [{ code: 'data.fileMissing', file, params: { file, reason: errorReason(error) } }] };
  }
  try {
    const { value, issues } = parse(text, file);
    return { ok: true, value, issues };
  } catch (error) {
    return { ok: false, issues: [issueFromError(error, 'data.wrongShape', file, { file })] };
  }
}

/** Adapts a JSON parser that returns Validated<T> ({items, issues}) to the loader. */
function json<T>(parse: (json: unknown, file: string) => { items: T[]; issues: DataIssue[] }): Parse<T[]> {
  return (text, file) => {
    const { items, issues } = parse(parseJsonText(text, file), file);
    return { value: items, issues };
  };
}

/** Adapts a JSON parser that returns ParsedDataset<T> ({value, issues}). */
function jsonValue<T>(parse: (json: unknown, file: string) => { value: T; issues: DataIssue[] }): Parse<T> {
  return (text, file) => parse(parseJsonText(text, file), file);
}

function dependencyMissing(derived: string, missing: DatasetKey): DataIssue {
  return { code: 'data.dependencyMissing', file: derived, params: { file: DATASET_PATHS[missing] } };
}

/**
 * Fetches and validates every dataset in parallel and derives municipalities and placed key projects.
 * Never throws: each entry is either { ok: true, value, issues } or { ok: false, issues }.
 */
export async function loadDatasets(fetchText: FetchText): Promise<LoadedDatasets> {
  const P = DATASET_PATHS;
  const [
    sources, municipalityBoundaries, provinceBoundary, regionAssignment, places, builtUpAreas,
    neighbourhoodFigures, postcodePopulation, keyProjects, housingTargets, homesBuilt, outlook2031To2035, trainStations,
  ] = await Promise.all([
    loadOne(fetchText, P.sources, json(parseSources)),
    loadOne(fetchText, P.municipalityBoundaries, json(parseMunicipalityBoundaries)),
    loadOne(fetchText, P.provinceBoundary, (text, file) => {
      const { items, issues } = parseProvinceBoundary(parseJsonText(text, file), file);
      return { value: items[0] as ProvinceBoundary, issues };
    }),
    loadOne(fetchText, P.regionAssignment, json(parseRegionAssignment)),
    loadOne(fetchText, P.places, json(parsePlaces)),
    loadOne(fetchText, P.builtUpAreas, json(parseBuiltUpAreas)),
    loadOne(fetchText, P.neighbourhoodFigures, (text, file) => {
      const { items, issues } = parseNeighbourhoodFigures(text, file, DATASET_SOURCE_IDS.neighbourhoodFigures);
      return { value: items, issues };
    }),
    loadOne(fetchText, P.postcodePopulation, json((input, file) => parsePostcodePopulation(input, file, DATASET_SOURCE_IDS.postcodePopulation))),
    loadOne(fetchText, P.keyProjects, jsonValue(parseKeyProjects)),
    loadOne(fetchText, P.housingTargets, jsonValue(parseHousingTargets)),
    loadOne(fetchText, P.homesBuilt, jsonValue(parseMunicipalHomesTable)),
    loadOne(fetchText, P.outlook2031To2035, jsonValue(parseMunicipalHomesTable)),
    loadOne(fetchText, P.trainStations, (text, file) => ({ value: parseTrainStations(parseJsonText(text, file), file), issues: [] })),
  ]);

  return {
    sources, municipalityBoundaries, provinceBoundary, regionAssignment, places, builtUpAreas,
    neighbourhoodFigures, postcodePopulation, keyProjects, housingTargets, homesBuilt, outlook2031To2035, trainStations,
    municipalities: deriveMunicipalities(municipalityBoundaries, regionAssignment, neighbourhoodFigures),
    placedKeyProjects: derivePlacedKeyProjects(keyProjects, places, municipalityBoundaries, builtUpAreas, trainStations),
  };
}

function deriveMunicipalities(
  boundaries: DatasetResult<MunicipalityBoundary[]>,
  regions: DatasetResult<RegionAssignment[]>,
  figures: DatasetResult<NeighbourhoodFigures[]>,
): DatasetResult<Municipality[]> {
  const name = DERIVED_DATASET_NAMES.municipalities;
  if (!boundaries.ok) return { ok: false, issues: [dependencyMissing(name, 'municipalityBoundaries')] };
  if (!regions.ok) return { ok: false, issues: [dependencyMissing(name, 'regionAssignment')] };
  // Without KWB the municipalities still work; inhabitants are then unknown (null), reported once.
  const result = buildMunicipalities(boundaries.value, regions.value, figures.ok ? figures.value : [], DATASET_SOURCE_IDS.neighbourhoodFigures, name);
  const issues = figures.ok
    ? result.issues
    : [dependencyMissing(name, 'neighbourhoodFigures'), ...result.issues.filter((issue) => issue.code !== 'data.inhabitantsMissing')];
  return { ok: true, value: result.items, issues };
}

function derivePlacedKeyProjects(
  keyProjects: DatasetResult<KeyProjectsDataset>,
  places: DatasetResult<Place[]>,
  boundaries: DatasetResult<MunicipalityBoundary[]>,
  builtUpAreas: DatasetResult<BuiltUpArea[]>,
  trainStations: DatasetResult<Facility[]>,
): DatasetResult<PlacedKeyProject[]> {
  const name = DERIVED_DATASET_NAMES.placedKeyProjects;
  if (!keyProjects.ok) return { ok: false, issues: [dependencyMissing(name, 'keyProjects')] };
  if (!boundaries.ok) return { ok: false, issues: [dependencyMissing(name, 'municipalityBoundaries')] };
  // Without places every project falls back to municipality level, which placeKeyProjects already does;
  // without built-up areas or stations, station areas and town centres stay on their town point.
  const result = placeKeyProjects(keyProjects.value.projects, places.ok ? places.value : [], boundaries.value, {
    file: name,
    builtUpAreas: builtUpAreas.ok ? builtUpAreas.value : [],
    stations: trainStations.ok ? trainStations.value.map((station) => ({ name: station.name, location: station.location })) : [],
  });
  const issues = places.ok
    ? result.issues
    : [dependencyMissing(name, 'places'), ...result.issues.filter((issue) => issue.code !== 'data.placeHintNotFound')];
  return { ok: true, value: result.items, issues };
}
