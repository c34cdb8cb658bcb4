// Finds Debian's Chromium and launches it with the flags this project's CI needs (software WebGL, no background network).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath(): string {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'Chromium was not found, so the browser tests cannot run (they are never skipped).\n' +
        'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
        'or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  return found;
}

/**
 * Whether pages may register the app's service worker. Blocked by default: Playwright's routes do
 * not see requests a service worker makes, so tests that stub or count requests need the page to
 * fetch for itself. Only the offline tests (tests/e2e/offline.e2e.test.ts) allow it.
 */
export type ServiceWorkerPolicy = 'allow' | 'block';

/**
 * Pages ask for reduced motion unless a test says otherwise: the map then jumps instead of flying
 * (MapLibre honours the preference) and labels appear without fading. With software WebGL every
 * animation frame costs CPU, and the tests check where the map ends up, not how it gets there.
 */
export const TEST_MOTION = 'reduce' as const;

/**
 * Chromium whose new contexts and pages block service workers unless the options say
 * `serviceWorkers: 'allow'`, and ask for reduced motion unless they set `reducedMotion`.
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', reducedMotion: TEST_MOTION, ...options });
  return browser;
}

/**
 * Chromium on a real profile directory on disk (what it stores survives closing and relaunching it),
 * as a Dutch user at 1400×900 who asks for reduced motion; downloads are kept for the test to read;
 * service workers blocked unless allowed.
 */
export async function launchPersistent(userDataDir: string, serviceWorkers: ServiceWorkerPolicy = 'block'): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    serviceWorkers,
    executablePath: chromiumPath(),
    args: CHROMIUM_FLAGS,
    headless: true,
    viewport: { width: 1400, height: 900 },
    locale: 'nl-NL',
    acceptDownloads: true,
    reducedMotion: TEST_MOTION,
  });
}
