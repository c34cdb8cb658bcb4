// The import flow store: steps, column mapping, coordinate confirmation, cancel, save and replace,
// with the worker replaced by a direct parseImport call and an in-memory persistence.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computed } from 'nanostores';
import type { Facility, FacilityDataset } from '../../../src/domain/facility';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ImportOptions } from '../../../src/data/import/importTypes';
import { $appData } from '../../../src/stores/appData';
import { readGeoJson } from '../data/geoFiles';
import { parseImport } from '../../../src/data/import/parseImport';
import { fileSizeIssue, MAX_IMPORT_BYTES } from '../../../src/data/import/importLimits';
import { translate } from '../../../src/i18n/catalogue';
import { $facilitiesByDataset, $facilityDatasets } from '../../../src/stores/facilities';
import { restoreFacilityDatasets, setFacilityPersistence, type ExpectedRevision, type FacilityPersistence } from '../../../src/stores/facilityActions';
import { resetFacilityStores } from './facilityFixtures';
import { StorageError } from '../../../src/storage/storageErrors';
import { $importPreview } from '../../../src/stores/importPreview';
import {
  $importFlow,
  cancelRunningImport,
  chooseImportFile,
  closeImportDialog,
  confirmCoordinateSystem,
  createWorkerRunner,
  IMPORT_INACTIVITY_TIMEOUT_MILLISECONDS,
  openImportDialog,
  openReplaceDialog,
  saveImport,
  setImportCoverageKind,
  setImportCoverageMunicipalities,
  setImportDetails,
  setImportFlowServices,
  startImport,
  submitColumnMapping,
  type ImportRunner,
} from '../../../src/stores/importFlow';

// Town centres from TOP10NL 2025 (geo/places/overijssel-plaatsen-top10nl-2025.geojson), [lon, lat].
const ZWOLLE = [6.091546, 52.509705] as const;
const ENSCHEDE = [6.885504, 52.214997] as const;
const DEVENTER = [6.168881, 52.257576] as const;
/** A deliberately made-up point west of the province box, for the "outside Overijssel" rejection. */
const OUTSIDE_OVERIJSSEL = [5.12, 52.09] as const;

const decimalComma = (value: number) => String(value).replace('.', ',');

/** A Dutch-Excel style CSV (`;`, decimal comma) with columns naam;categorie;lat;lon. */
function csvFile(rows: ReadonlyArray<{ name: string; category: string; location: readonly [number, number] }>, header = 'naam;categorie;lat;lon'): Blob {
  const lines = rows.map(({ name, category, location }) => `${name};${category};${decimalComma(location[1])};${decimalComma(location[0])}`);
  return new Blob([[header, ...lines].join('\r\n')]);
}

const threeValidRows = [
  { name: 'Testlocatie Zwolle', category: 'huisarts', location: ZWOLLE },
  { name: 'Testlocatie Enschede', category: 'apotheek', location: ENSCHEDE },
  { name: 'Testlocatie Deventer', category: 'huisarts', location: DEVENTER },
];

const directRunner: ImportRunner = async (input, options, { onProgress, signal }) => parseImport(await input.text(), options, onProgress, () => signal.aborted);

function memoryPersistence(): FacilityPersistence & { saved: Map<string, { dataset: FacilityDataset; facilities: Facility[] }> } {
  const saved = new Map<string, { dataset: FacilityDataset; facilities: Facility[] }>();
  return {
    saved,
    saveDataset: async (dataset, facilities) => {
      saved.set(dataset.id, { dataset, facilities: [...facilities] });
      return 1;
    },
    renameDataset: async () => 1,
    setHidden: async () => 1,
    setCompleteness: async () => 1,
    deleteDataset: async (datasetId) => {
      saved.delete(datasetId);
    },
  };
}

const IMPORT_TIME = new Date('2026-03-02T09:30:00Z');
let persistence: ReturnType<typeof memoryPersistence>;
let runner: ReturnType<typeof vi.fn<ImportRunner>>;

async function importFile(file: Blob, fileName = 'zorglocaties.csv', source = 'Eigen lijst (test)'): Promise<void> {
  chooseImportFile(file, fileName);
  setImportDetails({ source });
  await startImport();
}

