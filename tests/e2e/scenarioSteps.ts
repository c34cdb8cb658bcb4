// Steps the draft-scenario browser tests share: start a scenario, add a site by clicking the map, move
// the site to Zwolle railway station by typing its coordinates.
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

/** Where the first draft site is drawn, in page pixels (from the map's description of its sites). */
export async function sitePoint(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.locator('#map').boundingBox())!;
  const sites = JSON.parse((await page.locator('#map').getAttribute('data-scenario-sites')) ?? '[]') as { x: number; y: number }[];
  return { x: box.x + sites[0]!.x, y: box.y + sites[0]!.y };
}

/** Clicks corners at the given offsets (px) from a point, with a pause so no two clicks make a double click. */
export async function clickCorners(page: Page, centre: { x: number; y: number }, offsets: [number, number][]): Promise<void> {
  for (const [dx, dy] of offsets) {
    await page.mouse.move(centre.x + dx, centre.y + dy, { steps: 3 });
    await page.mouse.click(centre.x + dx, centre.y + dy);
    await page.waitForTimeout(400);
  }
}
