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
    expect(app.cspViolations).toEqual([]);
    await expect.poll(() => app.page.locator('.data-problems').count(), { timeout: 15_000 }).toBe(0);
  });

  it('selecting Zwolle by keyboard shows its basis and trend targets and its 7 key projects', async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    await app.page.keyboard.press('Tab'); // first focusable: the sources button
    await app.page.locator('#municipality-search').focus();
    await app.page.keyboard.type('Zwol');
    await app.page.keyboard.press('ArrowDown');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.textContent), { timeout: 15_000 }).toContain('Zwolle');
    await app.page.keyboard.press('Enter');
    const panel = app.page.getByTestId('municipality-panel');
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: 15_000 }).toBe('Zwolle');
    const targets = panel.getByTestId('targets-table');
    // Afsprakenkader ouderenhuisvesting West-Overijssel, Bijlage 1: Zwolle basis 970/635/340, trend 365/1.240/320.
    const cell = (scenario: string, type: string) => targets.locator(`td[data-scenario="${scenario}"][data-type="${type}"]`).textContent();
    await expect.poll(() => cell('basis', 'nultreden'), { timeout: 15_000 }).toBe('970');
    await expect.poll(() => cell('basis', 'geclusterd'), { timeout: 15_000 }).toBe('635');
    await expect.poll(() => cell('basis', 'zorggeschikt'), { timeout: 15_000 }).toBe('340');
    await expect.poll(() => cell('trend', 'nultreden'), { timeout: 15_000 }).toBe('365');
    await expect.poll(() => cell('trend', 'geclusterd'), { timeout: 15_000 }).toBe('1.240');
    await expect.poll(() => cell('trend', 'zorggeschikt'), { timeout: 15_000 }).toBe('320');
    await expect.poll(() => panel.locator('#key-projects-title').textContent(), { timeout: 15_000 }).toContain('(7)');
    await expect.poll(() => panel.getByTestId('key-projects-table').locator('tbody tr').count(), { timeout: 15_000 }).toBe(8); // 7 rows + sum
    await expect.poll(() => panel.locator('.source-reference summary').first().textContent(), { timeout: 15_000 }).toMatch(/Bron:/);
    await app.screenshot('02-zwolle-selected');
    expect(app.blockedRequests).toEqual([]);
  });

  it("a key project's panel shows its figures, approximate location precision and source", async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    await app.page.locator('#key-project-search').fill('Stadshagen');
    await app.page.locator('#key-project-list button').first().click();
    const panel = app.page.getByTestId('key-project-panel');
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: 15_000 }).toContain('Stadshagen');
    // Bijlage 1: Zwolle uitbreiding Stadshagen, 3.100 homes 2024 to end 2030.
    await expect.poll(() => panel.getByTestId('homes-2024-2030').textContent(), { timeout: 15_000 }).toBe('3.100');
    const precision = await panel.getByTestId('location-precision').textContent();
    expect(precision).toContain('Bij benadering');
    expect(precision).toContain('wijk');
    const source = panel.locator('.source-reference').first();
    await source.locator('summary').click();
    await expect.poll(() => source.locator('.source-details').textContent(), { timeout: 15_000 }).toMatch(/Bijlage 1/);
    await app.screenshot('03-key-project-stadshagen');
  });

  it('switching to English changes the labels', async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    await expect.poll(() => app.page.locator('#layer-controls-title').textContent(), { timeout: 15_000 }).toBe('Kaartlagen');
    await app.page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => app.page.locator('#layer-controls-title').textContent(), { timeout: 15_000 }).toBe('Map layers');
    await expect.poll(() => app.page.locator('html').getAttribute('lang'), { timeout: 15_000 }).toBe('en');
    await app.page.locator('#municipality-search').fill('Deventer');
    await app.page.locator('#municipality-list button').first().click();
    await expect.poll(() => app.page.getByTestId('municipality-panel').locator('#targets-title').textContent(), { timeout: 15_000 }).toBe(
      "Older people's housing target up to 2030",
    );
    await app.screenshot('04-english');
  });
});

describe('sources', () => {
  it('the sources dialog lists every source with publisher, date and licence, and closes with Escape', async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    await app.page.getByRole('button', { name: 'Bronnen' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Bronnen van alle gegevens' });
    await expect.poll(() => dialog.locator('.sources-list > li').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(15);
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('Actualisatie Woondeal West-Overijssel 2025 t/m eind 2030');
    expect(text).toContain('CC BY 4.0');
    await app.screenshot('09-sources-dialog');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible(), { timeout: 15_000 }).toBe(false);
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
    await expect.poll(() => problems.textContent(), { timeout: 15_000 }).toContain('gerealiseerde-woningen.json');
    // Other datasets still load: the key-project list is full and Zwolle's targets show.
    await expect.poll(() => app.page.locator('#key-project-list li').count(), { timeout: 15_000 }).toBe(52);
    await app.page.locator('#municipality-search').fill('Zwolle');
    await app.page.locator('#municipality-list button').first().click();
    await app.screenshot('05-malformed-dataset');
    await expect.poll(() => app.page.getByTestId('municipality-panel').locator('h2').textContent(), { timeout: 15_000 }).toBe('Zwolle');
    await expect.poll(() => app.page.getByTestId('targets-table').count(), { timeout: 15_000 }).toBe(1);
  });

  it('switching on the online background map while offline shows a message and keeps the offline map', async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    await app.page.getByLabel('PDOK BRT-Achtergrondkaart grijs (vraagt internet)').check();
    await app.page.locator('.background-status .warning').waitFor({ timeout: 20_000 });
    await expect.poll(() => app.page.locator('.background-status').textContent(), { timeout: 15_000 }).toContain('niet bereikbaar');
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
    await expect.poll(() => legend.locator('h3').first().textContent(), { timeout: 15_000 }).toBe('Totaal, Basisscenario (Rijk)');
    await expect.poll(() => legend.textContent(), { timeout: 15_000 }).toContain('Twente (14 gemeenten');
    await app.page.locator('#housing-type-select').selectOption('geclusterd');
    await app.page.locator('#target-scenario-select').selectOption('trend');
    await expect.poll(() => legend.locator('h3').first().textContent(), { timeout: 15_000 }).toBe('Geclusterd, Trendscenario (Companen)');
    await app.screenshot('07-choropleth-targets');
    await app.page.getByLabel('Ouderen per postcodegebied (2021)').check();
    await expect.poll(() => legend.locator('h3').first().textContent(), { timeout: 15_000 }).toContain('75 jaar en ouder');
    await expect.poll(() => legend.locator('.legend-classes').first().locator('li').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
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
    await expect.poll(() => app.page.getByTestId('municipality-panel').locator('h2').textContent(), { timeout: 15_000 }).toMatch(/\w+/);
  });
});
