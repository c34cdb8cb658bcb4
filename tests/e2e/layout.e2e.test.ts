// The layout holds at a projector's 1280×720, a laptop's 1440×900 and a phone's 390×844: the page never
// scrolls (even after wheeling every scrolling area), the legend covers at most a quarter of the map,
// and the whole province, all 25 municipality names and the map controls are usable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp, waitForMapIdle } from './appPage';
import { wcagViolations } from './axe';
import { pdfText } from './pdfText';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

/** Wheels every element that can scroll far past its end, then the page itself. */
async function wheelEverything(page: Page): Promise<void> {
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('*')]
      .filter((element) => {
        const style = getComputedStyle(element);
        return /(auto|scroll)/.test(style.overflowY) && element.scrollHeight > element.clientHeight && element.getClientRects().length > 0;
      })
      .map((element) => {
        const box = element.getBoundingClientRect();
        return { x: box.left + Math.min(20, box.width / 2), y: box.top + Math.min(20, box.height / 2), visible: box.width > 0 && box.height > 0 };
      }),
  );
  for (const box of boxes.filter((candidate) => candidate.visible)) {
    await page.mouse.move(box.x, box.y);
    for (let step = 0; step < 6; step++) await page.mouse.wheel(0, 4000);
  }
  await page.mouse.move(5, 5);
  await page.mouse.wheel(0, 4000);
  await page.keyboard.press('End');
}

async function pageScroll(page: Page): Promise<{ x: number; y: number; overflowX: number; overflowY: number }> {
  return page.evaluate(() => ({
    x: window.scrollX,
    y: window.scrollY,
    overflowX: document.documentElement.scrollWidth - window.innerWidth,
    overflowY: document.documentElement.scrollHeight - window.innerHeight,
  }));
}

function boxArea(box: { width: number; height: number } | null): number {
  return box ? box.width * box.height : 0;
}

async function mapZoom(page: Page): Promise<number> {
  return Number(await page.locator('#map').getAttribute('data-zoom'));
}

async function expectNoWcagViolations(page: Page): Promise<void> {
  const violations = await wcagViolations(page);
  expect(violations.map((violation) => `${violation.id}: ${violation.help} ${JSON.stringify(violation.nodes)}`)).toEqual([]);
}

