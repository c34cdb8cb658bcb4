// A woonservicegebied drawn by hand in real Chromium (terra-draw on MapLibre, as for a site's
// outline): started from the zone panel, a crossing outline refused with its reason, Escape
// cancelling, a square drawn by mouse clicks around a draft site; the zone is marked "getekend" in the
// panel and legend, drawn on the map, the site inside it is reported inside that zone, and after a
// reload on the same profile the zone is still there. No facility data is loaded: a drawn zone counts
// without any computed one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchPersistent } from './chromium';
import { openApp, waitForMapIdle } from './appPage';
import { clickCorners, createScenarioWithSite, openScenarioIfClosed, sitePoint } from './scenarioSteps';

const profile = mkdtempSync(join(tmpdir(), 'woonzorgkaart-drawn-zone-'));
afterAll(() => rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 300 }));

const mapData = (page: Page, key: string) => page.locator('#map').getAttribute(`data-${key}`);
const siteRow = (page: Page, name: string) => page.getByTestId('zone-site-list').locator('li', { hasText: name });

async function showZones(page: Page): Promise<void> {
  const section = page.locator('section.zone-section');
  await section.getByLabel('Woonservicegebieden tonen').check();
  await expect.poll(() => section.getByTestId('zone-status').textContent(), { timeout: 20_000 }).toContain('Nog geen 24-uurszorglocaties geladen');
}

describe('a woonservicegebied drawn by hand', () => {
  it('is drawn from the zone panel by mouse clicks, refused when it crosses itself, counted as "getekend", and kept after a reload', { timeout: 240_000 }, async () => {
    const context = await launchPersistent(profile);
    const app = await openApp(null, { context });
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 720 });
    await createScenarioWithSite(page);
    await showZones(page);
    const section = page.locator('section.zone-section');
    const drawnPanel = section.getByTestId('zone-drawn');
    await expect.poll(() => drawnPanel.textContent()).toContain('Nog geen getekende woonservicegebieden in dit scenario.');
    // before drawing, the site is not in any zone (no data loaded: "geen gegevens", never "inside")
    await expect.poll(() => siteRow(page, 'Nieuwe locatie 1').getAttribute('data-answer'), { timeout: 20_000 }).toBe('noData');
    // zoom in around the site (five wheel steps), so the drawn square is neighbourhood-sized
    const before = await sitePoint(page);
    const startZoom = Number(await mapData(page, 'zoom'));
    await page.mouse.move(before.x, before.y);
    for (let step = 0; step < 5; step++) {
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(300);
    }
    await waitForMapIdle(page);
    await expect.poll(async () => Number(await mapData(page, 'zoom'))).toBeGreaterThan(startZoom + 2);
    const centre = await sitePoint(page);

    // A bow tie: refused with the reason, nothing recorded; Escape cancels.
    await drawnPanel.getByRole('button', { name: 'Woonservicegebied tekenen' }).click();
    await expect.poll(() => page.getByTestId('polygon-drawing-bar').textContent()).toContain('Nieuw woonservicegebied tekenen: Getekend gebied 1');
    await clickCorners(page, centre, [[-70, -70], [70, 70], [70, -70], [-70, 70]]);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('polygon-drawing-refusal').textContent()).toContain('De omtrek snijdt zichzelf');
    await app.screenshot('drawn-zone-01-refused-nl-1280');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('polygon-drawing-bar').count()).toBe(0);
    expect(await drawnPanel.textContent()).toContain('Nog geen getekende woonservicegebieden');
    expect(await page.getByTestId('edit-history').textContent()).not.toContain('Woonservicegebied getekend');

    // A square around the site, closed by clicking the first corner again.
    await drawnPanel.getByRole('button', { name: 'Woonservicegebied tekenen' }).click();
    await clickCorners(page, centre, [[-80, -60], [80, -60], [80, 60], [-80, 60], [-80, -60]]);
    await expect.poll(() => page.getByTestId('polygon-drawing-bar').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => drawnPanel.getByTestId('zone-drawn-list').textContent()).toMatch(/Getekend gebied 1 \(getekend, [\d.,]+ ha\)/);
    await expect.poll(() => page.getByTestId('edit-history').textContent()).toContain('Woonservicegebied getekend: Getekend gebied 1 (');
    await expect.poll(() => mapData(page, 'zone-drawn'), { timeout: 20_000 }).toBe('1');
    await expect.poll(() => page.getByTestId('zone-legend-drawn').textContent()).toContain('woonservicegebied (getekend, gestreepte rand)');
    await expect.poll(() => siteRow(page, 'Nieuwe locatie 1').getAttribute('data-answer'), { timeout: 20_000 }).toBe('inside');
    expect(await siteRow(page, 'Nieuwe locatie 1').textContent()).toContain('in woonservicegebied "Getekend gebied 1" (getekend, met de hand)');
    await expect.poll(() => section.getByTestId('zone-status').textContent()).toContain('Getekende woonservicegebieden die meetellen: 1.');

    // Adjusting by keyboard: the adjust button opens the outline for editing; Enter keeps it as it is.
    await drawnPanel.getByRole('button', { name: 'Omtrek van Getekend gebied 1 aanpassen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('polygon-drawing-bar').textContent()).toContain('Woonservicegebied aanpassen: Getekend gebied 1');
    // the drawing bar's heading takes focus (its instructions are read first); Enter there finishes
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('polygon-drawing-bar').count()).toBe(0);
    expect(await page.getByTestId('edit-history').textContent()).not.toContain('Woonservicegebied aangepast');

    await section.locator('details.zone-sites summary').click();
    await waitForMapIdle(page);
    await section.getByTestId('zone-drawn').scrollIntoViewIfNeeded();
    await app.screenshot('drawn-zone-02-drawn-nl-1280');
    await expect.poll(() => page.getByTestId('scenario-storage-status').getAttribute('data-save'), { timeout: 15_000 }).toBe('saved');

    await page.reload();
    await waitForMapIdle(page);
    await openScenarioIfClosed(page, 'Scenario 1');
    await showZones(page);
    await expect.poll(() => drawnPanel.getByTestId('zone-drawn-list').textContent()).toMatch(/Getekend gebied 1 \(getekend, [\d.,]+ ha\)/);
    await expect.poll(() => mapData(page, 'zone-drawn'), { timeout: 20_000 }).toBe('1');
    await expect.poll(() => siteRow(page, 'Nieuwe locatie 1').getAttribute('data-answer'), { timeout: 20_000 }).toBe('inside');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => siteRow(page, 'Nieuwe locatie 1').textContent()).toContain('in service area "Getekend gebied 1" (drawn by hand)');
    await expect.poll(() => page.getByTestId('zone-legend-drawn').textContent()).toContain('service area (drawn, dashed outline)');
    await section.locator('details.zone-sites summary').click();
    await waitForMapIdle(page);
    await section.getByTestId('zone-drawn').scrollIntoViewIfNeeded();
    await app.screenshot('drawn-zone-03-reloaded-en-1280');
    expect(app.pageErrors).toEqual([]);
    await context.close();
  });
});
