// Hard limits of the facility import, checked before any work: a file larger than the browser can
// read and index comfortably is refused from its size alone, before it is read; a file with more
// records than the map and the reachability worker can handle is refused from its count, before
// any record is checked. Both name the file, its size or count, and the limit.

import type { DataIssue } from '../../domain/dataIssue';

/** 100 MB: twice the 50 MB GeoJSON of the import benchmark (about 300,000 points). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** One million rows or features: about three times every address point in Overijssel with a care function. */
export const MAX_IMPORT_RECORDS = 1_000_000;

const MEGABYTE = 1024 * 1024;

/** Megabytes with one decimal, rounded up so a file just over the limit never reads as "100". */
function megabytes(bytes: number): number {
  return Math.ceil((bytes / MEGABYTE) * 10) / 10;
}

/** The issue for a file too large to read, or null; needs only the size the browser reports. */
export function fileSizeIssue(fileName: string, sizeInBytes: number, limit = MAX_IMPORT_BYTES): DataIssue | null {
  if (sizeInBytes <= limit) return null;
  return { code: 'import.fileTooLarge', file: fileName, params: { size: megabytes(sizeInBytes), limit: megabytes(limit) } };
}

/** The issue for a file with too many records, or null. */
export function recordCountIssue(fileName: string, count: number, limit = MAX_IMPORT_RECORDS): DataIssue | null {
  if (count <= limit) return null;
  return { code: 'import.tooManyRecords', file: fileName, params: { count, limit } };
}
