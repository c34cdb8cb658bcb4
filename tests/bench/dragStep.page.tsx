// The in-page half of tests/bench/dragStep.browser.ts: loaded by the Vite dev server into an empty
// Chromium page, it starts the app's stores the way src/main.tsx does (reachability worker client,
// embedded data, storage), adds seeded synthetic facilities through the import path, builds a draft
// with 500 sites, mounts the real site panel (SitePanel) of the dragged site, and times drag steps
// from previewDrag to the store row and to the panel's DOM. Not part of the app build.

import { render } from 'preact';
import { SitePanel } from '../../src/ui/SitePanel';
import { judgeAtPoint } from '../../src/analysis/dataCoverage';
import { offsetByMeters, roundCoordinate } from '../../src/analysis/siteMove';
import type { ReachabilityRow } from '../../src/analysis/reachability';
import type { ReachabilityRequest, ReachabilityResponse } from '../../src/analysis/reachabilityProtocol';
import { completenessFor, type Facility, type FacilityCategory, type FacilityDataset } from '../../src/domain/facility';
import { HOUSING_TYPES } from '../../src/domain/housing';
import { emptySiteHomes, type Site } from '../../src/domain/scenario';
import { fetchTextOverHttp } from '../../src/data/loadDatasets';
import { $appData, $municipalityLocator } from '../../src/stores/appData';
import { $activeFacilities, $completeAreas } from '../../src/stores/facilities';
import { saveFacilityDataset } from '../../src/stores/facilityActions';
import { loadAppData } from '../../src/stores/loadAppData';
import { createReachabilityWorker, startReachabilityWorker, type ReachabilityWorkerPort } from '../../src/stores/reachabilityWorkerClient';
import { endDrag, previewDrag, requestMove, type PlanItem } from '../../src/stores/scenarioEditing';
import { $dragSiteAnalysis, $scenarioSiteAnalysis } from '../../src/stores/scenarioSiteAnalysis';
import { $activeScenarioState, applyScenarioEdit, createScenario, newSiteId } from '../../src/stores/scenarios';
import { flushScenarioSaves } from '../../src/stores/scenarioStorage';
import { seededRandom } from '../support/seededRandom';
import { startFacilityStorage, startScenarioStorage } from '../../src/stores/storageConnection';
import { $gridDescription } from '../../src/stores/suitabilityGrid';

/** Synthetic facilities per category (roughly Overijssel's order of magnitude; the stations are real). */
const SYNTHETIC_COUNTS: ReadonlyArray<[FacilityCategory, number]> = [
  ['zorg24uur', 120],
  ['woonzorgcentrum', 200],
  ['huisarts', 350],
  ['apotheek', 180],
  ['supermarkt', 550],
  ['ontmoetingsplek', 400],
];
/** Where the dragged site starts: Zwolle, by the station area. */
const DRAG_START: [number, number] = [6.0921, 52.5052];


function rounded(location: readonly [number, number]): [number, number] {
  return [roundCoordinate(location[0]), roundCoordinate(location[1])];
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Seeded facilities around the shipped places (weighted by inhabitants), as an import declared complete for the province. */
function syntheticFacilities(seed: number, datasetId: string): Facility[] {
  const random = seededRandom(seed);
  const places = ($appData.get().places?.features ?? []).map((feature) => ({ location: feature.geometry.coordinates as [number, number], weight: Math.max(100, feature.properties.inhabitants ?? 100) }));
  if (places.length === 0) throw new Error('the embedded places did not load');
  const cumulative: number[] = [];
  let total = 0;
  for (const place of places) cumulative.push((total += place.weight));
  const pickPlace = () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return places[low]!.location;
  };
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const facilities: Facility[] = [];
  for (const [category, count] of SYNTHETIC_COUNTS) {
    for (let index = 0; index < count; index += 1) {
      const location = rounded(offsetByMeters(pickPlace(), gaussian() * 900, gaussian() * 900));
      facilities.push({ id: `${category}-${index}`, name: `Synthetisch ${category} ${index}`, category, location, datasetId, attributes: {} });
    }
  }
  return facilities;
}

