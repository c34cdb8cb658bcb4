// The "import your own data" flow for facilities: which step the import dialog is at, what the
// planner chose so far, and the actions that move it on (run, map columns, confirm coordinates, save).

import { atom, batch } from 'nanostores';
import { errorReason, type DataIssue } from '../domain/dataIssue';
import { limitName, type DatasetCompleteness, type Facility, type FacilityCategory, type FacilityDataset } from '../domain/facility';
import type { CoordinateDetection, CoordinateSystem } from '../data/import/coordinates';
import type { ColumnMapping, CsvDetails, ImportOptions, ImportProgress, ImportResult, ImportSucceeded, ProgressCallback } from '../data/import/importTypes';
import { createImportWorker, importInWorker } from '../data/import/importWorkerClient';
import { completenessFromChoices, withCoverageCodes, withCoverageKind, type CoverageChoices, type CoverageKind } from '../domain/coverageChoices';
import { startingCoverageChoices, startingCoverageChoicesInSlices } from './coverageChoices';
import { SLICE_ABOVE_ITEMS } from '../analysis/slicedWork';
import { fileSizeIssue } from '../data/import/importLimits';
import { categoriesIn } from '../analysis/categoryCompleteness';
import { $appData } from './appData';
import { $facilityDatasets } from './facilities';
import { datasetRevision, saveFacilityDataset } from './facilityActions';
import { clearImportPreview, showImportPreview } from './importPreview';

export type ImportFlowStep = 'closed' | 'choose' | 'running' | 'mapping' | 'coordinates' | 'result' | 'saving';

/**
 * A new dataset, or new contents for an imported dataset that keeps its id. `revision` is the
 * stored revision when the dialog opened: if another tab changed or deleted the dataset since,
 * the save is refused as a conflict instead of undoing that tab's work.
 */
export type ImportFlowMode = { kind: 'new' } | { kind: 'replace'; datasetId: string; revision: number | 'any' };

/** What the planner types about the list: shown with every facility from it. */
export interface ImportDetails {
  datasetName: string;
  source: string;
  licence: string;
  /** Consent to send addresses of rows without coordinates to PDOK Locatieserver. */
  allowGeocoding: boolean;
}

export interface ImportFlowState {
  step: ImportFlowStep;
  mode: ImportFlowMode;
  /** Given to every facility of the import; the existing id when replacing. */
  datasetId: string;
  file: Blob | null;
  fileName: string;
  details: ImportDetails;
  /** The problem to show in the current step (role=alert), or null. */
  issue: DataIssue | null;
  progress: ImportProgress | null;
  /** CSV headers and the suggested mapping, once a CSV has been read. */
  csv: CsvDetails | null;
  /** The mapping the planner chose; null = let the import suggest one. */
  columnMapping: Partial<ColumnMapping> | null;
  coordinateDetection: CoordinateDetection | null;
  /** The system the planner confirmed; null = not asked yet. */
  coordinateSystem: CoordinateSystem | null;
  /** The last successful read: shown in the result step, kept while confirming coordinates. */
  result: ImportSucceeded | null;
  /** Per category in the result: what the planner declares the file covers (default: only these locations). */
  coverage: CoverageChoices;
}

/** Runs one import; the app uses the worker, tests call parseImport directly. */
export type ImportRunner = (
  input: Blob,
  options: ImportOptions,
  callbacks: { onProgress: ProgressCallback; signal: AbortSignal },
) => Promise<ImportResult>;

const EMPTY_DETAILS: ImportDetails = { datasetName: '', source: '', licence: '', allowGeocoding: false };

const CLOSED: ImportFlowState = {
  step: 'closed',
  mode: { kind: 'new' },
  datasetId: '',
  file: null,
  fileName: '',
  details: EMPTY_DETAILS,
  issue: null,
  progress: null,
  csv: null,
  columnMapping: null,
  coordinateDetection: null,
  coordinateSystem: null,
  result: null,
  coverage: {},
};

export const $importFlow = atom<ImportFlowState>(CLOSED);

/** A worker that says nothing for this long (no progress, no result) is taken for hung: stopped and reported. */
export const IMPORT_INACTIVITY_TIMEOUT_MILLISECONDS = 60_000;

/**
 * The runner that uses the import worker: created on first use and replaced after it crashes,
 * hangs (no message for `inactivityTimeoutMilliseconds`) or cannot take the request; each of these
 * resolves as a failed import, never as a promise that stays open or rejects unhandled.
 */