beforeEach(() => {
  closeImportDialog();
  resetFacilityStores();
  persistence = memoryPersistence();
  setFacilityPersistence(persistence);
  runner = vi.fn<ImportRunner>(directRunner);
  setImportFlowServices({ runner, newDatasetId: () => 'import-test', now: () => IMPORT_TIME });
  openImportDialog();
});

afterEach(() => {
  closeImportDialog();
  setFacilityPersistence(null);
  setImportFlowServices();
});

describe('the dialog and the map preview change together', () => {
  it('a listener of both sees one change, not a half-closed dialog, when the dialog closes over a preview', async () => {
    await importFile(csvFile(threeValidRows));
    expect($importPreview.get()).not.toBeNull();
    const seen: Array<readonly [string, boolean]> = [];
    const both = computed([$importFlow, $importPreview], (flow, preview): [string, boolean] => [flow.step, preview !== null]);
    const stop = both.listen((value) => seen.push(value));
    closeImportDialog();
    stop();
    expect(seen).toEqual([['closed', false]]);
  });
});

describe('choosing the file', () => {
  it('asks for a file before reading anything', async () => {
    await startImport();
    expect($importFlow.get().step).toBe('choose');
    expect($importFlow.get().issue?.code).toBe('importDialog.fileRequired');
    expect(runner).not.toHaveBeenCalled();
  });

  it('asks where the list comes from', async () => {
    chooseImportFile(csvFile(threeValidRows), 'lijst.csv');
    await startImport();
    expect($importFlow.get().issue?.code).toBe('importDialog.sourceRequired');
    expect(runner).not.toHaveBeenCalled();
  });

  it('names the dataset after the file', () => {
    chooseImportFile(csvFile(threeValidRows), 'huisartsen Zwolle.csv');
    expect($importFlow.get().details.datasetName).toBe('huisartsen Zwolle');
  });

  it('keeps a name the planner typed when another file is chosen', () => {
    chooseImportFile(csvFile(threeValidRows), 'eerste.csv');
    setImportDetails({ datasetName: 'Mijn lijst' });
    chooseImportFile(csvFile(threeValidRows), 'tweede.csv');
    expect($importFlow.get().details.datasetName).toBe('Mijn lijst');
  });
});

describe('reading the file', () => {
  it('shows accepted rows on the map and lists a rejected row with its number and reason', async () => {
    await importFile(csvFile([...threeValidRows, { name: 'Testlocatie onbekend', category: 'bakkerij', location: ZWOLLE }]));
    const state = $importFlow.get();
    expect(state.step).toBe('result');
    expect(state.result?.facilities.map((facility) => facility.name)).toEqual(['Testlocatie Zwolle', 'Testlocatie Enschede', 'Testlocatie Deventer']);
    expect(state.result?.rejected).toEqual([expect.objectContaining({ record: 5, code: 'import.unknownCategory', params: { value: 'bakkerij' } })]);
    expect($importPreview.get()?.length).toBe(3);
  });

  it('passes the dataset id and file name to the import', async () => {
    await importFile(csvFile(threeValidRows), 'lijst.csv');
    const options = runner.mock.calls[0]?.[1] as ImportOptions;
    expect(options).toMatchObject({ fileName: 'lijst.csv', datasetId: 'import-test' });
  });

  it('reports an empty file in the first step', async () => {
    await importFile(new Blob([]), 'leeg.csv');
    expect($importFlow.get().step).toBe('choose');
    expect($importFlow.get().issue).toMatchObject({ code: 'import.fileEmpty', file: 'leeg.csv' });
  });

  it('reports a web page in the first step', async () => {
    await importFile(new Blob(['<!DOCTYPE html><html><body>Niet gevonden</body></html>']), 'download.csv');
    expect($importFlow.get().step).toBe('choose');
    expect($importFlow.get().issue?.code).toBe('import.fileHtml');
  });

  it('reports an import that throws as a failed import, not a crash', async () => {
    setImportFlowServices({ runner: () => Promise.reject(new Error('out of memory')), newDatasetId: () => 'import-test' });
    await importFile(csvFile(threeValidRows));
    expect($importFlow.get().issue).toMatchObject({ code: 'import.workerFailed', params: { reason: 'out of memory' } });
  });
});

