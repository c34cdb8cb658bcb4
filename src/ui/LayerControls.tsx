// Controls for the thematic layer, overlays and the optional online background map.

import { useStore } from '@nanostores/preact';
import { HOUSING_TYPES, TARGET_SCENARIOS } from '../domain/housing';
import { BACKGROUND_MAPS } from '../domain/mapTheme';
import {
  $backgroundChoice,
  $backgroundMap,
  $showBuiltUpAreas,
  $showKeyProjects,
  $thematic,
  chooseBackgroundMap,
  retryBackgroundMap,
  setThematic,
  toggleBuiltUpAreas,
  toggleKeyProjects,
  type AgeGroup,
  type ThematicLayer,
} from '../stores/mapLayers';
import { ReachabilityGridControls } from './ReachabilityGrid';
import { useTranslate } from './useTranslate';

const ageGroupKeys = { '65plus': 'municipality.age65', '75plus': 'municipality.age75', '85plus': 'municipality.age85' } as const;

export function LayerControls() {
  const t = useTranslate();
  const thematic = useStore($thematic);
  const background = useStore($backgroundMap);
  const backgroundChoice = useStore($backgroundChoice);
  const showKeyProjects = useStore($showKeyProjects);
  const showBuiltUpAreas = useStore($showBuiltUpAreas);
  const themes: Array<[ThematicLayer, string]> = [
    ['targets', t('layers.themeTargets')],
    ['olderPeople', t('layers.themeOlderPeople')],
    ['none', t('layers.themeNone')],
  ];
  return (
    <section class="layer-controls" aria-labelledby="layer-controls-title">
      <h2 id="layer-controls-title">{t('layers.title')}</h2>
      <fieldset>
        <legend>{t('layers.themeLegend')}</legend>
        {themes.map(([value, label]) => (
          <label class="option" key={value}>
            <input type="radio" name="theme" value={value} checked={thematic.layer === value} onChange={() => setThematic('layer', value)} />
            {label}
          </label>
        ))}
      </fieldset>
      {thematic.layer === 'targets' && (
        <div class="theme-options">
          <label for="target-scenario-select">{t('layers.targetScenario')}</label>
          <select id="target-scenario-select" value={thematic.targetScenario} onChange={(event) => setThematic('targetScenario', event.currentTarget.value as typeof thematic.targetScenario)}>
            {TARGET_SCENARIOS.map((targetScenario) => (
              <option value={targetScenario} key={targetScenario}>
                {t(`targetScenario.${targetScenario}`)}
              </option>
            ))}
          </select>
          <label for="housing-type-select">{t('layers.housingType')}</label>
          <select
            id="housing-type-select"
            value={thematic.housingType}
            onChange={(event) => setThematic('housingType', event.currentTarget.value as typeof thematic.housingType)}
          >
            {[...HOUSING_TYPES, 'total' as const].map((type) => (
              <option value={type} key={type}>
                {t(`housing.${type}`)}
              </option>
            ))}
          </select>
          <fieldset>
            <legend>{t('layers.measure')}</legend>
            <label class="option">
              <input type="radio" name="target-measure" checked={thematic.targetMeasure === 'absolute'} onChange={() => setThematic('targetMeasure', 'absolute')} />
              {t('layers.absolute')}
            </label>
            <label class="option">
              <input
                type="radio"
                name="target-measure"
                checked={thematic.targetMeasure === 'per1000Inhabitants'}
                onChange={() => setThematic('targetMeasure', 'per1000Inhabitants')}
              />
              {t('layers.per1000')}
            </label>
          </fieldset>
        </div>
      )}
      {thematic.layer === 'olderPeople' && (
        <div class="theme-options">
          <label for="age-group-select">{t('layers.ageGroup')}</label>
          <select id="age-group-select" value={thematic.ageGroup} onChange={(event) => setThematic('ageGroup', event.currentTarget.value as AgeGroup)}>
            {(Object.keys(ageGroupKeys) as AgeGroup[]).map((group) => (
              <option value={group} key={group}>
                {t(ageGroupKeys[group])}
              </option>
            ))}
          </select>
          <fieldset>
            <legend>{t('layers.measure')}</legend>
            <label class="option">
              <input type="radio" name="older-measure" checked={thematic.olderPeopleMeasure === 'share'} onChange={() => setThematic('olderPeopleMeasure', 'share')} />
              {t('layers.share')}
            </label>
            <label class="option">
              <input type="radio" name="older-measure" checked={thematic.olderPeopleMeasure === 'count'} onChange={() => setThematic('olderPeopleMeasure', 'count')} />
              {t('layers.count')}
            </label>
          </fieldset>
        </div>
      )}
      <ReachabilityGridControls />
      <fieldset>
        <legend class="visually-hidden">{t('layers.title')}</legend>
        <label class="option">
          <input type="checkbox" checked={showKeyProjects} onChange={toggleKeyProjects} />
          {t('layers.keyProjects')}
        </label>
        <label class="option">
          <input type="checkbox" checked={showBuiltUpAreas} onChange={toggleBuiltUpAreas} />
          {t('layers.builtUpAreas')}
        </label>
      </fieldset>
      <fieldset class="background-choice">
        <legend>{t('layers.backgroundLegend')}</legend>
        {BACKGROUND_MAPS.map((choice) => (
          <label class="option" key={choice}>
            <input type="radio" name="background-map" value={choice} checked={backgroundChoice === choice} onChange={() => chooseBackgroundMap(choice)} />
            {t(`layers.background.${choice}`)}
          </label>
        ))}
        <div role="status" class="background-status">
          {background === 'loading' && t('layers.backgroundLoading')}
          {background === 'failed' && (
            <p class="warning">
              {t('layers.backgroundFailed')}{' '}
              <button type="button" onClick={retryBackgroundMap}>
                {t('layers.backgroundRetry')}
              </button>
            </p>
          )}
        </div>
      </fieldset>
    </section>
  );
}
