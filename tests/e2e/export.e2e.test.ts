// Exports of the map (issue 10, point 3): the PNG has the asked size and a drawn map; the PDF is read
// back as text and holds the title, the legend entries and the sources with their licences; the report
// per municipality holds its sections with their source lines. The dialog is axe-clean in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle } from './appPage';
import { samplePixels } from './pixels';
import { pdfText } from './pdfText';
import { wcagViolations } from './axe';
import { exportAs, exportMunicipalityReport, openExportDialog } from './exportSteps';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWPORT = { width: 1280, height: 720 };

describe('map export', () => {
  it('exports PNGs of the asked size with a drawn map, and a PDF whose text holds title, legend and sources', async () => {
    const app = await openApp(browser, { viewport: VIEWPORT });
    await waitForMapIdle(app.page);
    await openExportDialog(app.page);
    const mapBox = (await app.page.locator('#map').boundingBox())!;

    const screen = await exportAs(app.page, /^PNG, schermgrootte/);
    expect(screen.name).toMatch(/^woonzorgkaart-\d{4}-\d{2}-\d{2}\.png$/);
    const screenPixels = await samplePixels(app.page, screen.bytes, [255, 255, 255], []);
    expect(screenPixels.width).toBe(Math.round(mapBox.width));
    expect(screenPixels.height).toBe(Math.round(mapBox.height));

    const a4 = await exportAs(app.page, /A4 liggend op 300 dpi/);
    // The map box of the page lies left of the legend, below the title: sample its middle.
    const a4Pixels = await samplePixels(app.page, a4.bytes, [255, 255, 255], [[0.35, 0.5]]);
    expect([a4Pixels.width, a4Pixels.height]).toEqual([3508, 2480]);
    // Not a blank page: the map (province fill, choropleth, borders) covers a good part of it.
    expect(a4Pixels.nonBackgroundShare).toBeGreaterThan(0.3);
    expect(a4Pixels.samples[0]).not.toEqual([255, 255, 255]);
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync('test-output/screenshots', { recursive: true });
    writeFileSync('test-output/screenshots/export-a4-300dpi-nl.png', a4.bytes);

    const pdf = await exportAs(app.page, /PDF, A4 liggend/);
    expect(pdf.name).toMatch(/\.pdf$/);
    const { text, title, pages } = await pdfText(new Uint8Array(pdf.bytes));
    expect(pages).toBe(1);
    expect(title).toBe('Woonzorgkaart Overijssel');
    expect(text).toContain('Woonzorgkaart Overijssel');
    // Legend: the choropleth's title and classes, the key-project symbols.
    expect(text).toContain('Totaal, Basisscenario (Rijk)');
    expect(text).toContain('Bestaand (Woondeal 2022)');
    expect(text).toContain('Nieuw (actualisatie 2025)');
    // Sources by publisher, title, date and licence: CBS, Kadaster, DOVA (the stations are shown).
    expect(text).toContain('CBS Gebiedsindelingen 2026');
    expect(text).toContain('CC BY 4.0');
    expect(text).toContain('Kadaster');
    expect(text).toContain('DOVA: Centraal Halte Bestand (CHB): treinstations, 2026-02-24, CC0 1.0');
    expect(text).toContain('Regionale woonzorgvisie West-Overijssel 2024-2026');
    // Never internal file names.
    expect(text).not.toMatch(/\.geojson|\.json|geo\//);
    expect(app.pageErrors).toEqual([]);
  }, 300_000);

  it('writes a PDF report per municipality with targets, key projects and reachability, each with its source', async () => {
    const app = await openApp(browser, { viewport: VIEWPORT });
    await waitForMapIdle(app.page);
    const report = await exportMunicipalityReport(app.page, 'Zwolle');
    expect(report.name).toMatch(/^woonzorgkaart-rapport-zwolle-\d{4}-\d{2}-\d{2}\.pdf$/);
    const { text, pages } = await pdfText(new Uint8Array(report.bytes));
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Gemeente Zwolle');
    expect(text).toContain('Opgave ouderenhuisvesting tot 2030');
    expect(text).toContain('Bron: Gemeenten in West-Overijssel en Provincie Overijssel');
    expect(text).toContain('Sleutelprojecten');
    expect(text).toContain('Bijlage 1');
    expect(text).toContain('Bereikbaarheid van de sleutelprojecten');
    expect(text).toMatch(/voldaan.*niet voldaan.*geen gegevens/);
    // zones switched off: the report says how to include their summary (tests/e2e/serviceZones.e2e.test.ts reads it with zones on)
    expect(text).toContain('Woonservicegebieden staan uit');
    expect(app.pageErrors).toEqual([]);
  }, 180_000);

  it('the dialog is axe-clean in Dutch and English and exports an English PDF', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL' });
    const app = await openApp(null, { context });
    await waitForMapIdle(app.page);
    await openExportDialog(app.page);
    await app.screenshot('export-dialog-nl-1280');
    expect(await wcagViolations(app.page)).toEqual([]);
    await app.page.keyboard.press('Escape');
    await app.page.getByRole('button', { name: 'Switch to English' }).click();
    await openExportDialog(app.page);
    await app.screenshot('export-dialog-en-1280');
    expect(await wcagViolations(app.page)).toEqual([]);
    const pdf = await exportAs(app.page, /PDF, A3 landscape/);
    const { text } = await pdfText(new Uint8Array(pdf.bytes));
    expect(text).toContain('Care Housing Map Overijssel');
    expect(text).toContain('Sources');
    expect(text).toContain('Existing (Woondeal 2022)');
    expect(text).toContain('CBS and Kadaster, via PDOK');
    expect(text).not.toMatch(/CBS en Kadaster|opgesteld door|openbaar bestuursdocument/);
    expect(app.pageErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