describe('GeoJSON', () => {
  function geojsonFile(features: unknown[]): Blob {
    return new Blob([JSON.stringify({ type: 'FeatureCollection', features })]);
  }
  const pointFeature = (name: string, category: string, location: readonly [number, number]) => ({
    type: 'Feature',
    properties: { naam: name, categorie: category },
    geometry: { type: 'Point', coordinates: location },
  });

  it('reads points without a mapping step and reports a feature without geometry by its number', async () => {
    await importFile(
      geojsonFile([pointFeature('Testlocatie Zwolle', 'supermarkt', ZWOLLE), { type: 'Feature', properties: { naam: 'Testlocatie zonder plek', categorie: 'supermarkt' }, geometry: null }]),
      'winkels.geojson',
    );
    const state = $importFlow.get();
    expect(state.step).toBe('result');
    expect(state.result?.fileKind).toBe('geojson');
    expect(state.result?.facilities.map((facility) => facility.location)).toEqual([[...ZWOLLE]]);
    expect(state.result?.rejected).toEqual([expect.objectContaining({ record: 2, code: 'data.invalidGeometry' })]);
    expect(state.csv).toBeNull();
  });
});

describe('column mapping', () => {
  const unknownHeaders = 'omschrijving locatie;wat;noord;oost';

  it('asks for the columns when the headers are not recognised', async () => {
    await importFile(csvFile(threeValidRows, unknownHeaders));
    const state = $importFlow.get();
    expect(state.step).toBe('mapping');
    expect(state.csv?.headers).toEqual(['omschrijving locatie', 'wat', 'noord', 'oost']);
    expect(state.issue).toBeNull();
  });

  it('reads the file again with the chosen columns and one fixed category', async () => {
    await importFile(csvFile(threeValidRows, unknownHeaders));
    await submitColumnMapping({ nameColumn: 'omschrijving locatie', fixedCategory: 'apotheek', xColumn: 'oost', yColumn: 'noord' });
    const state = $importFlow.get();
    expect(state.step).toBe('result');
    expect(state.result?.facilities.map((facility) => facility.category)).toEqual(['apotheek', 'apotheek', 'apotheek']);
  });

  it('stays at the mapping step with the missing fields when the mapping is incomplete', async () => {
    await importFile(csvFile(threeValidRows, unknownHeaders));
    await submitColumnMapping({ nameColumn: 'omschrijving locatie', categoryColumn: 'wat' });
    const state = $importFlow.get();
    expect(state.step).toBe('mapping');
    expect(state.issue).toMatchObject({ code: 'import.columnMappingIncomplete', params: { fields: 'xColumn, yColumn' } });
  });
});

describe('coordinate confirmation', () => {
  const withOutsideRow = [...threeValidRows, { name: 'Testpunt buiten Overijssel', category: 'huisarts', location: OUTSIDE_OVERIJSSEL }];

  it('asks to confirm when not all rows fit the detected system', async () => {
    await importFile(csvFile(withOutsideRow));
    const state = $importFlow.get();
    expect(state.step).toBe('coordinates');
    expect(state.coordinateDetection?.system).toBe('wgs84');
    expect(state.coordinateDetection?.evidence.fitShare.wgs84).toBeCloseTo(0.75);
    expect($importPreview.get()).toBeNull();
  });

  it('shows the result without reading again when the detected system is confirmed', async () => {
    await importFile(csvFile(withOutsideRow));
    await confirmCoordinateSystem('wgs84');
    expect($importFlow.get().step).toBe('result');
    expect($importFlow.get().result?.rejected).toEqual([expect.objectContaining({ record: 5, code: 'data.coordinateOutOfRange' })]);
    expect(runner).toHaveBeenCalledTimes(1);
  });

  it('reads again with another system the planner picks', async () => {
    await importFile(csvFile(withOutsideRow));
    await confirmCoordinateSystem('wgs84-swapped');
    expect(runner).toHaveBeenCalledTimes(2);
    expect((runner.mock.calls[1]?.[1] as ImportOptions).coordinateSystem).toBe('wgs84-swapped');
    expect($importFlow.get().result?.coordinateSystemUsed).toBe('wgs84-swapped');
  });
});

