// A draft scenario: a planner's own plan for older people's housing, kept as the published plan (the key
// projects of the Woondeal) plus an ordered list of edits. The scenario's current state is a pure
// function of the two (see analysis/scenarioState.ts); undo and redo move a cursor over the edits.

import type { AreaId, BoundingBox, MunicipalityCode } from './geography';
import type { HousingType, TargetScenario } from './housing';
import type { LocationPrecision } from './keyProject';
import type { NormProfile, WalkingSpeed } from './norms';
import type { DrawnZone, ZoneDefinitionSet } from './serviceZones';

/** Housing types a site can hold: the three of the targets plus 'overig' (homes not meant for older people). */
export const SITE_HOME_TYPES = ['nultreden', 'geclusterd', 'zorggeschikt', 'overig'] as const satisfies readonly (HousingType | 'overig')[];
export type SiteHomeType = (typeof SITE_HOME_TYPES)[number];
export type SiteHomes = Record<SiteHomeType, number>;

/** Tenure of a site's homes. A site with mixed tenure is entered as one site per tenure. */
export const TENURES = ['socialeHuur', 'middenhuur', 'koop'] as const;
export type Tenure = (typeof TENURES)[number];

/** Delivery phase: within the target period (2024 up to and including 2030) or after it. */
export const DELIVERY_PHASES = ['2024-2030', 'after2030'] as const;
export type DeliveryPhase = (typeof DELIVERY_PHASES)[number];

export const FIRST_DELIVERY_YEAR = 2024;
export const LAST_TARGET_YEAR = 2030;
export const LAST_DELIVERY_YEAR = 2050;
export const MAX_SITE_HOMES = 5_000;
/** Longest site name and notes the planner can enter (a name longer than this is refused at the field, never cut). */
export const MAX_SITE_NAME_LENGTH = 200;
export const MAX_SITE_NOTES_LENGTH = 4_000;

/** A polygon outline as GeoJSON coordinates (one outer ring, [lon, lat] WGS84, closed). */
export type SiteOutline = [number, number][][];

/** A housing site the planner adds to the plan. */
export interface Site {
  id: string;
  name: string;
  /** [lon, lat] WGS84, placed by the planner. */
  location: [number, number];
  outline: SiteOutline | null;
  /** Derived from the location when it was set; moving the site across a border asks first. */
  municipalityCode: MunicipalityCode;
  homes: SiteHomes;
  tenure: Tenure;
  phase: DeliveryPhase;
  /** Year of delivery if known (FIRST_DELIVERY_YEAR … LAST_DELIVERY_YEAR, consistent with phase). */
  year: number | null;
  /** Optional link to a published key project (KeyProject.id). */
  keyProjectId: string | null;
  notes: string;
}

/** The fields of a site an edit can change (everything but its id). */
export type SiteFields = Omit<Site, 'id'>;

/** Where the scenario puts a published key project, when the planner moved it. */
export interface KeyProjectPlacementOverride {
  location: [number, number];
  /** Always 'planner': the planner placed it exactly. */
  precision: 'planner';
}

/** Precision of a key project's location within a scenario: the published approximation, or placed by the planner. */
export type ScenarioLocationPrecision = LocationPrecision | 'planner';

/**
 * One change to the plan. Every edit holds what it needs to be undone (its inverse is computable from
 * the record alone), and a readable description is rendered from it in the user's language.
 */
export type ScenarioEdit =
  | { kind: 'addSite'; id: string; at: string; site: Site }
  | { kind: 'removeSite'; id: string; at: string; site: Site }
  /** before/after hold the same keys: the changed fields' old and new values. */
  | { kind: 'updateSite'; id: string; at: string; siteId: string; before: Partial<SiteFields>; after: Partial<SiteFields> }
  /** from = null: the key project was at its published location. to = null: back to the published location. */
  | {
      kind: 'moveKeyProject';
      id: string;
      at: string;
      keyProjectId: string;
      from: KeyProjectPlacementOverride | null;
      to: KeyProjectPlacementOverride | null;
    }
  /** A hand-drawn woonservicegebied: before = null draws a new one, after = null deletes it, both = its outline or name changed. */
  | { kind: 'drawnZone'; id: string; at: string; zoneId: string; before: DrawnZone | null; after: DrawnZone | null };

export type ScenarioEditKind = ScenarioEdit['kind'];

