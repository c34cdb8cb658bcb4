// The view in the address bar's hash, so a link reopens it: centre, zoom, theme, layers, selection,
// language and which draft scenario. Pure functions: encode writes every field; parse validates each
// field on its own and drops what it does not understand (a pasted or edited link never breaks the app).
// No personal data: only ids of published data (municipality, region, key project) or of the
// planner's own draft and its sites, never names, notes or the location of an analysis point.

import { AREA_IDS, isInsideBounds, MAP_PAN_BOUNDS, type AreaId, type MunicipalityCode } from '../domain/geography';
import { HOUSING_TYPES, TARGET_SCENARIOS, type HousingType } from '../domain/housing';
import { FACILITY_CATEGORIES, type FacilityCategory } from '../domain/facility';
import { AGE_GROUPS, OLDER_PEOPLE_MEASURES, TARGET_MEASURES, THEMATIC_LAYERS, type ThematicSettings } from '../domain/mapTheme';
import { GRID_CELL_SIZES_METERS, type GridMode } from '../analysis/suitabilityGrid';
import { LANGUAGES, type Language } from '../i18n/catalogue';

export type SharedSelection =
  | { kind: 'municipality'; code: MunicipalityCode }
  | { kind: 'area'; area: AreaId }
  | { kind: 'keyProject'; id: string }
  | { kind: 'site'; id: string };

/** The thematic layer's settings, as the link carries them (domain/mapTheme.ts owns the shape). */
export type SharedThematic = ThematicSettings;

export interface SharedGrid {
  mode: GridMode;
  housingType: HousingType;
  category: FacilityCategory;
  cellSizeMeters: (typeof GRID_CELL_SIZES_METERS)[number];
}

export interface SharedView {
  /** [longitude, latitude] */
  center: [number, number];
  zoom: number;
  thematic: SharedThematic;
  showKeyProjects: boolean;
  showBuiltUpAreas: boolean;
  grid: SharedGrid;
  selection: SharedSelection | null;
  language: Language;
  /** The open draft scenario's id (the draft itself stays in the browser). */
  scenarioId: string | null;
}

/** What a hash holds: each field only when present and valid (theme and grid options only with their mode). */
export type ParsedView = Partial<Omit<SharedView, 'thematic' | 'grid'>> & {
  thematic?: Partial<SharedThematic> & Pick<SharedThematic, 'layer'>;
  grid?: Partial<SharedGrid> & Pick<SharedGrid, 'mode'>;
};

const ZOOM_LIMITS = { min: 5, max: 20 };
const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;
const MUNICIPALITY_CODE_PATTERN = /^GM\d{4}$/;

const GRID_MODES: readonly GridMode[] = ['off', 'housingType', 'category'];
const LAYER_NAMES = { keyProjects: 'keyProjects', builtUpAreas: 'builtUp' } as const;

function oneOf<T extends string>(values: readonly T[], value: string | null | undefined): T | undefined {
  return value !== null && value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function round(value: number, digits: number): string {
  return value.toFixed(digits).replace(/\.?0+$/, '');
}

export function encodeSelection(selection: SharedSelection): string {
  switch (selection.kind) {
    case 'municipality':
      return `municipality:${selection.code}`;
    case 'area':
      return `area:${selection.area}`;
    case 'keyProject':
      return `project:${selection.id}`;
    case 'site':
      return `site:${selection.id}`;
  }
}

function parseSelection(text: string | null): SharedSelection | null | undefined {
  if (text === null) return undefined;
  if (text === 'none') return null;
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const kind = text.slice(0, colon);
  const value = text.slice(colon + 1);
  if (kind === 'municipality' && MUNICIPALITY_CODE_PATTERN.test(value)) return { kind: 'municipality', code: value };
  if (kind === 'area') {
    const area = oneOf(AREA_IDS, value);
    return area ? { kind: 'area', area } : undefined;
  }
  if (kind === 'project' && ID_PATTERN.test(value)) return { kind: 'keyProject', id: value };
  if (kind === 'site' && ID_PATTERN.test(value)) return { kind: 'site', id: value };
  return undefined;
}

/** The hash (with its leading '#') for a view. */
export function encodeViewHash(view: SharedView): string {
  const params = new URLSearchParams();
  params.set('map', `${round(view.zoom, 2)}/${round(view.center[1], 5)}/${round(view.center[0], 5)}`);
  const { thematic } = view;
  params.set('theme', thematic.layer);
  if (thematic.layer === 'targets') {
    params.set('target', `${thematic.targetScenario}.${thematic.housingType}.${thematic.targetMeasure}`);
  } else if (thematic.layer === 'olderPeople') {
    params.set('older', `${thematic.ageGroup}.${thematic.olderPeopleMeasure}`);
  }
  const layers = [view.showKeyProjects && LAYER_NAMES.keyProjects, view.showBuiltUpAreas && LAYER_NAMES.builtUpAreas].filter(Boolean);
  params.set('layers', layers.length > 0 ? layers.join(',') : 'none');
  const { grid } = view;
  if (grid.mode !== 'off') {
    params.set('grid', `${grid.mode}.${grid.mode === 'housingType' ? grid.housingType : grid.category}.${grid.cellSizeMeters}`);
  }
  params.set('sel', view.selection ? encodeSelection(view.selection) : 'none');
  params.set('lang', view.language);
  if (view.scenarioId !== null) params.set('draft', view.scenarioId);
  // URLSearchParams escapes ':' and ','; both are safe in a fragment and easier to read unescaped.
  return '#' + params.toString().replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%2F/gi, '/');
}

