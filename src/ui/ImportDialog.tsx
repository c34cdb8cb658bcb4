// The "import your own data" dialog: choose a file and describe it, watch it being read, map the
// columns and confirm the coordinates when needed, review accepted and rejected rows, then save.
// All state and decisions live in src/stores/importFlow.ts; this file only shows them.

import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DataIssue } from '../domain/dataIssue';
import { FACILITY_CATEGORIES, MAX_NAME_LENGTH, type FacilityCategory } from '../domain/facility';
import { categoryTallies } from '../analysis/categoryCompleteness';
import { COORDINATE_SYSTEMS, type CoordinateDetection, type CoordinateSystem } from '../data/import/coordinates';
import type { ColumnMapping, ImportSucceeded } from '../data/import/importTypes';
import { isMessageKey } from '../i18n/catalogue';
import { $facilityDatasets } from '../stores/facilities';
import {
  $importFlow,
  cancelRunningImport,
  chooseImportFile,
  closeImportDialog,
  confirmCoordinateSystem,
  editColumnMapping,
  saveImport,
  setImportCoverageKind,
  setImportCoverageMunicipalities,
  setImportDetails,
  startImport,
  submitColumnMapping,
  type ImportFlowState,
} from '../stores/importFlow';
import { $language, type Translate } from '../stores/language';
import { ReloadButton } from './StorageProblem';
import { CoverageEditor } from './CoverageEditor';
import { issueText } from './issueText';
import { useFormatNumber, useTranslate } from './useTranslate';
import { useModalDialog } from './useModalDialog';

/** Rejected rows listed in the dialog; the rest are counted, so a huge bad file cannot freeze the page. */
const MAXIMUM_REPORT_ROWS = 500;


function IssueAlert({ issue }: { issue: DataIssue | null }) {
  const t = useTranslate();
  if (issue === null) return null;
  return (
    <p id="import-alert" class="import-alert" role="alert">
      <strong>{t('importDialog.problemTitle')}:</strong> {issueText(issue, t)}
      {issue.code === 'storage.conflict' && (
        <>
          {' '}
          <ReloadButton />
        </>
      )}
    </p>
  );
}

/** Each step's heading takes focus when the step appears, so keyboard and screen-reader users follow along. */
function StepHeading({ text }: { text: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <h3 ref={heading} tabIndex={-1} class="import-step-heading">
      {text}
    </h3>
  );
}

function ChooseStep({ state }: { state: ImportFlowState }) {
  const t = useTranslate();
  const { details } = state;
  const invalid = (code: string) => state.issue?.code === code;
  return (
    <form
      class="import-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void startImport();
      }}
    >
      <StepHeading text={t('importDialog.chooseTitle')} />
      <p>{state.mode.kind === 'replace' ? t('importDialog.replaceIntro') : t('importDialog.intro')}</p>
      <div class="import-field">
        <label for="import-file">{t('importDialog.fileLabel')}</label>
        {/* The native control is hidden behind a translated button; it stays focusable and opens the picker on Space. */}
        <div class="file-picker">
          <input
            id="import-file"
            class="visually-hidden"
            type="file"
            accept=".csv,.geojson,.json,text/csv,application/geo+json,application/json"
            aria-describedby={invalid('importDialog.fileRequired') ? 'import-file-chosen import-alert' : 'import-file-chosen'}
            aria-invalid={invalid('importDialog.fileRequired')}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0] ?? null;
              if (file) chooseImportFile(file, file.name);
            }}
          />
          <label for="import-file" class="file-button" aria-hidden="true">
            {t('importDialog.chooseFileButton')}
          </label>
          <span id="import-file-chosen">{state.file ? t('importDialog.chosenFile', { file: state.fileName }) : t('importDialog.noFileChosen')}</span>
        </div>
      </div>
      <div class="import-field">
        <label for="import-name">{t('importDialog.nameLabel')}</label>
        <input
          id="import-name"
          type="text"
          required
          aria-invalid={invalid('importDialog.nameRequired')}
          {...(invalid('importDialog.nameRequired') ? { 'aria-describedby': 'import-alert' } : {})}
          value={details.datasetName}
          maxLength={MAX_NAME_LENGTH}
          onInput={(event) => setImportDetails({ datasetName: event.currentTarget.value })}
        />
      </div>
      <div class="import-field">
        <label for="import-source">{t('importDialog.sourceLabel')}</label>
        <input
          id="import-source"
          type="text"
          required
          aria-describedby={invalid('importDialog.sourceRequired') ? 'import-source-hint import-alert' : 'import-source-hint'}
          aria-invalid={invalid('importDialog.sourceRequired')}
          value={details.source}
          onInput={(event) => setImportDetails({ source: event.currentTarget.value })}
        />
        <p id="import-source-hint" class="import-hint">
          {t('importDialog.sourceHint')}
        </p>
      </div>
      <div class="import-field">
        <label for="import-licence">{t('importDialog.licenceLabel')}</label>
        <input
          id="import-licence"
          type="text"
          aria-describedby="import-licence-hint"
          value={details.licence}
          onInput={(event) => setImportDetails({ licence: event.currentTarget.value })}
        />
        <p id="import-licence-hint" class="import-hint">
          {t('importDialog.licenceHint')}
        </p>
      </div>
      <label class="option import-geocode">
        <input type="checkbox" checked={details.allowGeocoding} onChange={(event) => setImportDetails({ allowGeocoding: event.currentTarget.checked })} />
        <span>{t('importDialog.geocodeLabel')}</span>
      </label>
      <IssueAlert issue={state.issue} />
      <div class="import-buttons">
        <button type="submit" class="primary-button">
          {t('importDialog.startButton')}
        </button>
        <button type="button" onClick={closeImportDialog}>
          {t('importDialog.cancel')}
        </button>
      </div>
    </form>
  );
}

