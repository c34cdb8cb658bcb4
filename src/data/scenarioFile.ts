// Scenario files: export one draft (or all) as JSON `{type, schemaVersion, exportedAt, scenarios}`,
// a draft's sites as GeoJSON, and reading an exported file back for import. Pure: the download and
// upload are in the UI, adding the drafts in src/stores/scenarioFiles.ts.
//
// Import is all or nothing: a file that is not JSON, not a scenario file, of a newer format, or holds
// one scenario that cannot be read is refused with a message naming the file (and the scenario) and
// why; nothing is added. Repairs (defaults filled in, edits that did not fit left out) are listed in
// the preview. A draft whose id already exists (in the browser or earlier in the file) is marked
// to be added as a copy: an import never overwrites.

import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { type DataIssue, errorReason } from '../domain/dataIssue';
import { EMPTY_SCENARIO_STATE, SCENARIO_FILE_TYPE, SCENARIO_SCHEMA_VERSION, type DraftScenario, type Site } from '../domain/scenario';
import { scenarioState } from '../analysis/scenarioState';
import { restoreScenario } from './scenarioRecord';

/** Largest scenario file read (a 500-site scenario with its history is well under 5 MB). */
export const MAX_SCENARIO_FILE_BYTES = 50 * 1024 * 1024;

export interface ScenarioFileContent {
  type: typeof SCENARIO_FILE_TYPE;
  schemaVersion: number;
  exportedAt: string;
  scenarios: DraftScenario[];
}

/** The file for one or more drafts (as they are, undo history included). */
export function serialiseScenarioFile(scenarios: readonly DraftScenario[], exportedAt: string): string {
  const content: ScenarioFileContent = {
    type: SCENARIO_FILE_TYPE,
    schemaVersion: SCENARIO_SCHEMA_VERSION,
    exportedAt,
    // lastExportedAt belongs to this browser's copy, not to the file.
    scenarios: scenarios.map((scenario) => ({ ...scenario, lastExportedAt: null })),
  };
  return JSON.stringify(content, null, 2);
}

export type SiteFeatureProperties = Omit<Site, 'location' | 'outline' | 'homes'> & {
  kind: 'site' | 'siteOutline';
  scenario: string;
  nultreden: number;
  geclusterd: number;
  zorggeschikt: number;
  overig: number;
};

/** The draft's current sites as GeoJSON (WGS84): a point per site, and its outline when drawn. */
export function scenarioSitesGeoJson(scenario: DraftScenario): FeatureCollection<Point | Polygon, SiteFeatureProperties> {
  const { sites } = scenarioState(scenario, EMPTY_SCENARIO_STATE);
  const features: Feature<Point | Polygon, SiteFeatureProperties>[] = [];
  for (const site of sites) {
    const { location, outline, homes, ...rest } = site;
    const properties = { ...rest, scenario: scenario.name, nultreden: homes.nultreden, geclusterd: homes.geclusterd, zorggeschikt: homes.zorggeschikt, overig: homes.overig };
    features.push({ type: 'Feature', id: site.id, geometry: { type: 'Point', coordinates: [...location] }, properties: { ...properties, kind: 'site' } });
    if (outline) features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: outline }, properties: { ...properties, kind: 'siteOutline' } });
  }
  return { type: 'FeatureCollection', features };
}

/** A file name for an export: the draft's name made safe, or "scenarios", and the date. */
export function scenarioFileName(scenarios: readonly Pick<DraftScenario, 'name'>[], exportedAt: string, extension: 'json' | 'geojson' = 'json'): string {
  const base = scenarios.length === 1 ? scenarios[0]!.name : 'scenarios';
  const slug =
    base
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'scenario';
  return `${slug}-${exportedAt.slice(0, 10)}.${extension}`;
}

export interface ScenarioImportEntry {
  scenario: DraftScenario;
  /** The id is taken (in this browser, or by an earlier draft in the file): it is added as a copy under a new id. */
  asCopy: boolean;
  /** What had to be filled in or left out (English, for the preview). */
  repairs: string[];
}

export type ScenarioFileParse = { ok: true; entries: ScenarioImportEntry[] } | { ok: false; issue: DataIssue };

function refuse(fileName: string, code: string, reason: string, record?: string | number): ScenarioFileParse {
  return { ok: false, issue: { code: `scenarioFiles.${code}`, file: fileName, ...(record !== undefined ? { record } : {}), params: { file: fileName, reason, ...(record !== undefined ? { record: String(record) } : {}) } } };
}

/**
 * Reads an exported file for import; `existingIds` are the drafts already in this browser.
 * Accepts a file of format SCENARIO_SCHEMA_VERSION or older; nothing is changed by reading.
 */
export function parseScenarioFile(text: string, fileName: string, existingIds: ReadonlySet<string>): ScenarioFileParse {
  if (text.length > MAX_SCENARIO_FILE_BYTES) return refuse(fileName, 'tooLarge', `${text.length} > ${MAX_SCENARIO_FILE_BYTES} bytes`);
  let content: unknown;
  try {
    content = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return refuse(fileName, 'notJson', errorReason(error));
  }
  if (typeof content !== 'object' || content === null || Array.isArray(content)) return refuse(fileName, 'wrongType', Array.isArray(content) ? 'a list' : typeof content);
  const file = content as Record<string, unknown>;
  if (file['type'] !== SCENARIO_FILE_TYPE) return refuse(fileName, 'wrongType', JSON.stringify(file['type'] ?? null));
  const version = file['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return refuse(fileName, 'badVersion', JSON.stringify(version ?? null));
  if (version > SCENARIO_SCHEMA_VERSION) return refuse(fileName, 'newerVersion', `format ${version}; this version reads up to ${SCENARIO_SCHEMA_VERSION}`);
  const list = file['scenarios'];
  if (!Array.isArray(list) || list.length === 0) return refuse(fileName, 'noScenarios', Array.isArray(list) ? 'empty list' : 'no list');

  const taken = new Set(existingIds);
  const entries: ScenarioImportEntry[] = [];
  for (const [index, item] of list.entries()) {
    const record = typeof (item as { name?: unknown } | null)?.name === 'string' ? `${index + 1} (${(item as { name: string }).name})` : index + 1;
    // A scenario in a file carries the file's format unless it says otherwise.
    const withVersion = typeof item === 'object' && item !== null && !Array.isArray(item) ? { schemaVersion: version, ...(item as Record<string, unknown>) } : item;
    const result = restoreScenario(withVersion);
    if (!result.ok) return refuse(fileName, result.newerVersion ? 'newerVersion' : 'scenarioUnreadable', result.reason, record);
    const asCopy = taken.has(result.scenario.id);
    taken.add(result.scenario.id);
    entries.push({ scenario: { ...result.scenario, lastExportedAt: null }, asCopy, repairs: result.repairs.filter((repair) => !repair.startsWith('schemaVersion')) });
  }
  return { ok: true, entries };
}
