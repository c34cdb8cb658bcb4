// Reliability plan item 18 (unit side): a write counts as in flight from the planner's action, in the
// same task, until it has committed or failed, so the tab can ask before closing (src/ui/unloadGuard.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FacilityDataset } from '../../../src/domain/facility';
import { StorageError } from '../../../src/storage/storageErrors';
import { $storageProblems, $storageStatus, $writesInFlight, renameFacilityDataset, saveFacilityDataset, setFacilityPersistence } from '../../../src/stores/facilityActions';
import { answeringPersistence, resetFacilityStores } from './facilityFixtures';

const dataset: FacilityDataset = { id: 'import-1', kind: 'import', name: 'Apotheken', source: 'test', licence: 'test', retrievedAt: '2026-11-23T09:00:00Z', completeness: {}, hidden: false };

/** A persistence whose writes finish only when the test says so. */
function heldPersistence() {
  const finish: Array<(outcome: 'commit' | 'fail') => void> = [];
  const held = <T,>(value: T) =>
    new Promise<T>((resolve, reject) => finish.push((outcome) => (outcome === 'commit' ? resolve(value) : reject(new StorageError('quotaExceeded', 'test')))));
  return { persistence: answeringPersistence(held), finish };
}

beforeEach(() => {
  resetFacilityStores();
});
afterEach(() => setFacilityPersistence(null));

describe('writes in flight', () => {
  it('counts a save from the call itself until it commits, and a rename until it fails', async () => {
    const { persistence, finish } = heldPersistence();
    setFacilityPersistence(persistence);
    const saving = saveFacilityDataset(dataset, [], 'new');
    // Same task as the click: a tab closed right now is already guarded.
    expect($writesInFlight.get()).toBe(1);
    finish.shift()!('commit');
    expect(await saving).toEqual({ ok: true, persisted: true });
    expect($writesInFlight.get()).toBe(0);

    const renaming = renameFacilityDataset(dataset.id, 'Nieuwe naam');
    expect($writesInFlight.get()).toBe(1);
    finish.shift()!('fail');
    await renaming;
    expect($writesInFlight.get()).toBe(0);
    expect($storageProblems.get().map(({ code }) => code)).toEqual(['storage.quotaExceeded']);
  });

  it('counts nothing in session-only mode, where nothing is written', async () => {
    const { persistence } = heldPersistence();
    setFacilityPersistence(persistence);
    $storageStatus.set('sessionOnly');
    const saving = saveFacilityDataset(dataset, [], 'new');
    expect($writesInFlight.get()).toBe(0);
    expect(await saving).toEqual({ ok: true, persisted: false });
  });
});
