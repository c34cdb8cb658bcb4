// Details of one site of the open draft: its fields (refused at the field when impossible), its place
// (typed coordinates, arrow keys), its reachability verdicts (live while it is dragged), delete.

import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { HOUSING_TYPES } from '../domain/housing';
import { DELIVERY_PHASES, SITE_HOME_TYPES, TENURES, type DeliveryPhase, type Site, type SiteFields, type Tenure } from '../domain/scenario';
import type { PlacedKeyProject } from '../domain/keyProject';
import { parseCoordinate, roundCoordinate } from '../analysis/siteMove';
import type { SiteField, SiteFieldIssue } from '../analysis/siteValidation';
import { $appData, $municipalitiesByCode } from '../stores/appData';
import { $profileCategories } from '../stores/norms';
import { $activeScenario, $activeScenarioState } from '../stores/scenarios';
import { $siteReachability, deleteSite, nudgeSite, removeSiteOutline, requestMove, siteReachOf, startSiteOutlineDrawing, updateSiteFields } from '../stores/scenarioEditing';
import { $polygonDrawing } from '../stores/polygonDrawing';
import { outlineAreaHectares } from '../analysis/polygonOutline';
import { $language } from '../stores/language';
import { fieldIssueText } from './ScenarioSection';
import { formatHectares, formatLatLon } from './scenarioEditText';
import { VerdictText } from './VerdictText';
import { useFormatNumber, useTranslate } from './useTranslate';
import { distancePairText, MethodNote } from './DistancePair';
import type { FacilityCategory } from '../domain/facility';

interface FormText {
  name: string;
  homes: Record<(typeof SITE_HOME_TYPES)[number], string>;
  tenure: Tenure;
  phase: DeliveryPhase;
  year: string;
  keyProjectId: string;
  notes: string;
}

function textOf(site: Site): FormText {
  return {
    name: site.name,
    homes: { nultreden: String(site.homes.nultreden), geclusterd: String(site.homes.geclusterd), zorggeschikt: String(site.homes.zorggeschikt), overig: String(site.homes.overig) },
    tenure: site.tenure,
    phase: site.phase,
    year: site.year === null ? '' : String(site.year),
    keyProjectId: site.keyProjectId ?? '',
    notes: site.notes,
  };
}

/** A whole number typed by the planner (spaces and thousands dots allowed), or null. */
function parseWhole(text: string): number | null {
  const cleaned = text.replace(/[\s.]/g, '');
  return /^-?\d+$/.test(cleaned) ? Number(cleaned) : null;
}

function FieldMessage({ id, issue }: { id: string; issue: SiteFieldIssue | string | undefined }) {
  const t = useTranslate();
  if (!issue) return null;
  return (
    <p id={id} class="field-error" data-testid="site-field-error">
      <span aria-hidden="true">⚠ </span>
      {typeof issue === 'string' ? issue : fieldIssueText(issue, t)}
    </p>
  );
}

