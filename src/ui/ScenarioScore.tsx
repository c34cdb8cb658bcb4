// The active draft's score against the targets for older people's housing, per municipality and region:
// homes per type delivered 2024–2030 against the target (a number, a status in words and a bar with a
// hatched band and labels, never colour alone), the sociale huur share of geclusterd + zorggeschikt,
// homes per phase, and homes whose site meets the reachability norms. Every figure is a button that
// shows the sites behind it (onShowSites). Twente: the planner's own targets per municipality (CSV).

import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import type { PlannerTargetRegionCheck } from '../analysis/plannerTargets';
import {
  PHASE_ROW_KEYS,
  TARGET_ROW_KEYS,
  type AreaScore,
  type ScenarioScore as Score,
  type SiteFigure,
  type TargetComparison,
  type TargetRow,
  type TargetRowKey,
} from '../analysis/scenarioScore';
import { REGION_IDS, type AreaId, type MunicipalityCode, type RegionId } from '../domain/geography';
import { HOUSING_TYPES } from '../domain/housing';
import { DELIVERY_PHASES, type TargetMeasure } from '../domain/scenario';
import type { SourceId } from '../domain/source';
import type { MessageKey } from '../i18n/catalogue';
import { $appData } from '../stores/appData';
import { $activeScenarioScore, $plannerTargetChecks, $plannerTargetImport, clearPlannerTargets, importPlannerTargets } from '../stores/scenarioScore';
import { $activeScenario } from '../stores/scenarios';
import { issueText } from './issueText';
import { SourceReference } from './SourceReference';
import { useFormatNumber, useTranslate } from './useTranslate';

export interface ScenarioScoreProps {
  /** Shows the sites behind a figure (e.g. highlights them on the map and lists them). */
  onShowSites: (siteIds: string[]) => void;
  /** Heading level of the panel's title (default 3). */
  headingLevel?: 2 | 3 | 4;
}

type AreaKey = AreaId | MunicipalityCode;
type SubHeading = 'h3' | 'h4' | 'h5';

const rowLabelKey = (key: TargetRowKey | 'overig'): MessageKey => (key === 'total' ? 'housing.total' : key === 'overig' ? 'score.overig' : `housing.${key}`);

function areaKeyOf(score: AreaScore): AreaKey {
  return score.area.kind === 'municipality' ? score.area.code : score.area.area;
}

/** A figure as a button showing its sites; plain text when no site is behind it. */
function FigureLink({ figure, label, onShowSites, testId }: { figure: SiteFigure; label: string; onShowSites: (ids: string[]) => void; testId?: string }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  if (figure.siteIds.length === 0) return <span data-testid={testId} data-homes={figure.homes}>{formatNumber(figure.homes)}</span>;
  return (
    <button
      type="button"
      class="link-button"
      data-testid={testId}
      data-homes={figure.homes}
      aria-label={t('score.showSites', { figure: label, homes: formatNumber(figure.homes), count: figure.siteIds.length })}
      onClick={() => onShowSites([...figure.siteIds])}
    >
      {formatNumber(figure.homes)}
    </button>
  );
}

function statusText(comparison: TargetComparison | null, t: ReturnType<typeof useTranslate>, formatNumber: (value: number) => string): string {
  if (comparison === null) return t('score.noTarget');
  if (comparison.measuredAgainst !== 'band') {
    return comparison.status === 'reached'
      ? t('score.reached', { over: formatNumber(comparison.difference) })
      : t('score.toGo', { missing: formatNumber(-comparison.difference) });
  }
  if (comparison.status === 'below') return t('score.belowBand', { missing: formatNumber(-comparison.differenceToLow) });
  if (comparison.status === 'above') return t('score.aboveBand', { over: formatNumber(comparison.differenceToHigh) });
  return t('score.withinBand');
}

function targetText(row: TargetRow, measuredAgainst: TargetMeasure, formatNumber: (value: number) => string): string {
  const value = (number: number | null) => (number === null ? '–' : formatNumber(number));
  if (row.target === null) return '–';
  if (measuredAgainst === 'band') return `${value(row.target.basis)} / ${value(row.target.trend)}`;
  return value(row.target[measuredAgainst]);
}

