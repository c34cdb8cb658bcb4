// The app loads offline from localhost only, the map really draws Overijssel, and explore works by keyboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle } from './appPage';
import { samplePixels } from './pixels';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the offline map', () => {
  it('loads with no request outside localhost and draws the province on the WebGL canvas', async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    const map = app.page.locator('#map');
    const png = await map.screenshot({ path: 'test-output/screenshots/01-map-loaded.png' });
    // The background colour of the offline style (#e8eef1) lies outside the province.
    const pixels = await samplePixels(app.page, png, [0xe8, 0xee, 0xf1], [
      [0.35, 0.5], // left of the legend, mid-height: inside Overijssel (Raalte/Hellendoorn)
      [0.995, 0.01], // top-right corner: outside the province
    ]);
    expect(pixels.nonBackgroundShare).toBeGreaterThan(0.25);
    const [inside, outside] = pixels.samples;
    expect(inside).not.toEqual([0xe8, 0xee, 0xf1]);
    expect(outside).toEqual([0xe8, 0xee, 0xf1]);
    expect(app.blockedRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await expect(app.page.locator('.data-problems').count()).resolves.toBe(0);
  });

  it('selecting Zwolle by keyboard shows its basis and trend targets and its 7 key projects', async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    await app.page.keyboard.press('Tab'); // first focusable: the sources button
    await app.page.locator('#municipality-search').focus();
    await app.page.keyboard.type('Zwol');
    await app.page.keyboard.press('ArrowDown');
    await expect(app.page.evaluate(() => document.activeElement?.textContent)).resolves.toContain('Zwolle');
    await app.page.keyboard.press('Enter');
    const panel = app.page.getByTestId('municipality-panel');
    await expect(panel.locator('h2').textContent()).resolves.toBe('Zwolle');
    const targets = panel.getByTestId('targets-table');
    // Afsprakenkader ouderenhuisvesting West-Overijssel, Bijlage 1: Zwolle basis 970/635/340, trend 365/1.240/320.
    const cell = (scenario: string, type: string) => targets.locator(`td[data-scenario="${scenario}"][data-type="${type}"]`).textContent();
    await expect(cell('basis', 'nultreden')).resolves.toBe('970');
    await expect(cell('basis', 'geclusterd')).resolves.toBe('635');
    await expect(cell('basis', 'zorggeschikt')).resolves.toBe('340');
    await expect(cell('trend', 'nultreden')).resolves.toBe('365');
    await expect(cell('trend', 'geclusterd')).resolves.toBe('1.240');
    await expect(cell('trend', 'zorggeschikt')).resolves.toBe('320');
    await expect(panel.locator('#key-projects-title').textContent()).resolves.toContain('(7)');
    await expect(panel.getByTestId('key-projects-table').locator('tbody tr').count()).resolves.toBe(8); // 7 rows + sum
    await expect(panel.locator('.source-reference summary').first().textContent()).resolves.toMatch(/Bron:/);
    await app.screenshot('02-zwolle-selected');
    expect(app.blockedRequests).toEqual([]);
  });

  it("a key project's panel shows its figures, approximate location precision and source", async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    await app.page.locator('#key-project-search').fill('Stadshagen');
    await app.page.locator('#key-project-list button').first().click();
    const panel = app.page.getByTestId('key-project-panel');
    await expect(panel.locator('h2').textContent()).resolves.toContain('Stadshagen');
    // Bijlage 1: Zwolle uitbreiding Stadshagen, 3.100 homes 2024 to end 2030.
    await expect(panel.getByTestId('homes-2024-2030').textContent()).resolves.toBe('3.100');
    const precision = await panel.getByTestId('location-precision').textContent();
    expect(precision).toContain('Bij benadering');
    expect(precision).toContain('wijk');
    const source = panel.locator('.source-reference').first();
    await source.locator('summary').click();
    await expect(source.locator('.source-details').textContent()).resolves.toMatch(/Bijlage 1/);
    await app.screenshot('03-key-project-stadshagen');
  });

  it('switching to English changes the labels', async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    await expect(app.page.locator('#layer-controls-title').textContent()).resolves.toBe('Kaartlagen');
    await app.page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(app.page.locator('#layer-controls-title').textContent()).resolves.toBe('Map layers');
    await expect(app.page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await app.page.locator('#municipality-search').fill('Deventer');
    await app.page.locator('#municipality-list button').first().click();
    await expect(app.page.getByTestId('municipality-panel').locator('#targets-title').textContent()).resolves.toBe(
      "Older people's housing target up to 2030",
    );
    await app.screenshot('04-english');
  });
});

