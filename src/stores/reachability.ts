// "Circles of reachability": the norms in force, the analysis point, the key-project table and the
// province grid, plus the client that hands all heavy work to the reachability Web Worker.

import { atom, batch, computed } from 'nanostores';
import type { FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { DataIssue } from '../domain/dataIssue';
import { isMessageKey } from '../i18n/catalogue';
import { FACILITY_CATEGORIES, type Facility, type FacilityCategory, type FacilityDataset } from '../domain/facility';
import { HOUSING_TYPES, type HousingType } from '../domain/housing';
import type { PlacedKeyProject, PlacementPrecision } from '../domain/keyProject';
import {
  categoriesInProfile,
  customWalkingSpeed,
  DEFAULT_WALKING_SPEED,
  NAMED_NORM_PROFILES,
  validateDistanceMeters,
  validateWalkingSpeed,
  WALKING_SPEED_PRESETS,
  withCategoryNorm,
  WOONZORGZONE_PROFILE,
  type NormProfile,
  type NormProfileId,
  type WalkingSpeed,
  type WalkingSpeedPresetId,
} from '../domain/norms';
import { PACK_CHUNK_SIZE, packFacilities, packFacilitiesInChunks, type PackedFacilities } from '../analysis/facilityIndex';
import { applyCoverage, coverageByCategory, declarationGroups, incompleteCategoriesAt, municipalitiesWithIncompleteData, type CategoryCoverage } from '../analysis/dataCoverage';
import { municipalityLocator } from '../analysis/facilitiesPerMunicipality';
import type { GridScore } from '../analysis/gridScore';
import type { LocationReachability, ReachabilityRow, ReachabilitySite, Verdict } from '../analysis/reachability';
import { reachabilityTableToCsv, type ReachabilityCsvLabels } from '../analysis/reachabilityCsv';
import { ringsFor, type RingProperties } from '../analysis/reachabilityRings';
import type { GridDescription, ReachabilityRequest, ReachabilityResponse } from '../analysis/reachabilityProtocol';
import { $appData } from './appData';
import { $planKeyProjects } from './planKeyProjects';
import { $dragReachSite, $dragSiteAnalysis, $scenarioReachSites, $scenarioSiteAnalysis } from './scenarioSiteAnalysis';
import { $activeFacilities, $categoryCoverage, $facilitiesByDataset, $facilityDatasets } from './facilities';
import { $translate, type Translate } from './language';
import { $selection } from './selection';

// --- norms ---

export const $normProfile = atom<NormProfile>(WOONZORGZONE_PROFILE);
export const $walkingSpeed = atom<WalkingSpeed>(DEFAULT_WALKING_SPEED);
/** Problems with the last edit; the previous valid norms stay in force while this is not empty. */
export const $normIssues = atom<DataIssue[]>([]);

export function selectNormProfile(id: NormProfileId): void {
  batch(() => {
    $normIssues.set([]);
    // 'custom' starts as a copy of what is in force, so switching to it changes nothing yet
    $normProfile.set(id === 'custom' ? { ...$normProfile.get(), id: 'custom', labelKey: 'norms.profile.custom' } : NAMED_NORM_PROFILES[id]);
  });
}

/**
 * Sets one distance (text from an input, metres). An invalid value (not a number, ≤ 0, > 50 km) is
 * rejected with an issue; a valid one switches the profile to 'custom'. Returns whether it was accepted.
 */
export function setNormDistance(housingType: HousingType, category: FacilityCategory, text: string): boolean {
  const value = text.trim() === '' ? NaN : Number(text.replace(',', '.'));
  const issues = validateDistanceMeters(value, `${housingType}/${category}`).map((issue) => ({ ...issue, params: { ...issue.params, value: text } }));
  if (issues.length > 0) {
    $normIssues.set(issues);
    return false;
  }
  batch(() => {
    $normIssues.set([]);
    $normProfile.set(withCategoryNorm($normProfile.get(), housingType, category, value));
  });
  return true;
}

export function selectWalkingSpeedPreset(id: WalkingSpeedPresetId): void {
  batch(() => {
    $normIssues.set([]);
    $walkingSpeed.set(WALKING_SPEED_PRESETS[id]);
  });
}

/** Own speed in km/h (text from an input); an implausible value is rejected like a bad distance. */
export function setCustomWalkingSpeed(kilometersPerHourText: string): boolean {
  const kilometersPerHour = kilometersPerHourText.trim() === '' ? NaN : Number(kilometersPerHourText.replace(',', '.'));
  const speed = customWalkingSpeed(kilometersPerHour);
  const issues = validateWalkingSpeed(speed).map((issue) => ({ ...issue, params: { ...issue.params, value: kilometersPerHourText } }));
  if (issues.length > 0) {
    $normIssues.set(issues);
    return false;
  }
  batch(() => {
    $normIssues.set([]);
    $walkingSpeed.set(speed);
  });
  return true;
}

/** The housing type whose rings and project labels the map shows. */
export const $reachHousingType = atom<HousingType>('nultreden');
export function setReachHousingType(housingType: HousingType): void {
  $reachHousingType.set(housingType);
}

/** Categories any housing type of the profile in force asks for. */
export const $profileCategories = computed($normProfile, (profile) => categoriesInProfile(profile));

// --- facilities and what is known about their completeness ---

/**
 * Every facility of the visible datasets counts: a known facility within the norm proves "met"
 * even where its dataset is not complete. Whether "not met" may be said is decided per point from
 * the declared coverage (src/analysis/dataCoverage.ts).
 */
export const $reachFacilities = $activeFacilities;

/** Categories with loaded facilities that no visible dataset declares complete anywhere ("only these locations"). */
export function undeclaredCategories(datasets: readonly FacilityDataset[], byDataset: ReadonlyMap<string, readonly Facility[]>): FacilityCategory[] {
  const coverage = coverageByCategory(datasets);
  const present = new Set<FacilityCategory>();
  for (const dataset of datasets) {
    if (dataset.hidden) continue;
    for (const facility of byDataset.get(dataset.id) ?? []) present.add(facility.category);
  }
  return FACILITY_CATEGORIES.filter((category) => present.has(category) && !coverage.has(category));
}

const $locateMunicipality = computed($appData, (data) => municipalityLocator(data.municipalityBoundaries?.features ?? []));

/** A worker result judged against the coverage declared where its point lies. */
export function judgeAgainstCoverage(result: LocationReachability, coverage: CategoryCoverage, locate: (point: [number, number]) => string | null): LocationReachability {
  return applyCoverage(result, incompleteCategoriesAt(coverage, locate(result.point), !result.outsideProvince));
}

export const $undeclaredCategories = computed([$facilityDatasets, $facilitiesByDataset], undeclaredCategories);
/** Categories the worker has facilities for (its answer to the last setFacilities). */
export const $categoriesWithData = atom<FacilityCategory[]>([]);

// --- the analysis point ---

export type AnalysisOrigin =
  | { kind: 'map' }
  | { kind: 'keyProject'; id: string; name: string; precision: PlacementPrecision; placedAt: string }
  | { kind: 'facility'; key: string; name: string };

export interface AnalysisPoint {
  /** [lon, lat]. */
  location: [number, number];
  origin: AnalysisOrigin;
}

export const $analysisPoint = atom<AnalysisPoint | null>(null);
/** true while the next map click (or Enter on the map) sets the analysis point. */
export const $pickingLocation = atom(false);

export function startPickingLocation(): void {
  $pickingLocation.set(true);
}

export function cancelPickingLocation(): void {
  $pickingLocation.set(false);
}

export function analysePoint(point: AnalysisPoint): void {
  batch(() => {
    $pickingLocation.set(false);
    $analysisPoint.set(point);
    $selection.set({ kind: 'reachability' });
  });
}

/** The map click (or centre) chosen while picking. */
export function pickLocation(location: [number, number]): void {
  analysePoint({ location: [location[0], location[1]], origin: { kind: 'map' } });
}

export function analyseKeyProject(project: PlacedKeyProject): void {
  analysePoint({
    location: project.location,
    origin: { kind: 'keyProject', id: project.id, name: project.name, precision: project.locationPrecision, placedAt: project.placedAt },
  });
}

export function analyseFacility(facility: Facility): void {
  analysePoint({ location: facility.location, origin: { kind: 'facility', key: `${facility.datasetId}/${facility.id}`, name: facility.name } });
}

export function clearAnalysisPoint(): void {
  batch(() => {
    $analysisPoint.set(null);
    $locationAnalysis.set({ status: 'idle' });
    if ($selection.get()?.kind === 'reachability') $selection.set(null);
  });
}

export type LocationResult =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'ready'; result: LocationReachability }
  | { status: 'failed'; issues: DataIssue[] };

