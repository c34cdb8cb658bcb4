// Sidebar section "Locatiezoeker" (issue 13): which few sites for geclusterd or zorggeschikt homes
// serve the most older people not yet served within D (or the fewest sites for X %). Settings with
// refused values marked at their field, progress and cancel, the comparison with the best possible
// choice (HiGHS), the ranked sites with what they add and their nearest facilities, before/after per
// municipality, adding sites to the open draft, and CSV/GeoJSON export. The method is named. The
// candidates come from the built-up areas, a search area drawn on the map, or the planner's own list.

import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import type { DataIssue } from '../domain/dataIssue';
import { SITE_FINDER_MAX_DISTANCE_METERS, SITE_FINDER_MIN_DISTANCE_METERS } from '../analysis/siteFinder';
import { SITE_FINDER_BANDS, SITE_FINDER_HOUSING_TYPES, type AreaServedFigures, type SiteFinderBand, type SiteFinderHousingType } from '../analysis/siteFinderFigures';
import type { FoundSite, SiteFinderSettings } from '../analysis/siteFinderProtocol';
import { $municipalitiesByCode } from '../stores/appData';
import { $activeScenario, $activeScenarioState } from '../stores/scenarios';
import {
  $siteFinderAnswer,
  $siteFinderRun,
  $siteFinderShown,
  addAllFoundSites,
  addFoundSite,
  cancelSiteFinder,
  candidateSourceText,
  candidateText,
  comparisonSentence,
  DEFAULT_SITE_FINDER_SETTINGS,
  foundSitePlace,
  isFoundSiteInPlan,
  runSiteFinder,
  showFoundSite,
  showSiteFinderAnswer,
  SITE_FINDER_GRID_METERS,
  siteFinderCsvText,
  siteFinderGeoJsonText,
} from '../stores/siteFinder';
import { $dasymetricPopulation } from '../stores/zoneCoverage';
import { $polygonDrawing } from '../stores/polygonDrawing';
import { CANDIDATE_SOURCE_KINDS } from '../analysis/siteFinderCandidates';
import {
  $candidateList,
  $candidateListReading,
  $candidateSourceKind,
  $searchArea,
  $searchAreaCellCount,
  chooseCandidateSource,
  chosenCandidateSource,
  loadCandidateList,
  removeCandidateList,
  removeSearchArea,
  startSearchAreaDrawing,
} from '../stores/siteFinderCandidates';
import { DasymetricMethod } from './DasymetricMethod';
import { downloadFile } from './downloadFile';
import { issueText } from './issueText';
import { useFormatNumber, useTranslate } from './useTranslate';

type Field = 'k' | 'distance' | 'target' | 'source';

/** Which form field an issue belongs to. */
function fieldOf(issue: DataIssue): Field | null {
  if (issue.code === 'siteFinder.noSearchArea' || issue.code === 'siteFinder.noCandidateList' || issue.code === 'siteFinder.candidateListEmpty') return 'source';
  if (issue.code.startsWith('siteFinder.distance')) return 'distance';
  if (issue.code === 'siteFinder.kInvalid' || issue.code === 'siteFinder.kTooLarge') return 'k';
  if (issue.code === 'siteFinder.targetOutOfRange') return 'target';
  return null;
}

const parseNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

