// Tests for mapping IndexedDB exceptions to typed storage errors with catalogue keys.
import { describe, expect, it } from 'vitest';
import { isMessageKey } from '../../../src/i18n/catalogue';
import { StorageError, toStorageError, type StorageErrorKind } from '../../../src/storage/storageErrors';

describe('toStorageError', () => {
  it.each([
    ['QuotaExceededError', 'quotaExceeded'],
    ['NS_ERROR_DOM_QUOTA_REACHED', 'quotaExceeded'],
    ['VersionError', 'versionChange'],
    // A closed connection, not "a newer version in another tab" (issue 12, defect 2): the connection
    // in facilityPersistence.ts decides whether it was closed for an upgrade or by the browser.
    ['InvalidStateError', 'closed'],
    ['SecurityError', 'unavailable'],
    ['UnknownError', 'unavailable'],
    ['ConstraintError', 'alreadyExists'],
    ['DataCloneError', 'failed'],
  ] as const)('maps %s to %s', (name, kind) => {
    expect(toStorageError(new DOMException('x', name)).kind).toBe(kind);
  });

  it('keeps the original error as cause', () => {
    const original = new DOMException('full', 'QuotaExceededError');
    expect(toStorageError(original).cause).toBe(original);
  });

  it('passes a StorageError through unchanged', () => {
    const error = new StorageError('notFound', 'x');
    expect(toStorageError(error)).toBe(error);
  });

  it.each<StorageErrorKind>(['quotaExceeded', 'blocked', 'versionChange', 'closed', 'conflict', 'upgradeFailed', 'unavailable', 'notFound', 'alreadyExists', 'failed'])('has a catalogue key for %s', (kind) => {
    expect(isMessageKey(new StorageError(kind, 'x').issue.code)).toBe(true);
  });
});
