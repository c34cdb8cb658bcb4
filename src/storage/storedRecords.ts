// Checks records read back from IndexedDB before the app uses them. Stored data may come from an
// older or newer version of the app, a half-finished migration, or a damaged profile: each record
// is checked on its own, a bad facility is left out and counted, a bad dataset record is left out
// and named, and everything readable is kept. Fields this version does not know are kept as they are.

import { isFacilityCategory, type Facility, type FacilityDataset, type FacilityDatasetKind } from '../domain/facility';

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
  const coverage = rest['coverage'];
  if (coverage !== 'province' && !(Array.isArray(coverage) && coverage.every((code) => typeof code === 'string'))) return { reason: 'coverage is not readable' };
  if (!Array.isArray(rest['categories'])) return { reason: 'categories are not a list' };
  const dataset = {
    ...rest,
    // Unknown category names (e.g. from a newer version) are left out of the completeness claim.
    categories: rest['categories'].filter(isFacilityCategory),
    hidden: rest['hidden'] === true,
  } as unknown as FacilityDataset;
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
