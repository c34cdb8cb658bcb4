// Locatiezoeker (issue 13): the settings, one run in the site-finder worker at a time (cancel = stop
// the worker; a cancelled run changes nothing), its answers, and adding found sites to the open draft
// as ordinary edit records. Demand is the dasymetric spread ($dasymetricPopulation, the one owner);
// candidates come from the chosen source (stores/siteFinderCandidates.ts: built-up cells, a drawn
// search area or the planner's own list); all judging and solving happens in the worker.

import { atom, computed } from 'nanostores';
import type { DataIssue } from '../domain/dataIssue';
import { emptySiteHomes, type Site } from '../domain/scenario';
import { DASYMETRIC_SOURCE_IDS, type DasymetricPopulation } from '../analysis/dasymetric';
import { FACILITY_CATEGORIES } from '../domain/facility';
import { isMessageKey } from '../i18n/catalogue';
import { siteFinderCsv, siteFinderGeoJson, type SiteFinderCsvLabels } from '../analysis/siteFinderExport';
import { packFacilitiesSteps } from '../analysis/facilityIndex';
import { runInSlices } from '../analysis/slicedWork';
import { listRecordOf, NO_CELL, type CandidateSourceSetting } from '../analysis/siteFinderCandidates';
import type { AreaServedFigures } from '../analysis/siteFinderFigures';
import { EXACT_TIME_LIMIT_SECONDS, type CandidateCounts, type FoundSite, type SiteFinderAnswer, type SiteFinderRequest, type SiteFinderResponse, type SiteFinderSettings } from '../analysis/siteFinderProtocol';
import { cancelledRun, isRunningStatus, newRun, runWithResponse, type SiteFinderRun } from '../analysis/siteFinderRun';
import { siteFinderRequest } from '../analysis/siteFinderRequest';
import { settingsIssues } from '../analysis/siteFinderWorkerHandler';
import { $appData, $municipalitiesByCode, $municipalityLocator, $sourcesById } from './appData';
import { $activeFacilities, $completeAreas, $facilityDatasets } from './facilities';
import { $formatNumber, $translate } from './language';
import { dateTimeText } from './projectTable';
import { requestView } from './mapView';
import { $normProfile } from './norms';
import { $activeScenarioState, applyScenarioEdit, newSiteId } from './scenarios';
import { $dasymetricPopulation } from './zoneCoverage';
import { SITE_FINDER_GRID_METERS, siteCandidatesFor, siteFinderGrid } from './siteFinderCandidates';
import { citeSource } from '../analysis/exportContent';

export { SITE_FINDER_GRID_METERS };

export const DEFAULT_SITE_FINDER_SETTINGS: SiteFinderSettings = {
  housingType: 'geclusterd',
  band: '75plus',
  distanceMeters: 500,
  mode: { kind: 'maxCover', k: 5 },
  careCountsAsSupply: true,
  candidateSource: { kind: 'builtUp' },
};

export const $siteFinderRun = atom<SiteFinderRun | null>(null);
/** Which answer the list and map show: the greedy one (default) or HiGHS's best choice. */
export const $siteFinderShown = atom<'greedy' | 'exact'>('greedy');

export function showSiteFinderAnswer(which: 'greedy' | 'exact'): void {
  $siteFinderShown.set(which);
}

/** The answer on screen: HiGHS's only when chosen and there. */
export const $siteFinderAnswer = computed([$siteFinderRun, $siteFinderShown], (run, shown): SiteFinderAnswer | null => {
  if (!run) return null;
  return shown === 'exact' && run.exact ? run.exact : run.greedy;
});

/** The part of a Worker the store uses, so tests can pass one that runs the handler directly. */
export interface SiteFinderWorkerPort {
  postMessage(message: SiteFinderRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SiteFinderResponse>) => void): void;
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

let createPort: () => SiteFinderWorkerPort = () => new Worker(new URL('../analysis/siteFinderWorker.ts', import.meta.url), { type: 'module', name: 'site-finder' });
let port: SiteFinderWorkerPort | null = null;
let nextRunId = 1;

