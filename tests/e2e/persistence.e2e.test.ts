// "Nothing lost" in real Chromium with a real profile on disk: an imported dataset survives a browser
// restart, a browser killed (SIGKILL) in the middle of a save reopens with exactly the old or the new
// version, a save that runs out of quota says so and keeps the old data, and closing the tab while a
// save runs asks first (staying stores it all, leaving keeps the data as it was).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DATABASE_NAME } from '../../src/storage/database';
import { CHROMIUM_FLAGS, chromiumPath, launchChromium, launchPersistent } from './chromium';
import { openApp, waitForMapIdle, type AppPage } from './appPage';
import { holdBusyTransaction, openOtherTab, releaseBusyTransaction } from './otherTab';

let browser: Browser;
const profiles: string[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
});

function newProfileDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'woonzorgkaart-profile-'));
  profiles.push(directory);
  return directory;
}

const VIEWPORT = { width: 1400, height: 900 };

/**
 * Test data, not real facilities: `count` made-up points spread over a few kilometres around
 * Zwolle's town centre (TOP10NL 2025), named `${prefix} 1…count`, in Dutch Excel's CSV format.
 */
function testCsv(prefix: string, count: number): string {
  const lines = ['naam;categorie;lat;lon'];
  for (let index = 1; index <= count; index += 1) {
    const lat = (52.48 + ((index * 7919) % 600) / 10_000).toFixed(6).replace('.', ',');
    const lon = (6.05 + ((index * 104_729) % 900) / 10_000).toFixed(6).replace('.', ',');
    lines.push(`${prefix} ${index};huisarts;${lat};${lon}`);
  }
  return lines.join('\r\n');
}

const DATASET_NAME = 'Testlocaties (persistentie)';

function datasetRow(page: Page) {
  return page.locator('.dataset-row', { hasText: DATASET_NAME });
}

