// Browser storage in real Chromium: two tabs on one profile never undo each other (issue 7, point 5),
// and a browser without storage gives a visible session-only mode (RELIABILITY.md 5.10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp, type AppPage } from './appPage';

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
