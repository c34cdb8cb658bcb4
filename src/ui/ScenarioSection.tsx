// Sidebar section "Scenario's": the drafts kept in this browser (create from the published plan,
// open, rename, copy, delete with undo), the open draft's sites, its edit history with undo/redo
// (also Ctrl+Z / Ctrl+Shift+Z outside text fields), adding a site, and comparing two drafts.

import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { isMessageKey } from '../i18n/catalogue';
import { SITE_HOME_TYPES, cleanScenarioName, type DraftScenario } from '../domain/scenario';
import type { SiteFieldIssue } from '../analysis/siteValidation';
import { $appData, $municipalitiesByCode } from '../stores/appData';
import { $language, type Translate } from '../stores/language';
import {
  $activeScenario,
  $activeScenarioState,
  $canRedoEdit,
  $canUndoEdit,
  $lastDeletedScenario,
  $scenarios,
  createScenario,
  deleteScenario,
  duplicateScenario,
  redoEdit,
  renameScenario,
  selectScenario,
  undoDelete,
  undoEdit,
} from '../stores/scenarios';
import { $addingSite, $editRefusal, dismissEditRefusal, startAddingSite, stopAddingSite } from '../stores/scenarioEditing';
import { compareScenarios } from '../stores/scenarioComparison';
import { $selection, selectSite } from '../stores/selection';
import { cancelPickingLocation } from '../stores/analysisPoint';
import { describeEdits } from './scenarioEditText';
import { ScenarioScoreSection } from './ScenarioScoreSection';
import { useFormatNumber, useTranslate } from './useTranslate';

export function fieldIssueText(issue: SiteFieldIssue, t: Translate): string {
  return isMessageKey(issue.code) ? t(issue.code, issue.params) : issue.code;
}

/** A free default name: "Scenario 1", "Scenario 2", … */
function nextScenarioName(scenarios: readonly DraftScenario[]): string {
  const names = new Set(scenarios.map((scenario) => scenario.name));
  let number = scenarios.length + 1;
  while (names.has(`Scenario ${number}`)) number += 1;
  return `Scenario ${number}`;
}

