// Sidebar section "Bereikbaarheid": norm profile, walking speed, own norms, choosing a location on
// the map, the key-project table and the met-norm labels on the map.

import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { HOUSING_TYPES, type HousingType } from '../domain/housing';
import { metersPerSecondToKilometersPerHour, NORM_PROFILE_IDS, WALKING_SPEED_PRESET_IDS, type NormProfileId, type WalkingSpeedPresetId } from '../domain/norms';
import {
  $normIssues,
  $normProfile,
  $pickingLocation,
  $profileCategories,
  $reachHousingType,
  $showProjectReachLabels,
  $undeclaredCategories,
  $walkingSpeed,
  cancelPickingLocation,
  openProjectTable,
  selectNormProfile,
  selectWalkingSpeedPreset,
  setCustomWalkingSpeed,
  setNormDistance,
  setReachHousingType,
  setShowProjectReachLabels,
  startPickingLocation,
} from '../stores/reachability';
import type { DataIssue } from '../domain/dataIssue';
import { isMessageKey, type MessageKey } from '../i18n/catalogue';
import type { Translate } from '../stores/language';
import { $municipalitiesByCode } from '../stores/appData';
import { $categoryCoverage, $facilityCountsByCategory } from '../stores/facilities';
import { SourceReference } from './SourceReference';
import { useFormatNumber, useTranslate } from './useTranslate';

/** A norm issue in words; its record 'nultreden/supermarkt' becomes 'Supermarkt, Nultreden'. */
function issueText(issue: DataIssue, t: Translate): string {
  if (!isMessageKey(issue.code)) return issue.code;
  const [housingType, category] = String(issue.record ?? '').split('/');
  const record =
    category && isMessageKey(`category.${category}`) && isMessageKey(`housing.${housingType}`)
      ? `${t(`category.${category}` as MessageKey)}, ${t(`housing.${housingType}` as MessageKey)}`
      : t('reachUi.customSpeed');
  return t(issue.code, { record, ...issue.params });
}

function NormEditor() {
  const t = useTranslate();
  const profile = useStore($normProfile);
  return (
    <details class="norm-editor">
      <summary>{t('reachUi.editNorms')}</summary>
      <p class="note">{t('reachUi.editNormsIntro')}</p>
      {HOUSING_TYPES.map((housingType) => (
        <fieldset key={housingType}>
          <legend>{t(`housing.${housingType}`)}</legend>
          {profile.norms[housingType].map((norm) => {
            const id = `norm-${housingType}-${norm.category}`;
            return (
              <div class="norm-row" key={`${norm.category}-${norm.maxDistanceMeters}`}>
                <label for={id}>{t('reachUi.normInputLabel', { category: t(`category.${norm.category}`), housingType: t(`housing.${housingType}`) })}</label>
                <input
                  id={id}
                  type="text"
                  inputMode="numeric"
                  defaultValue={String(norm.maxDistanceMeters)}
                  onChange={(event) => setNormDistance(housingType, norm.category, event.currentTarget.value)}
                />
                {norm.isPolicyChoice && <span class="policy-choice">{t('reachUi.policyChoice')}</span>}
              </div>
            );
          })}
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
  const picking = useStore($pickingLocation);
  const housingType = useStore($reachHousingType);
  const showLabels = useStore($showProjectReachLabels);
  const undeclared = useStore($undeclaredCategories);
  const coverage = useStore($categoryCoverage);
  const counts = useStore($facilityCountsByCategory);
  const profileCategories = useStore($profileCategories);
  const municipalityNames = useStore($municipalitiesByCode);
  const coverageText = (category: (typeof profileCategories)[number]): string => {
    const area = coverage.get(category);
    if (area === 'province') return t('reachUi.coverage.province');
    if (area !== undefined) return t('reachUi.coverage.municipalities', { areas: [...area].map((code) => municipalityNames.get(code)?.name ?? code).join(', ') });
    return counts[category] > 0 ? t('reachUi.coverage.locationsOnly') : t('reachUi.coverage.none');
  };
  const [speedText, setSpeedText] = useState(() => formatNumber(metersPerSecondToKilometersPerHour(speed.metersPerSecond)));

  const otherUndeclared = undeclared.filter((category) => category !== 'ovHalte');
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
          <input id="custom-speed-input" type="text" inputMode="decimal" value={speedText} onInput={(event) => setSpeedText(event.currentTarget.value)} />
          <button type="submit">{t('reachUi.applySpeed')}</button>
        </form>
        <SourceReference ids={[speed.source]} />
      </div>
      <NormEditor />
      {issues.length > 0 && (
        <div class="warning" role="alert" data-testid="norm-issues">
          <ul>
            {issues.map((issue, index) => (
              <li key={index}>{issueText(issue, t)}</li>
            ))}
          </ul>
          <p>{t('reachUi.normRejected')}</p>
        </div>
      )}
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
      {undeclared.includes('ovHalte') && (
        <p class="note" data-testid="reach-stations-only">
          {t('reachUi.stationsOnlyNote')}
        </p>
      )}
      <div class="note reach-coverage" data-testid="reach-coverage-summary">
        <p>{t('reachUi.coverageTitle')}:</p>
        <ul>
          {profileCategories.map((category) => (
            <li key={category} data-category={category}>
              {t(`reachUi.short.${category}`)}: {coverageText(category)}
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
