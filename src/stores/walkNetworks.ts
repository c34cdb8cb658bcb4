// Street networks for walking ("Looproutes ophalen"): one download per municipality from
// OpenStreetMap (Overpass), with progress, cancel, retry and clear errors; a far smaller answer never
// replaces a saved network without the planner's say. Saved networks are kept in IndexedDB (through
// the persistence set by storageConnection.ts) and listed with their date; the reachability worker
// builds its graph from them (reachabilityWorkerClient.ts).

import { atom } from 'nanostores';
import { issueFromError, type DataIssue } from '../domain/dataIssue';
import type { MunicipalityCode } from '../domain/geography';
import { fetchWalkNetwork, isWorseWalkNetwork, type WalkNetworkParseResult } from '../data/osm/walkNetworkOsm';
import { overpassGate } from '../data/osm/overpassGate';
import type { StoredWalkNetwork } from '../storage/database';
import { $appData } from './appData';
import { $storageStatus, $writesInFlight, reportStorageError } from './facilityActions';

/** A saved street network as the app holds it (the stored record). */
export type WalkNetworkEntry = StoredWalkNetwork;

export interface WalkNetworkPersistence {
  list(): Promise<{ records: StoredWalkNetwork[]; issues: DataIssue[] }>;
  put(record: StoredWalkNetwork): Promise<void>;
  remove(areaKey: string): Promise<void>;
}

export type WalkFetchState =
  | { status: 'idle' }
  /** Overpass said "too many requests" earlier: this request waits until `until` (ms since epoch). */
  | { status: 'waiting'; areaLabel: string; until: number }
  | { status: 'fetching'; areaLabel: string; startedAt: number }
  /** The answer has far fewer street segments than the saved network of the area: the planner decides. */
  | { status: 'confirmReplace'; areaLabel: string; previousEdges: number; previousRetrievedAt: string; newEdges: number }
  | { status: 'done'; areaLabel: string; edgeCount: number; wayCount: number; persisted: boolean; issues: DataIssue[] }
  /** The planner kept the saved network; the new answer was not saved. */
  | { status: 'kept'; areaLabel: string; previousEdges: number; newEdges: number }
  | { status: 'failed'; areaLabel: string; issue: DataIssue };

/** Saved networks, sorted by area name. */
export const $walkNetworks = atom<readonly WalkNetworkEntry[]>([]);
export const $walkFetch = atom<WalkFetchState>({ status: 'idle' });

let persistence: WalkNetworkPersistence | null = null;
let controller: AbortController | null = null;
let pending: { label: string; record: StoredWalkNetwork } | null = null;

export function edgeCountOf(entry: Pick<WalkNetworkEntry, 'network'>): number {
  return entry.network.edgeNodes.length / 2;
}

function sorted(entries: readonly WalkNetworkEntry[]): WalkNetworkEntry[] {
  return [...entries].sort((a, b) => a.areaName.localeCompare(b.areaName, 'nl'));
}

function putEntry(record: WalkNetworkEntry): void {
  $walkNetworks.set(sorted([...$walkNetworks.get().filter((entry) => entry.areaKey !== record.areaKey), record]));
}

/** Attaches storage and restores the saved networks; records that cannot be read are reported by name, the rest kept. */
export async function attachWalkNetworkPersistence(next: WalkNetworkPersistence | null): Promise<void> {
  persistence = next;
  if (next === null) return;
  try {
    const { records, issues } = await next.list();
    // a download finished meanwhile stays; the rest comes from storage
    const byKey = new Map(records.map((record) => [record.areaKey, record]));
    for (const entry of $walkNetworks.get()) byKey.set(entry.areaKey, entry);
    $walkNetworks.set(sorted([...byKey.values()]));
    for (const issue of issues) reportStorageError({ issue });
  } catch (error) {
    if ($storageStatus.get() !== 'sessionOnly') reportStorageError(error);
  }
}

/** Another tab saved or deleted a network: the list becomes what storage holds now. */
export async function followStoredWalkNetworks(): Promise<void> {
  if (persistence === null) return;
  try {
    const { records, issues } = await persistence.list();
    $walkNetworks.set(sorted(records));
    for (const issue of issues) reportStorageError({ issue });
  } catch (error) {
    reportStorageError(error);
  }
}

function areaLabel(code: MunicipalityCode): string {
  return $appData.get().municipalities?.find((municipality) => municipality.code === code)?.name ?? code;
}

