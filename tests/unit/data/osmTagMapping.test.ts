// Tests for the OpenStreetMap tag → facility category table, including its precedence order.
import { describe, expect, it } from 'vitest';
import { categoriseOsmTags } from '../../../src/data/osmTagMapping';

describe('categoriseOsmTags: single categories', () => {
  it.each([
    [{ amenity: 'nursing_home' }, 'zorg24uur'],
    [{ amenity: 'social_facility', social_facility: 'nursing_home' }, 'zorg24uur'],
    [{ amenity: 'social_facility', social_facility: 'assisted_living', 'social_facility:for': 'senior' }, 'woonzorgcentrum'],
    [{ amenity: 'social_facility', 'social_facility:for': 'senior' }, 'woonzorgcentrum'],
    [{ amenity: 'social_facility', social_facility: 'group_home', 'social_facility:for': 'disabled;senior' }, 'woonzorgcentrum'],
    [{ amenity: 'doctors', 'healthcare:speciality': 'general' }, 'huisarts'],
    [{ healthcare: 'doctor', 'healthcare:speciality': 'general;paediatrics' }, 'huisarts'],
    [{ amenity: 'doctors', name: 'Huisartsenpraktijk De Linde' }, 'huisarts'],
    [{ amenity: 'pharmacy' }, 'apotheek'],
    [{ healthcare: 'pharmacy' }, 'apotheek'],
    [{ shop: 'supermarket' }, 'supermarkt'],
    [{ amenity: 'community_centre' }, 'ontmoetingsplek'],
    [{ amenity: 'social_centre' }, 'ontmoetingsplek'],
    [{ amenity: 'doctors', 'healthcare:speciality': 'dermatology' }, 'overig'],
    [{ amenity: 'doctors' }, 'overig'],
    [{ amenity: 'social_facility', social_facility: 'outreach', 'social_facility:for': 'senior' }, 'overig'],
    [{ amenity: 'social_facility', social_facility: 'assisted_living', 'social_facility:for': 'disabled' }, 'overig'],
  ] as const)('%o -> %s', (tags, expected) => {
    expect(categoriseOsmTags(tags)?.category).toBe(expected);
  });

  it('ignores objects that are not facilities', () => {
    expect(categoriseOsmTags({ amenity: 'bench' })).toBeNull();
  });

  it('ignores a public transport platform without a mode tag', () => {
    expect(categoriseOsmTags({ public_transport: 'platform' })).toBeNull();
  });
});

describe('categoriseOsmTags: transit modes', () => {
  it.each([
    [{ railway: 'station' }, 'train'],
    [{ railway: 'halt' }, 'train'],
    [{ public_transport: 'platform', train: 'yes' }, 'train'],
    [{ railway: 'tram_stop' }, 'tram'],
    [{ public_transport: 'stop_position', tram: 'yes' }, 'tram'],
    [{ highway: 'bus_stop' }, 'bus'],
    [{ public_transport: 'platform', bus: 'yes' }, 'bus'],
  ] as const)('%o -> %s', (tags, mode) => {
    const match = categoriseOsmTags(tags);
    expect(match?.category).toBe('ovHalte');
    expect(match?.transitMode).toBe(mode);
  });

  it('sets no transit mode on other categories', () => {
    expect(categoriseOsmTags({ shop: 'supermarket' })).not.toHaveProperty('transitMode');
  });
});

describe('categoriseOsmTags: precedence', () => {
  it('a nursing home for seniors is 24-hour care, not a woonzorgcentrum', () => {
    expect(categoriseOsmTags({ amenity: 'nursing_home', 'social_facility:for': 'senior' })?.category).toBe('zorg24uur');
  });

  it('care beats a community centre on the same object', () => {
    expect(categoriseOsmTags({ amenity: 'community_centre', social_facility: 'nursing_home' })?.category).toBe('zorg24uur');
  });

  it('a pharmacy inside a supermarket object counts as pharmacy', () => {
    expect(categoriseOsmTags({ shop: 'supermarket', healthcare: 'pharmacy' })?.category).toBe('apotheek');
  });

  it('a railway station that also tags bus=yes stays a train station', () => {
    expect(categoriseOsmTags({ railway: 'station', public_transport: 'station', bus: 'yes' })?.transitMode).toBe('train');
  });

  it('a platform served by tram and bus is a tram stop', () => {
    expect(categoriseOsmTags({ public_transport: 'platform', tram: 'yes', bus: 'yes' })?.transitMode).toBe('tram');
  });

  it('reports the deciding rule', () => {
    expect(categoriseOsmTags({ highway: 'bus_stop', public_transport: 'platform', bus: 'yes' })?.ruleId).toBe('bus-stop');
  });
});