/** For tests: how the worker is made. */
export function setSiteFinderWorkerFactory(factory: () => SiteFinderWorkerPort): void {
  port?.terminate();
  port = null;
  createPort = factory;
}

function update(runId: number, changes: Partial<SiteFinderRun>): void {
  const run = $siteFinderRun.get();
  if (run && run.runId === runId) $siteFinderRun.set({ ...run, ...changes });
}


function onResponse(event: MessageEvent<SiteFinderResponse>): void {
  const run = $siteFinderRun.get();
  if (!run) return;
  const next = runWithResponse(run, event.data);
  if (next === run) return;
  $siteFinderRun.set(next);
  if (event.data.type === 'greedy') showSites(event.data.answer);
}

/** Brings the found sites into view (with a margin of about 1 km). */
function showSites(answer: SiteFinderAnswer): void {
  if (answer.sites.length === 0) return;
  const lons = answer.sites.map((site) => site.location[0]);
  const lats = answer.sites.map((site) => site.location[1]);
  requestView({ kind: 'bounds', bounds: [Math.min(...lons) - 0.015, Math.min(...lats) - 0.01, Math.max(...lons) + 0.015, Math.max(...lats) + 0.01] });
}

function workerPort(): SiteFinderWorkerPort {
  if (port) return port;
  const created = createPort();
  created.addEventListener('message', onResponse);
  created.onerror = (event: ErrorEvent) => {
    const run = $siteFinderRun.get();
    if (run && (run.status === 'preparing' || run.status === 'greedy' || run.status === 'exact')) {
      update(run.runId, { status: 'failed', issues: [{ code: 'siteFinder.workerError', file: 'siteFinderWorker', params: { reason: event.message || 'worker' } }] });
    }
    port?.terminate();
    port = null;
  };
  port = created;
  return created;
}

/** The spread, once computed (subscribing starts it). */
function populationReady(): Promise<DasymetricPopulation> {
  return new Promise((resolve) => {
    let unsubscribe: (() => void) | null = null;
    unsubscribe = $dasymetricPopulation.subscribe((population) => {
      if (!population) return;
      resolve(population);
      queueMicrotask(() => unsubscribe?.());
    });
  });
}

/**
 * Starts a run with these settings: refused at once (issues returned) when D, K or X is out of range;
 * otherwise the answer arrives in $siteFinderRun. A running search is cancelled first.
 */
export async function runSiteFinder(settings: SiteFinderSettings): Promise<DataIssue[]> {
  const early = settingsIssues({ settings });
  if (early.length > 0) return early;
  if (isRunning()) cancelSiteFinder();
  const runId = nextRunId++;
  $siteFinderShown.set('greedy');
  $siteFinderRun.set(newRun(runId, settings, new Date().toISOString(), EXACT_TIME_LIMIT_SECONDS));
  const data = $appData.get();
  if (!data.olderPeople || !data.builtUpAreas) {
    update(runId, { status: 'failed', issues: [{ code: 'siteFinder.noPopulationData', file: 'siteFinder' }] });
    return [];
  }
  const population = await populationReady();
  const stillMine = () => $siteFinderRun.get()?.runId === runId && $siteFinderRun.get()?.status === 'preparing';
  const grid = siteFinderGrid();
  if (!stillMine()) return [];
  if (!grid) {
    update(runId, { status: 'failed', issues: [{ code: 'siteFinder.noDemand', file: 'siteFinder' }] });
    return [];
  }
  const facilities = $activeFacilities.get();
  const packed = await runInSlices(packFacilitiesSteps(facilities), { stillWanted: stillMine });
  if (!packed || !stillMine()) return [];
  const candidates = siteCandidatesFor(settings.candidateSource, grid, population);
  const { request, supply, transfer } = siteFinderRequest({
    runId,
    settings,
    profile: $normProfile.get(),
    timeLimitSeconds: EXACT_TIME_LIMIT_SECONDS,
    population,
    candidates,
    completeAreas: $completeAreas.get(),
    sites: $activeScenarioState.get()?.sites ?? [],
    packed,
    facilities,
  });
  update(runId, { status: 'greedy', supply });
  workerPort().postMessage(request, transfer);
  return [];
}

