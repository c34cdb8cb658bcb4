// Woonservicegebieden in real Chromium: switching them on without care locations says so; after
// importing a small made-up Zwolle file (test data, not real facilities) the map shows one zone,
// every municipality hatched as "geen gegevens" (nothing declared complete), the legend and the
// panel with the figures per municipality; changing a distance updates map and panel, and an
// out-of-range distance is refused at its field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle } from './appPage';
import { addSiteByClick, createScenario, ZWOLLE_STATION } from './scenarioSteps';
import { haversineMeters } from '../../src/analysis/sphericalDistance';
import { exportMunicipalityReport } from './exportSteps';
import { pdfText } from './pdfText';
import { metresAway } from './metresAway';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const CENTRE: [number, number] = [6.0944, 52.5125];
/** [lon, lat] a given number of metres east and north of a centre, rounded to 6 decimals (as typed and imported). */
function offset(centre: readonly [number, number], eastMeters: number, northMeters: number): [number, number] {
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  const [lon, lat] = metresAway(centre, eastMeters, northMeters);
  return [round(lon), round(lat)];
}

function zwolleCsv(centre: readonly [number, number] = CENTRE): string {
  const at = (eastMeters: number, northMeters: number) => {
    const [lon, lat] = offset(centre, eastMeters, northMeters);
    return [lat, lon].map((value) => value.toFixed(6).replace('.', ',')).join(';');
  };
  return [
    'naam;categorie;lat;lon',
    `Testverpleeghuis Zwolle;verpleeghuis;${at(0, 0)}`,
    `Testsupermarkt Zwolle;supermarkt;${at(300, 0)}`,
    `Testhuisarts Zwolle;huisarts;${at(0, 200)}`,
    `Testbuurthuis Zwolle;ontmoetingsplek;${at(-200, 0)}`,
    `Testbushalte Zwolle;bushalte;${at(0, 100)}`,
  ].join('\r\n');
}

