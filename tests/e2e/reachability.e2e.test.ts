// Circles of reachability in the built app: "geen gegevens" without data, rings and distances with
// seeded test facilities (written to IndexedDB with the app's schema and marked isTestData), the
// key-project table with sorting, filter and CSV export, and the suitability grid with its legend.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Facility, FacilityCategory } from '../../src/domain/facility';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle } from './appPage';
import { seedFacilities, testDataset } from './seedFacilities';
import { metresAway } from './metresAway';

/** Categories the test dataset declares complete for the province. */
const REACH_CATEGORIES: FacilityCategory[] = ['supermarkt', 'huisarts', 'apotheek', 'ontmoetingsplek', 'zorg24uur'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Test facilities at known straight-line distances from `centre` (names say they are test data). */
function testFacilities(centre: [number, number], datasetId: string): Facility[] {
  const at = (id: string, name: string, category: FacilityCategory, eastMeters: number, northMeters: number): Facility => ({
    id,
    name,
    category,
    datasetId,
    attributes: {},
    location: metresAway(centre, eastMeters, northMeters),
  });
  return [
    at('s1', 'Testsupermarkt', 'supermarkt', 200, 0),
    at('h1', 'Testhuisarts', 'huisarts', 0, 400),
    at('a1', 'Testapotheek', 'apotheek', 0, -700),
    at('o1', 'Testbuurthuis', 'ontmoetingsplek', -300, 0),
    at('z1', 'Testverpleeghuis', 'zorg24uur', 0, -450),
  ];
}

async function analysedPoint(page: Page): Promise<[number, number]> {
  const panel = page.getByTestId('reachability-panel');
  await panel.locator('[data-testid="reach-categories"]').waitFor({ timeout: 20_000 });
  return [Number(await panel.getAttribute('data-lon')), Number(await panel.getAttribute('data-lat'))];
}

/** Mouse path: "Kies een locatie op de kaart", then a click on the map (inside the province at the start view). */
async function pickOnMap(page: Page): Promise<[number, number]> {
  await page.getByRole('button', { name: 'Kies een locatie op de kaart' }).click();
  const box = (await page.locator('#map canvas').boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.55);
  return analysedPoint(page);
}

/** Keyboard path: find the key project, open it, and press "Bereikbaarheid van deze locatie". */
async function analyseKeyProject(page: Page, query: string): Promise<[number, number]> {
  await page.locator('#key-project-search').fill(query);
  await page.locator('#key-project-search').press('Enter');
  await page.getByRole('button', { name: 'Bereikbaarheid van deze locatie' }).press('Enter');
  return analysedPoint(page);
}

async function waitForRings(page: Page): Promise<number> {
  await page.waitForFunction(() => Number(document.getElementById('map')?.dataset['reachRings'] ?? 0) > 0, null, { timeout: 20_000 });
  await waitForMapIdle(page);
  return Number(await page.locator('#map').getAttribute('data-reach-rings'));
}

async function waitForRowCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction((expected) => document.querySelectorAll('[data-testid="reach-table"] tbody tr').length === expected, count, { timeout: 10_000 });
}

