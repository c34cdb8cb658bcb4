// One toggle per facility category with its count and symbol; empty categories say how to fill them;
// loaded datasets can be hidden, renamed and deleted; own files are imported or replaced through the import dialog.

import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { FACILITY_CATEGORIES, MAX_NAME_LENGTH, type Facility, type FacilityCategory, type FacilityDataset } from '../domain/facility';
import { FACILITY_SYMBOLS } from '../domain/facilitySymbols';
import { $municipalitiesByCode } from '../stores/appData';
import { $categoryCompleteness, $facilitiesByDataset, $facilityCountsByCategory, $facilityDatasets, $hiddenCategories, toggleFacilityCategory } from '../stores/facilities';
import { completenessText } from './completenessText';
import { categoryTallies } from '../analysis/categoryCompleteness';
import { deleteFacilityDataset, renameFacilityDataset, setFacilityDatasetCompleteness, setFacilityDatasetHidden } from '../stores/facilityActions';
import { completenessFromChoices, withCoverageCodes, withCoverageKind, type CoverageChoices } from '../domain/coverageChoices';
import { startingCoverageChoices } from '../stores/coverageChoices';
import { OsmFetchPanel } from './OsmFetchPanel';
import { WalkRoutesPanel } from './WalkRoutesPanel';
import { categoriesPresent, openImportDialog, openReplaceDialog } from '../stores/importFlow';
import { CoverageEditor, CoverageSummary } from './CoverageEditor';
import { useDatasetName, useFormatDate, useFormatNumber, useTranslate } from './useTranslate';

export function FacilitySymbolBadge({ symbolKey }: { symbolKey: keyof typeof FACILITY_SYMBOLS }) {
  const symbol = FACILITY_SYMBOLS[symbolKey];
  return (
    <span class="facility-badge" aria-hidden="true" style={{ background: symbol.colour, color: symbol.textColour }}>
      {symbol.letter}
    </span>
  );
}

/** Changing what an imported dataset declares, per category; saved to the browser, then the verdicts follow. */
function CoverageEdit({ dataset, facilities, onDone }: { dataset: FacilityDataset; facilities: readonly Facility[]; onDone: () => void }) {
  const t = useTranslate();
  const tallies = categoryTallies(facilities);
  const categories = categoriesPresent(facilities).map((category) => ({ category, count: tallies[category].count }));
  const [choices, setChoices] = useState<CoverageChoices>(() => startingCoverageChoices(facilities, dataset.completeness));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const [missing, setMissing] = useState<FacilityCategory[]>([]);
  const errorId = `coverage-error-${dataset.id}`;
  return (
    <form
      class="coverage-edit"
      aria-labelledby={`coverage-edit-title-${dataset.id}`}
      onSubmit={(event) => {
        event.preventDefault();
        const result = completenessFromChoices(choices);
        setMissing(result.missing);
        if (result.missing.length > 0) return;
        void setFacilityDatasetCompleteness(dataset.id, result.completeness).then((saved) => {
          if (saved) onDone();
        });
      }}
    >
      <h4 id={`coverage-edit-title-${dataset.id}`} ref={heading} tabIndex={-1}>
        {t('coverage.editTitle', { name: dataset.name })}
      </h4>
      <p class="import-hint">{t('coverage.intro')}</p>
      <CoverageEditor
        idPrefix={`coverage-${dataset.id}`}
        categories={categories}
        choices={choices}
        onKind={(category, kind) => setChoices(withCoverageKind(choices, category, kind))}
        onCodes={(category, codes) => setChoices(withCoverageCodes(choices, category, codes))}
        invalid={missing}
        errorId={errorId}
      />
      {missing.length > 0 && (
        <p id={errorId} class="import-alert" role="alert">
          {missing.map((category) => t('coverage.noMunicipality', { category: t(`category.${category}`) })).join(' ')}
        </p>
      )}
      <div class="dataset-actions">
        <button type="submit">{t('coverage.save')}</button>
        <button type="button" onClick={onDone}>
          {t('coverage.cancel')}
        </button>
      </div>
    </form>
  );
}

