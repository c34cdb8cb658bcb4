// The key-project reachability table: each analysed row joined with its project and municipality
// name, filtered and sorted ("no data" always last).

import type { FacilityCategory } from '../domain/facility';
import type { Municipality } from '../domain/geography';
import type { HousingType } from '../domain/housing';
import type { PlacedKeyProject } from '../domain/keyProject';
import type { ReachabilityRow } from './reachability';

export type ProjectSortKey = 'name' | 'municipality' | `distance:${FacilityCategory}` | `housing:${HousingType}`;
export type SortDirection = 'ascending' | 'descending';

export interface ProjectTableRow {
  project: PlacedKeyProject;
  municipalityName: string;
  row: ReachabilityRow;
}

export interface ProjectTableFilter {
  /** CBS municipality code, or 'all'. */
  municipality: string;
  includeOutlookOnly: boolean;
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

/** The rows of the projects the filter keeps, each with its project and municipality name (unsorted). */
export function joinProjectRows(
  rows: readonly ReachabilityRow[],
  projects: readonly PlacedKeyProject[],
  municipalities: readonly Pick<Municipality, 'code' | 'name'>[],
  filter: ProjectTableFilter,
): ProjectTableRow[] {
  const byId = new Map(projects.map((project) => [project.id, project]));
  const names = new Map(municipalities.map((municipality) => [municipality.code, municipality.name]));
  return rows.flatMap((row) => {
    const project = byId.get(row.siteId);
    if (!project) return [];
    if (!filter.includeOutlookOnly && !project.countsAsKeyProject) return [];
    if (filter.municipality !== 'all' && project.municipalityCode !== filter.municipality) return [];
    return [{ project, municipalityName: names.get(project.municipalityCode) ?? project.municipalityAsPrinted, row }];
  });
}
