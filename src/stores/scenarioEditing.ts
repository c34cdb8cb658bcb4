// Editing the active draft on the map and in the site panel: adding a site by clicking, moving a site
// or key project (drag, arrow keys, typed coordinates; across a municipal border only after asking),
// changing a site's fields, deleting it. Every change becomes one edit record through the scenario
// stores (applyScenarioEdit), so undo/redo and the history see it.

import { atom, batch, computed } from 'nanostores';
import { judgeAtPoint } from '../analysis/dataCoverage';
import { arrowKeyOffset, offsetByMeters, roundCoordinate } from '../analysis/siteMove';
import { validateSiteFields, type SiteFieldIssue } from '../analysis/siteValidation';
import type { LocationReachability } from '../analysis/reachability';
import { emptySiteHomes, type Site, type SiteFields } from '../domain/scenario';
import { $appData, $municipalityLocator } from './appData';
import { $completeAreas } from './facilities';
import { $translate } from './language';
import { isMessageKey } from '../i18n/catalogue';
import { cancelPolygonDrawing, startPolygonDrawing } from './polygonDrawing';
import { $activeScenarioId, $activeScenarioState, applyScenarioEdit, newSiteId } from './scenarios';
import { $dragPreview, $dragReachSite, $dragSiteAnalysis, $scenarioSiteAnalysis, type PlanItem } from './scenarioSiteAnalysis';
import { $selection, clearSelection, selectSite } from './selection';

export type { PlanItem };
export { $dragPreview };

/** true while the next map click (or Enter on the map) adds a site. */
export const $addingSite = atom(false);

export function startAddingSite(): void {
  $addingSite.set(true);
}

export function stopAddingSite(): void {
  $addingSite.set(false);
}

/** A move across a municipal border, waiting for the planner's answer. */
export interface PendingBorderMove {
  item: PlanItem;
  name: string;
  location: [number, number];
  fromCode: string;
  toCode: string;
}

export const $pendingBorderMove = atom<PendingBorderMove | null>(null);

/** Why the last add or move on the map was refused (a place outside Overijssel); cleared by the next one. */
export const $editRefusal = atom<SiteFieldIssue | null>(null);

export function dismissEditRefusal(): void {
  $editRefusal.set(null);
}

function validationContext() {
  const data = $appData.get();
  return { province: data.province?.features[0] ?? null, keyProjectIds: new Set((data.keyProjects ?? []).map((project) => project.id)) };
}

/** The municipality a place lies in, or the field issue that refuses it (outside the province or any municipality). */
function placeAt(location: [number, number]): { code: string } | { issue: SiteFieldIssue } {
  const [issue] = validateSiteFields({ location }, validationContext());
  if (issue) return { issue };
  const code = $municipalityLocator.get()(location);
  if (code === null) {
    return { issue: { field: 'location', code: 'site.outsideProvince', file: 'scenario', params: { field: 'location', lon: location[0].toFixed(5), lat: location[1].toFixed(5) } } };
  }
  return { code };
}

function rounded(location: readonly [number, number]): [number, number] {
  return [roundCoordinate(location[0]), roundCoordinate(location[1])];
}

function findSite(siteId: string): Site | undefined {
  return $activeScenarioState.get()?.sites.find((site) => site.id === siteId);
}

/** Adds a site at a clicked place (default fields, to be filled in its panel) and selects it; null when refused. */
export function addSiteAt(clicked: [number, number]): Site | null {
  $addingSite.set(false);
  const state = $activeScenarioState.get();
  if (!state) return null;
  const location = rounded(clicked);
  const place = placeAt(location);
  if ('issue' in place) {
    $editRefusal.set(place.issue);
    return null;
  }
  $editRefusal.set(null);
  const site: Site = {
    id: newSiteId(),
    name: $translate.get()('scenarios.newSiteName', { number: state.sites.length + 1 }),
    location,
    outline: null,
    municipalityCode: place.code,
    homes: emptySiteHomes(),
    tenure: 'socialeHuur',
    phase: '2024-2030',
    year: null,
    keyProjectId: null,
    notes: '',
  };
  applyScenarioEdit({ kind: 'addSite', site });
  selectSite(site.id);
  return site;
}