function RunningStep({ state }: { state: ImportFlowState }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const { progress } = state;
  const counted = progress !== null && progress.total > 0;
  const text =
    progress === null
      ? t('importDialog.progress.starting')
      : progress.phase === 'reading'
        ? t('importDialog.progress.reading')
        : !counted
          ? t('importDialog.progress.busy')
          : t(`importDialog.progress.${progress.phase}`, { done: formatNumber(progress.done), total: formatNumber(progress.total) });
  return (
    <div>
      <StepHeading text={t('importDialog.runningTitle')} />
      <progress id="import-progress" aria-label={t('importDialog.progressLabel')} aria-describedby="import-progress-text" {...(counted ? { value: progress.done, max: progress.total } : {})} />
      <p id="import-progress-text" role="status">
        {text}
      </p>
      <div class="import-buttons">
        <button type="button" onClick={cancelRunningImport}>
          {t('importDialog.cancel')}
        </button>
      </div>
    </div>
  );
}

function ColumnSelect({ id, label, headers, value, onChange }: { id: string; label: string; headers: readonly string[]; value: string; onChange: (value: string) => void }) {
  const t = useTranslate();
  return (
    <div class="import-field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">{t('importDialog.chooseColumn')}</option>
        {headers.map((header) => (
          <option key={header} value={header}>
            {header}
          </option>
        ))}
      </select>
    </div>
  );
}

function mappingIssueText(t: Translate, issue: DataIssue): string {
  if (issue.code !== 'import.columnMappingIncomplete') return issueText(issue, t);
  const fields = String(issue.params?.['fields'] ?? '')
    .split(', ')
    .map((field) => {
      const key = `importDialog.field.${field}`;
      return isMessageKey(key) ? t(key) : field;
    });
  return t('importDialog.mappingMissing', { fields: fields.join(', ') });
}

