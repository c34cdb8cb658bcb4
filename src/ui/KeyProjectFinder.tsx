// Searchable list of all rows of the key-project table (50 key projects + 2 outlook-only rows).

import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { $appData, $municipalitiesByCode } from '../stores/appData';
import { $selection, selectKeyProject } from '../stores/selection';
import { KeyProjectSymbol } from './KeyProjectSymbol';
import { matchesQuery } from './matchesQuery';
import { focusDetailsFrom } from './detailsFocus';
import { moveFocusInList } from './moveFocusInList';
import { useFormatNumber, useTranslate } from './useTranslate';

export function KeyProjectFinder() {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const projects = useStore($appData).keyProjects ?? [];
  const municipalities = useStore($municipalitiesByCode);
  const selection = useStore($selection);
  const [query, setQuery] = useState('');
  const shown = projects.filter((project) =>
    matchesQuery(query, project.name, municipalities.get(project.municipalityCode)?.name ?? project.municipalityAsPrinted),
  );
  return (
    <section class="finder" aria-labelledby="key-project-finder-title">
      <h2 id="key-project-finder-title">{t('finder.keyProjectsTitle')}</h2>
      <label class="search-label" for="key-project-search">
        {t('finder.keyProjectSearch')}
      </label>
      <input
        id="key-project-search"
        type="search"
        autocomplete="off"
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && shown[0]) {
            selectKeyProject(shown[0].id);
            focusDetailsFrom(event.currentTarget);
          }
          if (event.key === 'ArrowDown') moveFocusInList(event, 'key-project-list', 1);
        }}
      />
      <p class="list-count" aria-live="polite">
        {shown.length === 0 ? t('finder.noKeyProjects', { query }) : t('finder.keyProjectCount', { shown: shown.length, total: projects.length })}
      </p>
      <ul id="key-project-list" class="choice-list tall" onKeyDown={(event) => moveFocusInList(event, 'key-project-list')}>
        {shown.map((project) => (
          <li key={project.id}>
            <button
              type="button"
              class="choice"
              aria-pressed={selection?.kind === 'keyProject' && selection.id === project.id}
              data-project-id={project.id}
              onClick={(event) => {
                selectKeyProject(project.id);
                focusDetailsFrom(event.currentTarget);
              }}
            >
              <KeyProjectSymbol project={project} />
              <span class="choice-name">{project.name}</span>
              <span class="choice-meta">
                {municipalities.get(project.municipalityCode)?.name} ·{' '}
                {project.homes2024To2030 === null ? t('value.none') : formatNumber(project.homes2024To2030)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
