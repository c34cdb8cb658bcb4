// Details for one municipality: targets (basis vs trend), homes built, outlook, key projects, older people.

import { useStore } from '@nanostores/preact';
import {
  $appData,
  $inconsistenciesBySubject,
  $keyProjectsByMunicipality,
  $municipalitiesByCode,
  $olderPeopleByMunicipality,
  inconsistenciesAbout,
} from '../stores/appData';
import { selectArea, selectKeyProject } from '../stores/selection';
import { sumOfPrinted } from '../domain/housing';
import type { MunicipalityCode } from '../domain/geography';
import { InconsistencyNote } from './InconsistencyNote';
import { KeyProjectSymbol } from './KeyProjectSymbol';
import { MunicipalityFacilities } from './MunicipalityFacilities';
import { SourceReference } from './SourceReference';
import { TargetsTable } from './TargetsTable';
import { useFormatNumber, useTranslate } from './useTranslate';

export function MunicipalityPanel({ code }: { code: MunicipalityCode }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const data = useStore($appData);
  const municipality = useStore($municipalitiesByCode).get(code);
  const projects = useStore($keyProjectsByMunicipality).get(code) ?? [];
  const inconsistencies = useStore($inconsistenciesBySubject);
  const olderPeople = useStore($olderPeopleByMunicipality).get(code);
  if (!municipality) return null;
  const target = data.targets?.find((candidate) => candidate.municipalityCode === code);
  const regionTarget = data.regionTargets?.find((candidate) => candidate.region === municipality.region);
  const homesBuilt = data.homesBuilt?.find((figure) => figure.municipalityCode === code);
  const outlook = data.outlook?.find((figure) => figure.municipalityCode === code);
  const keyProjects = projects.filter((project) => project.countsAsKeyProject);
  const showNumber = (value: number | null | undefined) => (value === null || value === undefined ? t('value.none') : formatNumber(value));
  const columnSum = (pick: (project: (typeof projects)[number]) => number | null) => sumOfPrinted(projects.map(pick));

  return (
    <article class="panel" aria-labelledby="panel-title" data-testid="municipality-panel">
      <h2 id="panel-title" tabIndex={-1}>
        {municipality.name}
      </h2>
      <dl class="facts">
        <dt>{t('municipality.region')}</dt>
        <dd>
          <button type="button" class="link-button" data-testid="open-region" onClick={() => selectArea(municipality.region)}>
            {t(`region.${municipality.region}`)}
          </button>
        </dd>
        <dt>{t('municipality.inhabitants')}</dt>
        <dd>
          {showNumber(municipality.inhabitants)}
          <SourceReference ids={[municipality.inhabitantsSource]} />
        </dd>
      </dl>

      <section aria-labelledby="targets-title">
        <h3 id="targets-title">{t('municipality.targetsTitle')}</h3>
        {target ? (
          <>
            <TargetsTable caption={t('municipality.targetsCaption', { name: municipality.name })} basis={target.basis} trend={target.trend} />
            <InconsistencyNote inconsistencies={inconsistenciesAbout(inconsistencies, `targets:${code}`)} />
            <SourceReference ids={[target.source]} />
          </>
        ) : (
          <>
            <p>{t('municipality.twenteNoTargets')}</p>
            {regionTarget && (
              <>
                <TargetsTable
                  caption={t('region.twente')}
                  basis={regionTarget.basis}
                  trend={regionTarget.trend}
                  printedTotals={{ basis: regionTarget.basisTotal, trend: regionTarget.trendTotal }}
                />
                <SourceReference ids={[regionTarget.source]} />
              </>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="built-title">
        <h3 id="built-title">{t('municipality.homesBuiltTitle')}</h3>
        {homesBuilt ? (
          <>
            <p class="big-figure">{showNumber(homesBuilt.homes)}</p>
            <p class="note">
              {t('municipality.regionTotalElsewhere')}{' '}
              <button type="button" class="link-button" onClick={() => selectArea(municipality.region)}>
                {t(`region.${municipality.region}`)}
              </button>
            </p>
            <SourceReference ids={[homesBuilt.source]} />
          </>
        ) : (
          <p>{t('municipality.westOnly')}</p>
        )}
      </section>

      <section aria-labelledby="key-projects-title">
        <h3 id="key-projects-title">{t('municipality.keyProjectsTitle', { count: keyProjects.length })}</h3>
        {projects.length === 0 ? (
          <p>{t('municipality.noKeyProjects')}</p>
        ) : (
          <>
            <table class="figures projects" data-testid="key-projects-table">
              <caption class="visually-hidden">{t('municipality.keyProjectsCaption', { name: municipality.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('municipality.projectColumn')}</th>
                  <th scope="col">{t('municipality.homesWoondeal2022')}</th>
                  <th scope="col">{t('municipality.homes2024To2030')}</th>
                  <th scope="col">{t('municipality.homesAfter2030')}</th>
                </tr>
              </thead>
              <tbody>
                {projects.map((project) => (
                  <tr key={project.id}>
                    <th scope="row" class="project-name-cell">
                      <KeyProjectSymbol project={project} />
                      <button type="button" class="link-button" onClick={() => selectKeyProject(project.id)}>
                        {project.name}
                      </button>
                    </th>
                    <td>{showNumber(project.homesWoondeal2022)}</td>
                    <td>{showNumber(project.homes2024To2030)}</td>
                    <td>{showNumber(project.homesAfter2030)}</td>
                  </tr>
                ))}
                <tr class="total-row">
                  <th scope="row">{t('municipality.computedTotal')}</th>
                  <td data-column="homesWoondeal2022">{showNumber(columnSum((project) => project.homesWoondeal2022))}</td>
                  <td data-column="homes2024To2030">{showNumber(columnSum((project) => project.homes2024To2030))}</td>
                  <td data-column="homesAfter2030">{showNumber(columnSum((project) => project.homesAfter2030))}</td>
                </tr>
              </tbody>
            </table>
            <InconsistencyNote inconsistencies={inconsistenciesAbout(inconsistencies, `keyProjectTotal:${code}`)} />
            <SourceReference ids={[...new Set(projects.map((project) => project.source))]} />
          </>
        )}
      </section>

      <section aria-labelledby="outlook-title">
        <h3 id="outlook-title">{t('municipality.outlookTitle')}</h3>
        {outlook ? (
          <>
            <p class="big-figure">{showNumber(outlook.homes)}</p>
            <SourceReference ids={[outlook.source]} />
          </>
        ) : (
          <p>{t('municipality.westOnly')}</p>
        )}
      </section>

      <MunicipalityFacilities code={code} name={municipality.name} />

      {olderPeople && data.olderPeopleSource && (
        <section aria-labelledby="older-title">
          <h3 id="older-title">{t('municipality.olderPeopleTitle')}</h3>
          <dl class="facts">
            <dt>{t('municipality.age65')}</dt>
            <dd>{formatNumber(olderPeople.inhabitants65Plus)}</dd>
            <dt>{t('municipality.age75')}</dt>
            <dd>{formatNumber(olderPeople.inhabitants75Plus)}</dd>
            <dt>{t('municipality.age85')}</dt>
            <dd>{formatNumber(olderPeople.inhabitants85Plus)}</dd>
          </dl>
          <p class="note">{t('municipality.olderPeopleNote')}</p>
          <SourceReference ids={[data.olderPeopleSource]} />
        </section>
      )}
    </article>
  );
}