/** Saves the record, then lists it; in session-only mode it is kept in memory only. */
async function saveRecord(label: string, record: StoredWalkNetwork, parsed: Pick<WalkNetworkParseResult, 'wayCount' | 'issues'>): Promise<void> {
  let persisted = false;
  if ($storageStatus.get() !== 'sessionOnly') {
    if (persistence === null) {
      const issue = reportStorageError({ issue: { code: 'storage.notOpen', file: 'IndexedDB', params: { reason: $storageStatus.get() } } });
      $walkFetch.set({ status: 'failed', areaLabel: label, issue });
      return;
    }
    $writesInFlight.set($writesInFlight.get() + 1);
    try {
      await persistence.put(record);
      persisted = true;
    } catch (error) {
      if ($storageStatus.get() !== 'sessionOnly') {
        // the real reason (no space left, another tab, …); the saved network stays as it was
        $walkFetch.set({ status: 'failed', areaLabel: label, issue: reportStorageError(error) });
        return;
      }
    } finally {
      $writesInFlight.set($writesInFlight.get() - 1);
    }
  }
  putEntry(record);
  $walkFetch.set({ status: 'done', areaLabel: label, edgeCount: edgeCountOf(record), wayCount: parsed.wayCount, persisted, issues: parsed.issues });
}

/** Downloads the street network of one municipality (one Overpass request at a time, app-wide). */
export async function fetchWalkRoutes(code: MunicipalityCode, now: () => Date = () => new Date()): Promise<void> {
  controller?.abort();
  pending = null;
  const current = new AbortController();
  controller = current;
  const label = areaLabel(code);
  $walkFetch.set({ status: 'fetching', areaLabel: label, startedAt: Date.now() });
  try {
    const parsed = await overpassGate.run(
      () => {
        if (!current.signal.aborted) $walkFetch.set({ status: 'fetching', areaLabel: label, startedAt: Date.now() });
        return fetchWalkNetwork({ kind: 'municipality', code }, { signal: current.signal });
      },
      { signal: current.signal, onWait: (until) => $walkFetch.set({ status: 'waiting', areaLabel: label, until }) },
    );
    if (current.signal.aborted) return;
    const nowIso = now().toISOString();
    if (parsed.bbox === null || parsed.network.edgeNodes.length === 0) {
      // no street at all: a server problem, never a network to save (the saved one stays)
      $walkFetch.set({ status: 'failed', areaLabel: label, issue: { code: 'walk.emptyAnswer', file: 'OpenStreetMap', params: { area: label } } });
      return;
    }
    const record: StoredWalkNetwork = {
      areaKey: code,
      areaName: label,
      retrievedAt: nowIso,
      savedAt: nowIso,
      bbox: parsed.bbox,
      wayCount: parsed.wayCount,
      network: parsed.network,
      schemaVersion: 1,
    };
    const saved = $walkNetworks.get().find((entry) => entry.areaKey === code) ?? null;
    if (saved !== null && isWorseWalkNetwork(parsed.network, saved.network)) {
      pending = { label, record };
      $walkFetch.set({ status: 'confirmReplace', areaLabel: label, previousEdges: edgeCountOf(saved), previousRetrievedAt: saved.retrievedAt, newEdges: edgeCountOf(record) });
      pendingParse = parsed;
      return;
    }
    await saveRecord(label, record, parsed);
  } catch (error) {
    if (controller !== current && current.signal.aborted) return; // replaced by a newer request
    $walkFetch.set({ status: 'failed', areaLabel: label, issue: issueFromError(error, 'osm.network', 'Overpass') });
  } finally {
    if (controller === current) controller = null;
  }
}

let pendingParse: Pick<WalkNetworkParseResult, 'wayCount' | 'issues'> | null = null;

/** The planner chose the new, smaller answer over the saved network. */
export async function replaceWithNewWalkNetwork(): Promise<void> {
  const waiting = pending;
  if (waiting === null || $walkFetch.get().status !== 'confirmReplace') return;
  pending = null;
  await saveRecord(waiting.label, waiting.record, pendingParse ?? { wayCount: waiting.record.wayCount, issues: [] });
}

/** The planner kept the saved network (the default): nothing changes. */
export function keepSavedWalkNetwork(): void {
  const state = $walkFetch.get();
  if (state.status !== 'confirmReplace') return;
  pending = null;
  $walkFetch.set({ status: 'kept', areaLabel: state.areaLabel, previousEdges: state.previousEdges, newEdges: state.newEdges });
}

export function cancelWalkFetch(): void {
  controller?.abort();
}

/** Deletes a saved network; on a storage error it stays listed and the error is shown. */
export async function deleteWalkNetwork(areaKey: string): Promise<boolean> {
  if ($storageStatus.get() !== 'sessionOnly' && persistence !== null) {
    $writesInFlight.set($writesInFlight.get() + 1);
    try {
      await persistence.remove(areaKey);
    } catch (error) {
      if ($storageStatus.get() !== 'sessionOnly') {
        reportStorageError(error);
        return false;
      }
    } finally {
      $writesInFlight.set($writesInFlight.get() - 1);
    }
  }
  $walkNetworks.set($walkNetworks.get().filter((entry) => entry.areaKey !== areaKey));
  return true;
}

/** Tests only. */
export function resetWalkNetworks(): void {
  controller?.abort();
  controller = null;
  pending = null;
  pendingParse = null;
  persistence = null;
  $walkNetworks.set([]);
  $walkFetch.set({ status: 'idle' });
}
