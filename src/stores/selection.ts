// What the planner has selected: a municipality, region, key project, facility, reachability analysis,
// draft site or scenario comparison (or nothing).

import { atom } from 'nanostores';
import type { AreaId, MunicipalityCode } from '../domain/geography';

export type Selection =
  | { kind: 'municipality'; code: MunicipalityCode }
  /** A region panel: West-Overijssel, Twente or the whole province. */
  | { kind: 'area'; area: AreaId }
  | { kind: 'keyProject'; id: string }
  | { kind: 'facility'; key: string }
  /** The reachability of the analysis point (src/stores/analysisPoint.ts holds the point). */
  | { kind: 'reachability' }
  /** A site of the active draft scenario. */
  | { kind: 'site'; id: string }
  /** The comparison of two draft scenarios. */
  | { kind: 'scenarioComparison' }
  | null;

export const $selection = atom<Selection>(null);

export function selectMunicipality(code: MunicipalityCode): void {
  $selection.set({ kind: 'municipality', code });
}

export function selectArea(area: AreaId): void {
  $selection.set({ kind: 'area', area });
}

export function selectKeyProject(id: string): void {
  $selection.set({ kind: 'keyProject', id });
}

/** `key` is the facility's facilityKey (src/domain/facility.ts). */
export function selectFacility(key: string): void {
  $selection.set({ kind: 'facility', key });
}

export function selectSite(id: string): void {
  $selection.set({ kind: 'site', id });
}

export function clearSelection(): void {
  $selection.set(null);
}