/** A bar: the planned homes as a solid bar, the band as a hatched box (or the target as a line), with labels. */
function ScoreBar({ planned, comparison, id }: { planned: number; comparison: TargetComparison | null; id: string }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  if (comparison === null) return null;
  const low = comparison.measuredAgainst === 'band' ? comparison.low : comparison.target;
  const high = comparison.measuredAgainst === 'band' ? comparison.high : comparison.target;
  const scale = Math.max(planned, high, 1) * 1.15;
  const x = (value: number) => (value / scale) * 100;
  const pattern = `score-hatch-${id}`;
  const range = comparison.measuredAgainst === 'band' ? `${formatNumber(low)}–${formatNumber(high)}` : formatNumber(low);
  return (
    <>
      <svg class="score-bar" viewBox="0 0 100 16" preserveAspectRatio="none" aria-hidden="true" focusable="false" data-testid="score-bar">
        <defs>
          <pattern id={pattern} width="3" height="3" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="3" stroke="#1a1a1a" stroke-width="1" />
          </pattern>
        </defs>
        <rect x="0" y="3" width="100" height="10" fill="#fff" stroke="#767676" stroke-width="0.3" />
        {comparison.measuredAgainst === 'band' && (
          <rect x={x(low)} y="1" width={Math.max(0.6, x(high) - x(low))} height="14" fill={`url(#${pattern})`} stroke="#1a1a1a" stroke-width="0.4" />
        )}
        <rect x="0" y="5" width={x(planned)} height="6" fill="#1d4f91" />
        {comparison.measuredAgainst !== 'band' && <rect x={x(low) - 0.4} y="0" width="0.8" height="16" fill="#1a1a1a" />}
      </svg>
      <span class="score-bar-labels">
        {t(comparison.measuredAgainst === 'band' ? 'score.barLabelsBand' : 'score.barLabelsLine', { planned: formatNumber(planned), target: range })}
      </span>
    </>
  );
}

function TargetsSection({ score, measuredAgainst, onShowSites, areaName, sub: Sub }: { score: AreaScore; measuredAgainst: TargetMeasure; onShowSites: (ids: string[]) => void; areaName: string; sub: SubHeading }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const plannerRows = TARGET_ROW_KEYS.map((key) => score.targets[key]).filter((row) => row.target?.origin === 'planner');
  const sources = [...new Set(TARGET_ROW_KEYS.flatMap((key) => score.targets[key].target?.sources ?? []))];
  const targetColumn = measuredAgainst === 'band' ? t('score.targetBand') : t(`score.target.${measuredAgainst}`);
  return (
    <section aria-labelledby={`score-targets-${areaKeyOf(score)}`}>
      <Sub id={`score-targets-${areaKeyOf(score)}`}>{t('score.targetsTitle')}</Sub>
      {/* one block per type rather than a four-column table: the sidebar is narrow */}
      <dl class="score-targets" data-testid="score-targets" aria-label={t('score.targetsCaption', { area: areaName })}>
        {TARGET_ROW_KEYS.map((key) => {
          const row = score.targets[key];
          const label = t(rowLabelKey(key));
          return (
            <div key={key} class={key === 'total' ? 'score-target total' : 'score-target'} data-type={key}>
              <dt>{label}</dt>
              <dd>
                {t('score.plannedColumn')}: <FigureLink figure={row.planned} label={t('score.plannedFigure', { type: label })} onShowSites={onShowSites} testId={`planned-${key}`} />
                {' · '}
                {targetColumn}: <span data-testid={`target-${key}`}>{targetText(row, measuredAgainst, formatNumber)}</span>
                {row.target?.origin === 'planner' && <span class="score-own"> {t('score.ownTargetMark')}</span>}
              </dd>
              <dd class="score-status" data-status={row.comparison?.status ?? 'none'}>
                <span class="score-status-text">{statusText(row.comparison, t, formatNumber)}</span>
                <ScoreBar planned={row.planned.homes} comparison={row.comparison} id={`${areaKeyOf(score)}-${key}`} />
              </dd>
            </div>
          );
        })}
      </dl>
      <p class="note">
        {measuredAgainst === 'band' ? t('score.bandLegend') : t('score.lineLegend')} {t('score.guidance')}
      </p>
      {plannerRows.length > 0 && (
        <p class="note" data-testid="score-own-source">
          {t('score.ownTargetSource', { text: [...new Set(plannerRows.map((row) => row.target?.sourceText ?? ''))].filter(Boolean).join('; ') })}
        </p>
      )}
      {score.area.kind === 'municipality' && score.area.region === 'twente' && plannerRows.length === 0 && <p class="note">{t('score.twenteNoMunicipalTarget')}</p>}
      {score.targets.total.target?.origin === 'sumOfRegions' && <p class="note">{t('score.provinceSum')}</p>}
      <SourceReference ids={sources} />
    </section>
  );
}

