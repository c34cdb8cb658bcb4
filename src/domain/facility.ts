// Facilities around a location: care locations and everyday amenities, with the dataset they came from.

import type { MunicipalityCode } from './geography';

export const FACILITY_CATEGORIES = [
  'zorg24uur', // 24-uurszorg: verpleeghuis / nursing home, Wlz care
  'woonzorgcentrum', // woonzorgcentrum / geclusterd wonen voor ouderen
  'huisarts',
  'apotheek',
  'supermarkt',
  'ovHalte', // bus, tram or train stop; transitMode tells which
  'ontmoetingsplek', // community centre, meeting place
  'overig',
] as const;
export type FacilityCategory = (typeof FACILITY_CATEGORIES)[number];

export type TransitMode = 'bus' | 'tram' | 'train' | 'unknown';

export interface FacilityAttributes {
  address?: string;
  operator?: string;
  capacity?: number;
  /** Only for category 'ovHalte'. */
  transitMode?: TransitMode;
  /** Free extra fields from an import or OSM tags, shown as text. */
  extra?: Record<string, string>;
}

export interface Facility {
  /** Unique within its dataset; globally unique as facilityKey (datasetId/id). */
  id: string;
  name: string;
  category: FacilityCategory;
  /** [lon, lat] WGS84. */
  location: [number, number];
  datasetId: string;
  attributes: FacilityAttributes;
}

export type FacilityDatasetKind = 'embedded' | 'import' | 'osm';

/**
 * What a dataset declares about one category: only its own locations ("alleen deze locaties"),
 * every facility in some municipalities, or every facility in the whole province.
 */
export type CoverageDeclaration =
  | { kind: 'locationsOnly' }
  | { kind: 'municipalities'; codes: MunicipalityCode[] }
  | { kind: 'province' };

export type DatasetCompleteness = Partial<Record<FacilityCategory, CoverageDeclaration>>;

export const LOCATIONS_ONLY: CoverageDeclaration = { kind: 'locationsOnly' };

/** The declaration for a category (absent = only these locations); municipalities without codes also mean that. */
export function declarationFor(dataset: Pick<FacilityDataset, 'completeness'>, category: FacilityCategory): CoverageDeclaration {
  const declaration = dataset.completeness[category];
  if (!declaration || (declaration.kind === 'municipalities' && declaration.codes.length === 0)) return LOCATIONS_ONLY;
  return declaration;
}

/** The same declaration for each of the categories. */
export function completenessFor(categories: readonly FacilityCategory[], declaration: CoverageDeclaration): DatasetCompleteness {
  return Object.fromEntries(categories.map((category) => [category, declaration])) as DatasetCompleteness;
}

/** Kinds of dataset that are ever stored (the embedded ones ship with the app). */
const STORED_KINDS: readonly FacilityDatasetKind[] = ['import', 'osm'];

/** A restored record, with what could not be read (each a short English note, shown in the storage problem). */
export type RestoredRecord<T> = { ok: true; value: T; unread: string[] } | { ok: false; reason: string };

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The per-category declarations that can be read; an unknown category or an unreadable declaration
 * is left out (and noted), which means "only these locations" for it: never a completeness claim the
 * data did not make.
 */
function restoreCompleteness(value: Record<string, unknown>, unread: string[]): DatasetCompleteness {
  const completeness: DatasetCompleteness = {};
  for (const [category, declaration] of Object.entries(value)) {
    if (!isFacilityCategory(category)) {
      unread.push(`unknown category ${JSON.stringify(category)}`);
      continue;
    }
    if (isPlainRecord(declaration) && (declaration['kind'] === 'province' || declaration['kind'] === 'locationsOnly')) completeness[category] = { kind: declaration['kind'] };
    else if (isPlainRecord(declaration) && declaration['kind'] === 'municipalities' && Array.isArray(declaration['codes']) && declaration['codes'].every((code) => typeof code === 'string')) {
      completeness[category] = { kind: 'municipalities', codes: [...(declaration['codes'] as string[])] };
    } else unread.push(`declaration for ${category}`);
  }
  return completeness;
}

