// The three region panels (province, West-Overijssel, Twente) and a searchable list of the 25 municipalities:
// type to filter, Tab/arrow keys to move, Enter to select.

import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { $appData } from '../stores/appData';
import { AREA_IDS } from '../domain/geography';
import { $selection, selectArea, selectMunicipality } from '../stores/selection';
import { matchesQuery } from './matchesQuery';
import { focusDetailsFrom } from './detailsFocus';
import { moveFocusInList } from './moveFocusInList';
import { useTranslate } from './useTranslate';

export function MunicipalityFinder() {
  const t = useTranslate();
  const municipalities = useStore($appData).municipalities ?? [];
  const selection = useStore($selection);
  const [query, setQuery] = useState('');
  const shown = municipalities
    .filter((municipality) => matchesQuery(query, municipality.name))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return (
    <section class="finder" aria-labelledby="municipality-finder-title">
      <h2 id="municipality-finder-title">{t('finder.municipalitiesTitle')}</h2>
      <div class="region-choices" role="group" aria-labelledby="region-choices-label">
        <span id="region-choices-label" class="region-choices-label">
          {t('finder.regionsTitle')}:
        </span>
        {AREA_IDS.map((area) => (
          <button
            type="button"
            key={area}
            class="region-choice"
            data-area={area}
            aria-pressed={selection?.kind === 'area' && selection.area === area}
            onClick={() => selectArea(area)}
          >
            {area === 'overijssel' ? t('area.overijssel') : t(`region.${area}`)}
          </button>
        ))}
      </div>
      <label class="search-label" for="municipality-search">
        {t('finder.municipalitySearch')}
      </label>
      <input
        id="municipality-search"
        type="search"
        autocomplete="off"
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && shown[0]) {
            selectMunicipality(shown[0].code);
            focusDetailsFrom(event.currentTarget);
          }
          if (event.key === 'ArrowDown') moveFocusInList(event, 'municipality-list', 1);
        }}
      />
      {shown.length === 0 && <p role="status">{t('finder.noMatch', { query })}</p>}
      <ul id="municipality-list" class="choice-list" onKeyDown={(event) => moveFocusInList(event, 'municipality-list')}>
        {shown.map((municipality) => {
          const selected = selection?.kind === 'municipality' && selection.code === municipality.code;
          return (
            <li key={municipality.code}>
              <button
                type="button"
                class="choice"
                aria-pressed={selected}
                data-code={municipality.code}
                onClick={(event) => {
                  selectMunicipality(municipality.code);
                  focusDetailsFrom(event.currentTarget);
                }}
              >
                <span>{municipality.name}</span>
                <span class="choice-meta">{t(`region.${municipality.region}`)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
