// "Nobody gets in" in the built app under its production Content-Security-Policy: HTML in a file
// name, a CSV header and a facility name is shown as text and never runs; a whole smoke flow
// (map, municipality, import through the worker, reachability through its worker, English) raises
// no CSP violation and requests nothing but its own origin, data: and blob:; an injected inline
// script is blocked and reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp, takeCspViolations, waitForMapIdle, type AppPage } from './appPage';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** An HTML payload that would set window.__x if it were ever parsed as HTML. */
const PAYLOAD = '<img src=x onerror="window.__x=1">';
const CSV_PAYLOAD = '"' + PAYLOAD.replaceAll('"', '""') + '"';

/**
 * Test data: the payload as the name column's header, as a facility's name (a made-up location on
 * Zwolle's town centre per TOP10NL 2025) and as the category of a second row (rejected, and the
 * rejection quotes it).
 */
const HOSTILE_CSV = [
  `${CSV_PAYLOAD};categorie;lat;lon`,
  `${CSV_PAYLOAD};huisarts;52,509705;6,091546`,
  `Testlocatie Zwolle;${CSV_PAYLOAD};52,509705;6,091546`,
].join('\r\n');

async function injectedState(page: Page): Promise<{ x: unknown; images: number }> {
  return page.evaluate(() => ({
    x: (window as unknown as { __x?: unknown }).__x,
    images: document.querySelectorAll('img[src="x"], img[onerror]').length,
  }));
}

/** Imports HOSTILE_CSV under the file name `${PAYLOAD}.csv` and saves it. */
async function importHostileFile(app: AppPage): Promise<void> {
  const { page } = app;
  await page.locator('#import-open-button').click();
  const dialog = page.locator('dialog.import-dialog');
  await page.locator('#import-file').setInputFiles({ name: `${PAYLOAD}.csv`, mimeType: 'text/csv', buffer: Buffer.from(HOSTILE_CSV, 'utf8') });
  await expect.poll(() => page.locator('#import-file-chosen').textContent()).toContain(PAYLOAD);
  await expect(page.locator('#import-name').inputValue()).resolves.toBe(PAYLOAD);
  await page.locator('#import-source').fill('Testbestand van de browsertest');
  await dialog.getByRole('button', { name: 'Bestand lezen' }).click();
  // The name column's header is not recognised, so the column choice shows the header as an option.
  await page.locator('dialog.import-dialog[data-step="mapping"]').waitFor();
  await expect(page.locator('#import-name-column option').allTextContents()).resolves.toContain(PAYLOAD);
  await page.locator('#import-name-column').selectOption(PAYLOAD);
  await dialog.getByRole('button', { name: 'Verder' }).click();
  await page.locator('dialog.import-dialog[data-step="coordinates"], dialog.import-dialog[data-step="result"]').waitFor();
  if ((await dialog.getAttribute('data-step')) === 'coordinates') await dialog.getByRole('button', { name: 'Bevestigen en verder' }).click();
  await page.locator('dialog.import-dialog[data-step="result"]').waitFor();
  await expect.poll(() => page.getByTestId('import-report').textContent()).toContain(`Onbekende categorie "${PAYLOAD}"`);
  await app.screenshot('security-01-html-as-text-result');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('HTML in imported data', () => {
  it('shows HTML in a file name, a CSV header and a facility name as literal text and never runs it', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await waitForMapIdle(page);
    await importHostileFile(app);
    const datasetRow = page.locator('.dataset-row').filter({ hasText: PAYLOAD });
    await expect.poll(() => datasetRow.count()).toBe(1);

    // The facility's name appears as the nearest huisarts of a location picked on the map.
    await page.getByRole('button', { name: 'Kies een locatie op de kaart' }).press('Enter');
    await page.locator('#map canvas').focus();
    await page.keyboard.press('Enter');
    const huisarts = page.locator('[data-testid="reach-categories"] tr[data-category="huisarts"]');
    await expect.poll(() => huisarts.textContent(), { timeout: 20_000 }).toContain(PAYLOAD);
    await app.screenshot('security-02-html-as-text-saved');

    expect(await injectedState(page)).toEqual({ x: undefined, images: 0 });
    // And after a reload, when the name comes back from IndexedDB.
    await page.reload();
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.dataset-row').filter({ hasText: PAYLOAD }).count()).toBe(1);
    expect(await injectedState(page)).toEqual({ x: undefined, images: 0 });
    expect(app.pageErrors).toEqual([]);
  });
});

describe('content security', () => {
  it('a smoke flow raises no CSP violation and requests only its own origin, data: and blob:', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const origin = new URL(page.url()).origin;
    await waitForMapIdle(page);
    await page.locator('#municipality-search').fill('Zwolle');
    await page.locator('#municipality-list button').first().click();
    await page.getByTestId('municipality-panel').waitFor();
    // The import worker.
    await page.locator('#import-open-button').click();
    const csv = ['naam;categorie;lat;lon', 'Testlocatie Zwolle;huisarts;52,509705;6,091546'].join('\r\n');
    await page.locator('#import-file').setInputFiles({ name: 'testlocatie.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.locator('#import-source').fill('Testbestand van de browsertest');
    const dialog = page.locator('dialog.import-dialog');
    await dialog.getByRole('button', { name: 'Bestand lezen' }).click();
    await page.locator('dialog.import-dialog[data-step="coordinates"], dialog.import-dialog[data-step="result"]').waitFor();
    if ((await dialog.getAttribute('data-step')) === 'coordinates') await dialog.getByRole('button', { name: 'Bevestigen en verder' }).click();
    await page.locator('dialog.import-dialog[data-step="result"]').waitFor();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The reachability worker.
    await page.locator('#key-project-search').fill('Stadshagen');
    await page.locator('#key-project-search').press('Enter');
    await page.getByRole('button', { name: 'Bereikbaarheid van deze locatie' }).click();
    await page.getByTestId('reachability-panel').locator('[data-testid="reach-categories"]').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await waitForMapIdle(page);

    expect(app.cspViolations).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    const outside = app.requests.filter((url) => !(url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')));
    expect(outside).toEqual([]);
    expect(app.requests.length).toBeGreaterThan(10);
  });

  it('blocks an injected inline script and reports it as a securitypolicyviolation', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await waitForMapIdle(page);
    expect(app.cspViolations).toEqual([]);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.append(script);
    });
    await expect.poll(() => app.cspViolations.filter((text) => text.startsWith('securitypolicyviolation: script-src')).length).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    // This violation was provoked on purpose; the per-file check (tests/e2e/setup.ts) must see no other.
    const taken = takeCspViolations();
    expect(taken.length).toBeGreaterThanOrEqual(1);
    expect(taken.every((text) => /script-src|inline|Content Security Policy/i.test(text))).toBe(true);
  });
});
