// The suitability grid over the province: what it shows (settings), the worker's score for it
// classed for the map, the selected cell, and where its figures are only a bound (incomplete data).

import { atom, batch, computed } from 'nanostores';
import type { DataIssue } from '../domain/dataIssue';
import type { FacilityCategory } from '../domain/facility';
import { incompletePoints, municipalitiesWithIncompleteData } from '../analysis/dataCoverage';
import type { GridScore } from '../analysis/gridScore';
import type { GridDescription } from '../analysis/reachabilityProtocol';
import { classifyGrid, gridCategories, gridCellAt, gridCellRadius, type GridSettings } from '../analysis/suitabilityGrid';
import { $appData } from './appData';
import { $categoryCoverage, $completeAreas } from './facilities';
import { $normProfile } from './norms';

export const $gridSettings = atom<GridSettings>({ mode: 'off', housingType: 'nultreden', category: 'supermarkt', cellSizeMeters: 250 });

export function setGridSettings(changes: Partial<GridSettings>): void {
  batch(() => {
    $gridSettings.set({ ...$gridSettings.get(), ...changes });
    $selectedGridCell.set(null);
  });
}

export const $gridDescription = atom<GridDescription | null>(null);

export type GridResult =
  | { status: 'off' }
  | { status: 'pending' }
  | { status: 'ready'; score: GridScore; grid: GridDescription }
  | { status: 'failed'; issues: DataIssue[] };

export const $gridResult = atom<GridResult>({ status: 'off' });

export const $gridLayer = computed($gridResult, (result) => (result.status === 'ready' ? classifyGrid(result.grid, result.score) : null));

export interface SelectedGridCell {
  position: number;
  /** The clicked point, [lon, lat]. */
  location: [number, number];
}

export const $selectedGridCell = atom<SelectedGridCell | null>(null);

export function clearSelectedGridCell(): void {
  $selectedGridCell.set(null);
}

/**
 * Municipalities where a category the grid judges is not complete: hatched on the map, because
 * there a cell's number of norms met is only a minimum and a distance only a maximum. null when
 * the grid is off or everything it judges is complete everywhere.
 */
export const $gridIncompleteCodes = computed([$gridSettings, $normProfile, $categoryCoverage, $appData], (settings, profile, coverage, data): string[] | null => {
  if (settings.mode === 'off') return null;
  const codes = (data.municipalities ?? []).map((municipality) => municipality.code);
  const incomplete = municipalitiesWithIncompleteData(coverage, gridCategories(settings, profile), codes);
  return incomplete.length === 0 ? null : incomplete;
});

/**
 * Per cell of the grid in view: 1 where a judged category is not complete over the cell's circle
 * (hatched on the map: a count there is a minimum, a distance a maximum). null when the grid is off.
 */
export const $gridIncompleteCells = computed([$gridLayer, $gridSettings, $normProfile, $completeAreas], (layer, settings, profile, areas): Uint8Array | null => {
  if (!layer || settings.mode === 'off') return null;
  return incompletePoints(layer.grid.centers, areas, gridCategories(settings, profile), gridCellRadius(layer, profile));
});

/** The judged categories whose data is not complete around the selected cell (its figures are then a bound). */
export const $selectedCellIncomplete = computed(
  [$selectedGridCell, $gridSettings, $normProfile, $completeAreas, $gridLayer],
  (selected, settings, profile, areas, layer): FacilityCategory[] => {
    if (!selected || settings.mode === 'off' || !layer) return [];
    const radius = gridCellRadius(layer, profile);
    const centres = layer.grid.centers;
    const point: [number, number] = [centres[2 * selected.position]!, centres[2 * selected.position + 1]!];
    return [...new Set(gridCategories(settings, profile))].filter((category) => {
      const needed = radius(category, selected.position);
      return areas.completeRadiusMeters(category, point, needed) < needed;
    });
  },
);

/** A map click while the grid shows: remembers the cell under it; returns true when the visible grid has a cell there. */
export function selectGridCellAt(location: [number, number]): boolean {
  const layer = $gridLayer.get();
  if (!layer || $gridSettings.get().mode === 'off') return false;
  const position = gridCellAt(layer.grid, location);
  $selectedGridCell.set(position < 0 ? null : { position, location });
  return position >= 0;
}
