import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completenessFor, type Facility, type FacilityCategory, type FacilityDataset } from '../../../src/domain/facility';
import { RUIM_PROFILE, WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED } from '../../../src/domain/norms';
import type { GridScore } from '../../../src/analysis/gridScore';
import type { GridDescription, ReachabilityRequest, ReachabilityResponse } from '../../../src/analysis/reachabilityProtocol';
import { createReachabilityHandler } from '../../../src/analysis/reachabilityWorkerHandler';
import { $facilitiesByDataset, $facilityDatasets, updateFacilityDataset } from '../../../src/stores/facilities';
import { $selection } from '../../../src/stores/selection';
import { $appData } from '../../../src/stores/appData';
import { setLanguage } from '../../../src/stores/language';
import { FacilityIndex } from '../../../src/analysis/facilityIndex';
import { analyseSites } from '../../../src/analysis/reachability';
import { packedFacilities } from '../analysis/reachabilityFactories';
import type { PlacedKeyProject } from '../../../src/domain/keyProject';
import {
  $analysisPoint,
  $locationResult,
  $pickingLocation,
  analyseKeyProject,
  startPickingLocation,
  $normIssues,
  $normProfile,
  $siteAnalysis,
  $walkingSpeed,
  projectTableCsv,
  selectWalkingSpeedPreset,
  classifyGrid,
  clearAnalysisPoint,
  gridCellAt,
  NO_GRID_CLASS,
  pickLocation,
  selectNormProfile,
  setCustomWalkingSpeed,
  setNormDistance,
  sortProjectRows,
  startReachabilityWorker,
  undeclaredCategories,
  type ProjectTableRow,
  type ReachabilityWorkerPort,
} from '../../../src/stores/reachability';

/** A dataset declaring the categories complete for the whole province (none: only these locations). */
function dataset(id: string, categories: FacilityCategory[], hidden = false): FacilityDataset {
  return { id, kind: 'import', name: id, source: 'test', licence: 'test', retrievedAt: '2026-01-01', completeness: completenessFor(categories, { kind: 'province' }), hidden };
}

function facility(datasetId: string, id: string, category: FacilityCategory, location: [number, number] = [6.09, 52.51]): Facility {
  return { id, name: id, category, location, datasetId, attributes: {} };
}

describe('categories loaded as known locations only', () => {
  it('names categories that are loaded but declared complete nowhere (railway stations only)', () => {
    const byDataset = new Map([['stations', [facility('stations', 't1', 'ovHalte')]]]);
    expect(undeclaredCategories([dataset('stations', [])], byDataset)).toEqual(['ovHalte']);
  });

  it('does not name a category another visible dataset declares', () => {
    const byDataset = new Map([
      ['stations', [facility('stations', 't1', 'ovHalte')]],
      ['osm', [facility('osm', 'b1', 'ovHalte')]],
    ]);
    expect(undeclaredCategories([dataset('stations', []), dataset('osm', ['ovHalte'])], byDataset)).toEqual([]);
  });
});

describe('norm edits', () => {
  beforeEach(() => {
    selectNormProfile('woonzorgzone');
    $walkingSpeed.set(DEFAULT_WALKING_SPEED);
  });

  it.each(['-5', '0', '60000', 'abc', ''])('rejects %j and keeps the previous norms', (text) => {
    expect(setNormDistance('nultreden', 'supermarkt', text)).toBe(false);
    expect($normProfile.get()).toBe(WOONZORGZONE_PROFILE);
    expect($normIssues.get()).toHaveLength(1);
  });

  it('accepts a valid distance, switches to the custom profile and marks it as own assumption', () => {
    expect(setNormDistance('nultreden', 'supermarkt', '750')).toBe(true);
    const profile = $normProfile.get();
    expect(profile.id).toBe('custom');
    expect(profile.norms.nultreden.find((norm) => norm.category === 'supermarkt')).toMatchObject({ maxDistanceMeters: 750, isPolicyChoice: true });
    expect($normIssues.get()).toEqual([]);
  });

  it('accepts a decimal comma', () => {
    setNormDistance('geclusterd', 'huisarts', '450,5');
    expect($normProfile.get().norms.geclusterd.find((norm) => norm.category === 'huisarts')?.maxDistanceMeters).toBe(450.5);
  });

  it('clears the issues when another named profile is chosen', () => {
    setNormDistance('nultreden', 'supermarkt', '-1');
    selectNormProfile('ruim');
    expect($normIssues.get()).toEqual([]);
    expect($normProfile.get()).toBe(RUIM_PROFILE);
  });

  it('rejects an implausible walking speed and keeps the previous one', () => {
    expect(setCustomWalkingSpeed('40')).toBe(false);
    expect($walkingSpeed.get()).toBe(DEFAULT_WALKING_SPEED);
    expect($normIssues.get()[0]?.code).toBe('norms.speedOutOfRange');
  });

  it('accepts a plausible own walking speed in km/h', () => {
    expect(setCustomWalkingSpeed('3,6')).toBe(true);
    expect($walkingSpeed.get().metersPerSecond).toBeCloseTo(1, 6);
    expect($walkingSpeed.get().id).toBe('custom');
  });
});