/** The worker's answer for the analysis point, before the declared coverage is applied. */
const $locationAnalysis = atom<LocationResult>({ status: 'idle' });

/** The analysis point's result; follows changes of declared coverage without asking the worker again. */
export const $locationResult = computed([$locationAnalysis, $categoryCoverage, $locateMunicipality], (state, coverage, locate): LocationResult =>
  state.status === 'ready' ? { status: 'ready', result: judgeAgainstCoverage(state.result, coverage, locate) } : state,
);

/** Rings at the norm distances of the chosen housing type (distinct distances, largest first). */
export const $reachRings = computed([$analysisPoint, $normProfile, $reachHousingType], (point, profile, housingType) => {
  const empty: FeatureCollection<Polygon, RingProperties> = { type: 'FeatureCollection', features: [] };
  if (!point) return empty;
  const distances = [...new Set(profile.norms[housingType].map((norm) => norm.maxDistanceMeters))];
  return distances.length === 0 ? empty : ringsFor(point.location, distances);
});

/** Dashed lines from the point to the nearest facility of each category the profile uses. */
export const $nearestLines = computed([$locationResult, $profileCategories], (state, categories): FeatureCollection<LineString, { category: FacilityCategory }> => {
  if (state.status !== 'ready') return { type: 'FeatureCollection', features: [] };
  const { result } = state;
  return {
    type: 'FeatureCollection',
    features: categories.flatMap((category) => {
      const reach = result.categories[category];
      if (reach.status !== 'found') return [];
      return [{ type: 'Feature' as const, properties: { category }, geometry: { type: 'LineString' as const, coordinates: [result.point, reach.location] } }];
    }),
  };
});

