// Reads a draft scenario back from anything stored or exported: a browser-storage record or one
// scenario of an exported file. Stored data may come from an older or newer version of the app or a
// damaged profile, so every part is checked:
// - what cannot be a scenario at all (no id, not an object, a newer format) is refused with a reason;
// - a missing or unreadable field gets its default (named in `repairs`);
// - the edits are kept up to the first one that cannot be read or does not fit the plan (replayed
//   from the published plan), later ones are dropped and counted in `repairs`: an edit means
//   something only after the ones before it;
// - fields this version does not know (at every level) are kept as they are.
// Pure: no storage, no DOM.

import { applyEdit, ScenarioEditError } from '../analysis/scenarioState';
import { isLonLat } from '../analysis/siteValidation';
import { outlineProblem } from '../analysis/polygonOutline';
import { isRecord } from './jsonInput';
import { TARGET_SCENARIOS } from '../domain/housing';
import { AREA_IDS, type AreaId } from '../domain/geography';
import { defaultZoneDefinitionSet, validateZoneDefinitionSet, type DrawnZone, type ZoneDefinitionSet } from '../domain/serviceZones';
import { DEFAULT_WALKING_SPEED, NORM_PROFILE_IDS, WALKING_SPEED_PRESET_IDS, WOONZORGZONE_PROFILE, validateNormProfile, validateWalkingSpeed, type NormProfile, type WalkingSpeed } from '../domain/norms';
import {
  DELIVERY_PHASES,
  EMPTY_SCENARIO_STATE,
  SCENARIO_SCHEMA_VERSION,
  SITE_HOME_TYPES,
  TENURES,
  MAX_PRESENTATION_CAPTION_LENGTH,
  type DraftScenario,
  type PresentationSelection,
  type PresentationView,
  type KeyProjectPlacementOverride,
  type ScenarioEdit,
  type ScenarioState,
  type Site,
  type SiteFields,
  type TargetMeasure,
} from '../domain/scenario';

export type ScenarioRestore =
  | {
      ok: true;
      scenario: DraftScenario;
      /** The record's format version (1 when it had none). */
      schemaVersion: number;
      /** What was filled in or left out, in words (English, for the problem list); empty when the record was whole. */
      repairs: string[];
    }
  | { ok: false; reason: string; newerVersion: boolean };

/** Record fields that are bookkeeping of a store or file, not part of the scenario. */
export const SCENARIO_BOOKKEEPING_FIELDS = ['schemaVersion', 'revision', 'savedAt', 'editChunkCount'] as const;

function isIsoTime(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && !Number.isNaN(Date.parse(value));
}

/** A drawn outline: rings of [lon, lat], closed, not crossing itself (polygonOutline.ts). */
function isOutline(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every(isLonLat)) && outlineProblem(value as [number, number][][]) === null;
}

/** Checks one site field; returns the reason it cannot be used, or null. */
function siteFieldProblem(field: string, value: unknown): string | null {
  switch (field) {
    case 'name':
    case 'municipalityCode':
    case 'notes':
      return typeof value === 'string' ? null : `${field} is not text`;
    case 'location':
      return isLonLat(value) ? null : 'location is not [lon, lat]';
    case 'outline':
      return value === null || isOutline(value) ? null : 'outline is not a polygon';
    case 'homes': {
      if (!isRecord(value)) return 'homes is not an object';
      for (const type of SITE_HOME_TYPES) {
        const count = value[type];
        if (count !== undefined && !(typeof count === 'number' && Number.isInteger(count) && count >= 0)) return `homes.${type} is not a whole number ≥ 0`;
      }
      return null;
    }
    case 'tenure':
      return (TENURES as readonly unknown[]).includes(value) ? null : `unknown tenure ${JSON.stringify(value)}`;
    case 'phase':
      return (DELIVERY_PHASES as readonly unknown[]).includes(value) ? null : `unknown phase ${JSON.stringify(value)}`;
    case 'year':
      return value === null || (typeof value === 'number' && Number.isInteger(value)) ? null : 'year is not a whole number';
    case 'keyProjectId':
      return value === null || typeof value === 'string' ? null : 'keyProjectId is not text';
    default:
      // A field of a newer version: kept as it is.
      return null;
  }
}