describe('choosing the analysis point', () => {
  beforeEach(() => clearAnalysisPoint());

  it('a map click while picking sets the point, stops picking and shows the reachability panel', () => {
    startPickingLocation();
    pickLocation([6.1, 52.5]);
    expect($analysisPoint.get()).toEqual({ location: [6.1, 52.5], origin: { kind: 'map' } });
    expect($pickingLocation.get()).toBe(false);
    expect($selection.get()).toEqual({ kind: 'reachability' });
  });

  it('a key project keeps its approximate-location details as the origin', () => {
    const project = { id: 'p1', name: 'Project', location: [6.2, 52.4], locationPrecision: 'town', placedAt: 'Zwolle (woonkern)' } as PlacedKeyProject;
    analyseKeyProject(project);
    expect($analysisPoint.get()?.origin).toEqual({ kind: 'keyProject', id: 'p1', name: 'Project', precision: 'town', placedAt: 'Zwolle (woonkern)' });
  });

  it('clearing the point closes the reachability panel', () => {
    pickLocation([6.1, 52.5]);
    clearAnalysisPoint();
    expect($analysisPoint.get()).toBeNull();
    expect($selection.get()).toBeNull();
  });
});

describe('project table sorting', () => {
  function row(name: string, distanceMeters: number | null): ProjectTableRow {
    const supermarkt = distanceMeters === null ? { category: 'supermarkt', status: 'noData', method: 'hemelsbreed' } : { category: 'supermarkt', status: 'found', distanceMeters };
    return {
      project: { name } as ProjectTableRow['project'],
      municipalityName: 'Zwolle',
      row: { siteId: name, siteName: name, reachability: { categories: { supermarkt } } } as unknown as ProjectTableRow['row'],
    };
  }

  it('sorts distances ascending with "no data" last', () => {
    const sorted = sortProjectRows([row('a', null), row('b', 900), row('c', 100)], 'distance:supermarkt', 'ascending');
    expect(sorted.map((entry) => entry.project.name)).toEqual(['c', 'b', 'a']);
  });

  it('keeps "no data" last when sorting descending', () => {
    const sorted = sortProjectRows([row('a', null), row('b', 900), row('c', 100)], 'distance:supermarkt', 'descending');
    expect(sorted.map((entry) => entry.project.name)).toEqual(['b', 'c', 'a']);
  });
});

