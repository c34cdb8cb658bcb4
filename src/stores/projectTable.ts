// The reachability of all key projects: the worker's rows judged against the declared coverage, the
// table's sorting and filters, its CSV export, and the "met/required" labels on the map.

import { atom, computed } from 'nanostores';
import type { FeatureCollection, Point } from 'geojson';
import { isMessageKey } from '../i18n/catalogue';
import { FACILITY_CATEGORIES, type FacilityCategory, type FacilityDataset } from '../domain/facility';
import { HOUSING_TYPES, type HousingType } from '../domain/housing';
import { declarationGroups, judgeAtPoint } from '../analysis/dataCoverage';
import { joinProjectRows, sortProjectRows, type ProjectSortKey, type ProjectTableFilter, type ProjectTableRow, type SortDirection } from '../analysis/projectTable';
import type { ReachabilityRow, Verdict } from '../analysis/reachability';
import { reachabilityTableToCsv, type ReachabilityCsvLabels } from '../analysis/reachabilityCsv';
import { $appData } from './appData';
import { $planKeyProjects } from './planKeyProjects';
import { $completeAreas, $facilitiesByDataset, $facilityDatasets } from './facilities';
import { $translate, type Translate } from './language';
import { $distanceMethod, $normProfile, $profileCategories, $reachHousingType, $walkingSpeed } from './norms';

/** The worker's rows for all key projects, before the declared coverage is applied. */
export const $siteAnalysis = atom<ReachabilityRow[] | null>(null);

/** One row per placed key project (52, including the 2 outlook-only rows), for the current norms and coverage. */
export const $siteRows = computed([$siteAnalysis, $completeAreas], (rows, areas) =>
  rows === null ? null : rows.map((row) => ({ ...row, reachability: judgeAtPoint(row.reachability, areas) })),
);

export interface ProjectTableState extends ProjectTableFilter {
  open: boolean;
  sortKey: ProjectSortKey;
  sortDirection: SortDirection;
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

export const $projectTableRows = computed([$siteRows, $appData, $planKeyProjects, $projectTable], (rows, data, planProjects, table): ProjectTableRow[] =>
  rows ? sortProjectRows(joinProjectRows(rows, planProjects, data.municipalities ?? [], table), table.sortKey, table.sortDirection) : [],
);

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

export function dateTimeText(date: Date): string {
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
    distanceColumn: t($distanceMethod.get() === 'overStraat' ? 'reach.csv.distanceColumnChosen' : 'reach.csv.distanceColumn'),
    walkingMinutesColumn: t('reach.csv.walkingMinutesColumn'),
    completeColumn: t('reach.csv.completeColumn'),
    verdictColumn: t('reach.csv.verdictColumn'),
    categories: Object.fromEntries(FACILITY_CATEGORIES.map((category) => [category, t(`category.${category}`)])) as Record<FacilityCategory, string>,
    housingTypes: Object.fromEntries(HOUSING_TYPES.map((type) => [type, t(`housing.${type}`)])) as Record<HousingType, string>,
    verdicts: { met: t('reachUi.verdict.met'), notMet: t('reachUi.verdict.notMet'), noData: t('reachUi.verdict.noData') },
    street: {
      methodColumn: t('reach.csv.methodColumn'),
      methods: {
        hemelsbreed: t('reach.csv.method.hemelsbreed'),
        overStraat: t('reach.csv.method.overStraat'),
        outsideNetwork: t('reach.csv.method.outsideNetwork'),
        noNetwork: t('reach.csv.method.noNetwork'),
        farFromStreet: t('reach.csv.method.farFromStreet'),
      },
      straightColumn: t('reach.csv.straightColumn'),
      streetColumn: t('reach.csv.streetColumn'),
      noRoute: t('reach.csv.noRoute'),
    },
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
    [t('reach.csv.distanceMethod'), t($distanceMethod.get() === 'overStraat' ? 'reach.csv.overStreetChosen' : 'reach.csv.straightLine')],
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

