// "Import your own data" in real Chromium: upload a CSV, confirm coordinates, read the report,
// see the preview, save to IndexedDB (survives a reload), delete; cancel saves nothing; bad files explain themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle, type AppPage } from './appPage';
import { TEST_CSV } from './testFiles';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Test data, not real facilities: three made-up locations placed on the town centres of Zwolle,
 * Enschede and Deventer as TOP10NL 2025 gives them (geo/places/overijssel-plaatsen-top10nl-2025.geojson),
 * a made-up point west of the province (row 5) and a row with an unknown category (row 6).
 * Written as Dutch Excel does: `;` separator, decimal comma, CRLF.
 */

const DATASET_NAME = 'Testlocaties (e2e)';

function csvUpload(name: string, text: string) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

async function categoryText(page: Page, category: string): Promise<string> {
  return (await page.locator(`.category-list li[data-category="${category}"] label`).textContent()) ?? '';
}

function datasetRow(page: Page) {
  return page.locator('.dataset-row', { hasText: DATASET_NAME });
}

/** Opens the dialog, uploads the test CSV, describes it and reads it; stops at the coordinate step. */
async function uploadTestCsv(app: AppPage): Promise<void> {
  const { page } = app;
  await page.locator('#import-open-button').click();
  const dialog = page.locator('dialog.import-dialog');
  await dialog.waitFor({ state: 'visible' });
  await page.locator('#import-file').setInputFiles(csvUpload('testlocaties.csv', TEST_CSV));
  await expect(page.locator('#import-name').inputValue()).resolves.toBe('testlocaties');
  await page.locator('#import-name').fill(DATASET_NAME);
  await page.locator('#import-source').fill('Testbestand van de browsertest');
  await page.locator('#import-licence').fill('alleen voor tests');
  await app.screenshot('import-01-choose');
  await dialog.getByRole('button', { name: 'Bestand lezen' }).click();
  await page.locator('dialog.import-dialog[data-step="coordinates"]').waitFor();
}

async function confirmCoordinatesAndWaitForResult(app: AppPage): Promise<void> {
  const { page } = app;
  await page.locator('dialog.import-dialog').getByRole('button', { name: 'Bevestigen en verder' }).click();
  await page.locator('dialog.import-dialog[data-step="result"]').waitFor();
}