describe('a layout that holds', () => {
  for (const size of SIZES) {
    it(`never scrolls the page at ${size.width}×${size.height}, in Dutch and English`, async () => {
      const app = await openApp(browser, { viewport: size });
      await waitForMapIdle(app.page);
      if (size.width === 1440) {
        // all 25 municipality names at the province overview
        await expect.poll(async () => (await app.page.locator('#map').getAttribute('data-municipality-labels'))!.split(',').length).toBe(25);
      }
      const narrow = size.width < 700;
      if (narrow) {
        // map first, the legend folded away, the sidebar as a sheet under the map
        const mapBox = (await app.page.locator('.map-container').boundingBox())!;
        const sidebarBox = (await app.page.locator('.sidebar').boundingBox())!;
        expect(mapBox.y).toBeLessThan(sidebarBox.y);
        expect(mapBox.height).toBeGreaterThan(300);
        expect(await app.page.locator('.legend-toggle').getAttribute('aria-expanded')).toBe('false');
      }
      // open a long panel first, so the details area has something to scroll
      await app.page.locator('#municipality-search').fill('Zwolle');
      await app.page.locator('#municipality-list button').first().click();
      await expect.poll(() => app.page.getByTestId('municipality-panel').locator('h2').textContent(), { timeout: 15_000 }).toBe('Zwolle');
      await wheelEverything(app.page);
      expect(await pageScroll(app.page)).toEqual({ x: 0, y: 0, overflowX: 0, overflowY: 0 });
      await waitForMapIdle(app.page);
      await app.screenshot(`layout-${size.width}x${size.height}-nl`);
      if (narrow) {
        // the details sheet opened on the selection; the tabs bring back the search and layers
        await app.page.getByRole('button', { name: 'Zoeken en lagen' }).click();
        await expect.poll(() => app.page.locator('#key-project-search').isVisible()).toBe(true);
        await app.page.locator('.legend-toggle').click();
        await wheelEverything(app.page);
        expect(await pageScroll(app.page)).toEqual({ x: 0, y: 0, overflowX: 0, overflowY: 0 });
        await app.screenshot(`layout-${size.width}x${size.height}-nl-panels`);
      }
      await app.page.getByRole('button', { name: /English/ }).click();
      await wheelEverything(app.page);
      expect(await pageScroll(app.page)).toEqual({ x: 0, y: 0, overflowX: 0, overflowY: 0 });
      await app.screenshot(`layout-${size.width}x${size.height}-en`);
      expect(app.pageErrors).toEqual([]);
      await app.page.context().close();
    });
  }

  it('at 1280×720 the legend covers at most a quarter of the map and none of the province, folds away with a labelled button, and all 25 municipality names show', async () => {
    const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
    await waitForMapIdle(app.page);
    const legend = app.page.getByTestId('legend');
    const mapBox = await app.page.locator('.map-container').boundingBox();
    const legendBox = await legend.boundingBox();
    expect(boxArea(legendBox) / boxArea(mapBox)).toBeLessThanOrEqual(0.25);
    // the whole province is drawn inside the map, left of the open legend (Twente is not under it)
    const [left, top, right, bottom] = (await app.page.locator('#map').getAttribute('data-province-box'))!.split(',').map(Number);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(bottom).toBeLessThanOrEqual(mapBox!.height);
    expect(mapBox!.x + right!).toBeLessThanOrEqual(legendBox!.x);
    // the project-size legend shows reference sizes, growing with the number of homes
    const sizes = legend.getByTestId('legend-sizes').locator('li');
    await expect.poll(() => sizes.count()).toBe(3);
    expect(await sizes.allTextContents()).toEqual(['100 woningen', '500 woningen', '3.000 woningen']);
    const widths = await sizes.locator('svg').evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().width));
    expect(widths[0]!).toBeLessThan(widths[1]!);
    expect(widths[1]!).toBeLessThan(widths[2]!);
    // all 25 municipality names drawn at the province overview beside the open legend ("Hengelo (O.)"
    // is written "Hengelo", which lets it fit in central Twente)
    await expect.poll(async () => (await app.page.locator('#map').getAttribute('data-municipality-labels'))!.split(',').length).toBe(25);
    // every facility cluster shows its count
    const clusters = (await app.page.locator('#map').getAttribute('data-facility-clusters'))!.split(',').filter(Boolean);
    expect(clusters.length).toBeGreaterThan(0);
    expect(Number(await app.page.locator('#map').getAttribute('data-facility-cluster-labels'))).toBe(clusters.length);
    await app.screenshot('layout-1280x720-province');
    const toggle = app.page.getByRole('button', { name: 'Legenda verbergen' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.click();
    await expect.poll(() => app.page.getByRole('button', { name: 'Legenda tonen' }).getAttribute('aria-expanded')).toBe('false');
    expect(boxArea(await legend.boundingBox()) / boxArea(mapBox)).toBeLessThan(0.03);
    await expectNoWcagViolations(app.page);
    await app.page.context().close();
  });

  it('while the data loads a message over the map says so, and the map keeps its size when the message goes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
    // one data file held back a little, so the loading state lasts long enough to be read
    await context.route('**/geo/sources.json', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.fallback();
    });
    // every size the map element takes, from its first layout on
    await context.addInitScript(() => {
      const sizes: string[] = [];
      (window as unknown as { mapSizes: string[] }).mapSizes = sizes;
      const observe = () => {
        const map = document.getElementById('map');
        if (!map) return void requestAnimationFrame(observe);
        new ResizeObserver((entries) => {
          for (const entry of entries) sizes.push(`${Math.round(entry.contentRect.width)}x${Math.round(entry.contentRect.height)}`);
        }).observe(map);
      };
      observe();
    });
    const app = await openApp(null, { context });
    const message = app.page.locator('.map-container .loading[role="status"]');
    expect(await message.textContent()).toBe('Gegevens laden…');
    await waitForMapIdle(app.page);
    expect(await app.page.locator('.loading').count()).toBe(0);
    const sizes = await app.page.evaluate(() => (window as unknown as { mapSizes: string[] }).mapSizes);
    expect(sizes.length).toBeGreaterThan(0);
    expect(new Set(sizes)).toEqual(new Set([sizes[0]]));
    expect(app.pageErrors).toEqual([]);
    await context.close();
  });

  it('when the map cannot start (its code not fetched), a message over the map says why and the lists keep working', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL' });
    await context.route('**/assets/startMap-*.js', (route) => route.abort('connectionreset'));
    const app = await openApp(null, { context });
    const failure = app.page.locator('.map-container .map-start-failure[role="alert"]');
    await failure.waitFor({ timeout: 30_000 });
    expect(await failure.textContent()).toBe(
      'De kaart kon niet starten: haar programmacode kon niet worden opgehaald (is de verbinding weggevallen?). Zoeken, lijsten en panelen werken wel; herlaad de pagina om het opnieuw te proberen.',
    );
    // the data still loads: the loading message goes, the municipality finder lists all 25
    await app.page.waitForFunction(() => document.body.dataset['dataLoadedAt'] !== undefined, null, { timeout: 30_000 });
    expect(await app.page.locator('.loading').count()).toBe(0);
    expect(await app.page.locator('#municipality-list li').count()).toBe(25);
    expect(await app.page.locator('#map canvas').count()).toBe(0);
    await app.screenshot('layout-1280x720-map-start-failure');
    await expectNoWcagViolations(app.page);
    await context.close();
  });

  it('fits the map to a chosen municipality and key project; "Heel Overijssel" shows the whole province again', async () => {
    // with the map's animations, as most planners see them
    const app = await openApp(browser, { viewport: { width: 1280, height: 720 }, reducedMotion: 'no-preference' });
    await waitForMapIdle(app.page);
    const provinceZoom = await mapZoom(app.page);
    await app.page.locator('#municipality-search').fill('Deventer');
    await app.page.locator('#municipality-list button').first().click();
    await expect.poll(() => mapZoom(app.page), { timeout: 15_000 }).toBeGreaterThan(provinceZoom + 1);
    const [lng, lat] = (await app.page.locator('#map').getAttribute('data-center'))!.split(',').map(Number);
    // Deventer lies around 6.1–6.3 E, 52.2–52.3 N
    expect(lng).toBeGreaterThan(6.0);
    expect(lng).toBeLessThan(6.4);
    expect(lat).toBeGreaterThan(52.15);
    expect(lat).toBeLessThan(52.35);
    await app.page.getByRole('button', { name: 'Heel Overijssel' }).click();
    await expect.poll(() => mapZoom(app.page), { timeout: 15_000 }).toBeLessThan(provinceZoom + 0.2);
    await app.page.locator('#key-project-search').fill('Stadshagen');
    await app.page.locator('#key-project-list button').first().click();
    await expect.poll(() => mapZoom(app.page), { timeout: 15_000 }).toBeGreaterThanOrEqual(12);
    await app.page.context().close();
  });
});

