// Fetching facilities from OpenStreetMap (Overpass) for the province or one municipality:
// progress, cancel, errors with retry; the result is saved like any dataset, so it works offline afterwards.

import { atom } from 'nanostores';
import { issueFromError, type DataIssue } from '../domain/dataIssue';
import type { MunicipalityCode } from '../domain/geography';
import { loadOsmFacilities, downloadNeedsConfirmation, type OsmLoadResult } from '../data/osm/loadOsmFacilities';
import type { OverpassArea } from '../data/osm/overpassQuery';
import { overpassGate } from '../data/osm/overpassGate';
import { saveFacilityDataset } from './facilityActions';
import { $appData } from './appData';
import { $facilitiesByDataset, $facilityDatasets } from './facilities';
import { $translate } from './language';

export type OsmFetchState =
  | { status: 'idle' }
  | { status: 'fetching'; areaLabel: string; startedAt: number }
  /** The answer holds far fewer facilities than the download it would replace, or none: the planner decides. */
  | {
      status: 'confirmReplace';
      areaLabel: string;
      /** Facilities in the download that would be replaced; null when there is none (the answer is empty). */
      previousCount: number | null;
      previousRetrievedAt: string | null;
      newCount: number;
      ignoredCount: number;
      skipped: DataIssue[];
    }
  | { status: 'done'; areaLabel: string; count: number; ignoredCount: number; skipped: DataIssue[] }
  /** The planner kept the earlier download; the new answer was not saved. */
  | { status: 'kept'; areaLabel: string; previousCount: number | null; newCount: number; ignoredCount: number; skipped: DataIssue[] }
  | { status: 'failed'; areaLabel: string; issue: DataIssue };

export const $osmFetch = atom<OsmFetchState>({ status: 'idle' });

let controller: AbortController | null = null;
/** The answer waiting for the planner's decision (status 'confirmReplace'). */
let pendingReplacement: { label: string; result: OsmLoadResult } | null = null;

/** 'province' or a CBS municipality code. */
export type OsmAreaChoice = 'province' | MunicipalityCode;

function areaLabel(choice: OsmAreaChoice): string {
  if (choice === 'province') return $translate.get()('osmFetch.province');
  return $appData.get().municipalities?.find((municipality) => municipality.code === choice)?.name ?? choice;
}

async function saveResult(label: string, result: OsmLoadResult): Promise<void> {
  const saved = await saveFacilityDataset(result.dataset, result.facilities);
  if (!saved.ok) {
    // The real reason (quota, another tab, …), not a generic failure.
    $osmFetch.set({ status: 'failed', areaLabel: label, issue: saved.issue });
    return;
  }
  $osmFetch.set({ status: 'done', areaLabel: label, count: result.facilities.length, ignoredCount: result.ignoredCount, skipped: result.skipped });
}

export async function fetchOsmFacilities(choice: OsmAreaChoice): Promise<void> {
  controller?.abort();
  pendingReplacement = null;
  const current = new AbortController();
  controller = current;
  const label = areaLabel(choice);
  $osmFetch.set({ status: 'fetching', areaLabel: label, startedAt: Date.now() });
  const area: OverpassArea = choice === 'province' ? { kind: 'province' } : { kind: 'municipality', code: choice };
  const polygon = choice === 'province' ? undefined : $appData.get().municipalityBoundaries?.features.find((feature) => feature.properties.code === choice)?.geometry;
  const provinceOutline = $appData.get().province?.features[0]?.geometry;
  try {
    // one Overpass request at a time, app-wide, and a pause after "too many requests"
    const result = await overpassGate.run(
      () =>
        loadOsmFacilities(area, {
          datasetName: $translate.get()('osmFetch.datasetName', { area: label }),
          signal: current.signal,
          ...(polygon ? { areaPolygon: polygon } : {}),
          ...(provinceOutline ? { provinceOutline } : {}),
        }),
      { signal: current.signal },
    );
    if (current.signal.aborted) return;
    const previous = $facilityDatasets.get().find((dataset) => dataset.id === result.dataset.id);
    const previousCount = previous ? ($facilitiesByDataset.get().get(previous.id)?.length ?? 0) : null;
    if (downloadNeedsConfirmation(previousCount, result.facilities.length)) {
      pendingReplacement = { label, result };
      $osmFetch.set({
        status: 'confirmReplace',
        areaLabel: label,
        previousCount,
        previousRetrievedAt: previous?.retrievedAt ?? null,
        newCount: result.facilities.length,
        ignoredCount: result.ignoredCount,
        skipped: result.skipped,
      });
      return;
    }
    await saveResult(label, result);
  } catch (error) {
    $osmFetch.set({ status: 'failed', areaLabel: label, issue: issueFromError(error, 'osm.network', 'Overpass') });
  } finally {
    if (controller === current) controller = null;
  }
}

/** The planner chose the new, smaller answer over the earlier download. */
export async function replaceWithNewOsmDownload(): Promise<void> {
  const pending = pendingReplacement;
  if (pending === null || $osmFetch.get().status !== 'confirmReplace') return;
  pendingReplacement = null;
  await saveResult(pending.label, pending.result);
}

/** The planner kept the earlier download (the default): nothing is saved or changed. */
export function keepPreviousOsmDownload(): void {
  const state = $osmFetch.get();
  if (state.status !== 'confirmReplace') return;
  pendingReplacement = null;
  $osmFetch.set({ status: 'kept', areaLabel: state.areaLabel, previousCount: state.previousCount, newCount: state.newCount, ignoredCount: state.ignoredCount, skipped: state.skipped });
}

export function cancelOsmFetch(): void {
  controller?.abort();
}
