// Declared coverage in real Chromium: a 5-row file of Zwolle facilities is "only these locations" by
// default, so a Zwolle project next to the file's supermarket reads "voldaan" for it while Bathmen
// reads "geen gegevens", not "niet voldaan". Declaring a category complete later in the dataset list
// turns Bathmen's verdict for it into "niet voldaan", and the declaration survives a reload.
// The border rule: a file complete for Zwolle only gives "niet voldaan" where the whole norm circle
// lies in Zwolle; 120 m from Zwolle's border the same missing supermarket gives "geen gegevens".
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { booleanPointInPolygon, destination, distance, polygonToLine, pointToLineDistance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle } from './appPage';
import { wcagViolations } from './axe';
import { metresAway } from './metresAway';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const DATASET_NAME = 'Testvoorzieningen Zwolle (e2e)';

/**
 * Test data, not real facilities: five made-up Zwolle facilities at known straight-line distances from
 * the approximate location of key project Zwolle Spoorzone (`centre`), as a Dutch Excel CSV.
 */
function zwolleCsv(centre: [number, number]): string {
  const at = (eastMeters: number, northMeters: number) =>
    [...metresAway(centre, eastMeters, northMeters)].reverse().map((value) => value.toFixed(6).replace('.', ',')).join(';');
  return [
    'naam;categorie;lat;lon',
    `Testhuisarts Zwolle;huisarts;${at(0, 250)}`,
    `Testapotheek Zwolle;apotheek;${at(0, -900)}`,
    `Testsupermarkt Zwolle;supermarkt;${at(150, 0)}`,
    `Testbuurthuis Zwolle;ontmoetingsplek;${at(-300, 0)}`,
    `Testwoonzorgcentrum Zwolle;woonzorgcentrum;${at(0, -450)}`,
  ].join('\r\n');
}

/** Zwolle's outline from the shipped CBS municipality boundaries. */
function zwolleOutline(): Feature<Polygon | MultiPolygon> {
  const boundaries = JSON.parse(readFileSync('geo/boundaries/overijssel-gemeenten-cbs-2026.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { statnaam: string }>;
  return boundaries.features.find((feature) => feature.properties.statnaam === 'Zwolle')!;
}

/**
 * Test positions around a point well inside Zwolle: `nearBorder`, inside Zwolle and 120 m (along a
 * ray) from where the ray leaves the municipality, on the ray that leaves it soonest; and
 * `supermarket`, inside Zwolle, more than 1 km from both (so no supermarket is within any norm).
 */
function borderTestPositions(centre: [number, number]) {
  const zwolle = zwolleOutline();
  const inside = (point: number[]) => booleanPointInPolygon(point, zwolle);
  let best: { bearing: number; exitMeters: number } | null = null;
  for (let bearing = -180; bearing < 180; bearing += 15) {
    let meters = 0;
    while (inside(destination(centre, (meters + 20) / 1000, bearing).geometry.coordinates)) meters += 20;
    while (inside(destination(centre, (meters + 1) / 1000, bearing).geometry.coordinates)) meters += 1;
    if (!best || meters < best.exitMeters) best = { bearing, exitMeters: meters };
  }
  const nearBorder = destination(centre, (best!.exitMeters - 120) / 1000, best!.bearing).geometry.coordinates as [number, number];
  let supermarket: [number, number] | null = null;
  for (let step = 0; step < 24 && !supermarket; step += 1) {
    const candidate = destination(centre, 1.2, best!.bearing + 180 + step * 15).geometry.coordinates as [number, number];
    if (inside(candidate) && distance(candidate, nearBorder) > 1) supermarket = candidate;
  }
  const borderMeters = (point: [number, number]) =>
    Math.min(...[polygonToLine(zwolle)].flatMap((lines) => ('features' in lines ? lines.features : [lines])).map((line) => pointToLineDistance(point, line as never) * 1000));
  return { nearBorder, supermarket: supermarket!, exitMeters: best!.exitMeters, borderMeters, inside };
}

function csvPosition([lon, lat]: [number, number]): string {
  return [lat, lon].map((value) => value.toFixed(6).replace('.', ',')).join(';');
}

/** Opens the import dialog, reads `csv` as the test dataset and waits for the result step; returns the dialog. */
async function readCsvToResult(page: Page, fileName: string, csv: string) {
  await page.locator('#import-open-button').click();
  const dialog = page.locator('dialog.import-dialog');
  await dialog.waitFor({ state: 'visible' });
  await page.locator('#import-file').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.locator('#import-name').fill(DATASET_NAME);
  await page.locator('#import-source').fill('Testbestand van de browsertest');
  await dialog.getByRole('button', { name: 'Bestand lezen' }).click();
  await page.waitForSelector('dialog.import-dialog[data-step="result"], dialog.import-dialog[data-step="coordinates"]');
  if ((await dialog.getAttribute('data-step')) === 'coordinates') await dialog.getByRole('button', { name: 'Bevestigen en verder' }).click();
  await page.locator('dialog.import-dialog[data-step="result"]').waitFor();
  return dialog;
}

async function analyseKeyProject(page: Page, name: string): Promise<[number, number]> {
  await page.locator('#key-project-search').fill(name);
  await page.locator('#key-project-search').press('Enter');
  await page.getByRole('button', { name: 'Bereikbaarheid van deze locatie' }).click();
  const panel = page.getByTestId('reachability-panel');
  await expect.poll(() => panel.locator('h2').textContent(), { timeout: 15_000 }).toContain(name);
  await panel.locator('[data-testid="reach-categories"]').waitFor({ timeout: 20_000 });
  return [Number(await panel.getAttribute('data-lon')), Number(await panel.getAttribute('data-lat'))];
}

/** The verdict shown for one category's norm (housing type nultreden) in the reachability panel. */
function normVerdict(page: Page, category: string) {
  return page.locator(`[data-testid="reach-categories"] tr[data-category="${category}"] [data-verdict]`).getAttribute('data-verdict');
}

function housingVerdicts(page: Page) {
  return page.getByTestId('reach-verdicts').locator('[data-verdict]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-verdict')));
}

