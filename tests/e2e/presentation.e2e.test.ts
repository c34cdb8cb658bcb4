// Presentation mode (issue 10.5) in real Chromium at projector size: named views saved with the draft,
// stepped through by keyboard (arrow keys, PageUp/PageDown as a clicker sends them), the walking-distance
// slider changing the key-project counts, axe in both languages, Esc back to the normal layout with
// focus on the button, and the views still there after a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Facility, FacilityCategory } from '../../src/domain/facility';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle } from './appPage';
import { wcagViolations } from './axe';
import { createScenario, openScenarioIfClosed } from './scenarioSteps';
import { seedFacilities, testDataset } from './seedFacilities';
import { metresAway } from './metresAway';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const CATEGORIES: FacilityCategory[] = ['supermarkt', 'huisarts', 'apotheek', 'ovHalte', 'ontmoetingsplek', 'zorg24uur'];

/** One test facility per category 600 m east of `centre`: beyond the 500 m norms, within 650 m. */
function testFacilities(centre: [number, number], datasetId: string): Facility[] {
  return CATEGORIES.map((category, index) => ({
    id: `p${index}`,
    name: `Testvoorziening ${category}`,
    category,
    datasetId,
    attributes: {},
    location: metresAway(centre, 600, index - 3),
  }));
}

/** Opens a key project from the search box; the map centres on it. */
async function openKeyProject(page: Page, query: string): Promise<void> {
  await page.locator('#key-project-search').fill(query);
  await page.locator('#key-project-search').press('Enter');
}

/** The key project's location, read from the reachability panel of an analysis at it. */
async function keyProjectLocation(page: Page, query: string): Promise<[number, number]> {
  await openKeyProject(page, query);
  await page.getByRole('button', { name: 'Bereikbaarheid van deze locatie' }).press('Enter');
  const panel = page.getByTestId('reachability-panel');
  await panel.locator('[data-testid="reach-categories"]').waitFor({ timeout: 20_000 });
  return [Number(await panel.getAttribute('data-lon')), Number(await panel.getAttribute('data-lat'))];
}

/** The map part of the address (`zoom/lat/lon`), which the app keeps in step with the map. */
async function mapHash(page: Page): Promise<string> {
  return page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('map') ?? '');
}

/** Where the selected key project is drawn, in pixels of the map (the app writes it after each move). */
async function projectRingPosition(page: Page): Promise<{ x: number; y: number }> {
  await waitForMapIdle(page);
  const text = await page.locator('#map').getAttribute('data-selected-key-project');
  return JSON.parse(text!) as { x: number; y: number };
}

async function zoomOf(page: Page): Promise<number> {
  return Number((await mapHash(page)).split('/')[0]);
}

async function settledMapHash(page: Page, before: string): Promise<string> {
  await expect.poll(() => mapHash(page), { timeout: 15_000 }).not.toBe(before);
  await waitForMapIdle(page);
  return mapHash(page);
}

function caption(page: Page): Promise<string | null> {
  return page.getByTestId('presentation-caption').textContent();
}

function focusInPresentation(page: Page): Promise<boolean> {
  return page.evaluate(() => document.querySelector('.map-container')?.contains(document.activeElement) ?? false);
}

function countsText(page: Page): Promise<string | null> {
  return page.getByTestId('presentation-counts').textContent();
}

