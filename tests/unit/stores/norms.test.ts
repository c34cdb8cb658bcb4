import { beforeEach, describe, expect, it } from 'vitest';
import { RUIM_PROFILE, WOONZORGZONE_PROFILE, DEFAULT_WALKING_SPEED } from '../../../src/domain/norms';
import { $normIssues, $normProfile, $walkingSpeed, selectNormProfile, setCustomWalkingSpeed, setNormDistance } from '../../../src/stores/norms';

describe('norm edits', () => {
  beforeEach(() => {
    selectNormProfile('woonzorgzone');
    $walkingSpeed.set(DEFAULT_WALKING_SPEED);
  });

  it.each(['-5', '0', '60000', 'abc', ''])('rejects %j and keeps the previous norms', (text) => {
    expect(setNormDistance('nultreden', 'supermarkt', text)).toBe(false);
    expect($normProfile.get()).toBe(WOONZORGZONE_PROFILE);
    expect($normIssues.get()).toHaveLength(1);
  });

  it('accepts a valid distance, switches to the custom profile and marks it as own assumption', () => {
    expect(setNormDistance('nultreden', 'supermarkt', '750')).toBe(true);
    const profile = $normProfile.get();
    expect(profile.id).toBe('custom');
    expect(profile.norms.nultreden.find((norm) => norm.category === 'supermarkt')).toMatchObject({ maxDistanceMeters: 750, isPolicyChoice: true });
    expect($normIssues.get()).toEqual([]);
  });

  it('accepts a decimal comma', () => {
    setNormDistance('geclusterd', 'huisarts', '450,5');
    expect($normProfile.get().norms.geclusterd.find((norm) => norm.category === 'huisarts')?.maxDistanceMeters).toBe(450.5);
  });

  it('clears the issues when another named profile is chosen', () => {
    setNormDistance('nultreden', 'supermarkt', '-1');
    selectNormProfile('ruim');
    expect($normIssues.get()).toEqual([]);
    expect($normProfile.get()).toBe(RUIM_PROFILE);
  });

  it('rejects an implausible walking speed and keeps the previous one', () => {
    expect(setCustomWalkingSpeed('40')).toBe(false);
    expect($walkingSpeed.get()).toBe(DEFAULT_WALKING_SPEED);
    expect($normIssues.get()[0]?.code).toBe('norms.speedOutOfRange');
  });

  it('accepts a plausible own walking speed in km/h', () => {
    expect(setCustomWalkingSpeed('3,6')).toBe(true);
    expect($walkingSpeed.get().metersPerSecond).toBeCloseTo(1, 6);
    expect($walkingSpeed.get().id).toBe('custom');
  });
});
