// Locatiezoeker in real Chromium (issue 13): with test facilities around the centres of the eight
// largest kernen (complete for the province), the finder for geclusterd, 75+, K = 5, D = 500 m gives
// a ranked list and numbered sites on the map, and the comparison with HiGHS; the best site goes into
// a draft scenario, is there after a reload, and a new run counts it as existing supply: the people
// it added are served before, in its municipality and in the province.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle } from './appPage';
import { wcagViolations } from './axe';
import { createScenario, openScenarioIfClosed } from './scenarioSteps';
import { seedFacilities, testDataset } from './seedFacilities';
import { SITE_FINDER_TEST_CATEGORIES as CATEGORIES, SITE_FINDER_TEST_DATASET_ID as DATASET_ID, siteFinderTestFacilities as testFacilities } from './siteFinderTestFacilities';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Figures {
  people: number;
  servedBefore: number;
  servedAfter: number;
}

async function rowFigures(page: Page, code: string): Promise<Figures> {
  const row = page.locator(`[data-testid="site-finder-municipalities"] tr[data-code="${code}"]`);
  return { people: Number(await row.getAttribute('data-people')), servedBefore: Number(await row.getAttribute('data-served-before')), servedAfter: Number(await row.getAttribute('data-served-after')) };
}

async function runFinder(page: Page, k = '5', status = 'done'): Promise<void> {
  const finder = page.getByTestId('site-finder');
  if ((await finder.getByTestId('site-finder-form').count()) === 0) await finder.getByRole('button', { name: 'Locatiezoeker openen' }).click();
  await finder.getByLabel('Woningtype', { exact: true }).selectOption('geclusterd');
  await finder.getByLabel('Leeftijdsgroep').selectOption('75plus');
  await finder.getByLabel('Aantal nieuwe locaties (K)').fill(k);
  await finder.getByLabel('Afstand D (m, hemelsbreed)').fill('500');
  await finder.getByRole('button', { name: 'Locaties zoeken' }).click();
  await expect.poll(() => finder.locator('.site-finder-results').getAttribute('data-status'), { timeout: 40_000 }).toBe(status);
}

/** Web Mercator pixels of a point at a zoom (MapLibre's 512-pixel tiles): differences are screen offsets. */
function worldPixels(lon: number, lat: number, zoom: number): [number, number] {
  const size = 512 * 2 ** zoom;
  const latitude = (lat * Math.PI) / 180;
  return [((lon + 180) / 360) * size, ((1 - Math.log(Math.tan(latitude) + 1 / Math.cos(latitude)) / Math.PI) / 2) * size];
}

