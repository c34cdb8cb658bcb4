// Presentation mode (issue 10.5): named map views saved with the active draft scenario, stepped through
// one at a time on a projector, and a live walking-distance slider whose norms are put back on leaving.
// What a view holds is read and applied through the shared-link code (src/data/viewHash.ts and
// ./viewLink.ts), so a named view and a link mean the same thing; the extent goes to the map as bounds
// (./mapSnapshot.ts), so a view fits the same area on a projector of another size.

import { atom, computed } from 'nanostores';
import type { PresentationView } from '../domain/scenario';
import { MAX_PRESENTATION_CAPTION_LENGTH } from '../domain/scenario';
import type { NormProfile, WalkingSpeed } from '../domain/norms';
import type { ThematicSettings } from '../domain/mapTheme';
import { encodeViewHash, parseViewHash, type SharedGrid } from '../data/viewHash';
import { stepAction, stepIndex, type StepAction } from '../analysis/presentationSteps';
import { verdictCounts } from '../analysis/municipalityReport';
import { $mapCamera, releaseCamera, requestCamera } from './mapSnapshot';
import { $normProfile, $walkingSpeed, restoreNorms, setAllNormDistances } from './norms';
import { $siteRows } from './projectTable';
import { $activeScenario, setPresentationViews } from './scenarios';
import { applySharedView, currentSharedView } from './viewLink';

export { stepAction };

/** The walking-distance slider's range and step in metres (issue 10: "e.g. 300–800 m"). */
export const PRESENTATION_NORM_RANGE = { min: 300, max: 800, step: 50 } as const;

/** 'fullscreen': the browser's full screen; 'window': the app fills the window (full screen was refused). */
export type PresentationScreen = 'fullscreen' | 'window';

export interface PresentationState {
  active: boolean;
  /** Index of the view on screen in the active draft's views (0 when there are none). */
  index: number;
  screen: PresentationScreen;
  /** The slider's distance once moved; null while the norms in force are the ones from before. */
  normMeters: number | null;
}

export const $presentation = atom<PresentationState>({ active: false, index: 0, screen: 'window', normMeters: null });
export const $presenting = computed($presentation, (state) => state.active);

/** The active draft's named views, in the order they are shown (none without an open draft). */
export const $presentationViews = computed($activeScenario, (scenario): readonly PresentationView[] => scenario?.presentationViews ?? []);

let normsBefore: { profile: NormProfile; speed: WalkingSpeed } | null = null;

let viewCount = 0;
function newViewId(): string {
  viewCount += 1;
  return globalThis.crypto?.randomUUID?.() ?? `view-${Date.now().toString(36)}-${viewCount}`;
}

export type SaveViewResult = { ok: true; view: PresentationView } | { ok: false; reason: 'noScenario' | 'mapNotReady' | 'captionTooLong' };

/** The map as it is now, as a named view: extent, theme, layers, suitability grid and selection (as a shared link holds them). */
export function captureView(caption: string): PresentationView | null {
  const camera = $mapCamera.get();
  if (camera === null) return null;
  const shared = currentSharedView();
  return {
    id: newViewId(),
    caption,
    bounds: camera.visibleBounds,
    thematic: { ...shared.thematic },
    showKeyProjects: shared.showKeyProjects,
    showBuiltUpAreas: shared.showBuiltUpAreas,
    grid: { ...shared.grid },
    selection: shared.selection,
  };
}

/** "Bewaar dit beeld": adds the current map view with its caption at the end of the active draft's views. */
export function saveCurrentView(captionText: string): SaveViewResult {
  const scenario = $activeScenario.get();
  if (scenario === null) return { ok: false, reason: 'noScenario' };
  const caption = captionText.replace(/\s+/g, ' ').trim();
  if (caption.length > MAX_PRESENTATION_CAPTION_LENGTH) return { ok: false, reason: 'captionTooLong' };
  const view = captureView(caption);
  if (view === null) return { ok: false, reason: 'mapNotReady' };
  setPresentationViews(scenario.id, [...(scenario.presentationViews ?? []), view]);
  return { ok: true, view };
}

export function removeView(id: string): void {
  const scenario = $activeScenario.get();
  if (scenario === null) return;
  setPresentationViews(
    scenario.id,
    (scenario.presentationViews ?? []).filter((view) => view.id !== id),
  );
}

