// Opens the app in a fresh Chromium page with every non-localhost request blocked and recorded.
import { mkdirSync } from 'node:fs';
import { inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const OUTPUT_DIRECTORY = 'test-output/screenshots';

/** Every CSP violation any page of this test file reported: checked once per file (workers, imports, maps). */
export const cspViolationsSeen: string[] = [];

export interface AppPage {
  page: Page;
  blockedRequests: string[];
  pageErrors: string[];
  /** Console messages about Content-Security-Policy violations. */
  cspViolations: string[];
  screenshot(name: string): Promise<string>;
}

export async function openApp(
  browser: Browser,
  options: {
    path?: string;
    viewport?: { width: number; height: number };
    context?: BrowserContext;
    /** Outside URLs the test answers itself with its own route (a local stub): passed on to that route. */
    stubbedUrls?: string[];
  } = {},
): Promise<AppPage> {
  const baseUrl = inject('baseUrl');
  const context = options.context ?? (await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 }, locale: 'nl-NL' }));
  const page = await context.newPage();
  const blockedRequests: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.protocol === 'data:' || url.protocol === 'blob:') {
      return route.fallback(); // lets a test's own route (registered earlier) answer first
    }
    if (options.stubbedUrls?.includes(url.href)) return route.fallback();
    blockedRequests.push(url.href);
    return route.abort('internetdisconnected');
  });
  const cspViolations: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      cspViolations.push(message.text());
      cspViolationsSeen.push(message.text());
    }
  });
  await page.goto(baseUrl + (options.path ?? ''));
  mkdirSync(OUTPUT_DIRECTORY, { recursive: true });
  return {
    page,
    blockedRequests,
    pageErrors,
    cspViolations,
    async screenshot(name: string) {
      const path = `${OUTPUT_DIRECTORY}/${name}.png`;
      await page.screenshot({ path });
      return path;
    },
  };
}

/** Waits until the map has loaded its data and finished rendering. */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForSelector('#map[data-map-ready="true"]', { timeout: 30_000 });
  await page.waitForFunction(() => document.querySelectorAll('#key-project-list li').length > 0, null, { timeout: 30_000 });
  // An idle event after the data arrived means the data has been drawn.
  await page.waitForFunction(
    () => Number(document.getElementById('map')?.dataset['mapIdle'] ?? 0) >= Number(document.body.dataset['dataLoadedAt'] ?? Infinity),
    null,
    { timeout: 30_000 },
  );
}
