import { describe, expect, it } from 'vitest';
import { FACILITY_CATEGORIES } from '../../../src/domain/facility';
import { HOUSING_TYPES } from '../../../src/domain/housing';
import type { WalkingSpeed } from '../../../src/domain/norms';
import {
  categoriesInProfile,
  createCustomProfile,
  customWalkingSpeed,
  metersToWalkingMinutes,
  NAMED_NORM_PROFILES,
  NORM_SOURCES,
  RUIM_PROFILE,
  validateDistanceMeters,
  validateNormProfile,
  validateWalkingSpeed,
  walkingMinutesToMeters,
  WALKING_SPEED_PRESETS,
  withCategoryNorm,
  withoutCategoryNorm,
  WOONZORGZONE_PROFILE,
} from '../../../src/domain/norms';
import { catalogue, isMessageKey } from '../../../src/i18n/catalogue';

const sourceIds = new Set(NORM_SOURCES.map((source) => source.id));

describe('named norm profiles', () => {
  it('are valid', () => {
    for (const profile of Object.values(NAMED_NORM_PROFILES)) expect(validateNormProfile(profile)).toEqual([]);
  });

  it('cite a known source for every value', () => {
    for (const profile of Object.values(NAMED_NORM_PROFILES)) {
      for (const housingType of HOUSING_TYPES) for (const norm of profile.norms[housingType]) expect(sourceIds.has(norm.source)).toBe(true);
    }
  });

  it('mark the 24-hour-care distance as a policy choice (no source gives metres)', () => {
    for (const profile of Object.values(NAMED_NORM_PROFILES)) {
      const care = profile.norms.zorggeschikt.find((norm) => norm.category === 'zorg24uur');
      expect(care?.isPolicyChoice).toBe(true);
    }
  });

  it('use 300 m for public transport in the woonzorgzone profile', () => {
    expect(WOONZORGZONE_PROFILE.norms.nultreden.find((norm) => norm.category === 'ovHalte')?.maxDistanceMeters).toBe(300);
  });

  it('ask more of care-suited homes than of zero-step homes', () => {
    const categories = (housingType: 'nultreden' | 'zorggeschikt') => RUIM_PROFILE.norms[housingType].map((norm) => norm.category);
    expect(categories('zorggeschikt')).toEqual(expect.arrayContaining(categories('nultreden')));
    expect(categories('zorggeschikt').length).toBeGreaterThan(categories('nultreden').length);
  });

  it('have a catalogue label in both languages', () => {
    for (const profile of [...Object.values(NAMED_NORM_PROFILES), createCustomProfile()]) {
      expect(isMessageKey(profile.labelKey)).toBe(true);
    }
  });
});

describe('custom profiles', () => {
  it('mark a changed value as the user’s policy choice', () => {
    const custom = withCategoryNorm(WOONZORGZONE_PROFILE, 'nultreden', 'supermarkt', 650);
    expect(custom.id).toBe('custom');
    expect(custom.norms.nultreden.find((norm) => norm.category === 'supermarkt')).toMatchObject({ maxDistanceMeters: 650, isPolicyChoice: true });
  });

  it('leave the named profile untouched', () => {
    withCategoryNorm(WOONZORGZONE_PROFILE, 'nultreden', 'supermarkt', 650);
    expect(WOONZORGZONE_PROFILE.norms.nultreden.find((norm) => norm.category === 'supermarkt')?.maxDistanceMeters).toBe(500);
  });

  it('can drop a category', () => {
    const custom = withoutCategoryNorm(WOONZORGZONE_PROFILE, 'geclusterd', 'ontmoetingsplek');
    expect(custom.norms.geclusterd.some((norm) => norm.category === 'ontmoetingsplek')).toBe(false);
  });

  it('list the categories any housing type uses', () => {
    expect(categoriesInProfile(WOONZORGZONE_PROFILE)).toEqual(FACILITY_CATEGORIES.filter((category) => !['woonzorgcentrum', 'overig'].includes(category)));
  });
});

describe('distance validation', () => {
  it.each([
    [-100, 'norms.distanceNotPositive'],
    [0, 'norms.distanceNotPositive'],
    [Number.NaN, 'norms.distanceNotFinite'],
    [Number.POSITIVE_INFINITY, 'norms.distanceNotFinite'],
    [50_001, 'norms.distanceTooLarge'],
  ])('rejects %s metres with %s', (value, code) => {
    expect(validateDistanceMeters(value, 'nultreden/supermarkt').map((issue) => issue.code)).toEqual([code]);
  });

  it('accepts 50 km exactly', () => {
    expect(validateDistanceMeters(50_000, 'x')).toEqual([]);
  });

  it('says where a bad value in a profile sits', () => {
    const broken = withCategoryNorm(WOONZORGZONE_PROFILE, 'geclusterd', 'apotheek', 0);
    expect(validateNormProfile(broken)).toEqual([
      expect.objectContaining({ code: 'norms.distanceNotPositive', record: 'geclusterd/apotheek' }),
    ]);
  });
});

describe('walking speed', () => {
  it('converts metres to minutes at the older-pedestrian speed (0.8 m/s)', () => {
    expect(metersToWalkingMinutes(480, WALKING_SPEED_PRESETS.ouder)).toBeCloseTo(10, 10);
  });

  it('converts minutes back to the same metres', () => {
    const speed = WALKING_SPEED_PRESETS.volwassene;
    expect(walkingMinutesToMeters(metersToWalkingMinutes(730, speed), speed)).toBeCloseTo(730, 9);
  });

  it('gives the adult preset as 4.8 km/h', () => {
    expect(WALKING_SPEED_PRESETS.volwassene.metersPerSecond * 3.6).toBeCloseTo(4.8, 10);
  });

  it('accepts every preset', () => {
    for (const speed of Object.values(WALKING_SPEED_PRESETS)) expect(validateWalkingSpeed(speed)).toEqual([]);
  });

  it.each([0, -1, 20, Number.NaN])('rejects %s m/s', (metersPerSecond) => {
    const speed: WalkingSpeed = { ...WALKING_SPEED_PRESETS.ouder, metersPerSecond };
    expect(validateWalkingSpeed(speed).map((issue) => issue.code)).toEqual(['norms.speedOutOfRange']);
  });

  it('marks a typed speed as a policy choice', () => {
    expect(customWalkingSpeed(3.5)).toMatchObject({ id: 'custom', isPolicyChoice: true });
  });
});

describe('catalogue', () => {
  it('has every issue code the norms produce, in Dutch and English', () => {
    const codes = [
      'norms.distanceNotFinite',
      'norms.distanceNotPositive',
      'norms.distanceTooLarge',
      'norms.speedOutOfRange',
      'norms.unknownCategory',
      'norms.duplicateCategory',
      'norms.unknownSource',
    ];
    for (const code of codes) {
      expect(isMessageKey(code)).toBe(true);
      if (isMessageKey(code)) expect(catalogue.en[code].length).toBeGreaterThan(0);
    }
  });
});