/** Moves a view one place earlier (-1) or later (+1) in the presentation. */
export function moveView(id: string, delta: -1 | 1): void {
  const scenario = $activeScenario.get();
  if (scenario === null) return;
  const views = [...(scenario.presentationViews ?? [])];
  const from = views.findIndex((view) => view.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= views.length) return;
  [views[from], views[to]] = [views[to]!, views[from]!];
  setPresentationViews(scenario.id, views);
}

/**
 * Puts a view on the map. Its settings pass through the shared link's encoder and parser, so a view
 * from an edited file applies only what a link would accept; the map then fits the view's extent.
 */
export function showView(view: PresentationView): void {
  const link = parseViewHash(
    encodeViewHash({
      ...currentSharedView(),
      thematic: view.thematic as unknown as ThematicSettings,
      showKeyProjects: view.showKeyProjects,
      showBuiltUpAreas: view.showBuiltUpAreas,
      ...(view.grid ? { grid: view.grid as unknown as SharedGrid } : {}),
      selection: view.selection,
    }),
  );
  applySharedView({ thematic: link.thematic, showKeyProjects: link.showKeyProjects, showBuiltUpAreas: link.showBuiltUpAreas, grid: link.grid, selection: link.selection ?? null });
  // After the selection (which fits the map to itself), so the view's own extent wins.
  requestCamera(view.bounds);
}

export function startPresentation(screen: PresentationScreen): void {
  if ($presentation.get().active) return;
  normsBefore = { profile: $normProfile.get(), speed: $walkingSpeed.get() };
  $presentation.set({ active: true, index: 0, screen, normMeters: null });
  const first = $presentationViews.get()[0];
  if (first) showView(first);
}

/** Full screen was refused or left by the browser while presenting in it: carry on in the window. */
export function setPresentationScreen(screen: PresentationScreen): void {
  const state = $presentation.get();
  if (state.active && state.screen !== screen) $presentation.set({ ...state, screen });
}

/** One step (next, previous, first, last); the view at the new index is put on the map. */
export function stepPresentation(action: Exclude<StepAction, 'leave'>): void {
  const state = $presentation.get();
  const views = $presentationViews.get();
  if (!state.active || views.length === 0) return;
  const index = stepIndex(state.index, views.length, action);
  if (index === state.index) return;
  $presentation.set({ ...state, index });
  showView(views[index]!);
}

/** Leaves presentation mode; the norms in force before it apply again. */
export function leavePresentation(): void {
  const state = $presentation.get();
  if (!state.active) return;
  if (normsBefore !== null && state.normMeters !== null) restoreNorms(normsBefore.profile, normsBefore.speed);
  normsBefore = null;
  releaseCamera();
  $presentation.set({ ...state, active: false, normMeters: null });
}

/** The slider: every walking distance of the norms becomes `meters` (within the slider's range). */
export function setPresentationNorm(meters: number): boolean {
  const state = $presentation.get();
  if (!state.active) return false;
  const clamped = Math.min(PRESENTATION_NORM_RANGE.max, Math.max(PRESENTATION_NORM_RANGE.min, Math.round(meters)));
  if (!setAllNormDistances(clamped)) return false;
  $presentation.set({ ...$presentation.get(), normMeters: clamped });
  return true;
}

/** Where the slider starts: the most common distance of the norms in force, within the slider's range. */
export function startingNormMeters(profile: NormProfile): number {
  const tally = new Map<number, number>();
  for (const norms of Object.values(profile.norms)) for (const norm of norms) tally.set(norm.maxDistanceMeters, (tally.get(norm.maxDistanceMeters) ?? 0) + 1);
  const [common] = [...tally.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [PRESENTATION_NORM_RANGE.min];
  const { min, max, step } = PRESENTATION_NORM_RANGE;
  return Math.min(max, Math.max(min, Math.round(common / step) * step));
}

/** Per housing type, how many key projects of the plan meet the norms in force (null while not yet analysed). */
export const $presentationCounts = computed($siteRows, (rows) =>
  rows === null ? null : { total: rows.length, byType: verdictCounts(rows, new Set(rows.map((row) => row.siteId))) },
);