function MappingStep({ state }: { state: ImportFlowState }) {
  const t = useTranslate();
  const headers = state.csv?.headers ?? [];
  const initial = state.columnMapping ?? {};
  const [nameColumn, setNameColumn] = useState(initial.nameColumn ?? '');
  const [categoryMode, setCategoryMode] = useState<'column' | 'fixed'>(initial.fixedCategory !== undefined ? 'fixed' : 'column');
  const [categoryColumn, setCategoryColumn] = useState(initial.categoryColumn ?? '');
  const [fixedCategory, setFixedCategory] = useState<FacilityCategory>(initial.fixedCategory ?? 'zorg24uur');
  const [xColumn, setXColumn] = useState(initial.xColumn ?? '');
  const [yColumn, setYColumn] = useState(initial.yColumn ?? '');
  return (
    <form
      class="import-form"
      onSubmit={(event) => {
        event.preventDefault();
        // Address columns the import suggested stay; only the fields asked here are replaced.
        const mapping: Partial<ColumnMapping> = { ...initial, nameColumn, xColumn, yColumn };
        delete mapping.categoryColumn;
        delete mapping.fixedCategory;
        if (categoryMode === 'fixed') mapping.fixedCategory = fixedCategory;
        else mapping.categoryColumn = categoryColumn;
        void submitColumnMapping(mapping);
      }}
    >
      <StepHeading text={t('importDialog.mappingTitle')} />
      <p>{t('importDialog.mappingIntro', { file: state.fileName })}</p>
      <ColumnSelect id="import-name-column" label={t('importDialog.nameColumn')} headers={headers} value={nameColumn} onChange={setNameColumn} />
      <fieldset class="import-fieldset">
        <legend>{t('importDialog.categoryLegend')}</legend>
        <label class="option">
          <input type="radio" name="import-category-mode" checked={categoryMode === 'column'} onChange={() => setCategoryMode('column')} />
          <span>{t('importDialog.categoryFromColumn')}</span>
        </label>
        {categoryMode === 'column' && (
          <ColumnSelect id="import-category-column" label={t('importDialog.categoryColumn')} headers={headers} value={categoryColumn} onChange={setCategoryColumn} />
        )}
        <label class="option">
          <input type="radio" name="import-category-mode" checked={categoryMode === 'fixed'} onChange={() => setCategoryMode('fixed')} />
          <span>{t('importDialog.categoryFixed')}</span>
        </label>
        {categoryMode === 'fixed' && (
          <div class="import-field">
            <label for="import-fixed-category">{t('importDialog.fixedCategory')}</label>
            <select id="import-fixed-category" value={fixedCategory} onChange={(event) => setFixedCategory(event.currentTarget.value as FacilityCategory)}>
              {FACILITY_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {t(`category.${category}`)}
                </option>
              ))}
            </select>
          </div>
        )}
      </fieldset>
      <ColumnSelect id="import-x-column" label={t('importDialog.xColumn')} headers={headers} value={xColumn} onChange={setXColumn} />
      <ColumnSelect id="import-y-column" label={t('importDialog.yColumn')} headers={headers} value={yColumn} onChange={setYColumn} />
      {state.issue && (
        <p class="import-alert" role="alert">
          <strong>{t('importDialog.problemTitle')}:</strong> {mappingIssueText(t, state.issue)}
        </p>
      )}
      <div class="import-buttons">
        <button type="submit" class="primary-button">
          {t('importDialog.mappingSubmit')}
        </button>
        <button type="button" onClick={closeImportDialog}>
          {t('importDialog.cancel')}
        </button>
      </div>
    </form>
  );
}

function useCoordinateFormat(): (value: number) => string {
  const language = useStore($language);
  const format = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 4 });
  return (value) => format.format(value);
}

/** What the file itself says about its coordinates (column names, GeoJSON crs or the GeoJSON standard) against the values. */
function CoordinateHintNote({ detection }: { detection: CoordinateDetection }) {
  const t = useTranslate();
  const { hintSource, columnNameHint, conflictsWithColumnNames } = detection.evidence;
  const named = (reading: CoordinateSystem) => t(`import.coordinateSystem.${reading}`);
  if (hintSource === 'geojsonCrs' && columnNameHint !== 'none') {
    const declared = named(columnNameHint);
    return conflictsWithColumnNames ? (
      <p class="import-warning" data-testid="import-crs-note">{t('import.crsConflict', { declared })}</p>
    ) : (
      <p data-testid="import-crs-note">{t('import.crsRecognised', { declared })}</p>
    );
  }
  if (!conflictsWithColumnNames || detection.system === null) return null;
  if (hintSource === 'geojsonStandard') return <p class="import-warning">{t('import.geojsonNotWgs84', { system: named(detection.system) })}</p>;
  return <p class="import-warning">{t('import.coordinateNamesConflict')}</p>;
}