/** Sites spread evenly over the province: a grid over its bounding box, kept where a municipality lies. */
function spreadSites(count: number): Array<{ location: [number, number]; code: string }> {
  const province = $appData.get().province?.features[0]?.geometry;
  if (!province) throw new Error('the province outline did not load');
  const rings = province.type === 'Polygon' ? province.coordinates : province.coordinates.flat();
  const points = rings.flat();
  const [minLon, maxLon] = [Math.min(...points.map((point) => point[0]!)), Math.max(...points.map((point) => point[0]!))];
  const [minLat, maxLat] = [Math.min(...points.map((point) => point[1]!)), Math.max(...points.map((point) => point[1]!))];
  const locate = $municipalityLocator.get();
  for (let size = 30; size < 200; size += 5) {
    const inside: Array<{ location: [number, number]; code: string }> = [];
    for (let row = 0; row < size; row += 1) {
      for (let column = 0; column < size; column += 1) {
        const location = rounded([minLon + ((column + 0.5) / size) * (maxLon - minLon), minLat + ((row + 0.5) / size) * (maxLat - minLat)]);
        const code = locate(location);
        if (code !== null) inside.push({ location, code });
      }
    }
    if (inside.length >= count) return Array.from({ length: count }, (_, index) => inside[Math.floor((index * inside.length) / count)]!);
  }
  throw new Error('could not spread the sites over the province');
}

export interface SetUpInfo {
  stations: number;
  synthetic: number;
  sites: number;
  planRows: number;
  locations: Array<[number, number]>;
}

interface WorkerTimes {
  kind: 'drag' | 'plan' | 'other';
  postedAt: number;
  answeredAt?: number;
}

interface PendingStep {
  location: [number, number];
  domBefore: string;
  t0: number;
  posted?: number;
  answered?: number;
  stored?: number;
  panel?: number;
  unchangedInDom?: boolean;
  expected?: string;
  resolve: () => void;
}

export interface StepTiming {
  toStore: number;
  toPanel: number;
  frameWait: number;
  workerRoundTrip: number;
  answerToStore: number;
  storeToPanel: number;
  unchangedInDom: boolean;
}

let siteCount = 0;
let item: PlanItem = { kind: 'site', id: '' };
let panel: HTMLElement | null = null;
let pending: PendingStep | null = null;
let stepDone: Promise<void> = Promise.resolve();
const requests = new Map<number, WorkerTimes>();
const longTasks: Array<{ startTime: number; duration: number }> = [];
const dragRows: string[] = [];
const verdictsSeen: Record<string, number> = { met: 0, notMet: 0, noData: 0 };

/** What the panel's reachability section shows: live or not, and the distance figures per category. */
function panelSignature(): string {
  const list = panel?.querySelector('[data-testid="site-verdicts"]');
  if (!list) return 'none';
  const distances = [...panel!.querySelectorAll('[data-testid="site-distances"] li')].map((entry) => {
    const text = entry.textContent ?? '';
    return `${entry.getAttribute('data-category')}=${text.slice(text.indexOf(':') + 1).replace(/\D/g, '')}`;
  });
  return `${list.getAttribute('data-live') === 'true' ? 'live' : 'plan'}|${distances.join(',')}`;
}

/** The same signature as the panel should show it for a row. */
function expectedSignature(row: ReachabilityRow, live: boolean): string {
  const entries = [...(panel?.querySelectorAll('[data-testid="site-distances"] li') ?? [])].map((entry) => {
    const category = entry.getAttribute('data-category') as FacilityCategory;
    const reach = row.reachability.categories[category];
    return `${category}=${reach.status === 'found' ? String(Math.round(reach.distanceMeters)) : ''}`;
  });
  return `${live ? 'live' : 'plan'}|${entries.join(',')}`;
}

function checkPanel(): void {
  if (!pending || pending.stored === undefined || pending.panel !== undefined || pending.expected === undefined) return;
  if (panelSignature() === pending.expected) {
    pending.panel = performance.now();
    pending.resolve();
  }
}

/** Marks the pending step's store time once `row` (for its location) is in the store, and watches the panel. */
function rowArrived(row: ReachabilityRow | null, live: boolean): void {
  if (!pending || pending.stored !== undefined || !row || row.siteId !== item.id) return;
  if (row.reachability.point[0] !== pending.location[0] || row.reachability.point[1] !== pending.location[1]) return;
  pending.stored = performance.now();
  pending.expected = expectedSignature(row, live);
  if (pending.expected === pending.domBefore) {
    // The panel shows the same figures as before: nothing to see change; time the next frame instead.
    pending.unchangedInDom = true;
    void nextFrame().then(() => {
      if (!pending || pending.panel !== undefined) return;
      pending.panel = performance.now();
      pending.resolve();
    });
    return;
  }
  checkPanel();
}

