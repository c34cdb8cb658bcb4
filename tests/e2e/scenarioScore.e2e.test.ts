// The score of a draft scenario against the targets in the built app: adding a site with homes
// changes its municipality's figure (and the region's), the figure links to the site behind it, and
// the panel passes WCAG checks in both languages; screenshots at 1280×720 and 1440×900. Dragging a
// site moves its homes between the verdicts of the municipality's reachability figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle } from './appPage';
import { wcagViolations } from './axe';
import type { Facility, FacilityCategory } from '../../src/domain/facility';
import { metresAway } from './metresAway';
import { seedFacilities, testDataset } from './seedFacilities';
import { addSiteByClick, moveSiteToZwolleStation, pressAndMove, siteOnMap, zoomAround, ZWOLLE_STATION } from './scenarioSteps';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const homesOf = async (page: Page, testId: string) => Number(await page.getByTestId('scenario-score').getByTestId(testId).getAttribute('data-homes'));

async function addSiteAtZwolleStation(page: Page, geclusterd: string): Promise<void> {
  await addSiteByClick(page);
  await moveSiteToZwolleStation(page);
  await page.getByLabel('Geclusterd', { exact: true }).fill(geclusterd);
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect.poll(() => page.getByTestId('edit-history').locator('li').last().textContent()).toContain(`Geclusterd 0 → ${geclusterd}`);
}

