// Modal table "Bereikbaarheid sleutelprojecten": distances per category and norms met per housing type
// for every key project, sortable by column (buttons with aria-sort), filterable by municipality, CSV export.

import { useStore } from '@nanostores/preact';
import { HOUSING_TYPES } from '../domain/housing';
import { $appData } from '../stores/appData';
import { $normProfile, $profileCategories } from '../stores/norms';
import { $projectTable, $projectTableRows, $siteRows, closeProjectTable, filterProjectTable, projectTableCsv, setIncludeOutlookOnly, sortProjectTable } from '../stores/projectTable';
import type { ProjectSortKey } from '../analysis/projectTable';
import { selectKeyProject } from '../stores/selection';
import { distancePairText, methodRowNote } from './DistancePair';
import { VerdictText } from './VerdictText';
import { useFormatNumber, useTranslate } from './useTranslate';
import { useModalDialog } from './useModalDialog';
import { downloadFile } from './downloadFile';

function downloadCsv(fileName: string): void {
  downloadFile(new Blob([projectTableCsv()], { type: 'text/csv;charset=utf-8' }), fileName);
}

function SortHeader({ sortKey, label }: { sortKey: ProjectSortKey; label: string }) {
  const table = useStore($projectTable);
  const active = table.sortKey === sortKey;
  return (
    <th scope="col" aria-sort={active ? table.sortDirection : 'none'}>
      <button type="button" class="sort-button" onClick={() => sortProjectTable(sortKey)}>
        {label}
        <span aria-hidden="true" class="sort-arrow">
          {active ? (table.sortDirection === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
      </button>
    </th>
  );
}

/** The dialog; its table is only built while it is open (50 rows that nobody sees would be redrawn on every change). */
export function ReachabilityTableDialog() {
  const open = useStore($projectTable).open;
  const dialog = useModalDialog(open);
  return (
    <dialog ref={dialog} class="reach-table-dialog" aria-labelledby="reach-table-title" onClose={closeProjectTable} data-testid="reach-table-dialog">
      {open && <ReachabilityTable />}
    </dialog>
  );
}

function ReachabilityTable() {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const table = useStore($projectTable);
  const rows = useStore($projectTableRows);
  const siteRows = useStore($siteRows);
  const categories = useStore($profileCategories);
  const profile = useStore($normProfile);
  const municipalities = [...(useStore($appData).municipalities ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return (
    <>
      <div class="dialog-header">
        <h2 id="reach-table-title">{t('reachUi.table.title')}</h2>
        <button type="button" onClick={closeProjectTable}>
          {t('app.close')}
        </button>
      </div>
      <p class="note">{t('reachUi.table.intro', { profile: t(`norms.profile.${profile.id}`) })}</p>
      {rows.some(({ row }) => categories.some((category) => row.reachability.categories[category].status === 'found' && !row.reachability.categories[category].complete)) && (
        <p class="note" data-testid="reach-table-at-most">
          {t('reachUi.table.atMostNote')}
        </p>
      )}
      <div class="table-controls">
        <label for="reach-table-municipality">{t('reachUi.table.filter')}</label>
        <select id="reach-table-municipality" value={table.municipality} onChange={(event) => filterProjectTable(event.currentTarget.value)}>
          <option value="all">{t('reachUi.table.allMunicipalities')}</option>
          {municipalities.map((municipality) => (
            <option value={municipality.code} key={municipality.code}>
              {municipality.name}
            </option>
          ))}
        </select>
        <label class="option">
          <input type="checkbox" checked={table.includeOutlookOnly} onChange={(event) => setIncludeOutlookOnly(event.currentTarget.checked)} />
          {t('reachUi.table.includeOutlook')}
        </label>
        <button type="button" onClick={() => downloadCsv(t('reachUi.table.fileName'))} disabled={rows.length === 0}>
          {t('reachUi.table.export')}
        </button>
        <span class="list-count" aria-live="polite" data-testid="reach-table-count">
          {siteRows ? t('reachUi.table.count', { count: rows.length }) : t('reachUi.pending')}
        </span>
      </div>
      <div class="table-scroll">
        <table class="figures reach-table" data-testid="reach-table">
          <caption class="visually-hidden">{t('reachUi.table.caption')}</caption>
          <thead>
            <tr>
              <SortHeader sortKey="name" label={t('reachUi.table.project')} />
              <SortHeader sortKey="municipality" label={t('reachUi.table.municipality')} />
              {categories.map((category) => (
                <SortHeader key={category} sortKey={`distance:${category}`} label={t('reachUi.table.distanceHeader', { category: t(`reachUi.short.${category}`) })} />
              ))}
              {HOUSING_TYPES.map((type) => (
                <SortHeader key={type} sortKey={`housing:${type}`} label={t(`housing.${type}`)} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ project, municipalityName, row }) => (
              <tr key={project.id} data-project-id={project.id}>
                <th scope="row">
                  <button
                    type="button"
                    class="link-button"
                    onClick={() => {
                      closeProjectTable();
                      selectKeyProject(project.id);
                    }}
                  >
                    {project.name}
                  </button>{' '}
                  {project.locationPrecision === 'planner' ? (
                    <span class="planner-mark">({t('precision.planner')})</span>
                  ) : (
                    <span class="approximate-mark" title={t('reachUi.approximate', { precision: t(`precision.${project.locationPrecision}`), place: project.placedAt })}>
                      ≈ {t('reachUi.table.approximateShort')} ({t(`precision.${project.locationPrecision}`)})
                    </span>
                  )}
                  {!project.countsAsKeyProject && <em class="note"> · {t('legend.outlookOnly')}</em>}
                  {methodRowNote(row.reachability, t, formatNumber) !== null && (
                    <span class="distance-pair note" data-testid="reach-table-method-note">
                      {methodRowNote(row.reachability, t, formatNumber)}
                    </span>
                  )}
                </th>
                <td>{municipalityName}</td>
                {categories.map((category) => {
                  const reach = row.reachability.categories[category];
                  const meters = reach.status === 'found' ? formatNumber(Math.round(reach.distanceMeters)) : '';
                  return (
                    <td key={category} data-category={category} data-complete={String(reach.complete)}>
                      {reach.status === 'found'
                        ? reach.complete
                          ? meters
                          : t('reachUi.table.atMost', { meters })
                        : reach.complete
                          ? t('reachUi.noneInData')
                          : t('reachUi.verdict.noData')}
                      {distancePairText(row.reachability, category, t, formatNumber, true) !== null && (
                        <span class="distance-pair note" data-testid="reach-table-pair">
                          {distancePairText(row.reachability, category, t, formatNumber, true)}
                        </span>
                      )}
                    </td>
                  );
                })}
                {HOUSING_TYPES.map((type) => {
                  const verdict = row.reachability.housingTypes[type];
                  return (
                    <td key={type} class="verdict-cell">
                      {t('reachUi.table.metOf', { met: verdict.metCount, required: verdict.requiredCount })}
                      <br />
                      <VerdictText verdict={verdict.verdict} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
