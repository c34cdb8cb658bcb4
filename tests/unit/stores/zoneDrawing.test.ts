// Drawing a woonservicegebied by hand: the finished outline becomes one 'drawnZone' edit of the open
// draft (undo/redo walk it), a crossing outline is refused with where it crosses, adjusting and
// deleting are edits too, and without an open draft nothing can be drawn.

import { beforeEach, describe, expect, it } from 'vitest';
import { $activeScenario, $activeScenarioState, createScenario, redoEdit, selectScenario, setScenarioClock, setScenarios, undoEdit } from '../../../src/stores/scenarios';
import { $polygonDrawing, cancelPolygonDrawing, submitDrawnPolygon } from '../../../src/stores/polygonDrawing';
import { $canDrawZones, $drawnZones, deleteDrawnZone, startZoneDrawing, startZoneEditing } from '../../../src/stores/zoneDrawing';

const square: [number, number][] = [[6.09, 52.5], [6.1, 52.5], [6.1, 52.506], [6.09, 52.506], [6.09, 52.5]];
const bowTie: [number, number][] = [[6.09, 52.5], [6.1, 52.506], [6.1, 52.5], [6.09, 52.506], [6.09, 52.5]];

beforeEach(() => {
  cancelPolygonDrawing();
  let ids = 0;
  setScenarioClock({ newId: () => `id-${++ids}`, now: () => '2026-12-01T18:00:00.000Z' });
  setScenarios([]);
  createScenario('Test');
});

describe('drawing a woonservicegebied by hand', () => {
  it('records the finished outline as one edit, named "Getekend gebied 1", that undo and redo walk', () => {
    startZoneDrawing();
    expect($polygonDrawing.get()).toMatchObject({ title: 'Nieuw woonservicegebied tekenen: Getekend gebied 1', initial: null, phase: 'draw' });
    expect(submitDrawnPolygon({ type: 'Polygon', coordinates: [square] })).toBe(true);
    expect($polygonDrawing.get()).toBeNull();
    expect($drawnZones.get()).toEqual([{ id: expect.any(String), name: 'Getekend gebied 1', outline: [square] }]);
    expect($activeScenario.get()?.edits.at(-1)).toMatchObject({ kind: 'drawnZone', before: null, after: { name: 'Getekend gebied 1' } });
    undoEdit();
    expect($drawnZones.get()).toEqual([]);
    redoEdit();
    expect($drawnZones.get()).toHaveLength(1);
  });

  it('refuses an outline that crosses itself with where it crosses, keeps drawing and records nothing', () => {
    startZoneDrawing();
    expect(submitDrawnPolygon({ type: 'Polygon', coordinates: [bowTie] })).toBe(false);
    expect($polygonDrawing.get()?.refusal).toBe('De omtrek snijdt zichzelf (bij 52.50300, 6.09500). Zet de punten in volgorde rondom het gebied, zonder dat lijnen elkaar kruisen.');
    expect($drawnZones.get()).toEqual([]);
    expect($activeScenario.get()?.edits).toEqual([]);
    cancelPolygonDrawing();
    expect($drawnZones.get()).toEqual([]);
  });

  it('adjusts a drawn outline from the outline it has, and deletes it, each as one edit', () => {
    startZoneDrawing();
    submitDrawnPolygon({ type: 'Polygon', coordinates: [square] });
    const [zone] = $drawnZones.get();
    startZoneEditing(zone!.id);
    expect($polygonDrawing.get()).toMatchObject({ title: 'Woonservicegebied aanpassen: Getekend gebied 1', initial: { type: 'Polygon', coordinates: [square] }, phase: 'edit' });
    const wider = square.map(([lon, lat]) => [lon === 6.1 ? 6.11 : lon, lat] as [number, number]);
    expect(submitDrawnPolygon({ type: 'Polygon', coordinates: [wider] })).toBe(true);
    expect($drawnZones.get()).toEqual([{ ...zone, outline: [wider] }]);
    deleteDrawnZone(zone!.id);
    expect($drawnZones.get()).toEqual([]);
    expect($activeScenario.get()?.edits.map((edit) => edit.kind === 'drawnZone' && [edit.before !== null, edit.after !== null])).toEqual([
      [false, true],
      [true, true],
      [true, false],
    ]);
    undoEdit();
    expect($drawnZones.get()).toEqual([{ ...zone, outline: [wider] }]);
  });

  it('needs an open draft; closing the draft ends a drawing under way', () => {
    startZoneDrawing();
    selectScenario(null);
    expect($polygonDrawing.get()).toBeNull();
    expect($canDrawZones.get()).toBe(false);
    startZoneDrawing();
    expect($polygonDrawing.get()).toBeNull();
    expect($activeScenarioState.get()).toBeNull();
  });
});
