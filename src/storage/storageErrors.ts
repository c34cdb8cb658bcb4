// Typed storage errors the UI can show: every IndexedDB failure is mapped to one of a few kinds,
// each with a catalogue key (`storage.<kind>`). Nothing is swallowed: callers always get one.

import type { DataIssue } from '../domain/dataIssue';

export type StorageErrorKind =
  | 'quotaExceeded'
  | 'blocked'
  | 'versionChange'
  | 'closed'
  | 'conflict'
  | 'upgradeFailed'
  | 'unavailable'
  | 'notFound'
  | 'alreadyExists'
  | 'failed';

export class StorageError extends Error {
  readonly kind: StorageErrorKind;
  readonly issue: DataIssue;
  constructor(kind: StorageErrorKind, detail: string, options?: { cause?: unknown }) {
    super(`storage ${kind}: ${detail}`, options);
    this.name = 'StorageError';
    this.kind = kind;
    this.issue = { code: `storage.${kind}`, file: 'IndexedDB', params: { reason: detail } };
  }
}

function errorName(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'name' in error && typeof error.name === 'string') return error.name;
  return '';
}

/** What a thrown value says: an Error's message (its name when empty), another object's message, anything else as text. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (error !== null && typeof error === 'object' && 'message' in error && typeof error.message === 'string') return error.message;
  return String(error);
}

/**
 * Maps a DOMException (or anything thrown) from IndexedDB to a StorageError:
 * - QuotaExceededError (also Firefox's older NS_ERROR_DOM_QUOTA_REACHED) → quotaExceeded;
 * - VersionError (the stored database is newer than this app) → versionChange;
 * - InvalidStateError (our connection is closed: the browser closed it, or we closed it for
 *   another tab's upgrade; the connection in facilityPersistence.ts knows which) → closed;
 * - SecurityError / UnknownError (private mode, storage disabled, broken profile) → unavailable;
 * - ConstraintError (key exists) → alreadyExists; anything else → failed.
 */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = errorName(error);
  const detail = errorMessage(error);
  const options = { cause: error };
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return new StorageError('quotaExceeded', detail, options);
  if (name === 'VersionError') return new StorageError('versionChange', detail, options);
  if (name === 'InvalidStateError') return new StorageError('closed', detail, options);
  if (name === 'SecurityError' || name === 'UnknownError') return new StorageError('unavailable', detail, options);
  if (name === 'ConstraintError') return new StorageError('alreadyExists', detail, options);
  return new StorageError('failed', detail, options);
}