function isRunning(): boolean {
  const run = $siteFinderRun.get();
  return run !== null && isRunningStatus(run.status);
}

/**
 * Cancels the running search: the worker is stopped (HiGHS cannot be interrupted otherwise). Before
 * the greedy answer arrived nothing is kept; after it, the greedy answer stays and the exact run is
 * reported as cancelled. Nothing in the plan changes either way.
 */
export function cancelSiteFinder(): void {
  const run = $siteFinderRun.get();
  if (!run || !isRunning()) return;
  port?.terminate();
  port = null;
  $siteFinderRun.set(cancelledRun(run));
}

/** Grid position → the kern (TOP10NL built-up area) whose samples fall in that cell. */
export const $kernOfCell = computed($dasymetricPopulation, (population): Map<number, { name: string; municipalityCode: string }> => {
  const kernOf = new Map<number, { name: string; municipalityCode: string }>();
  for (const kern of population?.kernen ?? []) for (const position of kern.cellPositions) if (!kernOf.has(position)) kernOf.set(position, { name: kern.name, municipalityCode: kern.municipalityCode });
  return kernOf;
});

/** The draft has a site at a found site's place (within about 1 cm): added already. */
export function isFoundSiteInPlan(site: Pick<FoundSite, 'location'>, sites: readonly Site[]): boolean {
  const [lon, lat] = site.location;
  return sites.some((planned) => Math.abs(planned.location[0] - lon) < 1e-7 && Math.abs(planned.location[1] - lat) < 1e-7);
}

/** Adds one found site to the open draft as an edit ("Locatie toegevoegd"); null without a draft or when it is in the plan already. */
export function addFoundSite(site: FoundSite): Site | null {
  const state = $activeScenarioState.get();
  const run = $siteFinderRun.get();
  if (!state || !run || isFoundSiteInPlan(site, state.sites)) return null;
  // the cell centre itself, not rounded to the 6 decimals a planner types: on a 250 m grid with D = 500 m
  // many cells lie exactly D apart, and 0.1 m would move them in or out of the site's reach
  const location: [number, number] = [site.location[0], site.location[1]];
  const code = $municipalityLocator.get()(location);
  if (code === null) return null;
  const t = $translate.get();
  const place = foundSitePlace(site);
  const { settings } = run;
  const planned: Site = {
    id: newSiteId(),
    name: t('siteFinder.siteName', { rank: site.rank, place: place.name ?? place.kern }),
    location,
    outline: null,
    municipalityCode: code,
    homes: emptySiteHomes(),
    tenure: 'socialeHuur',
    phase: '2024-2030',
    year: null,
    keyProjectId: null,
    notes: t('siteFinder.siteNotes', {
      type: t(`housing.${settings.housingType}`),
      band: t(`siteFinder.band.${settings.band}`),
      distance: settings.distanceMeters,
      added: Math.round(site.addedDemand),
    }),
  };
  applyScenarioEdit({ kind: 'addSite', site: planned });
  return planned;
}

/** Adds every shown site not yet in the plan, one edit each (each can be undone on its own). */
export function addAllFoundSites(): number {
  const answer = $siteFinderAnswer.get();
  if (!answer) return 0;
  return answer.sites.reduce((added, site) => added + (addFoundSite(site) ? 1 : 0), 0);
}

// --- words and exports ----------------------------------------------------------------------------

/** Where a found site lies: its kern (or "buiten een kern") and municipality, in words; a listed candidate also by its name (or row). */
export function foundSitePlace(site: Pick<FoundSite, 'id' | 'label' | 'cellPosition' | 'location'>): { kern: string; municipality: string; municipalityCode: string | null; name?: string } {
  const t = $translate.get();
  const kern = site.cellPosition === NO_CELL ? undefined : $kernOfCell.get().get(site.cellPosition);
  const code = kern?.municipalityCode ?? $municipalityLocator.get()(site.location);
  const municipality = code === null ? '–' : ($municipalitiesByCode.get().get(code)?.name ?? code);
  const listed = listRecordOf(site.id);
  const place = { kern: kern?.name ?? t('siteFinder.noKern'), municipality, municipalityCode: code };
  return listed ? { ...place, name: site.label || recordText(listed) } : place;
}

