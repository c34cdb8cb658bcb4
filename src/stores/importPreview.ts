// Facilities of an import that the planner is reviewing: drawn on the map, not yet saved.

import { atom } from 'nanostores';
import type { Facility } from '../domain/facility';

export const $importPreview = atom<readonly Facility[] | null>(null);

export function showImportPreview(facilities: readonly Facility[]): void {
  $importPreview.set(facilities);
}

export function clearImportPreview(): void {
  $importPreview.set(null);
}