/** Missing homes types count as 0 (a newer or older version may know fewer types). */
function withAllHomeTypes(homes: Record<string, unknown>): Site['homes'] {
  const filled: Record<string, unknown> = { ...homes };
  for (const type of SITE_HOME_TYPES) if (filled[type] === undefined) filled[type] = 0;
  return filled as Site['homes'];
}

function readSite(value: unknown): Site | string {
  if (!isRecord(value)) return 'site is not an object';
  if (typeof value['id'] !== 'string' || value['id'] === '') return 'site has no id';
  const site: Record<string, unknown> = { outline: null, year: null, keyProjectId: null, notes: '', ...value };
  for (const field of ['name', 'location', 'municipalityCode', 'homes', 'tenure', 'phase', 'outline', 'year', 'keyProjectId', 'notes']) {
    if (site[field] === undefined) return `site ${String(value['id'])}: ${field} is missing`;
    const problem = siteFieldProblem(field, site[field]);
    if (problem !== null) return `site ${String(value['id'])}: ${problem}`;
  }
  site['homes'] = withAllHomeTypes(site['homes'] as Record<string, unknown>);
  return site as unknown as Site;
}

function readSiteFields(value: unknown, label: string): Partial<SiteFields> | string {
  if (!isRecord(value)) return `${label} is not an object`;
  for (const [field, fieldValue] of Object.entries(value)) {
    if (field === 'id') return `${label} changes the site id`;
    const problem = siteFieldProblem(field, fieldValue);
    if (problem !== null) return `${label}: ${problem}`;
  }
  return { ...value } as Partial<SiteFields>;
}

function readPlacement(value: unknown): KeyProjectPlacementOverride | null | string {
  if (value === null) return null;
  if (!isRecord(value) || !isLonLat(value['location'])) return 'placement is not a location';
  return { ...value, location: value['location'], precision: 'planner' } as KeyProjectPlacementOverride;
}

/** A drawn woonservicegebied as stored: id, name and an outline that does not cross itself. */
function readDrawnZone(value: unknown): DrawnZone | null | string {
  if (value === null) return null;
  if (!isRecord(value)) return 'zone is not an object';
  if (typeof value['id'] !== 'string' || value['id'] === '') return 'zone has no id';
  if (typeof value['name'] !== 'string') return `zone ${value['id']}: name is not text`;
  if (!isOutline(value['outline'])) return `zone ${value['id']}: outline is not a polygon`;
  return { ...value } as unknown as DrawnZone;
}

function readEdit(value: unknown): ScenarioEdit | string {
  if (!isRecord(value)) return 'not an object';
  if (typeof value['id'] !== 'string' || value['id'] === '') return 'no id';
  if (!isIsoTime(value['at'])) return 'no time';
  switch (value['kind']) {
    case 'addSite':
    case 'removeSite': {
      const site = readSite(value['site']);
      return typeof site === 'string' ? site : ({ ...value, site } as ScenarioEdit);
    }
    case 'updateSite': {
      if (typeof value['siteId'] !== 'string') return 'no site id';
      const before = readSiteFields(value['before'], 'before');
      if (typeof before === 'string') return before;
      const after = readSiteFields(value['after'], 'after');
      if (typeof after === 'string') return after;
      if (after['homes'] !== undefined) after['homes'] = withAllHomeTypes(after['homes'] as unknown as Record<string, unknown>);
      if (before['homes'] !== undefined) before['homes'] = withAllHomeTypes(before['homes'] as unknown as Record<string, unknown>);
      return { ...value, before, after } as ScenarioEdit;
    }
    case 'moveKeyProject': {
      if (typeof value['keyProjectId'] !== 'string' || value['keyProjectId'] === '') return 'no key project id';
      const from = readPlacement(value['from'] ?? null);
      const to = readPlacement(value['to'] ?? null);
      if (typeof from === 'string') return `from: ${from}`;
      if (typeof to === 'string') return `to: ${to}`;
      return { ...value, from, to } as ScenarioEdit;
    }
    case 'drawnZone': {
      if (typeof value['zoneId'] !== 'string' || value['zoneId'] === '') return 'no zone id';
      const before = readDrawnZone(value['before'] ?? null);
      const after = readDrawnZone(value['after'] ?? null);
      if (typeof before === 'string') return `before: ${before}`;
      if (typeof after === 'string') return `after: ${after}`;
      return { ...value, before, after } as ScenarioEdit;
    }
    default:
      return `unknown kind ${JSON.stringify(value['kind'])}`;
  }
}

