// For browser benchmarks that measure app modules alone: an empty Chromium page on the Vite dev
// server, from which the benchmark imports the modules it measures (no app, no map).
import { createServer } from 'vite';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/chromium';

/** Starts the dev server and Chromium, runs `work` in an empty page served by it, then closes both. */
export async function withDevServerPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
  const server = await createServer({ server: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('dev server has no port');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${address.port}/package.json`);
    // tsx keeps function names with a helper that does not exist in the page.
    await page.evaluate('globalThis.__name = (value) => value');
    return await work(page);
  } finally {
    await browser.close();
    await server.close();
  }
}
