// Over straat in the built app: "Looproutes ophalen" for Zwolle against a local Overpass stub (a street
// grid the test builds around the key project Zwolle Spoorzone, with a river and one bridge), the
// saved network listed with its date and licence, the distance method switched to over straat, the
// location panel showing both distances with the verdict following the choice, walking-time areas on
// the map, and everything still there after a reload (no second download).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Facility } from '../../src/domain/facility';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle } from './appPage';
import { seedFacilities, testDataset } from './seedFacilities';
import { wcagViolations } from './axe';
import { addSiteByClick, createScenario } from './scenarioSteps';

const OVERPASS_URL = 'https://overpass-api.de/api/interpreter';
const METERS_PER_DEGREE_LATITUDE = 111_195;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

function offset(centre: [number, number], east: number, north: number): [number, number] {
  return [centre[0] + east / (METERS_PER_DEGREE_LATITUDE * Math.cos((centre[1] * Math.PI) / 180)), centre[1] + north / METERS_PER_DEGREE_LATITUDE];
}

/**
 * An Overpass answer for a 1 km street grid (every 100 m) centred on `centre`, with a river between
 * 100 m and 300 m north of it that only a bridge 500 m east crosses: the supermarket 320 m north is
 * 1,320 m away over the street (100 north, 500 east, 200 over the bridge, 500 west, 20 north).
 */