export function createWorkerRunner(createWorker: () => Worker = createImportWorker, inactivityTimeoutMilliseconds = IMPORT_INACTIVITY_TIMEOUT_MILLISECONDS): ImportRunner {
  let worker: Worker | null = null;
  return (input, options, callbacks) => {
    const failed = (code: string, params: Record<string, string | number>): ImportResult => ({ status: 'failed', issue: { code, file: options.fileName, params } });
    return new Promise<ImportResult>((resolve) => {
      let current: Worker;
      try {
        worker ??= createWorker();
        current = worker;
      } catch (error) {
        resolve(failed('import.workerFailed', { reason: errorReason(error) }));
        return;
      }
      let settled = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const discardWorker = () => {
        current.terminate();
        if (worker === current) worker = null;
      };
      const finish = (result: ImportResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        current.removeEventListener('error', onError);
        resolve(result);
      };
      const restartTimer = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          discardWorker();
          finish(failed('import.workerTimeout', { seconds: Math.round(inactivityTimeoutMilliseconds / 1000) }));
        }, inactivityTimeoutMilliseconds);
      };
      function onError(event: ErrorEvent) {
        discardWorker();
        finish(failed('import.workerFailed', { reason: event.message || 'worker error' }));
      }
      current.addEventListener('error', onError);
      restartTimer();
      importInWorker(current, input, options, {
        signal: callbacks.signal,
        onProgress: (progress) => {
          restartTimer();
          callbacks.onProgress(progress);
        },
      }).then(finish, (error: unknown) => {
        // e.g. the request could not be posted (DataCloneError): this worker may be unusable
        discardWorker();
        finish(failed('import.workerFailed', { reason: errorReason(error) }));
      });
    });
  };
}

const workerRunner: ImportRunner = createWorkerRunner();

let runner: ImportRunner = workerRunner;
let newDatasetId = () => `import-${crypto.randomUUID()}`;
let now = () => new Date();

/** Lets tests run imports without a worker and fix ids and clock; pass nothing to restore the defaults. */
export function setImportFlowServices(services: { runner?: ImportRunner; newDatasetId?: () => string; now?: () => Date } = {}): void {
  runner = services.runner ?? workerRunner;
  newDatasetId = services.newDatasetId ?? (() => `import-${crypto.randomUUID()}`);
  now = services.now ?? (() => new Date());
}

/** The run whose result still counts; a cancel or close moves it on so a late result is ignored. */
let currentRun = 0;
let runController: AbortController | null = null;

function update(changes: Partial<ImportFlowState>): void {
  $importFlow.set({ ...$importFlow.get(), ...changes });
}

function stopRunning(): void {
  currentRun += 1;
  runController?.abort();
  runController = null;
}

export function openImportDialog(): void {
  stopRunning();
  batch(() => {
    clearImportPreview();
    $importFlow.set({ ...CLOSED, step: 'choose', datasetId: newDatasetId() });
  });
}

/** Opens the dialog to give an imported dataset new contents; its name, source and licence are prefilled. */
export function openReplaceDialog(datasetId: string): void {
  const dataset = $facilityDatasets.get().find((candidate) => candidate.id === datasetId && candidate.kind === 'import');
  if (!dataset) return;
  stopRunning();
  batch(() => {
    clearImportPreview();
    $importFlow.set({
      ...CLOSED,
      step: 'choose',
      mode: { kind: 'replace', datasetId, revision: datasetRevision(datasetId) ?? 'any' },
      datasetId,
      details: { ...EMPTY_DETAILS, datasetName: dataset.name, source: dataset.source, licence: dataset.licence },
    });
  });
}

/** Closes the dialog from any step: a running import is stopped and nothing is saved. */
export function closeImportDialog(): void {
  stopRunning();
  batch(() => {
    clearImportPreview();
    $importFlow.set(CLOSED);
  });
}

function fileNameWithoutExtension(fileName: string): string {
  return fileName.replace(/\.(csv|geojson|json|txt)$/i, '');
}

/** A new file resets earlier choices; the dataset name follows the file name unless the planner typed one. */
export function chooseImportFile(file: Blob | null, fileName: string): void {
  const state = $importFlow.get();
  const nameWasDefault = state.details.datasetName === '' || state.details.datasetName === fileNameWithoutExtension(state.fileName);
  const datasetName = state.mode.kind === 'new' && nameWasDefault ? fileNameWithoutExtension(fileName) : state.details.datasetName;
  update({ file, fileName, details: { ...state.details, datasetName }, issue: null, csv: null, columnMapping: null, coordinateSystem: null, result: null, coverage: {} });
}