describe('cancelling', () => {
  /** A runner that only finishes when aborted, like a worker busy with a large file. */
  const runnerUntilAborted: ImportRunner = (_input, _options, { signal }) =>
    new Promise((resolve) => signal.addEventListener('abort', () => resolve({ status: 'cancelled' })));

  it('returns to the first step with a message when a running import is cancelled', async () => {
    setImportFlowServices({ runner: runnerUntilAborted, newDatasetId: () => 'import-test' });
    chooseImportFile(csvFile(threeValidRows), 'groot.csv');
    setImportDetails({ source: 'test' });
    const running = startImport();
    expect($importFlow.get().step).toBe('running');
    cancelRunningImport();
    await running;
    expect($importFlow.get().step).toBe('choose');
    expect($importFlow.get().issue?.code).toBe('import.cancelled');
  });

  it('ignores a result that arrives after the cancel', async () => {
    let finish: (() => void) | undefined;
    setImportFlowServices({
      // Finishes the import even after the abort, as a worker might that was already done.
      runner: async (input, options) => {
        await new Promise<void>((resolve) => (finish = resolve));
        return parseImport(await input.text(), options);
      },
      newDatasetId: () => 'import-test',
    });
    chooseImportFile(csvFile(threeValidRows), 'lijst.csv');
    setImportDetails({ source: 'test' });
    const running = startImport();
    cancelRunningImport();
    finish?.();
    await running;
    expect($importFlow.get().step).toBe('choose');
    expect($importPreview.get()).toBeNull();
  });

  it('cancelling at the result step clears the preview and saves nothing', async () => {
    await importFile(csvFile(threeValidRows));
    closeImportDialog();
    expect($importFlow.get().step).toBe('closed');
    expect($importPreview.get()).toBeNull();
    expect(persistence.saved.size).toBe(0);
    expect($facilityDatasets.get()).toEqual([]);
  });
});

describe('saving', () => {
  it('saves an import dataset with the categories present and closes the dialog', async () => {
    await importFile(csvFile(threeValidRows), 'lijst.csv', 'Zorgkantoor, eigen lijst');
    setImportDetails({ datasetName: 'Huisartsen en apotheken', licence: 'intern gebruik' });
    await expect(saveImport()).resolves.toBe(true);
    const expected: FacilityDataset = {
      id: 'import-test',
      kind: 'import',
      name: 'Huisartsen en apotheken',
      source: 'Zorgkantoor, eigen lijst',
      licence: 'intern gebruik',
      retrievedAt: '2026-03-02T09:30:00.000Z',
      // the default: only these locations, complete nowhere
      completeness: {},
      hidden: false,
    };
    expect(persistence.saved.get('import-test')?.dataset).toEqual(expected);
    expect($facilityDatasets.get()).toEqual([expected]);
    expect($facilitiesByDataset.get().get('import-test')?.length).toBe(3);
    expect($importFlow.get().step).toBe('closed');
    expect($importPreview.get()).toBeNull();
  });

  it('keeps the dialog and the stores as they were when the save fails', async () => {
    setFacilityPersistence({ ...persistence, saveDataset: () => Promise.reject(new Error('disk full')) });
    await importFile(csvFile(threeValidRows));
    await expect(saveImport()).resolves.toBe(false);
    expect($facilityDatasets.get()).toEqual([]);
    expect($importFlow.get().step).toBe('result');
    expect($importFlow.get().issue).toMatchObject({ code: 'storage.failed', params: { reason: 'disk full' } });
    expect($importPreview.get()?.length).toBe(3);
  });
});