describe('presentation mode', () => {
  it('saves named views with the draft, steps through them by keyboard, moves the norm slider live, and keeps the views after a reload', { timeout: 240_000 }, async () => {
    const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
    const { page } = app;
    await waitForMapIdle(page);
    const centre = await keyProjectLocation(page, 'Zwolle Spoorzone');
    const facilities = testFacilities(centre, 'test-presentation');
    await seedFacilities(page, testDataset('test-presentation', 'Testvoorzieningen presentatie', CATEGORIES, facilities.length), facilities);
    await page.goto(page.url().split('#')[0]!);
    await waitForMapIdle(page);
    await createScenario(page);

    // View 1: the key project, close up. View 2: the whole province.
    let before = await mapHash(page);
    await openKeyProject(page, 'Zwolle Spoorzone');
    const closeUp = await settledMapHash(page, before);
    await page.locator('#presentation-caption').fill('Spoorzone Zwolle');
    await page.getByRole('button', { name: 'Bewaar dit beeld' }).click();
    await expect.poll(() => page.getByTestId('presentation-save-status').textContent()).toBe('Kaartbeeld bewaard: Spoorzone Zwolle');
    before = closeUp;
    await page.getByRole('button', { name: 'Heel Overijssel' }).click();
    const province = await settledMapHash(page, before);
    await page.locator('#presentation-caption').fill('Heel Overijssel');
    await page.getByRole('button', { name: 'Bewaar dit beeld' }).press('Enter');
    await expect.poll(() => page.getByTestId('presentation-views').locator('li').count()).toBe(2);
    expect(await page.getByTestId('presentation-views').locator('.presentation-view-caption').allTextContents()).toEqual(['Spoorzone Zwolle', 'Heel Overijssel']);
    // Reordering by keyboard keeps focus on the button; at the end of the list it does nothing.
    const later = page.getByRole('button', { name: 'Later: Spoorzone Zwolle' });
    await later.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('presentation-views').locator('.presentation-view-caption').allTextContents()).toEqual(['Heel Overijssel', 'Spoorzone Zwolle']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Later: Spoorzone Zwolle');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('presentation-views').locator('.presentation-view-caption').allTextContents()).toEqual(['Heel Overijssel', 'Spoorzone Zwolle']);
    await page.getByRole('button', { name: 'Eerder: Spoorzone Zwolle' }).press('Enter');
    await expect.poll(() => page.getByTestId('presentation-views').locator('.presentation-view-caption').allTextContents()).toEqual(['Spoorzone Zwolle', 'Heel Overijssel']);
    await app.screenshot('presentation-01-views-nl-1280');

    // Presenteren by keyboard: the first view comes back, the forms go, focus is in the presentation.
    await page.locator('#presentation-start').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => caption(page)).toBe('1 / 2 · Spoorzone Zwolle');
    const atFirst = await settledMapHash(page, province);
    expect(Math.abs((await zoomOf(page)) - Number(closeUp.split('/')[0]))).toBeLessThan(0.5);
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByTestId('legend').locator('.legend-body').isVisible()).toBe(true);
    // the legend, always shown while presenting, still covers at most a quarter of the map (issue 10.1)
    const mapBox = await page.locator('.map-container').boundingBox();
    const legendBox = await page.getByTestId('legend').boundingBox();
    expect((legendBox!.width * legendBox!.height) / (mapBox!.width * mapBox!.height)).toBeLessThanOrEqual(0.25);
    expect(await page.getByTestId('presentation-sources').textContent()).toMatch(/^Bronnen: .*CBS en Kadaster, via PDOK/);
    expect(await focusInPresentation(page)).toBe(true);
    // Full screen where the browser allows it; otherwise the window, and the presenter is told.
    const fullscreen = await page.evaluate(() => document.fullscreenElement !== null);
    expect(await page.getByTestId('presentation-window-mode').isVisible()).toBe(!fullscreen);
    await expect.poll(() => countsText(page), { timeout: 20_000 }).toMatch(/Nultreden: \d+ van \d+/);
    // The project the first view shows lies in the part of the map between the panels, not under them.
    const ring = await projectRingPosition(page);
    const [padTop, padRight, padBottom, padLeft] = (await page.locator('#map').getAttribute('data-fit-padding'))!.split(',').map(Number);
    // (the view was saved with the project in the middle of what the planner saw)
    expect(Math.abs(ring.x - (padLeft! + mapBox!.width - padRight!) / 2)).toBeLessThan(30);
    expect(Math.abs(ring.y - (padTop! + mapBox!.height - padBottom!) / 2)).toBeLessThan(30);
    expect(padLeft).toBeGreaterThan(500);
    await app.screenshot('presentation-02-first-nl-1280');
    expect(await wcagViolations(page)).toEqual([]);

    // Step by keyboard: → next, PageUp back, PageDown next, ← back; the map jumps each time.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => caption(page)).toBe('2 / 2 · Heel Overijssel');
    const atSecond = await settledMapHash(page, atFirst);
    expect(await zoomOf(page)).toBeLessThan(Number(atFirst.split('/')[0]) - 1);
    // The whole province lies clear of the caption bar, the norm panel and the legend (it was under the norm panel).
    const [left, top, right, bottom] = (await page.locator('#map').getAttribute('data-province-box'))!.split(',').map(Number);
    for (const panel of [page.locator('.presentation-top'), page.locator('.presentation-bottom'), page.getByTestId('legend')]) {
      const box = (await panel.boundingBox())!;
      const overlaps = box.x < mapBox!.x + right! && mapBox!.x + left! < box.x + box.width && box.y < mapBox!.y + bottom! && mapBox!.y + top! < box.y + box.height;
      expect(overlaps, `province box ${left},${top},${right},${bottom} (fit padding ${await page.locator('#map').getAttribute('data-fit-padding')}) against ${JSON.stringify(box)}`).toBe(false);
    }
    await app.screenshot('presentation-03-second-nl-1280');
    await page.keyboard.press('ArrowRight'); // the last view stays
    expect(await caption(page)).toBe('2 / 2 · Heel Overijssel');
    await page.keyboard.press('PageUp');
    await expect.poll(() => caption(page)).toBe('1 / 2 · Spoorzone Zwolle');
    const backAtFirst = await settledMapHash(page, atSecond);
    await page.keyboard.press('PageDown');
    await expect.poll(() => caption(page)).toBe('2 / 2 · Heel Overijssel');
    await settledMapHash(page, backAtFirst);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => caption(page)).toBe('1 / 2 · Spoorzone Zwolle');
    await waitForMapIdle(page);
    expect(await focusInPresentation(page)).toBe(true);

    // The slider by keyboard: 500 → 650 m brings the test facilities (600 m away) within the norm.
    const slider = page.getByRole('slider', { name: /Loopafstand tot alle voorzieningen/ });
    expect(await slider.getAttribute('aria-valuetext')).toBe('500 m');
    const countsBefore = await countsText(page);
    await slider.focus();
    for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('650 m');
    await expect.poll(() => countsText(page), { timeout: 20_000 }).not.toBe(countsBefore);
    await expect.poll(() => page.getByTestId('presentation-announcement').textContent(), { timeout: 20_000 }).toMatch(/^Bij 650 m voldoen: Nultreden: \d+ van \d+/);
    // The slider's own arrow keys moved the slider, not the presentation; the clicker still steps.
    expect(await caption(page)).toBe('1 / 2 · Spoorzone Zwolle');
    await page.keyboard.press('PageDown');
    await expect.poll(() => caption(page)).toBe('2 / 2 · Heel Overijssel');
    await app.screenshot('presentation-04-slider-nl-1280');
    // The slider panel folds to one button, so the map behind it shows; unfolded it keeps its distance.
    // The view in force (the whole province) is fitted again into the room the panel leaves, each time:
    // folded, the padding on its side shrinks and the province moves into the middle of the freed map.
    const provinceBox = async () => (await page.locator('#map').getAttribute('data-province-box'))!.split(',').map(Number) as [number, number, number, number];
    const provinceCentreX = async () => {
      const [left, , right] = await provinceBox();
      return (left + right) / 2;
    };
    const fitPadding = async () => (await page.locator('#map').getAttribute('data-fit-padding'))!;
    const leftPadding = async () => Number((await fitPadding()).split(',')[3]);
    await waitForMapIdle(page);
    const unfoldedCentre = await provinceCentreX();
    const unfoldedLeft = await leftPadding();
    const fold = page.getByRole('button', { name: 'Verbergen' });
    expect(await fold.getAttribute('aria-expanded')).toBe('true');
    await fold.click();
    await expect.poll(() => slider.isVisible()).toBe(false);
    expect((await page.locator('.presentation-bottom').boundingBox())!.height).toBeLessThan(60);
    await expect.poll(leftPadding).toBeLessThan(unfoldedLeft - 100);
    await expect.poll(provinceCentreX, { timeout: 10_000 }).toBeLessThan(unfoldedCentre - 40);
    await waitForMapIdle(page);
    await app.screenshot('presentation-04b-folded-nl-1280');
    await page.getByRole('button', { name: 'Loopafstand en tellingen tonen' }).press('Enter');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('650 m');
    await expect.poll(async () => Math.abs((await provinceCentreX()) - unfoldedCentre), { timeout: 10_000 }).toBeLessThan(5);
    // Once the presenter drags the map, their view wins: folding leaves it where it is.
    await waitForMapIdle(page);
    const beforeDrag = await provinceBox();
    const mapCentre = { x: mapBox!.x + mapBox!.width * 0.6, y: mapBox!.y + mapBox!.height * 0.5 };
    await page.mouse.move(mapCentre.x, mapCentre.y);
    await page.mouse.down();
    await page.mouse.move(mapCentre.x + 80, mapCentre.y + 40, { steps: 5 });
    await page.mouse.up();
    await waitForMapIdle(page);
    const dragged = await provinceBox();
    expect(dragged).not.toEqual(beforeDrag);
    const paddingBeforeFold = await fitPadding();
    await page.getByRole('button', { name: 'Verbergen' }).click();
    await expect.poll(() => slider.isVisible()).toBe(false);
    await waitForMapIdle(page);
    expect(await provinceBox()).toEqual(dragged);
    expect(await fitPadding()).toBe(paddingBeforeFold);
    await page.getByRole('button', { name: 'Loopafstand en tellingen tonen' }).press('Enter');
    await expect.poll(() => slider.isVisible()).toBe(true);

    // Esc: the normal layout, focus on the button; the norms from before apply again.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.app.presenting').count()).toBe(0);
    expect(await page.locator('.sidebar').isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('presentation-start');
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();

    // English: the same presentation, axe clean.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('button', { name: 'Present', exact: true }).press('Enter');
    await expect.poll(() => caption(page)).toBe('1 / 2 · Spoorzone Zwolle');
    expect(await page.getByRole('slider', { name: /Walking distance to all facilities/ }).getAttribute('aria-valuetext')).toBe('500 m');
    expect(await page.locator('.presentation-note').textContent()).toContain('The norms of the profile apply now');
    // The sources line speaks English too: publishers as the register gives them in English.
    const englishSources = (await page.getByTestId('presentation-sources').textContent())!;
    expect(englishSources).toMatch(/^Sources: .*CBS and Kadaster, via PDOK/);
    expect(englishSources).toContain('prepared by Ruimtevolk');
    expect(englishSources).not.toMatch(/ en |opgesteld|gemeenten|inwonertallen|bijdragers/);
    await page.keyboard.press('End');
    await expect.poll(() => caption(page)).toBe('2 / 2 · Heel Overijssel');
    await waitForMapIdle(page);
    await app.screenshot('presentation-05-en-1280');
    expect(await wcagViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    // focus goes back to the button once the normal layout has re-rendered
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('presentation-start');

    // The views were saved with the draft: a reload keeps them.
    await page.reload();
    await waitForMapIdle(page);
    await openScenarioIfClosed(page, 'Scenario 1');
    await expect.poll(() => page.getByTestId('presentation-views').locator('.presentation-view-caption').allTextContents(), { timeout: 15_000 }).toEqual([
      'Spoorzone Zwolle',
      'Heel Overijssel',
    ]);
    expect(app.pageErrors).toEqual([]);
  });

  it('fills the window when full screen is refused, says so, keeps Tab inside the presentation, and Esc returns focus', async () => {
    const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
    const { page } = app;
    await waitForMapIdle(page);
    await page.evaluate(() => {
      Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'));
    });
    await page.locator('#presentation-start').focus();
    await page.keyboard.press('Enter');
    // Without a draft (so without named views) the presentation shows the map as it is.
    await expect.poll(() => caption(page)).toBe('1 / 1 · Huidig kaartbeeld');
    await expect.poll(() => page.getByTestId('presentation-window-mode').textContent()).toContain('Volledig scherm is hier niet toegestaan');
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    for (let press = 0; press < 12; press += 1) {
      await page.keyboard.press(press % 3 === 2 ? 'Shift+Tab' : 'Tab');
      expect(await focusInPresentation(page)).toBe(true);
    }
    await app.screenshot('presentation-06-window-nl-1280');
    expect(await wcagViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.app.presenting').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('presentation-start');
    expect(app.pageErrors).toEqual([]);
  });
});
