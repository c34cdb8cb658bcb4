// Benchmark of saving and restoring a large facility dataset on fake-indexeddb (issue 7, point 6):
// the longest stretch the main thread is blocked (event-loop gap) and the total time, for the
// chunked save/restore in src/storage against the previous design (one put per facility, all in one
// task; one getAll of every facility) in the same run. fake-indexeddb is slower than a browser's
// IndexedDB, so the totals are only comparable within this run; the browser figures come from
// `npm run bench:browser`. Run: npx tsx tests/bench/storage.bench.ts [facilities]

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { openDB } from 'idb';
import { OVERIJSSEL_BOUNDS } from '../../src/domain/geography';
import type { Facility, FacilityDataset } from '../../src/domain/facility';
import { createFacilityStorage } from '../../src/storage/facilityPersistence';
import { seededRandom } from '../support/seededRandom';

/** Enough to show the difference; the previous design takes minutes on fake-indexeddb beyond this. */
const DEFAULT_FACILITIES = 50_000;

function syntheticFacilities(count: number, datasetId: string): Facility[] {
  const random = seededRandom(20261201);
  const [west, south, east, north] = OVERIJSSEL_BOUNDS;
  return Array.from({ length: count }, (_, index) => ({
    id: `row-${index + 2}`,
    name: `Voorziening ${index}`,
    category: 'supermarkt' as const,
    location: [west + random() * (east - west), south + random() * (north - south)] as [number, number],
    datasetId,
    attributes: { address: `Straat ${index % 300}, Plaats` },
  }));
}

/** Measures the longest gap between timer ticks while `work` runs: how long the main thread was blocked. */
async function withLongestBlock<T>(work: () => Promise<T>): Promise<{ result: T; milliseconds: number; longestBlockMilliseconds: number }> {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const start = performance.now();
  const result = await work();
  const milliseconds = performance.now() - start;
  running = false;
  longest = Math.max(longest, performance.now() - last);
  return { result, milliseconds, longestBlockMilliseconds: longest };
}

/** The previous design: version 1's store and one put per facility, issued in one task. */
async function previousSave(name: string, dataset: FacilityDataset, facilities: readonly Facility[]): Promise<void> {
  const database = await openDB(name, 1, {
    upgrade(upgrading) {
      upgrading.createObjectStore('facilityDatasets', { keyPath: 'id' });
      upgrading.createObjectStore('facilities', { keyPath: ['datasetId', 'id'] });
    },
  });
  const transaction = database.transaction(['facilityDatasets', 'facilities'], 'readwrite');
  const store = transaction.objectStore('facilities');
  const requests: Promise<unknown>[] = [store.delete(IDBKeyRange.bound([dataset.id], [dataset.id, []]))];
  requests.push(transaction.objectStore('facilityDatasets').put({ ...dataset, facilityCount: facilities.length, savedAt: '' }));
  for (const facility of facilities) requests.push(store.put(facility));
  await Promise.all(requests);
  await transaction.done;
  database.close();
}

async function previousRestore(name: string, datasetId: string): Promise<number> {
  const database = await openDB(name, 1);
  const facilities = await database.getAll('facilities', IDBKeyRange.bound([datasetId], [datasetId, []]));
  database.close();
  return facilities.length;
}

export interface StorageBenchmarkResult {
  facilities: number;
  previousSave: { milliseconds: number; longestBlockMilliseconds: number };
  chunkedSave: { milliseconds: number; longestBlockMilliseconds: number };
  previousRestore: { milliseconds: number; longestBlockMilliseconds: number };
  chunkedRestore: { milliseconds: number; longestBlockMilliseconds: number };
}

export async function runStorageBenchmarks(count = DEFAULT_FACILITIES): Promise<StorageBenchmarkResult> {
  globalThis.indexedDB = new IDBFactory();
  const dataset: FacilityDataset = {
    id: 'import-bench',
    kind: 'import',
    name: 'Benchmark',
    source: 'synthetic',
    licence: 'test',
    retrievedAt: '2026-12-01T00:00:00Z',
    completeness: { supermarkt: { kind: 'province' } },
    hidden: false,
  };
  const facilities = syntheticFacilities(count, dataset.id);

  const previous = await withLongestBlock(() => previousSave('bench-previous', dataset, facilities));
  const previousRead = await withLongestBlock(() => previousRestore('bench-previous', dataset.id));

  const storage = createFacilityStorage({ name: 'bench-chunked', channelName: null });
  await storage.restore();
  const chunked = await withLongestBlock(() => storage.saveDataset(dataset, facilities, 'new'));
  storage.close();
  const reopened = createFacilityStorage({ name: 'bench-chunked', channelName: null });
  const chunkedRead = await withLongestBlock(() => reopened.restore());
  reopened.close();
  if (chunkedRead.result.restored[0]?.facilities.length !== count || previousRead.result !== count) throw new Error('benchmark restored the wrong number of facilities');

  const round = (figures: { milliseconds: number; longestBlockMilliseconds: number }) => ({
    milliseconds: Math.round(figures.milliseconds),
    longestBlockMilliseconds: Math.round(figures.longestBlockMilliseconds),
  });
  const result: StorageBenchmarkResult = {
    facilities: count,
    previousSave: round(previous),
    chunkedSave: round(chunked),
    previousRestore: round(previousRead),
    chunkedRestore: round(chunkedRead),
  };
  console.log(`Storage benchmark: save and restore ${count.toLocaleString('en')} facilities on fake-indexeddb (Node)`);
  console.log('| step | total ms | longest main-thread block ms |');
  console.log('|---|---|---|');
  console.log(`| save, previous (one put per facility, one task) | ${result.previousSave.milliseconds} | ${result.previousSave.longestBlockMilliseconds} |`);
  console.log(`| save, chunked (one transaction, chunk puts awaited one by one) | ${result.chunkedSave.milliseconds} | ${result.chunkedSave.longestBlockMilliseconds} |`);
  console.log(`| restore, previous (one getAll) | ${result.previousRestore.milliseconds} | ${result.previousRestore.longestBlockMilliseconds} |`);
  console.log(`| restore, chunked (one chunk per request, checked record by record) | ${result.chunkedRestore.milliseconds} | ${result.chunkedRestore.longestBlockMilliseconds} |`);
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runStorageBenchmarks(Number(process.argv[2] ?? DEFAULT_FACILITIES));
}