/** The site's fields as a form; Save records one edit with every changed field. */
export function SiteForm({ site, keyProjects }: { site: Site; keyProjects: readonly PlacedKeyProject[] }) {
  const t = useTranslate();
  const [text, setText] = useState<FormText>(() => textOf(site));
  const [issues, setIssues] = useState<Partial<Record<SiteField, SiteFieldIssue | string>>>({});
  const [status, setStatus] = useState<'idle' | 'saved' | 'errors'>('idle');
  // The site changed elsewhere (undo, redo, another site selected): show what is in force.
  useEffect(() => {
    setText(textOf(site));
    setIssues({});
  }, [site]);
  const issueOf = (field: SiteField) => issues[field];
  const describedBy = (field: SiteField, id: string) => (issueOf(field) ? `${id}-error` : undefined);

  const save = () => {
    const localIssues: Partial<Record<SiteField, string>> = {};
    const homes = { ...site.homes };
    for (const type of SITE_HOME_TYPES) {
      const value = parseWhole(text.homes[type]);
      if (value === null) localIssues[`homes.${type}`] = t('siteForm.notANumber');
      else homes[type] = value;
    }
    let year: number | null = null;
    if (text.year.trim() !== '') {
      year = parseWhole(text.year);
      if (year === null) localIssues.year = t('siteForm.notANumber');
    }
    const fields: Partial<SiteFields> = {
      name: text.name.trim(),
      homes,
      tenure: text.tenure,
      phase: text.phase,
      year,
      keyProjectId: text.keyProjectId === '' ? null : text.keyProjectId,
      notes: text.notes,
    };
    const refused = Object.keys(localIssues).length > 0 ? [] : updateSiteFields(site.id, fields);
    const all: Partial<Record<SiteField, SiteFieldIssue | string>> = { ...localIssues };
    for (const issue of refused) all[issue.field] = issue;
    setIssues(all);
    setStatus(Object.keys(all).length > 0 ? 'errors' : 'saved');
  };

  const sortedProjects = [...keyProjects].sort((a, b) => Number(b.municipalityCode === site.municipalityCode) - Number(a.municipalityCode === site.municipalityCode) || a.name.localeCompare(b.name, 'nl'));
  return (
    <form
      class="site-form"
      data-testid="site-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <fieldset>
        <legend>{t('siteForm.legend')}</legend>
        <label for="site-name">{t('siteForm.name')}</label>
        <input
          id="site-name"
          type="text"
          value={text.name}
          aria-invalid={issueOf('name') ? 'true' : undefined}
          aria-describedby={describedBy('name', 'site-name')}
          onInput={(event) => setText({ ...text, name: event.currentTarget.value })}
        />
        <FieldMessage id="site-name-error" issue={issueOf('name')} />
      </fieldset>
      <fieldset aria-describedby={issueOf('homes') ? 'site-homes-error' : undefined}>
        <legend>{t('siteForm.homes')}</legend>
        <div class="homes-grid">
          {SITE_HOME_TYPES.map((type) => {
            const id = `site-homes-${type}`;
            return (
              <div key={type} class="homes-field">
                <label for={id}>{t(`siteHomes.${type}`)}</label>
                <input
                  id={id}
                  type="text"
                  inputMode="numeric"
                  value={text.homes[type]}
                  aria-invalid={issueOf(`homes.${type}`) ? 'true' : undefined}
                  aria-describedby={describedBy(`homes.${type}`, id)}
                  onInput={(event) => setText({ ...text, homes: { ...text.homes, [type]: event.currentTarget.value } })}
                />
                <FieldMessage id={`${id}-error`} issue={issueOf(`homes.${type}`)} />
              </div>
            );
          })}
        </div>
        <FieldMessage id="site-homes-error" issue={issueOf('homes')} />
      </fieldset>
      <label for="site-tenure">{t('siteForm.tenure')}</label>
      <select id="site-tenure" value={text.tenure} onChange={(event) => setText({ ...text, tenure: event.currentTarget.value as Tenure })}>
        {TENURES.map((tenure) => (
          <option key={tenure} value={tenure}>
            {t(`tenure.${tenure}`)}
          </option>
        ))}
      </select>
      <label for="site-phase">{t('siteForm.phase')}</label>
      <select id="site-phase" value={text.phase} onChange={(event) => setText({ ...text, phase: event.currentTarget.value as DeliveryPhase })}>
        {DELIVERY_PHASES.map((phase) => (
          <option key={phase} value={phase}>
            {t(`phase.${phase}`)}
          </option>
        ))}
      </select>
      <label for="site-year">{t('siteForm.year')}</label>
      <input
        id="site-year"
        type="text"
        inputMode="numeric"
        value={text.year}
        aria-invalid={issueOf('year') ? 'true' : undefined}
        aria-describedby={describedBy('year', 'site-year')}
        onInput={(event) => setText({ ...text, year: event.currentTarget.value })}
      />
      <FieldMessage id="site-year-error" issue={issueOf('year')} />
      <label for="site-key-project">{t('siteForm.keyProject')}</label>
      <select id="site-key-project" value={text.keyProjectId} onChange={(event) => setText({ ...text, keyProjectId: event.currentTarget.value })}>
        <option value="">{t('siteForm.keyProjectNone')}</option>
        {sortedProjects.map((project) => (
          <option key={project.id} value={project.id}>
            {project.name}
          </option>
        ))}
      </select>
      <FieldMessage id="site-key-project-error" issue={issueOf('keyProjectId')} />
      <label for="site-notes">{t('siteForm.notes')}</label>
      <textarea
        id="site-notes"
        rows={3}
        value={text.notes}
        aria-invalid={issueOf('notes') ? 'true' : undefined}
        aria-describedby={describedBy('notes', 'site-notes')}
        onInput={(event) => setText({ ...text, notes: event.currentTarget.value })}
      />
      <FieldMessage id="site-notes-error" issue={issueOf('notes')} />
      <div class="button-row">
        <button type="submit">{t('siteForm.save')}</button>
        <button
          type="button"
          onClick={() => {
            setText(textOf(site));
            setIssues({});
            setStatus('idle');
          }}
        >
          {t('siteForm.reset')}
        </button>
      </div>
      <p role="status" class={status === 'errors' ? 'field-error' : 'note'} data-testid="site-form-status">
        {status === 'saved' ? t('siteForm.saved') : status === 'errors' ? t('siteForm.hasErrors') : ''}
      </p>
    </form>
  );
}