/** Imports the made-up file; `complete`: declare every category complete for all of Overijssel. */
async function importFile(page: Page, centre: readonly [number, number] = CENTRE, complete = false): Promise<void> {
  await page.locator('#import-open-button').click();
  const dialog = page.locator('dialog.import-dialog');
  await dialog.waitFor({ state: 'visible' });
  await page.locator('#import-file').setInputFiles({ name: 'zwolle-zorg.csv', mimeType: 'text/csv', buffer: Buffer.from(zwolleCsv(centre), 'utf8') });
  await page.locator('#import-name').fill('Testzorg Zwolle (e2e)');
  await page.locator('#import-source').fill('Testbestand van de browsertest');
  await dialog.getByRole('button', { name: 'Bestand lezen' }).click();
  await page.waitForSelector('dialog.import-dialog[data-step="result"], dialog.import-dialog[data-step="coordinates"]');
  if ((await dialog.getAttribute('data-step')) === 'coordinates') await dialog.getByRole('button', { name: 'Bevestigen en verder' }).click();
  await page.locator('dialog.import-dialog[data-step="result"]').waitFor();
  await expect(page.getByTestId('import-accepted-count').textContent()).resolves.toBe('5');
  if (complete) {
    const provinceWide = dialog.getByTestId('import-coverage').locator('input[type="radio"][value="province"]');
    for (let index = 0; index < (await provinceWide.count()); index++) await provinceWide.nth(index).check();
  }
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

const mapData = (page: Page, key: string) => page.locator('.maplibregl-map').first().getAttribute(`data-${key}`);

describe('woonservicegebieden', () => {
  it('switching zones on shows zones, hatching, legend and panel; changing a distance updates both', async () => {
    const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
    const { page } = app;
    await waitForMapIdle(page);
    const section = page.locator('section.zone-section');
    await section.getByLabel('Woonservicegebieden tonen').check();
    const status = section.getByTestId('zone-status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain('Nog geen 24-uurszorglocaties geladen');
    await expect.poll(() => mapData(page, 'zone-count')).toBe('0');

    await importFile(page);
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain('1 woonservicegebieden');
    await expect.poll(() => mapData(page, 'zone-count')).toBe('1');
    // nothing is declared complete: every municipality hatched as "geen gegevens"
    await expect.poll(() => mapData(page, 'zone-no-data')).toBe('25');
    await expect(page.getByTestId('zone-legend').textContent()).resolves.toContain('geen gegevens (arcering)');
    await expect(section.getByTestId('zone-municipality-table').textContent()).resolves.toContain('Zwolle');
    const before = await status.textContent();

    // the pharmacy is not required by default; the supermarket distance from 500 m to 200 m shrinks the zone
    const shop = section.getByLabel('Afstand tot Supermarkt (m)');
    await shop.fill('200');
    await shop.press('Enter');
    await shop.blur();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).not.toBe(before);
    await expect.poll(() => status.textContent()).toContain('1 woonservicegebieden');
    await expect.poll(() => mapData(page, 'zone-count')).toBe('1');

    // an out-of-range value is refused at the field; the zones stay as they were
    const care = section.getByLabel('Afstand tot een 24-uurszorglocatie (m)');
    const shown = await status.textContent();
    await care.fill('99999');
    await care.blur();
    await expect.poll(() => care.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await care.getAttribute('aria-describedby')) ?? '';
    await expect(page.locator(`#${describedBy.split(' ')[0]}`).textContent()).resolves.toContain('kies tussen 25 en 3000 m');
    await expect(status.textContent()).resolves.toBe(shown);

    await section.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await app.screenshot('zones-01-zwolle-nl-1280');
    expect(app.pageErrors).toEqual([]);
  });

  it('reports a key project inside a computed zone and a site outside it with the missing elements and their distances; the coverage panel counts older people in zones', { timeout: 180_000 }, async () => {
    const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
    const { page } = app;
    await waitForMapIdle(page);
    // the made-up facilities around Zwolle railway station, where the key project Zwolle Spoorzone (a station area) is placed
    const station: [number, number] = [Number(ZWOLLE_STATION.lon), Number(ZWOLLE_STATION.lat)];
    await importFile(page, station, true);
    await createScenario(page);
    await addSiteByClick(page);
    // the site 1,500 m east of the station: outside the zone (care within 500 m is required)
    const site = offset(station, 1_500, 0);
    await page.getByLabel('Breedtegraad (° N)').fill(site[1].toFixed(6));
    await page.getByLabel('Lengtegraad (° O)').fill(site[0].toFixed(6));
    await page.getByRole('button', { name: 'Naar deze coördinaten verplaatsen' }).click();
    if ((await page.getByTestId('site-municipality').textContent()) !== 'Zwolle') {
      await page.getByTestId('border-move-dialog').getByRole('button', { name: 'Verplaatsen naar Zwolle' }).click();
    }
    await expect.poll(() => page.getByTestId('site-municipality').textContent(), { timeout: 15_000 }).toBe('Zwolle');

    const section = page.locator('section.zone-section');
    await section.getByLabel('Woonservicegebieden tonen').check();
    await expect.poll(() => section.getByTestId('zone-status').textContent(), { timeout: 20_000 }).toContain('1 woonservicegebieden');
    // declared complete for all of Overijssel: nothing hatched
    await expect.poll(() => mapData(page, 'zone-no-data')).toBe('0');
    const rows = section.getByTestId('zone-site-list');
    const spoorzone = rows.locator('li', { hasText: 'Zwolle Spoorzone' });
    await expect.poll(() => spoorzone.getAttribute('data-answer'), { timeout: 20_000 }).toBe('inside');
    expect(await spoorzone.textContent()).toContain('in woonservicegebied "Woonservicegebied 1" (berekend)');

    const siteRow = rows.locator('li', { hasText: 'Nieuwe locatie 1' });
    await expect.poll(() => siteRow.getAttribute('data-answer'), { timeout: 20_000 }).toBe('outside');
    const metres = (to: [number, number]) => new Intl.NumberFormat('nl-NL').format(Math.round(haversineMeters(site[0], site[1], to[0], to[1])));
    const rowText = (await siteRow.textContent()) ?? '';
    expect(rowText).toContain('buiten een woonservicegebied');
    expect(rowText).toContain(`ontbreekt: 24-uurszorg (verpleeghuis, Wlz-zorg) – dichtstbijzijnde op ${metres(offset(station, 0, 0))} m (grens 500 m)`);
    expect(rowText).toContain(`ontbreekt: Supermarkt – dichtstbijzijnde op ${metres(offset(station, 300, 0))} m (grens 500 m)`);

    // the coverage panel with the computed zone: older people around the station live in it; the kern Zwolle has a zone
    const coverage = page.getByTestId('zone-coverage');
    await expect.poll(() => coverage.getByTestId('zone-coverage-summary').textContent(), { timeout: 60_000 }).toMatch(/^[\d.]+ van de [\d.]+ 75-plussers in Overijssel wonen in een woonservicegebied/);
    const inside = Number((await coverage.getByTestId('zone-coverage-summary').textContent())!.split(' ')[0]!.replaceAll('.', ''));
    expect(inside).toBeGreaterThan(0);
    const kernen = coverage.getByTestId('zone-coverage-kernen');
    await expect.poll(() => kernen.locator('tbody th', { hasText: /^Kampen$/ }).count()).toBe(1);
    expect(await kernen.locator('tbody th', { hasText: /^Zwolle$/ }).count()).toBe(0);


    // the PDF report of Zwolle carries the same zone figures as the panel's row for Zwolle, with the method's sources
    const zwolleRow = coverage.getByTestId('zone-coverage-areas').locator('tbody tr', { has: page.locator('th', { hasText: /^Zwolle$/ }) });
    const zwolle75Inside = (await zwolleRow.locator('td').nth(1).textContent())!.trim();
    expect(Number(zwolle75Inside.replace(/\D/g, ''))).toBeGreaterThan(0);
    const report = await exportMunicipalityReport(page, 'Zwolle');
    const { text } = await pdfText(new Uint8Array(report.bytes));
    expect(text).toContain('Woonservicegebieden');
    expect(text).toMatch(new RegExp(`75\\+ ${zwolle75Inside.replace('.', '\\.')} `));
    expect(text).toContain('Afstand tot een 24-uurszorglocatie (m): 500');
    expect(text).toContain('Kernen zonder woonservicegebied');
    expect(text).toContain('TOP10NL');
    expect(text).not.toContain('Woonservicegebieden staan uit');
    await page.keyboard.press('Escape');

    await section.locator('details.zone-sites summary').click();
    await rows.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await app.screenshot('zones-02-coverage-nl-1280');
    expect(app.pageErrors).toEqual([]);
  });
});