describe('Locatiezoeker', () => {
  it('refuses D and K out of range at their field, cancels, finds 5 sites for geclusterd 75+ within 500 m, draws them, and a site added to the draft counts as supply after a reload', { timeout: 180_000 }, async () => {
    const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
    const { page } = app;
    await waitForMapIdle(page);
    const facilities = testFacilities();
    await seedFacilities(page, testDataset(DATASET_ID, 'Testvoorzieningen locatiezoeker', CATEGORIES, facilities.length), facilities);
    await page.goto(page.url().split('#')[0]!);
    await waitForMapIdle(page);
    await createScenario(page);

    // A distance out of range is refused at its field, with the range.
    const finder = page.getByTestId('site-finder');
    await finder.getByRole('button', { name: 'Locatiezoeker openen' }).click();
    await finder.getByLabel('Afstand D (m, hemelsbreed)').fill('5000');
    await finder.getByRole('button', { name: 'Locaties zoeken' }).click();
    await expect.poll(() => finder.getByTestId('site-finder-field-error').textContent()).toContain('kies tussen 25 en 3000 m');

    // Cancel while the older people are still being spread (the first search computes the spread over
    // many frames): nothing is kept, nothing drawn.
    await page.getByLabel('Afstand D (m, hemelsbreed)').fill('500');
    await page.evaluate(async () => {
      document.querySelector<HTMLButtonElement>('[data-testid="site-finder-form"] button[type="submit"]')!.click();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const cancel = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="site-finder-form"] button')].find((button) => button.textContent === 'Annuleren');
      if (!cancel) throw new Error('no Annuleren button while preparing');
      cancel.click();
    });
    await expect.poll(() => finder.getByTestId('site-finder-status').textContent()).toBe('Zoeken geannuleerd; er is niets veranderd.');
    expect(await finder.getByTestId('site-finder-list').count()).toBe(0);

    // K larger than the candidates: said at the K field once the candidates are known.
    await runFinder(page, '500', 'failed');
    expect(await finder.getByTestId('site-finder-field-error').textContent()).toMatch(/U vraagt 500 locaties, maar er zijn maar \d+ kandidaatlocaties/);

    await runFinder(page);
    const list = finder.getByTestId('site-finder-list');
    expect(await list.locator(':scope > li').count()).toBe(5);
    await expect.poll(() => page.locator('#map').getAttribute('data-site-finder-sites')).toBe('5');
    expect(await page.getByTestId('site-finder-legend').textContent()).toContain('Gevonden locatie; het getal is de rang');
    const sentence = (await finder.getByTestId('site-finder-sentence').textContent()) ?? '';
    expect(sentence).toMatch(/^Deze 5 locaties bereiken [\d.]+ 75-plussers die nu niet binnen 500 m van een locatie wonen/);
    expect(sentence).toMatch(/best mogelijke keuze/);
    expect(await finder.getByTestId('site-finder-candidates').textContent()).toMatch(/voldoen \d+ aan alle normen .* zijn weggelaten omdat de voorzieningengegevens daar niet volledig zijn/);
    expect(await finder.textContent()).toContain('Capaciteit per locatie (aantal woningen) wordt nog niet meegenomen');
    // ranked by what each adds: descending
    const added = (await list.getByTestId('site-finder-added').allTextContents()).map((text) => Number(text.replace(/\D/g, '')));
    expect([...added].sort((a, b) => b - a)).toEqual(added);
    expect(added[0]).toBeGreaterThan(0);
    expect(await wcagViolations(page)).toEqual([]);
    await finder.getByTestId('site-finder-sentence').scrollIntoViewIfNeeded();
    await app.screenshot('site-finder-01-result-nl-1280');

    // Exports: the sites and the figures per municipality, with the settings and the data used.
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), finder.getByRole('button', { name: 'Exporteren als CSV' }).click()]);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFRang;Kern;Gemeente;Breedtegraad;Lengtegraad;Toegevoegde 75+;Dichtstbijzijnde Supermarkt (m, norm 500 m);Dichtstbijzijnde Huisarts (m, norm 500 m);Dichtstbijzijnde Apotheek (m, norm 500 m);Dichtstbijzijnde OV-halte (bus, tram, trein) (m, norm 300 m);Dichtstbijzijnde Ontmoetingsplek (buurthuis, ontmoetingsruimte) (m, norm 500 m)');
    expect(csv.split('\r\n').slice(1, 6).map((line) => line.split(';')[0])).toEqual(['1', '2', '3', '4', '5']);
    for (const text of ['Afstand D (m, hemelsbreed);500 m', 'Leeftijdsgroep;75+', 'Testvoorzieningen locatiezoeker (Door de browsertest gemaakte testgegevens', 'Capaciteit per locatie', 'CBS']) expect(csv).toContain(text);
    // Each source as every export cites it: publisher, title and part, date, licence.
    expect(csv).toContain('Bron;CBS: Bevolking per viercijferige postcode naar leeftijd, 1 januari 2021, StatLine 83502NED en 83503NED, 2021-01-01, CC BY 4.0');
    const [geoDownload] = await Promise.all([page.waitForEvent('download'), finder.getByRole('button', { name: 'Exporteren als GeoJSON' }).click()]);
    const geojson = JSON.parse(readFileSync((await geoDownload.path())!, 'utf8')) as { features: { properties: { rank: number } }[]; settings: { distanceMeters: number }; datasets: { name: string }[] };
    expect(geojson.features.map((feature) => feature.properties.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(geojson.settings.distanceMeters).toBe(500);
    expect(geojson.datasets.map((dataset) => dataset.name)).toContain('Testvoorzieningen locatiezoeker');

    // "Toon op kaart" by keyboard centres the map on the site (its coordinates as exported): in the
    // middle of the part of the map the legend leaves free
    const [bestLat, bestLon] = csv.split('\r\n')[1]!.split(';').slice(3, 5).map((value) => Number(value.replace(',', '.')));
    await list.getByRole('button', { name: /^Toon op kaart: locatie 1 \(.+\)$/ }).press('Enter');
    await expect.poll(async () => {
      const [lon, lat] = (await page.locator('#map').getAttribute('data-center'))!.split(',').map(Number);
      const zoom = Number(await page.locator('#map').getAttribute('data-zoom'));
      const [top, right, bottom, left] = (await page.locator('#map').getAttribute('data-fit-padding'))!.split(',').map(Number);
      const [siteX, siteY] = worldPixels(bestLon!, bestLat!, zoom);
      const [centreX, centreY] = worldPixels(lon!, lat!, zoom);
      return Math.abs(siteX - centreX - (left! - right!) / 2) < 2 && Math.abs(siteY - centreY - (top! - bottom!) / 2) < 2 && zoom >= 14;
    }, { timeout: 15_000 }).toBe(true);

    const best = list.locator(':scope > li').first();
    const bestCode = await best.getAttribute('data-municipality');
    const bestAdded = Number(await best.getAttribute('data-added'));
    const provinceBefore = await rowFigures(page, 'overijssel');
    const municipalityBefore = await rowFigures(page, bestCode!);
    expect(municipalityBefore.servedAfter).toBeGreaterThan(municipalityBefore.servedBefore);

    await best.getByRole('button', { name: /^Voeg toe aan scenario: locatie 1 / }).click();
    await expect.poll(() => finder.getByTestId('site-finder-added-status').textContent()).toMatch(/Locatiezoeker 1 – .* is toegevoegd aan scenario "Scenario 1"/);
    const siteName = /(Locatiezoeker 1 – .*) is toegevoegd/.exec((await finder.getByTestId('site-finder-added-status').textContent()) ?? '')![1]!;
    expect(await best.getByRole('button', { name: /^In het scenario: locatie 1 / }).isDisabled()).toBe(true);

    // Reload (once the draft is saved): the site is in the draft, and a new run counts it as existing supply.
    await expect.poll(() => page.getByTestId('scenario-storage-status').getAttribute('data-save'), { timeout: 15_000 }).toBe('saved');
    await page.reload();
    await waitForMapIdle(page);
    await openScenarioIfClosed(page, 'Scenario 1');
    await expect.poll(() => page.getByTestId('site-list').textContent(), { timeout: 15_000 }).toContain(siteName);
    await runFinder(page);
    expect(await finder.locator('.note').filter({ hasText: 'Bestaand aanbod dat vast blijft' }).textContent()).toContain('locaties uit het open scenario: 1;');
    const provinceAfter = await rowFigures(page, 'overijssel');
    const municipalityAfter = await rowFigures(page, bestCode!);
    expect(provinceAfter.servedBefore).toBeCloseTo(provinceBefore.servedBefore + bestAdded, 3);
    expect(municipalityAfter.servedBefore).toBeGreaterThan(municipalityBefore.servedBefore);
    expect(municipalityAfter.people).toBeCloseTo(municipalityBefore.people, 6);

    // "Alle toevoegen": one edit per site, so one undo takes back only the last.
    await finder.getByRole('button', { name: 'Alle toevoegen' }).click();
    await expect.poll(() => finder.getByTestId('site-finder-added-status').textContent()).toBe('5 locaties toegevoegd aan scenario "Scenario 1".');
    expect(await page.getByTestId('site-list').locator('li').count()).toBe(6);
    await page.getByRole('button', { name: /^Ongedaan maken/ }).click();
    await expect.poll(() => page.getByTestId('site-list').locator('li').count()).toBe(5);
    expect(await list.locator(':scope > li').last().getByRole('button', { name: /^Voeg toe aan scenario: locatie 5 / }).isEnabled()).toBe(true);

    // Screens at both sizes and in both languages.
    await finder.getByTestId('site-finder-sentence').scrollIntoViewIfNeeded();
    await app.screenshot('site-finder-02-rerun-nl-1280');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => finder.locator('h2').textContent()).toBe('Location finder (Locatiezoeker)');
    await app.screenshot('site-finder-03-rerun-en-1280');
    await page.setViewportSize({ width: 1440, height: 900 });
    await app.screenshot('site-finder-04-rerun-en-1440');
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    await expect.poll(() => finder.locator('h2').textContent()).toBe('Locatiezoeker');
    await app.screenshot('site-finder-05-rerun-nl-1440');
    await finder.getByTestId('site-finder-municipalities').scrollIntoViewIfNeeded();
    await app.screenshot('site-finder-06-table-nl-1440');
    expect(app.pageErrors).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  });
});