/** An edit without its id and time (the scenario stores add those, from one place). */
export type ScenarioEditInput = ScenarioEdit extends infer Edit ? (Edit extends unknown ? Omit<Edit, 'id' | 'at'> : never) : never;

/** What the scenario is measured against: one target scenario, or both as a band (basis = lower bound, trend = ambition). */
export type TargetMeasure = TargetScenario | 'band';

export const SCENARIO_FILE_TYPE = 'woonzorgkaart-scenario';
export const SCENARIO_SCHEMA_VERSION = 1;

/** A planner's draft plan as kept in the browser and in exported files. */
export interface DraftScenario {
  id: string;
  name: string;
  description: string;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
  measuredAgainst: TargetMeasure;
  normProfile: NormProfile;
  walkingSpeed: WalkingSpeed;
  /** All edits ever made, oldest first; only the first `appliedCount` are in force (the rest can be redone). */
  edits: ScenarioEdit[];
  appliedCount: number;
  /** ISO timestamp of the last export to a file, or null. */
  lastExportedAt: string | null;
  /**
   * The planner's own targets per municipality where the sources print only region totals (Twente).
   * Absent or empty: none entered. Never filled in by the app.
   */
  plannerTargets?: PlannerTargets;
  /** Woonservicegebied definitions (several, one active); absent in records older than issue 9: the default. */
  zoneDefinitions?: ZoneDefinitionSet;
  /** Named views for presentation mode, in the order they are shown; records older than issue 10 read as []. */
  presentationViews?: PresentationView[];
}

/** What a presentation view selects: a municipality, region, key project or site of the draft. */
export type PresentationSelection =
  | { kind: 'municipality'; code: MunicipalityCode }
  | { kind: 'area'; area: AreaId }
  | { kind: 'keyProject'; id: string }
  | { kind: 'site'; id: string };

/** A named view of the map, one step of a presentation: extent, layers, selection and caption. */
export interface PresentationView {
  id: string;
  caption: string;
  /** The extent the planner saw, [west, south, east, north]: the part of the map no panel covered. */
  bounds: BoundingBox;
  /** The thematic layer's settings as the map had them (keys and values of src/stores/mapLayers.ts ThematicSettings). */
  thematic: Readonly<Record<string, string>>;
  showKeyProjects: boolean;
  showBuiltUpAreas: boolean;
  /** The suitability grid's settings (keys and values of src/stores/suitabilityGrid.ts GridSettings); absent in views saved before it was kept. */
  grid?: Readonly<Record<string, string | number>>;
  selection: PresentationSelection | null;
}

export const MAX_PRESENTATION_CAPTION_LENGTH = 200;

/**
 * One municipality's target for one housing type as the planner gives it, with where they took it
 * from. A scenario value left empty stays null (unknown), never 0.
 */
export interface PlannerTarget {
  municipalityCode: MunicipalityCode;
  housingType: HousingType;
  basis: number | null;
  trend: number | null;
  /** The planner's own citation, shown with the figure (e.g. "Afsprakenkader Twente, bijlage 1, 2024"). */
  sourceText: string;
}

export interface PlannerTargets {
  rows: PlannerTarget[];
  /** ISO timestamp of the last change. */
  updatedAt: string;
  /** Name of the CSV file the rows came from, when imported. */
  importedFrom: string | null;
}

/** The plan a scenario describes: the key projects' placements and the planner's sites. */
export interface ScenarioState {
  /** Key project id → the planner's placement; projects not in the map are at their published location. */
  keyProjectPlacements: ReadonlyMap<string, KeyProjectPlacementOverride>;
  /** Sites in the order they were added. */
  sites: readonly Site[];
  /** Woonservicegebieden drawn by the planner, in the order they were drawn. */
  drawnZones: readonly DrawnZone[];
}

export const MAX_SCENARIO_NAME_LENGTH = 120;

/** A scenario name trimmed, with runs of white space as one space; null when nothing is left or it is too long. */
export function cleanScenarioName(name: string): string | null {
  const cleaned = name.replace(/\s+/g, ' ').trim();
  return cleaned.length === 0 || cleaned.length > MAX_SCENARIO_NAME_LENGTH ? null : cleaned;
}

export const EMPTY_SCENARIO_STATE: ScenarioState = { keyProjectPlacements: new Map(), sites: [], drawnZones: [] };

export function emptySiteHomes(): SiteHomes {
  return { nultreden: 0, geclusterd: 0, zorggeschikt: 0, overig: 0 };
}
