// Locatiezoeker: where the candidates come from (the planner's choice), the drawn search area and the
// planner's own candidate list. The search area is drawn with the one polygon drawing session
// (stores/polygonDrawing.ts); the list is read by the facility import in its worker (its parsers,
// coordinate detection incl. RD, province test and per-row report). The selection rules themselves
// live in analysis/siteFinderCandidates.ts; this store only holds the state and calls them.

import { atom, computed } from 'nanostores';
import type { MultiPolygon, Polygon } from 'geojson';
import { errorReason, type DataIssue } from '../domain/dataIssue';
import type { DasymetricPopulation } from '../analysis/dasymetric';
import { buildProvinceGrid, type ProvinceGrid } from '../analysis/provinceGrid';
import {
  builtUpCellCandidates,
  candidatesFromImport,
  listCandidates,
  searchAreaCellCandidates,
  searchAreaIssue,
  type CandidateSourceKind,
  type CandidateSourceSetting,
  type ListCandidate,
  type SiteCandidates,
} from '../analysis/siteFinderCandidates';
import { SITE_FINDER_FILE } from '../analysis/siteFinder';
import type { ImportOptions } from '../data/import/importTypes';
import { isMessageKey } from '../i18n/catalogue';
import { $appData } from './appData';
import { createWorkerRunner, type ImportRunner } from './importFlow';
import { $translate } from './language';
import { cancelPolygonDrawing, startPolygonDrawing } from './polygonDrawing';
import { COVERAGE_GRID_METERS } from './zoneCoverage';

/** Grid of the candidates and the demand: the spread's own grid. */
export const SITE_FINDER_GRID_METERS = COVERAGE_GRID_METERS;

export const $candidateSourceKind = atom<CandidateSourceKind>('builtUp');
/** The drawn search area (WGS84), or null. */
export const $searchArea = atom<Polygon | null>(null);

export interface CandidateList {
  fileName: string;
  fileKind: 'csv' | 'geojson';
  candidates: ListCandidate[];
  /** Rows or features refused by the import, each with its number and reason (outside the province, no coordinates, …). */
  rejected: DataIssue[];
  warnings: DataIssue[];
  totalRecords: number;
}

export const $candidateList = atom<CandidateList | null>(null);
/** Reading a list: 'reading' while the import runs, the whole file's problem when it could not be read. */
export const $candidateListReading = atom<{ status: 'idle' | 'reading' | 'failed'; issue: DataIssue | null }>({ status: 'idle', issue: null });

let gridCache: { province: Polygon | MultiPolygon; grid: ProvinceGrid } | null = null;
/** The province's analysis grid (built once per outline); null before the outline is loaded. */
export function siteFinderGrid(): ProvinceGrid | null {
  const province = $appData.get().province?.features[0]?.geometry;
  if (!province) return null;
  if (gridCache?.province !== province) gridCache = { province, grid: buildProvinceGrid(province, SITE_FINDER_GRID_METERS) };
  return gridCache.grid;
}

/** Grid cells whose centre lies in the drawn search area (0 without one). */
export const $searchAreaCellCount = computed($searchArea, (area) => {
  const grid = area ? siteFinderGrid() : null;
  return area && grid ? searchAreaCellCandidates(grid, area.coordinates).ids.length : 0;
});

export function chooseCandidateSource(kind: CandidateSourceKind): void {
  $candidateSourceKind.set(kind);
}

const message = (issue: DataIssue) => (isMessageKey(issue.code) ? $translate.get()(issue.code, { file: issue.file, ...issue.params }) : issue.code);

/** Starts drawing the search area (or adjusting the one in force); an area without a grid cell or crossing itself is refused with the reason. */
export function startSearchAreaDrawing(): void {
  const current = $searchArea.get();
  startPolygonDrawing({
    title: $translate.get()(current ? 'siteFinder.areaEditTitle' : 'siteFinder.areaDrawTitle'),
    initial: current,
    onFinish: (polygon) => {
      const grid = siteFinderGrid();
      if (!grid) return message({ code: 'siteFinder.noPopulationData', file: SITE_FINDER_FILE });
      const issue = searchAreaIssue(grid, polygon.coordinates);
      if (issue) return message(issue);
      $searchArea.set({ type: 'Polygon', coordinates: polygon.coordinates.map((ring) => ring.map(([lon, lat]) => [lon!, lat!])) });
      $candidateSourceKind.set('searchArea');
      return null;
    },
  });
}

