// Browser benchmark (issue 7, point 6): import a large CSV in real Chromium (production build), then
// measure saving it and restoring it after a reload: total time and the longest main-thread task
// (PerformanceObserver 'longtask'). The storage layer marks its own work as 'storage:save' and
// 'storage:restore' measures, so the storage figures exclude what the stores and map do afterwards;
// "click → dialog closed" includes them. Run: npm run bench:browser [-- rows] (default 430,187 rows ≈ 31.5 MB,
// the file of the issue; needs Debian's Chromium).

import { preview } from 'vite';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/chromium';
import { withDevServerPage } from './devServerPage';
import { OVERIJSSEL_BOUNDS } from '../../src/domain/geography';
import { seededRandom } from '../support/seededRandom';
import type { createFacilityStorage as CreateFacilityStorage } from '../../src/storage/facilityPersistence';

const DEFAULT_ROWS = 430_187;
const CATEGORIES = ['verpleeghuis', 'huisarts', 'apotheek', 'supermarkt', 'bushalte', 'buurthuis'];

function syntheticCsv(rows: number): string {
  const random = seededRandom(20261201);
  const [west, south, east, north] = OVERIJSSEL_BOUNDS;
  const lines = ['naam;categorie;lat;lon;adres'];
  for (let index = 0; index < rows; index += 1) {
    const lat = (south + random() * (north - south)).toFixed(6).replace('.', ',');
    const lon = (west + random() * (east - west)).toFixed(6).replace('.', ',');
    lines.push(`Voorziening ${index};${CATEGORIES[index % CATEGORIES.length]};${lat};${lon};Straat ${index % 300}, Plaats`);
  }
  return lines.join('\r\n');
}

interface Window {
  start: number;
  end: number;
}

async function longestTaskIn(page: Page, window: Window): Promise<number> {
  return page.evaluate(({ start, end }) => {
    const tasks = (globalThis as unknown as { __longTasks: Array<{ startTime: number; duration: number }> }).__longTasks;
    return Math.round(Math.max(0, ...tasks.filter((task) => task.startTime + task.duration > start && task.startTime < end).map((task) => task.duration)));
  }, window);
}

async function measure(page: Page, name: string): Promise<Window | null> {
  return page.evaluate((measureName) => {
    const entries = performance.getEntriesByName(measureName, 'measure');
    const last = entries[entries.length - 1];
    return last ? { start: last.startTime, end: last.startTime + last.duration } : null;
  }, name);
}

async function waitForRestore(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset['storageRestoredAt'] !== undefined, null, { timeout: 600_000, polling: 500 });
}

/**
 * The storage layer alone in Chromium (no app, no map): the module is loaded from the Vite dev
 * server into an empty page, and compared with the previous design (one put per facility in one
 * task, one getAll) in the same page.
 */
async function storageAloneInChromium(rows: number): Promise<void> {
  return withDevServerPage(async (page) => {
  const figures = await page.evaluate(async (count) => {
    const storageModule = '/src/storage/facilityPersistence.ts';
    const { createFacilityStorage } = (await import(/* @vite-ignore */ storageModule)) as { createFacilityStorage: typeof CreateFacilityStorage };
    const tasks: Array<{ startTime: number; duration: number }> = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ startTime: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
    const timed = async (work: () => Promise<unknown>) => {
      await settle();
      const start = performance.now();
      await work();
      const end = performance.now();
      await settle();
      const longest = Math.max(0, ...tasks.filter((task) => task.startTime + task.duration > start && task.startTime < end).map((task) => task.duration));
      return { milliseconds: Math.round(end - start), longest: Math.round(longest) };
    };
    const dataset = { id: 'bench', kind: 'import' as const, name: 'Benchmark', source: 'synthetic', licence: 'test', retrievedAt: '2026-12-01T00:00:00Z', completeness: { supermarkt: { kind: 'province' as const } }, hidden: false };
    const facilities = Array.from({ length: count }, (_, index) => ({
      id: `row-${index + 2}`,
      name: `Voorziening ${index}`,
      category: 'supermarkt' as const,
      location: [6 + (index % 1000) / 1000, 52.2 + (index % 777) / 1000] as [number, number],
      datasetId: 'bench',
      attributes: { address: `Straat ${index % 300}, Plaats` },
    }));
    const request = <T>(value: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((value.onsuccess = () => resolve(value.result)), (value.onerror = () => reject(value.error))));
    const previousDatabase = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open('bench-previous', 1);
      opening.onupgradeneeded = () => {
        opening.result.createObjectStore('facilityDatasets', { keyPath: 'id' });
        opening.result.createObjectStore('facilities', { keyPath: ['datasetId', 'id'] });
      };
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
    const previousSave = await timed(async () => {
      const transaction = previousDatabase.transaction(['facilityDatasets', 'facilities'], 'readwrite');
      transaction.objectStore('facilityDatasets').put({ ...dataset, facilityCount: count, savedAt: '' });
      for (const facility of facilities) transaction.objectStore('facilities').put(facility);
      await new Promise((resolve, reject) => ((transaction.oncomplete = resolve), (transaction.onerror = reject)));
    });
    const previousRestore = await timed(() => request(previousDatabase.transaction('facilities').objectStore('facilities').getAll()));
    previousDatabase.close();
    const storage = createFacilityStorage({ name: 'bench-chunked', channelName: null });
    await storage.restore();
    const chunkedSave = await timed(() => storage.saveDataset(dataset, facilities, 'new'));
    storage.close();
    const reopened = createFacilityStorage({ name: 'bench-chunked', channelName: null });
    let restoredCount = 0;
    const chunkedRestore = await timed(async () => {
      restoredCount = (await reopened.restore()).restored[0]?.facilities.length ?? 0;
    });
    reopened.close();
    return { previousSave, previousRestore, chunkedSave, chunkedRestore, restoredCount };
  }, rows);
  if (figures.restoredCount !== rows) throw new Error(`restored ${figures.restoredCount} of ${rows}`);
  console.log(`Storage alone in Chromium: ${rows.toLocaleString('en')} facilities (no app, no map)`);
  console.log('| step | total ms | longest main-thread task ms |');
  console.log('|---|---|---|');
  console.log(`| save, previous (one put per facility, one task) | ${figures.previousSave.milliseconds} | ${figures.previousSave.longest} |`);
  console.log(`| save, chunked (src/storage) | ${figures.chunkedSave.milliseconds} | ${figures.chunkedSave.longest} |`);
  console.log(`| restore, previous (one getAll) | ${figures.previousRestore.milliseconds} | ${figures.previousRestore.longest} |`);
  console.log(`| restore, chunked (src/storage, checked record by record) | ${figures.chunkedRestore.milliseconds} | ${figures.chunkedRestore.longest} |`);
  });
}

