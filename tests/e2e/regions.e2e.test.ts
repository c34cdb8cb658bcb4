// Region panels (West-Overijssel, Twente, Overijssel): the region figures the sources print, their
// contradictions shown once there (not in every municipality panel), and citations by public document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle } from './appPage';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWPORT = { width: 1280, height: 720 };
const text = async (page: Page, selector: string) => (await page.locator(selector).first().textContent())?.replace(/\s+/g, ' ').trim() ?? '';

describe('region panels', () => {
  it('West-Overijssel, chosen by keyboard, shows the printed region figures with their contradictions and sources', async () => {
    const app = await openApp(browser, { viewport: VIEWPORT });
    await waitForMapIdle(app.page);
    await app.page.locator('.region-choice[data-area="west-overijssel"]').focus();
    await app.page.keyboard.press('Enter');
    const panel = app.page.getByTestId('region-panel');
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: 15_000 }).toBe('West-Overijssel');
    expect(await app.page.locator('.region-choice[data-area="west-overijssel"]').getAttribute('aria-pressed')).toBe('true');
    // Woondeal chapter 6 / afsprakenkader: basis 6.590, trend 8.315 as printed.
    const targets = panel.getByTestId('targets-table');
    expect(await targets.locator('td[data-scenario="basis"][data-type="total"]').textContent()).toBe('6.590');
    expect(await targets.locator('td[data-scenario="trend"][data-type="total"]').textContent()).toBe('8.315');
    expect(await targets.locator('.total-row th').textContent()).toBe('Totaal volgens de bron');
    // Tabel 1: printed 7.960, rows 7.929.
    expect(await panel.getByTestId('area-homes-built').textContent()).toBe('7.960');
    const builtSection = panel.locator('section[aria-labelledby="area-built-title"]');
    expect(await builtSection.locator('.inconsistency').textContent()).toContain('7.929');
    // Bijlage 1: 50 key projects; 25.045 with the footnote's 25.125; 24.210 printed, rows 24.520; 10.124 after 2030.
    const keyProjects = panel.locator('section[aria-labelledby="area-key-projects-title"]');
    expect(await keyProjects.locator('h3').textContent()).toBe('Sleutelprojecten (50)');
    expect(await text(app.page, '[data-testid="area-key-projects"] dd[data-figure="homesWoondeal2022"]')).toContain('25.045');
    expect(await text(app.page, '[data-testid="area-key-projects"] dd[data-figure="homesWoondeal2022"]')).toContain('25.125');
    expect(await keyProjects.locator('dd[data-figure="homes2024To2030"]').textContent()).toBe('24.210');
    expect(await keyProjects.locator('dd[data-figure="homesAfter2030"]').textContent()).toBe('10.124');
    const contradictions = (await keyProjects.locator('.inconsistency').textContent()) ?? '';
    expect(contradictions).toContain('24.520');
    expect(contradictions).toContain('25.125');
    expect(await keyProjects.locator('.note').last().textContent()).toMatch(/Deventer.*Ommen/);
    // Tabel 3: 10.124, Ommen not known yet.
    expect(await panel.getByTestId('area-outlook').textContent()).toBe('10.124');
    expect(await panel.locator('section[aria-labelledby="area-outlook-title"] .note').textContent()).toContain('Ommen');
    // Every section cites its document; the 11 municipalities are listed and reachable.
    for (const section of ['area-targets-title', 'area-built-title', 'area-key-projects-title', 'area-outlook-title', 'area-municipalities-title']) {
      expect(await panel.locator(`section[aria-labelledby="${section}"] .source-reference summary`).count(), section).toBeGreaterThan(0);
    }
    expect(await panel.getByTestId('area-municipalities').locator('tbody tr').count()).toBe(11);
    const tabel1 = builtSection.locator('.source-reference').first();
    expect(await tabel1.locator('summary').textContent()).toBe('Bron: Actualisatie Woondeal West-Overijssel 2025 t/m eind 2030, Tabel 1, p. 6');
    await tabel1.locator('summary').focus();
    await app.page.keyboard.press('Enter');
    expect(await tabel1.locator('.source-details').textContent()).toContain('Tabel 1 "Overzicht reeds gerealiseerde woningen"');
    expect(await tabel1.locator('.source-details').textContent()).toContain('p. 6');
    await app.page.locator('.details').evaluate((element) => element.scrollTo(0, 0));
    await app.screenshot('regions-01-west-overijssel-nl-1280');
    await app.page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => panel.locator('section[aria-labelledby="area-key-projects-title"] h3').textContent(), { timeout: 15_000 }).toBe('Key projects (50)');
    await app.screenshot('regions-02-west-overijssel-en-1280');
    expect(app.pageErrors).toEqual([]);
  });

  it("a municipality panel no longer repeats the region's contradiction, and links to its region", async () => {
    const app = await openApp(browser, { viewport: VIEWPORT });
    await waitForMapIdle(app.page);
    await app.page.locator('#municipality-search').fill('Zwolle');
    await app.page.locator('#municipality-list button').first().click();
    const panel = app.page.getByTestId('municipality-panel');
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: 15_000 }).toBe('Zwolle');
    // Before: every West-Overijssel panel showed "De rijen tellen op tot 7.929, de bron vermeldt 7.960".
    await expect.poll(() => panel.locator('section[aria-labelledby="built-title"] .big-figure').textContent(), { timeout: 15_000 }).toBe('1.615');
    const panelText = (await panel.textContent()) ?? '';
    expect(panelText).not.toContain('7.929');
    expect(panelText).not.toContain('7.960');
    expect(await panel.locator('section[aria-labelledby="built-title"] .inconsistency').count()).toBe(0);
    await panel.getByTestId('open-region').click();
    await expect.poll(() => app.page.getByTestId('region-panel').locator('h2').textContent(), { timeout: 15_000 }).toBe('West-Overijssel');
  });

  it('Ommen: where the source prints "-" after 2030, the key-project sum shows "–", not 0', async () => {
    const app = await openApp(browser, { viewport: VIEWPORT });
    await waitForMapIdle(app.page);
    await app.page.locator('#municipality-search').fill('Ommen');
    await app.page.locator('#municipality-list button').first().click();
    const totals = app.page.getByTestId('key-projects-table').locator('.total-row');
    await expect.poll(() => totals.locator('td[data-column="homesAfter2030"]').textContent(), { timeout: 15_000 }).toBe('–');
    expect(await totals.locator('td[data-column="homes2024To2030"]').textContent()).toBe('518');
  });

  it('Twente shows its region targets with a labelled sum (the source prints no total) and its 14 municipalities', async () => {
    const app = await openApp(browser, { viewport: VIEWPORT });
    await waitForMapIdle(app.page);
    await app.page.locator('.region-choice[data-area="twente"]').click();
    const panel = app.page.getByTestId('region-panel');
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: 15_000 }).toBe('Twente');
    const targets = panel.getByTestId('targets-table');
    expect(await targets.locator('td[data-scenario="basis"][data-type="nultreden"]').textContent()).toBe('4.500');
    expect(await targets.locator('td[data-scenario="trend"][data-type="geclusterd"]').textContent()).toBe('5.310');
    expect(await targets.locator('td[data-scenario="basis"][data-type="total"]').textContent()).toBe('8.060');
    expect(await targets.locator('.total-row th').textContent()).toContain('de bron drukt geen totaal');
    expect(await panel.getByTestId('area-municipalities').locator('tbody tr').count()).toBe(14);
    expect(await panel.textContent()).toContain('Alleen bekend voor West-Overijssel');
    await app.screenshot('regions-03-twente-nl-1280');
  });

  it('Overijssel adds up its two regions and links to them', async () => {
    const app = await openApp(browser, { viewport: VIEWPORT });
    await waitForMapIdle(app.page);
    await app.page.locator('.region-choice[data-area="overijssel"]').click();
    const panel = app.page.getByTestId('region-panel');
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: 15_000 }).toBe('Overijssel');
    const regions = panel.getByTestId('area-regions');
    const row = (region: string) => regions.locator(`tr[data-region="${region}"] td`).allTextContents();
    expect(await row('west-overijssel')).toEqual(['6.590', '8.315']);
    expect(await row('twente')).toEqual(['8.060', '9.120']);
    expect(await row('overijssel')).toEqual(['14.650', '17.435']);
    // CBS Kerncijfers wijken en buurten 2024: the 25 municipalities hold 1.189.033 inhabitants.
    expect(await panel.getByTestId('area-inhabitants').textContent()).toContain('1.189.033');
    await app.screenshot('regions-04-overijssel-nl-1280');
    await regions.getByRole('button', { name: 'Twente' }).click();
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: 15_000 }).toBe('Twente');
  });
});