/** "rij 5" / "object 3" in the planner's language. */
function recordText(listed: { kind: 'rij' | 'object'; record: number }): string {
  return $translate.get()(listed.kind === 'rij' ? 'siteFinder.listRow' : 'siteFinder.listFeature', { record: listed.record });
}

const percentText = (value: number) => $formatNumber.get()(Math.round(value * 10) / 10);
const peopleText = (value: number) => $formatNumber.get()(Math.round(value));

/**
 * The sentence comparing the fast answer with the best possible one: "Deze 5 locaties bereiken 1.240
 * nog niet bediende 75-plussers; de best mogelijke keuze bereikt 1.262 (HiGHS, 1,7 % meer)", or while
 * HiGHS runs, or when it could not finish: the greedy guarantee and an upper bound.
 */
export function comparisonSentence(run: SiteFinderRun): string {
  const t = $translate.get();
  const greedy = run.greedy;
  if (!greedy) return '';
  const { settings } = run;
  const band = t(`siteFinder.bandPeople.${settings.band}`);
  const exact = run.exact;
  if (settings.mode.kind === 'maxCover') {
    const first = t('siteFinder.sentence.reach', { count: greedy.sites.length, people: peopleText(greedy.addedDemand), band, distance: settings.distanceMeters });
    if (greedy.optimal) return `${first} ${t('siteFinder.sentence.provenByBound')}`;
    if (run.status === 'exact') return `${first} ${t('siteFinder.sentence.exactRunning', { seconds: run.timeLimitSeconds })}`;
    if (exact?.optimal) {
      if (exact.addedDemand > greedy.addedDemand + 1e-6) {
        return `${first.replace(/\.$/, '')}; ${t('siteFinder.sentence.bestIs', { people: peopleText(exact.addedDemand), percent: percentText(((exact.addedDemand - greedy.addedDemand) / Math.max(greedy.addedDemand, 1e-9)) * 100) })}`;
      }
      return `${first} ${t('siteFinder.sentence.provenByHighs')}`;
    }
    const bound = Math.min(greedy.upperBound ?? Infinity, exact?.upperBound ?? Infinity);
    const guarantee = t('siteFinder.sentence.guarantee', { bound: peopleText(bound), band, count: greedy.sites.length });
    const found = exact && exact.addedDemand > greedy.addedDemand + 1e-6 ? ` ${t('siteFinder.sentence.foundBetter', { people: peopleText(exact.addedDemand) })}` : '';
    const why = run.exactIssues[0] ? ` ${issueMessage(run.exactIssues[0])}` : '';
    return `${first}${why}${found} ${guarantee}`;
  }
  const pct = greedy.totalDemand > 0 ? (100 * greedy.servedAfter) / greedy.totalDemand : 0;
  const first = greedy.reached
    ? t('siteFinder.sentence.fewest', { count: greedy.sites.length, percent: percentText(pct), band, distance: settings.distanceMeters, target: percentText(settings.mode.targetPercent) })
    : t('siteFinder.sentence.fewestUnreached', { count: greedy.sites.length, percent: percentText(pct), band, distance: settings.distanceMeters, target: percentText(settings.mode.targetPercent) });
  if (!greedy.reached) return first;
  if (greedy.optimal) return `${first} ${t('siteFinder.sentence.fewestProvenByBound')}`;
  if (run.status === 'exact') return `${first} ${t('siteFinder.sentence.exactRunning', { seconds: run.timeLimitSeconds })}`;
  if (exact?.optimal) {
    return exact.sites.length < greedy.sites.length ? `${first} ${t('siteFinder.sentence.fewestBestIs', { count: exact.sites.length })}` : `${first} ${t('siteFinder.sentence.fewestProvenByHighs')}`;
  }
  const lowerBound = Math.max(greedy.lowerBound ?? 0, exact?.lowerBound ?? 0);
  const why = run.exactIssues[0] ? ` ${issueMessage(run.exactIssues[0])}` : '';
  return `${first}${why} ${t('siteFinder.sentence.fewestLowerBound', { count: lowerBound })}`;
}