describe('scenario score against the targets', () => {
  it('adding a site with homes changes the municipality\'s score figure, which links to the site', { timeout: 240_000 }, async () => {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1440, height: 900 },
    ]) {
      const context = await browser.newContext({ viewport, locale: 'nl-NL' });
      const app = await openApp(null, { context });
      const { page } = app;
      await waitForMapIdle(page);
      await page.getByRole('button', { name: 'Nieuw scenario uit het gepubliceerde plan' }).click();
      const score = page.getByTestId('scenario-score');
      await expect.poll(() => score.locator('h4').first().textContent()).toBe('Score tegen de opgave');

      // Zwolle before: no planned homes; the target band as printed (afsprakenkader Bijlage 1).
      await page.getByLabel('Gebied voor de score').selectOption('GM0193');
      expect(await homesOf(page, 'planned-geclusterd')).toBe(0);
      const targetCell = await score.getByTestId('target-geclusterd').textContent();
      expect(targetCell).toMatch(/^\d[\d.]* \/ \d[\d.]*$/);
      const statusBefore = await score.locator('[data-type="geclusterd"] .score-status-text').textContent();
      expect(statusBefore).toMatch(/^onder de bandbreedte: nog [\d.]+ tot de ondergrens$/);

      await addSiteAtZwolleStation(page, '40');
      await expect.poll(() => homesOf(page, 'planned-geclusterd')).toBe(40);
      expect(await homesOf(page, 'planned-total')).toBe(40);
      expect(await score.getByTestId('score-area-summary').textContent()).toBe('Zwolle: 1 locatie, samen 40 woningen (alle typen en fasen).');
      const statusAfter = await score.locator('[data-type="geclusterd"] .score-status-text').textContent();
      const missing = (text: string | null) => Number((text ?? '').match(/nog ([\d.]+)/)![1]!.replace(/\./g, ''));
      expect(missing(statusBefore) - missing(statusAfter)).toBe(40);
      // sociale huur by default: the whole split is social rent
      expect(await homesOf(page, 'split-social')).toBe(40);

      // The region counts it too.
      await page.getByLabel('Gebied voor de score').selectOption('west-overijssel');
      await expect.poll(() => homesOf(page, 'planned-geclusterd')).toBe(40);
      await page.getByLabel('Gebied voor de score').selectOption('GM0193');

      // The figure links to the site behind it; the site opens from the list.
      await score.getByTestId('planned-geclusterd').click();
      const shown = page.getByTestId('score-shown-sites');
      await expect.poll(() => shown.textContent()).toContain('Nieuwe locatie 1');
      await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('score-shown-sites');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('site-panel').locator('h2').textContent()).toContain('Nieuwe locatie 1');

      const size = `${viewport.width}`;
      await score.locator('h4').first().evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      await app.screenshot(`70-scenario-score-nl-${size}`);
      // Scrolling inside the sidebar never scrolls the page itself (the header and the map stay put).
      expect(await page.evaluate(() => ({ top: document.scrollingElement!.scrollTop, overflow: document.scrollingElement!.scrollHeight - document.scrollingElement!.clientHeight }))).toEqual({ top: 0, overflow: 0 });
      await score.getByTestId('score-split').evaluate((split) => split.scrollIntoView({ block: 'start' }));
      await app.screenshot(`71-scenario-score-split-phases-nl-${size}`);
      expect(await wcagViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Switch to English' }).click();
      await expect.poll(() => score.locator('h4').first().textContent()).toBe('Score against the targets');
      expect(await homesOf(page, 'planned-geclusterd')).toBe(40);
      expect(await score.getByTestId('score-area-summary').textContent()).toBe('Zwolle: 1 site, 40 homes in all (all types and phases).');
      await score.locator('h4').first().evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      await app.screenshot(`72-scenario-score-en-${size}`);
      await score.getByTestId('score-reach').evaluate((reach) => reach.scrollIntoView({ block: 'start' }));
      await app.screenshot(`73-scenario-score-reach-en-${size}`);
      expect(await wcagViolations(page)).toEqual([]);
      expect(app.pageErrors).toEqual([]);
      await context.close();
    }
  });

  it('dragging a site moves its homes from "voldaan" to "niet voldaan" in the municipality\'s reachability figures', { timeout: 240_000 }, async () => {
    // Test data, not real facilities: every geclusterd category within 60 m of Zwolle station, declared
    // complete for the province, so the station meets every norm and a site dragged away does not.
    const categories: FacilityCategory[] = ['supermarkt', 'huisarts', 'apotheek', 'ovHalte', 'ontmoetingsplek'];
    const station: [number, number] = [Number(ZWOLLE_STATION.lon), Number(ZWOLLE_STATION.lat)];
    const facilities: Facility[] = categories.map((category, index) => ({
      id: `score-${category}`,
      name: `Test ${category} bij station Zwolle`,
      category,
      datasetId: 'test-score-drag',
      attributes: category === 'ovHalte' ? { transitMode: 'bus' as const } : {},
      location: metresAway(station, 15 * index, 40 - 15 * index),
    }));
    const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
    const { page } = app;
    await waitForMapIdle(page);
    await seedFacilities(page, testDataset('test-score-drag', 'Testvoorzieningen score', categories, facilities.length), facilities);
    await page.reload();
    await waitForMapIdle(page);
    await page.getByRole('button', { name: 'Nieuw scenario uit het gepubliceerde plan' }).click();
    await addSiteAtZwolleStation(page, '40');
    await page.getByLabel('Gebied voor de score').selectOption('GM0193');
    const reach = async () => {
      const parts = page.getByTestId('scenario-score').getByTestId('score-reach');
      const homes = async (part: string) => Number(await parts.getByTestId(`reach-geclusterd-${part}`).getAttribute('data-homes'));
      return { met: await homes('met'), notMet: await homes('notMet'), noData: await homes('noData'), notAnalysed: await homes('notAnalysed') };
    };
    await expect.poll(reach, { timeout: 15_000 }).toEqual({ met: 40, notMet: 0, noData: 0, notAnalysed: 0 });

    // Drag the site away from the station with the mouse (some kilometres at this zoom): the score follows.
    await zoomAround(page, () => siteOnMap(page), 4);
    await pressAndMove(page, await siteOnMap(page), 90, 40);
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('edit-history').locator('li').last().textContent(), { timeout: 15_000 }).toMatch(/^Nieuwe locatie 1 verplaatst naar /);
    expect(await page.getByTestId('site-municipality').textContent()).toBe('Zwolle');
    await expect.poll(reach, { timeout: 15_000 }).toEqual({ met: 0, notMet: 40, noData: 0, notAnalysed: 0 });
    await page.getByTestId('scenario-score').getByTestId('score-reach').evaluate((figures) => figures.scrollIntoView({ block: 'start' }));
    await app.screenshot('74-scenario-score-reach-after-drag-nl-1280');

    // Undo puts the site back at the station, and its homes back under "voldaan".
    await page.getByRole('button', { name: /^Ongedaan maken: / }).click();
    await expect.poll(reach, { timeout: 15_000 }).toEqual({ met: 40, notMet: 0, noData: 0, notAnalysed: 0 });
    expect(app.pageErrors).toEqual([]);
    await page.context().close();
  });
});
