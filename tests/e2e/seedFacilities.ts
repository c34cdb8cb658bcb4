// Test facilities written straight into the app's IndexedDB (the schema the open app has created), so a
// browser test starts from a known, complete dataset without going through the import dialog.

import type { Page } from 'playwright-core';
import { DATABASE_NAME, DATABASE_VERSION, type StoredFacilityDataset } from '../../src/storage/database';
import { completenessFor, type Facility, type FacilityCategory } from '../../src/domain/facility';

/** A stored dataset record of test data, declared complete for the province in `categories`, in one chunk. */
export function testDataset(datasetId: string, name: string, categories: readonly FacilityCategory[], facilityCount: number, date = '2026-12-02T00:00:00Z'): StoredFacilityDataset {
  return {
    id: datasetId,
    kind: 'import',
    name,
    source: 'Door de browsertest gemaakte testgegevens',
    licence: 'testgegevens',
    retrievedAt: date,
    completeness: completenessFor([...categories], { kind: 'province' }),
    hidden: false,
    isTestData: true,
    facilityCount,
    savedAt: date,
    revision: 1,
    chunkCount: 1,
  };
}

/** Writes a dataset and its facilities (one chunk); reload the page afterwards to see them. */
export async function seedFacilities(page: Page, dataset: StoredFacilityDataset, facilities: Facility[]): Promise<void> {
  await page.evaluate(
    async ({ name, version, dataset, facilities }) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, version);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const transaction = database.transaction(['facilityDatasets', 'facilityChunks'], 'readwrite');
      transaction.objectStore('facilityDatasets').put(dataset);
      transaction.objectStore('facilityChunks').put({ datasetId: dataset.id, index: 0, facilities });
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      database.close();
    },
    { name: DATABASE_NAME, version: DATABASE_VERSION, dataset, facilities },
  );
}
