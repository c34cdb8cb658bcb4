// Right-hand panel for the analysis point: verdict per housing type (icon and text), and per facility
// category the nearest facility, its straight-line distance, walking time and the norm with its source.

import { useStore } from '@nanostores/preact';
import { Fragment } from 'preact';
import { HOUSING_TYPES } from '../domain/housing';
import { metersPerSecondToKilometersPerHour, type CategoryNorm } from '../domain/norms';
import { issueText } from './issueText';
import { $appData, $sourcesById } from '../stores/appData';
import { $facilitiesByKey, $undeclaredCategories } from '../stores/facilities';
import { $analysisPoint, $locationResult, clearAnalysisPoint } from '../stores/analysisPoint';
import { $normProfile, $profileCategories, $reachHousingType, $walkingSpeed, setReachHousingType } from '../stores/norms';
import { selectKeyProject } from '../stores/selection';
import { FacilitySymbolBadge } from './FacilityLayersPanel';
import { SourceReference } from './SourceReference';
import { VerdictText } from './VerdictText';
import { distancePairText, MethodNote, WalkAreaStatus } from './DistancePair';
import { $walkAreas } from '../stores/walkDetour';
import { useFormatNumber, useTranslate } from './useTranslate';

export function ReachabilityPanel() {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const point = useStore($analysisPoint);
  const state = useStore($locationResult);
  const profile = useStore($normProfile);
  const categories = useStore($profileCategories);
  const housingType = useStore($reachHousingType);
  const speed = useStore($walkingSpeed);
  const facilitiesByKey = useStore($facilitiesByKey);
  const keyProjects = useStore($appData).keyProjects ?? [];
  const sourcesById = useStore($sourcesById);
  const undeclared = useStore($undeclaredCategories);
  const walkAreas = useStore($walkAreas);
  if (!point) return null;
  const { origin } = point;
  const title =
    origin.kind === 'keyProject' ? origin.name : origin.kind === 'facility' ? origin.name || t('reachUi.unnamedFacility') : t('reachUi.pointOnMap');
  const normFor = (category: string): CategoryNorm | undefined => profile.norms[housingType].find((norm) => norm.category === category);
  const sourceIds = [...new Set(HOUSING_TYPES.flatMap((type) => profile.norms[type].map((norm) => norm.source)))];
  const result = state.status === 'ready' ? state.result : null;
  return (
    <article class="panel reachability-panel" aria-labelledby="panel-title" data-testid="reachability-panel" data-lon={point.location[0]} data-lat={point.location[1]}>
      <p class="panel-kind">{t('reachUi.panelKind')}</p>
      <h2 id="panel-title" tabIndex={-1}>
        {title}
      </h2>
      <p class="note">
        {t('reachUi.coordinates', { lat: point.location[1].toFixed(5), lon: point.location[0].toFixed(5) })} · {t(`norms.profile.${profile.id}`)}
      </p>
      {origin.kind === 'keyProject' &&
        (origin.precision === 'planner' ? (
          <p class="note" data-testid="reach-approximate">
            {t('reachUi.plannerPlaced')}
          </p>
        ) : (
          <p class="approximate" data-testid="reach-approximate">
            <span aria-hidden="true">≈ </span>
            {t('reachUi.approximate', { precision: t(`precision.${origin.precision}`), place: origin.placedAt })}
          </p>
        ))}
      {result?.outsideProvince && (
        <p class="warning" data-testid="reach-outside">
          {t('reach.outsideProvince')}
        </p>
      )}
      {result && (
        <p class="note" data-testid="reach-method" data-method={result.method}>
          {t(result.method === 'overStraat' ? 'reachUi.methodStreet' : 'reachUi.method', { speed: formatNumber(metersPerSecondToKilometersPerHour(result.walkingSpeedMetersPerSecond)) })}
        </p>
      )}
      {result && <MethodNote result={result} t={t} formatNumber={formatNumber} />}
      <div role="status">
        <WalkAreaStatus state={walkAreas} t={t} formatNumber={formatNumber} />
      </div>
      {result && categories.some((category) => !result.categories[category].complete) && (
        <p class="note" data-testid="reach-incomplete-here">
          {t('reachUi.incompleteHere', {
            categories: categories
              .filter((category) => !result.categories[category].complete)
              .map((category) => t(`reachUi.short.${category}`))
              .join(', '),
          })}
        </p>
      )}
      <div role="status" aria-live="polite">
        {state.status === 'pending' && <p>{t('reachUi.pending')}</p>}
        {state.status === 'failed' && (
          <div class="warning">
            {t('reachUi.failed')}{' '}
            {state.issues.map((issue) => issueText(issue, t)).join(' ')}
          </div>
        )}
      </div>
      {result && (
        <>
          <h3>{t('reachUi.verdictsTitle')}</h3>
          <ul class="verdict-list" data-testid="reach-verdicts">
            {HOUSING_TYPES.map((type) => {
              const verdict = result.housingTypes[type];
              return (
                <li key={type} data-housing-type={type}>
                  <strong>{t(`housing.${type}`)}</strong>: <VerdictText verdict={verdict.verdict} />{' '}
                  <span class="note">({t('reachUi.metCount', { met: verdict.metCount, required: verdict.requiredCount })})</span>
                </li>
              );
            })}
          </ul>
          <h3>{t('reachUi.categoriesTitle')}</h3>
          <label for="panel-housing-type">{t('reachUi.ringHousingType')}</label>
          <select id="panel-housing-type" value={housingType} onChange={(event) => setReachHousingType(event.currentTarget.value as typeof housingType)}>
            {HOUSING_TYPES.map((type) => (
              <option value={type} key={type}>
                {t(`housing.${type}`)}
              </option>
            ))}
          </select>
          {result.housingTypes[housingType].norms.some((norm) => norm.verdict === 'noData') && (
            <p class="note" data-testid="reach-no-data-note">
              {t('reachUi.noDataExplained')}
              {undeclared.includes('ovHalte') && categories.includes('ovHalte') && <> {t('reachUi.stationsOnlyNote')}</>}
            </p>
          )}
          <table class="figures reach-categories" data-testid="reach-categories">
            <caption class="visually-hidden">{t('reachUi.categoriesCaption', { housingType: t(`housing.${housingType}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reachUi.column.category')}</th>
                <th scope="col">{t('reachUi.column.distanceAndTime')}</th>
                <th scope="col">{t('reachUi.column.norm', { housingType: t(`housing.${housingType}`) })}</th>
              </tr>
            </thead>
            <tbody>
              {categories.map((category) => {
                const reach = result.categories[category];
                const norm = normFor(category);
                const verdict = result.housingTypes[housingType].norms.find((item) => item.category === category);
                const facility = reach.status === 'found' ? facilitiesByKey.get(reach.facilityId) : undefined;
                const pair = distancePairText(result, category, t, formatNumber);
                return (
                  <Fragment key={category}>
                  <tr data-category={category}>
                    <th scope="row">
                      <span class="category-cell">
                        <FacilitySymbolBadge symbolKey={category} /> {t(`reachUi.short.${category}`)}
                      </span>
                      {reach.status === 'found' && <span class="nearest-name">{facility?.name || t('reachUi.unnamedFacility')}</span>}
                    </th>
                    <td>
                      <span data-testid="reach-distance">
                        {reach.status === 'found'
                          ? t(reach.complete ? 'reachUi.distanceMeters' : 'reachUi.distanceAtMost', { meters: formatNumber(Math.round(reach.distanceMeters)) })
                          : reach.complete
                            ? t('reachUi.noneInData')
                            : t('reachUi.verdict.noData')}
                      </span>
                      {reach.status === 'found' && (
                        <span class="walking-time">{t('reachUi.walkingMinutes', { minutes: formatNumber(Math.ceil(reach.walkingMinutes)) })}</span>
                      )}
                      {reach.status === 'found' && !reach.complete && <span class="nearest-known note">{t('reachUi.nearestKnown')}</span>}
                    </td>
                    <td>
                      {norm ? (
                        <>
                          {t('reachUi.normWithin', { meters: formatNumber(norm.maxDistanceMeters) })}
                          <span class="norm-source">{t('reachUi.normSource', { publisher: sourcesById.get(norm.source)?.publisher ?? norm.source })}</span>
                          {verdict && (
                            <>
                              <br />
                              <VerdictText verdict={verdict.verdict} />
                            </>
                          )}
                          {norm.isPolicyChoice && (
                            <>
                              <br />
                              <em class="policy-choice" title={t('norms.policyChoice')}>
                                {t('reachUi.policyChoice')}
                              </em>
                            </>
                          )}
                        </>
                      ) : (
                        t('reachUi.normNotRequired')
                      )}
                    </td>
                  </tr>
                  {pair !== null && (
                    // Both distances on a line of their own under the category: too long for a narrow column.
                    <tr class="distance-pair-row" data-pair-of={category}>
                      <td colSpan={3} class="distance-pair-cell note">
                        <span class="visually-hidden">{t(`reachUi.short.${category}`)}: </span>
                        <span data-testid="reach-distance-pair">{pair}</span>
                      </td>
                    </tr>
                  )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
          <h3>{t('reachUi.normSourcesTitle')}</h3>
          <SourceReference ids={[...sourceIds, speed.source]} />
        </>
      )}
      <div class="button-row">
        {origin.kind === 'keyProject' && keyProjects.some((project) => project.id === origin.id) && (
          <button type="button" class="link-button" onClick={() => selectKeyProject(origin.id)}>
            {t('reachUi.backToProject', { name: origin.name })}
          </button>
        )}
        <button type="button" onClick={clearAnalysisPoint}>
          {t('reachUi.clear')}
        </button>
      </div>
    </article>
  );
}
