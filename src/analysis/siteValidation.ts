// Field checks for a planner's site: impossible values (negative homes, a site outside Overijssel,
// year 1900, …) are refused at the field with a message, before an edit is recorded. Pure and
// worker-safe; the province check is the outline test of areaIndex.ts (via isOutsideProvince).

import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { DataIssue } from '../domain/dataIssue';
import { isOverijsselMunicipalityCode } from '../domain/geography';
import {
  DELIVERY_PHASES,
  FIRST_DELIVERY_YEAR,
  LAST_DELIVERY_YEAR,
  LAST_TARGET_YEAR,
  MAX_SITE_HOMES,
  MAX_SITE_NAME_LENGTH,
  MAX_SITE_NOTES_LENGTH,
  SITE_HOME_TYPES,
  TENURES,
  type SiteFields,
  type SiteHomeType,
} from '../domain/scenario';
import { isOutsideProvince } from './reachability';
import { outlineProblem } from './polygonOutline';

/** The field an issue belongs to: a SiteFields key, or one housing type's number of homes. */
export type SiteField = keyof SiteFields | `homes.${SiteHomeType}`;

export interface SiteFieldIssue extends DataIssue {
  field: SiteField;
}

export interface SiteValidationContext {
  /** Province outline; without it only Overijssel's bounding box is checked. */
  province?: Polygon | MultiPolygon | Feature<Polygon | MultiPolygon> | null;
  /** Ids of the published key projects a site may link to; without it any id is accepted. */
  keyProjectIds?: ReadonlySet<string>;
  /** What `file` says in the issues (the scenario's name); default 'scenario'. */
  file?: string;
  /** What `record` says in the issues (the site's name or id). */
  record?: string | number;
}

/** A [lon, lat] pair of finite numbers within ±180° and ±90°. */
export function isLonLat(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1]) &&
    Math.abs(value[0] as number) <= 180 &&
    Math.abs(value[1] as number) <= 90
  );
}

/**
 * Every problem with the given fields, one issue per field at most (the first reason found). Only the
 * fields present are checked; year and phase are checked against each other when both are given, so
 * validate an update merged with the site's current fields. An empty list means the fields can be saved.
 */
export function validateSiteFields(fields: Partial<SiteFields>, context: SiteValidationContext = {}): SiteFieldIssue[] {
  const issues: SiteFieldIssue[] = [];
  const file = context.file ?? 'scenario';
  const issue = (field: SiteField, code: string, params: Record<string, string | number> = {}) => {
    if (issues.some((existing) => existing.field === field)) return;
    issues.push({ field, code, file, ...(context.record !== undefined ? { record: context.record } : {}), params: { field, ...params } });
  };
  const province = { province: context.province ?? undefined };

  if (fields.name !== undefined) {
    if (typeof fields.name !== 'string' || fields.name.trim() === '') issue('name', 'site.nameEmpty');
    else if (fields.name.trim().length > MAX_SITE_NAME_LENGTH) issue('name', 'site.nameTooLong', { length: fields.name.trim().length, max: MAX_SITE_NAME_LENGTH });
  }

  if (fields.notes !== undefined) {
    if (typeof fields.notes !== 'string') issue('notes', 'site.valueUnknown', { value: String(fields.notes) });
    else if (fields.notes.length > MAX_SITE_NOTES_LENGTH) issue('notes', 'site.notesTooLong', { length: fields.notes.length, max: MAX_SITE_NOTES_LENGTH });
  }

  if (fields.location !== undefined) {
    if (!isLonLat(fields.location)) issue('location', 'site.locationInvalid', { value: String(fields.location) });
    else if (isOutsideProvince(fields.location, province)) {
      issue('location', 'site.outsideProvince', { lon: fields.location[0].toFixed(5), lat: fields.location[1].toFixed(5) });
    }
  }

  if (fields.outline !== undefined && fields.outline !== null) {
    const rings = Array.isArray(fields.outline) ? fields.outline : [];
    const problem = rings.every((ring) => Array.isArray(ring) && ring.every(isLonLat)) ? outlineProblem(rings) : { code: 'tooFewPoints' as const };
    if (problem?.code === 'selfIntersecting') {
      issue('outline', 'site.outlineSelfIntersecting', { lon: problem.at[0].toFixed(5), lat: problem.at[1].toFixed(5) });
    } else if (problem) {
      issue('outline', 'site.outlineInvalid');
    } else if (rings.some((ring) => ring.some((point) => isOutsideProvince(point, province)))) {
      issue('outline', 'site.outlineOutsideProvince');
    }
  }

  if (fields.municipalityCode !== undefined && !isOverijsselMunicipalityCode(String(fields.municipalityCode))) {
    issue('municipalityCode', 'site.municipalityUnknown', { value: String(fields.municipalityCode) });
  }

  if (fields.homes !== undefined) {
    let total = 0;
    for (const type of SITE_HOME_TYPES) {
      const value: unknown = fields.homes?.[type];
      const field = `homes.${type}` as const;
      if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value)) issue(field, 'site.homesNotWhole', { value: String(value) });
      else if (value < 0) issue(field, 'site.homesNegative', { value });
      else if (value > MAX_SITE_HOMES) issue(field, 'site.homesTooMany', { value, max: MAX_SITE_HOMES });
      else total += value;
    }
    if (!issues.some((existing) => existing.field.startsWith('homes.')) && total > MAX_SITE_HOMES) {
      issue('homes', 'site.homesTotalTooMany', { value: total, max: MAX_SITE_HOMES });
    }
  }

  if (fields.tenure !== undefined && !(TENURES as readonly string[]).includes(fields.tenure)) issue('tenure', 'site.valueUnknown', { value: String(fields.tenure) });
  const phaseKnown = fields.phase !== undefined && (DELIVERY_PHASES as readonly string[]).includes(fields.phase);
  if (fields.phase !== undefined && !phaseKnown) issue('phase', 'site.valueUnknown', { value: String(fields.phase) });

  if (fields.year !== undefined && fields.year !== null) {
    const year = fields.year;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < FIRST_DELIVERY_YEAR || year > LAST_DELIVERY_YEAR) {
      issue('year', 'site.yearOutOfRange', { value: String(year), min: FIRST_DELIVERY_YEAR, max: LAST_DELIVERY_YEAR });
    } else if (phaseKnown && fields.phase === '2024-2030' && year > LAST_TARGET_YEAR) {
      issue('year', 'site.yearAfterPhase', { value: year, last: LAST_TARGET_YEAR });
    } else if (phaseKnown && fields.phase === 'after2030' && year <= LAST_TARGET_YEAR) {
      issue('year', 'site.yearBeforePhase', { value: year, last: LAST_TARGET_YEAR });
    }
  }

  if (fields.keyProjectId !== undefined && fields.keyProjectId !== null) {
    if (typeof fields.keyProjectId !== 'string' || (context.keyProjectIds !== undefined && !context.keyProjectIds.has(fields.keyProjectId))) {
      issue('keyProjectId', 'site.keyProjectUnknown', { value: String(fields.keyProjectId) });
    }
  }

  return issues;
}

/** The issues of one field, for showing next to it. */
export function issuesForField(issues: readonly SiteFieldIssue[], field: SiteField): SiteFieldIssue[] {
  return issues.filter((issue) => issue.field === field);
}