function readNormProfile(value: unknown): NormProfile | null {
  if (!isRecord(value) || !(NORM_PROFILE_IDS as readonly unknown[]).includes(value['id']) || typeof value['labelKey'] !== 'string' || !isRecord(value['norms'])) return null;
  const norms = value['norms'];
  for (const type of ['nultreden', 'geclusterd', 'zorggeschikt']) {
    const list = norms[type];
    if (!Array.isArray(list) || !list.every((item) => isRecord(item) && typeof item['category'] === 'string' && typeof item['maxDistanceMeters'] === 'number' && typeof item['source'] === 'string')) return null;
  }
  const profile = value as unknown as NormProfile;
  return validateNormProfile(profile).length === 0 ? profile : null;
}

function readWalkingSpeed(value: unknown): WalkingSpeed | null {
  if (!isRecord(value) || typeof value['metersPerSecond'] !== 'number' || typeof value['source'] !== 'string') return null;
  if (value['id'] !== 'custom' && !(WALKING_SPEED_PRESET_IDS as readonly unknown[]).includes(value['id'])) return null;
  const speed = { isPolicyChoice: false, ...value } as unknown as WalkingSpeed;
  return validateWalkingSpeed(speed).length === 0 ? speed : null;
}

/** One presentation view as stored, or the reason it cannot be used. */
function readPresentationView(value: unknown): PresentationView | string {
  if (!isRecord(value)) return 'not an object';
  const { id, caption, bounds, thematic, showKeyProjects, showBuiltUpAreas, grid, selection } = value;
  if (typeof id !== 'string' || id === '') return 'no id';
  if (typeof caption !== 'string' || caption.length > MAX_PRESENTATION_CAPTION_LENGTH) return 'caption is not text of at most 200 characters';
  if (!Array.isArray(bounds) || bounds.length !== 4 || !isLonLat([bounds[0], bounds[1]]) || !isLonLat([bounds[2], bounds[3]]) || bounds[0] >= bounds[2] || bounds[1] >= bounds[3]) {
    return 'bounds are not [west, south, east, north]';
  }
  if (!isRecord(thematic) || !Object.values(thematic).every((setting) => typeof setting === 'string')) return 'thematic settings are not text';
  if (typeof showKeyProjects !== 'boolean' || typeof showBuiltUpAreas !== 'boolean') return 'layer switches are not true/false';
  if (grid !== undefined && (!isRecord(grid) || !Object.values(grid).every((setting) => typeof setting === 'string' || typeof setting === 'number'))) {
    return 'grid settings are not text or numbers';
  }
  let readSelection: PresentationSelection | null = null;
  if (selection !== null && selection !== undefined) {
    if (!isRecord(selection)) return 'selection is not an object';
    if (selection['kind'] === 'municipality' && typeof selection['code'] === 'string') readSelection = { kind: 'municipality', code: selection['code'] };
    else if (selection['kind'] === 'area' && (AREA_IDS as readonly unknown[]).includes(selection['area'])) readSelection = { kind: 'area', area: selection['area'] as AreaId };
    else if ((selection['kind'] === 'keyProject' || selection['kind'] === 'site') && typeof selection['id'] === 'string') readSelection = { kind: selection['kind'], id: selection['id'] };
    else return 'unknown selection';
  }
  return {
    id,
    caption,
    bounds: bounds as PresentationView['bounds'],
    thematic: thematic as Record<string, string>,
    showKeyProjects,
    showBuiltUpAreas,
    ...(grid !== undefined ? { grid: grid as Record<string, string | number> } : {}),
    selection: readSelection,
  };
}

