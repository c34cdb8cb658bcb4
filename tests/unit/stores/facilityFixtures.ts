// Small datasets and facilities for store tests.

import { completenessFor, type Facility, type FacilityCategory, type FacilityDataset } from '../../../src/domain/facility';
import { $facilitiesByDataset, $facilityDatasets } from '../../../src/stores/facilities';
import { $storageProblems, $storageStatus, resetFacilityRevisions, type FacilityPersistence } from '../../../src/stores/facilityActions';

/** A dataset declaring the categories complete for the whole province (none: only these locations). */
export function dataset(id: string, categories: FacilityCategory[], hidden = false): FacilityDataset {
  return { id, kind: 'import', name: id, source: 'test', licence: 'test', retrievedAt: '2026-01-01', completeness: completenessFor(categories, { kind: 'province' }), hidden };
}

export function facility(datasetId: string, id: string, category: FacilityCategory, location: [number, number] = [6.09, 52.51]): Facility {
  return { id, name: id, category, location, datasetId, attributes: {} };
}

/** No datasets, no storage problems, the database ready, no revisions known. */
export function resetFacilityStores(): void {
  $facilityDatasets.set([]);
  $facilitiesByDataset.set(new Map());
  $storageProblems.set([]);
  $storageStatus.set('ready');
  resetFacilityRevisions();
}

/** A persistence whose every write answers through `answer`, given what a committed write resolves with. */
export function answeringPersistence(answer: <T>(value: T) => Promise<T>): FacilityPersistence {
  return {
    saveDataset: () => answer(1),
    renameDataset: () => answer(2),
    setHidden: () => answer(2),
    setCompleteness: () => answer(2),
    deleteDataset: () => answer(undefined),
  };
}
