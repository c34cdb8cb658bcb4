// Woonservicegebieden / zorgzame gemeenschappen (regional woonzorgvisies West-Overijssel and Twente):
// areas close to an existing 24-hour care location and to daily amenities. The visions give no
// metres, so every distance here is the planner's choice; the defaults reuse the sourced walking
// norms of the reachability profile 'woonzorgzone' (src/domain/norms.ts, the one owner of those
// numbers) and are labelled "eigen aanname – de visies noemen geen afstand".

import type { DataIssue } from './dataIssue';
import type { FacilityCategory } from './facility';
import { POLICY_CHOICE_SOURCE, WOONZORGZONE_PROFILE, type CategoryNorm } from './norms';
import type { SourceId } from './source';

/** The amenity categories a zone definition can require (24-hour care is always required). */
export const ZONE_AMENITY_CATEGORIES = ['supermarkt', 'huisarts', 'apotheek', 'ontmoetingsplek', 'ovHalte'] as const satisfies readonly FacilityCategory[];
export type ZoneAmenityCategory = (typeof ZONE_AMENITY_CATEGORIES)[number];

/** The care category a zone is built around. */
export const ZONE_CARE_CATEGORY = 'zorg24uur' satisfies FacilityCategory;

/**
 * Smallest and largest zone distance: below 25 m a disc is smaller than the building it stands in;
 * above 3 km the area is no longer a walking neighbourhood (and each care location's disc would
 * gather hundreds of amenities). Our choice, stated in the UI next to the fields.
 */
export const MIN_ZONE_DISTANCE_METERS = 25;
export const MAX_ZONE_DISTANCE_METERS = 3_000;

/** One distance of a definition, with where its default came from. */
export interface ZoneDistance {
  maxDistanceMeters: number;
  /** The norm source of the default value, or the policy-choice source once the planner changed it. */
  source: SourceId;
  /** true when no source gives this metre value (always true for the visions themselves). */
  isPolicyChoice: boolean;
}

export interface ZoneRequirement extends ZoneDistance {
  category: ZoneAmenityCategory;
  required: boolean;
}

/** What makes an area a woonservicegebied: within `care` of a 24-hour care location and within each required amenity's distance. */
export interface ZoneDefinition {
  id: string;
  name: string;
  care: ZoneDistance;
  /** One entry per ZONE_AMENITY_CATEGORIES, in that order. */
  requirements: ZoneRequirement[];
}

/** Several definitions, one active; saved with the draft scenario. */
export interface ZoneDefinitionSet {
  definitions: ZoneDefinition[];
  activeId: string;
}

/** Categories required by default: a shop, a GP (care such as a GP or health centre), a meeting place and public transport. */
const REQUIRED_BY_DEFAULT: ReadonlySet<ZoneAmenityCategory> = new Set(['supermarkt', 'huisarts', 'ontmoetingsplek', 'ovHalte']);

/** The walking norm of a category in the 'woonzorgzone' profile (its zorggeschikt list names every category). */
function normOf(category: FacilityCategory): CategoryNorm {
  const found = WOONZORGZONE_PROFILE.norms.zorggeschikt.find((item) => item.category === category);
  if (!found) throw new Error(`woonzorgzone profile has no norm for ${category}`);
  return found;
}

function distanceFromNorm(norm: CategoryNorm): ZoneDistance {
  return { maxDistanceMeters: norm.maxDistanceMeters, source: norm.source, isPolicyChoice: norm.isPolicyChoice };
}

export const DEFAULT_ZONE_DEFINITION_ID = 'standaard';

/** The default definition: distances of the woonzorgzone walking norms, required categories as above. */
export function defaultZoneDefinition(id = DEFAULT_ZONE_DEFINITION_ID, name = 'Standaard (loopnormen woonzorgzone)'): ZoneDefinition {
  return {
    id,
    name,
    care: distanceFromNorm(normOf(ZONE_CARE_CATEGORY)),
    requirements: ZONE_AMENITY_CATEGORIES.map((category) => ({ category, required: REQUIRED_BY_DEFAULT.has(category), ...distanceFromNorm(normOf(category)) })),
  };
}

export function defaultZoneDefinitionSet(): ZoneDefinitionSet {
  const definition = defaultZoneDefinition();
  return { definitions: [definition], activeId: definition.id };
}

export function activeZoneDefinition(set: ZoneDefinitionSet): ZoneDefinition {
  return set.definitions.find((definition) => definition.id === set.activeId) ?? set.definitions[0] ?? defaultZoneDefinition();
}

/** The required amenities of a definition, with their distances. */
export function requiredAmenities(definition: ZoneDefinition): ZoneRequirement[] {
  return definition.requirements.filter((requirement) => requirement.required);
}