/**
 * Restores a stored dataset record (its dataset fields; storage bookkeeping already taken off) from
 * whatever was read: any version of the app, or a damaged profile.
 * - Without an id or a stored kind it cannot be used: `{ ok: false, reason }`.
 * - Otherwise every field it can read is used, a field it cannot read gets its default (name: the
 *   id; source, licence, date: empty; hidden: false; completeness: only these locations) and is
 *   named in `unread`, and fields this version does not know are kept as they are.
 * - Records saved before per-category declarations carry `coverage` (an area) and `categories`
 *   (declared complete inside it): an OpenStreetMap download keeps its queried categories complete
 *   for its queried area; an import becomes "only these locations" for every category, because the
 *   old import declared every file complete for the whole province without asking (the planner can
 *   declare the real coverage in the dataset list).
 */
export function restoreDatasetRecord(value: unknown): RestoredRecord<FacilityDataset> {
  if (!isPlainRecord(value)) return { ok: false, reason: 'not an object' };
  const { coverage, categories, completeness, ...rest } = value;
  if (typeof rest['id'] !== 'string' || rest['id'] === '') return { ok: false, reason: 'no id' };
  if (!STORED_KINDS.includes(rest['kind'] as FacilityDatasetKind)) return { ok: false, reason: `unknown kind ${JSON.stringify(rest['kind'])}` };
  const unread: string[] = [];
  const text = (field: 'name' | 'source' | 'licence' | 'retrievedAt', fallback: string): string => {
    if (typeof rest[field] === 'string') return rest[field];
    unread.push(rest[field] === undefined ? `no ${field}` : `${field} is not text`);
    return fallback;
  };
  const dataset = {
    ...rest,
    id: rest['id'],
    kind: rest['kind'] as FacilityDatasetKind,
    name: text('name', rest['id']),
    source: text('source', ''),
    licence: text('licence', ''),
    retrievedAt: text('retrievedAt', ''),
    hidden: rest['hidden'] === true,
    completeness: {},
  } as FacilityDataset;
  if (rest['hidden'] !== undefined && typeof rest['hidden'] !== 'boolean') unread.push('hidden is not true or false');
  if (completeness !== undefined) {
    if (isPlainRecord(completeness)) dataset.completeness = restoreCompleteness(completeness, unread);
    else unread.push('completeness');
    return { ok: true, value: dataset, unread };
  }
  if (coverage === undefined && categories === undefined) return { ok: true, value: dataset, unread };
  // Saved before per-category declarations.
  const area = coverage === 'province' ? 'province' : Array.isArray(coverage) && coverage.every((code) => typeof code === 'string') ? (coverage as MunicipalityCode[]) : null;
  const listed = Array.isArray(categories) ? categories : null;
  if (area === null || listed === null) {
    unread.push(area === null ? 'coverage' : 'categories');
    return { ok: true, value: dataset, unread };
  }
  for (const category of listed) if (!isFacilityCategory(category)) unread.push(`unknown category ${JSON.stringify(category)}`);
  if (dataset.kind === 'osm') {
    const declaration: CoverageDeclaration = area === 'province' ? { kind: 'province' } : { kind: 'municipalities', codes: [...area] };
    dataset.completeness = completenessFor(listed.filter(isFacilityCategory), declaration);
  }
  return { ok: true, value: dataset, unread };
}

/** Where a set of facilities came from: shown with every facility and in the layer panel. */
export interface FacilityDataset {
  id: string;
  kind: FacilityDatasetKind;
  /** User-visible name (renamable for imports). */
  name: string;
  /** Original source as the user or the embedded provenance states it. */
  source: string;
  licence: string;
  /** ISO timestamp of retrieval or import. */
  retrievedAt: string;
  /**
   * Per category, where this dataset holds every facility (declared by the planner for an import;
   * the queried area for an OpenStreetMap download). A category without an entry is "only these
   * locations": complete nowhere. src/analysis/dataCoverage.ts turns this into verdicts.
   */
  completeness: DatasetCompleteness;
  hidden: boolean;
  /** Marks data a test loaded itself, so the UI can label it as test data. */
  isTestData?: boolean;
}