function moveNow(item: PlanItem, location: [number, number], code: string): void {
  const state = $activeScenarioState.get();
  if (!state) return;
  if (item.kind === 'site') {
    const site = findSite(item.id);
    if (!site) return;
    const crossed = code !== site.municipalityCode;
    applyScenarioEdit({
      kind: 'updateSite',
      siteId: site.id,
      before: crossed ? { location: site.location, municipalityCode: site.municipalityCode } : { location: site.location },
      after: crossed ? { location, municipalityCode: code } : { location },
    });
  } else {
    applyScenarioEdit({ kind: 'moveKeyProject', keyProjectId: item.id, from: state.keyProjectPlacements.get(item.id) ?? null, to: { location, precision: 'planner' } });
  }
}

/**
 * Moves a site or key project of the active draft to a place: refused outside Overijssel, asked first
 * when the place lies in another municipality than the item's, else recorded as one edit.
 */
export function requestMove(item: PlanItem, to: [number, number]): 'moved' | 'asked' | 'refused' {
  if (!$activeScenarioState.get()) return 'refused';
  const location = rounded(to);
  const place = placeAt(location);
  if ('issue' in place) {
    $editRefusal.set(place.issue);
    return 'refused';
  }
  $editRefusal.set(null);
  const current =
    item.kind === 'site'
      ? findSite(item.id)
      : ($appData.get().keyProjects ?? []).find((project) => project.id === item.id);
  if (!current) return 'refused';
  if (place.code !== current.municipalityCode) {
    $pendingBorderMove.set({ item, name: current.name, location, fromCode: current.municipalityCode, toCode: place.code });
    return 'asked';
  }
  moveNow(item, location, place.code);
  return 'moved';
}

export function confirmBorderMove(): void {
  const pending = $pendingBorderMove.get();
  if (!pending) return;
  batch(() => {
    $pendingBorderMove.set(null);
    // a key project stays with its published municipality; a site's homes move to the new one
    moveNow(pending.item, pending.location, pending.item.kind === 'site' ? pending.toCode : pending.fromCode);
  });
}

export function cancelBorderMove(): void {
  $pendingBorderMove.set(null);
}

/** An arrow key on the selected site: 10 m, with Shift 100 m. Returns false for other keys. */
export function nudgeSite(siteId: string, key: string, shift: boolean): boolean {
  const offset = arrowKeyOffset(key, shift);
  const site = findSite(siteId);
  if (!offset || !site) return false;
  requestMove({ kind: 'site', id: siteId }, offsetByMeters(site.location, offset[0], offset[1]));
  return true;
}

// Another draft (or none) opened: adding, a pending question and a selected site of the old one end.
$activeScenarioId.listen(() => {
  batch(() => {
    $addingSite.set(false);
    $pendingBorderMove.set(null);
    $dragPreview.set(null);
    if ($selection.get()?.kind === 'site') clearSelection();
  });
});

// --- dragging ---

export function previewDrag(item: PlanItem, location: [number, number]): void {
  $dragPreview.set({ item, location });
}

/** Ends a drag: drop = record the move at the last position; cancel = nothing changes. */
export function endDrag(drop: boolean): void {
  const preview = $dragPreview.get();
  batch(() => {
    $dragPreview.set(null);
    // cancelled: the live row was for a place the site never went to (a drop keeps it until the plan's rows arrive)
    if (!drop) $dragSiteAnalysis.set(null);
  });
  if (drop && preview) requestMove(preview.item, preview.location);
}

// --- fields ---

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Saves changed fields of a site as one edit. Impossible values are refused: the issues are returned
 * (one per field) and nothing is recorded.
 */
export function updateSiteFields(siteId: string, fields: Partial<SiteFields>): SiteFieldIssue[] {
  const site = findSite(siteId);
  if (!site) return [];
  const merged = { ...site, ...fields };
  // year and phase are checked against each other, so both go in when either changes
  const checked: Partial<SiteFields> = { ...fields, ...('year' in fields || 'phase' in fields ? { year: merged.year, phase: merged.phase } : {}) };
  const issues = validateSiteFields(checked, { ...validationContext(), record: site.name });
  if (issues.length > 0) return issues;
  const before: Partial<SiteFields> = {};
  const after: Partial<SiteFields> = {};
  for (const key of Object.keys(fields) as (keyof SiteFields)[]) {
    if (sameValue(site[key], fields[key])) continue;
    (before as Record<string, unknown>)[key] = site[key];
    (after as Record<string, unknown>)[key] = fields[key];
  }
  if (Object.keys(after).length > 0) applyScenarioEdit({ kind: 'updateSite', siteId, before, after });
  return [];
}

