// WCAG 2.1/2.2 AA in the built app: axe (wcag2a … wcag22aa) on every screen and dialog in Dutch and
// English, skip links and keyboard-only use of map and project list, Dutch (or English) names for the
// map's controls, the project list matching the map's features, visible focus on every focusable
// element, no sideways scrolling at 320 CSS px, and `<html lang>` following the language switch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle, type AppPage } from './appPage';
import { wcagViolations, type AxeViolation } from './axe';
import { TEST_CSV } from './testFiles';

const OVERPASS_URL = 'https://overpass-api.de/api/interpreter';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type Language = 'nl' | 'en';

/** Dutch and English labels the walk needs. */
const LABELS = {
  nl: {
    reachHere: 'Bereikbaarheid van deze locatie',
    projectTable: 'Bereikbaarheid sleutelprojecten',
    readFile: 'Bestand lezen',
    confirm: 'Bevestigen en verder',
    editColumns: 'Kolommen aanpassen',
    cancel: 'Annuleren',
    fetchOsm: 'Voorzieningen ophalen',
    sources: 'Bronnen',
    zoomIn: 'Inzoomen',
    zoomOut: 'Uitzoomen',
  },
  en: {
    reachHere: 'Reachability of this location',
    projectTable: 'Reachability of key projects',
    readFile: 'Read file',
    confirm: 'Confirm and continue',
    editColumns: 'Change columns',
    cancel: 'Cancel',
    fetchOsm: 'Fetch facilities',
    sources: 'Sources',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
  },
} as const;

/**
 * Test data: three made-up locations on the TOP10NL 2025 town centres of Zwolle, Enschede and
 * Deventer, a made-up point west of the province (so the import asks to confirm the coordinates)
 * and a row with an unknown category (so the result lists a rejection).
 */

async function axeContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'nl-NL' });
  // OpenStreetMap answers 504 (a local stub), so the OSM panel's error state can be checked too.
  await context.route(OVERPASS_URL, (route) => route.fulfill({ status: 504, contentType: 'text/plain', body: 'Gateway Timeout' }));
  return context;
}

async function openIn(language: Language, context: BrowserContext): Promise<AppPage> {
  const app = await openApp(browser, { context, stubbedUrls: [OVERPASS_URL] });
  await waitForMapIdle(app.page);
  if (language === 'en') await app.page.getByRole('button', { name: 'Switch to English' }).click();
  await expect.poll(() => app.page.locator('html').getAttribute('lang')).toBe(language);
  return app;
}

/** Visits every screen and dialog, running axe on each; returns the violations per screen (empty when all pass). */
async function walkScreens(app: AppPage, language: Language): Promise<Record<string, AxeViolation[]>> {
  const { page } = app;
  const labels = LABELS[language];
  const found: Record<string, AxeViolation[]> = {};
  const check = async (screen: string) => {
    const violations = await wcagViolations(page);
    if (violations.length > 0) found[screen] = violations;
  };

  await check('start');
  await page.locator('#municipality-search').fill('Zwolle');
  await page.locator('#municipality-list button').first().click();
  await page.getByTestId('municipality-panel').waitFor();
  await check('municipality panel');
  await page.locator('.region-choice[data-area="west-overijssel"]').click();
  await page.getByTestId('region-panel').waitFor();
  await check('region panel West-Overijssel');
  await page.locator('.region-choice[data-area="overijssel"]').click();
  await page.getByTestId('region-panel').locator('[data-testid="area-regions"]').waitFor();
  await check('region panel Overijssel');

  await page.locator('#key-project-search').fill('Stadshagen');
  await page.locator('#key-project-search').press('Enter');
  await page.getByTestId('key-project-panel').waitFor();
  await check('key-project panel');
  await page.getByRole('button', { name: labels.reachHere }).click();
  await page.getByTestId('reachability-panel').locator('[data-testid="reach-categories"]').waitFor({ timeout: 20_000 });
  await check('reachability panel');
  await page.getByRole('button', { name: labels.projectTable }).click();
  await page.getByTestId('reach-table-dialog').locator('[data-testid="reach-table"] tbody tr').first().waitFor({ timeout: 20_000 });
  await check('project table');
  await page.keyboard.press('Escape');

  await page.locator('#import-open-button').click();
  const dialog = page.locator('dialog.import-dialog');
  await dialog.waitFor({ state: 'visible' });
  await dialog.getByRole('button', { name: labels.readFile }).click(); // nothing chosen: the step's alert
  await expect.poll(() => page.locator('#import-alert').textContent()).not.toBe('');
  expect(await page.locator('#import-alert').getAttribute('role')).toBe('alert');
  await check('import dialog: choose, with its error');
  await page.locator('#import-file').setInputFiles({ name: 'testlocaties.csv', mimeType: 'text/csv', buffer: Buffer.from(TEST_CSV, 'utf8') });
  await page.locator('#import-source').fill('Testbestand van de browsertest');
  await dialog.getByRole('button', { name: labels.readFile }).click();
  await page.locator('dialog.import-dialog[data-step="coordinates"]').waitFor();
  await check('import dialog: coordinates');
  await dialog.getByRole('button', { name: labels.confirm }).click();
  await page.locator('dialog.import-dialog[data-step="result"]').waitFor();
  await check('import dialog: result');
  await dialog.getByRole('button', { name: labels.editColumns }).click();
  await page.locator('dialog.import-dialog[data-step="mapping"]').waitFor();
  await check('import dialog: mapping');
  await dialog.getByRole('button', { name: labels.cancel }).click();
  await dialog.waitFor({ state: 'hidden' });

  await page.getByRole('button', { name: labels.fetchOsm }).click();
  await page.getByTestId('osm-failed').waitFor({ timeout: 20_000 });
  await check('OpenStreetMap panel with an error');

  await page.getByRole('button', { name: labels.sources, exact: true }).click();
  await page.locator('.sources-dialog[open]').waitFor();
  await check('sources dialog');
  await page.keyboard.press('Escape');
  return found;
}

