// Browser benchmark (`npm run bench:browser`): a ~31 MB CSV of 430,187 facilities (the size in issue 7,
// point 6) imported, previewed, saved and reloaded in the production build in headless Chromium.
// Prints parse and save time, the longest main-thread task (PerformanceObserver 'longtask') during
// import + save and during reload, the same tasks without the wait for the software GPU (a Chromium
// trace: see mainThreadTrace.ts) beside what one frame of the plain map costs, whether the preview and the saved points are drawn, when the map
// holds all of them (the map gets a large list in parts), MapLibre errors, and the JS heap peak
// (sampled over the DevTools protocol).
// Options: --rows=N (default 430,187), --json=path (also write the figures as JSON), --dist=folder
// (serve another build, e.g. one made from main to compare against), --profile=folder (record a
// DevTools CPU profile and a trace of import + save and of reload there, and print the functions that
// took most main-thread time: where to look when a task is long).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CDPSession, Page } from 'playwright-core';
import { preview } from 'vite';
import { launchPersistent } from '../e2e/chromium';
import { shareNearColour } from '../e2e/pixels';
import { MainThreadTrace, type MainThreadTasks } from './mainThreadTrace';
import { ISSUE_ROW_COUNT, largeFacilityCsv } from '../support/largeFacilityCsv';

const argument = (name: string) => process.argv.find((value) => value.startsWith(`--${name}=`))?.split('=')[1];
const ROWS = Number(argument('rows') ?? ISSUE_ROW_COUNT);
const JSON_OUT = argument('json');
/** Serve another build (e.g. one of main, to compare); default dist/. */
const DIST = argument('dist') ?? 'dist';
const PROFILE_FOLDER = argument('profile');
const STEP_TIMEOUT = 600_000;
/** Colour of the import preview's ring (src/map/facilityLayers.ts). */
const PREVIEW_COLOUR: [number, number, number] = [0xb0, 0x00, 0x20];
/** Outline colour of the saved facilities' clusters (src/map/facilityLayers.ts). */
const SAVED_COLOUR: [number, number, number] = [0x15, 0x42, 0x73];

declare global {
  interface Window {
    benchLongTasks: Array<{ start: number; duration: number }>;
  }
}

/** Runs in every document before the app: records every main-thread task over 50 ms. */
function recordLongTasks(): void {
  window.benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

class HeapSampler {
  peak = 0;
  private running = false;
  private loop: Promise<void> | null = null;
  constructor(private readonly session: CDPSession) {}
  start(): void {
    this.peak = 0;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        try {
          const { usedSize } = await this.session.send('Runtime.getHeapUsage');
          this.peak = Math.max(this.peak, usedSize);
        } catch {
          // The page is navigating; the next sample comes from the new document.
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
  }
  async stop(): Promise<number> {
    this.running = false;
    await this.loop;
    return this.peak;
  }
}

async function longestTaskSince(page: Page, since: number): Promise<{ longest: number; over200: number; total: number; top: number[] }> {
  return page.evaluate((from) => {
    const tasks = window.benchLongTasks.filter((task) => task.start + task.duration >= from);
    return {
      longest: Math.round(Math.max(0, ...tasks.map((task) => task.duration))),
      over200: tasks.filter((task) => task.duration > 200).length,
      total: Math.round(tasks.reduce((sum, task) => sum + task.duration, 0)),
      top: tasks.map((task) => Math.round(task.duration)).sort((a, b) => b - a).slice(0, 5),
    };
  }, since);
}

/** Polls the map picture until a colour covers more of it than before; returns the time it took or null. */
async function waitForColour(page: Page, colour: [number, number, number], baseline: number, timeout = 180_000): Promise<number | null> {
  const start = performance.now();
  while (performance.now() - start < timeout) {
    if ((await colourShare(page, colour)) > baseline + 0.002) return performance.now() - start;
    await page.waitForTimeout(500);
  }
  return null;
}

/** Share of map pixels near a colour. */
async function colourShare(page: Page, colour: [number, number, number]): Promise<number> {
  return shareNearColour(page, await page.locator('#map').screenshot(), colour);
}

/**
 * Waits until the map holds the whole facility list (data-facility-map-pending is "" once every
 * updateData message is sent; a build without that feed never sets it). Returns the time it took.
 */
async function waitForMapFilled(page: Page): Promise<number> {
  const start = performance.now();
  await page.waitForFunction(() => {
    const pending = document.getElementById('map')?.dataset['facilityMapPending'];
    return pending === undefined || pending === '';
  }, null, { timeout: STEP_TIMEOUT, polling: 100 });
  return performance.now() - start;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Starts the DevTools CPU profiler when --profile is given. */
async function startProfile(session: CDPSession): Promise<void> {
  if (!PROFILE_FOLDER) return;
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 1000 });
  await session.send('Profiler.start');
}

/** Stops the profiler, writes the profile (open it in DevTools' Performance panel) and prints the functions with most self time. */
async function stopProfile(session: CDPSession, name: string): Promise<void> {
  if (!PROFILE_FOLDER) return;
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  mkdirSync(PROFILE_FOLDER, { recursive: true });
  writeFileSync(join(PROFILE_FOLDER, `${name}.cpuprofile`), JSON.stringify(profile));
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byNode.get(id)!.callFrame;
    const label = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}`;
    selfTime.set(label, (selfTime.get(label) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  console.log(`\nCPU profile "${name}": most self time (ms)`);
  for (const [label, ms] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${Math.round(ms).toString().padStart(7)}  ${label}`);
}

