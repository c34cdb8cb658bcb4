// Browser storage in real Chromium: two tabs on one profile never undo each other (issue 7, point 5),
// a browser without storage gives a visible session-only mode (RELIABILITY.md 5.10), and two versions
// of the app on one database show the blocked or newer-version state and lose nothing (5.16).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { DATABASE_NAME, DATABASE_VERSION } from '../../src/storage/database';
import { launchChromium } from './chromium';
import { openApp, type AppPage } from './appPage';
import { openOtherTab } from './otherTab';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Made-up test rows on the town centres of Zwolle and Enschede (TOP10NL 2025), Dutch Excel style. */
const TEST_CSV = ['naam;categorie;lat;lon', 'Testlocatie Zwolle;huisarts;52,509705;6,091546', 'Testlocatie Enschede;apotheek;52,214997;6,885504'].join('\r\n');
const DATASET_NAME = 'Testlocaties twee tabbladen (e2e)';

function datasetRow(page: Page) {
  return page.locator('.dataset-row', { hasText: DATASET_NAME });
}

/** Runs the import dialog up to the result step with the test CSV (coordinates confirmed when asked). */
async function readTestCsv(page: Page, fileName: string): Promise<void> {
  const dialog = page.locator('dialog.import-dialog');
  await page.locator('#import-file').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(TEST_CSV, 'utf8') });
  await page.locator('#import-source').fill('Testbestand van de browsertest');
  await dialog.getByRole('button', { name: 'Bestand lezen' }).click();
  await page.locator('dialog.import-dialog[data-step="coordinates"], dialog.import-dialog[data-step="result"]').waitFor();
  if ((await dialog.getAttribute('data-step')) === 'coordinates') await dialog.getByRole('button', { name: 'Bevestigen en verder' }).click();
  await page.locator('dialog.import-dialog[data-step="result"]').waitFor();
}

async function importTestCsv(page: Page): Promise<void> {
  await page.locator('#import-open-button').click();
  await page.locator('dialog.import-dialog').waitFor({ state: 'visible' });
  await page.locator('#import-file').setInputFiles({ name: 'testlocaties.csv', mimeType: 'text/csv', buffer: Buffer.from(TEST_CSV, 'utf8') });
  await page.locator('#import-name').fill(DATASET_NAME);
  await readTestCsv(page, 'testlocaties.csv');
  await page.locator('dialog.import-dialog').getByRole('button', { name: 'Opslaan' }).click();
  await page.locator('dialog.import-dialog').waitFor({ state: 'hidden' });
}

/** Waits until the tab has restored its saved datasets (the map is not needed here; a background tab may not draw it). */
async function startApp(app: AppPage): Promise<void> {
  try {
    await app.page.waitForFunction(() => document.body.dataset['storageRestoredAt'] !== undefined, null, { timeout: 30_000 });
  } catch (error) {
    const state = await app.page.evaluate(() => ({ body: { ...document.body.dataset }, text: document.body.innerText.slice(0, 400) }));
    throw new Error(`storage not restored: ${JSON.stringify(state)}; page errors: ${app.pageErrors.join(' | ')}`, { cause: error });
  }
}

