// What the reachability worker computed from the loaded street networks: the detour per area, and
// the walking-time areas of the analysis point (set by reachabilityWorkerClient.ts).

import { atom } from 'nanostores';
import type { FeatureCollection, LineString, MultiPolygon } from 'geojson';
import type { DataIssue } from '../domain/dataIssue';
import type { DetourSummary } from '../analysis/walkDetour';
import type { WalkAreaProperties } from '../analysis/walkArea';

/** Detour per area key ('GM0193'); an area without an entry is still being computed. */
export const $walkDetours = atom<ReadonlyMap<string, DetourSummary>>(new Map());

/** Whether the walking-time areas of the analysis point are drawn (the planner's switch). */
export const $walkAreasVisible = atom(false);

export function setWalkAreasVisible(visible: boolean): void {
  $walkAreasVisible.set(visible);
}

export type WalkAreaState =
  | { status: 'off' }
  | { status: 'pending' }
  | { status: 'outside' }
  | { status: 'farFromStreet'; maxSnapMeters: number }
  | {
      status: 'ready';
      speedKmh: number;
      areas: FeatureCollection<MultiPolygon, WalkAreaProperties>;
      streets: FeatureCollection<LineString, WalkAreaProperties>;
      snapLocation: [number, number];
    }
  | { status: 'failed'; issues: DataIssue[] };

export const $walkAreas = atom<WalkAreaState>({ status: 'off' });
