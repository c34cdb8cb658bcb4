import { describe, expect, it } from 'vitest';
import { POLICY_CHOICE_SOURCE, WOONZORGZONE_PROFILE } from '../../../src/domain/norms';
import {
  activeZoneDefinition,
  defaultZoneDefinition,
  defaultZoneDefinitionSet,
  MAX_ZONE_DISTANCE_METERS,
  MIN_ZONE_DISTANCE_METERS,
  requiredAmenities,
  validateZoneDefinition,
  validateZoneDefinitionSet,
  validateZoneDistance,
  withRequirement,
  withZoneDistance,
  zoneCategoryDistances,
} from '../../../src/domain/serviceZones';

describe('zone definition', () => {
  it('takes its default distances and sources from the woonzorgzone walking norms (one owner)', () => {
    const definition = defaultZoneDefinition();
    const norms = WOONZORGZONE_PROFILE.norms.zorggeschikt;
    expect(definition.care).toEqual({ maxDistanceMeters: norms.find((norm) => norm.category === 'zorg24uur')!.maxDistanceMeters, source: norms.find((norm) => norm.category === 'zorg24uur')!.source, isPolicyChoice: true });
    for (const requirement of definition.requirements) {
      const norm = norms.find((item) => item.category === requirement.category)!;
      expect(requirement.maxDistanceMeters).toBe(norm.maxDistanceMeters);
      expect(requirement.source).toBe(norm.source);
    }
    expect(requiredAmenities(definition).map((item) => item.category)).toEqual(['supermarkt', 'huisarts', 'ontmoetingsplek', 'ovHalte']);
    expect(zoneCategoryDistances(definition)[0]).toEqual({ category: 'zorg24uur', maxDistanceMeters: 500 });
  });

  it('refuses distances out of range and not numbers, naming the field', () => {
    expect(validateZoneDistance(MIN_ZONE_DISTANCE_METERS, 'supermarkt')).toEqual([]);
    expect(validateZoneDistance(MAX_ZONE_DISTANCE_METERS, 'supermarkt')).toEqual([]);
    expect(validateZoneDistance(MIN_ZONE_DISTANCE_METERS - 1, 'supermarkt')[0]).toMatchObject({ code: 'zones.distanceOutOfRange', record: 'supermarkt' });
    expect(validateZoneDistance(MAX_ZONE_DISTANCE_METERS + 1, 'zorg24uur')[0]).toMatchObject({ code: 'zones.distanceOutOfRange', record: 'zorg24uur' });
    expect(validateZoneDistance(Number.NaN, 'ovHalte')[0]).toMatchObject({ code: 'zones.distanceNotANumber', record: 'ovHalte' });
    expect(validateZoneDefinition(withZoneDistance(defaultZoneDefinition(), 'ovHalte', -5)).map((issue) => issue.record)).toEqual(['ovHalte']);
  });

  it('marks a changed distance as the planner’s own choice and can switch a category off', () => {
    const changed = withRequirement(withZoneDistance(defaultZoneDefinition(), 'huisarts', 700), 'ovHalte', false);
    const huisarts = changed.requirements.find((item) => item.category === 'huisarts')!;
    expect(huisarts).toMatchObject({ maxDistanceMeters: 700, source: POLICY_CHOICE_SOURCE, isPolicyChoice: true });
    expect(requiredAmenities(changed).map((item) => item.category)).not.toContain('ovHalte');
  });

  it('keeps several definitions with one active, and refuses a set without a valid active one', () => {
    const set = defaultZoneDefinitionSet();
    const wide = { ...withZoneDistance(defaultZoneDefinition('ruim', 'Ruim'), 'zorg24uur', 1000) };
    const both = { definitions: [...set.definitions, wide], activeId: 'ruim' };
    expect(validateZoneDefinitionSet(both)).toEqual([]);
    expect(activeZoneDefinition(both).care.maxDistanceMeters).toBe(1000);
    expect(validateZoneDefinitionSet({ ...both, activeId: 'x' })[0]).toMatchObject({ code: 'zones.noActiveDefinition' });
    expect(validateZoneDefinitionSet({ definitions: [wide, wide], activeId: 'ruim' })[0]).toMatchObject({ code: 'zones.duplicateDefinition' });
  });
});