export async function runBrowserStorageBenchmark(rows = DEFAULT_ROWS): Promise<void> {
  await storageAloneInChromium(rows);
  console.log('');
  const csv = syntheticCsv(rows);
  const server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
    await context.addInitScript(() => {
      const tasks: Array<{ startTime: number; duration: number }> = [];
      (globalThis as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push({ startTime: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${address.port}/`);
    await waitForRestore(page);

    await page.locator('#import-open-button').click();
    await page.locator('#import-file').setInputFiles({ name: 'groot.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.locator('#import-source').fill('Synthetisch benchmarkbestand');
    await page.locator('dialog.import-dialog').getByRole('button', { name: 'Bestand lezen' }).click();
    const dialog = page.locator('dialog.import-dialog');
    await page.locator('dialog.import-dialog[data-step="coordinates"], dialog.import-dialog[data-step="result"]').waitFor({ timeout: 600_000 });
    if ((await dialog.getAttribute('data-step')) === 'coordinates') await dialog.getByRole('button', { name: 'Bevestigen en verder' }).click();
    await page.locator('dialog.import-dialog[data-step="result"]').waitFor({ timeout: 600_000 });

    const clicked = await page.evaluate(() => performance.now());
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 600_000 });
    const closed = await page.evaluate(() => performance.now());
    const save = await measure(page, 'storage:save');
    if (save === null) throw new Error('the save was not measured');
    const saveLongest = await longestTaskIn(page, save);
    const wholeLongest = await longestTaskIn(page, { start: clicked, end: closed });

    await page.reload();
    await waitForRestore(page);
    const restore = await measure(page, 'storage:restore');
    if (restore === null) throw new Error('the restore was not measured');
    const restoreLongest = await longestTaskIn(page, restore);
    const restoredCount = await page.locator('.dataset-row', { hasText: 'groot' }).locator('.dataset-meta').first().textContent();

    console.log(`Browser storage benchmark: ${rows.toLocaleString('en')} rows, ${(csv.length / 1024 / 1024).toFixed(1)} MB CSV, Chromium (production build)`);
    console.log('| step | total ms | longest main-thread task ms |');
    console.log('|---|---|---|');
    console.log(`| save (storage:save: chunked, one transaction) | ${Math.round(save.end - save.start)} | ${saveLongest} |`);
    console.log(`| click "Opslaan" → dialog closed (save + stores + map) | ${Math.round(closed - clicked)} | ${wholeLongest} |`);
    console.log(`| restore after reload (storage:restore) | ${Math.round(restore.end - restore.start)} | ${restoreLongest} |`);
    console.log(`restored: ${restoredCount ?? '?'}`);
    console.log('Before (issue 7, same 31.5 MB file): saving froze the page 31–50 s, with one main-thread task of 14.5 s.');
  } finally {
    await browser.close();
    await server.close();
  }
}

const rows = Number(process.argv[2] ?? DEFAULT_ROWS);
if (process.argv[3] === "--storage-only") await storageAloneInChromium(rows);
else await runBrowserStorageBenchmark(rows);
