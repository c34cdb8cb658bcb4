// Draft scenarios in the built app: create a scenario, add a site by clicking the map, edit its homes
// (an impossible value is refused at the field), drag it with the mouse and move it with the arrow keys
// (its verdicts change, live while dragging), move a key project (its precision reads "door planner
// geplaatst"), undo/redo with buttons and Ctrl+Z, compare two scenarios; WCAG checks and screenshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle } from './appPage';
import { wcagViolations } from './axe';
import { createScenarioWithSite, moveSiteToZwolleStation, pressAndMove, siteOnMap as sitePoint, zoomAround, ZWOLLE_STATION } from './scenarioSteps';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface ScreenPoint {
  id: string;
  x: number;
  y: number;
}

async function mapData<T>(page: Page, key: string): Promise<T | null> {
  const text = await page.locator('#map').evaluate((map, name) => (map as HTMLElement).dataset[name] ?? '', key);
  return text ? (JSON.parse(text) as T) : null;
}

async function verdictText(page: Page): Promise<string> {
  return (await page.getByTestId('site-verdicts').textContent()) ?? '';
}

describe('editing a draft scenario on the map', () => {
  it('creates a scenario, adds a site by click, edits its homes, drags it and moves it by keyboard; undo and redo', { timeout: 300_000 }, async () => {
    const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
    const { page } = app;
    await createScenarioWithSite(page);
    const history = page.getByTestId('edit-history');
    await expect.poll(() => history.locator('li').allTextContents()).toEqual(['Locatie toegevoegd: Nieuwe locatie 1']);

    // Homes: an impossible value is refused at its field, a good one becomes an edit with a readable description.
    const zorggeschikt = page.getByLabel('Zorggeschikt', { exact: true });
    await zorggeschikt.fill('-5');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect.poll(() => zorggeschikt.getAttribute('aria-invalid')).toBe('true');
    const errorId = await zorggeschikt.getAttribute('aria-describedby');
    expect(await page.locator(`#${errorId}`).textContent()).toContain('negatief');
    expect(await history.locator('li').count()).toBe(1);
    await zorggeschikt.fill('40');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect.poll(() => history.locator('li').nth(1).textContent()).toBe('Nieuwe locatie 1: Zorggeschikt 0 → 40');
    expect(await zorggeschikt.getAttribute('aria-invalid')).toBeNull();

    // Typed coordinates: at Zwolle station the OV-halte norm is met.
    await moveSiteToZwolleStation(page);
    await expect.poll(() => page.getByTestId('site-municipality').textContent(), { timeout: 15_000 }).toBe('Zwolle');
    await expect.poll(() => page.getByTestId('site-distances').locator('[data-category="ovHalte"]').textContent(), { timeout: 15_000 }).toMatch(/OV-halte: (hoogstens )?\d+ m/);
    const atStation = await verdictText(page);
    expect(atStation).toContain('1 van');
    await app.screenshot('60-scenario-site-at-station-1280');

    // Drag with the mouse, zoomed in so a few hundred metres are some tens of pixels: the verdicts follow while dragging.
    await zoomAround(page, () => sitePoint(page), 4);
    const start = await sitePoint(page);
    await pressAndMove(page, start, 90, 40);
    await expect.poll(() => page.getByTestId('site-verdicts').getAttribute('data-live'), { timeout: 15_000 }).toBe('true');
    await expect.poll(() => verdictText(page), { timeout: 15_000 }).not.toBe(atStation);
    await app.screenshot('61-scenario-site-dragging-1280');
    await page.mouse.up();
    const editsBeforeDrag = 3;
    await expect.poll(() => history.locator('li').count(), { timeout: 15_000 }).toBe(editsBeforeDrag + 1);
    expect(await history.locator('li').last().textContent()).toMatch(/^Nieuwe locatie 1 verplaatst naar 52,\d{5}° N, 6,\d{5}° O$/);
    const afterDrag = await sitePoint(page);
    expect(Math.hypot(afterDrag.x - start.x - 90, afterDrag.y - start.y - 40)).toBeLessThan(3);
    await expect.poll(() => page.getByTestId('site-verdicts').getAttribute('data-live')).toBeNull();
    expect(await verdictText(page)).not.toBe(atStation);

    // Back to the station, then the keyboard: Shift+→ four times = 400 m east, beyond the 300 m OV-halte norm.
    await moveSiteToZwolleStation(page);
    await expect.poll(() => verdictText(page), { timeout: 15_000 }).toBe(atStation);
    const handle = page.getByTestId('site-keyboard-move');
    await handle.focus();
    const beforeKeys = await page.getByLabel('Lengtegraad (° O)').inputValue();
    for (let press = 0; press < 4; press += 1) await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => verdictText(page), { timeout: 15_000 }).not.toBe(atStation);
    const afterKeys = Number(await page.getByLabel('Lengtegraad (° O)').inputValue());
    // 400 m east at 52.5° N is about 0.0059° of longitude
    expect(afterKeys - Number(beforeKeys)).toBeCloseTo(0.0059, 3);
    expect(await page.getByLabel('Breedtegraad (° N)').inputValue()).toBe(ZWOLLE_STATION.lat);
    // add, homes, to the station, drag, back to the station, four arrow keys
    expect(await history.locator('li').count()).toBe(9);

    // Undo with the button and with Ctrl+Z (focus outside text fields), redo with Ctrl+Shift+Z.
    await page.getByRole('button', { name: /^Ongedaan maken: / }).click();
    await page.locator('#scenarios-title').click();
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => history.locator('li[data-undone="true"]').count()).toBe(3);
    await expect.poll(() => page.getByLabel('Lengtegraad (° O)').inputValue()).not.toBe(String(afterKeys));
    await expect.poll(() => verdictText(page), { timeout: 15_000 }).toBe(atStation);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => history.locator('li[data-undone="true"]').count()).toBe(2);
    // Ctrl+Z inside a text field is the field's own undo, not the scenario's.
    await page.getByLabel('Naam', { exact: true }).focus();
    await page.keyboard.press('Control+z');
    expect(await history.locator('li[data-undone="true"]').count()).toBe(2);
    await app.screenshot('62-scenario-history-1280');

    expect(app.pageErrors).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
    await page.context().close();
  });

  it('moves a key project: its precision reads "door planner geplaatst"; undo puts it back', { timeout: 240_000 }, async () => {
    const app = await openApp(browser, { viewport: { width: 1440, height: 900 } });
    const { page } = app;
    await waitForMapIdle(page);
    await page.getByRole('button', { name: 'Nieuw scenario uit het gepubliceerde plan' }).click();
    await page.getByRole('searchbox', { name: 'Zoek een sleutelproject of gemeente' }).fill('Spoorzone');
    await page.locator('#key-project-list').getByRole('button', { name: /Zwolle Spoorzone/ }).click();
    const panel = page.getByTestId('key-project-panel');
    await expect.poll(() => panel.getByTestId('location-precision').textContent()).toMatch(/bij benadering/i);
    const projectPoint = async () => (await mapData<ScreenPoint>(page, 'selectedKeyProject'))!;
    await expect.poll(async () => (await mapData<ScreenPoint>(page, 'selectedKeyProject'))?.id).toBe('zwolle-spoorzone');
    await zoomAround(page, projectPoint, 3);
    const from = await projectPoint();
    await pressAndMove(page, from, 60, -30);
    await app.screenshot('63-scenario-key-project-dragging-1440');
    await page.mouse.up();
    await expect.poll(() => panel.getByTestId('location-precision').textContent(), { timeout: 15_000 }).toContain('door planner geplaatst');
    expect(await panel.getByTestId('location-precision').textContent()).not.toMatch(/bij benadering/i);
    const moved = await projectPoint();
    expect(Math.hypot(moved.x - from.x - 60, moved.y - from.y + 30)).toBeLessThan(3);
    await expect.poll(() => page.getByTestId('edit-history').locator('li').first().textContent()).toMatch(/^Zwolle Spoorzone verplaatst naar 52,\d{5}° N, 6,\d{5}° O$/);
    await app.screenshot('63-scenario-key-project-placed-1440');

    // The reachability panel of the moved project names the precision too.
    await panel.getByRole('button', { name: 'Bereikbaarheid van deze locatie' }).click();
    await expect.poll(() => page.getByTestId('reach-approximate').textContent()).toContain('door planner geplaatst');

    // Compared with a draft of the published plan: a hollow marker at the old place, the project's symbol at the new.
    await page.getByRole('button', { name: 'Nieuw scenario uit het gepubliceerde plan' }).click();
    await page.getByLabel('Scenario A').selectOption({ label: 'Scenario 1' });
    await page.getByLabel('Scenario B').selectOption({ label: 'Scenario 2' });
    await page.getByRole('button', { name: 'Vergelijken', exact: true }).click();
    await expect.poll(async () => mapData<Record<string, number>>(page, 'scenarioCompare')).toEqual({ keyProjectMoved: 1 });
    expect(await page.locator('#map').getAttribute('data-scenario-compare-markers')).toBe('keyProjectMovedFrom,keyProjectMoved');
    await app.screenshot('63-scenario-key-project-compared-1440');
    await page.getByRole('button', { name: 'Scenario Scenario 1 openen' }).click();

    // Undo: back at the published, approximate location.
    await page.getByRole('button', { name: /^Ongedaan maken: Zwolle Spoorzone/ }).click();
    await page.locator('#key-project-list').getByRole('button', { name: /Zwolle Spoorzone/ }).click();
    await expect.poll(() => page.getByTestId('key-project-panel').getByTestId('location-precision').textContent()).toMatch(/bij benadering/i);
    expect(app.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('asks before a site moves into another municipality; "Laten staan" keeps it where it was', { timeout: 180_000 }, async () => {
    const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
    const { page } = app;
    await createScenarioWithSite(page);
    await moveSiteToZwolleStation(page);
    await expect.poll(() => page.getByTestId('site-municipality').textContent(), { timeout: 15_000 }).toBe('Zwolle');
    // Kampen centre, across the border
    await page.getByLabel('Breedtegraad (° N)').fill('52,5553');
    await page.getByLabel('Lengtegraad (° O)').fill('5,9110');
    await page.getByRole('button', { name: 'Naar deze coördinaten verplaatsen' }).click();
    const dialog = page.getByTestId('border-move-dialog');
    await expect.poll(() => dialog.textContent()).toContain('Naar een andere gemeente verplaatsen?');
    expect(await dialog.textContent()).toContain('Kampen');
    await app.screenshot('64-scenario-border-question-1280');
    await dialog.getByRole('button', { name: 'Laten staan' }).click();
    expect(await page.getByTestId('site-municipality').textContent()).toBe('Zwolle');
    await page.getByRole('button', { name: 'Naar deze coördinaten verplaatsen' }).click();
    await dialog.getByRole('button', { name: 'Verplaatsen naar Kampen' }).click();
    await expect.poll(() => page.getByTestId('site-municipality').textContent()).toBe('Kampen');
    expect(await page.getByTestId('edit-history').locator('li').last().textContent()).toContain('(gemeente Kampen)');
    // Outside the province: refused, with the reason.
    await page.getByLabel('Breedtegraad (° N)').fill('52.37');
    await page.getByLabel('Lengtegraad (° O)').fill('4.89');
    await page.getByRole('button', { name: 'Naar deze coördinaten verplaatsen' }).click();
    await expect.poll(() => page.getByTestId('edit-refusal').textContent()).toContain('buiten Overijssel');
    expect(await page.getByTestId('site-municipality').textContent()).toBe('Kampen');
    expect(app.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('lists, renames, copies, compares and deletes scenarios (with undo); WCAG 2.2 AA and screenshots in both languages', { timeout: 420_000 }, async () => {
    // The flow runs once at 1280×720 (projector); each screen is also photographed at 1440×900.
    const viewport = { width: 1280, height: 720 };
    {
      const context = await browser.newContext({ viewport, locale: 'nl-NL' });
      const app = await openApp(null, { context });
      const { page } = app;
      await createScenarioWithSite(page);
      // where the click put the site (the comparison is per municipality)
      const municipality = (await page.getByTestId('site-municipality').textContent())!;
      await page.getByLabel('Zorggeschikt', { exact: true }).fill('40');
      await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await page.getByRole('button', { name: 'Scenario Scenario 1 kopiëren' }).click();
      await expect.poll(() => page.getByTestId('active-scenario').textContent()).toContain('Actief scenario: Scenario 2');
      // in the copy: the site gets 60 zorggeschikt and a second site is added
      await page.getByTestId('site-list').getByRole('button', { name: 'Nieuwe locatie 1' }).click();
      await page.getByLabel('Zorggeschikt', { exact: true }).fill('60');
      await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await expect.poll(() => page.getByTestId('edit-history').locator('li').last().textContent()).toBe('Nieuwe locatie 1: Zorggeschikt 40 → 60');
      await page.getByRole('button', { name: 'Naam wijzigen van Scenario 2' }).click();
      await page.getByLabel('Nieuwe naam voor Scenario 2').fill('Meer zorg');
      await page.getByRole('button', { name: 'Naam opslaan' }).click();
      await expect.poll(() => page.getByTestId('scenario-list').textContent()).toContain('Meer zorg');

      await page.getByLabel('Scenario B').selectOption({ label: 'Meer zorg' });
      await page.getByRole('button', { name: 'Vergelijken', exact: true }).click();
      const comparison = page.getByTestId('comparison-panel');
      await expect.poll(() => comparison.getByTestId('comparison-table').locator('tbody tr').allTextContents()).toEqual([`${municipality}Zorggeschikt4060+20`]);
      expect(await comparison.getByTestId('comparison-sites').textContent()).toContain('Nieuwe locatie 1: gewijzigd');
      await expect.poll(async () => mapData<Record<string, number>>(page, 'scenarioCompare')).toEqual({ changed: 1 });
      const screenshots = async (name: string) => {
        await app.screenshot(`${name}-1280`);
        await page.setViewportSize({ width: 1440, height: 900 });
        await app.screenshot(`${name}-1440`);
        await page.setViewportSize(viewport);
      };
      await screenshots('65-scenario-comparison-nl');
      expect(await wcagViolations(page)).toEqual([]);

      // English: the same panels, checked and shown
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await expect.poll(() => comparison.locator('.panel-kind').textContent()).toBe('Compare two scenarios');
      await screenshots('66-scenario-comparison-en');
      expect(await wcagViolations(page)).toEqual([]);
      await page.getByTestId('site-list').getByRole('button', { name: 'Nieuwe locatie 1' }).click();
      await expect.poll(() => page.getByTestId('site-panel').locator('.panel-kind').textContent()).toBe('Site in scenario Meer zorg');
      await screenshots('67-scenario-site-panel-en');
      expect(await wcagViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
      await expect.poll(() => page.getByTestId('site-panel').locator('.panel-kind').textContent()).toBe('Locatie in scenario Meer zorg');
      await screenshots('68-scenario-site-panel-nl');
      expect(await wcagViolations(page)).toEqual([]);

      // Delete with undo
      await page.getByRole('button', { name: 'Scenario Meer zorg verwijderen' }).click();
      await expect.poll(() => page.getByTestId('scenario-list').locator('li').count()).toBe(1);
      await page.getByRole('button', { name: 'Verwijderen ongedaan maken' }).click();
      await expect.poll(() => page.getByTestId('scenario-list').locator('li').count()).toBe(2);
      expect(await page.getByTestId('scenario-list').textContent()).toContain('Meer zorg');
      expect(app.pageErrors).toEqual([]);
      await page.context().close();
    }
  });
});
