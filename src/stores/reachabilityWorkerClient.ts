// The client of the reachability Web Worker: feeds it from the stores (facilities, province grid,
// analysis point, all key projects as the plan places them, the open draft's sites and the one being
// dragged, grid score) and writes its answers back; all heavy work runs there.

import { batch } from 'nanostores';
import type { MultiPolygon, Polygon } from 'geojson';
import type { DataIssue } from '../domain/dataIssue';
import { packAndEncodeSteps, packedTransfer, type EncodedIds, type PackedFacilities } from '../analysis/facilityIndex';
import { latestRun, runAtOnce, SLICE_ABOVE_ITEMS } from '../analysis/slicedWork';
import type { ReachabilitySite } from '../analysis/reachability';
import type { ReachabilityRequest, ReachabilityResponse } from '../analysis/reachabilityProtocol';
import { $analysisPoint, $locationAnalysis } from './analysisPoint';
import { $appData } from './appData';
import { $planKeyProjects } from './planKeyProjects';
import { $dragReachSite, $dragSiteAnalysis, $scenarioReachSites, $scenarioSiteAnalysis } from './scenarioSiteAnalysis';
import { $activeFacilities } from './facilities';
import { $distanceMethod, $normProfile, $walkingSpeed } from './norms';
import { metersPerSecondToKilometersPerHour } from '../domain/norms';
import { $walkNetworks } from './walkNetworks';
import { $walkAreas, $walkAreasVisible, $walkDetours } from './walkDetour';
import { $siteAnalysis } from './projectTable';
import { $gridDescription, $gridResult, $gridSettings } from './suitabilityGrid';
import { $activeZoneDefinition, $zoneResult, $zoneSites, $zonesVisible } from './serviceZones';
import { $drawnZones } from './zoneDrawing';

/**
 * Every facility of the visible datasets counts: a known facility within the norm proves "met"
 * even where its dataset is not complete. Whether "not met" may be said is decided per point from
 * the declared coverage (src/analysis/dataCoverage.ts).
 */
export const $reachFacilities = $activeFacilities;

/** The part of a Worker the client uses, so tests can pass a stand-in that runs the handler directly. */
export interface ReachabilityWorkerPort {
  postMessage(message: ReachabilityRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ReachabilityResponse>) => void): void;
  /** A worker that cannot start (script blocked, syntax error) reports here. */
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate?(): void;
}

export function createReachabilityWorker(): Worker {
  return new Worker(new URL('../analysis/reachabilityWorker.ts', import.meta.url), { type: 'module', name: 'reachability' });
}

type RequestKind = 'facilities' | 'grid' | 'location' | 'sites' | 'score' | 'scenarioSites' | 'dragSite' | 'zoneOutlines' | 'zones' | 'walkNetworks' | 'walkDetours' | 'walkAreas';
/** A request without its id (the client numbers it), kept per message type. */
type RequestBody = ReachabilityRequest extends infer Request ? (Request extends unknown ? Omit<Request, 'requestId'> : never) : never;

/**
 * Starts feeding the worker from the stores: facilities, province grid, analysis point, all key
 * projects and the grid score. Responses older than the last request of their kind are dropped.
 * Returns a stop function.
 */