function DatasetRow({ dataset, facilities }: { dataset: FacilityDataset; facilities: readonly Facility[] }) {
  const t = useTranslate();
  const datasetName = useDatasetName();
  const formatDate = useFormatDate();
  const formatNumber = useFormatNumber();
  const [renaming, setRenaming] = useState(false);
  const [editingCoverage, setEditingCoverage] = useState(false);
  const coverageButton = useRef<HTMLButtonElement>(null);
  const [name, setName] = useState(dataset.name);
  const count = facilities.length;
  return (
    <li class="dataset-row" data-dataset-id={dataset.id}>
      <label class="option">
        <input type="checkbox" checked={!dataset.hidden} onChange={(event) => setFacilityDatasetHidden(dataset.id, !event.currentTarget.checked)} />
        <span>
          <strong>{datasetName(dataset)}</strong>
          {dataset.isTestData && <em> ({t('facilities.testData')})</em>}
        </span>
      </label>
      <p class="dataset-meta">
        {t(dataset.licence === '' ? 'facilities.datasetMetaNoLicence' : 'facilities.datasetMeta', {
          count: formatNumber(count),
          source: dataset.source,
          licence: dataset.licence,
          date: formatDate(dataset.retrievedAt),
        })}
      </p>
      <CoverageSummary dataset={dataset} presentCategories={categoriesPresent(facilities)} />
      {dataset.kind !== 'embedded' && (
        <div class="dataset-actions">
          {renaming ? (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void renameFacilityDataset(dataset.id, name.trim() || dataset.name);
                setRenaming(false);
              }}
            >
              <label for={`rename-${dataset.id}`}>{t('facilities.renameLabel', { name: dataset.name })}</label>
              <input id={`rename-${dataset.id}`} value={name} maxLength={MAX_NAME_LENGTH} onInput={(event) => setName(event.currentTarget.value)} />
              <button type="submit">{t('facilities.rename')}</button>
            </form>
          ) : (
            <button type="button" onClick={() => setRenaming(true)}>
              {t('facilities.rename')}
            </button>
          )}
          {dataset.kind === 'import' && (
            <button
              type="button"
              ref={coverageButton}
              aria-label={t('coverage.editLabel', { name: dataset.name })}
              aria-expanded={editingCoverage}
              onClick={() => setEditingCoverage(!editingCoverage)}
            >
              {t('coverage.edit')}
            </button>
          )}
          {dataset.kind === 'import' && (
            <button type="button" aria-label={t('importDialog.replaceButtonLabel', { name: dataset.name })} onClick={() => openReplaceDialog(dataset.id)}>
              {t('importDialog.replaceButton')}
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              if (window.confirm(t('facilities.deleteConfirm', { name: dataset.name }))) void deleteFacilityDataset(dataset.id);
            }}
          >
            {t('facilities.delete')}
          </button>
        </div>
      )}
      {editingCoverage && (
        <CoverageEdit
          dataset={dataset}
          facilities={facilities}
          onDone={() => {
            setEditingCoverage(false);
            coverageButton.current?.focus();
          }}
        />
      )}
    </li>
  );
}

export function FacilityLayersPanel() {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const counts = useStore($facilityCountsByCategory);
  const hidden = useStore($hiddenCategories);
  const datasets = useStore($facilityDatasets);
  const byDataset = useStore($facilitiesByDataset);
  const completeness = useStore($categoryCompleteness);
  const municipalitiesByCode = useStore($municipalitiesByCode);
  const municipalityName = (code: string) => municipalitiesByCode.get(code)?.name ?? code;
  return (
    <section class="facility-layers" aria-labelledby="facility-layers-title">
      <h2 id="facility-layers-title">{t('facilities.title')}</h2>
      <p class="facility-import">
        <button type="button" id="import-open-button" onClick={openImportDialog}>
          {t('importDialog.openButton')}
        </button>
      </p>
      <ul class="category-list">
        {FACILITY_CATEGORIES.map((category) => (
          <li key={category} data-category={category}>
            <label class="option">
              <input type="checkbox" checked={!hidden.has(category)} onChange={() => toggleFacilityCategory(category)} />
              <FacilitySymbolBadge symbolKey={category} />
              <span>{t('facilities.categoryToggle', { category: t(`category.${category}`), count: formatNumber(counts[category]) })}</span>
            </label>
            {category === 'ovHalte' && counts.ovHalte > 0 && (
              <p class="category-note">
                <FacilitySymbolBadge symbolKey="trainStation" /> {t('category.trainStation')}
              </p>
            )}
            {completeness[category].kind !== 'none' && (
              <p class="category-completeness" data-testid="category-completeness">
                {completenessText(completeness[category], t, formatNumber, municipalityName, 'province')}
              </p>
            )}
            {completeness[category].kind === 'none' && <p class="category-empty">{t('facilities.emptyCategory')}</p>}
          </li>
        ))}
      </ul>
      <OsmFetchPanel />
      <WalkRoutesPanel />
      {datasets.length > 0 && (
        <>
          <h3>{t('facilities.datasetsTitle')}</h3>
          <ul class="dataset-list">
            {datasets.map((dataset) => (
              <DatasetRow key={dataset.id} dataset={dataset} facilities={byDataset.get(dataset.id) ?? []} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