/** Every category a zone depends on (24-hour care first), with its distance: what must be complete for "outside" to be said. */
export function zoneCategoryDistances(definition: ZoneDefinition): { category: FacilityCategory; maxDistanceMeters: number }[] {
  return [
    { category: ZONE_CARE_CATEGORY, maxDistanceMeters: definition.care.maxDistanceMeters },
    ...requiredAmenities(definition).map(({ category, maxDistanceMeters }) => ({ category, maxDistanceMeters })),
  ];
}

const ZONES_FILE = 'zoneDefinition';

/** Problems with one zone distance (field `record`: 'zorg24uur' or a category), or an empty list. */
export function validateZoneDistance(value: number, record: string): DataIssue[] {
  const params = { value: String(value), min: MIN_ZONE_DISTANCE_METERS, max: MAX_ZONE_DISTANCE_METERS };
  if (!Number.isFinite(value)) return [{ code: 'zones.distanceNotANumber', file: ZONES_FILE, record, params }];
  if (value < MIN_ZONE_DISTANCE_METERS || value > MAX_ZONE_DISTANCE_METERS) return [{ code: 'zones.distanceOutOfRange', file: ZONES_FILE, record, params }];
  return [];
}

/** Every problem of a definition: distances out of range, a missing or unknown category, an empty name. */
export function validateZoneDefinition(definition: ZoneDefinition): DataIssue[] {
  const issues: DataIssue[] = [];
  if (definition.name.trim() === '') issues.push({ code: 'zones.nameEmpty', file: ZONES_FILE, record: definition.id });
  issues.push(...validateZoneDistance(definition.care.maxDistanceMeters, ZONE_CARE_CATEGORY));
  for (const category of ZONE_AMENITY_CATEGORIES) {
    const matching = definition.requirements.filter((requirement) => requirement.category === category);
    if (matching.length !== 1) issues.push({ code: 'zones.requirementMissing', file: ZONES_FILE, record: category });
    else issues.push(...validateZoneDistance(matching[0]!.maxDistanceMeters, category));
  }
  if (definition.requirements.length !== ZONE_AMENITY_CATEGORIES.length) {
    for (const requirement of definition.requirements) {
      if (!(ZONE_AMENITY_CATEGORIES as readonly string[]).includes(requirement.category)) issues.push({ code: 'zones.unknownCategory', file: ZONES_FILE, record: String(requirement.category) });
    }
  }
  return issues;
}

/** A set is valid when it has at least one definition, unique ids, an active one, and every definition is valid. */
export function validateZoneDefinitionSet(set: ZoneDefinitionSet): DataIssue[] {
  const issues: DataIssue[] = [];
  if (set.definitions.length === 0) issues.push({ code: 'zones.noDefinition', file: ZONES_FILE });
  const ids = new Set<string>();
  for (const definition of set.definitions) {
    if (ids.has(definition.id)) issues.push({ code: 'zones.duplicateDefinition', file: ZONES_FILE, record: definition.id });
    ids.add(definition.id);
    issues.push(...validateZoneDefinition(definition));
  }
  if (!ids.has(set.activeId)) issues.push({ code: 'zones.noActiveDefinition', file: ZONES_FILE, record: set.activeId });
  return issues;
}

/** A copy of the definition with one distance set by the planner (it then counts as the planner's own choice). */
export function withZoneDistance(definition: ZoneDefinition, field: 'zorg24uur' | ZoneAmenityCategory, maxDistanceMeters: number): ZoneDefinition {
  const changed = { maxDistanceMeters, source: POLICY_CHOICE_SOURCE, isPolicyChoice: true };
  if (field === ZONE_CARE_CATEGORY) return { ...definition, care: changed };
  return { ...definition, requirements: definition.requirements.map((requirement) => (requirement.category === field ? { ...requirement, ...changed } : requirement)) };
}

/** A copy with one category required or not. */
export function withRequirement(definition: ZoneDefinition, category: ZoneAmenityCategory, required: boolean): ZoneDefinition {
  return { ...definition, requirements: definition.requirements.map((requirement) => (requirement.category === category ? { ...requirement, required } : requirement)) };
}

/**
 * A woonservicegebied drawn (or adjusted) by the planner, marked "getekend": kept in the draft
 * scenario as edits (undo/redo, reload), counted like a computed zone wherever zones count.
 */
export interface DrawnZone {
  id: string;
  name: string;
  /** Polygon coordinates: one outer ring of [lon, lat] WGS84, closed, not crossing itself. */
  outline: [number, number][][];
}

/** How zones look on the map and in the legend (one owner for both): a light fill with a solid dark outline. */
export const ZONE_STYLE = {
  fillColour: '#1b7f5a',
  fillOpacity: 0.28,
  outlineColour: '#0b4d35',
  outlineWidth: 2.5,
  /** A drawn zone's outline is dashed (dash, gap in line widths), so "getekend" is not told by colour alone. */
  drawnOutlineColour: '#5b2a86',
  drawnDash: [2, 1.2],
} as const;
