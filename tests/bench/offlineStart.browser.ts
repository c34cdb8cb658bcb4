// Browser benchmark (issue 14): how long the production build takes to start on a first visit (network,
// service worker installing its precache) and when started again with no network at all (everything from
// the precache). Measured from navigation to the map having drawn the embedded data; also when the
// service worker's precache is complete. Fresh context per round; median of the rounds.
// Run after `vite build`: npx tsx tests/bench/offlineStart.browser.ts [rounds] (part of `npm run bench:browser`).

import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { preview } from 'vite';
import { launchChromium } from '../e2e/chromium';
import { median } from './timing';

/** Navigation start to the map having drawn the embedded datasets (the same signal as tests/e2e/appPage.ts). */
async function startedIn(page: Page, navigate: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await navigate();
  await page.waitForSelector('#map[data-map-ready="true"]', { timeout: 120_000 });
  await page.waitForFunction(() => document.querySelectorAll('#key-project-list li').length > 0, null, { timeout: 120_000 });
  await page.waitForFunction(
    () => Number(document.getElementById('map')?.dataset['mapIdle'] ?? 0) >= Number(document.body.dataset['dataLoadedAt'] ?? Infinity),
    null,
    { timeout: 120_000 },
  );
  return performance.now() - started;
}


export async function runOfflineStartBenchmark(rounds = 3): Promise<{ firstVisit: number; offlineReady: number; offlineStart: number }> {
  const server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const url = `http://127.0.0.1:${address.port}/`;
  const browser = await launchChromium();
  const firstVisit: number[] = [];
  const offlineReady: number[] = [];
  const offlineStart: number[] = [];
  try {
    for (let round = 0; round < rounds; round += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL', serviceWorkers: 'allow' });
      const page = await context.newPage();
      const started = performance.now();
      firstVisit.push(await startedIn(page, () => page.goto(url)));
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
      offlineReady.push(performance.now() - started);
      await context.setOffline(true);
      offlineStart.push(await startedIn(page, () => page.reload()));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const figures = { firstVisit: median(firstVisit), offlineReady: median(offlineReady), offlineStart: median(offlineStart) };
  console.log(`Offline start (${rounds} rounds, median, production build, headless Chromium):`);
  console.log(`  first visit, map drawn:            ${figures.firstVisit.toFixed(0)} ms`);
  console.log(`  first visit, precache complete:    ${figures.offlineReady.toFixed(0)} ms`);
  console.log(`  start with no network, map drawn:  ${figures.offlineStart.toFixed(0)} ms`);
  return figures;
}

await runOfflineStartBenchmark(Number(process.argv[2] ?? 3));
