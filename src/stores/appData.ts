// The validated embedded datasets, as loaded at start-up, and the problems found while loading. Static:
// only loadAppData writes them; what the planner edits lives in its own stores, derived from these.

import { atom, batch, computed } from 'nanostores';
import { issueFromError, type DataIssue } from '../domain/dataIssue';
import type { Municipality, MunicipalityCode, RegionId } from '../domain/geography';
import type { PostcodePopulation } from '../domain/population';
import type { KeyProjectRegionFigures, MunicipalHomesFigure, MunicipalTarget, RegionTarget, SourceInconsistency } from '../domain/housing';
import type { PlacedKeyProject } from '../domain/keyProject';
import { sourceInLanguage, type Source, type SourceId } from '../domain/source';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { NORM_SOURCES } from '../domain/norms';
import { municipalityLocator } from '../analysis/facilitiesPerMunicipality';
import { $language } from './language';

export interface MunicipalityFeatureProperties {
  code: MunicipalityCode;
  name: string;
  region: RegionId | null;
}

export interface PlaceFeatureProperties {
  name: string;
  type: string;
  inhabitants: number | null;
  municipalityCode: MunicipalityCode;
}

export type OlderPeopleFeatureProperties = PostcodePopulation;

/** Everything the app loads from geo/; a part is absent when its file failed validation. */
export interface AppData {
  municipalities: Municipality[];
  municipalityBoundaries: FeatureCollection<Polygon | MultiPolygon, MunicipalityFeatureProperties>;
  province: FeatureCollection<Polygon | MultiPolygon>;
  places: FeatureCollection<Point, PlaceFeatureProperties>;
  builtUpAreas: FeatureCollection<Polygon | MultiPolygon, PlaceFeatureProperties>;
  olderPeople: FeatureCollection<Polygon | MultiPolygon, OlderPeopleFeatureProperties>;
  keyProjects: PlacedKeyProject[];
  targets: MunicipalTarget[];
  regionTargets: RegionTarget[];
  homesBuilt: MunicipalHomesFigure[];
  /** Total printed under Tabel 1 for West-Overijssel (its rows add up to another number). */
  homesBuiltPrintedTotal: number;
  outlook: MunicipalHomesFigure[];
  /** Total printed under Tabel 3 for West-Overijssel. */
  outlookPrintedTotal: number;
  /** Printed West-Overijssel totals of the key projects (Bijlage 1, Tabel 2). */
  keyProjectRegionFigures: KeyProjectRegionFigures;
  inconsistencies: SourceInconsistency[];
  sources: Source[];
  /** Source of the postcode-area figures (CBS, 1 Jan 2021). */
  olderPeopleSource: SourceId;
}

export type LoadStatus = 'loading' | 'ready';

export const $loadStatus = atom<LoadStatus>('loading');
export const $appData = atom<Partial<AppData>>({});
export const $dataIssues = atom<DataIssue[]>([]);

/** The data, its problems and the ready status arrive together (one batch: nothing sees "ready" without the data). */
export function setLoadedData(data: Partial<AppData>, issues: DataIssue[]): void {
  batch(() => {
    $appData.set(data);
    $dataIssues.set([...$dataIssues.get(), ...issues]);
    $loadStatus.set('ready');
  });
}

/** Adds a problem with a dataset loaded outside loadAppData (e.g. embedded facilities). */
export function reportDatasetProblem(file: string, error: unknown): void {
  $dataIssues.set([...$dataIssues.get(), issueFromError(error, 'data.wrongShape', file, { file })]);
}

/** The datasets' sources plus the sources of the reachability norms (defined in code, src/domain/norms.ts). */
const $allSources = computed($appData, (data): Source[] => {
  const loaded = data.sources ?? [];
  const loadedIds = new Set(loaded.map((source) => source.id));
  return [...loaded, ...NORM_SOURCES.filter((source) => !loadedIds.has(source.id))];
});

/** Every source by id, in the words of the chosen language (so every "Bron" line, export and report follows the switch). */
export const $sourcesById = computed([$allSources, $language], (sources, language) => new Map(sources.map((source) => [source.id, sourceInLanguage(source, language)])));

export const $municipalitiesByCode = computed(
  $appData,
  (data) => new Map((data.municipalities ?? []).map((municipality) => [municipality.code, municipality])),
);

/** The municipalities in Dutch alphabetical order (null until loaded), sorted once per load. */
export const $municipalitiesByName = computed($appData, (data): Municipality[] | null =>
  data.municipalities ? [...data.municipalities].sort((a, b) => a.name.localeCompare(b.name, 'nl')) : null,
);

export const $keyProjectsByMunicipality = computed($appData, (data) => {
  const byCode = new Map<MunicipalityCode, PlacedKeyProject[]>();
  for (const project of data.keyProjects ?? []) {
    const list = byCode.get(project.municipalityCode) ?? [];
    list.push(project);
    byCode.set(project.municipalityCode, list);
  }
  return byCode;
});

/** The municipality (CBS code) a point lies in, on the loaded boundaries; null outside all of them. */
export const $municipalityLocator = computed($appData, (data) => municipalityLocator(data.municipalityBoundaries?.features ?? []));

/** Inconsistencies grouped by what they concern, so panels can show them next to the figure. */
export const $inconsistenciesBySubject = computed($appData, (data) => {
  const bySubject = new Map<string, SourceInconsistency[]>();
  for (const inconsistency of data.inconsistencies ?? []) {
    const list = bySubject.get(inconsistency.subject) ?? [];
    list.push(inconsistency);
    bySubject.set(inconsistency.subject, list);
  }
  return bySubject;
});

export interface OlderPeopleTotals {
  inhabitants: number;
  inhabitants65Plus: number;
  inhabitants75Plus: number;
  inhabitants85Plus: number;
  postcodeAreas: number;
}

/** Older people per municipality: sums over the postcode areas assigned to it. */
export const $olderPeopleByMunicipality = computed($appData, (data) => {
  const totals = new Map<MunicipalityCode, OlderPeopleTotals>();
  for (const { properties } of data.olderPeople?.features ?? []) {
    const sum = totals.get(properties.municipalityCode) ?? { inhabitants: 0, inhabitants65Plus: 0, inhabitants75Plus: 0, inhabitants85Plus: 0, postcodeAreas: 0 };
    sum.inhabitants += properties.inhabitants;
    sum.inhabitants65Plus += properties.inhabitants65Plus;
    sum.inhabitants75Plus += properties.inhabitants75Plus;
    sum.inhabitants85Plus += properties.inhabitants85Plus;
    sum.postcodeAreas += 1;
    totals.set(properties.municipalityCode, sum);
  }
  return totals;
});

/** Inconsistencies about `subject` itself or anything below it (`subject:...`). */
export function inconsistenciesAbout(bySubject: Map<string, SourceInconsistency[]>, subject: string): SourceInconsistency[] {
  return [...bySubject.entries()]
    .filter(([key]) => key === subject || key.startsWith(subject + ':'))
    .flatMap(([, list]) => list);
}
