// The suitability grid over the province: what it shows (settings), the worker's score for it
// classed for the map, the selected cell, and where its figures are only a bound (incomplete data).

import { atom, batch, computed } from 'nanostores';
import type { DataIssue } from '../domain/dataIssue';
import type { FacilityCategory } from '../domain/facility';
import { incompleteCategoriesAt, municipalitiesWithIncompleteData } from '../analysis/dataCoverage';
import type { GridScore } from '../analysis/gridScore';
import type { GridDescription } from '../analysis/reachabilityProtocol';
import { classifyGrid, gridCategories, gridCellAt, type GridSettings } from '../analysis/suitabilityGrid';
import { $appData, $municipalityLocator } from './appData';
import { $categoryCoverage } from './facilities';
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

/** The judged categories whose data is not complete at the selected cell (its figures are then a bound). */
export const $selectedCellIncomplete = computed(
  [$selectedGridCell, $gridSettings, $normProfile, $categoryCoverage, $municipalityLocator],
  (selected, settings, profile, coverage, locate): FacilityCategory[] => {
    if (!selected || settings.mode === 'off') return [];
    // grid cells lie inside the province by construction
    const incomplete = incompleteCategoriesAt(coverage, locate(selected.location), true);
    return [...new Set(gridCategories(settings, profile))].filter((category) => incomplete.has(category));
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