describe('declaring what the file covers', () => {
  beforeEach(() => {
    // the real CBS 2026 municipality boundaries, as the app loads them
    const raw = readGeoJson('/geo/boundaries/overijssel-gemeenten-cbs-2026.geojson') as FeatureCollection<Polygon | MultiPolygon, { statcode: string; statnaam: string }>;
    $appData.set({
      municipalityBoundaries: {
        type: 'FeatureCollection',
        features: raw.features.map((feature) => ({ ...feature, properties: { code: feature.properties.statcode, name: feature.properties.statnaam, region: null } })),
      },
    });
  });
  afterEach(() => $appData.set({}));

  it('starts every category at "only these locations", with the municipalities holding its points ticked', async () => {
    await importFile(csvFile(threeValidRows));
    expect($importFlow.get().coverage).toEqual({
      huisarts: { kind: 'locationsOnly', codes: ['GM0150', 'GM0193'] },
      apotheek: { kind: 'locationsOnly', codes: ['GM0153'] },
    });
  });

  it('saves "complete for municipalities" and "complete for all of Overijssel" per category', async () => {
    await importFile(csvFile(threeValidRows));
    setImportCoverageKind('huisarts', 'municipalities');
    setImportCoverageMunicipalities('huisarts', ['GM0193']);
    setImportCoverageKind('apotheek', 'province');
    await expect(saveImport()).resolves.toBe(true);
    expect(persistence.saved.get('import-test')?.dataset.completeness).toEqual({
      huisarts: { kind: 'municipalities', codes: ['GM0193'] },
      apotheek: { kind: 'province' },
    });
  });

  it('refuses "complete for municipalities" without any municipality, saves nothing and says so', async () => {
    await importFile(csvFile(threeValidRows));
    setImportCoverageKind('huisarts', 'municipalities');
    setImportCoverageMunicipalities('huisarts', []);
    await expect(saveImport()).resolves.toBe(false);
    expect($importFlow.get()).toMatchObject({ step: 'result', issue: { code: 'importDialog.coverageNoMunicipality' } });
    expect(persistence.saved.size).toBe(0);
    // ticking one clears the problem and the save goes through
    setImportCoverageMunicipalities('huisarts', ['GM0150']);
    expect($importFlow.get().issue).toBeNull();
    await expect(saveImport()).resolves.toBe(true);
  });
});

describe('replacing an imported dataset', () => {
  const existing: FacilityDataset = {
    id: 'import-old',
    kind: 'import',
    name: 'Oude lijst',
    source: 'Gemeente (test)',
    licence: 'intern',
    retrievedAt: '2025-01-01T00:00:00.000Z',
    completeness: { huisarts: { kind: 'municipalities', codes: ['GM0193', 'GM0150'] }, supermarkt: { kind: 'province' } },
    hidden: true,
  };

  beforeEach(() => {
    $facilityDatasets.set([existing]);
    $facilitiesByDataset.set(new Map([['import-old', []]]));
  });

  it('prefills name, source and licence from the dataset', () => {
    openReplaceDialog('import-old');
    expect($importFlow.get()).toMatchObject({ mode: { kind: 'replace', datasetId: 'import-old' }, datasetId: 'import-old', details: { datasetName: 'Oude lijst', source: 'Gemeente (test)', licence: 'intern' } });
  });

  it('saves the new facilities under the same id and keeps the dataset hidden', async () => {
    openReplaceDialog('import-old');
    chooseImportFile(csvFile(threeValidRows), 'nieuw.csv');
    await startImport();
    await saveImport();
    const datasets = $facilityDatasets.get();
    expect(datasets).toHaveLength(1);
    // the earlier declaration stays for a category the new file still holds; a category it no longer holds is dropped
    expect(datasets[0]).toMatchObject({ id: 'import-old', name: 'Oude lijst', hidden: true, completeness: { huisarts: { kind: 'municipalities', codes: ['GM0150', 'GM0193'] } } });
    expect(datasets[0]?.completeness.supermarkt).toBeUndefined();
    expect($facilitiesByDataset.get().get('import-old')?.map((facility) => facility.datasetId)).toEqual(['import-old', 'import-old', 'import-old']);
  });

  it('replaces on the revision seen when the dialog opened: a change in another tab meanwhile is a conflict shown in the dialog', async () => {
    restoreFacilityDatasets([{ dataset: existing, facilities: [], revision: 4 }]);
    const expected: ExpectedRevision[] = [];
    setFacilityPersistence({
      ...persistence,
      saveDataset: async (_dataset, _facilities, revision) => {
        expected.push(revision);
        throw new StorageError('conflict', 'dataset import-old was deleted');
      },
    });
    openReplaceDialog('import-old');
    // Another tab's change arrives while the dialog is open: this tab now knows revision 5.
    restoreFacilityDatasets([{ dataset: existing, facilities: [], revision: 5 }]);
    chooseImportFile(csvFile(threeValidRows), 'nieuw.csv');
    await startImport();
    await expect(saveImport()).resolves.toBe(false);
    expect(expected).toEqual([4]);
    expect($importFlow.get()).toMatchObject({ step: 'result', issue: { code: 'storage.conflict' } });
    expect($facilitiesByDataset.get().get('import-old')).toEqual([]);
  });

  it('a new import must not exist yet', async () => {
    const expected: ExpectedRevision[] = [];
    setFacilityPersistence({ ...persistence, saveDataset: async (_dataset, _facilities, revision) => (expected.push(revision), 1) });
    closeImportDialog();
    openImportDialog();
    await importFile(csvFile(threeValidRows));
    await saveImport();
    expect(expected).toEqual(['new']);
  });

  it('does not open for a dataset that was not imported', () => {
    closeImportDialog();
    $facilityDatasets.set([{ ...existing, id: 'osm-zwolle', kind: 'osm' }]);
    openReplaceDialog('osm-zwolle');
    expect($importFlow.get().step).toBe('closed');
  });
});

