// Details for one key project: figures, status, approximate location and its source.

import { useStore } from '@nanostores/preact';
import { $inconsistenciesBySubject, $municipalitiesByCode, inconsistenciesAbout } from '../stores/appData';
import { $planKeyProjects } from '../stores/planKeyProjects';
import { $activeScenario } from '../stores/scenarios';
import { resetKeyProjectPlacement } from '../stores/scenarioEditing';
import { $keyProjectsAtSameLocation } from '../stores/keyProjectStacks';
import { selectKeyProject, selectMunicipality } from '../stores/selection';
import { analyseKeyProject } from '../stores/analysisPoint';
import { InconsistencyNote } from './InconsistencyNote';
import { KeyProjectSymbol } from './KeyProjectSymbol';
import { SourceReference } from './SourceReference';
import { useFormatNumber, useTranslate } from './useTranslate';

export function KeyProjectPanel({ id }: { id: string }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const projects = useStore($planKeyProjects);
  const scenario = useStore($activeScenario);
  const project = projects?.find((candidate) => candidate.id === id);
  const othersHere = (useStore($keyProjectsAtSameLocation).get(id) ?? []).flatMap((otherId) => projects?.find((candidate) => candidate.id === otherId) ?? []);
  const municipality = useStore($municipalitiesByCode).get(project?.municipalityCode ?? '');
  const inconsistencies = useStore($inconsistenciesBySubject);
  if (!project) return null;
  const showNumber = (value: number | null) => (value === null ? t('value.none') : formatNumber(value));
  return (
    <article class="panel" aria-labelledby="panel-title" data-testid="key-project-panel">
      <p class="panel-kind">{t('project.title')}</p>
      <h2 id="panel-title" tabIndex={-1}>
        <KeyProjectSymbol project={project} /> {project.name}
      </h2>
      <dl class="facts">
        <dt>{t('project.municipality')}</dt>
        <dd>
          <button type="button" class="link-button" onClick={() => selectMunicipality(project.municipalityCode)}>
            {t('project.backToMunicipality', { name: municipality?.name ?? project.municipalityAsPrinted })}
          </button>
        </dd>
        <dt>{t('project.status')}</dt>
        <dd>{t(`status.${project.status}`)}</dd>
        <dt>{t('project.homesWoondeal2022')}</dt>
        <dd>{showNumber(project.homesWoondeal2022)}</dd>
        <dt>{t('project.homes2024To2030')}</dt>
        <dd data-testid="homes-2024-2030">{showNumber(project.homes2024To2030)}</dd>
        <dt>{t('project.homesAfter2030')}</dt>
        <dd>{showNumber(project.homesAfter2030)}</dd>
        <dt>{t('project.countsAsKeyProject')}</dt>
        <dd>{project.countsAsKeyProject ? t('project.yes') : t('project.outlookOnly')}</dd>
      </dl>
      <InconsistencyNote inconsistencies={inconsistenciesAbout(inconsistencies, `keyProject:${project.id}`)} />
      <SourceReference ids={[project.source]} />
      <section aria-labelledby="location-title">
        <h3 id="location-title">{t('project.location')}</h3>
        {project.locationPrecision === 'planner' ? (
          <p data-testid="location-precision">
            {t('project.placedByPlanner', {
              scenario: scenario?.name ?? '',
              published: project.published ? `${t(`precision.${project.published.locationPrecision}`)}, ${project.placedAt}` : project.placedAt,
            })}
          </p>
        ) : (
          <p class="approximate" data-testid="location-precision">
            <span aria-hidden="true">≈ </span>
            {t('project.approximate', { place: project.placedAt, precision: t(`precision.${project.locationPrecision}`) })}
          </p>
        )}
        {scenario && project.locationPrecision !== 'planner' && <p class="note">{t('project.dragHint')}</p>}
        {scenario && project.locationPrecision === 'planner' && (
          <button type="button" onClick={() => resetKeyProjectPlacement(project.id)}>
            {t('project.resetPlacement')}
          </button>
        )}
        {project.placement?.kind === 'place' && project.placement.nameRuleUnmet && (
          <p class="note" data-testid="placement-fallback">
            {t(`project.nameRuleUnmet.${project.placement.nameRuleUnmet}`, { town: project.placement.placeName })}
          </p>
        )}
        {othersHere.length > 0 && (
          <div class="same-location" data-testid="same-location">
            <p>{t('project.sameLocation')}</p>
            <ul>
              {othersHere.map((other) => (
                <li key={other.id}>
                  <button type="button" class="link-button" onClick={() => selectKeyProject(other.id)}>
                    {other.name}
                  </button>
                </li>
              ))}
            </ul>
            <p class="note">{t('project.sameLocationNote')}</p>
          </div>
        )}
        <SourceReference ids={[project.placedSource]} />
        <button type="button" onClick={() => analyseKeyProject(project)}>
          {t('reachUi.analyseThisLocation')}
        </button>
      </section>
    </article>
  );
}
