// A large facility file in real Chromium (issue 7, point 6): its preview draws, without MapLibre
// errors, and so do the saved points after a reload. Correctness, not timing: the timings are in
// `npm run bench:browser`. 120,000 rows put far more than 32,768 points in one map tile at the zoom
// the preview opens with (about 70,000), the count at which MapLibre's icon layer breaks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle } from './appPage';
import { shareNearColour } from './pixels';
import { largeFacilityCsv } from '../support/largeFacilityCsv';

const ROWS = 120_000;
/** The preview's red (src/map/facilityLayers.ts) and the outline of saved clusters. */
const PREVIEW_RED: [number, number, number] = [0xb0, 0x00, 0x20];
const CLUSTER_BLUE: [number, number, number] = [0x15, 0x42, 0x73];
const DATASET_NAME = 'Groot testbestand (e2e)';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function mapShare(page: Page, colour: [number, number, number]): Promise<number> {
  return shareNearColour(page, await page.locator('#map').screenshot(), colour);
}

describe('a large facility file', () => {
  it('shows its preview, saves, and draws its points again after a reload, without map errors', { timeout: 900_000 }, async () => {
    const csv = largeFacilityCsv({ rows: ROWS });
    const app = await openApp(browser);
    const { page } = app;
    page.setDefaultTimeout(300_000);
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await waitForMapIdle(page);
    const redBefore = await mapShare(page, PREVIEW_RED);
    const blueBefore = await mapShare(page, CLUSTER_BLUE);

    await page.locator('#import-open-button').click();
    const dialog = page.locator('dialog.import-dialog');
    await page.locator('#import-file').setInputFiles({ name: 'groot.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.text, 'utf8') });
    await page.locator('#import-name').fill(DATASET_NAME);
    await page.locator('#import-source').fill('Synthetisch testbestand van de browsertest');
    await dialog.getByRole('button', { name: 'Bestand lezen' }).click();
    await page.locator('dialog.import-dialog[data-step="coordinates"], dialog.import-dialog[data-step="result"]').waitFor();
    if ((await dialog.getAttribute('data-step')) === 'coordinates') {
      await dialog.getByRole('button', { name: 'Bevestigen en verder' }).click();
      await page.locator('dialog.import-dialog[data-step="result"]').waitFor();
    }
    await expect(page.getByTestId('import-accepted-count').textContent()).resolves.toBe(csv.expectedAccepted.toLocaleString('nl-NL'));

    // The preview: red dots over the province, drawn as dots (not 120,000 icons).
    await expect.poll(() => mapShare(page, PREVIEW_RED), { timeout: 300_000, interval: 2000 }).toBeGreaterThan(redBefore + 0.01);
    await page.locator('#map[data-preview-layer-mode="dotsThenIcons"]').waitFor();
    await app.screenshot('large-import-01-preview');
    expect(app.pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);

    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('#map[data-facility-layer-mode="dotsThenIcons"]').waitFor();
    // Saved points are clustered at this zoom: white circles with a blue ring and a count.
    await expect.poll(() => mapShare(page, CLUSTER_BLUE), { timeout: 300_000, interval: 2000 }).toBeGreaterThan(blueBefore + 0.001);
    // The preview is gone once saved.
    await expect.poll(() => mapShare(page, PREVIEW_RED), { timeout: 120_000, interval: 2000 }).toBeLessThan(redBefore + 0.002);
    await app.screenshot('large-import-02-saved');

    await page.reload();
    // Restoring 120,000 records takes a while on a busy machine: wait for the list, not the usual 30 s.
    await page.locator('.dataset-row', { hasText: DATASET_NAME }).waitFor();
    // While the map gets the list in parts, a status line says it shows only part of it.
    const status = page.getByTestId('map-drawing-status');
    await page.waitForFunction(() => /De kaart toont nog niet alle voorzieningen: [\d.]+ van 1[\d.]+ getekend/.test(document.querySelector('[data-testid="map-drawing-status"]')?.textContent ?? ''), null, { polling: 50 });
    await status.screenshot({ path: 'test-output/screenshots/large-import-03a-drawing-status.png' });
    await expect.poll(() => mapShare(page, CLUSTER_BLUE), { timeout: 300_000, interval: 2000 }).toBeGreaterThan(blueBefore + 0.001);
    await app.screenshot('large-import-03-reloaded');

    // The map got the list in parts (updateData messages); once it holds all of it the status line is gone.
    await page.locator('#map[data-facility-map-pending=""]').waitFor();
    await expect(page.getByTestId('map-drawing-status').textContent()).resolves.toBe('');

    // Zoomed in to street level (zoom 15 and more) the lettered icons take over from the dots. The view
    // is read from the map itself (data-zoom), not from the scale bar: at Overijssel's latitude the bar
    // reads "200 m" from zoom 14.0 to 14.6, where dots are still shown by design. And the zoom is
    // centred on a place inside the province (a key project in Zwolle), not wherever the view was.
    await page.locator('#key-project-search').fill('Zwolle Spoorzone');
    await page.locator('#key-project-search').press('Enter');
    await page.getByRole('button', { name: 'Bereikbaarheid van deze locatie' }).click();
    const zoom = async () => Number(await page.locator('#map').getAttribute('data-zoom'));
    await page.locator('#map canvas').focus();
    // One '+' zooms in by 1; the count is read from the map's description made at exactly that zoom.
    const renderedAt = async (target: number) => {
      await page.keyboard.press('Equal');
      const described = page.locator(`#map[data-facility-points-zoom="${target.toFixed(2)}"]`);
      await described.waitFor({ timeout: 120_000 });
      return Number(await described.getAttribute('data-facility-point-count'));
    };
    await expect.poll(zoom, { timeout: 60_000 }).toBe(13.5);
    // zoom 14.5: dots only (the icon layer starts at zoom 15), though the scale bar already says 200 m
    expect(await renderedAt(14.5)).toBe(0);
    expect((await page.locator('.maplibregl-ctrl-scale').textContent())?.replace(/\s/g, ' ')).toBe('200 m');
    // zoom 15.5: lettered icons, with their names in the map's description
    expect(await renderedAt(15.5)).toBeGreaterThan(0);
    expect(await page.locator('#map').getAttribute('data-facility-points')).toMatch(/Testvoorziening \d+@/);
    await app.screenshot('large-import-04-zoomed');
    expect(app.pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  });
});