/** Reads a CSV through the import dialog up to the result step (new dataset, or replacing DATASET_NAME). */
async function readThroughDialog(page: Page, csv: string, mode: 'new' | 'replace'): Promise<void> {
  if (mode === 'new') await page.locator('#import-open-button').click();
  else await datasetRow(page).getByRole('button', { name: 'Vervang' }).click();
  const dialog = page.locator('dialog.import-dialog');
  await dialog.waitFor({ state: 'visible' });
  await page.locator('#import-file').setInputFiles({ name: 'testlocaties.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  if (mode === 'new') {
    await page.locator('#import-name').fill(DATASET_NAME);
    await page.locator('#import-source').fill('Testbestand van de browsertest');
  }
  await dialog.getByRole('button', { name: 'Bestand lezen' }).click();
  await page.locator('dialog.import-dialog[data-step="coordinates"], dialog.import-dialog[data-step="result"]').waitFor({ timeout: 60_000 });
  if ((await dialog.getAttribute('data-step')) === 'coordinates') await dialog.getByRole('button', { name: 'Bevestigen en verder' }).click();
  await page.locator('dialog.import-dialog[data-step="result"]').waitFor({ timeout: 60_000 });
}

function saveButton(page: Page) {
  return page.locator('dialog.import-dialog').getByRole('button', { name: /^(Opslaan|Vervangen)$/ });
}

async function importDataset(page: Page, csv: string, mode: 'new' | 'replace' = 'new'): Promise<void> {
  await readThroughDialog(page, csv, mode);
  await saveButton(page).click({ noWaitAfter: true });
  await page.locator('dialog.import-dialog').waitFor({ state: 'hidden', timeout: 60_000 });
}

interface StoredState {
  datasets: Array<{ name: string; facilityCount: number }>;
  names: string[];
}

/** What IndexedDB holds, read with the plain IndexedDB API (not the app's code). */
async function storedState(page: Page): Promise<StoredState> {
  return page.evaluate(async (databaseName) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(databaseName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = database.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const datasets = await all<{ name: string; facilityCount: number }>('facilityDatasets');
    // facilities are stored in chunks of up to 1,000 per record (schema version 2)
    const chunks = await all<{ facilities: Array<{ name: string }> }>('facilityChunks');
    database.close();
    const names = chunks.flatMap((chunk) => chunk.facilities.map(({ name }) => name));
    return { datasets: datasets.map(({ name, facilityCount }) => ({ name, facilityCount })), names: names.sort() };
  }, DATABASE_NAME);
}

function expectedNames(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix} ${index + 1}`).sort();
}

/** The app opened cleanly: no storage or data problem shown, no script error. */
async function expectCleanStart(app: AppPage): Promise<void> {
  await waitForMapIdle(app.page);
  await expect.poll(() => app.page.locator('.data-problems').count()).toBe(0);
  expect(app.pageErrors).toEqual([]);
}

/** Starts Chromium as its own process group on a profile directory, so the test can SIGKILL it. */
async function startChromiumProcess(userDataDir: string): Promise<{ process: ChildProcess; browser: Browser }> {
  const child = spawn(chromiumPath(), [...CHROMIUM_FLAGS, `--user-data-dir=${userDataDir}`, '--remote-debugging-port=0', 'about:blank'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${output}`)), 60_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${output}`)));
  });
  child.stderr!.resume();
  return { process: child, browser: await chromium.connectOverCDP(endpoint) };
}

async function killProcessGroup(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid!, 'SIGKILL');
  await exited;
}

describe('data kept in the browser profile', () => {
  it('an imported dataset is still there after the browser is closed and started again on the same profile', async () => {
    const profile = newProfileDirectory();
    const first = await launchPersistent(profile);
    const app = await openApp(null, { context: first });
    await waitForMapIdle(app.page);
    await importDataset(app.page, testCsv('Test', 3));
    await expect.poll(() => datasetRow(app.page).count()).toBe(1);
    await first.close();

    const second = await launchPersistent(profile);
    const again = await openApp(null, { context: second });
    await expectCleanStart(again);
    await expect.poll(() => datasetRow(again.page).locator('.dataset-meta').first().textContent()).toMatch(/^3 voorzieningen/);
    expect(await storedState(again.page)).toEqual({ datasets: [{ name: DATASET_NAME, facilityCount: 3 }], names: expectedNames('Test', 3) });
    await second.close();
  });

  it('a browser killed in the middle of a save reopens with exactly the old or the new version', { timeout: 240_000 }, async () => {
    const profile = newProfileDirectory();
    const started = await startChromiumProcess(profile);
    const context = started.browser.contexts()[0]!;
    const app = await openApp(null, { context });
    await app.page.setViewportSize(VIEWPORT);
    await waitForMapIdle(app.page);
    await importDataset(app.page, testCsv('Oud', 3));
    await expect.poll(() => datasetRow(app.page).count()).toBe(1);

    const newCount = 10_000;
    await readThroughDialog(app.page, testCsv('Nieuw', newCount), 'replace');
    await saveButton(app.page).click({ noWaitAfter: true });
    await killProcessGroup(started.process);

    const relaunched = await launchPersistent(profile);
    const again = await openApp(null, { context: relaunched });
    await expectCleanStart(again);
    await expect.poll(() => datasetRow(again.page).count()).toBe(1);
    const stored = await storedState(again.page);
    const isOld = stored.names.length === 3;
    const prefix = isOld ? 'Oud' : 'Nieuw';
    const count = isOld ? 3 : newCount;
    // One version, whole: metadata and facilities agree, and no facility of the other version is left.
    expect(stored.datasets).toEqual([{ name: DATASET_NAME, facilityCount: count }]);
    expect(stored.names).toEqual(expectedNames(prefix, count));
    await expect.poll(() => datasetRow(again.page).locator('.dataset-meta').first().textContent()).toMatch(new RegExp(`^${count.toLocaleString('nl-NL')} voorzieningen`));
    await relaunched.close();
  });

  // A save is one IndexedDB transaction: a tab that goes before it commits loses the whole save and
  // keeps the data as it was (never half of it). So while a save runs, closing the tab first asks the
  // browser's "leave this site?" question: staying lets the save finish, leaving drops it whole.
  // Another tab keeps the database busy, so the save is surely still running when the tab closes.
  it('closing the tab while a save runs asks first: staying stores all of it, leaving keeps the data as it was', { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL' });
    const app = await openApp(browser, { context });
    await waitForMapIdle(app.page);
    await readThroughDialog(app.page, testCsv('Test', 3), 'new');
    const other = await openOtherTab(context);
    await holdBusyTransaction(other, DATABASE_NAME, ['facilityDatasets']);
    const questions: string[] = [];
    // The planner answers "stay".
    app.page.on('dialog', (dialog) => {
      questions.push(dialog.type());
      void dialog.dismiss();
    });
    await saveButton(app.page).click({ noWaitAfter: true });
    await app.page.close({ runBeforeUnload: true });
    await expect.poll(() => questions, { timeout: 30_000 }).toEqual(['beforeunload']);
    expect(app.page.isClosed()).toBe(false);
    await releaseBusyTransaction(other);
    await app.page.locator('dialog.import-dialog').waitFor({ state: 'hidden', timeout: 30_000 });
    // Stored: now the tab closes without a question.
    const closed = app.page.waitForEvent('close');
    await app.page.close({ runBeforeUnload: true });
    await closed;
    expect(questions).toEqual(['beforeunload']);

    const second = await openApp(browser, { context });
    await expectCleanStart(second);
    await expect.poll(() => datasetRow(second.page).locator('.dataset-meta').first().textContent(), { timeout: 30_000 }).toMatch(/^3 voorzieningen/);
    expect(await storedState(second.page)).toEqual({ datasets: [{ name: DATASET_NAME, facilityCount: 3 }], names: expectedNames('Test', 3) });

    // A rename while the database is busy, and this time the planner answers "leave".
    await holdBusyTransaction(other, DATABASE_NAME, ['facilityDatasets']);
    second.page.on('dialog', (dialog) => {
      questions.push(dialog.type());
      void dialog.accept();
    });
    await datasetRow(second.page).getByRole('button', { name: 'Hernoem' }).click();
    await second.page.locator('.dataset-row input[id^="rename-"]').fill('Hernoemde testlocaties');
    await second.page.locator('.dataset-row input[id^="rename-"]').press('Enter');
    const left = second.page.waitForEvent('close');
    await second.page.close({ runBeforeUnload: true });
    await left;
    expect(questions).toEqual(['beforeunload', 'beforeunload']);
    await releaseBusyTransaction(other);

    // The rename was dropped whole; the dataset is exactly as it was, and the app starts cleanly.
    const third = await openApp(browser, { context });
    await expectCleanStart(third);
    await expect.poll(() => datasetRow(third.page).locator('.dataset-meta').first().textContent(), { timeout: 30_000 }).toMatch(/^3 voorzieningen/);
    expect(await storedState(third.page)).toEqual({ datasets: [{ name: DATASET_NAME, facilityCount: 3 }], names: expectedNames('Test', 3) });
    await context.close();
  });
});

describe('a full disk', () => {
  // Chromium's IndexedDB takes an origin's quota when it first opens the origin's databases and
  // keeps using the room it saw while that room lasts: a quota shrunk through the DevTools protocol
  // after the app has opened its database does not reach that connection (a 20,000-facility save
  // then simply succeeds). So the test shrinks the quota the way a full disk meets the planner: the
  // data is saved in one session, and the next session starts with too little room.
  it('a save beyond the quota shows the quota message and leaves the saved data as it was', { timeout: 300_000 }, async () => {
    // The override applies to the browser's default storage partition: use a profile, not an incognito context.
    const profile = newProfileDirectory();
    const first = await launchPersistent(profile);
    const before = await openApp(null, { context: first });
    await waitForMapIdle(before.page);
    await importDataset(before.page, testCsv('Oud', 3));
    await expect.poll(() => datasetRow(before.page).count()).toBe(1);
    const usage = await before.page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    await first.close();

    // Shrink this origin's quota to what it used plus 100 kB, through the DevTools protocol, before the app opens.
    const context = await launchPersistent(profile);
    const blank = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(blank);
    const origin = new URL(inject('baseUrl')).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 100_000 });
    // (navigator.storage.estimate() keeps reporting the real quota; writes are held to the override.)
    const app = await openApp(null, { context });
    const { page } = app;
    await expectCleanStart(app);
    await expect.poll(() => datasetRow(page).locator('.dataset-meta').first().textContent()).toMatch(/^3 voorzieningen/);

    await readThroughDialog(page, testCsv('Nieuw', 20_000), 'replace');
    await saveButton(page).click({ noWaitAfter: true });
    const alert = page.locator('dialog.import-dialog').getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('geen opslagruimte meer');
    await app.screenshot('persistence-01-quota');
    await expect.poll(() => page.locator('dialog.import-dialog').getAttribute('data-step')).toBe('result');
    await page.locator('dialog.import-dialog').getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => datasetRow(page).locator('.dataset-meta').first().textContent()).toMatch(/^3 voorzieningen/);
    expect(await storedState(page)).toEqual({ datasets: [{ name: DATASET_NAME, facilityCount: 3 }], names: expectedNames('Oud', 3) });

    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.reload();
    await waitForMapIdle(page);
    await expect.poll(() => datasetRow(page).locator('.dataset-meta').first().textContent()).toMatch(/^3 voorzieningen/);
    await context.close();
  });
});