/** Zone definitions as stored, or null when they cannot be used (then the default set replaces them). */
function readZoneDefinitions(value: unknown): ZoneDefinitionSet | null {
  if (!isRecord(value) || !Array.isArray(value['definitions']) || typeof value['activeId'] !== 'string') return null;
  const ok = value['definitions'].every(
    (item) =>
      isRecord(item) &&
      typeof item['id'] === 'string' &&
      typeof item['name'] === 'string' &&
      isRecord(item['care']) &&
      typeof item['care']['maxDistanceMeters'] === 'number' &&
      Array.isArray(item['requirements']) &&
      item['requirements'].every((requirement) => isRecord(requirement) && typeof requirement['category'] === 'string' && typeof requirement['maxDistanceMeters'] === 'number' && typeof requirement['required'] === 'boolean'),
  );
  if (!ok) return null;
  const set = value as unknown as ZoneDefinitionSet;
  return validateZoneDefinitionSet(set).length === 0 ? set : null;
}

/**
 * Replays edits from the published plan; returns the ones that fit (all, or those before the first
 * that does not) and the reason the next one did not.
 */
export function replayableEdits(edits: readonly ScenarioEdit[], base: ScenarioState = EMPTY_SCENARIO_STATE): { edits: ScenarioEdit[]; problem: string | null } {
  let state = base;
  const ids = new Set<string>();
  for (const [index, edit] of edits.entries()) {
    if (ids.has(edit.id)) return { edits: edits.slice(0, index), problem: `edit ${index + 1} repeats id ${edit.id}` };
    ids.add(edit.id);
    try {
      state = applyEdit(state, edit);
    } catch (error) {
      if (!(error instanceof ScenarioEditError)) throw error;
      return { edits: edits.slice(0, index), problem: `edit ${index + 1} (${edit.kind}) does not fit: ${error.code}` };
    }
  }
  return { edits: [...edits], problem: null };
}