describe('two tabs on one profile', () => {
  it("learn of each other's imports and deletes, and a stale replace is refused with a reload offer", { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
    const tabA = await openApp(browser, { context });
    const tabB = await openApp(browser, { context });
    await startApp(tabA);
    await startApp(tabB);

    // An import in tab A appears in tab B without a reload.
    await tabA.page.bringToFront();
    await tabA.page.locator('#import-open-button').click();
    await tabA.page.locator('dialog.import-dialog').waitFor({ state: 'visible' });
    await tabA.page.locator('#import-file').setInputFiles({ name: 'testlocaties.csv', mimeType: 'text/csv', buffer: Buffer.from(TEST_CSV, 'utf8') });
    await tabA.page.locator('#import-name').fill(DATASET_NAME);
    await tabA.page.locator('#import-source').fill('Testbestand van de browsertest');
    await tabA.page.locator('dialog.import-dialog').getByRole('button', { name: 'Bestand lezen' }).click();
    await tabA.page.locator('dialog.import-dialog[data-step="coordinates"], dialog.import-dialog[data-step="result"]').waitFor();
    if ((await tabA.page.locator('dialog.import-dialog').getAttribute('data-step')) === 'coordinates') {
      await tabA.page.locator('dialog.import-dialog').getByRole('button', { name: 'Bevestigen en verder' }).click();
    }
    await tabA.page.locator('dialog.import-dialog[data-step="result"]').waitFor();
    await tabA.page.locator('dialog.import-dialog').getByRole('button', { name: 'Opslaan' }).click();
    await tabA.page.locator('dialog.import-dialog').waitFor({ state: 'hidden' });
    await datasetRow(tabB.page).waitFor({ timeout: 5_000 });

    // Tab B starts replacing it; meanwhile tab A deletes it.
    await tabB.page.bringToFront();
    await datasetRow(tabB.page).getByRole('button', { name: 'Vervang' }).click();
    await tabB.page.locator('dialog.import-dialog[open]').waitFor();
    await tabA.page.bringToFront();
    tabA.page.once('dialog', (confirmation) => void confirmation.accept());
    await datasetRow(tabA.page).getByRole('button', { name: 'Verwijder' }).click();
    await datasetRow(tabA.page).waitFor({ state: 'detached' });

    await tabB.page.bringToFront();
    await readTestCsv(tabB.page, 'vervanging.csv');
    await tabB.page.locator('dialog.import-dialog').getByRole('button', { name: 'Vervangen' }).click();
    const alert = tabB.page.locator('dialog.import-dialog #import-alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('in een ander tabblad gewijzigd of verwijderd. Er is niets opgeslagen.');
    await tabB.screenshot('storage-01-stale-tab-conflict');
    await alert.getByRole('button', { name: 'Pagina opnieuw laden' }).click();
    await startApp(tabB);
    await expect(datasetRow(tabB.page).count()).resolves.toBe(0);
    await tabA.page.reload();
    await startApp(tabA);
    await expect(datasetRow(tabA.page).count()).resolves.toBe(0);
    expect([...tabA.pageErrors, ...tabB.pageErrors]).toEqual([]);
    await context.close();
  });
});

describe('a browser that offers no storage', () => {
  it('says so in a banner that stays, and imports still work for the session', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
    // As in Safari's and Firefox's private windows: opening IndexedDB throws.
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    });
    const app = await openApp(browser, { context });
    await startApp(app);
    const banner = app.page.getByTestId('storage-session-only');
    await expect(banner.getAttribute('role')).resolves.toBe('status');
    await expect(banner.textContent()).resolves.toContain('Alleen voor deze sessie');
    await expect(banner.getByRole('button').count()).resolves.toBe(0);
    await importTestCsv(app.page);
    await datasetRow(app.page).waitFor();
    await expect(banner.isVisible()).resolves.toBe(true);
    await app.screenshot('storage-02-session-only');
    expect(app.pageErrors).toEqual([]);
    await context.close();
  });
});

/** What the database holds, read in another tab with the plain IndexedDB API (never the app's code). */
async function storedDatasets(page: Page): Promise<{ version: number; datasets: Array<{ name: string; facilityCount: number }>; facilities: number }> {
  return page.evaluate(async () => {
    const database = (window as unknown as { heldDatabase?: IDBDatabase }).heldDatabase;
    if (!database) throw new Error('the other tab holds no database');
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = database.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const datasets = await all<{ name: string; facilityCount: number }>('facilityDatasets');
    const chunks = await all<{ facilities: unknown[] }>('facilityChunks');
    return {
      version: database.version,
      datasets: datasets.map(({ name, facilityCount }) => ({ name, facilityCount })),
      facilities: chunks.reduce((sum, chunk) => sum + chunk.facilities.length, 0),
    };
  });
}

