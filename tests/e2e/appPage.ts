// Opens the app in a fresh Chromium page with every non-localhost request blocked and recorded.
import { mkdirSync } from 'node:fs';
import { inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const OUTPUT_DIRECTORY = 'test-output/screenshots';

/**
 * Every CSP violation any page of this test file reported, from the page's own
 * `securitypolicyviolation` events and from console reports (workers): tests/e2e/setup.ts checks
 * after every file that it is empty. A test that provokes a violation on purpose takes it out
 * with takeCspViolations().
 */
export const cspViolationsSeen: string[] = [];

/** Removes and returns the violations seen so far (for a test that provokes one on purpose). */
export function takeCspViolations(): string[] {
  return cspViolationsSeen.splice(0);
}

/** Installs a `securitypolicyviolation` listener in every document of the context, before any app script runs. */
export async function watchCspViolations(context: BrowserContext, into: string[]): Promise<void> {
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
    into.push(text);
    cspViolationsSeen.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      void report(`securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
}

export interface AppPage {
  page: Page;
  blockedRequests: string[];
  pageErrors: string[];
  /** Content-Security-Policy violations: `securitypolicyviolation` events and console reports. */
  cspViolations: string[];
  /** Every URL the page and its workers requested (data: URLs shortened). */
  requests: string[];
  screenshot(name: string): Promise<string>;
}

const watchedContexts = new WeakSet<BrowserContext>();

export async function openApp(
  /** null when `options.context` is a persistent context or one from connectOverCDP. */
  browser: Browser | null,
  options: {
    path?: string;
    viewport?: { width: number; height: number };
    context?: BrowserContext;
    /** Outside URLs the test answers itself with its own route (a local stub): passed on to that route. */
    stubbedUrls?: string[];
    /** 'no-preference' to see the map's animations (tests otherwise ask for reduced motion, see chromium.ts). */
    reducedMotion?: 'reduce' | 'no-preference';
  } = {},
): Promise<AppPage> {
  const baseUrl = inject('baseUrl');
  const context = options.context ?? (await browser!.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 }, locale: 'nl-NL', ...(options.reducedMotion ? { reducedMotion: options.reducedMotion } : {}) }));
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
  const requests: string[] = [];
  if (!watchedContexts.has(context)) {
    watchedContexts.add(context);
    await watchCspViolations(context, cspViolations);
  }
  context.on('request', (request) => requests.push(request.url().startsWith('data:') ? request.url().slice(0, 40) : request.url()));
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
    requests,
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
