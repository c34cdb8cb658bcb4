// Restores records read back from IndexedDB before the app uses them. Stored data may come from an
// older or newer version of the app, a half-finished migration, or a damaged profile: each record
// is restored on its own, fields that cannot be read get their defaults and are reported, a bad
// facility is left out and counted, a dataset record without id or kind is left out and named, and
// everything readable is kept. Fields this version does not know are kept as they are.
//
// Every record carries `schemaVersion`: the format of that record (dataset record or chunk), not the
// database version. Records written before the field existed (database versions 1 and 2) have none
// and read as format 0. A record from a newer format is read as far as this version understands it
// (and said so); rewriting it keeps its fields and its version.

import { isFacilityCategory, restoreDatasetRecord, type Facility, type FacilityDataset } from '../domain/facility';

/**
 * The format of dataset records and chunks this code writes. 1: the first with the field (same fields
 * as format 0). Raise it when a record's fields change meaning, and teach the restore to read the old one.
 */
export const RECORD_SCHEMA_VERSION = 1;

/** Fields the repository keeps on a dataset record for itself; the app's dataset never sees them. */
const BOOKKEEPING = ['facilityCount', 'savedAt', 'revision', 'chunkCount', 'schemaVersion'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCoordinate(value: unknown, limit: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;
}

/** The record's format: 0 when it has none (written before the field existed). */
export function recordSchemaVersion(value: unknown): number {
  const version = isRecord(value) ? value['schemaVersion'] : undefined;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
}

function newerFormatNote(version: number): string[] {
  return version > RECORD_SCHEMA_VERSION ? [`written by a newer version of the app (record format ${version}; this version reads format ${RECORD_SCHEMA_VERSION})`] : [];
}

export interface RestoredDatasetRecord {
  dataset: FacilityDataset;
  revision: number;
  /** What could not be read (defaults used), for the storage problem; empty when all was read. */
  unread: string[];
}

/** The dataset as the app uses it (bookkeeping fields removed, unknown fields kept), or why not. */
export function restoreStoredDataset(value: unknown): RestoredDatasetRecord | { reason: string } {
  if (!isRecord(value)) return { reason: 'not an object' };
  const rest: Record<string, unknown> = { ...value };
  const revision = rest['revision'];
  for (const bookkeeping of BOOKKEEPING) delete rest[bookkeeping];
  const restored = restoreDatasetRecord(rest);
  if (!restored.ok) return { reason: restored.reason };
  const unread = [...newerFormatNote(recordSchemaVersion(value)), ...restored.unread];
  return { dataset: restored.value, revision: typeof revision === 'number' && Number.isInteger(revision) && revision >= 1 ? revision : 1, unread };
}

/** A stored facility as the app uses it (under `datasetId`), or null when it cannot be used. */
export function restoreStoredFacility(value: unknown, datasetId: string): Facility | null {
  if (!isRecord(value)) return null;
  if (typeof value['id'] !== 'string' || value['id'] === '' || typeof value['name'] !== 'string' || !isFacilityCategory(value['category'])) return null;
  const location = value['location'];
  if (!Array.isArray(location) || location.length !== 2 || !isCoordinate(location[0], 180) || !isCoordinate(location[1], 90)) return null;
  const attributesReadable = isRecord(value['attributes']);
  // Most records are fine as stored: use them as they are rather than copying 400,000 objects.
  if (attributesReadable && value['datasetId'] === datasetId) return value as unknown as Facility;
  return { ...(value as unknown as Facility), datasetId, attributes: attributesReadable ? (value['attributes'] as Facility['attributes']) : {} };
}

export interface RestoredChunk {
  /** The facilities that can be used, in stored order. */
  facilities: Facility[];
  /** Facilities left out. */
  skipped: number;
  /** What could not be read about the chunk itself (a chunk without a facility list, a newer format). */
  unread: string[];
}

/** Restores one stored chunk of a dataset's facilities. */
export function restoreStoredChunk(value: unknown, datasetId: string): RestoredChunk {
  const items = isRecord(value) && Array.isArray(value['facilities']) ? value['facilities'] : null;
  const index = isRecord(value) && typeof value['index'] === 'number' ? value['index'] : '?';
  if (items === null) return { facilities: [], skipped: 0, unread: [`chunk ${index} has no list of facilities`] };
  const facilities: Facility[] = [];
  let skipped = 0;
  for (const item of items) {
    const facility = restoreStoredFacility(item, datasetId);
    if (facility) facilities.push(facility);
    else skipped += 1;
  }
  return { facilities, skipped, unread: newerFormatNote(recordSchemaVersion(value)) };
}