function issueMessage(issue: DataIssue): string {
  const t = $translate.get();
  return isMessageKey(issue.code) ? t(issue.code, { file: issue.file, ...issue.params }) : issue.code;
}

function csvLabels(): SiteFinderCsvLabels {
  const t = $translate.get();
  const run = $siteFinderRun.get();
  return {
    rank: t('siteFinder.csv.rank'),
    candidate: t('siteFinder.csv.candidate'),
    kern: t('siteFinder.csv.kern'),
    municipality: t('siteFinder.csv.municipality'),
    latitude: t('siteFinder.csv.latitude'),
    longitude: t('siteFinder.csv.longitude'),
    added: t('siteFinder.csv.added'),
    nearest: t('siteFinder.csv.nearest'),
    noneLoaded: t('siteFinder.csv.noneLoaded'),
    municipalitiesTitle: t('siteFinder.municipalitiesTitle'),
    people: t('siteFinder.csv.people'),
    servedBefore: t('siteFinder.csv.servedBefore'),
    servedAfter: t('siteFinder.csv.servedAfter'),
    shareBefore: t('siteFinder.csv.shareBefore'),
    shareAfter: t('siteFinder.csv.shareAfter'),
    percentileBefore: t('siteFinder.csv.percentileBefore'),
    percentileAfter: t('siteFinder.csv.percentileAfter'),
    noSite: t('siteFinder.noSite'),
    categories: Object.fromEntries(FACILITY_CATEGORIES.map((category) => [category, t(`category.${category}`)])),
    band: run ? t(`siteFinder.band.${run.settings.band}`) : '',
  };
}

/** What the figures rest on, as label/value lines: date, settings, supply, candidates, method, comparison, sources. */
function aboutLines(run: SiteFinderRun, exportedAt: Date): string[][] {
  const t = $translate.get();
  const { settings } = run;
  const sources = $sourcesById.get();
  const lines: string[][] = [
    [t('siteFinder.csv.aboutTitle')],
    [t('siteFinder.csv.exportedAt'), dateTimeText(exportedAt)],
    [t('siteFinder.housingType'), t(`housing.${settings.housingType}`)],
    [t('siteFinder.band'), t(`siteFinder.band.${settings.band}`)],
    [t('siteFinder.distance'), `${settings.distanceMeters} m`],
    settings.mode.kind === 'maxCover' ? [t('siteFinder.k'), String(settings.mode.k)] : [t('siteFinder.target'), `${settings.mode.targetPercent} %`],
    [t('siteFinder.care'), settings.careCountsAsSupply ? t('siteFinder.csv.yes') : t('siteFinder.csv.no')],
    [t('siteFinder.csv.supply'), t('siteFinder.supplyCounts', { sites: run.supply.sites, care: run.supply.care })],
    [t('siteFinder.candidateSource'), candidateSourceText(settings.candidateSource)],
    [t('siteFinder.csv.candidates'), run.counts ? candidateText(run.counts) : ''],
    [t('siteFinder.csv.method'), t('dasymetric.method', { cellSize: String(SITE_FINDER_GRID_METERS) })],
    [t('siteFinder.csv.solver'), t('siteFinder.methodText')],
    [t('siteFinder.csv.result'), comparisonSentence(run)],
    [t('siteFinder.csv.capacity'), t('siteFinder.capacityNote')],
  ];
  for (const id of DASYMETRIC_SOURCE_IDS) {
    const cited = sources.get(id);
    if (cited) lines.push([t('siteFinder.csv.sources'), citeSource(cited)]);
  }
  for (const dataset of $facilityDatasets.get().filter((item) => !item.hidden)) {
    lines.push([t('siteFinder.csv.facilities'), `${dataset.name} (${dataset.source}, ${dataset.licence}, ${dataset.retrievedAt.slice(0, 10)})`]);
  }
  return lines;
}