/** Reads a scenario from a stored record or a file; see the top of this file. */
export function restoreScenario(value: unknown): ScenarioRestore {
  if (!isRecord(value)) return { ok: false, reason: 'not an object', newerVersion: false };
  const repairs: string[] = [];
  const rawVersion = value['schemaVersion'];
  let schemaVersion = 1;
  if (rawVersion !== undefined) {
    if (typeof rawVersion !== 'number' || !Number.isInteger(rawVersion) || rawVersion < 1) return { ok: false, reason: `schemaVersion ${JSON.stringify(rawVersion)} is not a version number`, newerVersion: false };
    if (rawVersion > SCENARIO_SCHEMA_VERSION) {
      return { ok: false, reason: `written by a newer version of the app (format ${rawVersion}; this version reads up to ${SCENARIO_SCHEMA_VERSION})`, newerVersion: true };
    }
    schemaVersion = rawVersion;
  } else repairs.push('schemaVersion missing (read as 1)');

  const rest: Record<string, unknown> = { ...value };
  for (const field of SCENARIO_BOOKKEEPING_FIELDS) delete rest[field];
  if (typeof rest['id'] !== 'string' || rest['id'] === '') return { ok: false, reason: 'no id', newerVersion: false };

  const text = (field: 'name' | 'description', fallback: string): string => {
    const current = rest[field];
    if (typeof current === 'string' && (field !== 'name' || current.trim() !== '')) return current;
    repairs.push(`${field} ${current === undefined ? 'missing' : 'unreadable'}`);
    return fallback;
  };
  const name = text('name', String(rest['id']));
  const description = text('description', '');

  const createdAt = isIsoTime(rest['createdAt']) ? rest['createdAt'] : null;
  const updatedAt = isIsoTime(rest['updatedAt']) ? rest['updatedAt'] : null;
  if (createdAt === null) repairs.push('createdAt unreadable');
  if (updatedAt === null) repairs.push('updatedAt unreadable');
  const epoch = new Date(0).toISOString();

  let measuredAgainst: TargetMeasure = 'band';
  if (rest['measuredAgainst'] === 'band' || (TARGET_SCENARIOS as readonly unknown[]).includes(rest['measuredAgainst'])) measuredAgainst = rest['measuredAgainst'] as TargetMeasure;
  else repairs.push('measuredAgainst unreadable (band)');

  let normProfile = readNormProfile(rest['normProfile']);
  if (normProfile === null) {
    repairs.push('normProfile unreadable (woonzorgzone)');
    normProfile = WOONZORGZONE_PROFILE;
  }
  let walkingSpeed = readWalkingSpeed(rest['walkingSpeed']);
  if (walkingSpeed === null) {
    repairs.push('walkingSpeed unreadable (default)');
    walkingSpeed = DEFAULT_WALKING_SPEED;
  }

  // Records older than the zone definitions have none: the default set, without a repair note.
  let zoneDefinitions = rest['zoneDefinitions'] === undefined ? defaultZoneDefinitionSet() : readZoneDefinitions(rest['zoneDefinitions']);
  if (zoneDefinitions === null) {
    repairs.push('zoneDefinitions unreadable (default)');
    zoneDefinitions = defaultZoneDefinitionSet();
  }

  // Records older than presentation mode have no views: an empty list, without a repair note.
  const presentationViews: PresentationView[] = [];
  if (rest['presentationViews'] !== undefined) {
    if (!Array.isArray(rest['presentationViews'])) repairs.push('presentationViews unreadable (none)');
    else {
      for (const [index, raw] of rest['presentationViews'].entries()) {
        const view = readPresentationView(raw);
        if (typeof view === 'string') repairs.push(`presentation view ${index + 1} unreadable (${view}); left out`);
        else presentationViews.push(view);
      }
    }
  }

  const rawEdits = Array.isArray(rest['edits']) ? rest['edits'] : [];
  if (!Array.isArray(rest['edits'])) repairs.push('edits missing');
  const readable: ScenarioEdit[] = [];
  for (const [index, raw] of rawEdits.entries()) {
    const edit = readEdit(raw);
    if (typeof edit === 'string') {
      repairs.push(`edit ${index + 1} unreadable (${edit}); it and the ${rawEdits.length - index - 1} after it left out`);
      break;
    }
    readable.push(edit);
  }
  const replayed = replayableEdits(readable);
  if (replayed.problem !== null) repairs.push(`${replayed.problem}; it and the ${readable.length - replayed.edits.length - 1} after it left out`);
  const edits = replayed.edits;

  const rawApplied = rest['appliedCount'];
  let appliedCount = edits.length;
  if (typeof rawApplied === 'number' && Number.isInteger(rawApplied) && rawApplied >= 0) appliedCount = Math.min(rawApplied, edits.length);
  else if (rawEdits.length > 0 || rawApplied !== undefined) repairs.push('appliedCount unreadable (all edits applied)');

  const lastExportedAt = rest['lastExportedAt'] === null || rest['lastExportedAt'] === undefined ? null : isIsoTime(rest['lastExportedAt']) ? rest['lastExportedAt'] : null;

  const scenario = {
    ...rest,
    id: rest['id'],
    name,
    description,
    createdAt: createdAt ?? updatedAt ?? epoch,
    updatedAt: updatedAt ?? createdAt ?? epoch,
    measuredAgainst,
    normProfile,
    walkingSpeed,
    zoneDefinitions,
    presentationViews,
    edits,
    appliedCount,
    lastExportedAt,
  } as DraftScenario;
  return { ok: true, scenario, schemaVersion, repairs };
}
