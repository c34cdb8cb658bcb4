// Sidebar section "Bereikbaarheid": norm profile, walking speed, own norms, choosing a location on
// the map, the key-project table and the met-norm labels on the map.

import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { HOUSING_TYPES, type HousingType } from '../domain/housing';
import { metersPerSecondToKilometersPerHour, NORM_PROFILE_IDS, type CategoryNorm, WALKING_SPEED_PRESET_IDS, type NormProfileId, type WalkingSpeedPresetId } from '../domain/norms';
import { $normIssues, $normProfile, $profileCategories, $reachHousingType, $walkingSpeed, selectNormProfile, selectWalkingSpeedPreset, setCustomWalkingSpeed, setNormDistance, setReachHousingType } from '../stores/norms';
import { $pickingLocation, cancelPickingLocation, startPickingLocation } from '../stores/analysisPoint';
import { $showProjectReachLabels, openProjectTable, setShowProjectReachLabels } from '../stores/projectTable';
import type { DataIssue } from '../domain/dataIssue';
import { isMessageKey, type MessageKey } from '../i18n/catalogue';
import type { Translate } from '../stores/language';
import { $municipalitiesByCode } from '../stores/appData';
import { $categoryCompleteness, $categoryCoverage, $undeclaredCategories } from '../stores/facilities';
import { completenessText } from './completenessText';
import { issueText } from './issueText';
import { NumberField } from './NumberField';
import { DistanceMethodChoice } from './DistanceMethodChoice';
import { SourceReference } from './SourceReference';
import { useFormatNumber, useTranslate } from './useTranslate';

/** A norm issue in words; its record 'nultreden/supermarkt' becomes 'Supermarkt, Nultreden'. */
function normIssueText(issue: DataIssue, t: Translate): string {
  const [housingType, category] = String(issue.record ?? '').split('/');
  const record =
    category && isMessageKey(`category.${category}`) && isMessageKey(`housing.${housingType}`)
      ? `${t(`category.${category}` as MessageKey)}, ${t(`housing.${housingType}` as MessageKey)}`
      : t('reachUi.customSpeed');
  return issueText(issue, t, { record });
}

/** The message under the refused walking speed: why, and which speed stays in force. */
function FieldError({ id, issue, kept }: { id: string; issue: DataIssue; kept: string }) {
  const t = useTranslate();
  return (
    <p id={id} class="field-error" role="alert" data-testid="norm-field-error">
      <span aria-hidden="true">⚠ </span>
      {normIssueText(issue, t)} {kept}
    </p>
  );
}

function NormInput({ housingType, norm, issue }: { housingType: HousingType; norm: CategoryNorm; issue: DataIssue | undefined }) {
  const t = useTranslate();
  return (
    <NumberField
      id={`norm-${housingType}-${norm.category}`}
      class="norm-row"
      label={t('reachUi.normInputLabel', { category: t(`category.${norm.category}`), housingType: t(`housing.${housingType}`) })}
      value={norm.maxDistanceMeters}
      error={issue ? `${normIssueText(issue, t)} ${t('reachUi.normKept', { value: norm.maxDistanceMeters })}` : null}
      errorTestId="norm-field-error"
      onCommit={(text) => setNormDistance(housingType, norm.category, text)}
    >
      {norm.isPolicyChoice && <span class="policy-choice">{t('reachUi.policyChoice')}</span>}
    </NumberField>
  );
}

function NormEditor() {
  const t = useTranslate();
  const profile = useStore($normProfile);
  const issues = useStore($normIssues);
  return (
    <details class="norm-editor">
      <summary>{t('reachUi.editNorms')}</summary>
      <p class="note">{t('reachUi.editNormsIntro')}</p>
      {HOUSING_TYPES.map((housingType) => (
        <fieldset key={housingType}>
          <legend>{t(`housing.${housingType}`)}</legend>
          {profile.norms[housingType].map((norm) => (
            <NormInput
              key={`${norm.category}-${norm.maxDistanceMeters}`}
              housingType={housingType}
              norm={norm}
              issue={issues.find((issue) => issue.record === `${housingType}/${norm.category}`)}
            />
          ))}
        </fieldset>
      ))}
    </details>
  );
}