/** One typed coordinate (`site-lat` / `site-lon`); when invalid it points at the shared coordinate error. */
function CoordinateField({ field, label, value, onInput, invalid }: { field: 'lat' | 'lon'; label: string; value: string; onInput: (value: string) => void; invalid: boolean }) {
  return (
    <div>
      <label for={`site-${field}`}>{label}</label>
      <input
        id={`site-${field}`}
        type="text"
        inputMode="decimal"
        value={value}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? 'site-coordinate-error' : undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </div>
  );
}

/** Typed coordinates and the arrow-key handle. */
function SitePlace({ site }: { site: Site }) {
  const t = useTranslate();
  const language = useStore($language);
  const [lat, setLat] = useState(String(site.location[1]));
  const [lon, setLon] = useState(String(site.location[0]));
  const [error, setError] = useState<{ field: 'lat' | 'lon'; text: string } | null>(null);
  useEffect(() => {
    setLat(String(roundCoordinate(site.location[1])));
    setLon(String(roundCoordinate(site.location[0])));
    setError(null);
  }, [site.location]);
  const example = formatLatLon([6.0921, 52.5052], language);
  return (
    <section aria-labelledby="site-place-title">
      <h3 id="site-place-title">{t('sitePanel.coordinates')}</h3>
      <form
        class="coordinate-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const parsedLat = parseCoordinate(lat);
          const parsedLon = parseCoordinate(lon);
          if (parsedLat === null) return setError({ field: 'lat', text: t('sitePanel.coordinateInvalid', { example: example.lat }) });
          if (parsedLon === null) return setError({ field: 'lon', text: t('sitePanel.coordinateInvalid', { example: example.lon }) });
          setError(null);
          requestMove({ kind: 'site', id: site.id }, [parsedLon, parsedLat]);
        }}
      >
        <div class="coordinate-fields">
          <CoordinateField field="lat" label={t('sitePanel.lat')} value={lat} onInput={setLat} invalid={error?.field === 'lat'} />
          <CoordinateField field="lon" label={t('sitePanel.lon')} value={lon} onInput={setLon} invalid={error?.field === 'lon'} />
        </div>
        {error && (
          <p id="site-coordinate-error" class="field-error" role="alert">
            <span aria-hidden="true">⚠ </span>
            {error.text}
          </p>
        )}
        <button type="submit">{t('sitePanel.moveToCoordinates')}</button>
      </form>
      <button
        type="button"
        class="keyboard-move"
        aria-describedby="site-keyboard-help"
        data-testid="site-keyboard-move"
        onKeyDown={(event) => {
          if (nudgeSite(site.id, event.key, event.shiftKey)) event.preventDefault();
        }}
      >
        <span aria-hidden="true">✥ </span>
        {t('sitePanel.keyboardMove')}
      </button>
      <p id="site-keyboard-help" class="note">
        {t('sitePanel.keyboardMoveHelp')}
      </p>
    </section>
  );
}