describe('import hardening (reliability plan items 20, 21, 25)', () => {
  it('a malformed JSON file fails in the first step with the parser position, and nothing is saved', async () => {
    await importFile(new Blob(['{"type":"FeatureCollection","features":[{"type":"Feature",]}']), 'kapot.geojson');
    const state = $importFlow.get();
    expect(state.step).toBe('choose');
    expect(state.issue).toMatchObject({ code: 'data.notJson', file: 'kapot.geojson' });
    expect(String(state.issue?.params?.['reason'])).toMatch(/position \d+/);
    expect(persistence.saved.size).toBe(0);
    expect($facilityDatasets.get()).toEqual([]);
  });

  it('a FeatureCollection with 2 of 5 features invalid lists both by number and reason, previews 3, and writes nothing before Opslaan', async () => {
    const point = (name: string, coordinates: unknown) => ({ type: 'Feature', properties: { naam: name, categorie: 'huisarts' }, geometry: coordinates === null ? null : { type: 'Point', coordinates } });
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [point('Testlocatie Zwolle', [...ZWOLLE]), point('Testlocatie zonder plek', null), point('Testlocatie Enschede', [...ENSCHEDE]), point('Testlocatie breedte 95', [6.1, 95]), point('Testlocatie Deventer', [...DEVENTER])],
    });
    await importFile(new Blob([text]), 'vijf.geojson');
    // One of five points fits no coordinate system, so the planner confirms the reading first.
    expect($importFlow.get().step).toBe('coordinates');
    await confirmCoordinateSystem('wgs84');
    const state = $importFlow.get();
    expect(state.step).toBe('result');
    expect(state.result?.rejected.map(({ record, code }) => ({ record, code }))).toEqual([
      { record: 2, code: 'data.invalidGeometry' },
      { record: 4, code: 'data.coordinateOutOfRange' },
    ]);
    expect($importPreview.get()?.map((facility) => facility.name)).toEqual(['Testlocatie Zwolle', 'Testlocatie Enschede', 'Testlocatie Deventer']);
    expect(persistence.saved.size).toBe(0);
    expect($facilityDatasets.get()).toEqual([]);
    await expect(saveImport()).resolves.toBe(true);
    expect(persistence.saved.get('import-test')?.facilities.length).toBe(3);
  });

  it('refuses a file over the size limit from its size alone, before reading it', async () => {
    const text = vi.fn(() => Promise.reject(new Error('must not be read')));
    const huge = { size: MAX_IMPORT_BYTES + 1, text, arrayBuffer: text, stream: text, slice: text } as unknown as Blob;
    await importFile(huge, 'enorm.csv');
    const state = $importFlow.get();
    expect(state.step).toBe('choose');
    expect(state.issue).toEqual({ code: 'import.fileTooLarge', file: 'enorm.csv', params: { size: 100.1, limit: 100 } });
    expect(runner).not.toHaveBeenCalled();
    expect(text).not.toHaveBeenCalled();
    expect(translate('nl', 'import.fileTooLarge', { file: 'enorm.csv', ...state.issue?.params })).toBe(
      'Het bestand enorm.csv is 100.1 MB; de grens is 100 MB. Het is niet gelezen. Splits het bestand (bijvoorbeeld per gemeente) of laat kolommen weg die u niet nodig hebt.',
    );
  });

  it('reads a file of exactly the size limit', async () => {
    expect(fileSizeIssue('precies.csv', MAX_IMPORT_BYTES)).toBeNull();
  });
});