function Form() {
  const t = useTranslate();
  const run = useStore($siteFinderRun);
  const [housingType, setHousingType] = useState<SiteFinderHousingType>(DEFAULT_SITE_FINDER_SETTINGS.housingType);
  const [band, setBand] = useState<SiteFinderBand>(DEFAULT_SITE_FINDER_SETTINGS.band);
  const [mode, setMode] = useState<'maxCover' | 'fewestSites'>('maxCover');
  const [k, setK] = useState('5');
  const [target, setTarget] = useState('50');
  const [distance, setDistance] = useState(String(DEFAULT_SITE_FINDER_SETTINGS.distanceMeters));
  const [care, setCare] = useState(DEFAULT_SITE_FINDER_SETTINGS.careCountsAsSupply);
  const [issues, setIssues] = useState<DataIssue[]>([]);
  const running = run !== null && (run.status === 'preparing' || run.status === 'greedy' || run.status === 'exact');
  // K too large for the candidates is only known in the worker: shown at the K field too
  const shownIssues = [...issues, ...(run?.status === 'failed' ? run.issues.filter((item) => fieldOf(item) !== null) : [])];
  const errorOf = (field: Field) => shownIssues.find((item) => fieldOf(item) === field) ?? null;
  const submit = (event: Event) => {
    event.preventDefault();
    const candidateSource = chosenCandidateSource();
    if ('code' in candidateSource) {
      setIssues([candidateSource]);
      return;
    }
    const settings: SiteFinderSettings = {
      housingType,
      band,
      distanceMeters: parseNumber(distance),
      mode: mode === 'maxCover' ? { kind: 'maxCover', k: parseNumber(k) } : { kind: 'fewestSites', targetPercent: parseNumber(target) },
      careCountsAsSupply: care,
      candidateSource,
    };
    setIssues([]);
    void runSiteFinder(settings).then(setIssues);
  };
  const numberField = (field: Field, id: string, label: string, value: string, set: (text: string) => void, hint: string) => {
    const error = errorOf(field);
    return (
      <div class="site-finder-field">
        <label for={id}>{label}</label>
        <input
          id={id}
          type="text"
          inputMode="numeric"
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onInput={(event) => set(event.currentTarget.value)}
        />
        <span id={`${id}-hint`} class="note">
          {hint}
        </span>
        {error && (
          <p id={`${id}-error`} class="field-error" role="alert" data-testid="site-finder-field-error">
            <span aria-hidden="true">⚠ </span>
            {issueText(error, t)}
          </p>
        )}
      </div>
    );
  };
  return (
    <form class="site-finder-form" onSubmit={submit} data-testid="site-finder-form">
      <div class="site-finder-field">
        <label for="site-finder-type">{t('siteFinder.housingType')}</label>
        <select id="site-finder-type" value={housingType} onChange={(event) => setHousingType(event.currentTarget.value as SiteFinderHousingType)}>
          {SITE_FINDER_HOUSING_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`housing.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="site-finder-field">
        <label for="site-finder-band">{t('siteFinder.band')}</label>
        <select id="site-finder-band" value={band} onChange={(event) => setBand(event.currentTarget.value as SiteFinderBand)}>
          {SITE_FINDER_BANDS.map((item) => (
            <option key={item} value={item}>
              {t(`siteFinder.band.${item}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="site-finder-mode">
        <legend>{t('siteFinder.mode')}</legend>
        <label>
          <input type="radio" name="site-finder-mode" value="maxCover" checked={mode === 'maxCover'} onChange={() => setMode('maxCover')} /> {t('siteFinder.mode.maxCover')}
        </label>
        <label>
          <input type="radio" name="site-finder-mode" value="fewestSites" checked={mode === 'fewestSites'} onChange={() => setMode('fewestSites')} /> {t('siteFinder.mode.fewestSites')}
        </label>
      </fieldset>
      {mode === 'maxCover'
        ? numberField('k', 'site-finder-k', t('siteFinder.k'), k, setK, t('siteFinder.kHint'))
        : numberField('target', 'site-finder-target', t('siteFinder.target'), target, setTarget, t('siteFinder.targetHint'))}
      {numberField('distance', 'site-finder-distance', t('siteFinder.distance'), distance, setDistance, t('siteFinder.distanceHint', { min: SITE_FINDER_MIN_DISTANCE_METERS, max: SITE_FINDER_MAX_DISTANCE_METERS }))}
      <CandidateSourceField error={errorOf('source')} />
      <label class="site-finder-check">
        <input type="checkbox" checked={care} onChange={(event) => setCare(event.currentTarget.checked)} /> {t('siteFinder.care')}
      </label>
      <div class="site-finder-actions">
        <button type="submit">{t('siteFinder.run')}</button>
        {running && (
          <button type="button" onClick={cancelSiteFinder}>
            {t('siteFinder.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** The candidate source: built-up areas, a drawn search area (draw, adjust, remove) or the planner's own list (read, refused rows, remove). */
function CandidateSourceField({ error }: { error: DataIssue | null }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const kind = useStore($candidateSourceKind);
  const area = useStore($searchArea);
  const cells = useStore($searchAreaCellCount);
  const list = useStore($candidateList);
  const reading = useStore($candidateListReading);
  const drawing = useStore($polygonDrawing);
  const rejectedShown = list?.rejected.slice(0, 20) ?? [];
  const recordLabel = list?.fileKind === 'geojson' ? t('importDialog.featureColumn') : t('importDialog.rowColumn');
  return (
    <fieldset class="site-finder-source" aria-describedby={error ? 'site-finder-source-error' : undefined} data-testid="site-finder-source">
      <legend>{t('siteFinder.sourceLegend')}</legend>
      {CANDIDATE_SOURCE_KINDS.map((item) => (
        <label key={item}>
          <input type="radio" name="site-finder-source" value={item} checked={kind === item} onChange={() => chooseCandidateSource(item)} /> {t(`siteFinder.source.${item}`)}
        </label>
      ))}
      {kind === 'searchArea' && (
        <div class="site-finder-source-detail">
          <p class="note" data-testid="site-finder-area-status">
            {area ? t('siteFinder.areaStatus', { cells: formatNumber(cells), cellSize: SITE_FINDER_GRID_METERS }) : t('siteFinder.areaNone')}
          </p>
          <button type="button" disabled={drawing !== null} onClick={startSearchAreaDrawing}>
            {area ? t('siteFinder.redrawArea') : t('siteFinder.drawArea')}
          </button>{' '}
          {area && (
            <button type="button" onClick={removeSearchArea}>
              {t('siteFinder.removeArea')}
            </button>
          )}
        </div>
      )}
      {kind === 'list' && (
        <div class="site-finder-source-detail">
          <label for="site-finder-list-file">{t('siteFinder.listFile')}</label>
          <input
            id="site-finder-list-file"
            type="file"
            accept=".csv,.geojson,.json,text/csv,application/geo+json,application/json"
            aria-describedby="site-finder-list-hint"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void loadCandidateList(file, file.name);
              event.currentTarget.value = '';
            }}
          />
          <span id="site-finder-list-hint" class="note">
            {t('siteFinder.listHint')}
          </span>
          <p role="status" class="note" data-testid="site-finder-list-status">
            {reading.status === 'reading' && t('siteFinder.listReading')}
            {reading.status !== 'reading' && list && t('siteFinder.listStatus', { count: formatNumber(list.candidates.length), file: list.fileName, rejected: formatNumber(list.rejected.length) })}
          </p>
          {reading.status === 'failed' && reading.issue && (
            <p class="field-error" role="alert" data-testid="site-finder-list-error">
              <span aria-hidden="true">⚠ </span>
              {t('siteFinder.listFailed')} {issueText(reading.issue, t)}
            </p>
          )}
          {list && list.rejected.length > 0 && (
            <details class="site-finder-rejected" open={list.rejected.length <= 5}>
              <summary>{t('siteFinder.listRejectedTitle')}</summary>
              <ul data-testid="site-finder-list-rejected">
                {rejectedShown.map((issue, index) => (
                  <li key={index} data-record={String(issue.record ?? '')}>
                    {issue.record !== undefined ? `${recordLabel} ${issue.record}: ` : ''}
                    {issueText(issue, t)}
                  </li>
                ))}
              </ul>
              {list.rejected.length > rejectedShown.length && <p class="note">{t('siteFinder.listRejectedMore', { count: formatNumber(list.rejected.length - rejectedShown.length) })}</p>}
            </details>
          )}
          {list && (
            <button type="button" onClick={removeCandidateList}>
              {t('siteFinder.removeList')}
            </button>
          )}
        </div>
      )}
      {error && (
        <p id="site-finder-source-error" class="field-error" role="alert" data-testid="site-finder-field-error">
          <span aria-hidden="true">⚠ </span>
          {issueText(error, t)}
        </p>
      )}
    </fieldset>
  );
}

function NearestText({ site }: { site: FoundSite }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  return (
    <ul class="site-finder-nearest">
      {site.nearest.map((norm) => (
        <li key={norm.category}>
          {norm.distanceMeters !== null && norm.distanceMeters <= norm.maxDistanceMeters ? '✓ ' : '? '}
          {t('siteFinder.nearest', {
            category: t(`category.${norm.category}`),
            distance: norm.distanceMeters === null ? '–' : formatNumber(Math.round(norm.distanceMeters)),
            max: formatNumber(norm.maxDistanceMeters),
          })}
        </li>
      ))}
    </ul>
  );
}

function percentile(value: number, t: ReturnType<typeof useTranslate>, formatNumber: (value: number) => string): string {
  if (Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return t('siteFinder.noSite');
  // kilometres with one decimal from 1 km, so the narrow table keeps its columns
  return value >= 1000 ? `${formatNumber(Math.round(value / 100) / 10)} km` : `${formatNumber(Math.round(value))} m`;
}

/** "before → after": the arrow is read as "naar"/"to". */
function Arrow() {
  const t = useTranslate();
  return (
    <>
      <span aria-hidden="true">→</span>
      <span class="visually-hidden">{t('siteFinder.col.to')}</span>
    </>
  );
}

function MunicipalityTable({ rows, province }: { rows: AreaServedFigures[]; province: AreaServedFigures }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const names = useStore($municipalitiesByCode);
  const share = (part: number, whole: number) => (whole > 0 ? `${formatNumber(Math.round((1000 * part) / whole) / 10)} %` : '–');
  const changed = rows.filter((row) => row.servedAfter > row.servedBefore + 1e-9);
  const row = (area: AreaServedFigures, name: string) => (
    <tr key={area.code} data-code={area.code} data-people={String(area.people)} data-served-before={String(area.servedBefore)} data-served-after={String(area.servedAfter)}>
      <th scope="row">{name}</th>
      <td>{formatNumber(Math.round(area.people))}</td>
      <td>
        <span data-testid="share-before">{share(area.servedBefore, area.people)}</span> <Arrow /> <span data-testid="share-after">{share(area.servedAfter, area.people)}</span>
      </td>
      <td>
        <span>{percentile(area.percentileBefore, t, formatNumber)}</span> <Arrow /> <span>{percentile(area.percentileAfter, t, formatNumber)}</span>
      </td>
    </tr>
  );
  return (
    <div class="site-finder-municipalities">
      <p class="note">{t('siteFinder.municipalitiesNote', { changed: changed.length })}</p>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="site-finder-municipalities-caption">
        <table class="site-finder-table" data-testid="site-finder-municipalities">
          <caption id="site-finder-municipalities-caption">{t('siteFinder.municipalitiesTitle')}</caption>
          <colgroup>
            <col class="site-finder-name" />
            <col class="site-finder-people" />
            <col class="site-finder-share" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('siteFinder.csv.municipality')}</th>
              <th scope="col">{t('siteFinder.col.people')}</th>
              <th scope="col">{t('siteFinder.col.share')}</th>
              <th scope="col">{t('siteFinder.col.percentile')}</th>
            </tr>
          </thead>
          <tbody>
            {[...changed, ...rows.filter((area) => !changed.includes(area))].map((area) => row(area, names.get(area.code)?.name ?? area.code))}
            {row(province, t('area.overijssel'))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function download(text: string | null, fileName: string, type: string): void {
  if (text !== null) downloadFile(new Blob([text], { type }), fileName);
}

function Results() {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const run = useStore($siteFinderRun);
  const answer = useStore($siteFinderAnswer);
  const shown = useStore($siteFinderShown);
  const scenario = useStore($activeScenario);
  const state = useStore($activeScenarioState);
  const [added, setAdded] = useState<string | null>(null);
  if (!run) return null;
  const running = run.status === 'preparing' || run.status === 'greedy' || run.status === 'exact';
  const bandPeople = t(`siteFinder.bandPeople.${run.settings.band}`);
  const planned = state?.sites ?? [];
  const exactDiffers = run.exact !== null && run.exact.sites.map((site) => site.id).join() !== (run.greedy?.sites.map((site) => site.id).join() ?? '');
  return (
    <div class="site-finder-results" aria-busy={running ? 'true' : undefined} data-status={run.status}>
      <p role="status" data-testid="site-finder-status">
        {run.status === 'preparing' && t('siteFinder.status.preparing')}
        {run.status === 'greedy' && t('siteFinder.status.greedy')}
        {run.status === 'exact' && t('siteFinder.status.exact', { seconds: run.timeLimitSeconds })}
        {run.status === 'cancelled' && t('siteFinder.status.cancelled')}
        {run.status === 'failed' && t(run.issues.every((issue) => fieldOf(issue) !== null) ? 'siteFinder.status.failedField' : 'siteFinder.status.failed')}
        {run.status === 'done' && t('siteFinder.status.done')}
      </p>
      <p class="note" data-testid="site-finder-source-used">
        {t('siteFinder.resultSource', { source: candidateSourceText(run.settings.candidateSource) })}
      </p>
      {run.counts && (
        <p class="note" data-testid="site-finder-candidates">
          {candidateText(run.counts)}
          {run.counts.missingCategories.length > 0 && ` ${t('siteFinder.missingCategories', { categories: run.counts.missingCategories.map((category) => t(`category.${category}`)).join(', ') })}`}
        </p>
      )}
      {run.status === 'failed' && run.issues.some((issue) => fieldOf(issue) === null) && (
        <ul class="field-error" role="alert" data-testid="site-finder-error">
          {run.issues.filter((issue) => fieldOf(issue) === null).map((issue, index) => (
            <li key={index}>{issueText(issue, t)}</li>
          ))}
        </ul>
      )}
      {run.greedy && (
        <p class="site-finder-sentence" data-testid="site-finder-sentence">
          {comparisonSentence(run)}
        </p>
      )}
      {run.greedy && <p class="note">{t('siteFinder.supplyCounts', { sites: run.supply.sites, care: run.supply.care })}</p>}
      {run.greedy?.computeMs !== undefined && <p class="note">{t('siteFinder.computeTime', { ms: formatNumber(Math.round(run.greedy.computeMs)) })}</p>}
      {answer && answer.issues.filter((issue) => issue.code !== 'siteFinder.solverTimeLimit').map((issue, index) => (
        <p class="note" key={index}>
          {issueText(issue, t)}
        </p>
      ))}
      {exactDiffers && (
        <fieldset class="site-finder-choice">
          <legend>{t('siteFinder.shownChoice')}</legend>
          <label>
            <input type="radio" name="site-finder-shown" checked={shown === 'greedy'} onChange={() => showSiteFinderAnswer('greedy')} /> {t('siteFinder.shown.greedy')}
          </label>
          <label>
            <input type="radio" name="site-finder-shown" checked={shown === 'exact'} onChange={() => showSiteFinderAnswer('exact')} /> {t('siteFinder.shown.exact')}
          </label>
        </fieldset>
      )}
      {answer && answer.sites.length > 0 && (
        <>
          <h3 id="site-finder-list-title">{t('siteFinder.listTitle')}</h3>
          <p class="note">{scenario ? t('siteFinder.addIntro', { scenario: scenario.name }) : t('siteFinder.needsScenario')}</p>
          <p class="note">{t('siteFinder.capacityNote')}</p>
          <ol class="site-finder-list" aria-labelledby="site-finder-list-title" data-testid="site-finder-list">
            {answer.sites.map((site) => {
              const place = foundSitePlace(site);
              const inPlan = isFoundSiteInPlan(site, planned);
              return (
                <li key={site.id} data-rank={site.rank} data-municipality={place.municipalityCode ?? undefined} data-added={String(site.addedDemand)}>
                  <p>
                    <strong>
                      {t('siteFinder.siteTitle', { rank: site.rank, kern: place.name ? `${place.name}, ${place.kern}` : place.kern, municipality: place.municipality })}
                    </strong>
                  </p>
                  <p data-testid="site-finder-added">{t('siteFinder.siteAdds', { people: formatNumber(Math.round(site.addedDemand)), band: bandPeople })}</p>
                  <NearestText site={site} />
                  <button type="button" aria-label={t('siteFinder.showOnMapLabel', { rank: site.rank, kern: place.name ?? place.kern })} onClick={() => showFoundSite(site)}>
                    {t('siteFinder.showOnMap')}
                  </button>{' '}
                  {scenario && (
                    <button
                      type="button"
                      disabled={inPlan}
                      aria-label={t('siteFinder.addOneLabel', { action: inPlan ? t('siteFinder.inPlan') : t('siteFinder.addOne'), rank: site.rank, kern: place.name ?? place.kern })}
                      onClick={() => {
                        const plannedSite = addFoundSite(site);
                        if (plannedSite) setAdded(t('siteFinder.addedStatus', { name: plannedSite.name, scenario: scenario.name }));
                      }}
                    >
                      {inPlan ? t('siteFinder.inPlan') : t('siteFinder.addOne')}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
          {scenario && (
            <button
              type="button"
              disabled={answer.sites.every((site) => isFoundSiteInPlan(site, planned))}
              onClick={() => {
                const count = addAllFoundSites();
                setAdded(t('siteFinder.addedAllStatus', { count, scenario: scenario.name }));
              }}
            >
              {t('siteFinder.addAll')}
            </button>
          )}
          <p role="status" class="note" data-testid="site-finder-added-status">
            {added}
          </p>
          <MunicipalityTable rows={answer.municipalities} province={answer.province} />
          <div class="site-finder-actions">
            <button type="button" onClick={() => download(siteFinderCsvText(), `locatiezoeker-${new Date().toISOString().slice(0, 10)}.csv`, 'text/csv;charset=utf-8')}>
              {t('siteFinder.exportCsv')}
            </button>
            <button type="button" onClick={() => download(siteFinderGeoJsonText(), `locatiezoeker-${new Date().toISOString().slice(0, 10)}.geojson`, 'application/geo+json')}>
              {t('siteFinder.exportGeoJson')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

export function SiteFinderPanel() {
  const t = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <section class="site-finder-section" aria-labelledby="site-finder-title" data-testid="site-finder">
      <h2 id="site-finder-title">{t('siteFinder.title')}</h2>
      <p class="note">{t('siteFinder.intro')}</p>
      <button type="button" aria-expanded={open} aria-controls="site-finder-body" onClick={() => setOpen(!open)}>
        {open ? t('siteFinder.close') : t('siteFinder.open')}
      </button>
      {open && (
        <div id="site-finder-body">
          <Form />
          <Method />
          <Results />
        </div>
      )}
    </section>
  );
}

function Method() {
  const t = useTranslate();
  const population = useStore($dasymetricPopulation);
  return (
    <details class="site-finder-method">
      <summary>{t('siteFinder.methodTitle')}</summary>
      <p>{t('siteFinder.methodText')}</p>
      <p>{t('siteFinder.candidatesRule')}</p>
      <p>{t('siteFinder.supplyRule')}</p>
      <p>{t('siteFinder.capacityNote')}</p>
      <DasymetricMethod population={population} cellSize={SITE_FINDER_GRID_METERS} />
    </details>
  );
}
