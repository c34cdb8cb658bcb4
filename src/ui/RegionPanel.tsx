// Details for a region (West-Overijssel, Twente) or the whole province: the figures the sources give for
// the region as a whole, each with its source, and where the source contradicts itself about them.

import { useStore } from '@nanostores/preact';
import type { ComponentChildren } from 'preact';
import { areaTotals, provinceTarget } from '../analysis/areaTotals';
import { REGION_IDS, type AreaId, type MunicipalityCode, type RegionId } from '../domain/geography';
import { totalHomes, type RegionTarget } from '../domain/housing';
import type { SourceId } from '../domain/source';
import { $appData, $inconsistenciesBySubject, $keyProjectsByMunicipality, $olderPeopleByMunicipality, inconsistenciesAbout } from '../stores/appData';
import { selectArea, selectMunicipality } from '../stores/selection';
import { InconsistencyNote } from './InconsistencyNote';
import { SourceReference } from './SourceReference';
import { TargetsTable } from './TargetsTable';
import { useFormatNumber, useTranslate } from './useTranslate';

function MunicipalityLinks({ codes }: { codes: MunicipalityCode[] }) {
  const municipalities = useStore($appData).municipalities ?? [];
  return (
    <>
      {codes.map((code, index) => (
        <span key={code}>
          {index > 0 && ', '}
          <button type="button" class="link-button" onClick={() => selectMunicipality(code)}>
            {municipalities.find((municipality) => municipality.code === code)?.name ?? code}
          </button>
        </span>
      ))}
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/** The targets of a region as the source prints them. */
function RegionTargets({ target, region }: { target: RegionTarget; region: RegionId }) {
  const t = useTranslate();
  return (
    <>
      <TargetsTable
        caption={t('municipality.targetsCaption', { name: t(`region.${region}`) })}
        basis={target.basis}
        trend={target.trend}
        printedTotals={{ basis: target.basisTotal, trend: target.trendTotal }}
      />
      {region === 'twente' && <p class="note">{t('area.targetsTwenteNote')}</p>}
      <SourceReference ids={[target.source]} />
    </>
  );
}

/** Homes built, key projects and outlook: printed for West-Overijssel only. */
function WoondealFigures({ region }: { region: RegionId }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const data = useStore($appData);
  const inconsistencies = useStore($inconsistenciesBySubject);
  const keyProjects = data.keyProjectRegionFigures;
  if (region !== 'west-overijssel' || keyProjects?.region !== region) {
    return (
      <Section id="area-woondeal-title" title={t('area.woondealTitle')}>
        <p>{t('area.westOnly')}</p>
      </Section>
    );
  }
  const homesBuiltSource = data.homesBuilt?.[0]?.source;
  const outlookSource = data.outlook?.[0]?.source;
  const codesWithTotalMismatch = [...inconsistencies.keys()]
    .filter((subject) => subject.startsWith('keyProjectTotal:'))
    .map((subject) => subject.slice('keyProjectTotal:'.length));
  const outlookUnknown = (data.outlook ?? []).filter((row) => row.homes === null).map((row) => row.municipalityCode);
  return (
    <>
      {data.homesBuiltPrintedTotal !== undefined && homesBuiltSource && (
        <Section id="area-built-title" title={t('municipality.homesBuiltTitle')}>
          <p class="big-figure" data-testid="area-homes-built">{formatNumber(data.homesBuiltPrintedTotal)}</p>
          <InconsistencyNote inconsistencies={inconsistenciesAbout(inconsistencies, `homesBuilt:${region}`)} />
          <SourceReference ids={[homesBuiltSource]} />
        </Section>
      )}
      <Section id="area-key-projects-title" title={t('area.keyProjectsTitle', { count: keyProjects.keyProjects })}>
        <dl class="facts" data-testid="area-key-projects">
          <dt>{t('area.keyProjectsHomes2022')}</dt>
          <dd data-figure="homesWoondeal2022">
            {formatNumber(keyProjects.homesWoondeal2022)}
            {keyProjects.homesWoondeal2022Footnote !== null && (
              <p class="note">{t('area.footnote2022', { footnote: formatNumber(keyProjects.homesWoondeal2022Footnote) })}</p>
            )}
          </dd>
          <dt>{t('area.keyProjectsHomes2024To2030')}</dt>
          <dd data-figure="homes2024To2030">{formatNumber(keyProjects.homes2024To2030)}</dd>
          <dt>{t('area.keyProjectsHomesAfter2030')}</dt>
          <dd data-figure="homesAfter2030">{formatNumber(keyProjects.homesAfter2030)}</dd>
        </dl>
        <InconsistencyNote
          inconsistencies={[
            ...inconsistenciesAbout(inconsistencies, `keyProjectRegionTotal2022:${region}`),
            ...inconsistenciesAbout(inconsistencies, `keyProjectRegionTotal:${region}`),
          ]}
        />
        {codesWithTotalMismatch.length > 0 && (
          <p class="note">
            {t('area.differenceIn')} <MunicipalityLinks codes={codesWithTotalMismatch} />
          </p>
        )}
        <SourceReference ids={[keyProjects.source, keyProjects.keyProjectsSource]} />
      </Section>
      {data.outlookPrintedTotal !== undefined && outlookSource && (
        <Section id="area-outlook-title" title={t('municipality.outlookTitle')}>
          <p class="big-figure" data-testid="area-outlook">{formatNumber(data.outlookPrintedTotal)}</p>
          {outlookUnknown.length > 0 && (
            <p class="note">
              {t('area.unknownFor')} <MunicipalityLinks codes={outlookUnknown} />
            </p>
          )}
          <InconsistencyNote inconsistencies={inconsistenciesAbout(inconsistencies, `outlook:${region}`)} />
          <SourceReference ids={[outlookSource]} />
        </Section>
      )}
    </>
  );
}

/** One row per municipality of the region: targets, homes built and key projects where the sources give them. */
function PerMunicipality({ region, name }: { region: RegionId; name: string }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const data = useStore($appData);
  const older = useStore($olderPeopleByMunicipality);
  const projectsByCode = useStore($keyProjectsByMunicipality);
  const { municipalities } = areaTotals(region, data.municipalities ?? [], older);
  const show = (value: number | null | undefined) => (value === null || value === undefined ? t('value.none') : formatNumber(value));
  const west = region === 'west-overijssel';
  const sources = new Set<SourceId>();
  if (west) {
    for (const id of [data.targets?.[0]?.source, data.homesBuilt?.[0]?.source, data.keyProjectRegionFigures?.keyProjectsSource]) if (id) sources.add(id);
  } else if (municipalities[0]) {
    sources.add(municipalities[0].inhabitantsSource);
  }
  return (
    <Section id="area-municipalities-title" title={t('area.perMunicipalityTitle')}>
      <table class="figures area-municipalities" data-testid="area-municipalities">
        <caption class="visually-hidden">{t('area.perMunicipalityCaption', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('area.column.municipality')}</th>
            {west ? (
              <>
                <th scope="col">{t('area.column.targetBasis')}</th>
                <th scope="col">{t('area.column.targetTrend')}</th>
                <th scope="col">{t('area.column.homesBuilt')}</th>
                <th scope="col">{t('area.column.keyProjects')}</th>
              </>
            ) : (
              <th scope="col">{t('area.column.inhabitants')}</th>
            )}
          </tr>
        </thead>
        <tbody>
          {municipalities.map((municipality) => {
            const target = data.targets?.find((candidate) => candidate.municipalityCode === municipality.code);
            const built = data.homesBuilt?.find((row) => row.municipalityCode === municipality.code);
            const keyProjectCount = (projectsByCode.get(municipality.code) ?? []).filter((project) => project.countsAsKeyProject).length;
            return (
              <tr key={municipality.code}>
                <th scope="row">
                  <button type="button" class="link-button" onClick={() => selectMunicipality(municipality.code)}>
                    {municipality.name}
                  </button>
                </th>
                {west ? (
                  <>
                    <td>{show(target && totalHomes(target.basis))}</td>
                    <td>{show(target && totalHomes(target.trend))}</td>
                    <td>{show(built?.homes)}</td>
                    <td>{formatNumber(keyProjectCount)}</td>
                  </>
                ) : (
                  <td>{show(municipality.inhabitants)}</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {west && <p class="note">{t('area.perMunicipalityNote')}</p>}
      <SourceReference ids={[...sources]} />
    </Section>
  );
}

/** The province: its two regions side by side and their sum. */
function ProvinceTargets() {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const data = useStore($appData);
  const regionTargets = data.regionTargets ?? [];
  const sum = provinceTarget(regionTargets);
  return (
    <Section id="area-targets-title" title={t('municipality.targetsTitle')}>
      <table class="figures" data-testid="area-regions">
        <caption class="visually-hidden">{t('area.perRegionCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('area.column.region')}</th>
            <th scope="col">{t('targetScenario.basis')}</th>
            <th scope="col">{t('targetScenario.trend')}</th>
          </tr>
        </thead>
        <tbody>
          {REGION_IDS.map((region) => {
            const target = regionTargets.find((candidate) => candidate.region === region);
            return (
              <tr key={region} data-region={region}>
                <th scope="row">
                  <button type="button" class="link-button" onClick={() => selectArea(region)}>
                    {t(`region.${region}`)}
                  </button>
                </th>
                <td>{target ? formatNumber(target.basisTotal ?? totalHomes(target.basis)) : t('value.none')}</td>
                <td>{target ? formatNumber(target.trendTotal ?? totalHomes(target.trend)) : t('value.none')}</td>
              </tr>
            );
          })}
          <tr class="total-row" data-region="overijssel">
            <th scope="row">{t('area.provinceSumRow')}</th>
            <td>{sum ? formatNumber(totalHomes(sum.basis)) : t('value.none')}</td>
            <td>{sum ? formatNumber(totalHomes(sum.trend)) : t('value.none')}</td>
          </tr>
        </tbody>
      </table>
      <p class="note">{t('area.provinceTargetNote')}</p>
      <SourceReference ids={regionTargets.map((target) => target.source)} />
    </Section>
  );
}

export function RegionPanel({ area }: { area: AreaId }) {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const data = useStore($appData);
  const older = useStore($olderPeopleByMunicipality);
  const totals = areaTotals(area, data.municipalities ?? [], older);
  const name = area === 'overijssel' ? t('area.overijssel') : t(`region.${area}`);
  const regionTarget = area === 'overijssel' ? undefined : data.regionTargets?.find((target) => target.region === area);
  const inhabitantsSource = totals.municipalities[0]?.inhabitantsSource;
  return (
    <article class="panel" aria-labelledby="panel-title" data-testid="region-panel" data-area={area}>
      <p class="panel-kind">{area === 'overijssel' ? t('area.kindProvince') : t('area.kindRegion')}</p>
      <h2 id="panel-title" tabIndex={-1}>
        {name}
      </h2>
      <dl class="facts">
        <dt>{t('area.municipalities')}</dt>
        <dd>{t('area.municipalityCount', { count: totals.municipalities.length })}</dd>
        <dt>{t('area.inhabitants')}</dt>
        <dd data-testid="area-inhabitants">
          {totals.inhabitants === null ? t('value.none') : formatNumber(totals.inhabitants)}
          {inhabitantsSource && <SourceReference ids={[inhabitantsSource]} />}
        </dd>
        {totals.olderPeople && data.olderPeopleSource && (
          <>
            <dt>{t('area.olderPeople65')}</dt>
            <dd>
              {formatNumber(totals.olderPeople.inhabitants65Plus)}
              <SourceReference ids={[data.olderPeopleSource]} />
            </dd>
          </>
        )}
      </dl>
      {area === 'overijssel' ? (
        <>
          <ProvinceTargets />
          <Section id="area-regions-title" title={t('area.regionsTitle')}>
            <ul class="area-links">
              {REGION_IDS.map((region) => (
                <li key={region}>
                  <button type="button" class="link-button" onClick={() => selectArea(region)}>
                    {t(`region.${region}`)}
                  </button>{' '}
                  ({t('area.municipalityCount', { count: areaTotals(region, data.municipalities ?? [], older).municipalities.length })})
                </li>
              ))}
            </ul>
          </Section>
        </>
      ) : (
        <>
          <Section id="area-targets-title" title={t('municipality.targetsTitle')}>
            {regionTarget ? <RegionTargets target={regionTarget} region={area} /> : <p>{t('value.none')}</p>}
          </Section>
          <WoondealFigures region={area} />
          <PerMunicipality region={area} name={name} />
        </>
      )}
    </article>
  );
}
