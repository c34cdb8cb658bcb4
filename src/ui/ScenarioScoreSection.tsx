// The score panel inside the open scenario: shows the sites behind a figure the planner chose, each of
// which opens its site panel (and shows it on the map as the selected site).

import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { $activeScenarioState } from '../stores/scenarios';
import { selectSite } from '../stores/selection';
import { ScenarioScore } from './ScenarioScore';
import { useTranslate } from './useTranslate';

export function ScenarioScoreSection() {
  const t = useTranslate();
  const state = useStore($activeScenarioState);
  const [shown, setShown] = useState<string[] | null>(null);
  const list = useRef<HTMLDivElement>(null);
  // the list appears below the tables: move focus there so the planner (and a screen reader) finds it
  useEffect(() => {
    if (shown !== null) list.current?.focus();
  }, [shown]);
  const sites = (shown ?? []).flatMap((id) => state?.sites.filter((site) => site.id === id) ?? []);
  return (
    <div class="scenario-score-section">
      <ScenarioScore headingLevel={4} onShowSites={setShown} />
      <div role="status" data-testid="score-shown-sites">
        {shown !== null && (
          <div class="score-shown-sites" ref={list} tabIndex={-1}>
            <p>{t('score.shownSites', { count: sites.length })}</p>
            <ul>
              {sites.map((site) => (
                <li key={site.id}>
                  <button type="button" class="link-button" onClick={() => selectSite(site.id)}>
                    {site.name}
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" onClick={() => setShown(null)} data-testid="score-shown-sites-close">
              {t('score.shownSitesClose')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