export function isFacilityCategory(value: unknown): value is FacilityCategory {
  return typeof value === 'string' && (FACILITY_CATEGORIES as readonly string[]).includes(value);
}

const CATEGORY_CODES: ReadonlyMap<FacilityCategory, number> = new Map(FACILITY_CATEGORIES.map((category, code) => [category, code]));

/** A category as a small number (its position in FACILITY_CATEGORIES), as packed facilities carry it; -1 for none. */
export function categoryCode(category: FacilityCategory): number {
  return CATEGORY_CODES.get(category) ?? -1;
}

/** The category a packed code stands for; undefined for a code that stands for none. */
export function categoryOfCode(code: number): FacilityCategory | undefined {
  return FACILITY_CATEGORIES[code];
}

export const TRANSIT_MODES: readonly TransitMode[] = ['bus', 'tram', 'train', 'unknown'];

/** Key that is unique across datasets; use it for map feature ids and selections. */
export function facilityKey(facility: Pick<Facility, 'datasetId' | 'id'>): string {
  return `${facility.datasetId}/${facility.id}`;
}

/** A record that carries its facilityKey, made once (merged facilities do: src/analysis/mergeFacilities.ts). */
export interface KeyedFacility extends Facility {
  readonly key: string;
}

/**
 * facilityKey, read from the record when it carries it. With hundreds of thousands of facilities the
 * lists and maps that hold keys (the map's feature ids, the lookup by key, the map feed) then share one
 * string per facility instead of each making its own (about 60 bytes per facility and list).
 */
export function keyOf(facility: Facility | KeyedFacility): string {
  return 'key' in facility ? facility.key : facilityKey(facility);
}

/**
 * Longest facility or dataset name kept, in characters. Real names are far shorter (the longest in
 * OSM Overijssel are under 100); a longer one is a mistake (a whole text in the name column) and
 * would overflow every panel.
 */
export const MAX_NAME_LENGTH = 200;
const ELLIPSIS = '…';

/** True when `limitName` would cut this (already trimmed) name. */
export function isNameTooLong(name: string): boolean {
  return name.trim().length > MAX_NAME_LENGTH;
}

/** Trims a name and cuts it to MAX_NAME_LENGTH characters, ending in "…" when cut (never inside a surrogate pair). */
export function limitName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length <= MAX_NAME_LENGTH) return trimmed;
  let end = MAX_NAME_LENGTH - ELLIPSIS.length;
  const last = trimmed.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return trimmed.slice(0, end).trimEnd() + ELLIPSIS;
}

/** Builds a facility, dropping a transit mode on anything that is not a stop and empty attribute fields; cuts an overlong name. */
export function createFacility(input: {
  id: string;
  name: string;
  category: FacilityCategory;
  location: [number, number];
  datasetId: string;
  attributes?: FacilityAttributes;
}): Facility {
  const attributes: FacilityAttributes = {};
  const given = input.attributes ?? {};
  if (given.address) attributes.address = given.address;
  if (given.operator) attributes.operator = given.operator;
  if (given.capacity !== undefined && Number.isFinite(given.capacity)) attributes.capacity = given.capacity;
  if (input.category === 'ovHalte') attributes.transitMode = given.transitMode ?? 'unknown';
  if (given.extra && Object.keys(given.extra).length > 0) attributes.extra = given.extra;
  return {
    id: input.id,
    name: limitName(input.name),
    category: input.category,
    location: [input.location[0], input.location[1]],
    datasetId: input.datasetId,
    attributes,
  };
}
