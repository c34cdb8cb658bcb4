// Keeps the address bar's hash in step with the view (src/data/viewHash.ts), so a link reopens it:
// a new selection adds a history entry (back/forward walk through selections), every other change
// (pan, zoom, theme, layers, language) replaces the current one. Opening a link or walking history
// applies the hash to the stores.

import { encodeViewHash, parseViewHash, type ParsedView, type SharedSelection, type SharedView } from '../data/viewHash';
import { $language, setLanguage } from './language';
import { $showBuiltUpAreas, $showKeyProjects, $thematic } from './mapLayers';
import { $mapView, PROVINCE_BOUNDS, requestView } from './mapView';
import { $activeScenarioId, $scenarios, selectScenario } from './scenarios';
import { $selection, type Selection } from './selection';
import { $gridSettings, setGridSettings } from './suitabilityGrid';

export interface ViewLinkWindow {
  location: { hash: string; pathname: string; search: string };
  history: { pushState(data: unknown, unused: string, url: string): void; replaceState(data: unknown, unused: string, url: string): void };
  addEventListener(type: 'popstate' | 'hashchange', listener: () => void): void;
  removeEventListener(type: 'popstate' | 'hashchange', listener: () => void): void;
}

function sharedSelection(selection: Selection): SharedSelection | null {
  switch (selection?.kind) {
    case 'municipality':
    case 'area':
    case 'keyProject':
    case 'site':
      return selection;
    default:
      // Facilities (possibly the planner's own imports), an analysis point or a comparison stay out of the link.
      return null;
  }
}

const PROVINCE_CENTER: [number, number] = [(PROVINCE_BOUNDS[0] + PROVINCE_BOUNDS[2]) / 2, (PROVINCE_BOUNDS[1] + PROVINCE_BOUNDS[3]) / 2];

/** The current view as the link carries it. */
export function currentSharedView(): SharedView {
  const mapView = $mapView.get();
  return {
    center: mapView?.center ?? PROVINCE_CENTER,
    zoom: mapView?.zoom ?? 8,
    thematic: $thematic.get(),
    showKeyProjects: $showKeyProjects.get(),
    showBuiltUpAreas: $showBuiltUpAreas.get(),
    grid: $gridSettings.get(),
    selection: sharedSelection($selection.get()),
    language: $language.get(),
    scenarioId: $activeScenarioId.get(),
  };
}

let pendingScenarioId: string | null = null;

/** Applies a parsed hash to the stores; the map follows $viewRequest. */
export function applySharedView(view: ParsedView): void {
  if (view.language && view.language !== $language.get()) setLanguage(view.language);
  if (view.thematic) $thematic.set({ ...$thematic.get(), ...view.thematic });
  if (view.showKeyProjects !== undefined) $showKeyProjects.set(view.showKeyProjects);
  if (view.showBuiltUpAreas !== undefined) $showBuiltUpAreas.set(view.showBuiltUpAreas);
  if (view.grid && JSON.stringify({ ...$gridSettings.get(), ...view.grid }) !== JSON.stringify($gridSettings.get())) setGridSettings(view.grid);
  if (view.scenarioId) {
    // The draft comes from this browser's storage, which may still be loading: open it when it arrives.
    if ($scenarios.get().some((scenario) => scenario.id === view.scenarioId)) selectScenario(view.scenarioId);
    else pendingScenarioId = view.scenarioId;
  }
  if (view.selection !== undefined && JSON.stringify(sharedSelection($selection.get())) !== JSON.stringify(view.selection)) {
    $selection.set(view.selection);
  }
  // After the selection (which fits the map to it), so the link's own view wins.
  if (view.center && view.zoom !== undefined) requestView({ kind: 'view', view: { center: view.center, zoom: view.zoom } });
}

/**
 * Reads the hash once (before the map is created, so the map opens at the shared view), then writes
 * it on every change and applies it on back/forward. Returns the stop function.
 */
export function startViewLink(win: ViewLinkWindow): () => void {
  let applying = false;
  const apply = () => {
    applying = true;
    try {
      applySharedView(parseViewHash(win.location.hash));
    } finally {
      applying = false;
    }
    lastSelection = JSON.stringify(currentSharedView().selection);
    lastHash = win.location.hash;
  };
  let lastSelection = '';
  let lastHash = '';
  apply();

  const write = () => {
    if (applying) return;
    const view = currentSharedView();
    const hash = encodeViewHash(view);
    if (hash === lastHash) return;
    const selection = JSON.stringify(view.selection);
    const url = win.location.pathname + win.location.search + hash;
    if (selection !== lastSelection) win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
    lastSelection = selection;
    lastHash = hash;
  };
  const onNavigate = () => {
    if (win.location.hash !== lastHash) apply();
  };
  win.addEventListener('popstate', onNavigate);
  win.addEventListener('hashchange', onNavigate);
  const unsubscribers = [
    $mapView.listen(write),
    $thematic.listen(write),
    $showKeyProjects.listen(write),
    $showBuiltUpAreas.listen(write),
    $gridSettings.listen(write),
    $selection.listen(write),
    $language.listen(write),
    $activeScenarioId.listen(write),
    $scenarios.listen((scenarios) => {
      if (pendingScenarioId !== null && scenarios.some((scenario) => scenario.id === pendingScenarioId)) {
        const id = pendingScenarioId;
        pendingScenarioId = null;
        selectScenario(id);
      }
    }),
  ];
  return () => {
    unsubscribers.forEach((unsubscribe) => unsubscribe());
    win.removeEventListener('popstate', onNavigate);
    win.removeEventListener('hashchange', onNavigate);
    pendingScenarioId = null;
  };
}