describe('circles of reachability', () => {
  it('without facilities that count, says "geen gegevens" for every norm instead of "far away"', async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    await expect.poll(() => app.page.getByTestId('reach-no-facilities').isVisible()).toBe(true);
    await expect.poll(() => app.page.getByTestId('reach-stations-only').textContent()).toContain('36 treinstations; bus- en tramhaltes ontbreken');
    await pickOnMap(app.page);
    const verdicts = app.page.getByTestId('reach-verdicts');
    await expect.poll(() => verdicts.locator('[data-verdict]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-verdict')))).toEqual([
      'noData',
      'noData',
      'noData',
    ]);
    await expect.poll(() => verdicts.textContent()).toContain('geen gegevens');
    // railway stations are known locations, not all stops: the distance is "at most" and the OV norm "geen gegevens"
    const ovRow = app.page.locator('[data-testid="reach-categories"] tr[data-category="ovHalte"]');
    await expect.poll(() => ovRow.getByTestId('reach-distance').textContent()).toMatch(/^hoogstens [\d.]+ m$/);
    await expect.poll(() => ovRow.locator('[data-verdict]').getAttribute('data-verdict')).toBe('noData');
    expect(await waitForRings(app.page)).toBe(2);
    await app.screenshot('reach-01-no-data');
    expect(app.pageErrors).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  });

  it('with seeded test facilities, draws rings and lists the nearest facility per category with straight-line distances', async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    const centre = await analyseKeyProject(app.page, 'Zwolle Spoorzone');
    const datasetId = 'test-reachability';
    const facilities = testFacilities(centre, datasetId);
    await seedFacilities(app.page, testDataset(datasetId, 'Testvoorzieningen bereikbaarheid', REACH_CATEGORIES, facilities.length, '2026-11-23T00:00:00Z'), facilities);
    await app.page.reload();
    await waitForMapIdle(app.page);
    await expect.poll(() => app.page.locator('.dataset-row').filter({ hasText: 'Testvoorzieningen bereikbaarheid' }).textContent()).toContain('testgegevens');

    const before = await app.page.locator('#map canvas').screenshot();
    const again = await analyseKeyProject(app.page, 'Zwolle Spoorzone');
    await expect.poll(() => app.page.getByTestId('reach-approximate').textContent()).toContain('locatie bij benadering');
    expect(again[0]).toBeCloseTo(centre[0], 4);
    expect(again[1]).toBeCloseTo(centre[1], 4);
    expect(await waitForRings(app.page)).toBe(2);
    // five seeded facilities and the nearest railway station
    await expect.poll(() => app.page.locator('#map').getAttribute('data-reach-nearest-lines')).toBe('6');
    const after = await app.page.locator('#map canvas').screenshot();
    expect(after.equals(before)).toBe(false);

    const table = app.page.getByTestId('reach-categories');
    const distance = (category: string) => table.locator(`tr[data-category="${category}"]`).getByTestId('reach-distance').textContent();
    await expect.poll(() => distance('supermarkt')).toBe('200 m');
    await expect.poll(() => distance('huisarts')).toBe('400 m');
    await expect.poll(() => distance('apotheek')).toBe('700 m');
    // the seeded set is declared complete; the railway stations are not all public-transport stops
    await expect.poll(() => distance('ovHalte')).toMatch(/^hoogstens [\d.]+ m$/);
    await expect.poll(() => table.locator('tr[data-category="supermarkt"]').textContent()).toContain('Testsupermarkt');
    // nultreden (woonzorgzone): apotheek 700 m > 500 m, so not met; supermarket, GP and the railway
    // station the project is placed at (a known stop within 300 m proves OV-halte) met: 3 of 4
    const nultreden = app.page.locator('[data-testid="reach-verdicts"] li[data-housing-type="nultreden"]');
    await expect.poll(() => nultreden.textContent()).toContain('niet voldaan');
    await expect.poll(() => nultreden.textContent()).toContain('3 van 4');
    await app.screenshot('reach-02-rings-and-distances');

    // editing a norm: 800 m for the pharmacy switches to own norms; an absurd value is rejected
    await app.page.locator('.norm-editor summary').click();
    const pharmacy = app.page.locator('#norm-nultreden-apotheek');
    await pharmacy.fill('-5');
    await pharmacy.press('Enter');
    await pharmacy.blur();
    // the refusal is said at the field itself, tied to it for screen readers
    await expect.poll(() => pharmacy.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await pharmacy.getAttribute('aria-describedby');
    const fieldError = app.page.locator(`[id="${describedBy}"]`);
    await expect.poll(() => fieldError.textContent()).toContain('Niet overgenomen: 500 m blijft gelden');
    await expect.poll(() => fieldError.textContent()).toContain('-5');
    const [fieldBox, errorBox] = [await pharmacy.boundingBox(), await fieldError.boundingBox()];
    expect(errorBox!.y - (fieldBox!.y + fieldBox!.height)).toBeLessThan(40);
    await expect.poll(() => app.page.locator('#norm-profile-select').inputValue()).toBe('woonzorgzone');
    await app.page.locator('.norm-editor').screenshot({ path: 'test-output/screenshots/reach-03c-norm-refused-editor.png' });
    await pharmacy.fill('800');
    await pharmacy.blur();
    await expect.poll(() => app.page.locator('#norm-profile-select').inputValue()).toBe('custom');
    await expect.poll(() => app.page.locator('#norm-nultreden-apotheek').getAttribute('aria-invalid')).toBe(null);
    // the pharmacy at 700 m now lies within the edited 800 m: all four norms met
    await app.page.waitForFunction(() => document.querySelector('[data-testid="reach-verdicts"] li[data-housing-type="nultreden"]')?.textContent?.includes('4 van 4'));

    // the key-project table uses the same (edited) norms: Spoorzone now meets 4 of 4 for nultreden
    await app.page.getByRole('button', { name: 'Bereikbaarheid sleutelprojecten' }).click();
    const spoorzone = app.page.locator('[data-testid="reach-table"] tbody tr').filter({ hasText: 'Zwolle Spoorzone' });
    await expect.poll(() => spoorzone.locator('td.verdict-cell').first().textContent(), { timeout: 20_000 }).toContain('4 van 4');
    await app.page.locator('#reach-table-municipality').selectOption({ label: 'Zwolle' });
    await app.screenshot('reach-09-table-with-test-data');
    expect(app.pageErrors).toEqual([]);
  });

  it('lists the 50 key projects (52 with the outlook rows), sorts by column, filters by municipality and exports CSV', async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    await app.page.getByRole('button', { name: 'Bereikbaarheid sleutelprojecten' }).click();
    const dialog = app.page.getByTestId('reach-table-dialog');
    const rows = dialog.locator('[data-testid="reach-table"] tbody tr');
    await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="reach-table"] tbody tr').length > 0, null, { timeout: 20_000 });
    await expect.poll(() => rows.count()).toBe(50);
    await expect.poll(() => rows.first().textContent()).toContain('≈');

    await dialog.getByLabel('Toon ook de 2 rijen').check();
    await waitForRowCount(app.page, 52);
    await dialog.getByLabel('Toon ook de 2 rijen').uncheck();
    await waitForRowCount(app.page, 50);

    const nameHeader = dialog.locator('th', { has: app.page.getByRole('button', { name: /^Sleutelproject/ }) });
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
    const firstAscending = await rows.first().locator('th').textContent();
    await nameHeader.getByRole('button').press('Enter');
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await rows.first().locator('th').textContent()).not.toBe(firstAscending);

    await dialog.locator('#reach-table-municipality').selectOption({ label: 'Zwolle' });
    await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="reach-table"] tbody tr').length < 50);
    const zwolleCount = await rows.count();
    expect(zwolleCount).toBeGreaterThan(0);
    expect(zwolleCount).toBeLessThan(50);
    await app.screenshot('reach-03-project-table');
    await dialog.locator('#reach-table-municipality').selectOption('all');
    await waitForRowCount(app.page, 50);

    const [download] = await Promise.all([app.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Exporteer CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('bereikbaarheid-sleutelprojecten.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    // the table first (header + 50 rows), then after one empty line what the figures rest on
    const [table, about] = text.split('\r\n\r\n') as [string, string];
    const lines = table.split('\r\n');
    expect(lines).toHaveLength(51);
    expect(lines[0]).toContain('hemelsbreed (m)');
    expect(lines[0]).toContain('Locatie;Gemeente;Woningen 2024 t/m 2030;Precisie locatie;');
    const spoorzoneLine = lines.find((line) => line.includes(';Zwolle Spoorzone;'))!;
    expect(spoorzoneLine).toMatch(/;Zwolle Spoorzone;Zwolle;\d+;Locatie bij het station van de kern \(bij benadering\);/);
    const aboutLines = about.split('\r\n');
    expect(aboutLines[0]).toBe('Over deze export');
    expect(aboutLines.find((line) => line.startsWith('Datum;'))).toMatch(/^Datum;\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(aboutLines).toContain('Normprofiel;Woonzorgzone (400–500 m, ov 300 m)');
    expect(aboutLines).toContain('Loopsnelheid;Oudere (2,9 km/u)');
    expect(aboutLines).toContain('Gebruikte gegevensbronnen');
    // the shipped railway stations are used, and the export says they are only these locations (complete for no category)
    expect(aboutLines.some((line) => /DOVA/.test(line) && line.endsWith('Alleen deze locaties: OV-halte (bus, tram, trein)'))).toBe(true);

    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await app.page.getByLabel('Toon bij elk sleutelproject hoeveel normen voldaan zijn').check();
    await app.page.waitForFunction(() => Number(document.getElementById('map')?.dataset['reachProjectLabels'] ?? 0) === 52);
    await waitForMapIdle(app.page);
    await app.screenshot('reach-04-project-labels');
    expect(app.pageErrors).toEqual([]);
  });

  it('says "geen gegevens" on the suitability map when the needed categories have no data', async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    await expect.poll(() => app.page.getByTestId('reach-grid-legend').count()).toBe(0);
    await app.page.getByLabel('Aantal voldane normen (woningtype)').check();
    // only the railway stations are known: the legend names the categories without data, and every
    // municipality is hatched, because no category is complete anywhere (a count there is a minimum)
    await expect.poll(() => app.page.getByTestId('reach-grid-no-data').textContent(), { timeout: 30_000 }).toContain('Geen gegevens');
    await expect.poll(() => app.page.locator('#map').getAttribute('data-reach-grid-masked'), { timeout: 30_000 }).toBe('25');
    await expect.poll(() => app.page.getByTestId('reach-grid-outside-coverage').isVisible()).toBe(true);
    await waitForMapIdle(app.page);
    await app.screenshot('reach-05-grid-no-data');

    await app.page.getByLabel('Afstand tot één soort voorziening').check();
    await app.page.locator('#reach-grid-category').selectOption('supermarkt');
    await expect.poll(() => app.page.getByTestId('reach-grid-no-data').textContent()).toContain('Geen gegevens voor Supermarkt');
    expect(app.pageErrors).toEqual([]);
  });

  it('shows distance bands on the grid when the category has data, and the figures of a clicked cell', async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    const centre = await analyseKeyProject(app.page, 'Zwolle Spoorzone');
    const datasetId = 'test-reachability-grid';
    const facilities = testFacilities(centre, datasetId);
    await seedFacilities(app.page, testDataset(datasetId, 'Testvoorzieningen bereikbaarheid', REACH_CATEGORIES, facilities.length, '2026-11-23T00:00:00Z'), facilities);
    await app.page.reload();
    await waitForMapIdle(app.page);
    await app.page.getByLabel('Afstand tot één soort voorziening').check();
    await app.page.locator('#reach-grid-category').selectOption('supermarkt');
    await app.page.waitForFunction(() => Number(document.getElementById('map')?.dataset['reachGridFeatures'] ?? 0) > 0, null, { timeout: 30_000 });
    await waitForMapIdle(app.page);
    const legend = app.page.getByTestId('reach-grid-legend');
    await expect.poll(() => legend.textContent()).toContain('0–250 m');
    await expect.poll(() => legend.textContent()).toContain('meer dan 2.000 m');
    const box = (await app.page.locator('#map canvas').boundingBox())!;
    await app.page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.55);
    await app.page.waitForFunction(() => /\d+ m hemelsbreed tot Supermarkt/.test(document.querySelector('[data-testid="reach-grid-cell"]')?.textContent ?? ''));
    await waitForMapIdle(app.page);
    await app.screenshot('reach-06-grid-distance');
    await app.page.getByLabel('Aantal voldane normen (woningtype)').check();
    await expect.poll(() => legend.textContent(), { timeout: 30_000 }).toContain('0 van 4 normen');
    // OV-halte has only the railway stations, complete nowhere: every municipality is hatched, counts are a minimum
    await expect.poll(() => app.page.getByTestId('reach-grid-outside-coverage').textContent()).toContain('minimum');
    await expect.poll(() => app.page.locator('#map').getAttribute('data-reach-grid-masked')).toBe('25');
    await waitForMapIdle(app.page);
    await app.screenshot('reach-08-grid-norms-met');
    // the finer 100 m grid (about 340,000 cells) is scored in the worker and drawn as merged runs
    await app.page.locator('#reach-grid-cell-size').selectOption('100');
    await app.page.waitForFunction(() => Number(document.getElementById('map')?.dataset['reachGridCells'] ?? 0) > 300_000, null, { timeout: 30_000 });
    const features = Number(await app.page.locator('#map').getAttribute('data-reach-grid-features'));
    expect(features).toBeGreaterThan(0);
    expect(features).toBeLessThan(300_000);
    expect(app.pageErrors).toEqual([]);
  });
  it('works by keyboard: Esc cancels choosing, Enter on the map chooses its centre; English via the switch', async () => {
    const app = await openApp(browser);
    await waitForMapIdle(app.page);
    await app.page.getByRole('button', { name: 'Kies een locatie op de kaart' }).press('Enter');
    await expect.poll(() => app.page.locator('.pick-hint').textContent()).toContain('Esc annuleert');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => app.page.getByRole('button', { name: 'Kies een locatie op de kaart' }).count()).toBe(1);
    await expect.poll(() => app.page.locator('.pick-hint').textContent()).toBe('');

    await app.page.getByRole('button', { name: 'Kies een locatie op de kaart' }).press('Enter');
    await app.page.locator('#map canvas').focus();
    await app.page.keyboard.press('Enter');
    await analysedPoint(app.page);
    expect(await waitForRings(app.page)).toBe(2);

    await app.page.getByRole('button', { name: 'Switch to English' }).click();
    const panel = app.page.getByTestId('reachability-panel');
    await expect.poll(() => panel.textContent()).toContain('Nearest facility per category');
    await expect.poll(() => app.page.getByTestId('reach-verdicts').textContent()).toContain('no data');
    await app.screenshot('reach-07-keyboard-english');
    expect(app.pageErrors).toEqual([]);
  });
});
