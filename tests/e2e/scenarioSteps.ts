// Steps the draft-scenario browser tests share: start a scenario, add a site by clicking the map, move
// the site to Zwolle railway station by typing its coordinates, find it on the map, zoom and drag.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForMapIdle } from './appPage';

/** Zwolle railway station (DOVA CHB): the shipped stations make OV-halte "voldaan" within the norm. */
export const ZWOLLE_STATION = { lat: '52.504719', lon: '6.091951' };

/** Waits for the map, then makes "Scenario 1" from the published plan. */
export async function createScenario(page: Page): Promise<void> {
  await waitForMapIdle(page);
  await page.getByRole('button', { name: 'Nieuw scenario uit het gepubliceerde plan' }).click();
  await expect.poll(() => page.getByTestId('active-scenario').textContent()).toContain('Actief scenario: Scenario 1');
}

/** Adds "Nieuwe locatie 1" by clicking the map left of its centre and waits for its panel. */
export async function addSiteByClick(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Locatie toevoegen' }).click();
  const box = (await page.locator('#map').boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.55);
  await expect.poll(() => page.getByTestId('site-panel').locator('h2').textContent(), { timeout: 15_000 }).toContain('Nieuwe locatie 1');
}

export async function createScenarioWithSite(page: Page): Promise<void> {
  await createScenario(page);
  await addSiteByClick(page);
}

/** Types the station's coordinates; a site still in another municipality asks first, and the test agrees. */
export async function moveSiteToZwolleStation(page: Page): Promise<void> {
  await page.getByLabel('Breedtegraad (° N)').fill(ZWOLLE_STATION.lat);
  await page.getByLabel('Lengtegraad (° O)').fill(ZWOLLE_STATION.lon);
  await page.getByRole('button', { name: 'Naar deze coördinaten verplaatsen' }).click();
  if ((await page.getByTestId('site-municipality').textContent()) !== 'Zwolle') {
    await page.getByTestId('border-move-dialog').getByRole('button', { name: 'Verplaatsen naar Zwolle' }).click();
  }
  await expect.poll(() => page.getByTestId('site-municipality').textContent(), { timeout: 15_000 }).toBe('Zwolle');
}

/**
 * Opens the listed draft `name` unless it is open already: a reload keeps the open draft (its id is
 * in the URL hash), a fresh start from / does not.
 */
export async function openScenarioIfClosed(page: Page, name: string): Promise<void> {
  const open = page.getByRole('button', { name: `${name} openen` });
  if ((await open.count()) > 0) await open.first().click();
}

/** Where the first draft site is drawn, in map pixels (from the map's description of its sites). */
export async function siteOnMap(page: Page): Promise<{ x: number; y: number }> {
  const sites = JSON.parse((await page.locator('#map').getAttribute('data-scenario-sites')) ?? '[]') as { x: number; y: number }[];
  if (!sites[0]) throw new Error('no site on the map');
  return sites[0];
}

/** Where the first draft site is drawn, in page pixels. */
export async function sitePoint(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.locator('#map').boundingBox())!;
  const site = await siteOnMap(page);
  return { x: box.x + site.x, y: box.y + site.y };
}

async function mapIdleAfter(page: Page, before: number): Promise<void> {
  await expect.poll(async () => Number(await page.locator('#map').getAttribute('data-map-idle')), { timeout: 15_000 }).toBeGreaterThan(before);
}

/** Zooms in with the mouse wheel around a map point given by `where`, waiting until the map settles each time. */
export async function zoomAround(page: Page, where: () => Promise<{ x: number; y: number }>, steps: number): Promise<void> {
  const box = (await page.locator('#map').boundingBox())!;
  for (let step = 0; step < steps; step += 1) {
    const point = await where();
    await page.mouse.move(box.x + point.x, box.y + point.y);
    const before = Number(await page.locator('#map').getAttribute('data-map-idle'));
    await page.mouse.wheel(0, -600);
    await mapIdleAfter(page, before);
  }
}

/** Presses on a map point, moves the mouse in steps and returns before releasing (so a test can look mid-drag). */
export async function pressAndMove(page: Page, from: { x: number; y: number }, dx: number, dy: number): Promise<void> {
  const box = (await page.locator('#map').boundingBox())!;
  await page.mouse.move(box.x + from.x, box.y + from.y);
  await page.mouse.down();
  await page.mouse.move(box.x + from.x + dx, box.y + from.y + dy, { steps: 12 });
}

/** Clicks corners at the given offsets (px) from a point, with a pause so no two clicks make a double click. */
export async function clickCorners(page: Page, centre: { x: number; y: number }, offsets: [number, number][]): Promise<void> {
  for (const [dx, dy] of offsets) {
    await page.mouse.move(centre.x + dx, centre.y + dy, { steps: 3 });
    await page.mouse.click(centre.x + dx, centre.y + dy);
    await page.waitForTimeout(400);
  }
}