/** Reads a hash ('#…' or without '#'); every field that is missing or invalid is left out. */
export function parseViewHash(hash: string): ParsedView {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text.length > 2000 ? '' : text);
  } catch {
    return {};
  }
  const view: ParsedView = {};

  const mapParts = params.get('map')?.split('/');
  if (mapParts && mapParts.length === 3 && mapParts.every((part) => /^-?\d+(\.\d+)?$/.test(part))) {
    const [zoom, lat, lng] = mapParts.map(Number) as [number, number, number];
    if (zoom >= ZOOM_LIMITS.min && zoom <= ZOOM_LIMITS.max) view.zoom = zoom;
    if (isInsideBounds([lng, lat], MAP_PAN_BOUNDS)) view.center = [lng, lat];
  }

  const layer = oneOf(THEMATIC_LAYERS, params.get('theme'));
  if (layer) {
    const thematic: NonNullable<ParsedView['thematic']> = { layer };
    const [scenario, housingType, measure] = (params.get('target') ?? '').split('.');
    const targetScenario = oneOf(TARGET_SCENARIOS, scenario);
    const type = oneOf([...HOUSING_TYPES, 'total' as const], housingType);
    const targetMeasure = oneOf(TARGET_MEASURES, measure);
    if (layer === 'targets' && targetScenario && type && targetMeasure) Object.assign(thematic, { targetScenario, housingType: type, targetMeasure });
    const [age, olderMeasure] = (params.get('older') ?? '').split('.');
    const ageGroup = oneOf(AGE_GROUPS, age);
    const olderPeopleMeasure = oneOf(OLDER_PEOPLE_MEASURES, olderMeasure);
    if (layer === 'olderPeople' && ageGroup && olderPeopleMeasure) Object.assign(thematic, { ageGroup, olderPeopleMeasure });
    view.thematic = thematic;
  }

  const layers = params.get('layers');
  if (layers !== null && /^[A-Za-z,]{1,100}$/.test(layers)) {
    const names = layers.split(',');
    view.showKeyProjects = names.includes(LAYER_NAMES.keyProjects);
    view.showBuiltUpAreas = names.includes(LAYER_NAMES.builtUpAreas);
  }

  const gridText = params.get('grid');
  if (gridText !== null) {
    const [mode, what, size] = gridText.split('.');
    const gridMode = oneOf(GRID_MODES, mode);
    const cellSizeMeters = GRID_CELL_SIZES_METERS.find((meters) => String(meters) === size);
    if (gridMode === 'housingType' && cellSizeMeters) {
      const housingType = oneOf(HOUSING_TYPES, what);
      if (housingType) view.grid = { mode: gridMode, housingType, cellSizeMeters };
    } else if (gridMode === 'category' && cellSizeMeters) {
      const category = oneOf(FACILITY_CATEGORIES, what);
      if (category) view.grid = { mode: gridMode, category, cellSizeMeters };
    }
  } else if (params.has('sel')) {
    // A link written by encodeViewHash without a grid had the grid off.
    view.grid = { mode: 'off' };
  }

  const selection = parseSelection(params.get('sel'));
  if (selection !== undefined) view.selection = selection;

  const language = oneOf(LANGUAGES, params.get('lang'));
  if (language) view.language = language;

  const draft = params.get('draft');
  if (draft !== null && ID_PATTERN.test(draft)) view.scenarioId = draft;
  else if (params.has('sel')) view.scenarioId = null;

  return view;
}