describe('importing your own facilities', () => {
  it('uploads a CSV, reports the rejected rows, saves to the browser, survives a reload and can be deleted', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await waitForMapIdle(page);
    await expect(categoryText(page, 'huisarts')).resolves.toContain(': 0');

    await uploadTestCsv(app);
    const detected = await page.getByTestId('import-detected-system').textContent();
    expect(detected).toContain('Lengtegraad, breedtegraad (WGS84)');
    expect(detected).toContain('4 van de 5 rijen');
    await expect(page.locator('input[name="import-coordinate-system"][value="wgs84"]').isChecked()).resolves.toBe(true);
    await app.screenshot('import-02-coordinates');

    await confirmCoordinatesAndWaitForResult(app);
    await expect(page.getByTestId('import-accepted-count').textContent()).resolves.toBe('3');
    await expect(page.getByTestId('import-rejected-count').textContent()).resolves.toBe('2');
    const report = page.getByTestId('import-report');
    await expect(report.locator('tbody tr').count()).resolves.toBe(2);
    await expect(report.locator('tr[data-record="5"] td').nth(0).textContent()).resolves.toBe('5');
    await expect(report.locator('tr[data-record="5"] td').nth(1).textContent()).resolves.toContain('buiten Overijssel');
    await expect(report.locator('tr[data-record="6"] td').nth(1).textContent()).resolves.toBe('Onbekende categorie "bakkerij".');
    // Nothing is saved while the planner reviews the result.
    await expect(categoryText(page, 'huisarts')).resolves.toContain(': 0');
    await page.waitForTimeout(500); // lets the map draw the preview before the picture
    await app.screenshot('import-03-result-preview');

    await page.locator('dialog.import-dialog').getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('dialog.import-dialog').waitFor({ state: 'hidden' });
    await expect(datasetRow(page).count()).resolves.toBe(1);
    await expect(datasetRow(page).locator('.dataset-meta').first().textContent()).resolves.toContain('3 voorzieningen · Testbestand van de browsertest · alleen voor tests');
    await expect(categoryText(page, 'huisarts')).resolves.toContain(': 2');
    await expect(categoryText(page, 'apotheek')).resolves.toContain(': 1');
    await page.waitForTimeout(500);
    await app.screenshot('import-04-saved');

    await page.reload();
    await waitForMapIdle(page);
    await datasetRow(page).waitFor();
    await expect(categoryText(page, 'huisarts')).resolves.toContain(': 2');

    page.once('dialog', (confirmation) => void confirmation.accept());
    await datasetRow(page).getByRole('button', { name: 'Verwijder' }).click();
    await datasetRow(page).waitFor({ state: 'detached' });
    await expect(categoryText(page, 'huisarts')).resolves.toContain(': 0');
    await page.reload();
    await waitForMapIdle(page);
    await expect(datasetRow(page).count()).resolves.toBe(0);
    await expect(categoryText(page, 'huisarts')).resolves.toContain(': 0');
    expect(app.pageErrors).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  });

  it('cancelling at the result step saves nothing and returns focus to the import button', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await waitForMapIdle(page);
    await uploadTestCsv(app);
    await confirmCoordinatesAndWaitForResult(app);
    await page.locator('dialog.import-dialog').getByRole('button', { name: 'Annuleren' }).click();
    await page.locator('dialog.import-dialog').waitFor({ state: 'hidden' });
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('import-open-button');
    await expect(datasetRow(page).count()).resolves.toBe(0);
    await expect(categoryText(page, 'huisarts')).resolves.toContain(': 0');
    await page.reload();
    await waitForMapIdle(page);
    await expect(datasetRow(page).count()).resolves.toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('replaces an imported dataset under the same name with the rows of a new file', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await waitForMapIdle(page);
    await uploadTestCsv(app);
    await confirmCoordinatesAndWaitForResult(app);
    await page.locator('dialog.import-dialog').getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('dialog.import-dialog').waitFor({ state: 'hidden' });
    await datasetRow(page).waitFor();

    await datasetRow(page).getByRole('button', { name: 'Vervang' }).click();
    await page.locator('dialog.import-dialog[open]').waitFor();
    await page.locator('#import-dialog-title', { hasText: 'vervangen' }).waitFor();
    await expect(page.locator('#import-dialog-title').textContent()).resolves.toBe(`Gegevensbron "${DATASET_NAME}" vervangen`);
    await expect(page.locator('#import-name').inputValue()).resolves.toBe(DATASET_NAME);
    const oneRow = ['naam;categorie;lat;lon', 'Testlocatie Zwolle;apotheek;52,509705;6,091546'].join('\r\n');
    await page.locator('#import-file').setInputFiles(csvUpload('vervanging.csv', oneRow));
    await page.locator('dialog.import-dialog').getByRole('button', { name: 'Bestand lezen' }).click();
    await page.locator('dialog.import-dialog[data-step="result"]').waitFor();
    await page.locator('dialog.import-dialog').getByRole('button', { name: 'Vervangen' }).click();
    await page.locator('dialog.import-dialog').waitFor({ state: 'hidden' });
    await expect(datasetRow(page).count()).resolves.toBe(1);
    await expect(datasetRow(page).locator('.dataset-meta').first().textContent()).resolves.toMatch(/^1 voorzieningen/);
    await expect(categoryText(page, 'huisarts')).resolves.toContain(': 0');
    await expect(categoryText(page, 'apotheek')).resolves.toContain(': 1');
    await page.reload();
    await waitForMapIdle(page);
    await datasetRow(page).waitFor();
    await expect(categoryText(page, 'apotheek')).resolves.toContain(': 1');
    expect(app.pageErrors).toEqual([]);
  });

  it('asks which column is which when the headers are not recognised, and can give all rows one category', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await waitForMapIdle(page);
    await page.locator('#import-open-button').click();
    // The same three test locations, under headers the import cannot guess and without a category column.
    const csv = [
      'instelling naam;noorderbreedte;oosterlengte',
      'Testlocatie Zwolle;52,509705;6,091546',
      'Testlocatie Enschede;52,214997;6,885504',
      'Testlocatie Deventer;52,257576;6,168881',
    ].join('\r\n');
    await page.locator('#import-file').setInputFiles(csvUpload('onbekende kolommen.csv', csv));
    await page.locator('#import-source').fill('Testbestand van de browsertest');
    const dialog = page.locator('dialog.import-dialog');
    await dialog.getByRole('button', { name: 'Bestand lezen' }).click();
    await page.locator('dialog.import-dialog[data-step="mapping"]').waitFor();
    await expect(page.locator('#import-name-column option').allTextContents()).resolves.toEqual(['– kies een kolom –', 'instelling naam', 'noorderbreedte', 'oosterlengte']);
    await page.locator('#import-name-column').selectOption('instelling naam');
    await dialog.getByLabel('Eén soort voor alle rijen').check();
    await page.locator('#import-fixed-category').selectOption('woonzorgcentrum');
    await page.locator('#import-x-column').selectOption('oosterlengte');
    await page.locator('#import-y-column').selectOption('noorderbreedte');
    await app.screenshot('import-07-mapping');
    await dialog.getByRole('button', { name: 'Verder' }).click();
    await page.locator('dialog.import-dialog[data-step="result"]').waitFor();
    await expect(page.getByTestId('import-accepted-count').textContent()).resolves.toBe('3');
    await expect(dialog.locator('p', { hasText: /^Per soort: / }).textContent()).resolves.toBe('Per soort: Woonzorgcentrum / geclusterd wonen voor ouderen 3.');
    await page.waitForTimeout(500);
    await app.screenshot('import-08-mapping-result');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await expect(datasetRow(page).count()).resolves.toBe(0);
  });

  it('shows progress while a large file is read, and Annuleren stops it without changing anything', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await waitForMapIdle(page);
    // 300,000 test rows (the three test locations repeated), large enough to still be reading when cancelled.
    const lines = ['naam;categorie;lat;lon'];
    const testRows = TEST_CSV.split('\r\n').slice(1, 4);
    for (let index = 0; index < 100_000; index += 1) for (const row of testRows) lines.push(row.replace(';', ` ${index};`));
    await page.locator('#import-open-button').click();
    await page.locator('#import-file').setInputFiles(csvUpload('groot testbestand.csv', lines.join('\r\n')));
    await page.locator('#import-source').fill('Testbestand van de browsertest');
    const dialog = page.locator('dialog.import-dialog');
    await dialog.getByRole('button', { name: 'Bestand lezen' }).click();
    await page.locator('dialog.import-dialog[data-step="running"]').waitFor();
    await expect(page.locator('#import-progress-text').getAttribute('role')).resolves.toBe('status');
    await app.screenshot('import-09-progress');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await page.locator('dialog.import-dialog[data-step="choose"]').waitFor();
    await expect(dialog.getByRole('alert').textContent()).resolves.toContain('Het importeren is afgebroken.');
    await expect(datasetRow(page).count()).resolves.toBe(0);
    await expect(page.locator('.dataset-row').count()).resolves.toBe(1); // only the embedded railway stations

    // The worker is still usable after a cancel.
    await page.locator('#import-file').setInputFiles(csvUpload('testlocaties.csv', TEST_CSV));
    await dialog.getByRole('button', { name: 'Bestand lezen' }).click();
    await page.locator('dialog.import-dialog[data-step="coordinates"]').waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('reads a CSV saved by Excel in Windows-1252 and says so in the result', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await waitForMapIdle(page);
    await page.locator('#import-open-button').click();
    const csv = ['naam;categorie;lat;lon', 'Testlocatie café Zwolle;ontmoetingsplek;52,509705;6,091546'].join('\r\n');
    await page.locator('#import-file').setInputFiles({ name: 'excel.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'latin1') });
    await page.locator('#import-source').fill('Testbestand van de browsertest');
    const dialog = page.locator('dialog.import-dialog');
    await dialog.getByRole('button', { name: 'Bestand lezen' }).click();
    await page.locator('dialog.import-dialog[data-step="result"]').waitFor();
    await expect(dialog.locator('section[aria-labelledby="import-warnings-title"] li').textContent()).resolves.toContain('niet in UTF-8 opgeslagen');
    await expect(page.getByTestId('import-accepted-count').textContent()).resolves.toBe('1');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(categoryText(page, 'ontmoetingsplek')).resolves.toContain(': 1');
  });

  it('explains an empty file and an HTML page instead of importing them', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await waitForMapIdle(page);
    await page.locator('#import-open-button').click();
    const dialog = page.locator('dialog.import-dialog');
    await page.locator('#import-source').fill('Testbestand');

    await page.locator('#import-file').setInputFiles({ name: 'leeg.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    await dialog.getByRole('button', { name: 'Bestand lezen' }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('Het bestand leeg.csv is leeg.');
    await app.screenshot('import-05-empty-file');

    const html = '<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>';
    await page.locator('#import-file').setInputFiles(csvUpload('download.csv', html));
    await dialog.getByRole('button', { name: 'Bestand lezen' }).click();
    await page.waitForFunction(() => document.querySelector('dialog.import-dialog [role="alert"]')?.textContent?.includes('webpagina'));
    await expect(alert.textContent()).resolves.toContain('Het bestand download.csv is een webpagina, geen gegevensbestand.');
    await app.screenshot('import-06-html-file');
    await expect(datasetRow(page).count()).resolves.toBe(0);
  });

  it('says once that a header-only CSV has no rows, and rejects rows across the province border by name of the border', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await waitForMapIdle(page);
    await page.locator('#import-open-button').click();
    const dialog = page.locator('dialog.import-dialog');
    await page.locator('#import-source').fill('Testbestand');
    await page.locator('#import-file').setInputFiles(csvUpload('alleen-kop.csv', 'naam;categorie;lat;lon\r\n'));
    await dialog.getByRole('button', { name: 'Bestand lezen' }).click();
    await page.waitForFunction(() => document.querySelector('dialog.import-dialog [role="alert"]')?.textContent?.includes('kopregel'));
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('heeft alleen een kopregel');
    expect(text).not.toContain('Alle rijen zijn overgenomen');
    expect(text).not.toContain('Geen enkele rij kon worden overgenomen');

    // Test points on town centres just across the border (inside the bounding box) and one in Zwolle; a 200,000-character name.
    const acrossTheBorder = [
      'naam;categorie;lat;lon',
      `${'Testlocatie met een hele lange naam '.repeat(5600)};huisarts;52,509705;6,091546`,
      'Testpunt Nordhorn;huisarts;52,4336;7,0708',
      'Testpunt Hoogeveen;huisarts;52,7225;6,4764',
      'Testpunt Apeldoorn;huisarts;52,2112;5,9699',
    ].join('\r\n');
    await page.locator('#import-file').setInputFiles(csvUpload('grens.csv', acrossTheBorder));
    await dialog.getByRole('button', { name: 'Bestand lezen' }).click();
    await page.locator('dialog.import-dialog[data-step="result"]').waitFor();
    await expect(page.getByTestId('import-accepted-count').textContent()).resolves.toBe('1');
    const reasons = await page.getByTestId('import-report').locator('tbody tr').allTextContents();
    expect(reasons).toHaveLength(3);
    for (const reason of reasons) expect(reason).toContain('buiten de provinciegrens van Overijssel');
    await expect(dialog.locator('section[aria-labelledby="import-warnings-title"] li').textContent()).resolves.toContain('langer dan 200 tekens en zijn ingekort');
    await app.screenshot('import-07-province-border');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // the cut name stays inside the panel: no horizontal overflow of the sidebar
    const overflow = await page.evaluate(() => [...document.querySelectorAll('.sidebar, .details')].some((panel) => panel.scrollWidth > panel.clientWidth + 1));
    expect(overflow).toBe(false);
  });

  it('says a GeoJSON in RD with a crs member was recognised as RD', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await waitForMapIdle(page);
    await page.locator('#import-open-button').click();
    const dialog = page.locator('dialog.import-dialog');
    await page.locator('#import-source').fill('Testbestand');
    // made-up test points in RD New: near Zwolle and near Enschede
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
      features: [
        { type: 'Feature', properties: { naam: 'Testpunt Zwolle', categorie: 'apotheek' }, geometry: { type: 'Point', coordinates: [203000, 503000] } },
        { type: 'Feature', properties: { naam: 'Testpunt Enschede', categorie: 'apotheek' }, geometry: { type: 'Point', coordinates: [258000, 471000] } },
      ],
    });
    await page.locator('#import-file').setInputFiles({ name: 'rd.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(geojson, 'utf8') });
    await dialog.getByRole('button', { name: 'Bestand lezen' }).click();
    await page.locator('dialog.import-dialog[data-step="result"]').waitFor();
    const note = await page.getByTestId('import-crs-note').textContent();
    expect(note).toContain('noemt zelf zijn coördinatenstelsel');
    expect(note).toContain('RD');
    expect((await dialog.textContent()) ?? '').not.toContain('kolomnamen passen niet');
    await expect(page.getByTestId('import-accepted-count').textContent()).resolves.toBe('2');
  });

  it('works by keyboard: Enter opens the dialog, Esc closes it and focus returns to the button', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await waitForMapIdle(page);
    await page.locator('#import-open-button').focus();
    await page.keyboard.press('Enter');
    await page.locator('dialog.import-dialog[open]').waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Bestand kiezen en beschrijven');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('import-file');
    await page.keyboard.press('Escape');
    await page.locator('dialog.import-dialog').waitFor({ state: 'hidden' });
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('import-open-button');
  });
});