describe('the worker runner', () => {
  /** A stand-in for the import worker: a test decides what postMessage does and which messages come back. */
  class FakeWorker {
    terminated = false;
    private readonly listeners = new Map<string, Set<(event: unknown) => void>>();
    constructor(private readonly onPost: (worker: FakeWorker, message: { type: string; requestId: number }) => void) {}
    postMessage(message: { type: string; requestId: number }) {
      this.onPost(this, message);
    }
    addEventListener(type: string, listener: (event: unknown) => void) {
      if (!this.listeners.has(type)) this.listeners.set(type, new Set());
      this.listeners.get(type)!.add(listener);
    }
    removeEventListener(type: string, listener: (event: unknown) => void) {
      this.listeners.get(type)?.delete(listener);
    }
    emit(type: string, event: unknown) {
      for (const listener of this.listeners.get(type) ?? []) listener(event);
    }
    terminate() {
      this.terminated = true;
    }
  }
  const asWorker = (fake: FakeWorker) => fake as unknown as Worker;
  const callbacks = () => ({ onProgress: () => {}, signal: new AbortController().signal });
  const options = { fileName: 'test.csv', datasetId: 'ds' };

  afterEach(() => vi.useRealTimers());

  it('resolves as failed when the worker call throws (no "running" forever, no unhandled rejection)', async () => {
    const fake = new FakeWorker(() => {
      throw new DOMException('could not be cloned', 'DataCloneError');
    });
    const result = await createWorkerRunner(() => asWorker(fake))(new Blob(['x']), options, callbacks());
    expect(result).toMatchObject({ status: 'failed', issue: { code: 'import.workerFailed', params: { reason: 'could not be cloned' } } });
    expect(fake.terminated).toBe(true);
  });

  it('resolves as failed when the worker cannot even be created', async () => {
    const result = await createWorkerRunner(() => {
      throw new Error('blocked by CSP');
    })(new Blob(['x']), options, callbacks());
    expect(result).toMatchObject({ status: 'failed', issue: { code: 'import.workerFailed', params: { reason: 'blocked by CSP' } } });
  });

  it('stops a worker that stays silent and says so; the next import gets a new worker', async () => {
    vi.useFakeTimers();
    const created: FakeWorker[] = [];
    const run = createWorkerRunner(() => {
      const fake = new FakeWorker(() => {});
      created.push(fake);
      return asWorker(fake);
    });
    const pending = run(new Blob(['x']), options, callbacks());
    await vi.advanceTimersByTimeAsync(IMPORT_INACTIVITY_TIMEOUT_MILLISECONDS + 1);
    expect(await pending).toMatchObject({ status: 'failed', issue: { code: 'import.workerTimeout', params: { seconds: 60 } } });
    expect(created[0]!.terminated).toBe(true);
    void run(new Blob(['x']), options, callbacks());
    expect(created).toHaveLength(2);
  });

  it('a worker that keeps reporting progress is not timed out', async () => {
    vi.useFakeTimers();
    const fake = new FakeWorker((worker, message) => {
      if (message.type !== 'start') return;
      const progress = (done: number) => worker.emit('message', { data: { type: 'progress', requestId: message.requestId, progress: { phase: 'parsing', done, total: 3 } } });
      setTimeout(() => progress(1), 50_000);
      setTimeout(() => progress(2), 100_000);
      setTimeout(() => worker.emit('message', { data: { type: 'result', requestId: message.requestId, result: { status: 'cancelled' } } }), 150_000);
    });
    const pending = createWorkerRunner(() => asWorker(fake))(new Blob(['x']), options, callbacks());
    await vi.advanceTimersByTimeAsync(150_001);
    expect(await pending).toEqual({ status: 'cancelled' });
    expect(fake.terminated).toBe(false);
  });

  it('in the dialog, a worker that throws ends the "running" step with the reason', async () => {
    setImportFlowServices({
      runner: createWorkerRunner(() =>
        asWorker(
          new FakeWorker(() => {
            throw new Error('worker gone');
          }),
        ),
      ),
      newDatasetId: () => 'import-test',
    });
    chooseImportFile(csvFile(threeValidRows), 'lijst.csv');
    setImportDetails({ source: 'Eigen inventarisatie' });
    await startImport();
    expect($importFlow.get()).toMatchObject({ step: 'choose', issue: { code: 'import.workerFailed', params: { reason: 'worker gone' } } });
  });
});