export function deleteSite(siteId: string): void {
  const site = findSite(siteId);
  if (!site) return;
  batch(() => {
    applyScenarioEdit({ kind: 'removeSite', site });
    const selection = $selection.get();
    if (selection?.kind === 'site' && selection.id === siteId) clearSelection();
  });
}

/** Puts a key project back at its published location in the active draft. */
export function resetKeyProjectPlacement(keyProjectId: string): void {
  const from = $activeScenarioState.get()?.keyProjectPlacements.get(keyProjectId);
  if (!from) return;
  applyScenarioEdit({ kind: 'moveKeyProject', keyProjectId, from, to: null });
}

// --- reachability of the sites ---

export type SiteReach = { status: 'pending' } | { status: 'ready'; result: LocationReachability; live: boolean } | { status: 'failed' };

/** The worker's rows for the plan judged against the declared coverage: once per answer, not per drag step. */
const $planSiteReachability = computed([$scenarioSiteAnalysis, $completeAreas], (analysis, areas): ReadonlyMap<string, SiteReach> => {
  if (analysis.status === 'failed') return new Map([['*', { status: 'failed' }]]);
  const result = new Map<string, SiteReach>();
  const rows = analysis.status === 'ready' || analysis.status === 'pending' ? (analysis.rows ?? []) : [];
  for (const row of rows) result.set(row.siteId, { status: 'ready', result: judgeAtPoint(row.reachability, areas), live: false });
  return result;
});

/**
 * Per site of the active draft, its reachability judged against the declared coverage: the dragged
 * site's live result while it is being dragged (and until the plan's new rows arrive), else the
 * worker's rows for the plan. A drag step judges only the dragged site's row.
 */
export const $siteReachability = computed(
  [$planSiteReachability, $dragSiteAnalysis, $dragReachSite, $completeAreas],
  (plan, dragRow, dragSite, areas): ReadonlyMap<string, SiteReach> => {
    if (!dragRow || plan.has('*')) return plan;
    const result = new Map(plan);
    result.set(dragRow.siteId, { status: 'ready', result: judgeAtPoint(dragRow.reachability, areas), live: dragSite !== null });
    return result;
  },
);

export function siteReachOf(reach: ReadonlyMap<string, SiteReach>, siteId: string): SiteReach {
  return reach.get(siteId) ?? reach.get('*') ?? { status: 'pending' };
}

// --- outline ---

/** The site whose outline is being drawn, or null. */
let outlineDrawingFor: string | null = null;

/**
 * Opens the polygon drawing for a site's outline (a new one, or editing the one it has). The finished
 * outline is checked (closed, not crossing itself, inside Overijssel) and saved as one edit; a refused
 * one stays on the map for correcting, with the reason.
 */
export function startSiteOutlineDrawing(siteId: string): void {
  const site = findSite(siteId);
  if (!site) return;
  const t = $translate.get();
  outlineDrawingFor = siteId;
  startPolygonDrawing({
    title: t('sitePanel.outlineDrawingTitle', { name: site.name }),
    initial: site.outline ? { type: 'Polygon', coordinates: site.outline } : null,
    onFinish: (polygon) => {
      const outline = polygon.coordinates.map((ring) => ring.map(([lon, lat]) => [roundCoordinate(lon!), roundCoordinate(lat!)] as [number, number]));
      const [issue] = updateSiteFields(siteId, { outline });
      if (issue) return isMessageKey(issue.code) ? $translate.get()(issue.code, issue.params) : issue.code;
      outlineDrawingFor = null;
      return null;
    },
    onCancel: () => (outlineDrawingFor = null),
  });
}

export function removeSiteOutline(siteId: string): void {
  if (findSite(siteId)?.outline) updateSiteFields(siteId, { outline: null });
}

// A draft closed or switched while its site's outline was being drawn: the drawing ends.
$activeScenarioId.listen(() => {
  if (outlineDrawingFor !== null) cancelPolygonDrawing();
});