/** Starts the app's stores and worker, the data, the draft and the panel; returns what was set up. */
export async function setUp(count: number, steps: number, seed: number): Promise<SetUpInfo> {
  siteCount = count;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ startTime: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask' });

  // As src/main.tsx: the embedded datasets (with the railway stations), then storage.
  await loadAppData(fetchTextOverHttp);
  const facilityStorage = await startFacilityStorage({ name: 'bench-drag', channelName: null });
  await startScenarioStorage(facilityStorage, { name: 'bench-drag', channelName: null });
  const stations = $activeFacilities.get().length;

  // Synthetic facilities for the other categories, through the import path (saved, then in the stores).
  const datasetId = 'bench-synthetic-facilities';
  const facilities = syntheticFacilities(seed, datasetId);
  const dataset: FacilityDataset = {
    id: datasetId,
    kind: 'import',
    name: `Synthetische voorzieningen (benchmark, seed ${seed})`,
    source: 'synthetic, seeded (benchmark)',
    licence: 'n/a',
    retrievedAt: new Date().toISOString(),
    completeness: completenessFor(
      SYNTHETIC_COUNTS.map(([category]) => category),
      { kind: 'province' },
    ),
    hidden: false,
    isTestData: true,
  };
  const saved = await saveFacilityDataset(dataset, facilities, 'new');
  if (!saved.ok) throw new Error(`the synthetic dataset was not saved: ${saved.issue.code}`);

  // The draft: the dragged site in Zwolle and count - 1 sites spread over the province.
  createScenario('Benchmark verslepen 500 locaties');
  const locate = $municipalityLocator.get();
  const startCode = locate(DRAG_START);
  if (startCode === null) throw new Error('the drag start lies in no municipality');
  const placed = [{ location: DRAG_START, code: startCode }, ...spreadSites(count - 1)];
  const sites: Site[] = placed.map(({ location, code }, index) => ({
    id: newSiteId(),
    name: index === 0 ? 'Versleepte locatie' : `Locatie ${index}`,
    location,
    outline: null,
    municipalityCode: code,
    homes: { ...emptySiteHomes(), nultreden: 10 + (index % 30) },
    tenure: 'socialeHuur',
    phase: '2024-2030',
    year: null,
    keyProjectId: null,
    notes: 'Synthetische benchmarklocatie',
  }));
  for (const site of sites) applyScenarioEdit({ kind: 'addSite', site });
  await flushScenarioSaves();
  item = { kind: 'site', id: sites[0]!.id };

  // The drag path: a circle of 300 m around the start, one step per position, all in the same municipality.
  const locations = Array.from({ length: steps }, (_, index) => {
    const angle = ((index + 1) / steps) * 2 * Math.PI;
    return rounded(offsetByMeters(DRAG_START, 300 * Math.sin(angle), 300 * (1 - Math.cos(angle))));
  });
  for (const location of locations) if (locate(location) !== startCode) throw new Error(`drag position ${location.join(', ')} leaves the municipality`);

  // The worker client as src/main.tsx starts it, through a port that only notes when messages go and come.
  // (Started after the draft is built, so building it does not queue 500 full analyses.)
  const worker = createReachabilityWorker();
  const port: ReachabilityWorkerPort = {
    postMessage(message: ReachabilityRequest, transfer: Transferable[]) {
      if (message.type === 'analyseSites') {
        const kind = message.sites.length === 1 && message.sites[0]!.id === item.id ? 'drag' : message.sites.length === siteCount ? 'plan' : 'other';
        requests.set(message.requestId, { kind, postedAt: performance.now() });
        if (kind === 'drag' && pending && pending.posted === undefined) pending.posted = performance.now();
      }
      worker.postMessage(message, transfer);
    },
    addEventListener(type: 'message', listener: (event: MessageEvent<ReachabilityResponse>) => void) {
      worker.addEventListener(type, (event: MessageEvent<ReachabilityResponse>) => {
        const times = requests.get(event.data.requestId);
        if (times) {
          times.answeredAt = performance.now();
          if (times.kind === 'drag' && pending && pending.posted !== undefined && pending.answered === undefined) pending.answered = times.answeredAt;
        }
        listener(event);
      });
    },
    get onerror() {
      return worker.onerror;
    },
    set onerror(handler) {
      worker.onerror = handler ?? null;
    },
    terminate: () => worker.terminate(),
  };
  startReachabilityWorker(port);

  // The moment a row is set in the store: listening before the panel mounts, so before the panel's own listeners run.
  $dragSiteAnalysis.listen((row) => rowArrived(row, true));
  $scenarioSiteAnalysis.listen((analysis) => {
    if (analysis.status === 'ready') rowArrived(analysis.rows.find((row) => row.siteId === item.id) ?? null, false);
  });
  // The real site panel of the dragged site, mounted in the page.
  panel = document.createElement('div');
  document.body.append(panel);
  render(<SitePanel id={item.id} />, panel);
  new MutationObserver(checkPanel).observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });

  // Wait until the worker has the grid and the plan's rows, and the panel shows them.
  await until(() => $gridDescription.get() !== null, 'the province grid');
  await until(() => $scenarioSiteAnalysis.get().status === 'ready', "the plan's rows");
  await until(() => panelSignature().startsWith('plan|'), 'the panel to show the verdicts');
  await sleep(500);
  const analysis = $scenarioSiteAnalysis.get();
  return {
    stations,
    synthetic: facilities.length,
    sites: $activeScenarioState.get()!.sites.length,
    planRows: analysis.status === 'ready' ? analysis.rows.length : 0,
    locations,
  };
}