function streetGridAnswer(centre: [number, number]) {
  const elements: unknown[] = [];
  const ids = new Map<string, number>();
  const node = (x: number, y: number): number => {
    const key = `${x},${y}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = 7_000_000 + ids.size;
      ids.set(key, id);
      const [lon, lat] = offset(centre, x, y);
      elements.push({ type: 'node', id, lon, lat });
    }
    return id;
  };
  let wayId = 8_000_000;
  const street = (x1: number, y1: number, x2: number, y2: number, highway = 'residential') =>
    elements.push({ type: 'way', id: wayId++, nodes: [node(x1, y1), node(x2, y2)], tags: { highway } });
  for (let x = -500; x <= 500; x += 100) {
    for (let y = -500; y <= 500; y += 100) {
      const inRiver = y > 100 && y < 300;
      if (!inRiver && x < 500) street(x, y, x + 100, y);
      if (y < 500 && !(y >= 100 && y < 300)) street(x, y, x, y + 100);
    }
  }
  street(500, 100, 500, 300, 'footway'); // the bridge
  street(-500, -500, -500, -600, 'motorway'); // never walked
  return { version: 0.6, generator: 'test stub', osm3s: { timestamp_osm_base: '2026-12-01T00:00:00Z', copyright: 'test data' }, elements };
}

async function analyseSpoorzone(page: Page): Promise<[number, number]> {
  await page.locator('#key-project-search').fill('Zwolle Spoorzone');
  await page.locator('#key-project-search').press('Enter');
  await page.getByRole('button', { name: /Bereikbaarheid van deze locatie|Reachability of this location/ }).click();
  const panel = page.getByTestId('reachability-panel');
  await panel.locator('[data-testid="reach-categories"]').waitFor({ timeout: 20_000 });
  return [Number(await panel.getAttribute('data-lon')), Number(await panel.getAttribute('data-lat'))];
}

/** Where [lon, lat] is drawn, in page pixels, from the map's centre and zoom (Web Mercator, 512 px tiles, no tilt). */
async function screenPoint(page: Page, [lon, lat]: [number, number]): Promise<{ x: number; y: number }> {
  const [centreLon, centreLat] = (await page.locator('#map').getAttribute('data-center'))!.split(',').map(Number);
  const worldSize = 512 * 2 ** Number(await page.locator('#map').getAttribute('data-zoom'));
  const mercatorY = (latitude: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (latitude * Math.PI) / 360)) / Math.PI) / 2;
  const canvas = (await page.locator('#map canvas').boundingBox())!;
  return {
    x: canvas.x + canvas.width / 2 + ((lon - centreLon!) / 360) * worldSize,
    y: canvas.y + canvas.height / 2 + (mercatorY(lat) - mercatorY(centreLat!)) * worldSize,
  };
}

const supermarketRow = (page: Page) => page.getByTestId('reachability-panel').locator('[data-testid="reach-categories"] tr[data-category="supermarkt"]');
/** Both distances, on their own line under the supermarket's row. */
const supermarketPair = (page: Page) => page.getByTestId('reachability-panel').locator('[data-testid="reach-categories"] tr[data-pair-of="supermarkt"]').getByTestId('reach-distance-pair');

describe('over straat: walking routes', () => {
  it('fetches the walking routes of Zwolle, shows both distances, the verdict follows the method, and a reload keeps it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    let centre: [number, number] | null = null;
    const calls: string[] = [];
    await context.route(OVERPASS_URL, (route) => {
      calls.push(decodeURIComponent(route.request().postData() ?? ''));
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(streetGridAnswer(centre!)) });
    });
    const app = await openApp(browser, { context, stubbedUrls: [OVERPASS_URL] });
    const { page } = app;
    await waitForMapIdle(page);
    centre = await analyseSpoorzone(page);
    const supermarket: Facility = { id: 's1', name: 'Testsupermarkt over de rivier', category: 'supermarkt', datasetId: 'walk-test', attributes: {}, location: offset(centre, 0, 320) };
    await seedFacilities(page, testDataset('walk-test', 'Testgegevens looproutes', ['supermarkt'], 1), [supermarket]);
    await page.reload();
    await waitForMapIdle(page);

    // 1. download and see it listed
    await page.locator('#walk-area').selectOption({ label: 'Zwolle' });
    await page.getByRole('button', { name: 'Looproutes ophalen' }).click();
    await expect.poll(() => page.getByTestId('walk-done').textContent(), { timeout: 20_000 }).toContain('Looproutes voor Zwolle opgehaald en bewaard');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toContain('"ref:gemeentecode"="0193"');
    const listed = page.getByTestId('walk-network-list').locator('li[data-area="GM0193"]');
    await expect.poll(() => listed.textContent()).toContain('© OpenStreetMap-bijdragers');
    await expect.poll(() => listed.textContent()).toMatch(/opgehaald op \d+ \w+ 20\d\d/);
    await expect.poll(() => listed.getByTestId('walk-detour').textContent(), { timeout: 20_000 }).toMatch(/typisch \d,\d+× zo ver als hemelsbreed/);

    // 2. both distances in the location panel; hemelsbreed decides
    await analyseSpoorzone(page);
    await expect.poll(() => supermarketPair(page).textContent(), { timeout: 20_000 }).toBe('hemelsbreed 320 m · over straat 1.320 m (28 min)');
    expect(await supermarketRow(page).locator('td').nth(1).textContent()).toContain('voldaan');
    expect(await supermarketRow(page).locator('td').nth(1).textContent()).not.toContain('niet voldaan');

    // 3. over straat decides
    await page.getByRole('radio', { name: 'Over straat (looproute)' }).check();
    await expect.poll(() => page.getByTestId('reach-method').getAttribute('data-method'), { timeout: 20_000 }).toBe('overStraat');
    await expect.poll(() => supermarketRow(page).locator('td').nth(1).textContent()).toContain('niet voldaan');
    expect(await supermarketRow(page).getByTestId('reach-distance').textContent()).toBe('1.320 m');
    await supermarketRow(page).scrollIntoViewIfNeeded();
    await app.screenshot('walk-routes-00-panel-1280');
    // the key-project table shows both too
    await page.getByRole('button', { name: 'Bereikbaarheid sleutelprojecten' }).click();
    await page.locator('#reach-table-municipality').selectOption({ label: 'Zwolle' });
    const tableCell = page.locator('[data-testid="reach-table"] tbody tr').filter({ hasText: 'Zwolle Spoorzone' }).locator('td[data-category="supermarkt"]');
    await expect.poll(() => tableCell.getByTestId('reach-table-pair').textContent(), { timeout: 20_000 }).toBe('hemelsbreed 320 m · over straat 1.320 m (28 min)');
    await app.screenshot('walk-routes-00b-table-1280');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('reach-table-dialog').isVisible()).toBe(false);

    // 3b. the suitability grid follows the method: a cell south of the river is judged over the
    // street inside Zwolle, and the legend says where it is hemelsbreed
    await page.getByLabel('Afstand tot één soort voorziening').check();
    await page.locator('#reach-grid-category').selectOption('supermarkt');
    const legend = page.getByTestId('reach-grid-legend');
    await expect.poll(() => legend.getAttribute('data-method'), { timeout: 30_000 }).toBe('overStraat');
    expect(await legend.locator('h3').textContent()).toBe('Afstand over straat tot Supermarkt (250 m cellen)');
    expect(await legend.getByTestId('reach-grid-method').textContent()).toBe('Gemeten over straat binnen Zwolle, elders hemelsbreed (rechte lijn).');
    await waitForMapIdle(page);
    // a cell south-east of the key project (its marker takes clicks on itself), south of the river
    const southPoint = await screenPoint(page, offset(centre, 200, -200));
    await page.mouse.click(southPoint.x, southPoint.y);
    const card = page.getByTestId('grid-cell-card');
    await expect.poll(() => card.getAttribute('data-cell-method'), { timeout: 20_000 }).toBe('overStraat');
    const streetCell = (await card.locator('p').textContent())!;
    expect(streetCell).toMatch(/^1\.\d{3} m over straat tot Supermarkt$/);
    await waitForMapIdle(page);
    await app.screenshot('walk-routes-00c-grid-over-straat-1280');
    // hemelsbreed: the same cell, nearer as the crow flies
    await page.getByRole('radio', { name: 'Hemelsbreed (rechte lijn)' }).check();
    await expect.poll(() => legend.getAttribute('data-method'), { timeout: 30_000 }).toBe('hemelsbreed');
    expect(await legend.locator('h3').textContent()).toBe('Afstand hemelsbreed tot Supermarkt (250 m cellen)');
    expect(await legend.getByTestId('reach-grid-method').textContent()).toBe('hemelsbreed (rechte lijn, geen looproute)');
    // the chosen cell stays chosen; its figures follow the method
    await expect.poll(() => card.getAttribute('data-cell-method'), { timeout: 20_000 }).toBe('hemelsbreed');
    const straightCell = (await card.locator('p').textContent())!;
    expect(straightCell).toMatch(/^\d{3} m hemelsbreed tot Supermarkt$/);
    expect(Number(straightCell.split(' ')[0])).toBeLessThan(Number(streetCell.split(' ')[0]!.replace('.', '')));
    await waitForMapIdle(page);
    await app.screenshot('walk-routes-00d-grid-hemelsbreed-1280');
    await page.locator('input[name="reach-grid-mode"][value="off"]').check();
    await page.getByRole('radio', { name: 'Over straat (looproute)' }).check();
    await expect.poll(() => page.getByTestId('reach-method').getAttribute('data-method'), { timeout: 20_000 }).toBe('overStraat');

    // 4. walking-time areas for the location
    await page.getByTestId('walk-areas-toggle').check();
    await expect.poll(() => page.locator('#map').getAttribute('data-walk-areas'), { timeout: 20_000 }).toBe('15,10,5');
    await waitForMapIdle(page);
    await app.screenshot('walk-routes-01-over-straat-1280');
    // the walking-routes panel, the method choice and the panel with both distances pass axe (WCAG 2.1 AA)
    expect(await wcagViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1440, height: 900 });
    await waitForMapIdle(page);
    await app.screenshot('walk-routes-02-over-straat-1440');

    // 5. a reload: the network is still there, no second download; the panel still shows both
    await page.reload();
    await waitForMapIdle(page);
    await expect.poll(() => page.getByTestId('walk-network-list').locator('li[data-area="GM0193"]').count(), { timeout: 20_000 }).toBe(1);
    await analyseSpoorzone(page);
    await expect.poll(() => supermarketPair(page).textContent(), { timeout: 20_000 }).toBe('hemelsbreed 320 m · over straat 1.320 m (28 min)');
    expect(calls).toHaveLength(1);

    // 5b. a draft site at the same place shows both distances in its own panel
    await createScenario(page);
    await addSiteByClick(page);
    await page.getByLabel('Breedtegraad (° N)').fill(centre[1].toFixed(6));
    await page.getByLabel('Lengtegraad (° O)').fill(centre[0].toFixed(6));
    await page.getByRole('button', { name: 'Naar deze coördinaten verplaatsen' }).click();
    if ((await page.getByTestId('site-municipality').textContent()) !== 'Zwolle') {
      await page.getByTestId('border-move-dialog').getByRole('button', { name: 'Verplaatsen naar Zwolle' }).click();
    }
    const sitePair = page.getByTestId('site-distances').locator('li[data-category="supermarkt"]').getByTestId('site-distance-pair');
    await expect.poll(() => sitePair.textContent(), { timeout: 20_000 }).toMatch(/hemelsbreed 3\d\d m · over straat 1\.3\d\d m/);
    await analyseSpoorzone(page);

    // 6. English
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('radio', { name: 'Over the street (walking route)' }).check();
    await expect.poll(() => supermarketPair(page).textContent(), { timeout: 20_000 }).toBe('as the crow flies 320 m · over the street 1,320 m (28 min)');
    await expect.poll(() => supermarketRow(page).locator('td').nth(1).textContent()).toContain('not met');
    await page.getByTestId('walk-areas-toggle').check();
    await expect.poll(() => page.locator('#map').getAttribute('data-walk-areas'), { timeout: 20_000 }).toBe('15,10,5');
    await waitForMapIdle(page);
    await app.screenshot('walk-routes-03-over-street-en-1440');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('walk-routes').scrollIntoViewIfNeeded();
    await app.screenshot('walk-routes-04-list-en-1280');
    expect(app.pageErrors).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
    await context.close();
  }, 120_000);
});
