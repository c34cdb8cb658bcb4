// Browser benchmark (issue 10): how long the production build takes from navigation to the first map idle
// with the embedded data drawn, and where that time goes. Per fresh context (nothing cached, no service
// worker): navigation → DOMContentLoaded (HTML, the application code fetched and compiled), → the embedded
// datasets loaded and validated into the stores, → the map idle with them drawn. A Chromium trace of the
// load (one extra round: tracing itself slows the page down) splits the main thread's busy time into the
// page's own work and the wait for each map frame to be read back from the software GPU (SwiftShader;
// see ./mainThreadTrace.ts), and counts those frames.
// Run after `vite build`: npx tsx tests/bench/firstMapIdle.browser.ts [rounds] [build directory, default dist]
// (part of `npm run bench:browser`); another directory compares an older build on the same machine.

import { performance } from 'node:perf_hooks';
import { preview } from 'vite';
import { launchChromium } from '../e2e/chromium';
import { median } from './timing';
import type { TraceEvent } from './mainThreadTrace';

interface Timings {
  total: number;
  domContentLoaded: number;
  dataLoaded: number;
  mapIdle: number;
}

interface MainThread {
  mainThreadBusy: number;
  frameWait: number;
  frames: number;
}

/** Main-thread busy time (top-level tasks) and the frame read-back waits inside them, in ms. */
function mainThreadFigures(events: readonly TraceEvent[]): MainThread {
  const mainThreads = new Set(events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const onMain = events.filter((event) => event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`));
  const sum = (name: string) => onMain.filter((event) => event.name === name).reduce((total, event) => total + (event.dur ?? 0), 0) / 1000;
  return {
    mainThreadBusy: sum('ThreadControllerImpl::RunTask'),
    frameWait: sum('GLES2::ReadPixels'),
    frames: onMain.filter((event) => event.name === 'GLES2::ReadPixels').length,
  };
}

export async function runFirstMapIdleBenchmark(rounds = 5, outDir = 'dist'): Promise<Timings & MainThread> {
  const server = await preview({ build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const url = `http://127.0.0.1:${address.port}/`;
  const browser = await launchChromium();
  const timings: Timings[] = [];
  let traced: MainThread | null = null;
  try {
    for (let round = 0; round <= rounds; round += 1) {
      const tracing = round === rounds;
      // a projector-sized window; labels may fade in as a planner sees them (no reduced motion)
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'nl-NL', reducedMotion: 'no-preference' });
      const page = await context.newPage();
      const session = await context.newCDPSession(page);
      const events: TraceEvent[] = [];
      if (tracing) {
        session.on('Tracing.dataCollected', (message) => events.push(...(message.value as unknown as TraceEvent[])));
        await session.send('Tracing.start', { categories: 'toplevel,gpu', transferMode: 'ReportEvents' } as never);
      }
      const started = performance.now();
      await page.goto(url);
      await page.waitForFunction(
        () => Number(document.getElementById('map')?.dataset['mapIdle'] ?? 0) >= Number(document.body.dataset['dataLoadedAt'] ?? Infinity),
        null,
        { timeout: 120_000 },
      );
      const total = performance.now() - started;
      const marks = await page.evaluate(() => {
        const timing = window.performance;
        const navigation = timing.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return {
          domContentLoaded: navigation.domContentLoadedEventEnd,
          dataLoaded: Number(document.body.dataset['dataLoadedAt']) - timing.timeOrigin,
          mapIdle: Number(document.getElementById('map')!.dataset['mapIdle']) - timing.timeOrigin,
        };
      });
      if (tracing) {
        const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
        await session.send('Tracing.end');
        await complete;
        traced = mainThreadFigures(events);
      } else timings.push({ total, ...marks });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const middle = (key: keyof Timings) => median(timings.map((timing) => timing[key]));
  const figures = { total: middle('total'), domContentLoaded: middle('domContentLoaded'), dataLoaded: middle('dataLoaded'), mapIdle: middle('mapIdle'), ...traced! };
  const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;
  console.log(`First map idle (${rounds} fresh contexts, median, production build in ${outDir}, headless Chromium, 1280×720):`);
  console.log(`  navigation → DOMContentLoaded (HTML, code fetched and compiled): ${ms(figures.domContentLoaded)}`);
  console.log(`  → embedded datasets loaded and validated:                      ${ms(figures.dataLoaded)}`);
  console.log(`  → first map idle with the data drawn:                          ${ms(figures.mapIdle)}`);
  console.log('One more load, traced (slower for the tracing):');
  console.log(`  main thread busy until the first map idle:                     ${ms(figures.mainThreadBusy)}`);
  console.log(`    of which waiting for ${figures.frames} map frames to be read back from the software GPU: ${ms(figures.frameWait)} (${((100 * figures.frameWait) / figures.mainThreadBusy).toFixed(0)} %)`);
  return figures;
}

await runFirstMapIdleBenchmark(Number(process.argv[2] ?? 5), process.argv[3] ?? 'dist');