export function ReachabilitySection() {
  const t = useTranslate();
  const formatNumber = useFormatNumber();
  const profile = useStore($normProfile);
  const speed = useStore($walkingSpeed);
  const issues = useStore($normIssues);
  // distance issues carry 'housingType/category'; a refused own speed carries the speed id
  const speedIssue = issues.find((issue) => !String(issue.record ?? '').includes('/'));
  const picking = useStore($pickingLocation);
  const housingType = useStore($reachHousingType);
  const showLabels = useStore($showProjectReachLabels);
  const undeclared = useStore($undeclaredCategories);
  const completeness = useStore($categoryCompleteness);
  const coverage = useStore($categoryCoverage);
  const profileCategories = useStore($profileCategories);
  const municipalityNames = useStore($municipalitiesByCode);
  const [speedText, setSpeedText] = useState(() => formatNumber(metersPerSecondToKilometersPerHour(speed.metersPerSecond)));
  // The speed in the field follows the language (2,9 ↔ 2.9) and the chosen preset; a refused entry stays as typed.
  useEffect(() => {
    if (!speedIssue) setSpeedText(formatNumber(metersPerSecondToKilometersPerHour(speed.metersPerSecond)));
  }, [formatNumber, speed.metersPerSecond]);

  const stops = completeness.ovHalte;
  const stationsOnly = undeclared.includes('ovHalte') && stops.kind === 'trainStationsOnly';
  const otherUndeclared = undeclared.filter((category) => !(category === 'ovHalte' && stationsOnly));
  const municipalityName = (code: string) => municipalityNames.get(code)?.name ?? code;
  return (
    <section class="reachability-section" aria-labelledby="reachability-title">
      <h2 id="reachability-title">{t('reachUi.title')}</h2>
      <p class="note">{t('reachUi.intro')}</p>
      <div class="theme-options">
        <label for="norm-profile-select">{t('reachUi.profile')}</label>
        <select id="norm-profile-select" value={profile.id} onChange={(event) => selectNormProfile(event.currentTarget.value as NormProfileId)}>
          {NORM_PROFILE_IDS.map((id) => (
            <option value={id} key={id}>
              {t(`norms.profile.${id}`)}
            </option>
          ))}
        </select>
        <label for="walking-speed-select">{t('reachUi.speed')}</label>
        <select
          id="walking-speed-select"
          value={speed.id}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (value === 'custom') setCustomWalkingSpeed(speedText);
            else selectWalkingSpeedPreset(value as WalkingSpeedPresetId);
          }}
        >
          {WALKING_SPEED_PRESET_IDS.map((id) => (
            <option value={id} key={id}>
              {t(`norms.speed.${id}`)}
            </option>
          ))}
          <option value="custom">{t('norms.speed.custom')}</option>
        </select>
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            setCustomWalkingSpeed(speedText);
          }}
        >
          <label for="custom-speed-input">{t('reachUi.customSpeed')}</label>
          <input
            id="custom-speed-input"
            type="text"
            inputMode="decimal"
            value={speedText}
            aria-invalid={speedIssue ? 'true' : undefined}
            aria-describedby={speedIssue ? 'custom-speed-error' : undefined}
            onInput={(event) => setSpeedText(event.currentTarget.value)}
          />
          <button type="submit">{t('reachUi.applySpeed')}</button>
          {speedIssue && (
            <FieldError
              id="custom-speed-error"
              issue={speedIssue}
              kept={t('reachUi.speedKept', { speed: formatNumber(metersPerSecondToKilometersPerHour(speed.metersPerSecond)) })}
            />
          )}
        </form>
        <SourceReference ids={[speed.source]} />
      </div>
      <DistanceMethodChoice />
      <NormEditor />
      <label for="reach-housing-type">{t('reachUi.ringHousingType')}</label>
      <select id="reach-housing-type" value={housingType} onChange={(event) => setReachHousingType(event.currentTarget.value as HousingType)}>
        {HOUSING_TYPES.map((type) => (
          <option value={type} key={type}>
            {t(`housing.${type}`)}
          </option>
        ))}
      </select>
      <div class="button-row">
        {/* one element for both states, so keyboard focus stays on it */}
        <button type="button" onClick={picking ? cancelPickingLocation : startPickingLocation}>
          {picking ? t('reachUi.pickCancel') : t('reachUi.pickButton')}
        </button>
        <button type="button" onClick={openProjectTable}>
          {t('reachUi.tableButton')}
        </button>
      </div>
      <p role="status" class="pick-hint">
        {picking ? t('reachUi.pickHint') : ''}
      </p>
      <label class="option">
        <input type="checkbox" checked={showLabels} onChange={(event) => setShowProjectReachLabels(event.currentTarget.checked)} />
        {t('reachUi.mapLabels')}
      </label>
      {coverage.size === 0 && (
        <p class="note" data-testid="reach-no-facilities">
          {t('reachUi.noFacilitiesNote')}
        </p>
      )}
      {stationsOnly && (
        <p class="note" data-testid="reach-stations-only">
          {t('reachUi.stationsCountNote', { stations: completenessText(stops, t, formatNumber, municipalityName, 'province') })}
        </p>
      )}
      <div class="note reach-coverage" data-testid="reach-coverage-summary">
        <p>{t('reachUi.coverageTitle')}:</p>
        <ul>
          {profileCategories.map((category) => (
            <li key={category} data-category={category}>
              {t(`reachUi.short.${category}`)}: {completenessText(completeness[category], t, formatNumber, municipalityName, 'province')}
            </li>
          ))}
        </ul>
      </div>
      {otherUndeclared.length > 0 && (
        <p class="note">
          {t('reachUi.undeclaredNote', {
            categories: otherUndeclared.map((category) => t(`category.${category}`)).join(', '),
          })}
        </p>
      )}
    </section>
  );
}
