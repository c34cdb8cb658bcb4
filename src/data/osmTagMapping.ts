// Which facility category an OpenStreetMap object belongs to, decided from its tags by an ordered
// rule table. Used for Overpass results and for imported files that carry OSM tags as properties.
//
// Precedence: the FIRST rule that matches wins. Care comes first because it is the scarcest and
// most decision-relevant category (a nursing home that also hosts a community centre counts as
// care); within public transport, train beats tram beats bus so a station node that also serves
// buses is recognisable as a train station.
//
// | #  | rule id                    | tags (all must hold)                                                        | category        | transitMode |
// |----|----------------------------|-----------------------------------------------------------------------------|-----------------|-------------|
// | 1  | nursing-home               | amenity=nursing_home  OR  social_facility=nursing_home                      | zorg24uur       |             |
// | 2  | assisted-living-senior     | social_facility=assisted_living AND social_facility:for ∋ senior            | woonzorgcentrum |             |
// | 3  | social-facility-senior     | amenity=social_facility AND social_facility:for ∋ senior AND                | woonzorgcentrum |             |
// |    |                            | social_facility ∈ {group_home, housing} or absent                           |                 |             |
// | 4  | general-practitioner       | (amenity=doctors OR healthcare=doctor) AND healthcare:speciality ∋ general  | huisarts        |             |
// | 5  | doctors-named-huisarts     | (amenity=doctors OR healthcare=doctor) AND name contains "huisarts"         | huisarts        |             |
// | 6  | pharmacy                   | amenity=pharmacy  OR  healthcare=pharmacy                                   | apotheek        |             |
// | 7  | supermarket                | shop=supermarket                                                            | supermarkt      |             |
// | 8  | railway-station            | railway=station|halt (not station=subway)                                   | ovHalte         | train       |
// | 9  | platform-train             | public_transport=platform|stop_position|station AND train=yes               | ovHalte         | train       |
// | 10 | railway-tram-stop          | railway=tram_stop                                                           | ovHalte         | tram        |
// | 11 | platform-tram              | public_transport=platform|stop_position AND tram=yes                        | ovHalte         | tram        |
// | 12 | bus-stop                   | highway=bus_stop                                                            | ovHalte         | bus         |
// | 13 | platform-bus               | public_transport=platform|stop_position AND bus=yes                         | ovHalte         | bus         |
// | 14 | community-centre           | amenity=community_centre|social_centre                                      | ontmoetingsplek |             |
// | 15 | other-doctors              | amenity=doctors OR healthcare=doctor (any other speciality or none)         | overig          |             |
// | 16 | other-social-facility      | amenity=social_facility OR social_facility=assisted_living (not for senior) | overig          |             |
// |    | (no rule)                  | anything else, including a public_transport platform without a mode tag     | ignored (null)  |             |
//
// "∋" means the semicolon-separated list contains the value; "senior" also accepts the older
// spelling "elderly". Doctors without a speciality tag go to 'overig' (rule 15) unless their name
// says "huisarts": counting them as GPs would overstate GP coverage, which planners rely on.

import type { FacilityCategory, TransitMode } from '../domain/facility';

export type OsmTags = Readonly<Record<string, string | undefined>>;

export interface OsmCategoryMatch {
  category: FacilityCategory;
  /** Set for category 'ovHalte' only. */
  transitMode?: TransitMode;
  /** Which row of the table decided, for provenance in the attribute panel. */
  ruleId: string;
}

interface OsmTagRule {
  id: string;
  category: FacilityCategory;
  transitMode?: TransitMode;
  matches: (tags: OsmTags) => boolean;
}

function listValues(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(';')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
}

function has(tags: OsmTags, key: string, ...values: string[]): boolean {
  const value = tags[key];
  return value !== undefined && values.includes(value);
}

function listContains(tags: OsmTags, key: string, ...values: string[]): boolean {
  return listValues(tags[key]).some((value) => values.includes(value));
}