function CoordinatesStep({ state }: { state: ImportFlowState }) {
  const t = useTranslate();
  const formatCoordinate = useCoordinateFormat();
  const detection = state.coordinateDetection;
  const [system, setSystem] = useState<CoordinateSystem>(detection?.system ?? state.result?.coordinateSystemUsed ?? 'wgs84');
  if (detection === null) return null;
  const { evidence } = detection;
  const mapping = state.csv?.mappingUsed;
  const firstName = mapping?.xColumn ?? t('importDialog.field.xColumn');
  const secondName = mapping?.yColumn ?? t('importDialog.field.yColumn');
  const matching = (reading: CoordinateSystem) => Math.round(evidence.fitShare[reading] * evidence.numericRecords);
  return (
    <form
      class="import-form"
      onSubmit={(event) => {
        event.preventDefault();
        void confirmCoordinateSystem(system);
      }}
    >
      <StepHeading text={t('importDialog.coordinatesTitle')} />
      {detection.system === null ? (
        <p>{t('importDialog.notDetected')}</p>
      ) : (
        <p data-testid="import-detected-system">
          {t('importDialog.detected', { system: t(`import.coordinateSystem.${detection.system}`) })}{' '}
          {t('importDialog.evidenceFit', { matching: matching(detection.system), numeric: evidence.numericRecords })}
        </p>
      )}
      {evidence.firstRange && evidence.secondRange ? (
        <p>
          {t('importDialog.evidenceRanges', {
            first: firstName,
            firstMin: formatCoordinate(evidence.firstRange[0]),
            firstMax: formatCoordinate(evidence.firstRange[1]),
            second: secondName,
            secondMin: formatCoordinate(evidence.secondRange[0]),
            secondMax: formatCoordinate(evidence.secondRange[1]),
          })}
        </p>
      ) : (
        <p>{t('importDialog.evidenceNoNumbers')}</p>
      )}
      <CoordinateHintNote detection={detection} />
      <fieldset class="import-fieldset">
        <legend>{t('importDialog.systemChoice')}</legend>
        {COORDINATE_SYSTEMS.map((reading) => (
          <label class="option" key={reading}>
            <input type="radio" name="import-coordinate-system" value={reading} checked={system === reading} onChange={() => setSystem(reading)} />
            <span>
              {t('importDialog.systemOption', { system: t(`import.coordinateSystem.${reading}`), matching: matching(reading), numeric: evidence.numericRecords })}
            </span>
          </label>
        ))}
      </fieldset>
      {state.issue && state.issue.code !== 'import.coordinateSystemUnknown' && <IssueAlert issue={state.issue} />}
      <div class="import-buttons">
        <button type="submit" class="primary-button">
          {t('importDialog.confirmSystem')}
        </button>
        {state.csv && (
          <button type="button" onClick={editColumnMapping}>
            {t('importDialog.editMapping')}
          </button>
        )}
        <button type="button" onClick={closeImportDialog}>
          {t('importDialog.cancel')}
        </button>
      </div>
    </form>
  );
}