describe('two versions of the app (RELIABILITY.md 5.16)', () => {
  it('a newer version opened in another tab: this tab makes way, says to reload, refuses edits visibly, and no saved data is lost', { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
    const current = await openApp(browser, { context });
    await startApp(current);
    await importTestCsv(current.page);
    await datasetRow(current.page).waitFor();

    // The newer version's tab: the same database one version up, with a store of its own.
    const newer = await openOtherTab(context);
    const opened = await newer.evaluate(
      ({ name, version }) =>
        new Promise<{ blocked: boolean; version: number }>((resolve, reject) => {
          let blocked = false;
          const request = indexedDB.open(name, version);
          request.onupgradeneeded = () => request.result.createObjectStore('storeOfTheNewerVersion');
          request.onblocked = () => (blocked = true);
          request.onsuccess = () => {
            (window as unknown as { heldDatabase: IDBDatabase }).heldDatabase = request.result;
            resolve({ blocked, version: request.result.version });
          };
          request.onerror = () => reject(request.error);
        }),
      { name: DATABASE_NAME, version: DATABASE_VERSION + 1 },
    );
    // This tab closed its connection at once: the newer version was never kept waiting.
    expect(opened).toEqual({ blocked: false, version: DATABASE_VERSION + 1 });

    await current.page.bringToFront();
    const problem = current.page.locator('[data-testid="storage-problem"] li[data-code="storage.versionChange"]');
    await expect.poll(() => problem.textContent(), { timeout: 30_000 }).toContain('Een nieuwere versie van de app is in een ander tabblad geopend. Laad deze pagina opnieuw.');
    await expect(problem.getByRole('button', { name: 'Pagina opnieuw laden' }).count()).resolves.toBe(1);
    await current.screenshot('storage-03-newer-version-elsewhere');

    // An edit now is refused, visibly, and changes nothing: the old name stays on screen and in storage.
    await datasetRow(current.page).getByRole('button', { name: 'Hernoem' }).click();
    await current.page.locator('.dataset-row input[id^="rename-"]').fill('Hernoemd na de nieuwe versie');
    await current.page.locator('.dataset-row input[id^="rename-"]').press('Enter');
    await expect.poll(() => current.page.locator('[data-testid="storage-problem"] li').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    await expect(current.page.locator('.dataset-row', { hasText: 'Hernoemd na de nieuwe versie' }).count()).resolves.toBe(0);
    expect(await storedDatasets(newer)).toEqual({ version: DATABASE_VERSION + 1, datasets: [{ name: DATASET_NAME, facilityCount: 2 }], facilities: 2 });

    // The reverse: a tab of the older app opened after the upgrade cannot open the newer database.
    // It says so and writes nothing; the data stays as the newer version holds it.
    const older = await openApp(browser, { context });
    await startApp(older);
    await expect.poll(() => older.page.locator('[data-testid="storage-problem"] li[data-code="storage.versionChange"]').count(), { timeout: 30_000 }).toBe(1);
    expect(await storedDatasets(newer)).toEqual({ version: DATABASE_VERSION + 1, datasets: [{ name: DATASET_NAME, facilityCount: 2 }], facilities: 2 });
    expect([...current.pageErrors, ...older.pageErrors]).toEqual([]);
    await context.close();
  });

  it('an older version holds the database open: the upgrade waits and says so, then keeps every record once that tab closes', { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
    // The older version's tab: the database as schema version 1 wrote it (the committed fixture),
    // kept open by a version that does not make way for an upgrade.
    const fixture = JSON.parse(readFileSync(new URL('../fixtures/storage/woonzorgkaart-v1.json', import.meta.url), 'utf8')) as {
      version: number;
      stores: Record<string, { keyPath: string | string[] }>;
      records: Record<string, unknown[]>;
    };
    const older = await openOtherTab(context);
    await older.evaluate(
      ({ name, fixture }) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open(name, fixture.version);
          request.onupgradeneeded = () => {
            for (const [store, { keyPath }] of Object.entries(fixture.stores)) request.result.createObjectStore(store, { keyPath });
          };
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const database = request.result;
            const transaction = database.transaction(Object.keys(fixture.records), 'readwrite');
            for (const [store, records] of Object.entries(fixture.records)) for (const record of records) transaction.objectStore(store).put(record);
            transaction.oncomplete = () => resolve();
            transaction.onerror = () => reject(transaction.error);
          };
        }),
      { name: DATABASE_NAME, fixture },
    );

    const current = await openApp(browser, { context });
    const problem = current.page.locator('[data-testid="storage-problem"] li[data-code="storage.blocked"]');
    await expect.poll(() => problem.textContent(), { timeout: 30_000 }).toContain('een ander tabblad met deze app houdt dat tegen. Sluit de andere tabbladen.');
    await current.screenshot('storage-04-upgrade-blocked');

    // The planner closes the old tab: the upgrade runs, the message goes, every v1 record is there.
    await older.close();
    await startApp(current);
    await expect.poll(() => problem.count(), { timeout: 30_000 }).toBe(0);
    await expect(current.page.locator('[data-testid="storage-problem"]').count()).resolves.toBe(0);
    await expect.poll(() => current.page.locator('.dataset-row', { hasText: 'Testlocaties huisartsen' }).locator('.dataset-meta').first().textContent(), { timeout: 30_000 }).toMatch(/^2 voorzieningen/);
    await expect.poll(() => current.page.locator('.dataset-row', { hasText: 'OpenStreetMap Zwolle' }).locator('.dataset-meta').first().textContent(), { timeout: 30_000 }).toMatch(/^1 voorziening/);
    const check = await openOtherTab(context);
    await check.evaluate(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => {
            (window as unknown as { heldDatabase: IDBDatabase }).heldDatabase = request.result;
            resolve();
          };
          request.onerror = () => reject(request.error);
        }),
      DATABASE_NAME,
    );
    expect(await storedDatasets(check)).toEqual({
      version: DATABASE_VERSION,
      datasets: [
        { name: 'Testlocaties huisartsen', facilityCount: 2 },
        { name: 'OpenStreetMap Zwolle', facilityCount: 1 },
      ],
      facilities: 3,
    });
    expect(current.pageErrors).toEqual([]);
    await context.close();
  });
});
