// Per category: what a dataset covers ("alleen deze locaties", "volledig voor gemeente(n) …" with a
// labelled checkbox list of municipalities, or "volledig voor heel Overijssel"), and the short
// summary the dataset list shows. Used in the import dialog and in the dataset list.

import { useStore } from '@nanostores/preact';
import type { FacilityCategory, FacilityDataset } from '../domain/facility';
import { declarationGroups } from '../analysis/dataCoverage';
import { $appData } from '../stores/appData';
import { COVERAGE_KINDS, type CoverageChoices, type CoverageKind } from '../domain/coverageChoices';
import { FacilitySymbolBadge } from './FacilityLayersPanel';
import { useFormatNumber, useTranslate } from './useTranslate';

export interface CoverageEditorProps {
  /** Unique per editor on the page; element ids are derived from it. */
  idPrefix: string;
  /** The categories to declare, with how many facilities of each the dataset holds. */
  categories: ReadonlyArray<{ category: FacilityCategory; count: number }>;
  choices: CoverageChoices;
  onKind: (category: FacilityCategory, kind: CoverageKind) => void;
  onCodes: (category: FacilityCategory, codes: string[]) => void;
  /** Categories set to "municipalities" without one ticked: marked invalid, described by `errorId`. */
  invalid?: readonly FacilityCategory[];
  errorId?: string;
}

export function CoverageEditor({ idPrefix, categories, choices, onKind, onCodes, invalid = [], errorId }: CoverageEditorProps) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const municipalities = [...(useStore($appData).municipalities ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return (
    <div class="coverage-editor">
      {categories.map(({ category, count }) => {
        const choice = choices[category] ?? { kind: 'locationsOnly' as const, codes: [] };
        const isInvalid = invalid.includes(category);
        const listId = `${idPrefix}-${category}-municipalities`;
        return (
          <fieldset class="import-fieldset coverage-category" key={category} data-category={category}>
            <legend>
              <FacilitySymbolBadge symbolKey={category} /> {t('coverage.categoryLegend', { category: t(`category.${category}`), count: formatNumber(count) })}
            </legend>
            {COVERAGE_KINDS.map((kind) => (
              <label class="option" key={kind}>
                <input
                  type="radio"
                  name={`${idPrefix}-${category}-kind`}
                  value={kind}
                  checked={choice.kind === kind}
                  onChange={() => onKind(category, kind)}
                  {...(kind === 'municipalities' && choice.kind === 'municipalities' ? { 'aria-controls': listId } : {})}
                />
                <span>{t(`coverage.kind.${kind}`)}</span>
              </label>
            ))}
            {choice.kind === 'municipalities' && (
              <fieldset
                id={listId}
                class="coverage-municipalities"
                aria-invalid={isInvalid}
                aria-describedby={isInvalid && errorId ? `${listId}-hint ${errorId}` : `${listId}-hint`}
              >
                <legend>{t('coverage.municipalitiesLegend', { category: t(`category.${category}`) })}</legend>
                <p id={`${listId}-hint`} class="import-hint">
                  {t('coverage.municipalitiesHint', { count: choice.codes.length })}
                </p>
                <div class="coverage-municipality-grid">
                  {municipalities.map((municipality) => (
                    <label class="option" key={municipality.code}>
                      <input
                        type="checkbox"
                        value={municipality.code}
                        checked={choice.codes.includes(municipality.code)}
                        onChange={(event) =>
                          onCodes(
                            category,
                            event.currentTarget.checked ? [...choice.codes, municipality.code] : choice.codes.filter((code) => code !== municipality.code),
                          )
                        }
                      />
                      <span>{municipality.name}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}

/**
 * One line per kind of declaration, naming the categories that have it: "Volledig voor Zwolle:
 * Huisarts, Supermarkt", "Alleen deze locaties: Apotheek". Categories listed are those the dataset
 * holds or declares.
 */
export function CoverageSummary({ dataset, presentCategories }: { dataset: FacilityDataset; presentCategories: readonly FacilityCategory[] }) {
  const t = useTranslate();
  const names = new Map((useStore($appData).municipalities ?? []).map((municipality) => [municipality.code, municipality.name]));
  const groups = declarationGroups(dataset, presentCategories);
  if (groups.length === 0) return null;
  return (
    <div class="dataset-coverage" data-testid="dataset-coverage">
      <span class="dataset-meta">{t('coverage.datasetTitle')}:</span>
      <ul>
        {groups.map(({ declaration, categories }) => {
          const listed = categories.map((category) => t(`reachUi.short.${category}`)).join(', ');
          return (
            <li key={declaration.kind === 'municipalities' ? declaration.codes.join(',') : declaration.kind} class="dataset-meta">
              {declaration.kind === 'municipalities'
                ? t('coverage.summary.municipalities', { areas: declaration.codes.map((code) => names.get(code) ?? code).join(', '), categories: listed })
                : t(`coverage.summary.${declaration.kind}`, { categories: listed })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