function percent(share: number | null, formatNumber: (value: number) => string): string {
  return share === null ? '–' : `${formatNumber(Math.round(share * 100))} %`;
}

function SplitSection({ score, onShowSites, sub: Sub }: { score: AreaScore; onShowSites: (ids: string[]) => void; sub: SubHeading }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const split = score.tenureSplit;
  const sources: SourceId[] = split.agreementSource ? [split.agreementSource] : [];
  return (
    <section aria-labelledby={`score-split-${areaKeyOf(score)}`}>
      <Sub id={`score-split-${areaKeyOf(score)}`}>{t('score.splitTitle')}</Sub>
      <dl class="facts" data-testid="score-split">
        <dt>{t('score.socialRent')}</dt>
        <dd>
          <FigureLink figure={split.socialRent} label={t('score.socialRent')} onShowSites={onShowSites} testId="split-social" /> ({percent(split.socialRentShare, formatNumber)})
        </dd>
        <dt>{t('score.otherTenure')}</dt>
        <dd>
          <FigureLink figure={split.other} label={t('score.otherTenure')} onShowSites={onShowSites} testId="split-other" /> (
          {percent(split.socialRentShare === null ? null : 1 - split.socialRentShare, formatNumber)})
        </dd>
        <dt>{t('score.agreed')}</dt>
        <dd>
          {split.agreedSocialRentShare === null
            ? t('score.noAgreement')
            : t('score.agreedShare', { social: percent(split.agreedSocialRentShare, formatNumber), other: percent(1 - split.agreedSocialRentShare, formatNumber) })}
        </dd>
      </dl>
      <SourceReference ids={sources} />
    </section>
  );
}