const isForSeniors = (tags: OsmTags): boolean => listContains(tags, 'social_facility:for', 'senior', 'elderly');
const isDoctor = (tags: OsmTags): boolean => has(tags, 'amenity', 'doctors') || has(tags, 'healthcare', 'doctor');
const isStopObject = (tags: OsmTags): boolean => has(tags, 'public_transport', 'platform', 'stop_position');

/** Ordered: the first matching rule decides (see the table above). */
export const OSM_TAG_RULES: readonly OsmTagRule[] = [
  {
    id: 'nursing-home',
    category: 'zorg24uur',
    matches: (tags) => has(tags, 'amenity', 'nursing_home') || has(tags, 'social_facility', 'nursing_home'),
  },
  {
    id: 'assisted-living-senior',
    category: 'woonzorgcentrum',
    matches: (tags) => has(tags, 'social_facility', 'assisted_living') && isForSeniors(tags),
  },
  {
    id: 'social-facility-senior',
    category: 'woonzorgcentrum',
    matches: (tags) =>
      has(tags, 'amenity', 'social_facility') &&
      isForSeniors(tags) &&
      (tags['social_facility'] === undefined || has(tags, 'social_facility', 'group_home', 'housing')),
  },
  {
    id: 'general-practitioner',
    category: 'huisarts',
    matches: (tags) => isDoctor(tags) && listContains(tags, 'healthcare:speciality', 'general'),
  },
  {
    id: 'doctors-named-huisarts',
    category: 'huisarts',
    matches: (tags) => isDoctor(tags) && (tags['name'] ?? '').toLowerCase().includes('huisarts'),
  },
  {
    id: 'pharmacy',
    category: 'apotheek',
    matches: (tags) => has(tags, 'amenity', 'pharmacy') || has(tags, 'healthcare', 'pharmacy'),
  },
  { id: 'supermarket', category: 'supermarkt', matches: (tags) => has(tags, 'shop', 'supermarket') },
  {
    id: 'railway-station',
    category: 'ovHalte',
    transitMode: 'train',
    matches: (tags) => has(tags, 'railway', 'station', 'halt') && !has(tags, 'station', 'subway'),
  },
  {
    id: 'platform-train',
    category: 'ovHalte',
    transitMode: 'train',
    matches: (tags) => has(tags, 'public_transport', 'platform', 'stop_position', 'station') && has(tags, 'train', 'yes'),
  },
  { id: 'railway-tram-stop', category: 'ovHalte', transitMode: 'tram', matches: (tags) => has(tags, 'railway', 'tram_stop') },
  {
    id: 'platform-tram',
    category: 'ovHalte',
    transitMode: 'tram',
    matches: (tags) => isStopObject(tags) && has(tags, 'tram', 'yes'),
  },
  { id: 'bus-stop', category: 'ovHalte', transitMode: 'bus', matches: (tags) => has(tags, 'highway', 'bus_stop') },
  {
    id: 'platform-bus',
    category: 'ovHalte',
    transitMode: 'bus',
    matches: (tags) => isStopObject(tags) && has(tags, 'bus', 'yes'),
  },
  {
    id: 'community-centre',
    category: 'ontmoetingsplek',
    matches: (tags) => has(tags, 'amenity', 'community_centre', 'social_centre'),
  },
  { id: 'other-doctors', category: 'overig', matches: isDoctor },
  {
    id: 'other-social-facility',
    category: 'overig',
    matches: (tags) => has(tags, 'amenity', 'social_facility') || has(tags, 'social_facility', 'assisted_living'),
  },
];

/** The category for an OSM object's tags, or null when the object is not a facility we show. */
export function categoriseOsmTags(tags: OsmTags): OsmCategoryMatch | null {
  for (const rule of OSM_TAG_RULES) {
    if (!rule.matches(tags)) continue;
    return rule.transitMode === undefined
      ? { category: rule.category, ruleId: rule.id }
      : { category: rule.category, transitMode: rule.transitMode, ruleId: rule.id };
  }
  return null;
}
