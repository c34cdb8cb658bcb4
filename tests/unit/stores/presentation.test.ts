import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED, RUIM_PROFILE } from '../../../src/domain/norms';
import { HOUSING_TYPES } from '../../../src/domain/housing';
import { $cameraRequest, setMapCamera } from '../../../src/stores/mapSnapshot';
import { $showKeyProjects, $thematic } from '../../../src/stores/mapLayers';
import { $normProfile, $walkingSpeed, restoreNorms } from '../../../src/stores/norms';
import { $selection } from '../../../src/stores/selection';
import { $gridSettings, setGridSettings } from '../../../src/stores/suitabilityGrid';
import { $activeScenario, $scenarios, createScenario, selectScenario, setScenarios } from '../../../src/stores/scenarios';
import {
  $presentation,
  $presentationViews,
  leavePresentation,
  moveView,
  removeView,
  saveCurrentView,
  setPresentationNorm,
  startingNormMeters,
  startPresentation,
  stepPresentation,
} from '../../../src/stores/presentation';

const ZWOLLE: [number, number, number, number] = [6.0, 52.45, 6.2, 52.55];
const PROVINCE: [number, number, number, number] = [5.7, 52.1, 7.1, 52.9];

function cameraAt(bounds: [number, number, number, number]): void {
  setMapCamera({ center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2], zoom: 9, bounds, visibleBounds: bounds, width: 800, height: 600 });
}

beforeEach(() => {
  setScenarios([]);
  selectScenario(null);
  restoreNorms(WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED);
  $selection.set(null);
  $showKeyProjects.set(true);
  setGridSettings({ mode: 'off', housingType: 'nultreden', category: 'supermarkt', cellSizeMeters: 250 });
});
afterEach(() => {
  leavePresentation();
});

describe('presentation views', () => {
  it('are saved only in an open draft, with the extent, layers, suitability grid, selection and caption of the map', () => {
    cameraAt(ZWOLLE);
    expect(saveCurrentView('Zwolle')).toEqual({ ok: false, reason: 'noScenario' });
    createScenario('Scenario 1');
    $selection.set({ kind: 'municipality', code: 'GM0193' });
    $showKeyProjects.set(false);
    const saved = saveCurrentView('  Zwolle   en omgeving ');
    expect(saved.ok).toBe(true);
    expect($activeScenario.get()?.presentationViews).toEqual([
      {
        id: expect.any(String),
        caption: 'Zwolle en omgeving',
        bounds: ZWOLLE,
        thematic: { ...$thematic.get() },
        showKeyProjects: false,
        showBuiltUpAreas: true,
        grid: { mode: 'off', housingType: 'nultreden', category: 'supermarkt', cellSizeMeters: 250 },
        selection: { kind: 'municipality', code: 'GM0193' },
      },
    ]);
    expect(saveCurrentView('x'.repeat(201))).toEqual({ ok: false, reason: 'captionTooLong' });
  });

  it('are reordered and removed', () => {
    createScenario('Scenario 1');
    cameraAt(ZWOLLE);
    saveCurrentView('a');
    saveCurrentView('b');
    saveCurrentView('c');
    const captions = () => $presentationViews.get().map((view) => view.caption);
    moveView($presentationViews.get()[2]!.id, -1);
    expect(captions()).toEqual(['a', 'c', 'b']);
    moveView($presentationViews.get()[0]!.id, -1);
    expect(captions()).toEqual(['a', 'c', 'b']);
    removeView($presentationViews.get()[1]!.id);
    expect(captions()).toEqual(['a', 'b']);
  });
});

describe('presenting', () => {
  it('starts at the first view and steps within the views, putting each on the map', () => {
    createScenario('Scenario 1');
    cameraAt(ZWOLLE);
    $selection.set({ kind: 'keyProject', id: 'p1' });
    saveCurrentView('Zwolle');
    cameraAt(PROVINCE);
    $selection.set(null);
    $showKeyProjects.set(false);
    setGridSettings({ mode: 'housingType', housingType: 'geclusterd', cellSizeMeters: 100 });
    saveCurrentView('Provincie');
    setGridSettings({ mode: 'off' });

    startPresentation('window');
    expect($presentation.get()).toMatchObject({ active: true, index: 0 });
    expect($cameraRequest.get()?.bounds).toEqual(ZWOLLE);
    expect($selection.get()).toEqual({ kind: 'keyProject', id: 'p1' });
    expect($showKeyProjects.get()).toBe(true);
    expect($gridSettings.get().mode).toBe('off');

    stepPresentation('next');
    expect($presentation.get().index).toBe(1);
    expect($cameraRequest.get()?.bounds).toEqual(PROVINCE);
    expect($selection.get()).toBeNull();
    expect($showKeyProjects.get()).toBe(false);
    // the suitability grid as it was saved with the view
    expect($gridSettings.get()).toMatchObject({ mode: 'housingType', housingType: 'geclusterd', cellSizeMeters: 100 });
    stepPresentation('next');
    expect($presentation.get().index).toBe(1);
    stepPresentation('first');
    expect($presentation.get().index).toBe(0);
    expect($cameraRequest.get()?.bounds).toEqual(ZWOLLE);
    // leaving: no view is kept fitted any more (a later resize leaves the map where it is)
    leavePresentation();
    expect($cameraRequest.get()).toBeNull();
  });

  it('applies only theme settings a shared link would accept', () => {
    createScenario('Scenario 1');
    const scenario = $activeScenario.get()!;
    const before = $thematic.get();
    setScenarios([
      {
        ...scenario,
        presentationViews: [
          { id: 'v1', caption: 'edited', bounds: ZWOLLE, thematic: { layer: 'targets', targetScenario: 'nonsense' }, showKeyProjects: true, showBuiltUpAreas: true, selection: null },
        ],
      },
    ]);
    selectScenario(scenario.id);
    expect($scenarios.get()).toHaveLength(1);
    startPresentation('window');
    expect($thematic.get()).toEqual({ ...before, layer: 'targets' });
  });

  it('sets every norm distance with the slider and puts the earlier norms back on leaving', () => {
    restoreNorms(RUIM_PROFILE, DEFAULT_WALKING_SPEED);
    expect(startingNormMeters(RUIM_PROFILE)).toBe(800);
    expect(startingNormMeters(WOONZORGZONE_PROFILE)).toBe(500);
    expect(setPresentationNorm(650)).toBe(false); // not presenting
    startPresentation('window');
    expect(setPresentationNorm(650)).toBe(true);
    expect($presentation.get().normMeters).toBe(650);
    const profile = $normProfile.get();
    expect(profile.id).toBe('custom');
    for (const type of HOUSING_TYPES) for (const norm of profile.norms[type]) expect(norm.maxDistanceMeters).toBe(650);
    setPresentationNorm(2000);
    expect($normProfile.get().norms.nultreden[0]!.maxDistanceMeters).toBe(800);
    leavePresentation();
    expect($presentation.get()).toMatchObject({ active: false, normMeters: null });
    expect($normProfile.get()).toBe(RUIM_PROFILE);
    expect($walkingSpeed.get()).toBe(DEFAULT_WALKING_SPEED);
  });
});