function PhaseSection({ score, onShowSites, areaName, sub: Sub }: { score: AreaScore; onShowSites: (ids: string[]) => void; areaName: string; sub: SubHeading }) {
  const t = useTranslate();
  return (
    <section aria-labelledby={`score-phases-${areaKeyOf(score)}`}>
      <Sub id={`score-phases-${areaKeyOf(score)}`}>{t('score.phasesTitle')}</Sub>
      <table class="figures" data-testid="score-phases">
        <caption class="visually-hidden">{t('score.phasesCaption', { area: areaName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('municipality.housingTypeColumn')}</th>
            {DELIVERY_PHASES.map((phase) => (
              <th scope="col" key={phase}>
                {t(`score.phase.${phase}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PHASE_ROW_KEYS.map((key) => (
            <tr key={key} class={key === 'total' ? 'total-row' : undefined}>
              <th scope="row">{t(rowLabelKey(key))}</th>
              {DELIVERY_PHASES.map((phase) => (
                <td key={phase}>
                  <FigureLink
                    figure={score.phases[phase][key]}
                    label={t('score.phaseFigure', { type: t(rowLabelKey(key)), phase: t(`score.phase.${phase}`) })}
                    onShowSites={onShowSites}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const REACH_PARTS = ['met', 'notMet', 'noData', 'notAnalysed'] as const;

function ReachSection({ score, onShowSites, sub: Sub }: { score: AreaScore; onShowSites: (ids: string[]) => void; sub: SubHeading }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  return (
    <section aria-labelledby={`score-reach-${areaKeyOf(score)}`}>
      <Sub id={`score-reach-${areaKeyOf(score)}`}>{t('score.reachTitle')}</Sub>
      {/* one short list per type rather than a five-column table: the sidebar is narrow */}
      <dl class="score-reach" data-testid="score-reach">
        {HOUSING_TYPES.map((type) => {
          const reach = score.reachability[type];
          return (
            <div key={type} class="score-reach-type" data-type={type}>
              <dt>{t('score.reachType', { type: t(`housing.${type}`), homes: formatNumber(reach.total.homes) })}</dt>
              <dd>
                <ul class="score-reach-parts">
                  {REACH_PARTS.map((part) => (
                    <li key={part} data-part={part}>
                      {t(`score.reach.${part}`)}:{' '}
                      <FigureLink figure={reach[part]} label={t('score.reachFigure', { type: t(`housing.${type}`), part: t(`score.reach.${part}`) })} onShowSites={onShowSites} testId={`reach-${type}-${part}`} />
                      {reach.shares && <span class="note"> ({percent(reach.shares[part], formatNumber)})</span>}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          );
        })}
      </dl>
      <p class="note">{t('score.reachNote')}</p>
    </section>
  );
}

function PlannerTargetsSection({ checks, sub: Sub }: { checks: PlannerTargetRegionCheck[]; sub: SubHeading }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const scenario = useStore($activeScenario);
  const result = useStore($plannerTargetImport);
  const municipalities = useStore($appData).municipalities ?? [];
  const nameOf = (code: string) => municipalities.find((municipality) => municipality.code === code)?.name ?? code;
  const rows = scenario?.plannerTargets?.rows ?? [];
  const onFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void file.text().then((text: string) => importPlannerTargets(text, file.name));
  };
  return (
    <section aria-labelledby="score-own-targets" data-testid="score-own-targets">
      <Sub id="score-own-targets">{t('score.ownTargetsTitle')}</Sub>
      <p class="note">{t('score.ownTargetsIntro')}</p>
      {/* The native control is hidden behind a translated button; it stays focusable and opens the picker on Space. */}
      <div class="file-picker">
        <input
          id="score-own-targets-file"
          class="visually-hidden"
          type="file"
          accept=".csv,text/csv"
          aria-label={t('score.ownTargetsImport')}
          onChange={(event) => onFile(event.currentTarget)}
        />
        <label for="score-own-targets-file" class="file-button" aria-hidden="true">
          {t('score.ownTargetsImport')}
        </label>
      </div>
      {result && (
        <div role="status">
          <p>{t('score.ownTargetsImported', { count: result.accepted, file: result.file })}</p>
          {result.issues.length > 0 && (
            <ul class="inconsistency" data-testid="score-own-targets-issues">
              {result.issues.map((issue, index) => (
                <li key={index}>
                  {issue.record !== undefined && `${t('score.row', { row: issue.record })}: `}
                  {issueText(issue, t)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {rows.length > 0 && (
        <>
          <p class="note">{t('score.ownTargetsCount', { count: rows.length, municipalities: new Set(rows.map((row) => row.municipalityCode)).size })}</p>
          <table class="figures" data-testid="score-own-targets-check">
            <caption>{t('score.checkCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('municipality.housingTypeColumn')}</th>
                <th scope="col">{t('score.checkOwnSum')}</th>
                <th scope="col">{t('score.checkPrinted')}</th>
                <th scope="col">{t('score.checkDifference')}</th>
              </tr>
            </thead>
            <tbody>
              {checks.map((check) => (
                <tr key={`${check.region}-${check.housingType}-${check.scenario}`}>
                  <th scope="row">
                    {t(`housing.${check.housingType}`)}, {t(`score.target.${check.scenario}`)}
                    {check.municipalitiesWithoutValue.length > 0 && (
                      <span class="note"> ({t('score.checkMissing', { count: check.municipalitiesWithoutValue.length })})</span>
                    )}
                  </th>
                  <td>{formatNumber(check.plannerSum)}</td>
                  <td>{check.printed === null ? '–' : formatNumber(check.printed)}</td>
                  <td>{check.difference === null ? '–' : `${check.difference > 0 ? '+' : ''}${formatNumber(check.difference)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="note">{t('score.checkNote', { municipalities: [...new Set(rows.map((row) => nameOf(row.municipalityCode)))].join(', ') })}</p>
          <button type="button" onClick={clearPlannerTargets}>
            {t('score.ownTargetsClear')}
          </button>
        </>
      )}
    </section>
  );
}

function areaName(key: AreaKey, t: ReturnType<typeof useTranslate>, names: ReadonlyMap<string, string>): string {
  if (key === 'overijssel') return t('score.province');
  if ((REGION_IDS as readonly string[]).includes(key)) return t(`region.${key as RegionId}`);
  return names.get(key) ?? key;
}

/** Planned homes 2024–2030 against the target, one row per municipality and region. */
function Overview({ score, onShowSites, onSelect, names }: { score: Score; onShowSites: (ids: string[]) => void; onSelect: (key: AreaKey) => void; names: ReadonlyMap<string, string> }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const entries = [...score.areas, ...score.municipalities];
  return (
    <details class="score-overview">
      <summary>{t('score.overviewTitle')}</summary>
      <table class="figures" data-testid="score-overview">
        <caption class="visually-hidden">{t('score.overviewCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('score.areaColumn')}</th>
            <th scope="col">{t('score.plannedColumn')}</th>
            <th scope="col">{t('score.statusColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const key = areaKeyOf(entry);
            const name = areaName(key, t, names);
            return (
              <tr key={key} data-area={key}>
                <th scope="row">
                  <button type="button" class="link-button" onClick={() => onSelect(key)}>
                    {name}
                  </button>
                </th>
                <td>
                  <FigureLink figure={entry.targets.total.planned} label={t('score.plannedFigure', { type: name })} onShowSites={onShowSites} />
                </td>
                <td>{statusText(entry.targets.total.comparison, t, formatNumber)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

export function ScenarioScore({ onShowSites, headingLevel = 3 }: ScenarioScoreProps) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const score = useStore($activeScenarioScore);
  const checks = useStore($plannerTargetChecks);
  const municipalities = useStore($appData).municipalities ?? [];
  const [selected, setSelected] = useState<AreaKey>('overijssel');
  const Heading = `h${headingLevel}` as 'h3';
  const sub = `h${headingLevel + 1}` as SubHeading;
  const names = new Map(municipalities.map((municipality) => [municipality.code, municipality.name]));
  if (score === null) {
    return (
      <section class="scenario-score" aria-labelledby="scenario-score-title">
        <Heading id="scenario-score-title">{t('score.title')}</Heading>
        <p class="note">{t('score.noScenario')}</p>
      </section>
    );
  }
  const entries = [...score.areas, ...score.municipalities];
  const current = entries.find((entry) => areaKeyOf(entry) === selected) ?? score.areas[0]!;
  const currentKey = areaKeyOf(current);
  const name = areaName(currentKey, t, names);
  const region: RegionId | 'overijssel' = current.area.kind === 'municipality' ? current.area.region : current.area.area;
  const showOwnTargets = region === 'twente';
  return (
    <section class="scenario-score" aria-labelledby="scenario-score-title" data-testid="scenario-score">
      <Heading id="scenario-score-title">{t('score.title')}</Heading>
      <p class="note">
        {t('score.intro', { measure: t(`score.measure.${score.measuredAgainst}`) })}
      </p>
      <label class="search-label" for="scenario-score-area">
        {t('score.areaLabel')}
      </label>
      <select id="scenario-score-area" value={currentKey} onChange={(event) => setSelected(event.currentTarget.value)}>
        <option value="overijssel">{t('score.province')}</option>
        {REGION_IDS.map((regionId) => (
          <optgroup key={regionId} label={t(`region.${regionId}`)}>
            <option value={regionId}>{t('score.wholeRegion', { region: t(`region.${regionId}`) })}</option>
            {score.municipalities
              .filter((entry) => entry.area.kind === 'municipality' && entry.area.region === regionId)
              .map((entry) => {
                const key = areaKeyOf(entry);
                return (
                  <option key={key} value={key}>
                    {names.get(key) ?? key}
                  </option>
                );
              })}
          </optgroup>
        ))}
      </select>
      <p data-testid="score-area-summary">
        {t(current.sites.siteIds.length === 1 ? 'score.areaSummary.one' : 'score.areaSummary', { area: name, sites: current.sites.siteIds.length, homes: formatNumber(current.sites.homes) })}
      </p>
      <TargetsSection score={current} measuredAgainst={score.measuredAgainst} onShowSites={onShowSites} areaName={name} sub={sub} />
      <SplitSection score={current} onShowSites={onShowSites} sub={sub} />
      <PhaseSection score={current} onShowSites={onShowSites} areaName={name} sub={sub} />
      <ReachSection score={current} onShowSites={onShowSites} sub={sub} />
      {showOwnTargets && <PlannerTargetsSection checks={checks} sub={sub} />}
      {score.unassigned.siteIds.length > 0 && (
        <p class="inconsistency" role="note">
          {t('score.unassigned', { count: score.unassigned.siteIds.length })}{' '}
          <button type="button" class="link-button" onClick={() => onShowSites([...score.unassigned.siteIds])}>
            {t('score.showThem')}
          </button>
        </p>
      )}
      <Overview score={score} onShowSites={onShowSites} onSelect={setSelected} names={names} />
    </section>
  );
}