async function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

async function main(): Promise<void> {
  const generateStart = performance.now();
  const csv = largeFacilityCsv({ rows: ROWS });
  const folder = mkdtempSync(join(tmpdir(), 'woonzorgkaart-bench-'));
  const csvPath = join(folder, 'voorzieningen-groot.csv');
  writeFileSync(csvPath, csv.text);
  const megabytes = Buffer.byteLength(csv.text) / (1024 * 1024);
  console.log(`Generated ${csv.rows.toLocaleString('en')} rows (${megabytes.toFixed(1)} MB, ${csv.expectedAccepted.toLocaleString('en')} valid) in ${Math.round(performance.now() - generateStart)} ms`);

  const server = await preview({ build: { outDir: DIST }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const baseUrl = `http://127.0.0.1:${address.port}/`;
  const profile = join(folder, 'profile');
  const context = await launchPersistent(profile);
  const errors: string[] = [];
  try {
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' || route.request().url().startsWith('blob:') ? route.fallback() : route.abort()));
    await context.addInitScript(recordLongTasks);
    const page = context.pages()[0] ?? (await context.newPage());
    // A frozen page delays every action (that is what is measured), so nothing may time out early.
    page.setDefaultTimeout(STEP_TIMEOUT);
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const session = await context.newCDPSession(page);
    const heap = new HeapSampler(session);

    await page.goto(baseUrl);
    await page.waitForSelector('#map[data-map-ready="true"]', { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelectorAll('#key-project-list li').length > 0, null, { timeout: 60_000 });
    await page.waitForTimeout(1000);
    // What one frame of the map costs on this machine before any import: pan it a few times.
    const trace = new MainThreadTrace(session, PROFILE_FOLDER !== undefined);
    await trace.start();
    await page.locator('#map canvas').focus();
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(800);
    }
    const plainMap = await trace.stop();
    const previewBaseline = await colourShare(page, PREVIEW_COLOUR);
    const savedBaseline = await colourShare(page, SAVED_COLOUR);

    // --- import: read the file, confirm coordinates, preview ---
    heap.start();
    await startProfile(session);
    await trace.start();
    await page.locator('#import-open-button').click();
    const dialog = page.locator('dialog.import-dialog');
    await dialog.waitFor({ state: 'visible' });
    await page.locator('#import-file').setInputFiles(csvPath);
    await page.locator('#import-source').fill('Synthetisch benchmarkbestand');
    const importStart = await pageNow(page);
    const parseStart = performance.now();
    await dialog.getByRole('button', { name: 'Bestand lezen' }).click();
    await page.locator('dialog.import-dialog[data-step="coordinates"], dialog.import-dialog[data-step="result"]').waitFor({ timeout: STEP_TIMEOUT });
    const parseMilliseconds = performance.now() - parseStart;
    if ((await dialog.getAttribute('data-step')) === 'coordinates') {
      await dialog.getByRole('button', { name: 'Bevestigen en verder' }).click();
      await page.locator('dialog.import-dialog[data-step="result"]').waitFor({ timeout: STEP_TIMEOUT });
    }
    const resultShownAt = await pageNow(page);
    const accepted = Number((await page.getByTestId('import-accepted-count').textContent())?.replace(/\D/g, ''));
    const previewMilliseconds = await waitForColour(page, PREVIEW_COLOUR, previewBaseline);
    const errorsAfterPreview = errors.length;

    // --- save ---
    const saveStart = performance.now();
    await dialog.getByRole('button', { name: /^(Opslaan|Vervangen)$/ }).click();
    await dialog.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
    const saveMilliseconds = performance.now() - saveStart;
    const savedDrawnMilliseconds = await waitForColour(page, SAVED_COLOUR, savedBaseline);
    await waitForMapFilled(page);
    const savedFilledMilliseconds = performance.now() - saveStart;
    await page.waitForTimeout(2000);
    const importTasks = await longestTaskSince(page, importStart);
    const afterResultTasks = await longestTaskSince(page, resultShownAt);
    const importHeapPeak = await heap.stop();
    await stopProfile(session, 'import-and-save');
    const importTrace = await trace.stop();
    if (PROFILE_FOLDER) writeFileSync(join(PROFILE_FOLDER, 'import-and-save.trace.json'), trace.json());

    // --- reload ---
    heap.start();
    await startProfile(session);
    await trace.start();
    const reloadStart = performance.now();
    await page.reload();
    await page.waitForSelector('#map[data-map-ready="true"]', { timeout: STEP_TIMEOUT });
    await page.locator('.dataset-row', { hasText: 'voorzieningen-groot' }).waitFor({ timeout: STEP_TIMEOUT });
    const reloadListMilliseconds = performance.now() - reloadStart;
    const reloadDrawn = await waitForColour(page, SAVED_COLOUR, savedBaseline);
    const reloadMilliseconds = performance.now() - reloadStart;
    await waitForMapFilled(page);
    const reloadFilledMilliseconds = performance.now() - reloadStart;
    await page.waitForTimeout(2000);
    const reloadTasks = await longestTaskSince(page, 0);
    // The stores' one task after the restore (src/stores/storageConnection.ts marks it).
    const storesRestore = await page.evaluate(() => Math.round(performance.getEntriesByName('stores:restore', 'measure').at(-1)?.duration ?? -1));
    const reloadHeapPeak = await heap.stop();
    await stopProfile(session, 'reload');
    const reloadTrace = await trace.stop();
    if (PROFILE_FOLDER) writeFileSync(join(PROFILE_FOLDER, 'reload.trace.json'), trace.json());
    await page.screenshot({ path: join(folder, 'after-reload.png') });

    const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
    const figures = {
      rows: csv.rows,
      megabytes: Math.round(megabytes * 10) / 10,
      accepted,
      parseMilliseconds: Math.round(parseMilliseconds),
      previewVisible: previewMilliseconds !== null,
      previewDrawnMilliseconds: previewMilliseconds === null ? null : Math.round(previewMilliseconds),
      mapErrorsDuringPreview: errorsAfterPreview,
      saveMilliseconds: Math.round(saveMilliseconds),
      savedPointsDrawn: savedDrawnMilliseconds !== null,
      saveUntilMapHoldsAllMilliseconds: Math.round(savedFilledMilliseconds),
      longestTaskImportAndSave: importTasks.longest,
      tasksOver200ImportAndSave: importTasks.over200,
      longestTaskAfterResult: afterResultTasks.longest,
      reloadUntilListedMilliseconds: Math.round(reloadListMilliseconds),
      reloadMilliseconds: Math.round(reloadMilliseconds),
      reloadPointsDrawn: reloadDrawn !== null,
      reloadUntilMapHoldsAllMilliseconds: Math.round(reloadFilledMilliseconds),
      longestTaskReload: reloadTasks.longest,
      tasksOver200Reload: reloadTasks.over200,
      longestTasksReload: reloadTasks.top,
      longestTasksImportAndSave: importTasks.top,
      storesRestoreMilliseconds: storesRestore,
      heapPeakImportAndSaveMB: mb(importHeapPeak),
      heapPeakReloadMB: mb(reloadHeapPeak),
      plainMapFrameWaitMilliseconds: plainMap.frameWait,
      plainMapFrames: plainMap.frames,
      plainMapTasksOver200: plainMap.over200,
      importTrace,
      reloadTrace,
      errors: errors.slice(0, 5),
    };
    const ownLine = (tasks: MainThreadTasks) =>
      `${tasks.longestOwn} ms (${tasks.ownOver200} of ${tasks.over200} tasks over 200 ms stay over 200 ms without the wait; longest five ${tasks.topOwn.join(', ')}; ${tasks.frames} frames, median wait ${tasks.frameWait} ms)`;
    console.log(`\nLarge import in Chromium: ${figures.rows.toLocaleString('en')} rows, ${figures.megabytes} MB CSV, ${figures.accepted.toLocaleString('en')} accepted`);
    console.log('| measurement | value |');
    console.log('|---|---|');
    console.log(`| parse (click "Bestand lezen" → next step) | ${figures.parseMilliseconds} ms |`);
    console.log(`| preview drawn (result shown → points on the map) | ${figures.previewVisible ? `yes, ${figures.previewDrawnMilliseconds} ms` : 'NO'} |`);
    console.log(`| save (click → dialog closed) | ${figures.saveMilliseconds} ms |`);
    console.log(`| saved points drawn | ${figures.savedPointsDrawn ? 'yes' : 'NO'} |`);
    console.log(`| save click → the map holds all points | ${figures.saveUntilMapHoldsAllMilliseconds} ms |`);
    console.log(`| longest main-thread task, import + save | ${figures.longestTaskImportAndSave} ms (${figures.tasksOver200ImportAndSave} tasks > 200 ms; longest five ${figures.longestTasksImportAndSave.join(', ')}) |`);
    console.log(`| longest main-thread task, from result to saved | ${figures.longestTaskAfterResult} ms |`);
    console.log(`| plain map before the import: wait for the software GPU per frame (${plainMap.frames} frames while panning) | ${plainMap.frameWait} ms (${plainMap.over200} tasks > 200 ms for 4 pans) |`);
    console.log(`| longest task without that wait, import + save (the page's own work) | ${ownLine(importTrace)} |`);
    console.log(`| reload until the dataset is listed / its points are drawn | ${figures.reloadUntilListedMilliseconds} / ${figures.reloadPointsDrawn ? figures.reloadMilliseconds : 'never'} ms |`);
    console.log(`| points drawn after reload | ${figures.reloadPointsDrawn ? 'yes' : 'NO'} |`);
    console.log(`| reload → the map holds all points | ${figures.reloadUntilMapHoldsAllMilliseconds} ms |`);
    console.log(`| longest main-thread task, reload | ${figures.longestTaskReload} ms (${figures.tasksOver200Reload} tasks > 200 ms; longest five ${figures.longestTasksReload.join(', ')}) |`);
    console.log(`| longest task without that wait, reload | ${ownLine(reloadTrace)} |`);
    console.log(`| stores and derived lists after the restore (one task: merge, counts, lists) | ${figures.storesRestoreMilliseconds} ms |`);
    console.log(`| JS heap peak, import + save / reload | ${figures.heapPeakImportAndSaveMB} / ${figures.heapPeakReloadMB} MB |`);
    console.log(`| page errors | ${errors.length === 0 ? 'none' : errors.length + ': ' + figures.errors.join(' | ').slice(0, 400)} |`);
    if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(figures, null, 2));
  } finally {
    await context.close();
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
