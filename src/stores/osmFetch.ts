// Fetching facilities from OpenStreetMap (Overpass) for the province or one municipality:
// progress, cancel, errors with retry; the result is saved like any dataset, so it works offline afterwards.

import { atom } from 'nanostores';
import type { DataIssue } from '../domain/dataIssue';
import type { MunicipalityCode } from '../domain/geography';
import { loadOsmFacilities } from '../data/osm/loadOsmFacilities';
import type { OverpassArea } from '../data/osm/overpassQuery';
import { saveFacilityDataset } from './facilityActions';
import { $appData } from './appData';
import { $translate } from './language';

export type OsmFetchState =
  | { status: 'idle' }
  | { status: 'fetching'; areaLabel: string; startedAt: number }
  | { status: 'done'; areaLabel: string; count: number; ignoredCount: number; issues: DataIssue[] }
  | { status: 'failed'; areaLabel: string; issue: DataIssue };

export const $osmFetch = atom<OsmFetchState>({ status: 'idle' });

let controller: AbortController | null = null;

/** 'province' or a CBS municipality code. */
export type OsmAreaChoice = 'province' | MunicipalityCode;

function areaLabel(choice: OsmAreaChoice): string {
  if (choice === 'province') return $translate.get()('osmFetch.province');
  return $appData.get().municipalities?.find((municipality) => municipality.code === choice)?.name ?? choice;
}

export async function fetchOsmFacilities(choice: OsmAreaChoice): Promise<void> {
  controller?.abort();
  const current = new AbortController();
  controller = current;
  const label = areaLabel(choice);
  $osmFetch.set({ status: 'fetching', areaLabel: label, startedAt: Date.now() });
  const area: OverpassArea = choice === 'province' ? { kind: 'province' } : { kind: 'municipality', code: choice };
  const polygon = choice === 'province' ? undefined : $appData.get().municipalityBoundaries?.features.find((feature) => feature.properties.code === choice)?.geometry;
  try {
    const result = await loadOsmFacilities(area, {
      datasetName: $translate.get()('osmFetch.datasetName', { area: label }),
      signal: current.signal,
      ...(polygon ? { areaPolygon: polygon } : {}),
    });
    if (current.signal.aborted) return;
    const saved = await saveFacilityDataset(result.dataset, result.facilities);
    if (!saved.ok) {
      // The real reason (quota, another tab, …), not a generic failure.
      $osmFetch.set({ status: 'failed', areaLabel: label, issue: saved.issue });
      return;
    }
    $osmFetch.set({ status: 'done', areaLabel: label, count: result.facilities.length, ignoredCount: result.ignoredCount, issues: result.issues });
  } catch (error) {
    const issue: DataIssue =
      typeof error === 'object' && error !== null && 'issue' in error
        ? (error.issue as DataIssue)
        : { code: 'osm.network', file: 'Overpass', params: { reason: error instanceof Error ? error.message : String(error) } };
    $osmFetch.set({ status: 'failed', areaLabel: label, issue });
  } finally {
    if (controller === current) controller = null;
  }
}

export function cancelOsmFetch(): void {
  controller?.abort();
}