/** The candidates in words: the source's points, how many meet every norm, how many are left out and why (a listed point by its row). */
export function candidateText(counts: CandidateCounts): string {
  const t = $translate.get();
  const formatNumber = $formatNumber.get();
  const params = { considered: formatNumber(counts.considered), candidates: formatNumber(counts.candidates), noData: formatNumber(counts.noData), notMet: formatNumber(counts.notMet) };
  const text = t(counts.source === 'searchArea' ? 'siteFinder.candidateCounts.searchArea' : counts.source === 'list' ? 'siteFinder.candidateCounts.list' : 'siteFinder.candidateCounts', params);
  if (counts.leftOut.length === 0) return text;
  const items = counts.leftOut.map((item) => {
    const listed = listRecordOf(item.id);
    return `${listed ? recordText(listed) : item.id} (${t(item.reason === 'noData' ? 'siteFinder.leftOut.noData' : 'siteFinder.leftOut.notMet')})`;
  });
  const more = counts.noData + counts.notMet - counts.leftOut.length;
  return `${text} ${t('siteFinder.leftOutList', { items: items.join(', ') })}${more > 0 ? ` ${t('siteFinder.leftOutMore', { count: formatNumber(more) })}` : ''}`;
}

/** The candidate source of a run in words: built-up areas, the drawn search area, or the planner's list by file name. */
export function candidateSourceText(source: CandidateSourceSetting): string {
  const t = $translate.get();
  if (source.kind === 'searchArea') return t('siteFinder.source.searchAreaNamed', { corners: source.outline[0] ? source.outline[0].length - 1 : 0 });
  if (source.kind === 'list') return t('siteFinder.source.listNamed', { file: source.fileName, count: $formatNumber.get()(source.count) });
  return t('siteFinder.source.builtUp');
}

const areaName = (area: AreaServedFigures) => (area.code === 'overijssel' ? $translate.get()('area.overijssel') : ($municipalitiesByCode.get().get(area.code)?.name ?? area.code));

/** The shown answer as CSV (sites, municipalities before/after, settings and sources); null without one. */
export function siteFinderCsvText(exportedAt: Date = new Date()): string | null {
  const run = $siteFinderRun.get();
  const answer = $siteFinderAnswer.get();
  if (!run || !answer) return null;
  return siteFinderCsv(answer, foundSitePlace, areaName, csvLabels(), aboutLines(run, exportedAt));
}

/** The shown answer as GeoJSON with settings, method and sources; null without one. */
export function siteFinderGeoJsonText(exportedAt: Date = new Date()): string | null {
  const run = $siteFinderRun.get();
  const answer = $siteFinderAnswer.get();
  if (!run || !answer) return null;
  const t = $translate.get();
  const sources = $sourcesById.get();
  return JSON.stringify(
    siteFinderGeoJson(answer, foundSitePlace, {
      createdAt: exportedAt.toISOString(),
      settings: run.settings,
      method: `${t('dasymetric.method', { cellSize: String(SITE_FINDER_GRID_METERS) })} ${t('siteFinder.methodText')}`,
      supply: run.supply,
      candidates: run.counts,
      comparison: comparisonSentence(run),
      datasets: $facilityDatasets.get().filter((dataset) => !dataset.hidden).map(({ name, source, licence, retrievedAt }) => ({ name, source, licence, retrievedAt })),
      sources: DASYMETRIC_SOURCE_IDS.flatMap((id) => {
        const cited = sources.get(id);
        return cited ? [citeSource(cited)] : [];
      }),
      note: t('siteFinder.capacityNote'),
    }),
  );
}

/** Centres the map on one found site, close enough to see its cell and the streets around it. */
export function showFoundSite(site: Pick<FoundSite, 'location'>): void {
  requestView({ kind: 'point', center: site.location, minZoom: 14 });
}