/** Ctrl+Z / Ctrl+Shift+Z (Cmd on a Mac) undo and redo the open draft's edits, except while typing in a field. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type));
}

function useUndoShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'z' || isTextField(event.target)) return;
      if ($activeScenario.get() === null) return;
      event.preventDefault();
      if (event.shiftKey) redoEdit();
      else undoEdit();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

function RenameForm({ scenario, onDone }: { scenario: DraftScenario; onDone: () => void }) {
  const t = useTranslate();
  const [name, setName] = useState(scenario.name);
  const [error, setError] = useState(false);
  const inputId = `rename-${scenario.id}`;
  return (
    <form
      class="inline-form rename-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (cleanScenarioName(name) === null) {
          setError(true);
          return;
        }
        renameScenario(scenario.id, name);
        onDone();
      }}
    >
      <label for={inputId}>{t('scenarios.renameLabel', { name: scenario.name })}</label>
      <input
        id={inputId}
        type="text"
        value={name}
        autoFocus
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
        onInput={(event) => {
          setName(event.currentTarget.value);
          setError(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onDone();
        }}
      />
      {error && (
        <p id={`${inputId}-error`} class="field-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t('scenarios.renameEmpty')}
        </p>
      )}
      <div class="button-row">
        <button type="submit">{t('scenarios.renameSave')}</button>
        <button type="button" onClick={onDone}>
          {t('scenarios.renameCancel')}
        </button>
      </div>
    </form>
  );
}

function ScenarioList() {
  const t = useTranslate();
  const scenarios = useStore($scenarios);
  const active = useStore($activeScenario);
  const [renaming, setRenaming] = useState<string | null>(null);
  if (scenarios.length === 0) return <p class="note">{t('scenarios.none')}</p>;
  return (
    <ul class="scenario-list" aria-label={t('scenarios.listLabel')} data-testid="scenario-list">
      {scenarios.map((scenario) => {
        const isActive = scenario.id === active?.id;
        return (
          <li key={scenario.id} class={isActive ? 'scenario-item active' : 'scenario-item'} aria-current={isActive ? 'true' : undefined}>
            {renaming === scenario.id ? (
              <RenameForm scenario={scenario} onDone={() => setRenaming(null)} />
            ) : (
              <>
                <div class="scenario-name">
                  <strong>{scenario.name}</strong>
                  {isActive && <span class="badge"> ({t('scenarios.activeMark')})</span>}
                  <span class="note"> · {t('scenarios.editCount', { count: scenario.appliedCount })}</span>
                </div>
                <div class="button-row compact">
                  {!isActive && (
                    <button type="button" aria-label={t('scenarios.activateLabel', { name: scenario.name })} onClick={() => selectScenario(scenario.id)}>
                      {t('scenarios.activate')}
                    </button>
                  )}
                  <button type="button" aria-label={t('scenarios.renameButtonLabel', { name: scenario.name })} onClick={() => setRenaming(scenario.id)}>
                    {t('scenarios.rename')}
                  </button>
                  <button
                    type="button"
                    aria-label={t('scenarios.duplicateLabel', { name: scenario.name })}
                    onClick={() => duplicateScenario(scenario.id, nextScenarioName($scenarios.get()))}
                  >
                    {t('scenarios.duplicate')}
                  </button>
                  <button type="button" aria-label={t('scenarios.deleteLabel', { name: scenario.name })} onClick={() => deleteScenario(scenario.id)}>
                    {t('scenarios.delete')}
                  </button>
                </div>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function EditHistory() {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const language = useStore($language);
  const scenario = useStore($activeScenario);
  const canUndo = useStore($canUndoEdit);
  const canRedo = useStore($canRedoEdit);
  const municipalities = useStore($municipalitiesByCode);
  const keyProjects = useStore($appData).keyProjects;
  if (!scenario) return null;
  const texts = describeEdits(scenario.edits, {
    t,
    language,
    formatNumber,
    keyProjectName: (id) => keyProjects?.find((project) => project.id === id)?.name ?? id,
    municipalityName: (code) => municipalities.get(code)?.name ?? code,
  });
  const lastApplied = texts[scenario.appliedCount - 1];
  const nextUndone = texts[scenario.appliedCount];
  return (
    <section aria-labelledby="scenario-history-title" class="scenario-history">
      <h3 id="scenario-history-title">{t('scenarios.history')}</h3>
      <div class="button-row">
        <button type="button" disabled={!canUndo} aria-label={lastApplied ? t('scenarios.undoLabel', { edit: lastApplied }) : t('scenarios.undo')} onClick={() => undoEdit()}>
          <span aria-hidden="true">↶ </span>
          {t('scenarios.undo')}
        </button>
        <button type="button" disabled={!canRedo} aria-label={nextUndone ? t('scenarios.redoLabel', { edit: nextUndone }) : t('scenarios.redo')} onClick={() => redoEdit()}>
          <span aria-hidden="true">↷ </span>
          {t('scenarios.redo')}
        </button>
      </div>
      <p class="note">{t('scenarios.shortcuts')}</p>
      {texts.length === 0 ? (
        <p class="note">{t('scenarios.historyEmpty')}</p>
      ) : (
        <ol class="edit-history" data-testid="edit-history">
          {texts.map((text, index) => {
            const undone = index >= scenario.appliedCount;
            return (
              <li key={scenario.edits[index]!.id} class={undone ? 'undone' : undefined} data-undone={undone ? 'true' : undefined}>
                {undone ? <s>{text}</s> : text}
                {undone && <span class="note"> ({t('scenarios.historyUndone')})</span>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function ActiveScenario() {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const scenario = useStore($activeScenario);
  const state = useStore($activeScenarioState);
  const adding = useStore($addingSite);
  const refusal = useStore($editRefusal);
  const selection = useStore($selection);
  if (!scenario || !state) return null;
  return (
    <section class="active-scenario" aria-labelledby="active-scenario-title" data-testid="active-scenario">
      <h3 id="active-scenario-title">{t('scenarios.activeTitle', { name: scenario.name })}</h3>
      <div class="button-row">
        {/* one element for both states, so keyboard focus stays on it */}
        <button
          type="button"
          aria-pressed={adding}
          onClick={() => {
            if (adding) stopAddingSite();
            else {
              cancelPickingLocation();
              startAddingSite();
            }
          }}
        >
          {adding ? t('scenarios.addSiteCancel') : t('scenarios.addSite')}
        </button>
        <button type="button" onClick={() => selectScenario(null)}>
          {t('scenarios.closeActive')}
        </button>
      </div>
      <p role="status" class="pick-hint">
        {adding ? t('scenarios.addSiteActive') : ''}
      </p>
      {refusal && (
        <div class="field-error" role="alert" data-testid="edit-refusal">
          <span aria-hidden="true">⚠ </span>
          {fieldIssueText(refusal, t)}{' '}
          <button type="button" class="link-button" onClick={dismissEditRefusal}>
            {t('app.close')}
          </button>
        </div>
      )}
      <p class="note">{t('scenarios.dragHint')}</p>
      <h4>{t('scenarios.sites')}</h4>
      {state.sites.length === 0 ? (
        <p class="note">{t('scenarios.sitesEmpty')}</p>
      ) : (
        <ul class="site-list" data-testid="site-list">
          {state.sites.map((site) => {
            const homes = SITE_HOME_TYPES.reduce((sum, type) => sum + site.homes[type], 0);
            const selected = selection?.kind === 'site' && selection.id === site.id;
            return (
              <li key={site.id}>
                <button type="button" class="link-button" aria-current={selected ? 'true' : undefined} onClick={() => selectSite(site.id)}>
                  {site.name}
                </button>
                <span class="note"> · {t('scenarios.siteHomes', { count: formatNumber(homes) })}</span>
              </li>
            );
          })}
        </ul>
      )}
      <EditHistory />
      <ScenarioScoreSection />
    </section>
  );
}

