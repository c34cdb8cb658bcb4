// The norms in force for the reachability analysis: the norm profile (distances per housing type
// and category) and the walking speed, with the problems of the last refused edit.

import type { DistanceMethodId } from '../analysis/distanceMethod';
import { atom, batch, computed } from 'nanostores';
import type { DataIssue } from '../domain/dataIssue';
import type { FacilityCategory } from '../domain/facility';
import { HOUSING_TYPES, type HousingType } from '../domain/housing';
import {
  categoriesInProfile,
  customWalkingSpeed,
  DEFAULT_WALKING_SPEED,
  NAMED_NORM_PROFILES,
  validateDistanceMeters,
  validateWalkingSpeed,
  WALKING_SPEED_PRESETS,
  withCategoryNorm,
  WOONZORGZONE_PROFILE,
  type NormProfile,
  type NormProfileId,
  type WalkingSpeed,
  type WalkingSpeedPresetId,
} from '../domain/norms';

export const $normProfile = atom<NormProfile>(WOONZORGZONE_PROFILE);
export const $walkingSpeed = atom<WalkingSpeed>(DEFAULT_WALKING_SPEED);
/** How distances are measured for the verdicts: hemelsbreed, or over the street where walking routes are loaded. */
export const $distanceMethod = atom<DistanceMethodId>('hemelsbreed');

export function setDistanceMethod(method: DistanceMethodId): void {
  $distanceMethod.set(method);
}
/** Problems with the last edit; the previous valid norms stay in force while this is not empty. */
export const $normIssues = atom<DataIssue[]>([]);

export function selectNormProfile(id: NormProfileId): void {
  batch(() => {
    $normIssues.set([]);
    // 'custom' starts as a copy of what is in force, so switching to it changes nothing yet
    $normProfile.set(id === 'custom' ? { ...$normProfile.get(), id: 'custom', labelKey: 'norms.profile.custom' } : NAMED_NORM_PROFILES[id]);
  });
}

/**
 * Sets one distance (text from an input, metres). An invalid value (not a number, ≤ 0, > 50 km) is
 * rejected with an issue; a valid one switches the profile to 'custom'. Returns whether it was accepted.
 */
export function setNormDistance(housingType: HousingType, category: FacilityCategory, text: string): boolean {
  const value = text.trim() === '' ? NaN : Number(text.replace(',', '.'));
  const issues = validateDistanceMeters(value, `${housingType}/${category}`).map((issue) => ({ ...issue, params: { ...issue.params, value: text } }));
  if (issues.length > 0) {
    $normIssues.set(issues);
    return false;
  }
  batch(() => {
    $normIssues.set([]);
    $normProfile.set(withCategoryNorm($normProfile.get(), housingType, category, value));
  });
  return true;
}

/**
 * Sets every distance of the profile in force to one value (presentation mode's slider), checked like
 * any typed distance; the profile becomes 'custom'. Returns whether it was accepted.
 */
export function setAllNormDistances(meters: number): boolean {
  const issues = validateDistanceMeters(meters, 'all');
  if (issues.length > 0) {
    $normIssues.set(issues);
    return false;
  }
  let profile = $normProfile.get();
  for (const housingType of HOUSING_TYPES) {
    for (const norm of profile.norms[housingType]) profile = withCategoryNorm(profile, housingType, norm.category, meters);
  }
  batch(() => {
    $normIssues.set([]);
    $normProfile.set(profile);
  });
  return true;
}

/** Puts back norms saved earlier (leaving presentation mode restores the norms from before it). */
export function restoreNorms(profile: NormProfile, speed: WalkingSpeed): void {
  batch(() => {
    $normIssues.set([]);
    $normProfile.set(profile);
    $walkingSpeed.set(speed);
  });
}

export function selectWalkingSpeedPreset(id: WalkingSpeedPresetId): void {
  batch(() => {
    $normIssues.set([]);
    $walkingSpeed.set(WALKING_SPEED_PRESETS[id]);
  });
}

/** Own speed in km/h (text from an input); an implausible value is rejected like a bad distance. */
export function setCustomWalkingSpeed(kilometersPerHourText: string): boolean {
  const kilometersPerHour = kilometersPerHourText.trim() === '' ? NaN : Number(kilometersPerHourText.replace(',', '.'));
  const speed = customWalkingSpeed(kilometersPerHour);
  const issues = validateWalkingSpeed(speed).map((issue) => ({ ...issue, params: { ...issue.params, value: kilometersPerHourText } }));
  if (issues.length > 0) {
    $normIssues.set(issues);
    return false;
  }
  batch(() => {
    $normIssues.set([]);
    $walkingSpeed.set(speed);
  });
  return true;
}

/** The housing type whose rings and project labels the map shows. */
export const $reachHousingType = atom<HousingType>('nultreden');
export function setReachHousingType(housingType: HousingType): void {
  $reachHousingType.set(housingType);
}

/** Categories any housing type of the profile in force asks for. */
export const $profileCategories = computed($normProfile, (profile) => categoriesInProfile(profile));