// --- all key projects ---

/** The worker's rows for all key projects, before the declared coverage is applied. */
export const $siteAnalysis = atom<ReachabilityRow[] | null>(null);

/** One row per placed key project (52, including the 2 outlook-only rows), for the current norms and coverage. */
export const $siteRows = computed([$siteAnalysis, $categoryCoverage, $locateMunicipality], (rows, coverage, locate) =>
  rows === null ? null : rows.map((row) => ({ ...row, reachability: judgeAgainstCoverage(row.reachability, coverage, locate) })),
);

export type ProjectSortKey = 'name' | 'municipality' | `distance:${FacilityCategory}` | `housing:${HousingType}`;
export type SortDirection = 'ascending' | 'descending';

export interface ProjectTableState {
  open: boolean;
  sortKey: ProjectSortKey;
  sortDirection: SortDirection;
  /** CBS municipality code, or 'all'. */
  municipality: string;
  includeOutlookOnly: boolean;
}

export const $projectTable = atom<ProjectTableState>({ open: false, sortKey: 'name', sortDirection: 'ascending', municipality: 'all', includeOutlookOnly: false });

function patchProjectTable(changes: Partial<ProjectTableState>): void {
  $projectTable.set({ ...$projectTable.get(), ...changes });
}

export function openProjectTable(): void {
  patchProjectTable({ open: true });
}
export function closeProjectTable(): void {
  patchProjectTable({ open: false });
}
/** Sorting by the same column again reverses the order. */
export function sortProjectTable(sortKey: ProjectSortKey): void {
  const current = $projectTable.get();
  const sortDirection: SortDirection = current.sortKey === sortKey && current.sortDirection === 'ascending' ? 'descending' : 'ascending';
  patchProjectTable({ sortKey, sortDirection });
}
export function filterProjectTable(municipality: string): void {
  patchProjectTable({ municipality });
}
export function setIncludeOutlookOnly(includeOutlookOnly: boolean): void {
  patchProjectTable({ includeOutlookOnly });
}

export interface ProjectTableRow {
  project: PlacedKeyProject;
  municipalityName: string;
  row: ReachabilityRow;
}

/** Sort value; null (no data) always sorts last, in either direction. */
function sortValue(entry: ProjectTableRow, key: ProjectSortKey): string | number | null {
  if (key === 'name') return entry.project.name;
  if (key === 'municipality') return entry.municipalityName;
  const [kind, value] = key.split(':') as ['distance' | 'housing', string];
  if (kind === 'distance') {
    const reach = entry.row.reachability.categories[value as FacilityCategory];
    return reach.status === 'found' ? reach.distanceMeters : null;
  }
  const verdict = entry.row.reachability.housingTypes[value as HousingType];
  return verdict.requiredCount === 0 ? null : verdict.metCount / verdict.requiredCount;
}

export function sortProjectRows(rows: readonly ProjectTableRow[], key: ProjectSortKey, direction: SortDirection): ProjectTableRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = sortValue(a, key);
    const right = sortValue(b, key);
    if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
    const order = typeof left === 'string' ? left.localeCompare(String(right), 'nl') : left - (right as number);
    return order !== 0 ? sign * order : a.project.name.localeCompare(b.project.name, 'nl');
  });
}

export const $projectTableRows = computed([$siteRows, $appData, $planKeyProjects, $projectTable], (rows, data, planProjects, table): ProjectTableRow[] => {
  if (!rows) return [];
  const projects = new Map(planProjects.map((project) => [project.id, project]));
  const names = new Map((data.municipalities ?? []).map((municipality) => [municipality.code, municipality.name]));
  const joined = rows.flatMap((row) => {
    const project = projects.get(row.siteId);
    if (!project) return [];
    if (!table.includeOutlookOnly && !project.countsAsKeyProject) return [];
    if (table.municipality !== 'all' && project.municipalityCode !== table.municipality) return [];
    return [{ project, municipalityName: names.get(project.municipalityCode) ?? project.municipalityAsPrinted, row }];
  });
  return sortProjectRows(joined, table.sortKey, table.sortDirection);
});

