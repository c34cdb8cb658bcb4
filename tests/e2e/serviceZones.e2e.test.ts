// Woonservicegebieden in real Chromium: switching them on without care locations says so; after
// importing a small made-up Zwolle file (test data, not real facilities) the map shows one zone,
// every municipality hatched as "geen gegevens" (nothing declared complete), the legend and the
// panel with the figures per municipality; changing a distance updates map and panel, and an
// out-of-range distance is refused at its field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle } from './appPage';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const CENTRE: [number, number] = [6.0944, 52.5125];
const METERS_PER_DEGREE_LATITUDE = 111_195;

function zwolleCsv(): string {
  const metersPerDegreeLongitude = METERS_PER_DEGREE_LATITUDE * Math.cos((CENTRE[1] * Math.PI) / 180);
  const at = (eastMeters: number, northMeters: number) =>
    [CENTRE[1] + northMeters / METERS_PER_DEGREE_LATITUDE, CENTRE[0] + eastMeters / metersPerDegreeLongitude].map((value) => value.toFixed(6).replace('.', ',')).join(';');
  return [
    'naam;categorie;lat;lon',
    `Testverpleeghuis Zwolle;verpleeghuis;${at(0, 0)}`,
    `Testsupermarkt Zwolle;supermarkt;${at(300, 0)}`,
    `Testhuisarts Zwolle;huisarts;${at(0, 200)}`,
    `Testbuurthuis Zwolle;ontmoetingsplek;${at(-200, 0)}`,
    `Testbushalte Zwolle;bushalte;${at(0, 100)}`,
  ].join('\r\n');
}

async function importFile(page: Page): Promise<void> {
  await page.locator('#import-open-button').click();
  const dialog = page.locator('dialog.import-dialog');
  await dialog.waitFor({ state: 'visible' });
  await page.locator('#import-file').setInputFiles({ name: 'zwolle-zorg.csv', mimeType: 'text/csv', buffer: Buffer.from(zwolleCsv(), 'utf8') });
  await page.locator('#import-name').fill('Testzorg Zwolle (e2e)');
  await page.locator('#import-source').fill('Testbestand van de browsertest');
  await dialog.getByRole('button', { name: 'Bestand lezen' }).click();
  await page.waitForSelector('dialog.import-dialog[data-step="result"], dialog.import-dialog[data-step="coordinates"]');
  if ((await dialog.getAttribute('data-step')) === 'coordinates') await dialog.getByRole('button', { name: 'Bevestigen en verder' }).click();
  await page.locator('dialog.import-dialog[data-step="result"]').waitFor();
  await expect(page.getByTestId('import-accepted-count').textContent()).resolves.toBe('5');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

const mapData = (page: Page, key: string) => page.locator('.maplibregl-map').first().getAttribute(`data-${key}`);

describe('woonservicegebieden', () => {
  it('switching zones on shows zones, hatching, legend and panel; changing a distance updates both', async () => {
    const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
    const { page } = app;
    await waitForMapIdle(page);
    const section = page.locator('section.zone-section');
    await section.getByLabel('Woonservicegebieden tonen').check();
    const status = section.getByTestId('zone-status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain('Nog geen 24-uurszorglocaties geladen');
    await expect.poll(() => mapData(page, 'zone-count')).toBe('0');

    await importFile(page);
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain('1 woonservicegebieden');
    await expect.poll(() => mapData(page, 'zone-count')).toBe('1');
    // nothing is declared complete: every municipality hatched as "geen gegevens"
    await expect.poll(() => mapData(page, 'zone-no-data')).toBe('25');
    await expect(page.getByTestId('zone-legend').textContent()).resolves.toContain('geen gegevens (arcering)');
    await expect(section.getByTestId('zone-municipality-table').textContent()).resolves.toContain('Zwolle');
    const before = await status.textContent();

    // the pharmacy is not required by default; the supermarket distance from 500 m to 200 m shrinks the zone
    const shop = section.getByLabel('Afstand tot Supermarkt (m)');
    await shop.fill('200');
    await shop.press('Enter');
    await shop.blur();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).not.toBe(before);
    await expect.poll(() => status.textContent()).toContain('1 woonservicegebieden');
    await expect.poll(() => mapData(page, 'zone-count')).toBe('1');

    // an out-of-range value is refused at the field; the zones stay as they were
    const care = section.getByLabel('Afstand tot een 24-uurszorglocatie (m)');
    const shown = await status.textContent();
    await care.fill('99999');
    await care.blur();
    await expect.poll(() => care.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await care.getAttribute('aria-describedby')) ?? '';
    await expect(page.locator(`#${describedBy.split(' ')[0]}`).textContent()).resolves.toContain('kies tussen 25 en 3000 m');
    await expect(status.textContent()).resolves.toBe(shown);

    await section.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await app.screenshot('zones-01-zwolle-nl-1280');
    expect(app.pageErrors).toEqual([]);
  });
});