describe('key-project CSV export', () => {
  const project = {
    id: 'zwolle-stadshagen',
    municipalityCode: 'GM0193',
    municipalityAsPrinted: 'Zwolle',
    name: 'Stadshagen',
    status: 'bestaand',
    homesWoondeal2022: 1000,
    homes2024To2030: 1400,
    homesAfter2030: null,
    countsAsKeyProject: true,
    source: 'woondeal',
    location: [6.0915, 52.5097],
    locationPrecision: 'district',
    placedAt: 'Stadshagen',
    placedSource: 'top10nl',
  } as unknown as PlacedKeyProject;

  beforeEach(() => {
    setLanguage('nl');
    selectNormProfile('woonzorgzone');
    selectWalkingSpeedPreset('ouder');
    const osm = { ...dataset('osm-GM0193', ['supermarkt', 'huisarts']), kind: 'osm' as const, name: 'OpenStreetMap – Zwolle', source: 'OpenStreetMap', licence: 'ODbL', retrievedAt: '2026-11-30T10:00:00.000Z', completeness: completenessFor(['supermarkt', 'huisarts'], { kind: 'municipalities', codes: ['GM0193'] }) };
    const emptyImport = dataset('leeg', ['apotheek']);
    $facilityDatasets.set([osm, emptyImport, dataset('verborgen', ['supermarkt'], true)]);
    const supermarket = facility('osm-GM0193', 's1', 'supermarkt', [6.0935, 52.5097]);
    $facilitiesByDataset.set(new Map([['osm-GM0193', [supermarket]], ['verborgen', [facility('verborgen', 'v1', 'supermarkt')]]]));
    $appData.set({ keyProjects: [project], municipalities: [{ code: 'GM0193', name: 'Zwolle', region: 'west-overijssel', inhabitants: 1, inhabitantsSource: 'cbs' }] });
    const index = new FacilityIndex(packedFacilities([{ id: 's1', category: 'supermarkt', location: supermarket.location }]));
    $siteAnalysis.set(analyseSites([{ id: project.id, name: project.name, location: project.location }], index, WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED));
  });
  afterEach(() => {
    $siteAnalysis.set(null);
    $appData.set({});
  });

  it('gives municipality, homes 2024–2030 and location precision per project, and the norms, speed, date and datasets under the table', () => {
    const lines = projectTableCsv(new Date(2026, 11, 1, 15, 4)).slice(1).split('\r\n');
    const header = lines[0]!.split(';');
    expect(header.slice(0, 6)).toEqual(['Id', 'Locatie', 'Gemeente', 'Woningen 2024 t/m 2030', 'Precisie locatie', 'Buiten Overijssel']);
    expect(lines[1]!.split(';').slice(0, 5)).toEqual(['zwolle-stadshagen', 'Stadshagen', 'Zwolle', '1400', 'Locatie op wijkniveau (bij benadering)']);
    expect(lines[2]).toBe('');
    const about = lines.slice(3);
    expect(about).toContain('Datum;2026-12-01 15:04');
    expect(about).toContain('Normprofiel;Woonzorgzone (400–500 m, ov 300 m)');
    expect(about.find((line) => line.startsWith('Normen Nultreden;'))).toContain('Supermarkt');
    expect(about).toContain('Loopsnelheid;Oudere (2,9 km/u)');
    // only visible datasets that hold facilities, each with its declared coverage
    expect(about).toContain('OpenStreetMap – Zwolle;OpenStreetMap;ODbL;2026-11-30;Volledig voor Zwolle: Huisarts, Supermarkt');
    expect(about.some((line) => line.startsWith('leeg;') || line.startsWith('verborgen;'))).toBe(false);
  });

  it('names an own walking speed with its value', () => {
    setCustomWalkingSpeed('2,5');
    expect(projectTableCsv(new Date(2026, 11, 1)).split('\r\n')).toContain('Loopsnelheid;Eigen snelheid (2,5 km/u)');
  });
});

