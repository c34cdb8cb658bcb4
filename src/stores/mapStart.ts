// Whether the map could start. Its code is a chunk of its own and it needs WebGL: when either fails, the
// planner reads why over the map (the lists and panels keep working) instead of facing an empty area.

import { atom } from 'nanostores';
import { errorReason } from '../domain/dataIssue';

export type MapStartFailure =
  /** The map's code could not be fetched (the connection dropped, or the server no longer has this version). */
  | { kind: 'code' }
  /** The map itself would not start, e.g. a browser without WebGL; the browser's reason. */
  | { kind: 'map'; reason: string };

export const $mapStartFailure = atom<MapStartFailure | null>(null);

export function reportMapStartFailure(kind: MapStartFailure['kind'], error: unknown): void {
  $mapStartFailure.set(kind === 'code' ? { kind } : { kind, reason: errorReason(error) });
}
