// Works at the table without Wi-Fi: after one visit the service worker (vite-plugin-pwa / Workbox)
// has precached the app, its workers and the embedded datasets, so a reload with no network starts the
// whole app (map, municipality list, panels, saved drafts); only the optional online services say they
// are offline. A second build offers "Nieuwe versie beschikbaar – herladen" and reloads only when asked.
// These are the only browser tests that allow the service worker (tests/e2e/chromium.ts blocks it).
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { OUTPUT_DIRECTORY, openApp, waitForMapIdle, watchCspViolations } from './appPage';
import { samplePixels } from './pixels';
import { createScenarioWithSite, openScenarioIfClosed } from './scenarioSteps';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const OPTIONAL_ONLINE_ORIGINS = ['https://service.pdok.nl', 'https://api.pdok.nl', 'https://overpass-api.de'];

/** A context where the app may register its service worker (the other browser tests block it). */
function contextWithServiceWorker(viewport = { width: 1280, height: 720 }): Promise<BrowserContext> {
  return browser.newContext({ viewport, locale: 'nl-NL', serviceWorkers: 'allow' });
}

/** Waits until the service worker has installed its precache and controls the page. */
async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}

async function expectSaved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('scenario-storage-status').getAttribute('data-save'), { timeout: 15_000 }).toBe('saved');
}

function scenarioNames(page: Page): Promise<string[]> {
  return page.getByTestId('scenario-list').locator('.scenario-name strong').allTextContents();
}

describe('starting without a network', () => {
  it('after one visit, a reload offline starts the whole app; only the optional online services say they are offline', { timeout: 180_000 }, async () => {
    const context = await contextWithServiceWorker();
    const app = await openApp(browser, { context });
    await waitForMapIdle(app.page);
    await waitForServiceWorkerControl(app.page);
    await createScenarioWithSite(app.page);
    await expectSaved(app.page);

    await context.setOffline(true);
    const failed: string[] = [];
    context.on('requestfailed', (request) => failed.push(request.url()));
    await app.page.reload();
    await waitForMapIdle(app.page);
    // Playwright's offline emulation blocks every request (the app above started from its precache),
    // but Chromium 150 reports navigator.onLine as true again in the reloaded page; Chromium's own
    // override makes the browser say offline too, as a laptop without Wi-Fi does.
    const session = await context.newCDPSession(app.page);
    await session.send('Network.overrideNetworkState' as never, { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 } as never);
    expect(await app.page.evaluate(() => navigator.onLine)).toBe(false);

    // The map is drawn: the province on the offline style's background.
    const png = await app.page.locator('#map').screenshot();
    const pixels = await samplePixels(app.page, png, [0xe8, 0xee, 0xf1], [[0.35, 0.5]]);
    expect(pixels.nonBackgroundShare).toBeGreaterThan(0.25);
    expect(pixels.samples[0]).not.toEqual([0xe8, 0xee, 0xf1]);

    // The municipality list and a panel work, and the saved draft is there.
    await app.page.locator('#municipality-search').fill('Zwolle');
    await app.page.locator('#municipality-list button').first().click();
    const panel = app.page.getByTestId('municipality-panel');
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: 15_000 }).toBe('Zwolle');
    await expect.poll(() => panel.getByTestId('targets-table').locator(`td[data-scenario="basis"][data-type="nultreden"]`).textContent(), { timeout: 15_000 }).toBe('970');
    await expect.poll(() => scenarioNames(app.page), { timeout: 15_000 }).toEqual(['Scenario 1']);
    await openScenarioIfClosed(app.page, 'Scenario 1');
    await expect.poll(() => app.page.getByTestId('site-list').textContent()).toContain('Nieuwe locatie 1');

    // The optional online services say they are offline (never a stale copy as if fresh).
    await app.page.getByLabel('PDOK BRT-Achtergrondkaart grijs (vraagt internet)').check();
    await expect.poll(() => app.page.locator('.background-status').textContent(), { timeout: 20_000 }).toContain('niet bereikbaar');
    await app.page.locator('#osm-area').selectOption({ label: 'Zwolle' });
    await app.page.getByRole('button', { name: 'Voorzieningen ophalen' }).click();
    await expect.poll(() => app.page.getByTestId('osm-failed').textContent(), { timeout: 15_000 }).toContain('Geen internetverbinding');
    await app.screenshot('offline-01-started-without-network');

    // Nothing of the app itself failed: every failed request was an optional online service.
    expect(failed.filter((url) => !OPTIONAL_ONLINE_ORIGINS.some((origin) => url.startsWith(origin)))).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(await app.page.locator('.data-problems').count()).toBe(0);
    await context.close();
  });
});