describe('grid classes and cell lookup', () => {
  const grid: GridDescription = {
    cellSizeMeters: 250,
    originLon: 6,
    originLat: 52,
    cellWidthDegrees: 0.01,
    cellHeightDegrees: 0.01,
    columns: 3,
    rows: 2,
    cellCount: 4,
    centers: new Float64Array(8),
    // row 0: columns 0 and 2; row 1: columns 1 and 2
    cellIds: Uint32Array.from([0, 2, 4, 5]),
  };

  function score(target: GridScore['target'], values: number[], requiredCount: number): GridScore {
    return { target, method: 'hemelsbreed', values: Float32Array.from(values), requiredCount, noDataCategories: [] };
  }

  it('makes one class per number of norms met and counts its cells', () => {
    const layer = classifyGrid(grid, score({ kind: 'normsMet', housingType: 'nultreden' }, [0, 2, 2, 4], 4));
    expect(layer.classes.map((klass) => klass.cellCount)).toEqual([1, 0, 2, 0, 1]);
    expect([...layer.classIndex]).toEqual([0, 2, 2, 4]);
  });

  it('leaves every cell unclassed when no required category has data', () => {
    const noData = { ...score({ kind: 'normsMet', housingType: 'nultreden' }, [0, 0, 0, 0], 2), noDataCategories: ['supermarkt', 'huisarts'] as FacilityCategory[] };
    const layer = classifyGrid(grid, noData);
    expect(layer.hasData).toBe(false);
    expect([...layer.classIndex]).toEqual([NO_GRID_CLASS, NO_GRID_CLASS, NO_GRID_CLASS, NO_GRID_CLASS]);
  });

  it('puts distances in bands and leaves cells without a value unclassed', () => {
    const layer = classifyGrid(grid, score({ kind: 'distance', category: 'supermarkt' }, [100, 250.5, 5000, NaN], 1));
    expect([...layer.classIndex]).toEqual([0, 1, 5, NO_GRID_CLASS]);
  });

  it('finds the cell under a point', () => {
    expect(gridCellAt(grid, [6.025, 52.015])).toBe(3);
  });

  it('returns -1 for a point on a dropped cell or outside the grid', () => {
    expect(gridCellAt(grid, [6.015, 52.005])).toBe(-1);
    expect(gridCellAt(grid, [5.9, 52.005])).toBe(-1);
  });
});

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

  beforeEach(() => {
    selectNormProfile('woonzorgzone');
    clearAnalysisPoint();
    $facilityDatasets.set([]);
    $facilitiesByDataset.set(new Map());
  });
  afterEach(() => {
    stop?.();
    stop = null;
  });

  it('a railway station within the norm proves "met" although the stations do not cover public transport completely', async () => {
    $facilityDatasets.set([dataset('stations', []), dataset('osm', ['supermarkt'])]);
    $facilitiesByDataset.set(
      new Map([
        ['stations', [facility('stations', 't1', 'ovHalte', [6.0915, 52.5097])]],
        ['osm', [facility('osm', 's1', 'supermarkt', [6.0935, 52.5097])]],
      ]),
    );
    stop = startReachabilityWorker(inProcessPort());
    pickLocation([6.0917, 52.5097]);
    await settled();
    const state = $locationResult.get();
    expect(state.status).toBe('ready');
    if (state.status !== 'ready') return;
    expect(state.result.categories.ovHalte).toMatchObject({ status: 'found', complete: false });
    expect(state.result.housingTypes.nultreden.norms.find((norm) => norm.category === 'ovHalte')?.verdict).toBe('met');
    expect(state.result.categories.supermarkt).toMatchObject({ status: 'found', complete: true });
  });

  it('a station beyond the norm gives "no data", not "not met"', async () => {
    $facilityDatasets.set([dataset('stations', [])]);
    $facilitiesByDataset.set(new Map([['stations', [facility('stations', 't1', 'ovHalte', [6.2, 52.5097])]]]));
    stop = startReachabilityWorker(inProcessPort());
    pickLocation([6.0917, 52.5097]);
    await settled();
    const state = $locationResult.get();
    expect(state.status === 'ready' && state.result.housingTypes.nultreden.norms.find((norm) => norm.category === 'ovHalte')?.verdict).toBe('noData');
  });

  it('follows a changed declaration: "no data" becomes "not met" once the dataset is declared complete', async () => {
    $facilityDatasets.set([dataset('list', [])]);
    $facilitiesByDataset.set(new Map([['list', [facility('list', 's1', 'supermarkt', [6.2, 52.5097])]]]));
    stop = startReachabilityWorker(inProcessPort());
    pickLocation([6.0917, 52.5097]);
    await settled();
    const supermarketVerdict = () => {
      const state = $locationResult.get();
      return state.status === 'ready' ? state.result.housingTypes.nultreden.norms.find((norm) => norm.category === 'supermarkt')?.verdict : state.status;
    };
    expect(supermarketVerdict()).toBe('noData');
    updateFacilityDataset('list', { completeness: { supermarkt: { kind: 'province' } } });
    expect(supermarketVerdict()).toBe('notMet');
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
    $facilityDatasets.set([dataset('osm', ['supermarkt'])]);
    $facilitiesByDataset.set(new Map([['osm', [facility('osm', 's1', 'supermarkt', [6.1, 52.5097])]]]));
    stop = startReachabilityWorker(inProcessPort());
    pickLocation([6.0915, 52.5097]);
    await settled();
    const before = $locationResult.get();
    expect(before.status === 'ready' && before.result.housingTypes.nultreden.norms.find((norm) => norm.category === 'supermarkt')?.verdict).toBe('notMet');
    setNormDistance('nultreden', 'supermarkt', '1000');
    await settled();
    const after = $locationResult.get();
    expect(after.status === 'ready' && after.result.housingTypes.nultreden.norms.find((norm) => norm.category === 'supermarkt')?.verdict).toBe('met');
  });
});