describe('share by link', () => {
  it('a copied link reopens the same view in a new page; back and forward walk through the selections', { timeout: 240_000 }, async () => {
    const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
    await waitForMapIdle(app.page);
    await app.page.getByLabel('Ouderen per postcodegebied (2021)').check();
    await app.page.locator('#municipality-search').fill('Zwolle');
    await app.page.locator('#municipality-list button').first().click();
    await expect.poll(() => app.page.url(), { timeout: 15_000 }).toContain('sel=municipality:GM0193');
    await app.page.locator('#key-project-search').fill('Stadshagen');
    await app.page.locator('#key-project-list button').first().click();
    await expect.poll(() => app.page.url(), { timeout: 15_000 }).toContain('sel=project:');
    await app.page.getByRole('button', { name: /English/ }).click();
    await waitForMapIdle(app.page);
    await expect.poll(() => app.page.url()).toContain('lang=en');
    const link = app.page.url();
    expect(link).toContain('theme=olderPeople');
    const view = { zoom: await mapZoom(app.page), center: await app.page.locator('#map').getAttribute('data-center') };

    // a colleague opens the link in a fresh browser (no stored language or choices)
    const other = await openApp(browser, { viewport: { width: 1280, height: 720 }, path: link.slice(link.indexOf('#')) });
    await waitForMapIdle(other.page);
    await expect.poll(() => other.page.getByTestId('key-project-panel').locator('h2').textContent(), { timeout: 15_000 }).toContain('Stadshagen');
    expect(await other.page.locator('html').getAttribute('lang')).toBe('en');
    expect(await other.page.getByLabel('Older people per postcode area (2021)').isChecked()).toBe(true);
    expect(Math.abs((await mapZoom(other.page)) - view.zoom)).toBeLessThan(0.05);
    const [lng, lat] = (await other.page.locator('#map').getAttribute('data-center'))!.split(',').map(Number);
    const [expectedLng, expectedLat] = view.center!.split(',').map(Number);
    expect(Math.abs(lng! - expectedLng!)).toBeLessThan(0.001);
    expect(Math.abs(lat! - expectedLat!)).toBeLessThan(0.001);
    await other.screenshot('link-reopened-1280x720-en');

    // back: Zwolle's panel again; forward: the key project
    await app.page.goBack();
    await expect.poll(() => app.page.getByTestId('municipality-panel').locator('h2').textContent(), { timeout: 15_000 }).toBe('Zwolle');
    await app.page.goForward();
    await expect.poll(() => app.page.getByTestId('key-project-panel').locator('h2').textContent(), { timeout: 15_000 }).toContain('Stadshagen');
    // junk in the hash is ignored, the app still opens
    const junk = await openApp(browser, { viewport: { width: 1280, height: 720 }, path: '#map=abc&sel=municipality:<b>&theme=rainbow&lang=xx' });
    await waitForMapIdle(junk.page);
    expect(junk.pageErrors).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.page.context().close();
    await other.page.context().close();
    await junk.page.context().close();
  });
});

