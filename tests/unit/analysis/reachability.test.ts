import { describe, expect, it } from 'vitest';
import { destination } from '@turf/turf';
import type { FacilityCategory } from '../../../src/domain/facility';
import type { NormProfile } from '../../../src/domain/norms';
import { InvalidNormsError, WALKING_SPEED_PRESETS, withCategoryNorm, WOONZORGZONE_PROFILE } from '../../../src/domain/norms';
import { FacilityIndex } from '../../../src/analysis/facilityIndex';
import { analyseLocation, analyseSites, combineVerdicts, isOutsideProvince } from '../../../src/analysis/reachability';
import { packedFacilities, rectangle } from './reachabilityFactories';

const HOME: [number, number] = [6.09, 52.51]; // inside Overijssel's bounding box

function at(metersEast: number, from: [number, number] = HOME): [number, number] {
  return destination(from, metersEast, 90, { units: 'meters' }).geometry.coordinates as [number, number];
}

/** An index with one facility per listed category at the given distance east of HOME. */
function indexWith(distances: Partial<Record<FacilityCategory, number>>): FacilityIndex {
  return new FacilityIndex(
    packedFacilities(
      Object.entries(distances).map(([category, meters]) => ({ id: category, category: category as FacilityCategory, location: at(meters) })),
    ),
  );
}

const SIMPLE_PROFILE: NormProfile = {
  id: 'custom',
  labelKey: 'norms.profile.custom',
  norms: {
    nultreden: [{ category: 'supermarkt', maxDistanceMeters: 500, source: 'norm-rivm-2025-openbare-ruimte', isPolicyChoice: false }],
    geclusterd: [
      { category: 'supermarkt', maxDistanceMeters: 500, source: 'norm-rivm-2025-openbare-ruimte', isPolicyChoice: false },
      { category: 'ontmoetingsplek', maxDistanceMeters: 500, source: 'norm-rivm-2025-openbare-ruimte', isPolicyChoice: false },
    ],
    zorggeschikt: [{ category: 'zorg24uur', maxDistanceMeters: 500, source: 'norm-own-policy-choice', isPolicyChoice: true }],
  },
};
const SPEED = WALKING_SPEED_PRESETS.ouder;

describe('analyseLocation', () => {
  it('meets a norm when the facility is within the distance', () => {
    const result = analyseLocation(HOME, indexWith({ supermarkt: 450 }), SIMPLE_PROFILE, SPEED);
    expect(result.housingTypes.nultreden.verdict).toBe('met');
  });

  it('does not meet a norm when the facility is farther', () => {
    const result = analyseLocation(HOME, indexWith({ supermarkt: 550 }), SIMPLE_PROFILE, SPEED);
    expect(result.housingTypes.nultreden.verdict).toBe('notMet');
  });

  it('reports noData, not "far away", for a category without facilities', () => {
    const result = analyseLocation(HOME, indexWith({ supermarkt: 100 }), SIMPLE_PROFILE, SPEED);
    expect(result.categories.zorg24uur.status).toBe('noData');
    expect(result.housingTypes.zorggeschikt.verdict).toBe('noData');
    expect(result.housingTypes.zorggeschikt.norms[0]!.distanceMeters).toBeNull();
  });

  it('counts met norms per housing type', () => {
    const result = analyseLocation(HOME, indexWith({ supermarkt: 100, ontmoetingsplek: 900 }), SIMPLE_PROFILE, SPEED);
    expect(result.housingTypes.geclusterd.metCount).toBe(1);
    expect(result.housingTypes.geclusterd.requiredCount).toBe(2);
    expect(result.housingTypes.geclusterd.verdict).toBe('notMet');
  });

  it('gives the nearest distance in metres and walking minutes at the chosen speed', () => {
    const result = analyseLocation(HOME, indexWith({ apotheek: 480 }), SIMPLE_PROFILE, SPEED);
    const reach = result.categories.apotheek;
    expect(reach.status).toBe('found');
    if (reach.status !== 'found') return;
    expect(reach.distanceMeters).toBeCloseTo(480, 3);
    expect(reach.walkingMinutes).toBeCloseTo(480 / 0.8 / 60, 6);
    expect(reach.method).toBe('hemelsbreed');
  });

  it('carries each norm’s source and policy-choice flag into the verdict', () => {
    const result = analyseLocation(HOME, indexWith({ zorg24uur: 100 }), SIMPLE_PROFILE, SPEED);
    expect(result.housingTypes.zorggeschikt.norms[0]).toMatchObject({ source: 'norm-own-policy-choice', isPolicyChoice: true });
  });

  it('uses the norms of the profile it is given', () => {
    const stricter = withCategoryNorm(SIMPLE_PROFILE, 'nultreden', 'supermarkt', 300);
    const result = analyseLocation(HOME, indexWith({ supermarkt: 450 }), stricter, SPEED);
    expect(result.housingTypes.nultreden.verdict).toBe('notMet');
  });

  it('rejects an invalid profile with structured issues', () => {
    const broken = withCategoryNorm(WOONZORGZONE_PROFILE, 'nultreden', 'supermarkt', -5);
    expect(() => analyseLocation(HOME, indexWith({ supermarkt: 100 }), broken, SPEED)).toThrow(InvalidNormsError);
  });

  it('rejects an absurd walking speed', () => {
    const tooFast = { ...SPEED, metersPerSecond: 40 };
    try {
      analyseLocation(HOME, indexWith({ supermarkt: 100 }), SIMPLE_PROFILE, tooFast);
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidNormsError).issues.map((issue) => issue.code)).toEqual(['norms.speedOutOfRange']);
    }
  });
});

describe('outside the province', () => {
  const outsideBox: [number, number] = [5.5, 52.5];

  it('flags a point outside the bounding box but still computes distances', () => {
    const result = analyseLocation(outsideBox, indexWith({ supermarkt: 100 }), SIMPLE_PROFILE, SPEED);
    expect(result.outsideProvince).toBe(true);
    expect(result.categories.supermarkt.status).toBe('found');
  });

  it('flags a point inside the bounding box but outside the province outline', () => {
    const province = rectangle(6.0, 52.4, 6.05, 52.45);
    expect(isOutsideProvince(HOME, { province })).toBe(true);
  });

  it('does not flag a point inside the outline', () => {
    const province = rectangle(6.0, 52.4, 6.2, 52.6);
    expect(isOutsideProvince(HOME, { province })).toBe(false);
  });
});

describe('combineVerdicts', () => {
  it('lets notMet win over noData', () => {
    expect(combineVerdicts(['met', 'noData', 'notMet'])).toBe('notMet');
  });

  it('gives noData when nothing fails but something is unknown', () => {
    expect(combineVerdicts(['met', 'noData'])).toBe('noData');
  });
});

describe('analyseSites', () => {
  it('returns one row per site with its own verdicts', () => {
    const index = indexWith({ supermarkt: 100 });
    const rows = analyseSites(
      [
        { id: 'near', name: 'Dichtbij', location: HOME },
        { id: 'far', name: 'Ver weg', location: at(2000) },
      ],
      index,
      SIMPLE_PROFILE,
      SPEED,
    );
    expect(rows.map((row) => [row.siteId, row.reachability.housingTypes.nultreden.verdict])).toEqual([
      ['near', 'met'],
      ['far', 'notMet'],
    ]);
  });
});