export function setImportDetails(changes: Partial<ImportDetails>): void {
  const state = $importFlow.get();
  update({ details: { ...state.details, ...changes } });
}

/** Checks the first step and reads the file. */
export function startImport(): Promise<void> {
  const state = $importFlow.get();
  const missing =
    state.file === null ? 'importDialog.fileRequired' : state.details.datasetName.trim() === '' ? 'importDialog.nameRequired' : state.details.source.trim() === '' ? 'importDialog.sourceRequired' : null;
  if (missing !== null) {
    update({ issue: { code: missing, file: state.fileName } });
    return Promise.resolve();
  }
  // Refused from its size alone, before a byte is read.
  const tooLarge = fileSizeIssue(state.fileName, (state.file as Blob).size);
  if (tooLarge !== null) {
    update({ issue: tooLarge });
    return Promise.resolve();
  }
  update({ columnMapping: null, coordinateSystem: null, coordinateDetection: null, result: null, csv: null, coverage: {} });
  return runImport();
}

/** Reads the file again with the columns the planner chose. */
export function submitColumnMapping(mapping: Partial<ColumnMapping>): Promise<void> {
  batch(() => {
    clearImportPreview();
    update({ columnMapping: mapping, coordinateSystem: null, result: null });
  });
  return runImport();
}

/** Back from the result or coordinate step to the column choice (CSV only). */
export function editColumnMapping(): void {
  const { csv, columnMapping } = $importFlow.get();
  if (csv === null) return;
  batch(() => {
    clearImportPreview();
    update({ step: 'mapping', issue: null, columnMapping: csv.mappingUsed ?? columnMapping ?? csv.suggestedMapping });
  });
}

/** Accepts a coordinate system; the file is read again unless it was already read that way. */
export function confirmCoordinateSystem(system: CoordinateSystem): Promise<void> {
  const state = $importFlow.get();
  if (state.result !== null && state.result.coordinateSystemUsed === system) {
    update({ coordinateSystem: system });
    showResult(state.result);
    return Promise.resolve();
  }
  update({ coordinateSystem: system, result: null });
  return runImport();
}

/** Stops a running import; what was there stays as it was. */
export function cancelRunningImport(): void {
  const state = $importFlow.get();
  if (state.step !== 'running') return;
  stopRunning();
  update({ step: 'choose', progress: null, issue: { code: 'import.cancelled', file: state.fileName } });
}

function optionsFor(state: ImportFlowState): ImportOptions {
  const options: ImportOptions = { fileName: state.fileName, datasetId: state.datasetId };
  if (state.columnMapping !== null) options.columnMapping = state.columnMapping as ColumnMapping;
  if (state.coordinateSystem !== null) options.coordinateSystem = state.coordinateSystem;
  if (state.details.allowGeocoding) options.allowGeocoding = true;
  const province = $appData.get().province?.features[0]?.geometry;
  if (province !== undefined) options.provinceOutline = province;
  return options;
}

async function runImport(): Promise<void> {
  const state = $importFlow.get();
  if (state.file === null) return;
  stopRunning();
  const run = currentRun;
  const controller = new AbortController();
  runController = controller;
  update({ step: 'running', progress: null, issue: null });
  let result: ImportResult;
  try {
    result = await runner(state.file, optionsFor(state), {
      signal: controller.signal,
      onProgress: (progress) => {
        if (run === currentRun) update({ progress });
      },
    });
  } catch (error) {
    result = { status: 'failed', issue: { code: 'import.workerFailed', file: state.fileName, params: { reason: errorReason(error) } } };
  }
  if (run !== currentRun) return;
  runController = null;
  handleResult(result);
}

function handleResult(result: ImportResult): void {
  const state = $importFlow.get();
  if (result.status === 'cancelled') {
    update({ step: 'choose', progress: null, issue: { code: 'import.cancelled', file: state.fileName } });
    return;
  }
  if (result.status === 'failed') {
    const { issue } = result;
    if (issue.code === 'import.columnMappingIncomplete' && result.csv) {
      // The first time this is the normal question, not an error; after a submitted mapping it is.
      update({
        step: 'mapping',
        progress: null,
        csv: result.csv,
        columnMapping: state.columnMapping ?? result.csv.suggestedMapping,
        issue: state.columnMapping === null ? null : issue,
      });
      return;
    }
    if (issue.code === 'import.coordinateSystemUnknown' && result.coordinateDetection) {
      update({ step: 'coordinates', progress: null, csv: result.csv ?? state.csv, coordinateDetection: result.coordinateDetection, result: null, issue });
      return;
    }
    update({ step: 'choose', progress: null, issue });
    return;
  }
  update({ csv: result.csv ?? null, coordinateDetection: result.coordinateDetection, result });
  if (result.coordinateDetection.needsConfirmation && state.coordinateSystem === null) {
    update({ step: 'coordinates', progress: null, issue: null });
    return;
  }
  showResult(result);
}

