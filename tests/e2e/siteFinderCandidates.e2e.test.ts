// Locatiezoeker candidate sources in real Chromium (issue 13, point 3): with the test facilities around
// the centre of the largest kern, a search area drawn on the map (mouse corners, Enter to finish)
// restricts the found sites to it; an area without a qualifying cell gives a clear message; the area
// can be removed. The planner's own candidate list (CSV) goes through the facility import: a row across
// the province border is refused with its row number and reason, a row that does not meet the norms is
// left out and named, and the found site is the listed point. The exports record the source.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle } from './appPage';
import { wcagViolations } from './axe';
import { clickCorners } from './scenarioSteps';
import { seedFacilities, testDataset } from './seedFacilities';
import { SITE_FINDER_TEST_CATEGORIES, SITE_FINDER_TEST_DATASET_ID, siteFinderTestFacilities } from './siteFinderTestFacilities';
import { metresAway } from './metresAway';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The point the test facilities of the largest kern lie around (siteFinderTestFacilities). */
function largestKernCentre(): [number, number] {
  const kernen = JSON.parse(readFileSync('geo/places/overijssel-kernen-top10nl-2025.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { inwoners: number }>;
  const largest = [...kernen.features].sort((a, b) => b.properties.inwoners - a.properties.inwoners)[0]!;
  return pointOnFeature(largest).geometry.coordinates as [number, number];
}

async function mapCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.locator('#map').boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function search(page: Page, k: string, status: string): Promise<void> {
  const finder = page.getByTestId('site-finder');
  await finder.getByLabel('Aantal nieuwe locaties (K)').fill(k);
  await finder.getByRole('button', { name: 'Locaties zoeken' }).click();
  const results = finder.locator('.site-finder-results');
  await expect.poll(() => results.getAttribute('data-status'), { timeout: 60_000 }).toMatch(/^(done|failed|cancelled)$/);
  // the results' text in the message when the run ended otherwise
  expect(`${await results.getAttribute('data-status')}: ${status === (await results.getAttribute('data-status')) ? '' : await results.textContent()}`).toBe(`${status}: `);
}

describe('Locatiezoeker candidate sources', () => {
  it('limits the candidates to a drawn search area or to the planner’s own list, says why points are left out, and records the source in the exports', { timeout: 240_000 }, async () => {
    const [lon, lat] = largestKernCentre();
    const app = await openApp(browser, { viewport: { width: 1440, height: 900 } });
    const { page } = app;
    await waitForMapIdle(page);
    const facilities = siteFinderTestFacilities();
    await seedFacilities(page, testDataset(SITE_FINDER_TEST_DATASET_ID, 'Testvoorzieningen locatiezoeker', SITE_FINDER_TEST_CATEGORIES, facilities.length), facilities);
    // zoom 13 on the facilities (MapLibre's 512 px tiles: about 5.9 m per pixel); reloaded so the seeded facilities are read
    await page.goto(`${page.url().split('#')[0]!}#map=13/${lat.toFixed(5)}/${lon.toFixed(5)}`);
    await page.reload();
    await waitForMapIdle(page);

    const finder = page.getByTestId('site-finder');
    await finder.getByRole('button', { name: 'Locatiezoeker openen' }).click();
    await finder.getByLabel('Afstand D (m, hemelsbreed)').fill('500');

    // No area drawn yet: said at the source field.
    await finder.getByLabel('Getekend zoekgebied').check();
    await finder.getByRole('button', { name: 'Locaties zoeken' }).click();
    await expect.poll(() => finder.getByTestId('site-finder-field-error').textContent()).toContain('Er is nog geen zoekgebied getekend');

    // An area about 1.9 km north-east of the facilities (clear of the drawing bar and the legend): it holds cells, none meets the norms.
    const centre = await mapCentre(page);
    await finder.getByRole('button', { name: 'Zoekgebied tekenen' }).click();
    await expect.poll(() => page.getByTestId('polygon-drawing-bar').textContent()).toContain('Zoekgebied voor de Locatiezoeker');
    await clickCorners(page, { x: centre.x + 250, y: centre.y - 200 }, [[-50, -50], [50, -50], [50, 50], [-50, 50]]);
    await page.getByTestId('polygon-drawing-bar').locator('h2').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('polygon-drawing-bar').count()).toBe(0);
    await expect.poll(() => page.locator('#map').getAttribute('data-site-finder-area')).toBe('shown');
    expect(await finder.getByTestId('site-finder-area-status').textContent()).toMatch(/^Zoekgebied getekend: \d+ rastercellen van 250 m/);
    await search(page, '2', 'failed');
    expect(await finder.getByTestId('site-finder-error').textContent()).toMatch(/Het zoekgebied is leeg: geen van de \d+ rastercellen erin voldoet aan alle normen/);

    // Removed: off the map; then an area of about 1.2 km around the facilities.
    await finder.getByRole('button', { name: 'Zoekgebied verwijderen' }).click();
    await expect.poll(() => page.locator('#map').getAttribute('data-site-finder-area')).toBe('none');
    await finder.getByRole('button', { name: 'Zoekgebied tekenen' }).click();
    await clickCorners(page, centre, [[-100, -100], [100, -100], [100, 100], [-100, 100], [-100, -100]]);
    await expect.poll(() => page.getByTestId('polygon-drawing-bar').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.locator('#map').getAttribute('data-site-finder-area')).toBe('shown');
    await search(page, '2', 'done');
    expect(await finder.getByTestId('site-finder-source-used').textContent()).toBe('Kandidaten uit: getekend zoekgebied met 4 hoekpunten: de rastercellen waarvan het midden erin ligt.');
    const candidates = (await finder.getByTestId('site-finder-candidates').textContent()) ?? '';
    const [considered, met] = /^Van de (\d+) rastercellen in het getekende zoekgebied voldoen (\d+) aan alle normen/.exec(candidates)!.slice(1).map(Number) as [number, number];
    // about (1200 m / 250 m)² cells, a few near the facilities meet every norm
    expect(considered).toBeGreaterThan(12);
    expect(considered).toBeLessThan(40);
    expect(met).toBeGreaterThanOrEqual(2);
    expect(met).toBeLessThan(considered);
    await expect.poll(() => page.locator('#map').getAttribute('data-site-finder-sites')).toBe('2');
    expect(await page.getByTestId('site-finder-legend').textContent()).toContain('Zoekgebied van de Locatiezoeker (gestippelde rand)');
    expect(await wcagViolations(page)).toEqual([]);
    await finder.getByTestId('site-finder-source').scrollIntoViewIfNeeded();
    await app.screenshot('site-finder-candidates-01-area-nl-1440');

    // The found sites lie in the drawn area, and the export records it.
    const [geoDownload] = await Promise.all([page.waitForEvent('download'), finder.getByRole('button', { name: 'Exporteren als GeoJSON' }).click()]);
    const geojson = JSON.parse(readFileSync((await geoDownload.path())!, 'utf8')) as { features: { geometry: { coordinates: [number, number] } }[]; settings: { candidateSource: { kind: string; outline: [number, number][][] } } };
    expect(geojson.settings.candidateSource.kind).toBe('searchArea');
    const area: Polygon = { type: 'Polygon', coordinates: geojson.settings.candidateSource.outline };
    expect(geojson.features).toHaveLength(2);
    for (const feature of geojson.features) expect(booleanPointInPolygon(feature.geometry.coordinates, area)).toBe(true);
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), finder.getByRole('button', { name: 'Exporteren als CSV' }).click()]);
    expect(readFileSync((await csvDownload.path())!, 'utf8')).toContain('Kandidaten uit;getekend zoekgebied met 4 hoekpunten: de rastercellen waarvan het midden erin ligt\r\n');

    // The own list: one point at the facilities, one 2 km north of them, one in Hoogeveen (Drenthe).
    await finder.getByLabel('Eigen lijst (CSV of GeoJSON)').check();
    await expect.poll(() => page.locator('#map').getAttribute('data-site-finder-area')).toBe('none');
    const [nearLon, nearLat] = metresAway([lon, lat], 20, 0);
    const [farLon, farLat] = metresAway([lon, lat], 0, 2000);
    const csv = `naam;lengtegraad;breedtegraad\nPerceel bij de voorzieningen;${nearLon.toFixed(6)};${nearLat.toFixed(6)}\nPerceel ver weg;${farLon.toFixed(6)};${farLat.toFixed(6)}\nHoogeveen;6.4764;52.7225\n`;
    await finder.getByLabel('Kandidatenlijst (CSV of GeoJSON)').setInputFiles({ name: 'kandidaten.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await expect.poll(() => finder.getByTestId('site-finder-list-status').textContent(), { timeout: 20_000 }).toBe('2 locaties gelezen uit kandidaten.csv; 1 geweigerd.');
    expect(await finder.getByTestId('site-finder-list-rejected').textContent()).toMatch(/^Rij 4: Coördinaat 6.4764, 52.7225 ligt buiten de provinciegrens van Overijssel/);
    await expect.poll(() => page.locator('#map').getAttribute('data-site-finder-list-points')).toBe('2');
    // K larger than what meets the norms: said at K
    await search(page, '2', 'failed');
    expect(await finder.getByTestId('site-finder-field-error').textContent()).toContain('U vraagt 2 locaties, maar er zijn maar 1 kandidaatlocaties');
    await search(page, '1', 'done');
    expect(await finder.getByTestId('site-finder-source-used').textContent()).toBe('Kandidaten uit: eigen lijst kandidaten.csv (2 locaties).');
    expect(await finder.getByTestId('site-finder-candidates').textContent()).toMatch(/^Van de 2 locaties uit uw lijst voldoen 1 aan alle normen .* Weggelaten: rij 3 \(normen niet gehaald\)\./);
    const site = finder.getByTestId('site-finder-list').locator(':scope > li');
    expect(await site.count()).toBe(1);
    expect(await site.locator('strong').textContent()).toMatch(/^1\. Perceel bij de voorzieningen, /);
    const [listCsv] = await Promise.all([page.waitForEvent('download'), finder.getByRole('button', { name: 'Exporteren als CSV' }).click()]);
    const listText = readFileSync((await listCsv.path())!, 'utf8');
    expect(listText.split('\r\n')[0]).toMatch(/^\uFEFFRang;Kandidaat uit eigen lijst;Kern;Gemeente;/);
    expect(listText.split('\r\n')[1]).toMatch(/^1;Perceel bij de voorzieningen;/);
    expect(listText).toContain('Kandidaten uit;eigen lijst kandidaten.csv (2 locaties)');
    expect(await wcagViolations(page)).toEqual([]);
    await finder.getByTestId('site-finder-source').scrollIntoViewIfNeeded();
    await app.screenshot('site-finder-candidates-02-list-nl-1440');
    await finder.getByTestId('site-finder-list').scrollIntoViewIfNeeded();
    await app.screenshot('site-finder-candidates-03-list-result-nl-1440');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => finder.getByTestId('site-finder-source-used').textContent()).toBe('Candidates from: own list kandidaten.csv (2 locations).');
    await app.screenshot('site-finder-candidates-04-list-en-1440');
    expect(app.pageErrors).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  });
});
