// A site's drawn outline in real Chromium (terra-draw on MapLibre): drawing by mouse clicks, a
// crossing outline refused with its reason, Escape cancelling, the outline in the edit history, on
// the map, and still there after a reload on the same profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchPersistent } from './chromium';
import { openApp, waitForMapIdle } from './appPage';
import { clickCorners, createScenarioWithSite, openScenarioIfClosed, sitePoint } from './scenarioSteps';

const profile = mkdtempSync(join(tmpdir(), 'woonzorgkaart-outline-'));
afterAll(() => rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 300 }));

describe('a site outline drawn on the map', () => {
  it('is drawn by mouse clicks, refused when it crosses itself, recorded as an edit, and kept after a reload', { timeout: 180_000 }, async () => {
    const context = await launchPersistent(profile);
    const app = await openApp(null, { context });
    const { page } = app;
    await createScenarioWithSite(page);
    const panel = page.getByTestId('site-panel');
    await expect.poll(() => panel.getByTestId('site-outline-text').textContent()).toContain('Geen omtrek getekend');
    const centre = await sitePoint(page);

    // A bow tie (corners in crossing order): refused with the reason, nothing recorded.
    await panel.getByRole('button', { name: 'Omtrek tekenen' }).click();
    await expect.poll(() => page.getByTestId('polygon-drawing-bar').textContent()).toContain('Omtrek van Nieuwe locatie 1');
    await clickCorners(page, centre, [[-60, -60], [60, 60], [60, -60], [-60, 60]]);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('polygon-drawing-refusal').textContent()).toContain('De omtrek snijdt zichzelf');
    await app.screenshot('site-outline-01-refused');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('polygon-drawing-bar').count()).toBe(0);
    expect(await panel.getByTestId('site-outline-text').textContent()).toContain('Geen omtrek getekend');

    // A square around the site, closed by clicking the first corner again.
    await panel.getByRole('button', { name: 'Omtrek tekenen' }).click();
    await clickCorners(page, centre, [[-50, -40], [50, -40], [50, 40], [-50, 40], [-50, -40]]);
    await expect.poll(() => page.getByTestId('polygon-drawing-bar').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => panel.getByTestId('site-outline-text').textContent()).toMatch(/Omtrek getekend: [\d.,]+ ha, 4 hoekpunten/);
    await expect.poll(() => page.getByTestId('edit-history').textContent()).toContain('Omtrek getekend: Nieuwe locatie 1 (');
    await expect.poll(() => page.locator('#map').getAttribute('data-scenario-outlines')).toMatch(/^\["[^"]+"\]$/);
    await waitForMapIdle(page);
    await app.screenshot('site-outline-02-drawn');
    await expect.poll(() => page.getByTestId('scenario-storage-status').getAttribute('data-save'), { timeout: 15_000 }).toBe('saved');

    await page.reload();
    await waitForMapIdle(page);
    await openScenarioIfClosed(page, 'Scenario 1');
    await page.getByTestId('site-list').getByRole('button', { name: 'Nieuwe locatie 1' }).click();
    await expect.poll(() => page.getByTestId('site-panel').getByTestId('site-outline-text').textContent()).toMatch(/Omtrek getekend: [\d.,]+ ha, 4 hoekpunten/);
    await expect.poll(() => page.locator('#map').getAttribute('data-scenario-outlines')).toMatch(/^\["[^"]+"\]$/);
    expect(app.pageErrors).toEqual([]);
    await context.close();
  });
});