function ComparePicker() {
  const t = useTranslate();
  const scenarios = useStore($scenarios);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  if (scenarios.length < 2) return <p class="note">{t('compare.needTwo')}</p>;
  const idA = scenarios.some((scenario) => scenario.id === a) ? a : scenarios[0]!.id;
  const idB = scenarios.some((scenario) => scenario.id === b) ? b : scenarios[1]!.id;
  return (
    <form
      class="compare-picker"
      onSubmit={(event) => {
        event.preventDefault();
        if (idA !== idB) compareScenarios(idA, idB);
      }}
    >
      <label for="compare-a">{t('compare.a')}</label>
      <select id="compare-a" value={idA} onChange={(event) => setA(event.currentTarget.value)}>
        {scenarios.map((scenario) => (
          <option key={scenario.id} value={scenario.id}>
            {scenario.name}
          </option>
        ))}
      </select>
      <label for="compare-b">{t('compare.b')}</label>
      <select id="compare-b" value={idB} onChange={(event) => setB(event.currentTarget.value)} aria-describedby={idA === idB ? 'compare-same' : undefined}>
        {scenarios.map((scenario) => (
          <option key={scenario.id} value={scenario.id}>
            {scenario.name}
          </option>
        ))}
      </select>
      {idA === idB && (
        <p id="compare-same" class="field-error">
          {t('compare.same')}
        </p>
      )}
      <button type="submit" disabled={idA === idB}>
        {t('compare.show')}
      </button>
    </form>
  );
}

export function ScenarioSection() {
  const t = useTranslate();
  const scenarios = useStore($scenarios);
  const deleted = useStore($lastDeletedScenario);
  useUndoShortcuts();
  return (
    <section class="scenario-section" aria-labelledby="scenarios-title" data-testid="scenario-section">
      <h2 id="scenarios-title">{t('scenarios.title')}</h2>
      <p class="note">{t('scenarios.intro')}</p>
      <button type="button" onClick={() => createScenario(nextScenarioName(scenarios))}>
        {t('scenarios.createFromPlan')}
      </button>
      {deleted && (
        <p role="status" class="deleted-note">
          {t('scenarios.deleted', { name: deleted.scenario.name })}{' '}
          <button type="button" onClick={() => undoDelete()}>
            {t('scenarios.undoDelete')}
          </button>
        </p>
      )}
      <ScenarioList />
      <ActiveScenario />
      <h3>{t('compare.title')}</h3>
      <ComparePicker />
    </section>
  );
}