describe('when things go wrong', () => {
  it('a malformed dataset gives a message naming the file, and the rest of the app still works', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.route('**/geo/woondeal/gerealiseerde-woningen.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"schemaVersion": 1, "rows": [ {"gemeente": ' }),
    );
    const app = await openApp(browser, { context });
    await waitForMapIdle(app.page);
    const problems = app.page.locator('.data-problems');
    await expect(problems.textContent()).resolves.toContain('gerealiseerde-woningen.json');
    // Other datasets still load: the key-project list is full and Zwolle's targets show.
    await expect(app.page.locator('#key-project-list li').count()).resolves.toBe(52);
    await app.page.locator('#municipality-search').fill('Zwolle');
    await app.page.locator('#municipality-list button').first().click();
    await app.screenshot('05-malformed-dataset');
    await expect(app.page.getByTestId('municipality-panel').locator('h2').textContent()).resolves.toBe('Zwolle');
    await expect(app.page.getByTestId('targets-table').count()).resolves.toBe(1);
  });

  it('switching on the online background map while offline shows a message and keeps the offline map', async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    await app.page.getByLabel('Online achtergrondkaart (PDOK, vraagt internet)').check();
    await app.page.locator('.background-status .warning').waitFor({ timeout: 20_000 });
    await expect(app.page.locator('.background-status').textContent()).resolves.toContain('niet bereikbaar');
    expect(app.blockedRequests.length).toBeGreaterThan(0);
    expect(app.blockedRequests.every((url) => url.startsWith('https://service.pdok.nl/'))).toBe(true);
    const png = await app.page.locator('#map').screenshot();
    const pixels = await samplePixels(app.page, png, [0xe8, 0xee, 0xf1], []);
    expect(pixels.nonBackgroundShare).toBeGreaterThan(0.25);
    await app.screenshot('06-background-offline');
  });
});

describe('thematic layers', () => {
  it('shows a legend for the targets choropleth and switches to older people per postcode area', async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    const legend = app.page.locator('.legend');
    await expect(legend.locator('h3').first().textContent()).resolves.toBe('Totaal, Basisscenario (Rijk)');
    await expect(legend.textContent()).resolves.toContain('Twente (14 gemeenten');
    await app.page.locator('#housing-type-select').selectOption('geclusterd');
    await app.page.locator('#scenario-select').selectOption('trend');
    await expect(legend.locator('h3').first().textContent()).resolves.toBe('Geclusterd, Trendscenario (Companen)');
    await app.screenshot('07-choropleth-targets');
    await app.page.getByLabel('Ouderen per postcodegebied (2021)').check();
    await expect(legend.locator('h3').first().textContent()).resolves.toContain('75 jaar en ouder');
    await expect(legend.locator('.legend-classes').first().locator('li').count()).resolves.toBeGreaterThanOrEqual(3);
    await waitForMapIdle(app.page);
    await app.screenshot('08-choropleth-older-people');
  });

  it('clicking a municipality on the map selects it', async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    await app.page.getByLabel('Geen thema').check();
    await app.page.getByRole('checkbox', { name: 'Sleutelprojecten', exact: true }).uncheck();
    const box = (await app.page.locator('#map').boundingBox())!;
    // Centre of the view lies well inside the province; whichever municipality is there gets selected.
    await app.page.mouse.click(box.x + box.width * 0.35, box.y + box.height * 0.5);
    await expect(app.page.getByTestId('municipality-panel').locator('h2').textContent()).resolves.toMatch(/\w+/);
  });
});