describe('axe: WCAG 2.0, 2.1 and 2.2 A/AA', () => {
  for (const language of ['nl', 'en'] as const) {
    it(`every screen and dialog passes axe in ${language === 'nl' ? 'Dutch' : 'English'}, with the map's controls named in that language`, { timeout: 240_000 }, async () => {
      const context = await axeContext();
      const app = await openIn(language, context);
      await expect.poll(() => app.page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).toBe(LABELS[language].zoomIn);
      await expect.poll(() => app.page.locator('.maplibregl-ctrl-zoom-out').getAttribute('title')).toBe(LABELS[language].zoomOut);
      expect(await walkScreens(app, language)).toEqual({});
      expect(app.pageErrors).toEqual([]);
      await context.close();
    });
  }

  it('the error banner passes axe in both languages and is announced as an alert', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.route('**/geo/woondeal/gerealiseerde-woningen.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"schemaVersion": 1, "rows": [ {"gemeente": ' }),
    );
    const app = await openApp(browser, { context });
    await waitForMapIdle(app.page);
    const banner = app.page.locator('.data-problems');
    await expect.poll(() => banner.textContent()).toContain('gerealiseerde-woningen.json');
    expect(await banner.getAttribute('role')).toBe('alert');
    expect(await wcagViolations(app.page)).toEqual([]);
    await app.page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => app.page.locator('#data-problems-title').textContent()).not.toBe('');
    expect(await wcagViolations(app.page)).toEqual([]);
    await context.close();
  });
});

