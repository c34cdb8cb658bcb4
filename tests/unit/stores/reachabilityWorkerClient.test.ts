import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Facility, FacilityCategory, FacilityDataset } from '../../../src/domain/facility';
import type { ReachabilityRequest, ReachabilityResponse } from '../../../src/analysis/reachabilityProtocol';
import { createReachabilityHandler } from '../../../src/analysis/reachabilityWorkerHandler';
import { $locationResult, clearAnalysisPoint, pickLocation } from '../../../src/stores/analysisPoint';
import { $facilitiesByDataset, $facilityDatasets, updateFacilityDataset } from '../../../src/stores/facilities';
import { selectNormProfile, setNormDistance } from '../../../src/stores/norms';
import { startReachabilityWorker, type ReachabilityWorkerPort } from '../../../src/stores/reachabilityWorkerClient';
import { dataset, facility } from './facilityFixtures';
import { setDistanceMethod } from '../../../src/stores/norms';
import { $walkNetworks, resetWalkNetworks } from '../../../src/stores/walkNetworks';
import { $walkAreas, $walkDetours, setWalkAreasVisible } from '../../../src/stores/walkDetour';
import { at, gridTown } from '../../support/walkNetworks';

describe('worker client', () => {
  let stop: (() => void) | null = null;

  /** Runs the real handler asynchronously, like a worker would. */
  function inProcessPort(): ReachabilityWorkerPort {
    const handle = createReachabilityHandler();
    const listeners: Array<(event: MessageEvent<ReachabilityResponse>) => void> = [];
    return {
      postMessage(message: ReachabilityRequest) {
        queueMicrotask(() => {
          const { response } = handle(message);
          for (const listener of listeners) listener({ data: response } as MessageEvent<ReachabilityResponse>);
        });
      },
      addEventListener(_type, listener) {
        listeners.push(listener);
      },
    };
  }

  async function settled(): Promise<void> {
    for (let round = 0; round < 10; round++) await Promise.resolve();
  }

  /** Starts the worker with these datasets and their facilities, and analyses `point`. */
  async function analyse(datasets: FacilityDataset[], facilities: Facility[], point: [number, number]): Promise<void> {
    $facilityDatasets.set(datasets);
    $facilitiesByDataset.set(new Map(datasets.map((item) => [item.id, facilities.filter((one) => one.datasetId === item.id)])));
    stop = startReachabilityWorker(inProcessPort());
    pickLocation(point);
    await settled();
  }

  /** The verdict for `category` under the nultreden housing type at the picked point; the status while there is no result. */
  function nultredenVerdict(category: FacilityCategory): string | undefined {
    const state = $locationResult.get();
    return state.status === 'ready' ? state.result.housingTypes.nultreden.norms.find((norm) => norm.category === category)?.verdict : state.status;
  }

  beforeEach(() => {
    selectNormProfile('woonzorgzone');
    clearAnalysisPoint();
    $facilityDatasets.set([]);
    $facilitiesByDataset.set(new Map());
  });
  afterEach(() => {
    stop?.();
    stop = null;
    resetWalkNetworks();
    setDistanceMethod('hemelsbreed');
    setWalkAreasVisible(false);
  });

  it('sends saved walking routes to the worker: the verdict follows the chosen method, the detour and walking-time areas arrive', async () => {
    // the grid town with a river and one bridge; the supermarket 220 m across the river is 2,220 m over the street
    await analyse([dataset('osm', ['supermarkt'])], [facility('osm', 's1', 'supermarkt', at(0, 620))], at(0, 400));
    expect(nultredenVerdict('supermarkt')).toBe('met');
    const network = gridTown({ river: true }).build();
    $walkNetworks.set([{ areaKey: 'GM9999', areaName: 'Rivierstad', retrievedAt: '2026-12-02T08:00:00Z', savedAt: '2026-12-02T08:00:00Z', bbox: [0, 0, 0, 0], wayCount: 1, network, schemaVersion: 1 }]);
    setWalkAreasVisible(true);
    await settled();
    expect(nultredenVerdict('supermarkt')).toBe('met');
    expect($walkDetours.get().get('GM9999')!.median!).toBeGreaterThan(1);
    expect($walkAreas.get().status).toBe('ready');
    setDistanceMethod('overStraat');
    await settled();
    expect(nultredenVerdict('supermarkt')).toBe('notMet');
    const state = $locationResult.get();
    expect(state.status === 'ready' && state.result.method).toBe('overStraat');
  });

  it('a railway station within the norm proves "met" although the stations do not cover public transport completely', async () => {
    await analyse(
      [dataset('stations', []), dataset('osm', ['supermarkt'])],
      [facility('stations', 't1', 'ovHalte', [6.0915, 52.5097]), facility('osm', 's1', 'supermarkt', [6.0935, 52.5097])],
      [6.0917, 52.5097],
    );
    const state = $locationResult.get();
    expect(state.status).toBe('ready');
    if (state.status !== 'ready') return;
    expect(state.result.categories.ovHalte).toMatchObject({ status: 'found', complete: false });
    expect(nultredenVerdict('ovHalte')).toBe('met');
    expect(state.result.categories.supermarkt).toMatchObject({ status: 'found', complete: true });
  });

  it('a station beyond the norm gives "no data", not "not met"', async () => {
    await analyse([dataset('stations', [])], [facility('stations', 't1', 'ovHalte', [6.2, 52.5097])], [6.0917, 52.5097]);
    expect(nultredenVerdict('ovHalte')).toBe('noData');
  });

  it('follows a changed declaration: "no data" becomes "not met" once the dataset is declared complete', async () => {
    await analyse([dataset('list', [])], [facility('list', 's1', 'supermarkt', [6.2, 52.5097])], [6.0917, 52.5097]);
    expect(nultredenVerdict('supermarkt')).toBe('noData');
    updateFacilityDataset('list', { completeness: { supermarkt: { kind: 'province' } } });
    expect(nultredenVerdict('supermarkt')).toBe('notMet');
  });

  it('a worker that failed to start fails later requests at once instead of leaving them pending', async () => {
    const posted: ReachabilityRequest[] = [];
    const deadPort: ReachabilityWorkerPort = {
      postMessage: (message) => void posted.push(message),
      addEventListener: () => {},
      onerror: null,
    };
    stop = startReachabilityWorker(deadPort);
    deadPort.onerror?.({ message: 'script blocked' } as ErrorEvent);
    pickLocation([6.0915, 52.5097]);
    await settled();
    expect($locationResult.get()).toMatchObject({ status: 'failed', issues: [{ code: 'reach.workerError', params: { reason: 'script blocked' } }] });
    const postedBefore = posted.length;
    pickLocation([6.1, 52.5]);
    expect($locationResult.get().status).toBe('failed');
    expect(posted).toHaveLength(postedBefore);
  });

  it('analyses again with the new norms after an accepted edit', async () => {
    await analyse([dataset('osm', ['supermarkt'])], [facility('osm', 's1', 'supermarkt', [6.1, 52.5097])], [6.0915, 52.5097]);
    expect(nultredenVerdict('supermarkt')).toBe('notMet');
    setNormDistance('nultreden', 'supermarkt', '1000');
    await settled();
    expect(nultredenVerdict('supermarkt')).toBe('met');
  });
});