export function startReachabilityWorker(port: ReachabilityWorkerPort = createReachabilityWorker()): () => void {
  let nextRequestId = 1;
  const latest = new Map<RequestKind, number>();
  const kindOf = new Map<number, RequestKind>();
  let gridReady = false;
  let gridProvince: Polygon | MultiPolygon | null = null;
  let gridCellSize = 0;
  const packing = latestRun();

  /** Set once the worker has failed (e.g. it could not start): every later request fails at once instead of waiting forever. */
  let workerFailure: DataIssue[] | null = null;
  const failRequest = (kind: RequestKind, issues: DataIssue[]): void => {
    if (kind === 'location') $locationAnalysis.set({ status: 'failed', issues });
    else if (kind === 'score') $gridResult.set({ status: 'failed', issues });
    else if (kind === 'sites') $siteAnalysis.set(null);
    else if (kind === 'scenarioSites') $scenarioSiteAnalysis.set({ status: 'failed', issues });
    else if (kind === 'dragSite') $dragSiteAnalysis.set(null);
    else if (kind === 'zones') $zoneResult.set({ status: 'failed', issues });
    else if (kind === 'walkAreas') $walkAreas.set({ status: 'failed', issues });
  };

  const send = (kind: RequestKind, request: RequestBody, transfer: Transferable[] = []): void => {
    if (workerFailure !== null) {
      failRequest(kind, workerFailure);
      return;
    }
    const requestId = nextRequestId++;
    latest.set(kind, requestId);
    kindOf.set(requestId, kind);
    port.postMessage({ ...request, requestId } as ReachabilityRequest, transfer);
  };

  const analyseLocationNow = (): void => {
    const point = $analysisPoint.get();
    if (!point) return;
    $locationAnalysis.set({ status: 'pending' });
    send('location', { type: 'analyseLocation', point: point.location, profile: $normProfile.get(), speed: $walkingSpeed.get(), distanceMethod: $distanceMethod.get() });
  };
  const analyseSitesNow = (): void => {
    const sites: ReachabilitySite[] = $planKeyProjects.get().map((project) => ({ id: project.id, name: project.name, location: project.location }));
    if (sites.length === 0) return;
    send('sites', { type: 'analyseSites', sites, profile: $normProfile.get(), speed: $walkingSpeed.get(), distanceMethod: $distanceMethod.get() });
  };
  /** The active draft's sites: every time the plan, the facilities or the norms change. */
  const analyseScenarioSitesNow = (): void => {
    const sites = $scenarioReachSites.get();
    if (sites.length === 0) {
      latest.delete('scenarioSites');
      $scenarioSiteAnalysis.set({ status: 'idle' });
      return;
    }
    const previous = $scenarioSiteAnalysis.get();
    $scenarioSiteAnalysis.set({ status: 'pending', rows: previous.status === 'ready' || previous.status === 'pending' ? previous.rows : null });
    send('scenarioSites', { type: 'analyseSites', sites, profile: $normProfile.get(), speed: $walkingSpeed.get(), distanceMethod: $distanceMethod.get() });
  };
  /** The dragged site: at most one request per animation frame, for its latest position (older answers are dropped). */
  let dragFrameRequested = false;
  const nextFrame = (callback: () => void): void => {
    if (typeof globalThis.requestAnimationFrame === 'function') globalThis.requestAnimationFrame(callback);
    else setTimeout(callback, 16);
  };
  const analyseDraggedSiteSoon = (): void => {
    if (dragFrameRequested) return;
    dragFrameRequested = true;
    nextFrame(() => {
      dragFrameRequested = false;
      const site = $dragReachSite.get();
      if (site) send('dragSite', { type: 'analyseSites', sites: [site], profile: $normProfile.get(), speed: $walkingSpeed.get(), distanceMethod: $distanceMethod.get() });
    });
  };
  const scoreGridNow = (): void => {
    const settings = $gridSettings.get();
    if (settings.mode === 'off') {
      latest.delete('score');
      $gridResult.set({ status: 'off' });
      return;
    }
    if (!gridReady) {
      $gridResult.set({ status: 'pending' });
      return;
    }
    $gridResult.set({ status: 'pending' });
    const target = settings.mode === 'housingType' ? { kind: 'normsMet' as const, housingType: settings.housingType } : { kind: 'distance' as const, category: settings.category };
    send('score', { type: 'scoreGrid', profile: $normProfile.get(), target, distanceMethod: $distanceMethod.get() });
  };
  /** Woonservicegebieden, while shown: every time the definition, the facilities or the sites change. */
  let zoneOutlinesSent: unknown = null;
  const buildZonesNow = (): void => {
    if (!$zonesVisible.get()) {
      latest.delete('zones');
      $zoneResult.set({ status: 'off' });
      return;
    }
    const boundaries = $appData.get().municipalityBoundaries;
    if (boundaries && boundaries !== zoneOutlinesSent) {
      zoneOutlinesSent = boundaries;
      send('zoneOutlines', { type: 'setZoneOutlines', municipalities: boundaries.features });
    }
    const previous = $zoneResult.get();
    $zoneResult.set({ status: 'pending', previous: previous.status === 'ready' ? previous.analysis : previous.status === 'pending' ? previous.previous : null });
    const sites = $zoneSites.get().map(({ id, location }) => ({ id, location }));
    send('zones', { type: 'buildZones', definition: $activeZoneDefinition.get(), sites, drawnZones: [...$drawnZones.get()] });
  };
  /** Walking-time areas of the analysis point, while switched on and a street network is loaded. */
  const walkAreasNow = (): void => {
    const point = $analysisPoint.get();
    if (!$walkAreasVisible.get() || !point) {
      latest.delete('walkAreas');
      $walkAreas.set({ status: 'off' });
      return;
    }
    if ($walkNetworks.get().length === 0) {
      latest.delete('walkAreas');
      $walkAreas.set({ status: 'outside' });
      return;
    }
    $walkAreas.set({ status: 'pending' });
    send('walkAreas', { type: 'walkAreas', point: point.location, speedKmh: metersPerSecondToKilometersPerHour($walkingSpeed.get().metersPerSecond) });
  };
  /** The saved street networks, copied (the stores keep theirs) and transferred. */
  const setWalkNetworksNow = (): void => {
    const boundaries = $appData.get().municipalityBoundaries;
    walkOutlinesSent = boundaries;
    const networks = $walkNetworks.get().map((entry) => ({
      areaKey: entry.areaKey,
      network: { nodeCoordinates: entry.network.nodeCoordinates.slice(), edgeNodes: entry.network.edgeNodes.slice() },
      outline: boundaries?.features.find((feature) => feature.properties.code === entry.areaKey)?.geometry ?? null,
    }));
    $walkDetours.set(new Map());
    send('walkNetworks', { type: 'setWalkNetworks', networks }, networks.flatMap(({ network }) => [network.nodeCoordinates.buffer, network.edgeNodes.buffer]));
    analyseLocationNow();
    analyseSitesNow();
    analyseScenarioSitesNow();
    walkAreasNow();
    // the grid reads the network only when over straat is chosen
    if ($distanceMethod.get() === 'overStraat') scoreGridNow();
    // last: the detour takes a while on a large network, and nothing waits for it
    send('walkDetours', { type: 'walkDetours' });
  };
  let walkOutlinesSent: unknown = null;
  const setGridNow = (): void => {
    const province = $appData.get().province?.features[0]?.geometry;
    const cellSizeMeters = $gridSettings.get().cellSizeMeters;
    if (!province || (province === gridProvince && cellSizeMeters === gridCellSize)) return;
    gridProvince = province;
    gridCellSize = cellSizeMeters;
    gridReady = false;
    send('grid', { type: 'setGrid', province, cellSizeMeters });
  };

  const onMessage = (event: MessageEvent<ReachabilityResponse>): void => {
    const response = event.data;
    const kind = kindOf.get(response.requestId);
    kindOf.delete(response.requestId);
    if (!kind || latest.get(kind) !== response.requestId) return;
    if (response.type === 'error') {
      failRequest(kind, response.issues);
      return;
    }
    if (response.type === 'gridSet') {
      gridReady = true;
      batch(() => {
        $gridDescription.set(response.grid);
        // the province outline arrived with the grid: the outside-province flag may change
        analyseLocationNow();
        scoreGridNow();
      });
    } else if (response.type === 'locationAnalysed') $locationAnalysis.set({ status: 'ready', result: response.result });
    else if (response.type === 'sitesAnalysed' && kind === 'scenarioSites') {
      batch(() => {
        $scenarioSiteAnalysis.set({ status: 'ready', rows: response.rows });
        if ($dragReachSite.get() === null) $dragSiteAnalysis.set(null);
      });
    } else if (response.type === 'sitesAnalysed' && kind === 'dragSite') {
      // an answer that arrives after the drag was cancelled or dropped is not shown
      if ($dragReachSite.get() !== null) $dragSiteAnalysis.set(response.rows[0] ?? null);
    }
    else if (response.type === 'sitesAnalysed') $siteAnalysis.set(response.rows);
    else if (response.type === 'zonesBuilt') $zoneResult.set({ status: 'ready', analysis: response.analysis });
    else if (response.type === 'walkDetoursComputed') $walkDetours.set(new Map(response.detours.map(({ areaKey, summary }) => [areaKey, summary])));
    else if (response.type === 'walkAreasComputed') {
      const result = response.result;
      if (result.ok) {
        $walkAreas.set({
          status: 'ready',
          speedKmh: metersPerSecondToKilometersPerHour($walkingSpeed.get().metersPerSecond),
          areas: result.areas,
          streets: result.streets,
          snapLocation: result.snapLocation,
        });
      } else if (result.reason === 'noStreetNearby') $walkAreas.set({ status: 'farFromStreet', maxSnapMeters: result.maxSnapMeters });
      else $walkAreas.set({ status: 'outside' });
    }
    else if (response.type === 'gridScored') {
      const grid = $gridDescription.get();
      if (grid) $gridResult.set({ status: 'ready', score: response.score, grid });
    }
  };
  port.addEventListener('message', onMessage);
  port.onerror = (event: ErrorEvent) => {
    const issues: DataIssue[] = [{ code: 'reach.workerError', file: 'reachabilityWorker', params: { reason: event.message || 'worker' } }];
    workerFailure = issues;
    // every open request is lost with the worker: say so wherever a result was awaited
    batch(() => {
      if ($locationAnalysis.get().status === 'pending') $locationAnalysis.set({ status: 'failed', issues });
      if ($gridResult.get().status === 'pending') $gridResult.set({ status: 'failed', issues });
      if ($zoneResult.get().status === 'pending') $zoneResult.set({ status: 'failed', issues });
    });
  };

  const unsubscribers = [
    $reachFacilities.subscribe((facilities) => {
      const sendFacilities = (packed: PackedFacilities, encodedIds: EncodedIds) => {
        send('facilities', { type: 'setFacilities', facilities: { ...packed, ids: [] }, encodedIds }, packedTransfer(packed, encodedIds));
        analyseLocationNow();
        analyseSitesNow();
        analyseScenarioSitesNow();
        scoreGridNow();
        buildZonesNow();
      };
      // A large list is packed in slices; a newer list abandons an older packing.
      if (facilities.length <= SLICE_ABOVE_ITEMS) {
        packing.supersede();
        const { packed, encodedIds } = runAtOnce(packAndEncodeSteps(facilities));
        sendFacilities(packed, encodedIds);
      } else void packing.run(packAndEncodeSteps(facilities)).then((result) => result && sendFacilities(result.packed, result.encodedIds));
    }),
    $appData.listen(() => {
      setGridNow();
      // the municipality outlines bound the networks' areas
      if ($walkNetworks.get().length > 0 && $appData.get().municipalityBoundaries !== walkOutlinesSent) {
        walkOutlinesSent = $appData.get().municipalityBoundaries;
        setWalkNetworksNow();
      }
    }),
    // the key projects as the plan places them: the published ones, or moved in the active draft
    $planKeyProjects.listen(analyseSitesNow),
    $normProfile.listen(() => {
      analyseLocationNow();
      analyseSitesNow();
      analyseScenarioSitesNow();
      scoreGridNow();
    }),
    $walkingSpeed.listen(() => {
      analyseLocationNow();
      analyseSitesNow();
      analyseScenarioSitesNow();
      walkAreasNow();
    }),
    $distanceMethod.listen(() => {
      analyseLocationNow();
      analyseSitesNow();
      analyseScenarioSitesNow();
      scoreGridNow();
    }),
    $walkNetworks.listen(setWalkNetworksNow),
    $walkAreasVisible.listen(walkAreasNow),
    $scenarioReachSites.listen(analyseScenarioSitesNow),
    $dragReachSite.listen((site) => site && analyseDraggedSiteSoon()),
    $analysisPoint.listen(() => {
      analyseLocationNow();
      walkAreasNow();
    }),
    $zonesVisible.listen(buildZonesNow),
    $activeZoneDefinition.listen(buildZonesNow),
    $zoneSites.listen(() => $zonesVisible.get() && buildZonesNow()),
    $drawnZones.listen(() => $zonesVisible.get() && buildZonesNow()),
    $gridSettings.listen(() => {
      setGridNow();
      scoreGridNow();
    }),
  ];
  setGridNow();

  return () => {
    unsubscribers.forEach((unsubscribe) => unsubscribe());
    port.terminate?.();
  };
}