/** The site's optional outline: its area, and drawing, editing or removing it on the map. */
function SiteOutlineSection({ site }: { site: Site }) {
  const t = useTranslate();
  const language = useStore($language);
  const drawing = useStore($polygonDrawing);
  const ring = site.outline?.[0];
  return (
    <section aria-labelledby="site-outline-title" data-testid="site-outline">
      <h3 id="site-outline-title">{t('sitePanel.outlineTitle')}</h3>
      <p data-testid="site-outline-text">
        {site.outline && ring
          ? t('sitePanel.outlineArea', { area: formatHectares(outlineAreaHectares(site.outline), language), corners: ring.length - 1 })
          : t('sitePanel.outlineNone')}
      </p>
      <div class="button-row">
        <button type="button" disabled={drawing !== null} onClick={() => startSiteOutlineDrawing(site.id)}>
          {site.outline ? t('sitePanel.editOutline') : t('sitePanel.drawOutline')}
        </button>
        {site.outline && (
          <button type="button" disabled={drawing !== null} onClick={() => removeSiteOutline(site.id)}>
            {t('sitePanel.removeOutline')}
          </button>
        )}
      </div>
    </section>
  );
}

function SiteReachability({ site }: { site: Site }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const reach = siteReachOf(useStore($siteReachability), site.id);
  const categories = useStore($profileCategories);
  // both distances where walking routes are loaded: "hemelsbreed 430 m · over straat 610 m (11 min)"
  const pair = (category: FacilityCategory) => (reach.status === 'ready' ? distancePairText(reach.result, category, t, formatNumber, true) : null);
  return (
    <section aria-labelledby="site-reach-title" data-testid="site-reach">
      <h3 id="site-reach-title">{t('sitePanel.reachTitle')}</h3>
      <p class="note">{t('sitePanel.reachNote')}</p>
      <div role="status" aria-live="polite">
        {reach.status === 'pending' && <p>{t('sitePanel.reachPending')}</p>}
        {reach.status === 'failed' && <p class="warning">{t('sitePanel.reachFailed')}</p>}
      </div>
      {reach.status === 'ready' && (
        <>
          <MethodNote result={reach.result} t={t} formatNumber={formatNumber} />
          <ul class="verdict-list" data-testid="site-verdicts" data-live={reach.live ? 'true' : undefined}>
            {HOUSING_TYPES.map((type) => {
              const verdict = reach.result.housingTypes[type];
              return (
                <li key={type} data-housing-type={type}>
                  <strong>{t(`housing.${type}`)}</strong>: <VerdictText verdict={verdict.verdict} />{' '}
                  <span class="note" data-testid="site-met-count">
                    ({t('reachUi.metCount', { met: verdict.metCount, required: verdict.requiredCount })})
                  </span>
                </li>
              );
            })}
          </ul>
          <ul class="site-distances" data-testid="site-distances">
            {categories.map((category) => {
              const entry = reach.result.categories[category];
              return (
                <li key={category} data-category={category}>
                  {t(`reachUi.short.${category}`)}:{' '}
                  {entry.status === 'found'
                    ? t(entry.complete ? 'reachUi.distanceMeters' : 'reachUi.distanceAtMost', { meters: formatNumber(Math.round(entry.distanceMeters)) })
                    : entry.complete
                      ? t('reachUi.noneInData')
                      : t('reachUi.verdict.noData')}
                  {pair(category) !== null && (
                    <span class="distance-pair note" data-testid="site-distance-pair">
                      {' '}
                      ({pair(category)})
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

export function SitePanel({ id }: { id: string }) {
  const t = useTranslate();
  const scenario = useStore($activeScenario);
  const state = useStore($activeScenarioState);
  const municipalities = useStore($municipalitiesByCode);
  const keyProjects = useStore($appData).keyProjects ?? [];
  const site = state?.sites.find((candidate) => candidate.id === id);
  if (!scenario || !site) return null;
  return (
    <article class="panel" aria-labelledby="panel-title" data-testid="site-panel">
      <p class="panel-kind">{t('sitePanel.panelKind', { scenario: scenario.name })}</p>
      <h2 id="panel-title" tabIndex={-1}>
        <span class="site-symbol" aria-hidden="true" /> {site.name}
      </h2>
      <dl class="facts">
        <dt>{t('sitePanel.municipality')}</dt>
        <dd data-testid="site-municipality">{municipalities.get(site.municipalityCode)?.name ?? site.municipalityCode}</dd>
      </dl>
      <SiteForm site={site} keyProjects={keyProjects} />
      <SitePlace site={site} />
      <SiteOutlineSection site={site} />
      <SiteReachability site={site} />
      <button type="button" class="danger" onClick={() => deleteSite(site.id)}>
        {t('sitePanel.delete')}
      </button>
    </article>
  );
}