function datasetRow(page: Page) {
  return page.locator('.dataset-row', { hasText: DATASET_NAME });
}

describe('declared coverage of an imported file', () => {
  it('a 5-row Zwolle file: "voldaan" next to its supermarket, "geen gegevens" (not "niet voldaan") in Bathmen; a later declaration persists', async () => {
    const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
    const { page } = app;
    await waitForMapIdle(page);
    const spoorzone = await analyseKeyProject(page, 'Zwolle Spoorzone');

    // --- import, with the coverage step at its default ---
    const dialog = await readCsvToResult(page, 'zwolle.csv', zwolleCsv(spoorzone));
    await expect(page.getByTestId('import-accepted-count').textContent()).resolves.toBe('5');

    const coverage = page.getByTestId('import-coverage');
    await expect(coverage.locator('fieldset.coverage-category').count()).resolves.toBe(5);
    // the default for every category: only these locations
    await expect(coverage.locator('input[value="locationsOnly"]:checked').count()).resolves.toBe(5);

    // by keyboard: "volledig voor gemeente(n)" for the supermarket opens a labelled list with Zwolle ticked beforehand
    const supermarket = coverage.locator('fieldset.coverage-category[data-category="supermarkt"]');
    await supermarket.getByLabel('Volledig voor gemeente(n) …').focus();
    await page.keyboard.press('Space');
    const municipalities = supermarket.getByRole('group', { name: 'Gemeenten waarvoor Supermarkt volledig is' });
    await municipalities.waitFor();
    await expect(municipalities.getByLabel('Zwolle', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(municipalities.locator('input[type="checkbox"]').count()).resolves.toBe(25);
    await municipalities.getByLabel('Kampen', { exact: true }).focus();
    await page.keyboard.press('Space');
    await expect(municipalities.getByLabel('Kampen', { exact: true }).isChecked()).resolves.toBe(true);
    // the count re-renders after the native checkbox changes: wait for it
    await expect.poll(() => municipalities.textContent()).toContain('2 gekozen');
    await supermarket.scrollIntoViewIfNeeded();
    await app.screenshot('coverage-01-import-step-nl-1280');
    // back to the default before saving: the file is complete nowhere
    await supermarket.getByLabel('Alleen deze locaties (niet volledig)').check();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // the dataset list says what the file covers
    await expect.poll(() => datasetRow(page).getByTestId('dataset-coverage').textContent()).toContain(
      'Alleen deze locaties: Woonzorgcentrum, Huisarts, Apotheek, Supermarkt, Ontmoetingsplek',
    );

    // --- Zwolle Spoorzone: the supermarket 150 m away proves "voldaan"; the pharmacy 900 m away is no proof of "niet voldaan" ---
    await analyseKeyProject(page, 'Zwolle Spoorzone');
    await expect.poll(() => normVerdict(page, 'supermarkt'), { timeout: 20_000 }).toBe('met');
    await expect.poll(() => page.locator('[data-testid="reach-categories"] tr[data-category="supermarkt"]').getByTestId('reach-distance').textContent()).toBe('hoogstens 150 m');
    await expect.poll(() => normVerdict(page, 'apotheek')).toBe('noData');

    // --- Bathmen, 30 km from every facility of the file: "geen gegevens", never "niet voldaan" ---
    await analyseKeyProject(page, 'Bathmen');
    await expect.poll(() => normVerdict(page, 'huisarts'), { timeout: 20_000 }).toBe('noData');
    await expect.poll(() => housingVerdicts(page)).toEqual(['noData', 'noData', 'noData']);
    await expect.poll(() => page.getByTestId('reach-incomplete-here').textContent()).toContain('Huisarts');
    await page.waitForTimeout(300);
    await app.screenshot('coverage-02-bathmen-no-data');

    // the key-project table agrees
    await page.getByRole('button', { name: 'Bereikbaarheid sleutelprojecten' }).click();
    const bathmenRow = page.locator('[data-testid="reach-table"] tbody tr[data-project-id="deventer-bathmen"]');
    await expect.poll(() => bathmenRow.locator('td.verdict-cell [data-verdict]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-verdict'))), { timeout: 20_000 }).toEqual([
      'noData',
      'noData',
      'noData',
    ]);
    await expect.poll(() => bathmenRow.locator('td[data-category="huisarts"]').textContent()).toMatch(/^≤ \d/);
    await page.getByTestId('reach-table-dialog').getByRole('button', { name: 'Sluiten' }).click();

    // --- later, in the dataset list: supermarkets complete for all of Overijssel ---
    await datasetRow(page).getByRole('button', { name: `Dekking wijzigen: ${DATASET_NAME}` }).click();
    const editor = datasetRow(page).locator('form.coverage-edit');
    await editor.locator('fieldset.coverage-category[data-category="supermarkt"]').getByLabel('Volledig voor heel Overijssel').check();
    await editor.scrollIntoViewIfNeeded();
    await app.screenshot('coverage-03-dataset-list-edit-nl-1280');
    await editor.getByRole('button', { name: 'Dekking opslaan' }).click();
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => datasetRow(page).getByTestId('dataset-coverage').textContent()).toContain('Volledig voor heel Overijssel: Supermarkt');
    await datasetRow(page).scrollIntoViewIfNeeded();
    await app.screenshot('coverage-04-dataset-list-nl-1280');
    // the verdict follows at once: now Bathmen does not meet the supermarket norm
    await expect.poll(() => normVerdict(page, 'supermarkt'), { timeout: 20_000 }).toBe('notMet');
    await expect.poll(() => normVerdict(page, 'huisarts')).toBe('noData');

    // --- the declaration is stored with the dataset ---
    await page.reload();
    await waitForMapIdle(page);
    await expect.poll(() => datasetRow(page).getByTestId('dataset-coverage').textContent(), { timeout: 15_000 }).toContain('Volledig voor heel Overijssel: Supermarkt');
    await analyseKeyProject(page, 'Bathmen');
    await expect.poll(() => normVerdict(page, 'supermarkt'), { timeout: 20_000 }).toBe('notMet');
    await expect.poll(() => normVerdict(page, 'huisarts')).toBe('noData');
    expect(app.pageErrors).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  }, 180_000);

  it('border rule: complete for Zwolle only, a missing supermarket is "niet voldaan" well inside Zwolle and "geen gegevens" 120 m from its border', async () => {
    const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
    const { page } = app;
    await waitForMapIdle(page);
    const spoorzone = await analyseKeyProject(page, 'Zwolle Spoorzone');
    const positions = borderTestPositions(spoorzone);
    // the premises, checked on the shipped outline: the station area's circle lies inside Zwolle, the other point's does not
    expect(positions.inside(spoorzone)).toBe(true);
    expect(positions.exitMeters).toBeGreaterThan(1500);
    expect(positions.inside(positions.nearBorder)).toBe(true);
    // at most 120 m along the ray, so at most that (plus the 1 m search step) straight to the border
    expect(positions.borderMeters(positions.nearBorder)).toBeLessThanOrEqual(121);
    expect(positions.inside(positions.supermarket)).toBe(true);
    expect(distance(positions.supermarket, spoorzone) * 1000).toBeGreaterThan(1000);
    const csv = [
      'naam;categorie;lat;lon',
      `Testsupermarkt Zwolle;supermarkt;${csvPosition(positions.supermarket)}`,
      `Testbuurthuis bij de gemeentegrens;ontmoetingsplek;${csvPosition(positions.nearBorder)}`,
    ].join('\r\n');

    const dialog = await readCsvToResult(page, 'zwolle-grens.csv', csv);
    await expect(page.getByTestId('import-accepted-count').textContent()).resolves.toBe('2');
    // supermarkets: complete for Zwolle only (the list comes ticked with the municipality that holds the points)
    const supermarket = page.getByTestId('import-coverage').locator('fieldset.coverage-category[data-category="supermarkt"]');
    await supermarket.getByLabel('Volledig voor gemeente(n) …').check();
    const municipalities = supermarket.getByRole('group', { name: 'Gemeenten waarvoor Supermarkt volledig is' });
    await expect(municipalities.getByLabel('Zwolle', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(municipalities.textContent()).resolves.toContain('1 gekozen');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => datasetRow(page).getByTestId('dataset-coverage').textContent()).toContain('Volledig voor Zwolle: Supermarkt');

    // well inside Zwolle: no supermarket within the norm, and the whole circle is in the complete area
    await analyseKeyProject(page, 'Zwolle Spoorzone');
    await expect.poll(() => normVerdict(page, 'supermarkt'), { timeout: 20_000 }).toBe('notMet');
    const supermarketRow = page.locator('[data-testid="reach-categories"] tr[data-category="supermarkt"]');
    await expect.poll(() => supermarketRow.textContent()).toContain('niet voldaan');
    await page.waitForTimeout(300);
    await app.screenshot('coverage-07-border-rule-inside-nl-1280');

    // 120 m from the border, from the map: bring it into view by a link, click the meeting place there,
    // then analyse its location
    await page.getByRole('checkbox', { name: 'Sleutelprojecten', exact: true }).uncheck();
    await page.evaluate(([lon, lat]) => {
      location.hash = `map=15/${lat}/${lon}`;
    }, positions.nearBorder);
    let target: { x: number; y: number } | undefined;
    await expect
      .poll(
        async () => {
          await waitForMapIdle(page);
          const text = (await page.locator('#map').getAttribute('data-facility-points')) ?? '';
          const entry = text.split('|').find((item) => item.startsWith('Testbuurthuis bij de gemeentegrens@'));
          if (!entry) return false;
          const [x, y] = entry.split('@')[1]!.split(',').map(Number) as [number, number];
          target = { x, y };
          return true;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await page.locator('#map canvas').click({ position: target! });
    const facilityPanel = page.getByTestId('facility-panel');
    await expect.poll(() => facilityPanel.locator('h2').textContent(), { timeout: 15_000 }).toContain('Testbuurthuis bij de gemeentegrens');
    await facilityPanel.getByRole('button', { name: 'Bereikbaarheid van deze locatie' }).click();
    const panel = page.getByTestId('reachability-panel');
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: 15_000 }).toContain('Testbuurthuis bij de gemeentegrens');
    await expect.poll(async () => Math.abs(Number(await panel.getAttribute('data-lon')) - positions.nearBorder[0]), { timeout: 15_000 }).toBeLessThan(1e-5);
    await expect.poll(() => normVerdict(page, 'supermarkt'), { timeout: 20_000 }).toBe('noData');
    await expect.poll(() => supermarketRow.textContent()).toContain('geen gegevens');
    await expect.poll(() => page.getByTestId('reach-incomplete-here').textContent()).toContain('Supermarkt');
    await page.waitForTimeout(300);
    await app.screenshot('coverage-08-border-rule-near-border-nl-1280');
    expect(app.pageErrors).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  }, 180_000);

  it('the coverage step and the dataset-list editor have no axe violations, in English too', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
    const app = await openApp(browser, { context });
    const { page } = app;
    await waitForMapIdle(page);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.locator('#import-open-button').click();
    const dialog = page.locator('dialog.import-dialog');
    await page.locator('#import-file').setInputFiles({ name: 'zwolle.csv', mimeType: 'text/csv', buffer: Buffer.from(zwolleCsv([6.091546, 52.509705]), 'utf8') });
    await page.locator('#import-name').fill(DATASET_NAME);
    await page.locator('#import-source').fill('Test file of the browser test');
    await dialog.getByRole('button', { name: 'Read file' }).click();
    await page.waitForSelector('dialog.import-dialog[data-step="result"], dialog.import-dialog[data-step="coordinates"]');
    if ((await dialog.getAttribute('data-step')) === 'coordinates') await dialog.locator('form button[type="submit"]').click();
    await page.locator('dialog.import-dialog[data-step="result"]').waitFor();
    const huisarts = page.getByTestId('import-coverage').locator('fieldset.coverage-category[data-category="huisarts"]');
    await huisarts.getByLabel('Complete for municipality(ies) …').check();
    // unticking the only municipality and saving marks the list invalid and says why
    await huisarts.getByRole('group', { name: 'Municipalities for which GP (huisarts) is complete' }).getByLabel('Zwolle', { exact: true }).uncheck();
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('#import-alert').textContent()).toContain('Choose at least one municipality');
    await expect(huisarts.locator('fieldset.coverage-municipalities').getAttribute('aria-invalid')).resolves.toBe('true');
    await huisarts.scrollIntoViewIfNeeded();
    await app.screenshot('coverage-05-import-step-en-1280');
    expect(await wcagViolations(page)).toEqual([]);
    await huisarts.getByLabel('Zwolle', { exact: true }).check();
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => datasetRow(page).getByTestId('dataset-coverage').textContent()).toContain('Complete for Zwolle: GP');

    await datasetRow(page).getByRole('button', { name: `Change coverage: ${DATASET_NAME}` }).click();
    const editor = datasetRow(page).locator('form.coverage-edit');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H4');
    await expect(editor.locator('fieldset.coverage-category[data-category="huisarts"] input[value="municipalities"]').isChecked()).resolves.toBe(true);
    expect(await wcagViolations(page)).toEqual([]);
    await editor.getByRole('button', { name: 'Cancel' }).click();
    // focus returns to the button that opened the editor
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Change coverage: ${DATASET_NAME}`);
    await datasetRow(page).scrollIntoViewIfNeeded();
    await app.screenshot('coverage-06-dataset-list-en-1280');
    expect(app.pageErrors).toEqual([]);
  }, 120_000);
});