/** Arms one drag step: the next pointermove in the page drags the site to `location`. */
export function armDragStep(location: [number, number]): void {
  stepDone = new Promise<void>((resolve) => {
    pending = { location, domBefore: panelSignature(), t0: 0, resolve };
  });
  document.addEventListener(
    'pointermove',
    () => {
      pending!.t0 = performance.now();
      previewDrag(item, location);
    },
    { once: true },
  );
}

function timingOf(step: PendingStep): StepTiming {
  return {
    toStore: step.stored! - step.t0,
    toPanel: step.panel! - step.t0,
    frameWait: (step.posted ?? step.t0) - step.t0,
    workerRoundTrip: (step.answered ?? step.stored!) - (step.posted ?? step.t0),
    answerToStore: step.stored! - (step.answered ?? step.stored!),
    storeToPanel: step.panel! - step.stored!,
    unchangedInDom: step.unchangedInDom === true,
  };
}

/** Waits for the armed drag step to reach the panel; returns its timing. */
export async function dragStepResult(): Promise<StepTiming> {
  await Promise.race([stepDone, sleep(30_000).then(() => Promise.reject(new Error('a drag step never reached the panel')))]);
  const step = pending!;
  pending = null;
  const row = $dragSiteAnalysis.get()!;
  dragRows.push(JSON.stringify(row));
  const judged = judgeAtPoint(row.reachability, $completeAreas.get());
  for (const type of HOUSING_TYPES) verdictsSeen[judged.housingTypes[type].verdict] = (verdictsSeen[judged.housingTypes[type].verdict] ?? 0) + 1;
  await nextFrame();
  await sleep(30);
  return timingOf(step);
}

/** The longest main-thread task (PerformanceObserver 'longtask', ≥ 50 ms) between two times; 0 = none. */
export function longestTask(from: number, to: number): number {
  return Math.max(0, ...longTasks.filter((task) => task.startTime + task.duration > from && task.startTime < to).map((task) => task.duration));
}

export function now(): number {
  return performance.now();
}

/** Drops the site at its last dragged position, as a mouse-up does, and waits for the plan's rows. */
export async function drop(): Promise<void> {
  endDrag(true);
  await until(() => $scenarioSiteAnalysis.get().status === 'ready' && $dragSiteAnalysis.get() === null, "the plan's rows after the drop");
  await sleep(300);
}

export interface BaselineResult {
  timings: StepTiming[];
  mismatches: Array<{ step: number; location: [number, number]; incremental: string; full: string }>;
  verdictsSeen: Record<string, number>;
}

/**
 * The naive baseline: every position moved to as a plan edit, so the worker recomputes all sites
 * (as when the plan changes). Checks that each full recompute gives the dragged site the same row as
 * the incremental drag step at that position.
 */
export async function fullRecomputes(locations: Array<[number, number]>): Promise<BaselineResult> {
  const timings: StepTiming[] = [];
  const mismatches: BaselineResult['mismatches'] = [];
  for (const [step, location] of locations.entries()) {
    const done = new Promise<void>((resolve) => {
      pending = { location, domBefore: panelSignature(), t0: performance.now(), resolve };
    });
    const current = pending!;
    const moved = requestMove(item, location);
    if (moved !== 'moved') throw new Error(`the site could not be moved to ${location.join(', ')}: ${moved}`);
    const planRequest = [...requests.values()].filter((times) => times.kind === 'plan').at(-1);
    if (planRequest && planRequest.postedAt >= current.t0) current.posted = planRequest.postedAt;
    await Promise.race([done, sleep(60_000).then(() => Promise.reject(new Error('a full recompute never reached the panel')))]);
    if (current.posted !== undefined) current.answered = [...requests.values()].filter((times) => times.kind === 'plan' && times.postedAt === current.posted)[0]?.answeredAt;
    pending = null;
    timings.push(timingOf(current));
    const analysis = $scenarioSiteAnalysis.get();
    const full = JSON.stringify(analysis.status === 'ready' ? analysis.rows.find((row) => row.siteId === item.id) : null);
    const incremental = dragRows[step] ?? 'missing';
    if (full !== incremental) mismatches.push({ step, location, incremental, full });
    await nextFrame();
    await sleep(50);
  }
  return { timings, mismatches, verdictsSeen };
}
