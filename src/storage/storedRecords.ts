// Checks records read back from IndexedDB before the app uses them. Stored data may come from an
// older or newer version of the app, a half-finished migration, or a damaged profile: each record
// is checked on its own, a bad facility is left out and counted, a bad dataset record is left out
// and named, and everything readable is kept. Fields this version does not know are kept as they are.

import { isFacilityCategory, restoreDatasetRecord, type DatasetCompleteness, type Facility, type FacilityDataset, type FacilityDatasetKind, type StoredDatasetRecord } from '../domain/facility';

const STORED_KINDS: readonly FacilityDatasetKind[] = ['import', 'osm'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCoordinate(value: unknown, limit: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;
}

/** The dataset as the app uses it (bookkeeping fields removed, unknown fields kept), or why not. */
export function readStoredDataset(value: unknown): { dataset: FacilityDataset; revision: number } | { reason: string } {
  if (!isRecord(value)) return { reason: 'not an object' };
  const rest: Record<string, unknown> = { ...value };
  const revision = rest['revision'];
  for (const bookkeeping of ['facilityCount', 'savedAt', 'revision', 'chunkCount']) delete rest[bookkeeping];
  if (typeof rest['id'] !== 'string' || rest['id'] === '') return { reason: 'no id' };
  if (!STORED_KINDS.includes(rest['kind'] as FacilityDatasetKind)) return { reason: `unknown kind ${JSON.stringify(rest['kind'])}` };
  for (const field of ['name', 'source', 'licence', 'retrievedAt'] as const) {
    if (typeof rest[field] !== 'string') return { reason: `${field} is not text` };
  }
  const hidden = rest['hidden'] === true;
  let dataset: FacilityDataset;
  if (rest['completeness'] !== undefined) {
    if (!isRecord(rest['completeness'])) return { reason: 'completeness is not readable' };
    dataset = { ...rest, completeness: readCompleteness(rest['completeness']), hidden } as unknown as FacilityDataset;
  } else {
    // Saved before per-category declarations: an area and the categories complete inside it.
    const coverage = rest['coverage'];
    if (coverage !== 'province' && !(Array.isArray(coverage) && coverage.every((code) => typeof code === 'string'))) return { reason: 'coverage is not readable' };
    if (!Array.isArray(rest['categories'])) return { reason: 'categories are not a list' };
    // Unknown category names (e.g. from a newer version) are left out of the completeness claim.
    const legacy = { ...rest, categories: rest['categories'].filter(isFacilityCategory), hidden } as unknown as StoredDatasetRecord;
    dataset = restoreDatasetRecord(legacy);
  }
  return { dataset, revision: typeof revision === 'number' && Number.isInteger(revision) ? revision : 1 };
}

/** A stored facility as the app uses it (under `datasetId`), or null when it cannot be used. */
export function readStoredFacility(value: unknown, datasetId: string): Facility | null {
  if (!isRecord(value)) return null;
  if (typeof value['id'] !== 'string' || value['id'] === '' || typeof value['name'] !== 'string' || !isFacilityCategory(value['category'])) return null;
  const location = value['location'];
  if (!Array.isArray(location) || location.length !== 2 || !isCoordinate(location[0], 180) || !isCoordinate(location[1], 90)) return null;
  const attributesReadable = isRecord(value['attributes']);
  // Most records are fine as stored: use them as they are rather than copying 400,000 objects.
  if (attributesReadable && value['datasetId'] === datasetId) return value as unknown as Facility;
  return { ...(value as unknown as Facility), datasetId, attributes: attributesReadable ? (value['attributes'] as Facility['attributes']) : {} };
}

/**
 * The per-category declarations that can be read; an unknown category or an unreadable declaration
 * is left out, which means "only these locations" for it: never a completeness claim the data did not make.
 */
function readCompleteness(value: Record<string, unknown>): DatasetCompleteness {
  const completeness: DatasetCompleteness = {};
  for (const [category, declaration] of Object.entries(value)) {
    if (!isFacilityCategory(category) || !isRecord(declaration)) continue;
    if (declaration['kind'] === 'province' || declaration['kind'] === 'locationsOnly') completeness[category] = { kind: declaration['kind'] };
    else if (declaration['kind'] === 'municipalities' && Array.isArray(declaration['codes']) && declaration['codes'].every((code) => typeof code === 'string')) {
      completeness[category] = { kind: 'municipalities', codes: [...(declaration['codes'] as string[])] };
    }
  }
  return completeness;
}
