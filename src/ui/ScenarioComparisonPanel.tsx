// Two drafts side by side: homes per municipality and type where they differ, the sites that differ
// (added, not in B, moved, changed: a mark and a word, not colour alone) and key projects placed
// elsewhere. The map shows the same marks.

import { useStore } from '@nanostores/preact';
import { SITE_HOME_TYPES } from '../domain/scenario';
import { $appData, $municipalitiesByCode } from '../stores/appData';
import { $scenarioComparison, closeComparison } from '../stores/scenarioComparison';
import { useFormatNumber, useTranslate } from './useTranslate';

const MARKS = { added: '+', removed: '−', moved: '↔', changed: '✎', unchanged: '' } as const;

export function ScenarioComparisonPanel() {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const open = useStore($scenarioComparison);
  const municipalities = useStore($municipalitiesByCode);
  const keyProjects = useStore($appData).keyProjects ?? [];
  if (!open) return null;
  const { a, b, comparison } = open;
  const signed = (value: number) => (value > 0 ? `+${formatNumber(value)}` : value < 0 ? `−${formatNumber(-value)}` : formatNumber(0));
  const differing = comparison.sites.filter((entry) => entry.change !== 'unchanged');
  return (
    <article class="panel" aria-labelledby="panel-title" data-testid="comparison-panel">
      <p class="panel-kind">{t('compare.title')}</p>
      <h2 id="panel-title" tabIndex={-1}>
        A: {a.name} · B: {b.name}
      </h2>
      <button type="button" onClick={closeComparison}>
        {t('compare.close')}
      </button>
      <p class="note">{t('compare.mapLegend')}</p>
      {comparison.homes.length === 0 ? (
        <p data-testid="comparison-no-differences">{t('compare.noDifferences')}</p>
      ) : (
        <table class="figures comparison-table" data-testid="comparison-table">
          <caption>{t('compare.caption', { a: a.name, b: b.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('compare.municipality')}</th>
              <th scope="col">{t('compare.type')}</th>
              <th scope="col">A</th>
              <th scope="col">B</th>
              <th scope="col">{t('compare.difference')}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.homes.map((row) => (
              <tr key={`${row.municipalityCode}-${row.homeType}`}>
                <th scope="row">{municipalities.get(row.municipalityCode)?.name ?? row.municipalityCode}</th>
                <td>{t(`siteHomes.${row.homeType}`)}</td>
                <td class="number">{formatNumber(row.a)}</td>
                <td class="number">{formatNumber(row.b)}</td>
                <td class="number">{signed(row.difference)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {SITE_HOME_TYPES.filter((type) => comparison.totals[type].difference !== 0).map((type) => (
              <tr key={type}>
                <th scope="row">{t('compare.total')}</th>
                <td>{t(`siteHomes.${type}`)}</td>
                <td class="number">{formatNumber(comparison.totals[type].a)}</td>
                <td class="number">{formatNumber(comparison.totals[type].b)}</td>
                <td class="number">{signed(comparison.totals[type].difference)}</td>
              </tr>
            ))}
          </tfoot>
        </table>
      )}
      <h3>{t('compare.sitesTitle')}</h3>
      {differing.length === 0 ? (
        <p class="note">{t('compare.noSiteDifferences')}</p>
      ) : (
        <ul class="comparison-sites" data-testid="comparison-sites">
          {differing.map((entry) => (
            <li key={entry.id} data-change={entry.change}>
              <span aria-hidden="true">{MARKS[entry.change]} </span>
              {(entry.b ?? entry.a)?.name}: {t(`compare.change.${entry.change}`)}
            </li>
          ))}
        </ul>
      )}
      {comparison.keyProjects.length > 0 && (
        <>
          <h3>{t('compare.keyProjectsTitle')}</h3>
          <ul class="comparison-key-projects" data-testid="comparison-key-projects">
            {comparison.keyProjects.map((entry) => (
              <li key={entry.keyProjectId}>
                <span aria-hidden="true">{MARKS.moved} </span>
                {keyProjects.find((project) => project.id === entry.keyProjectId)?.name ?? entry.keyProjectId}: A {entry.a ? t('precision.planner') : t('compare.keyProjectPublished')}, B{' '}
                {entry.b ? t('precision.planner') : t('compare.keyProjectPublished')}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