/** Removes the drawn search area (a drawing in progress for it stops too). */
export function removeSearchArea(): void {
  cancelPolygonDrawing();
  $searchArea.set(null);
}

let runner: ImportRunner | null = null;
let readingController: AbortController | null = null;

/** For tests: how the list is imported (the app uses the import worker). */
export function setCandidateListRunner(next: ImportRunner): void {
  runner = next;
}

/**
 * Reads the planner's candidate list with the facility import: CSV (columns for x/longitude and
 * y/latitude, WGS84 or RD New, a name column optional) or GeoJSON (points; polygons give a point on
 * their surface). Rows outside Overijssel are refused with their row number and the reason.
 */
export async function loadCandidateList(file: Blob, fileName: string): Promise<void> {
  readingController?.abort();
  const controller = new AbortController();
  readingController = controller;
  $candidateListReading.set({ status: 'reading', issue: null });
  const province = $appData.get().province?.features[0]?.geometry;
  const options: ImportOptions = {
    fileName,
    datasetId: 'locatiezoeker-kandidaten',
    // the import asks a category of every record; candidate sites have none, and it is not kept
    fixedCategory: 'overig',
    nameOptional: true,
    ...(province ? { provinceOutline: province } : {}),
  };
  let result;
  try {
    runner ??= createWorkerRunner();
    result = await runner(file, options, { signal: controller.signal, onProgress: () => {} });
  } catch (error) {
    result = { status: 'failed' as const, issue: { code: 'import.workerFailed', file: fileName, params: { reason: errorReason(error) } } };
  }
  if (readingController !== controller) return;
  readingController = null;
  if (result.status === 'cancelled') return $candidateListReading.set({ status: 'idle', issue: null });
  if (result.status === 'failed') return $candidateListReading.set({ status: 'failed', issue: result.issue });
  $candidateList.set({
    fileName,
    fileKind: result.fileKind,
    candidates: candidatesFromImport(result.fileKind, result.facilities),
    rejected: result.rejected,
    warnings: result.warnings,
    totalRecords: result.totalRecords,
  });
  $candidateListReading.set({ status: 'idle', issue: null });
  $candidateSourceKind.set('list');
}

export function removeCandidateList(): void {
  readingController?.abort();
  readingController = null;
  $candidateList.set(null);
  $candidateListReading.set({ status: 'idle', issue: null });
}

/** The chosen source as the run records it, or why it cannot run (no area drawn, no list read, a list without any usable row). */
export function chosenCandidateSource(): CandidateSourceSetting | DataIssue {
  const kind = $candidateSourceKind.get();
  if (kind === 'searchArea') {
    const area = $searchArea.get();
    if (!area) return { code: 'siteFinder.noSearchArea', file: SITE_FINDER_FILE };
    return { kind, outline: area.coordinates.map((ring) => ring.map(([lon, lat]) => [lon!, lat!] as [number, number])) };
  }
  if (kind === 'list') {
    const list = $candidateList.get();
    if (!list) return { code: 'siteFinder.noCandidateList', file: SITE_FINDER_FILE };
    if (list.candidates.length === 0) return { code: 'siteFinder.candidateListEmpty', file: list.fileName, params: { rejected: list.rejected.length } };
    return { kind, fileName: list.fileName, count: list.candidates.length };
  }
  return { kind: 'builtUp' };
}

/** The points of a run's source: built-up cells, the search area's cells, or the list read for it. */
export function siteCandidatesFor(source: CandidateSourceSetting, grid: ProvinceGrid, population: DasymetricPopulation): SiteCandidates {
  if (source.kind === 'searchArea') return searchAreaCellCandidates(grid, source.outline);
  if (source.kind === 'list') return listCandidates(grid, $candidateList.get()?.candidates ?? []);
  return builtUpCellCandidates(grid, population);
}
