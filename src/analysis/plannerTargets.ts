// The planner's own targets per municipality, for a region whose sources print only region totals
// (Twente): checked row by row, and summed against the printed region totals. The difference is
// reported; nothing is ever filled in or spread over municipalities by the app.

import type { DataIssue, Validated } from '../domain/dataIssue';
import type { Municipality, MunicipalityCode, RegionId } from '../domain/geography';
import { HOUSING_TYPES, TARGET_SCENARIOS, type HousingType, type RegionTarget, type TargetScenario } from '../domain/housing';
import type { PlannerTarget } from '../domain/scenario';

/** Largest target for one municipality and type the app accepts (the largest printed region target is 5.310). */
export const MAX_PLANNER_TARGET = 100_000;
export const MAX_PLANNER_SOURCE_TEXT_LENGTH = 500;

export interface PlannerTargetContext {
  municipalities: readonly Pick<Municipality, 'code' | 'region'>[];
  /** Municipalities whose targets the sources print; the planner cannot replace them. */
  sourcedMunicipalityCodes: ReadonlySet<MunicipalityCode>;
  /** For `file` in the issues (the CSV's name, or 'invoer'). */
  file: string;
}

/** A row as entered or read from a file, before checking; `record` names it in messages (row number). */
export interface PlannerTargetInput {
  record: number | string;
  municipalityCode: MunicipalityCode | null;
  /** What the planner wrote, for messages when it matched no municipality. */
  municipalityAsGiven: string;
  housingType: string;
  /** A number, null when left empty, or the text as given when it is not a number. */
  basis: number | string | null;
  trend: number | string | null;
  sourceText: string;
}

/**
 * Valid rows and one issue per refused row (row + reason). A value left empty stays null. Refused:
 * an unknown municipality or type, a municipality whose target the sources print, a value that is
 * not a whole number of 0 or more, a row with neither value, a missing source text, a second row for
 * the same municipality and type.
 */
export function validatePlannerTargets(inputs: readonly PlannerTargetInput[], context: PlannerTargetContext): Validated<PlannerTarget> {
  const items: PlannerTarget[] = [];
  const issues: DataIssue[] = [];
  const known = new Set(context.municipalities.map((municipality) => municipality.code));
  const seen = new Set<string>();
  for (const input of inputs) {
    const refuse = (code: string, params: Record<string, string | number> = {}) => issues.push({ code, file: context.file, record: input.record, params });
    if (input.municipalityCode === null || !known.has(input.municipalityCode)) {
      refuse('plannerTargets.unknownMunicipality', { value: input.municipalityAsGiven });
      continue;
    }
    if (context.sourcedMunicipalityCodes.has(input.municipalityCode)) {
      refuse('plannerTargets.sourcedMunicipality', { value: input.municipalityAsGiven });
      continue;
    }
    if (!(HOUSING_TYPES as readonly string[]).includes(input.housingType)) {
      refuse('plannerTargets.unknownType', { value: input.housingType });
      continue;
    }
    const badScenario = TARGET_SCENARIOS.find((scenario) => {
      const value = input[scenario];
      return value !== null && (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_PLANNER_TARGET);
    });
    if (badScenario !== undefined) {
      refuse('plannerTargets.invalidValue', { scenario: badScenario, value: String(input[badScenario]), max: MAX_PLANNER_TARGET });
      continue;
    }
    if (input.basis === null && input.trend === null) {
      refuse('plannerTargets.noValue');
      continue;
    }
    const sourceText = input.sourceText.trim();
    if (sourceText === '') {
      refuse('plannerTargets.noSourceText');
      continue;
    }
    if (sourceText.length > MAX_PLANNER_SOURCE_TEXT_LENGTH) {
      refuse('plannerTargets.sourceTextTooLong', { length: sourceText.length, max: MAX_PLANNER_SOURCE_TEXT_LENGTH });
      continue;
    }
    const key = `${input.municipalityCode}|${input.housingType}`;
    if (seen.has(key)) {
      refuse('plannerTargets.duplicate', { value: input.municipalityAsGiven, type: input.housingType });
      continue;
    }
    seen.add(key);
    items.push({
      municipalityCode: input.municipalityCode,
      housingType: input.housingType as HousingType,
      basis: input.basis as number | null,
      trend: input.trend as number | null,
      sourceText,
    });
  }
  return { items, issues };
}

/** The planner's per-municipality targets of one region, type and scenario, against the printed region total. */
export interface PlannerTargetRegionCheck {
  region: RegionId;
  housingType: HousingType;
  scenario: TargetScenario;
  /** Sum of the planner's values (only the municipalities that have one). */
  plannerSum: number;
  /** Municipalities with a value, out of the region's municipalities. */
  municipalitiesWithValue: MunicipalityCode[];
  municipalitiesWithoutValue: MunicipalityCode[];
  /** The printed region total; null when the sources print none. */
  printed: number | null;
  /** plannerSum − printed; null when there is no printed figure. */
  difference: number | null;
}

/**
 * Per region that has planner rows, per type and scenario: the planner's sum against the printed
 * region total. Regions without planner rows give no checks.
 */
export function checkPlannerTargets(
  rows: readonly PlannerTarget[],
  regionTargets: readonly RegionTarget[],
  municipalities: readonly Pick<Municipality, 'code' | 'region'>[],
): PlannerTargetRegionCheck[] {
  const regionOf = new Map(municipalities.map((municipality) => [municipality.code, municipality.region]));
  const regions = [...new Set(rows.map((row) => regionOf.get(row.municipalityCode)).filter((region): region is RegionId => region !== undefined))];
  const checks: PlannerTargetRegionCheck[] = [];
  for (const region of regions) {
    const inRegion = municipalities.filter((municipality) => municipality.region === region).map((municipality) => municipality.code);
    const printed = regionTargets.find((target) => target.region === region);
    for (const housingType of HOUSING_TYPES) {
      for (const scenario of TARGET_SCENARIOS) {
        const values = new Map<MunicipalityCode, number>();
        for (const row of rows) {
          const value = row[scenario];
          if (row.housingType === housingType && value !== null && regionOf.get(row.municipalityCode) === region) values.set(row.municipalityCode, value);
        }
        const plannerSum = [...values.values()].reduce((sum, value) => sum + value, 0);
        const printedValue = printed ? printed[scenario][housingType] : null;
        checks.push({
          region,
          housingType,
          scenario,
          plannerSum,
          municipalitiesWithValue: inRegion.filter((code) => values.has(code)),
          municipalitiesWithoutValue: inRegion.filter((code) => !values.has(code)),
          printed: printedValue,
          difference: printedValue === null ? null : plannerSum - printedValue,
        });
      }
    }
  }
  return checks;
}