/** MIME types of the files a build contains. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** Serves one build directory on a fixed localhost port; `use()` swaps in another build (a deploy). */
function buildServer(): { start(root: string): Promise<string>; use(root: string): void; close(): Promise<void> } {
  let root = '';
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]!);
    let file = resolve(root, '.' + (path === '/' ? '/index.html' : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    response.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
    response.setHeader('Cache-Control', 'no-cache');
    response.end(readFileSync(file));
  });
  return {
    start: (first) =>
      new Promise((done) => {
        root = resolve(first);
        server.listen(0, '127.0.0.1', () => {
          const address = server.address();
          done(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`);
        });
      }),
    use: (next) => {
      root = resolve(next);
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}

describe('a new version', () => {
  const nextBuild = 'test-output/build-next';
  const server = buildServer();
  let baseUrl = '';
  beforeAll(() => {
    // The same app built again as a later version (another build id): what a deploy puts on the server.
    const result = spawnSync('npx', ['vite', 'build', '--outDir', nextBuild, '--emptyOutDir', '--logLevel', 'warn'], {
      env: { ...process.env, APP_BUILD_ID: 'next' },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`second build failed: ${result.stderr}`);
  }, 180_000);
  afterAll(() => server.close());

  it('is offered, not forced: accepting reloads into it with the data intact; another tab is only offered it', { timeout: 240_000 }, async () => {
    baseUrl = await server.start('dist');
    const context = await contextWithServiceWorker();
    await watchCspViolations(context, []);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(baseUrl);
    await waitForMapIdle(page);
    await waitForServiceWorkerControl(page);
    const firstVersion = await page.evaluate(() => document.documentElement.dataset['appVersion']);
    expect(firstVersion).not.toMatch(/\+next$/);
    await createScenarioWithSite(page);
    await expectSaved(page);
    // A second tab, in the middle of work: it must never reload on its own.
    const other = await context.newPage();
    await other.goto(baseUrl);
    await waitForMapIdle(other);
    await other.evaluate(() => ((window as unknown as { inTheMiddleOfWork: boolean }).inTheMiddleOfWork = true));
    const offer = page.getByTestId('app-update');
    expect(await offer.textContent()).toBe('');

    // The new version goes on the server; the app looks for it when the connection comes back.
    server.use(nextBuild);
    await context.setOffline(true);
    await context.setOffline(false);
    await expect.poll(() => offer.textContent(), { timeout: 60_000 }).toContain('Nieuwe versie beschikbaar.');
    expect(await page.evaluate(() => document.documentElement.dataset['appVersion'])).toBe(firstVersion); // not reloaded on its own
    await page.screenshot({ path: `${OUTPUT_DIRECTORY}/update-01-offer-nl.png` });
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => offer.textContent()).toContain('New version available.');
    await page.screenshot({ path: `${OUTPUT_DIRECTORY}/update-02-offer-en.png` });
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();

    // Accepting by keyboard reloads this tab into the new version; the draft is still there.
    await offer.getByRole('button', { name: 'Herladen' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.dataset['appVersion']?.endsWith('+next'), null, { timeout: 60_000 });
    await waitForMapIdle(page);
    await expect.poll(() => scenarioNames(page), { timeout: 15_000 }).toEqual(['Scenario 1']);
    await openScenarioIfClosed(page, 'Scenario 1');
    await expect.poll(() => page.getByTestId('site-list').textContent()).toContain('Nieuwe locatie 1');
    expect(await offer.textContent()).toBe('');

    // The other tab kept its work and is offered the reload; pressing it brings the new version.
    expect(await other.evaluate(() => (window as unknown as { inTheMiddleOfWork?: boolean }).inTheMiddleOfWork)).toBe(true);
    const otherOffer = other.getByTestId('app-update');
    await expect.poll(() => otherOffer.textContent(), { timeout: 15_000 }).toContain('Nieuwe versie beschikbaar.');
    await otherOffer.getByRole('button', { name: 'Herladen' }).click();
    await other.waitForFunction(() => document.documentElement.dataset['appVersion']?.endsWith('+next'), null, { timeout: 60_000 });
    await waitForMapIdle(other);
    await expect.poll(() => scenarioNames(other), { timeout: 15_000 }).toEqual(['Scenario 1']);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