/** A dataset's declared coverage in words, one group per declaration: "Volledig voor Zwolle: Huisarts, Supermarkt; Alleen deze locaties: Apotheek". */
export function datasetCoverageText(
  dataset: FacilityDataset,
  presentCategories: readonly FacilityCategory[],
  t: Translate,
  municipalityName: (code: string) => string,
): string {
  return declarationGroups(dataset, presentCategories)
    .map(({ declaration, categories }) => {
      const listed = categories.map((category) => t(`category.${category}`)).join(', ');
      return declaration.kind === 'municipalities'
        ? t('coverage.summary.municipalities', { areas: declaration.codes.map(municipalityName).join(', '), categories: listed })
        : t(`coverage.summary.${declaration.kind}`, { categories: listed });
    })
    .join('; ');
}

function dateTimeText(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/**
 * The shown table rows as CSV for Dutch Excel, with the current language's labels: per project its
 * municipality, homes 2024–2030 and location precision; under the table the date, the norms and
 * walking speed in force and every dataset used with its coverage.
 */
export function projectTableCsv(exportedAt: Date = new Date()): string {
  const t = $translate.get();
  const labels: ReachabilityCsvLabels = {
    siteId: t('reach.csv.siteId'),
    siteName: t('reach.csv.siteName'),
    outsideProvince: t('reach.csv.outsideProvince'),
    yes: t('reach.csv.yes'),
    no: t('reach.csv.no'),
    noData: t('reach.verdict.noData'),
    distanceColumn: t('reach.csv.distanceColumn'),
    walkingMinutesColumn: t('reach.csv.walkingMinutesColumn'),
    completeColumn: t('reach.csv.completeColumn'),
    verdictColumn: t('reach.csv.verdictColumn'),
    categories: Object.fromEntries(FACILITY_CATEGORIES.map((category) => [category, t(`category.${category}`)])) as Record<FacilityCategory, string>,
    housingTypes: Object.fromEntries(HOUSING_TYPES.map((type) => [type, t(`housing.${type}`)])) as Record<HousingType, string>,
    verdicts: { met: t('reachUi.verdict.met'), notMet: t('reachUi.verdict.notMet'), noData: t('reachUi.verdict.noData') },
  };
  const entries = $projectTableRows.get();
  const entryAt = (index: number) => entries[index] as ProjectTableRow;
  const siteColumns = [
    { header: t('reach.csv.municipality'), value: (_row: ReachabilityRow, index: number) => entryAt(index).municipalityName },
    {
      header: t('reach.csv.homes2024To2030'),
      value: (_row: ReachabilityRow, index: number) => {
        const homes = entryAt(index).project.homes2024To2030;
        return homes === null ? t('value.none') : String(homes);
      },
    },
    { header: t('reach.csv.locationPrecision'), value: (_row: ReachabilityRow, index: number) => t(`keyProject.precision.${entryAt(index).project.locationPrecision}`) },
  ];

  const profile = $normProfile.get();
  const speed = $walkingSpeed.get();
  const kilometersPerHour = (speed.metersPerSecond * 3.6).toFixed(1).replace('.', ',');
  const municipalityName = (code: string) => $appData.get().municipalities?.find((municipality) => municipality.code === code)?.name ?? code;
  const byDataset = $facilitiesByDataset.get();
  const datasets = $facilityDatasets.get().filter((dataset) => !dataset.hidden && (byDataset.get(dataset.id)?.length ?? 0) > 0);
  const about: string[][] = [
    [t('reach.csv.aboutTitle')],
    [t('reach.csv.exportedAt'), dateTimeText(exportedAt)],
    [t('reach.csv.normProfile'), isMessageKey(profile.labelKey) ? t(profile.labelKey) : profile.labelKey],
    ...HOUSING_TYPES.map((housingType) => [
      t('reach.csv.normsFor', { housingType: t(`housing.${housingType}`) }),
      profile.norms[housingType].map((norm) => `${t(`category.${norm.category}`)} ${norm.maxDistanceMeters} m`).join(', ') || t('value.none'),
    ]),
    [t('reach.csv.walkingSpeed'), speed.id === 'custom' ? t('reach.csv.customSpeed', { speed: kilometersPerHour }) : t(`norms.speed.${speed.id}`)],
    [t('reach.csv.distanceMethod'), t('reach.csv.straightLine')],
    [t('reach.csv.datasetsTitle')],
    [t('reach.csv.datasetName'), t('reach.csv.datasetSource'), t('reach.csv.datasetLicence'), t('reach.csv.datasetDate'), t('reach.csv.datasetCoverage')],
    ...(datasets.length === 0
      ? [[t('reach.csv.noDatasets')]]
      : datasets.map((dataset) => [
          dataset.name,
          dataset.source,
          dataset.licence,
          dataset.retrievedAt.slice(0, 10),
          datasetCoverageText(dataset, [...new Set((byDataset.get(dataset.id) ?? []).map((facility) => facility.category))], t, municipalityName),
        ])),
  ];
  return reachabilityTableToCsv(
    entries.map((entry) => entry.row),
    labels,
    $profileCategories.get(),
    { siteColumns, about },
  );
}

/** Show "met/required" next to each key project symbol on the map. */
export const $showProjectReachLabels = atom(false);
export function setShowProjectReachLabels(show: boolean): void {
  $showProjectReachLabels.set(show);
}

export const $projectReachLabels = computed(
  [$siteRows, $planKeyProjects, $reachHousingType, $showProjectReachLabels],
  (rows, planProjects, housingType, show): FeatureCollection<Point, { id: string; label: string; verdict: Verdict }> => {
    if (!rows || !show) return { type: 'FeatureCollection', features: [] };
    const projects = new Map(planProjects.map((project) => [project.id, project]));
    return {
      type: 'FeatureCollection',
      features: rows.flatMap((row) => {
        const project = projects.get(row.siteId);
        if (!project) return [];
        const verdict = row.reachability.housingTypes[housingType];
        return [
          {
            type: 'Feature' as const,
            properties: { id: project.id, label: `${verdict.metCount}/${verdict.requiredCount}`, verdict: verdict.verdict },
            geometry: { type: 'Point' as const, coordinates: project.location },
          },
        ];
      }),
    };
  },
);

// --- province grid ---

export type GridMode = 'off' | 'housingType' | 'category';
export const GRID_CELL_SIZES_METERS = [250, 100] as const;
export type GridCellSizeMeters = (typeof GRID_CELL_SIZES_METERS)[number];

export interface GridSettings {
  mode: GridMode;
  housingType: HousingType;
  category: FacilityCategory;
  cellSizeMeters: GridCellSizeMeters;
}

export const $gridSettings = atom<GridSettings>({ mode: 'off', housingType: 'nultreden', category: 'supermarkt', cellSizeMeters: 250 });

export function setGridSettings(changes: Partial<GridSettings>): void {
  batch(() => {
    $gridSettings.set({ ...$gridSettings.get(), ...changes });
    $selectedGridCell.set(null);
  });
}

export const $gridDescription = atom<GridDescription | null>(null);

export type GridResult =
  | { status: 'off' }
  | { status: 'pending' }
  | { status: 'ready'; score: GridScore; grid: GridDescription }
  | { status: 'failed'; issues: DataIssue[] };

export const $gridResult = atom<GridResult>({ status: 'off' });

/** Upper bounds (inclusive, metres) of the distance bands; beyond the last is its own band. */
export const DISTANCE_BAND_UPPER_METERS = [250, 500, 800, 1200, 2000] as const;

/**
 * ColorBrewer YlGnBu, 7 classes (marked colour-blind safe): light = little reach, dark = good reach,
 * so the order also reads in greyscale. Classes pick evenly spread colours from it.
 */
export const GRID_PALETTE = ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'] as const;

function spreadPalette(count: number): string[] {
  if (count === 1) return [GRID_PALETTE[GRID_PALETTE.length - 1]!];
  return Array.from({ length: count }, (_, index) => GRID_PALETTE[Math.round((index * (GRID_PALETTE.length - 1)) / (count - 1))]!);
}

export type GridClass =
  | { kind: 'normsMet'; metCount: number; requiredCount: number; colour: string; cellCount: number }
  | { kind: 'distanceBand'; fromMeters: number; toMeters: number | null; colour: string; cellCount: number };

export interface GridLayerData {
  grid: GridDescription;
  /** false when no required category has data: nothing is drawn and the legend says "geen gegevens". */
  hasData: boolean;
  /** Class of each cell (position in grid.centers / 2), 255 = no value. */
  classIndex: Uint8Array;
  classes: GridClass[];
  score: GridScore;
}

export const NO_GRID_CLASS = 255;

/** Classes per cell: one per number of norms met (0…n), or distance bands from near (dark) to far (light). */
export function classifyGrid(grid: GridDescription, score: GridScore): GridLayerData {
  const classIndex = new Uint8Array(grid.cellCount).fill(NO_GRID_CLASS);
  let classes: GridClass[];
  if (score.target.kind === 'normsMet') {
    const required = score.requiredCount;
    const colours = spreadPalette(required + 1);
    classes = colours.map((colour, metCount) => ({ kind: 'normsMet', metCount, requiredCount: required, colour, cellCount: 0 }));
    // with no data for any required category, "0 met" everywhere would read as a fact: leave cells unclassed
    const judgeable = score.noDataCategories.length < required;
    for (let cell = 0; judgeable && cell < grid.cellCount; cell++) {
      const met = score.values[cell]!;
      if (Number.isFinite(met)) classIndex[cell] = Math.min(Math.max(Math.round(met), 0), required);
    }
  } else {
    const uppers = [...DISTANCE_BAND_UPPER_METERS, null];
    const colours = spreadPalette(uppers.length).reverse();
    classes = uppers.map((toMeters, band) => ({
      kind: 'distanceBand',
      fromMeters: band === 0 ? 0 : DISTANCE_BAND_UPPER_METERS[band - 1]!,
      toMeters,
      colour: colours[band]!,
      cellCount: 0,
    }));
    for (let cell = 0; cell < grid.cellCount; cell++) {
      const meters = score.values[cell]!;
      if (!Number.isFinite(meters)) continue;
      let band = DISTANCE_BAND_UPPER_METERS.findIndex((upper) => meters <= upper);
      if (band < 0) band = DISTANCE_BAND_UPPER_METERS.length;
      classIndex[cell] = band;
    }
  }
  for (let cell = 0; cell < grid.cellCount; cell++) {
    const index = classIndex[cell]!;
    if (index !== NO_GRID_CLASS) classes[index]!.cellCount++;
  }
  const hasData = score.target.kind === 'normsMet' ? score.noDataCategories.length < score.requiredCount : score.noDataCategories.length === 0;
  return { grid, hasData, classIndex, classes, score };
}

export const $gridLayer = computed($gridResult, (result) => (result.status === 'ready' ? classifyGrid(result.grid, result.score) : null));

/** Position (in the grid's cell list) of the cell containing [lon, lat], or -1. */
export function gridCellAt(grid: GridDescription, [lon, lat]: [number, number]): number {
  const column = Math.floor((lon - grid.originLon) / grid.cellWidthDegrees);
  const row = Math.floor((lat - grid.originLat) / grid.cellHeightDegrees);
  if (column < 0 || row < 0 || column >= grid.columns || row >= grid.rows) return -1;
  const cellId = row * grid.columns + column;
  // cellIds ascend (row by row, west to east): binary search
  let low = 0;
  let high = grid.cellCount - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = grid.cellIds[middle]!;
    if (candidate === cellId) return middle;
    if (candidate < cellId) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

export interface SelectedGridCell {
  position: number;
  /** The clicked point, [lon, lat]. */
  location: [number, number];
}

export const $selectedGridCell = atom<SelectedGridCell | null>(null);

/** The categories the grid in view judges: the housing type's norms, or the one category. */
export function gridCategories(settings: GridSettings, profile: NormProfile): FacilityCategory[] {
  if (settings.mode === 'category') return [settings.category];
  return profile.norms[settings.housingType].map((norm) => norm.category);
}

/**
 * Municipalities where a category the grid judges is not complete: hatched on the map, because
 * there a cell's number of norms met is only a minimum and a distance only a maximum. null when
 * the grid is off or everything it judges is complete everywhere.
 */
export const $gridIncompleteCodes = computed([$gridSettings, $normProfile, $categoryCoverage, $appData], (settings, profile, coverage, data): string[] | null => {
  if (settings.mode === 'off') return null;
  const codes = (data.municipalities ?? []).map((municipality) => municipality.code);
  const incomplete = municipalitiesWithIncompleteData(coverage, gridCategories(settings, profile), codes);
  return incomplete.length === 0 ? null : incomplete;
});

/** The judged categories whose data is not complete at the selected cell (its figures are then a bound). */
export const $selectedCellIncomplete = computed(
  [$selectedGridCell, $gridSettings, $normProfile, $categoryCoverage, $locateMunicipality],
  (selected, settings, profile, coverage, locate): FacilityCategory[] => {
    if (!selected || settings.mode === 'off') return [];
    // grid cells lie inside the province by construction
    const incomplete = incompleteCategoriesAt(coverage, locate(selected.location), true);
    return [...new Set(gridCategories(settings, profile))].filter((category) => incomplete.has(category));
  },
);

/** A map click while the grid shows: remember the cell under it (outside the grid: nothing). */
/** Remembers the grid cell at the location; returns true when the visible grid has a cell there. */
export function selectGridCellAt(location: [number, number]): boolean {
  const layer = $gridLayer.get();
  if (!layer || $gridSettings.get().mode === 'off') return false;
  const position = gridCellAt(layer.grid, location);
  $selectedGridCell.set(position < 0 ? null : { position, location });
  return position >= 0;
}

// --- worker client ---

/** The part of a Worker the client uses, so tests can pass a stand-in that runs the handler directly. */
export interface ReachabilityWorkerPort {
  postMessage(message: ReachabilityRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ReachabilityResponse>) => void): void;
  /** A worker that cannot start (script blocked, syntax error) reports here. */
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate?(): void;
}

export function createReachabilityWorker(): Worker {
  return new Worker(new URL('../analysis/reachabilityWorker.ts', import.meta.url), { type: 'module', name: 'reachability' });
}

type RequestKind = 'facilities' | 'grid' | 'location' | 'sites' | 'score' | 'scenarioSites' | 'dragSite';
/** A request without its id (the client numbers it), kept per message type. */
type RequestBody = ReachabilityRequest extends infer Request ? (Request extends unknown ? Omit<Request, 'requestId'> : never) : never;

/**
 * Starts feeding the worker from the stores: facilities, province grid, analysis point, all key
 * projects and the grid score. Responses older than the last request of their kind are dropped.
 * Returns a stop function.
 */
export function startReachabilityWorker(port: ReachabilityWorkerPort = createReachabilityWorker()): () => void {
  let nextRequestId = 1;
  const latest = new Map<RequestKind, number>();
  const kindOf = new Map<number, RequestKind>();
  let gridReady = false;
  let gridProvince: Polygon | MultiPolygon | null = null;
  let gridCellSize = 0;
  let facilitiesGeneration = 0;

  /** Set once the worker has failed (e.g. it could not start): every later request fails at once instead of waiting forever. */
  let workerFailure: DataIssue[] | null = null;
  const failRequest = (kind: RequestKind, issues: DataIssue[]): void => {
    if (kind === 'location') $locationAnalysis.set({ status: 'failed', issues });
    else if (kind === 'score') $gridResult.set({ status: 'failed', issues });
    else if (kind === 'sites') $siteAnalysis.set(null);
    else if (kind === 'scenarioSites') $scenarioSiteAnalysis.set({ status: 'failed', issues });
    else if (kind === 'dragSite') $dragSiteAnalysis.set(null);
  };

  const send = (kind: RequestKind, request: RequestBody, transfer: Transferable[] = []): void => {
    if (workerFailure !== null) {
      failRequest(kind, workerFailure);
      return;
    }
    const requestId = nextRequestId++;
    latest.set(kind, requestId);
    kindOf.set(requestId, kind);
    port.postMessage({ ...request, requestId } as ReachabilityRequest, transfer);
  };

  const analyseLocationNow = (): void => {
    const point = $analysisPoint.get();
    if (!point) return;
    $locationAnalysis.set({ status: 'pending' });
    send('location', { type: 'analyseLocation', point: point.location, profile: $normProfile.get(), speed: $walkingSpeed.get() });
  };
  const analyseSitesNow = (): void => {
    const sites: ReachabilitySite[] = $planKeyProjects.get().map((project) => ({ id: project.id, name: project.name, location: project.location }));
    if (sites.length === 0) return;
    send('sites', { type: 'analyseSites', sites, profile: $normProfile.get(), speed: $walkingSpeed.get() });
  };
  /** The active draft's sites: every time the plan, the facilities or the norms change. */
  const analyseScenarioSitesNow = (): void => {
    const sites = $scenarioReachSites.get();
    if (sites.length === 0) {
      latest.delete('scenarioSites');
      $scenarioSiteAnalysis.set({ status: 'idle' });
      return;
    }
    const previous = $scenarioSiteAnalysis.get();
    $scenarioSiteAnalysis.set({ status: 'pending', rows: previous.status === 'ready' || previous.status === 'pending' ? previous.rows : null });
    send('scenarioSites', { type: 'analyseSites', sites, profile: $normProfile.get(), speed: $walkingSpeed.get() });
  };
  /** The dragged site: at most one request per animation frame, for its latest position (older answers are dropped). */
  let dragFrameRequested = false;
  const nextFrame = (callback: () => void): void => {
    if (typeof globalThis.requestAnimationFrame === 'function') globalThis.requestAnimationFrame(callback);
    else setTimeout(callback, 16);
  };
  const analyseDraggedSiteSoon = (): void => {
    if (dragFrameRequested) return;
    dragFrameRequested = true;
    nextFrame(() => {
      dragFrameRequested = false;
      const site = $dragReachSite.get();
      if (site) send('dragSite', { type: 'analyseSites', sites: [site], profile: $normProfile.get(), speed: $walkingSpeed.get() });
    });
  };
  const scoreGridNow = (): void => {
    const settings = $gridSettings.get();
    if (settings.mode === 'off') {
      latest.delete('score');
      $gridResult.set({ status: 'off' });
      return;
    }
    if (!gridReady) {
      $gridResult.set({ status: 'pending' });
      return;
    }
    $gridResult.set({ status: 'pending' });
    const target = settings.mode === 'housingType' ? { kind: 'normsMet' as const, housingType: settings.housingType } : { kind: 'distance' as const, category: settings.category };
    send('score', { type: 'scoreGrid', profile: $normProfile.get(), target });
  };
  const setGridNow = (): void => {
    const province = $appData.get().province?.features[0]?.geometry;
    const cellSizeMeters = $gridSettings.get().cellSizeMeters;
    if (!province || (province === gridProvince && cellSizeMeters === gridCellSize)) return;
    gridProvince = province;
    gridCellSize = cellSizeMeters;
    gridReady = false;
    send('grid', { type: 'setGrid', province, cellSizeMeters });
  };

  const onMessage = (event: MessageEvent<ReachabilityResponse>): void => {
    const response = event.data;
    const kind = kindOf.get(response.requestId);
    kindOf.delete(response.requestId);
    if (!kind || latest.get(kind) !== response.requestId) return;
    if (response.type === 'error') {
      failRequest(kind, response.issues);
      return;
    }
    if (response.type === 'facilitiesSet') $categoriesWithData.set(response.categoriesWithData);
    else if (response.type === 'gridSet') {
      gridReady = true;
      $gridDescription.set(response.grid);
      // the province outline arrived with the grid: the outside-province flag may change
      analyseLocationNow();
      scoreGridNow();
    } else if (response.type === 'locationAnalysed') $locationAnalysis.set({ status: 'ready', result: response.result });
    else if (response.type === 'sitesAnalysed' && kind === 'scenarioSites') {
      batch(() => {
        $scenarioSiteAnalysis.set({ status: 'ready', rows: response.rows });
        if ($dragReachSite.get() === null) $dragSiteAnalysis.set(null);
      });
    } else if (response.type === 'sitesAnalysed' && kind === 'dragSite') $dragSiteAnalysis.set(response.rows[0] ?? null);
    else if (response.type === 'sitesAnalysed') $siteAnalysis.set(response.rows);
    else if (response.type === 'gridScored') {
      const grid = $gridDescription.get();
      if (grid) $gridResult.set({ status: 'ready', score: response.score, grid });
    }
  };
  port.addEventListener('message', onMessage);
  port.onerror = (event: ErrorEvent) => {
    const issues: DataIssue[] = [{ code: 'reach.workerError', file: 'reachabilityWorker', params: { reason: event.message || 'worker' } }];
    workerFailure = issues;
    // every open request is lost with the worker: say so wherever a result was awaited
    if ($locationAnalysis.get().status === 'pending') $locationAnalysis.set({ status: 'failed', issues });
    if ($gridResult.get().status === 'pending') $gridResult.set({ status: 'failed', issues });
  };

  const unsubscribers = [
    $reachFacilities.subscribe((facilities) => {
      const sendFacilities = (packed: PackedFacilities) => {
        send('facilities', { type: 'setFacilities', facilities: packed }, [packed.coordinates.buffer, packed.categoryCodes.buffer]);
        analyseLocationNow();
        analyseSitesNow();
        analyseScenarioSitesNow();
        scoreGridNow();
      };
      facilitiesGeneration += 1;
      const generation = facilitiesGeneration;
      // A large list is packed a chunk per task; a newer list stops an older packing.
      if (facilities.length <= PACK_CHUNK_SIZE) sendFacilities(packFacilities(facilities));
      else void packFacilitiesInChunks(facilities, () => generation === facilitiesGeneration).then((packed) => packed && generation === facilitiesGeneration && sendFacilities(packed));
    }),
    $appData.listen(() => setGridNow()),
    // the key projects as the plan places them: the published ones, or moved in the active draft
    $planKeyProjects.listen(analyseSitesNow),
    $normProfile.listen(() => {
      analyseLocationNow();
      analyseSitesNow();
      analyseScenarioSitesNow();
      scoreGridNow();
    }),
    $walkingSpeed.listen(() => {
      analyseLocationNow();
      analyseSitesNow();
      analyseScenarioSitesNow();
    }),
    $scenarioReachSites.listen(analyseScenarioSitesNow),
    $dragReachSite.listen((site) => site && analyseDraggedSiteSoon()),
    $analysisPoint.listen(analyseLocationNow),
    $gridSettings.listen(() => {
      setGridNow();
      scoreGridNow();
    }),
  ];
  setGridNow();

  return () => {
    unsubscribers.forEach((unsubscribe) => unsubscribe());
    port.terminate?.();
  };
}