describe('sources by title', () => {
  it('the sources dialog cites documents by chapter, table and page, and datasets by publisher and licence; the legend keeps short attributions', async () => {
    const app = await openApp(browser, { viewport: VIEWPORT });
    await waitForMapIdle(app.page);
    const legend = app.page.locator('.legend-attribution');
    await expect.poll(() => legend.textContent(), { timeout: 15_000 }).toContain('DOVA');
    const legendText = (await legend.textContent()) ?? '';
    expect(legendText).not.toMatch(/te bevestigen|CC0|github/i);
    await app.page.getByRole('button', { name: 'Bronnen' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Bronnen van alle gegevens' });
    await expect.poll(() => dialog.locator('.sources-list > li').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(15);
    const dialogText = (await dialog.textContent()) ?? '';
    expect(dialogText).toContain('Tabel 1 "Overzicht reeds gerealiseerde woningen"');
    expect(dialogText).toContain('Centraal Halte Bestand');
    expect(dialogText).not.toMatch(/\.txt|\br\. \d|tekstextractie|Bestand\s*geo\//);
    await app.screenshot('regions-05-sources-dialog-nl-1280');
    await app.page.keyboard.press('Escape');
    await app.page.getByRole('button', { name: 'Switch to English' }).click();
    await app.page.getByRole('button', { name: 'Sources' }).click();
    await expect.poll(() => app.page.getByRole('dialog', { name: 'Sources of all data' }).isVisible(), { timeout: 15_000 }).toBe(true);
    await app.screenshot('regions-06-sources-dialog-en-1280');
  });
});