describe('keyboard only', () => {
  it('skip links reach the map and the project list; Enter opens a project with focus in its panel, Esc returns; the map zooms and pans by keyboard and does not trap focus', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await waitForMapIdle(page);
    const active = () => page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return { tag: element?.tagName ?? '', text: element?.textContent?.trim() ?? '', classes: element?.className ?? '', projectId: element?.dataset['projectId'] ?? '', inDetails: Boolean(element?.closest('#details')) };
    });

    // First Tab: the skip link to the map, visible when focused.
    await page.keyboard.press('Tab');
    expect((await active()).text).toBe('Naar de kaart');
    const skipBox = await page.locator('.skip-links a').first().boundingBox();
    expect(skipBox!.y).toBeGreaterThanOrEqual(0);
    await app.screenshot('a11y-01-skip-link');
    await page.keyboard.press('Enter');
    expect((await active()).classes).toContain('maplibregl-canvas');

    // + zooms in, ArrowRight moves the centre east.
    const view = async () => {
      const [lon, lat] = ((await page.locator('#map').getAttribute('data-center')) ?? '').split(',').map(Number);
      return { zoom: Number(await page.locator('#map').getAttribute('data-zoom')), lon: lon!, lat: lat! };
    };
    const before = await view();
    await page.keyboard.press('+');
    await expect.poll(async () => (await view()).zoom).toBeGreaterThan(before.zoom + 0.5);
    const zoomed = await view();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await view()).lon).toBeGreaterThan(zoomed.lon);

    // Tab leaves the map: to its zoom control, named in Dutch.
    await page.keyboard.press('Tab');
    const afterMap = await active();
    expect(afterMap.classes).not.toContain('maplibregl-canvas');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Inzoomen');

    // Back to the top (Shift+Tab), then the second skip link: the project list.
    for (let step = 0; step < 200 && (await active()).text !== 'Naar de lijst met sleutelprojecten'; step += 1) await page.keyboard.press('Shift+Tab');
    expect((await active()).text).toBe('Naar de lijst met sleutelprojecten');
    await page.keyboard.press('Enter');
    const first = await active();
    expect(first.projectId).not.toBe('');
    await page.keyboard.press('ArrowDown');
    const second = await active();
    expect(second.projectId).not.toBe(first.projectId);

    // Enter opens the project: focus moves into the details panel, onto its heading.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await active()).inDetails).toBe(true);
    expect((await active()).tag).toBe('H2');
    await page.getByTestId('key-project-panel').waitFor();
    // Esc returns focus to the project in the list.
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await active()).projectId).toBe(second.projectId);
    expect(app.pageErrors).toEqual([]);
  });

  it('the project list holds exactly the key projects the map draws, and each is reachable by keyboard', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('#map').getAttribute('data-key-project-features')).not.toBeNull();
    const onMap = ((await page.locator('#map').getAttribute('data-key-project-features')) ?? '').split(',').filter(Boolean);
    const listed = await page.locator('#key-project-list button').evaluateAll((buttons) => buttons.map((button) => (button as HTMLElement).dataset['projectId'] ?? ''));
    expect(onMap.length).toBe(52);
    expect([...listed].sort()).toEqual([...onMap].sort());

    await page.locator('#key-project-search').focus();
    const visited: string[] = [];
    for (let step = 0; step < listed.length; step += 1) {
      await page.keyboard.press('ArrowDown');
      visited.push(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['projectId'] ?? ''));
    }
    expect(visited).toEqual(listed);
  });

  it('every focusable element shows a visible focus indicator, all the way round the Tab order', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await waitForMapIdle(page);
    const seen: string[] = [];
    const invisible: string[] = [];
    for (let step = 0; step < 400; step += 1) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const label = element.id || element.getAttribute('aria-label') || element.textContent?.trim().slice(0, 40) || element.tagName;
        // A file input is drawn as its label's button, which carries the focus ring.
        const ringOn = element.matches('input[type="file"]') ? (element.closest('.file-picker')?.querySelector('.file-button') as HTMLElement | null) ?? element : element;
        const ring = getComputedStyle(ringOn);
        return { label, visible: (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none' || ring.outlineStyle !== 'none' };
      });
      if (focus === null) continue; // passing the browser's own UI between rounds
      if (seen[0] === focus.label && seen.length > 10) break;
      seen.push(focus.label);
      if (!focus.visible) invisible.push(focus.label);
    }
    expect(seen.length).toBeGreaterThan(40);
    expect(seen).toContain('municipality-search');
    expect(seen).toContain('key-project-search');
    expect(seen).toContain('import-open-button');
    expect(invisible).toEqual([]);
  });
});

describe('reflow and language', () => {
  for (const language of ['nl', 'en'] as const) {
    it(`no sideways scrolling at 320 CSS px in ${language === 'nl' ? 'Dutch' : 'English'}; <html lang> is "${language}"`, { timeout: 120_000 }, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
      const app = await openIn(language, context);
      await app.screenshot(`a11y-1280-${language}`);
      await app.page.setViewportSize({ width: 320, height: 640 });
      await waitForMapIdle(app.page);
      await expect.poll(() => app.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      // Also with a municipality and a key project open.
      await app.page.locator('#municipality-search').fill('Zwolle');
      await app.page.locator('#municipality-list button').first().click();
      await app.page.getByTestId('municipality-panel').waitFor();
      expect(await app.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      // On a phone the details open as a sheet under the map; the first tab brings back search and layers.
      await app.page.locator('.sheet-tabs button').first().click();
      await app.page.locator('#key-project-search').fill('Stadshagen');
      await app.page.locator('#key-project-search').press('Enter');
      await app.page.getByTestId('key-project-panel').waitFor();
      expect(await app.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await app.page.evaluate(() => window.scrollTo(0, 0));
      await app.page.screenshot({ path: `test-output/screenshots/a11y-320-${language}.png`, fullPage: true });
      expect(await app.page.locator('html').getAttribute('lang')).toBe(language);
      expect(app.pageErrors).toEqual([]);
      await context.close();
    });
  }
});