function RejectedTable({ result }: { result: ImportSucceeded }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const shown = result.rejected.slice(0, MAXIMUM_REPORT_ROWS);
  return (
    <section aria-labelledby="import-report-title">
      <h4 id="import-report-title">{t('importDialog.reportTitle')}</h4>
      {result.rejected.length === 0 ? (
        <p>{t('importDialog.noRejected')}</p>
      ) : (
        <>
          {shown.length < result.rejected.length && (
            <p>{t('importDialog.reportTruncated', { shown: formatNumber(shown.length), total: formatNumber(result.rejected.length) })}</p>
          )}
          <div class="import-report-scroll">
            <table class="import-report" data-testid="import-report">
              <caption class="visually-hidden">{t('importDialog.reportCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{result.fileKind === 'csv' ? t('importDialog.rowColumn') : t('importDialog.featureColumn')}</th>
                  <th scope="col">{t('importDialog.reasonColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((issue, index) => (
                  <tr key={`${String(issue.record)}-${index}`} data-record={String(issue.record ?? '')}>
                    <td class="number">{String(issue.record ?? '')}</td>
                    <td>{issueText(issue, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** Per category in the file: only these locations, complete for some municipalities, or for all of Overijssel. */
function CoverageSection({ state }: { state: ImportFlowState }) {
  const t = useTranslate();
  const facilities = state.result?.facilities ?? [];
  const tallies = categoryTallies(facilities);
  const categories = FACILITY_CATEGORIES.map((category) => ({ category, count: tallies[category].count })).filter(({ count }) => count > 0);
  const showInvalid = state.issue?.code === 'importDialog.coverageNoMunicipality';
  const invalid = showInvalid
    ? categories.filter(({ category }) => state.coverage[category]?.kind === 'municipalities' && state.coverage[category]?.codes.length === 0).map(({ category }) => category)
    : [];
  return (
    <section class="import-coverage" aria-labelledby="import-coverage-title" data-testid="import-coverage">
      <h4 id="import-coverage-title">{t('coverage.title')}</h4>
      <p class="import-hint">{t('coverage.intro')}</p>
      <CoverageEditor
        idPrefix="import-coverage"
        categories={categories}
        choices={state.coverage}
        onKind={setImportCoverageKind}
        onCodes={setImportCoverageMunicipalities}
        invalid={invalid}
        errorId="import-alert"
      />
    </section>
  );
}

function ResultStep({ state }: { state: ImportFlowState }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const result = state.result;
  if (result === null) return null;
  const saving = state.step === 'saving';
  const accepted = result.facilities.length;
  // counted once per list (categoryTallies remembers it), not on every render: a list may hold 430,000
  const tallies = categoryTallies(result.facilities);
  const perCategory = FACILITY_CATEGORIES.map((category) => ({ category, count: tallies[category].count }))
    .filter(({ count }) => count > 0)
    .map(({ category, count }) => `${t(`category.${category}`)} ${formatNumber(count)}`)
    .join(', ');
  return (
    <div class="import-form">
      <StepHeading text={t('importDialog.resultTitle')} />
      <dl class="import-counts">
        <div>
          <dt>{t('importDialog.acceptedCount')}</dt>
          <dd data-testid="import-accepted-count">{formatNumber(accepted)}</dd>
        </div>
        <div>
          <dt>{t('importDialog.rejectedCount')}</dt>
          <dd data-testid="import-rejected-count">{formatNumber(result.rejected.length)}</dd>
        </div>
        <div>
          <dt>{t('importDialog.totalCount')}</dt>
          <dd>{formatNumber(result.totalRecords)}</dd>
        </div>
      </dl>
      {accepted > 0 && <p>{t('importDialog.perCategory', { categories: perCategory })}</p>}
      <p>{t('importDialog.systemUsed', { system: t(`import.coordinateSystem.${result.coordinateSystemUsed}`) })}</p>
      {result.coordinateDetection.evidence.hintSource === 'geojsonCrs' && <CoordinateHintNote detection={result.coordinateDetection} />}
      {accepted > 0 ? <p class="import-hint">{t('importDialog.previewNote')}</p> : <p class="import-warning">{t('importDialog.nothingAccepted')}</p>}
      {accepted > 0 && <CoverageSection state={state} />}
      {result.warnings.length > 0 && (
        <section aria-labelledby="import-warnings-title">
          <h4 id="import-warnings-title">{t('importDialog.warningsTitle')}</h4>
          <ul>
            {result.warnings.map((warning, index) => (
              <li key={`${warning.code}-${index}`}>{issueText(warning, t)}</li>
            ))}
          </ul>
        </section>
      )}
      <RejectedTable result={result} />
      <IssueAlert issue={state.issue} />
      {saving && <p role="status">{t('importDialog.saving')}</p>}
      <div class="import-buttons">
        <button type="button" class="primary-button" disabled={saving || accepted === 0} onClick={() => void saveImport()}>
          {state.mode.kind === 'replace' ? t('importDialog.replace') : t('importDialog.save')}
        </button>
        {state.csv && (
          <button type="button" disabled={saving} onClick={editColumnMapping}>
            {t('importDialog.editMapping')}
          </button>
        )}
        <button type="button" disabled={saving} onClick={closeImportDialog}>
          {t('importDialog.cancel')}
        </button>
      </div>
    </div>
  );
}

function CurrentStep({ state }: { state: ImportFlowState }) {
  switch (state.step) {
    case 'choose':
      return <ChooseStep state={state} />;
    case 'running':
      return <RunningStep state={state} />;
    case 'mapping':
      return <MappingStep state={state} />;
    case 'coordinates':
      return <CoordinatesStep state={state} />;
    case 'result':
    case 'saving':
      return <ResultStep state={state} />;
    case 'closed':
      return null;
  }
}

export function ImportDialog() {
  const t = useTranslate();
  const state = useStore($importFlow);
  const datasets = useStore($facilityDatasets);
  const opener = useRef<HTMLElement | null>(null);
  const open = state.step !== 'closed';
  const dialog = useModalDialog(open, {
    beforeOpen: () => (opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null),
    onOpen: () => dialog.current?.querySelector<HTMLElement>('.import-step-heading')?.focus(),
    onClose: () => {
      // The opener may have gone (a replaced dataset row re-renders); the import button stays.
      const target = opener.current?.isConnected ? opener.current : document.getElementById('import-open-button');
      target?.focus();
      opener.current = null;
    },
  });
  const replacedName = state.mode.kind === 'replace' ? (datasets.find((dataset) => dataset.id === state.datasetId)?.name ?? state.details.datasetName) : '';
  return (
    <dialog
      ref={dialog}
      class="import-dialog"
      data-step={state.step}
      aria-labelledby="import-dialog-title"
      onCancel={(event) => {
        // Esc while saving would leave the save half-reported; otherwise Esc closes like Annuleren.
        if (state.step === 'saving') event.preventDefault();
      }}
      onClose={() => {
        if ($importFlow.get().step !== 'closed') closeImportDialog();
      }}
    >
      <div class="dialog-header">
        <h2 id="import-dialog-title">{state.mode.kind === 'replace' ? t('importDialog.titleReplace', { name: replacedName }) : t('importDialog.title')}</h2>
        <button type="button" onClick={closeImportDialog} disabled={state.step === 'saving'}>
          {t('app.close')}
        </button>
      </div>
      {open && <CurrentStep key={state.step === 'saving' ? 'result' : state.step} state={state} />}
    </dialog>
  );
}