describe('printing', () => {
  it('Ctrl+P gives one landscape page with the title, the drawn map and the legend, not the sidebar forms', async () => {
    const app = await openApp(browser, { viewport: { width: 1280, height: 720 } });
    await waitForMapIdle(app.page);
    // what the browser does on Ctrl+P: "beforeprint", then the print stylesheet
    await app.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await app.page.emulateMedia({ media: 'print' });
    const snapshot = app.page.locator('img.print-snapshot');
    await expect(snapshot.isVisible()).resolves.toBe(true);
    // the map drawn into the image: a blank canvas gives a PNG of a few kB, the drawn province hundreds
    const source = (await snapshot.getAttribute('src')) ?? '';
    expect(source.startsWith('data:image/png')).toBe(true);
    expect(source.length).toBeGreaterThan(50_000);
    // drawn in the printed box's shape (277 × 175 mm), so the map fills it instead of a screen-shaped
    // picture with white bands beside it
    const shape = await snapshot.evaluate((image: HTMLImageElement) => image.naturalWidth / image.naturalHeight);
    expect(shape).toBeCloseTo(277 / 175, 1);
    // and the map element has its own size back (the drawing was made at the printed shape)
    expect(await app.page.locator('#map').evaluate((element: HTMLElement) => element.style.width + element.style.height)).toBe('');
    await expect(app.page.locator('.sidebar').isVisible()).resolves.toBe(false);
    await expect(app.page.getByTestId('legend').isVisible()).resolves.toBe(true);
    await app.screenshot('print-1280x720-nl');
    const { pages, text } = await pdfText(new Uint8Array(await app.page.pdf({ preferCSSPageSize: true, printBackground: true })));
    expect(pages).toBe(1);
    expect(text).toContain('Woonzorgkaart Overijssel');
    expect(text).toContain('Legenda');
    expect(text).not.toContain('Zoek een gemeente');
    // after printing the page is as before
    await app.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await app.page.emulateMedia({ media: 'screen' });
    await expect(snapshot.count()).resolves.toBe(0);
    await app.page.context().close();
  });
});