function showResult(result: ImportSucceeded): void {
  const state = $importFlow.get();
  const existing = state.mode.kind === 'replace' ? $facilityDatasets.get().find((dataset) => dataset.id === state.datasetId)?.completeness : undefined;
  if (result.facilities.length <= SLICE_ABOVE_ITEMS) {
    showResultWith(result, startingCoverageChoices(result.facilities, existing));
    return;
  }
  // a very large file: its points are located in slices, so the page stays responsive meanwhile
  const run = currentRun;
  const stillWanted = () => run === currentRun && $importFlow.get().result === result;
  void startingCoverageChoicesInSlices(result.facilities, existing ?? {}, stillWanted).then((initial) => {
    if (initial !== null && stillWanted()) showResultWith(result, initial);
  });
}

function showResultWith(result: ImportSucceeded, initial: CoverageChoices): void {
  const state = $importFlow.get();
  // a choice already made (before going back to the columns) stays for the categories still present
  const coverage = Object.fromEntries(Object.keys(initial).map((category) => [category, state.coverage[category as FacilityCategory] ?? initial[category as FacilityCategory]]));
  batch(() => {
    update({ step: 'result', progress: null, issue: null, result, coverage });
    showImportPreview(result.facilities);
  });
}

/** "Alleen deze locaties", "volledig voor gemeente(n)" or "volledig voor heel Overijssel" for one category. */
export function setImportCoverageKind(category: FacilityCategory, kind: CoverageKind): void {
  const state = $importFlow.get();
  update({ coverage: withCoverageKind(state.coverage, category, kind), issue: null });
}

/** The municipalities for which the file holds every facility of the category. */
export function setImportCoverageMunicipalities(category: FacilityCategory, codes: readonly string[]): void {
  const state = $importFlow.get();
  update({ coverage: withCoverageCodes(state.coverage, category, codes), issue: null });
}

/** Categories in the order of FACILITY_CATEGORIES that at least one facility has. */
export function categoriesPresent(facilities: readonly Facility[]): FacilityCategory[] {
  return categoriesIn(facilities);
}

/** The dataset record for the accepted facilities; a replaced dataset keeps its id and visibility. */
export function buildImportedDataset(state: ImportFlowState, facilities: readonly Facility[], importedAt: Date, completeness: DatasetCompleteness = {}): FacilityDataset {
  const existing = state.mode.kind === 'replace' ? $facilityDatasets.get().find((dataset) => dataset.id === state.datasetId) : undefined;
  // only categories the file holds can be declared complete
  const present = new Set(categoriesPresent(facilities));
  return {
    id: state.datasetId,
    kind: 'import',
    name: limitName(state.details.datasetName),
    source: state.details.source.trim(),
    licence: state.details.licence.trim(),
    retrievedAt: importedAt.toISOString(),
    completeness: Object.fromEntries(Object.entries(completeness).filter(([category]) => present.has(category as FacilityCategory))) as DatasetCompleteness,
    hidden: existing?.hidden ?? false,
  };
}

/** Saves the accepted facilities; on success the dialog closes, on failure it stays with the storage problem. */
export async function saveImport(): Promise<boolean> {
  const state = $importFlow.get();
  if (state.step !== 'result' || state.result === null || state.result.facilities.length === 0) return false;
  const { facilities } = state.result;
  const { completeness, missing } = completenessFromChoices(state.coverage);
  if (missing.length > 0) {
    update({ issue: { code: 'importDialog.coverageNoMunicipality', file: state.fileName, params: { category: missing[0]! } } });
    return false;
  }
  update({ step: 'saving', issue: null });
  const expected = state.mode.kind === 'replace' ? state.mode.revision : 'new';
  const saved = await saveFacilityDataset(buildImportedDataset(state, facilities, now(), completeness), facilities, expected);
  if (!saved.ok) {
    update({ step: 'result', issue: saved.issue });
    return false;
  }
  batch(() => {
    clearImportPreview();
    $importFlow.set(CLOSED);
  });
  return true;
}
