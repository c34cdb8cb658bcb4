// Reads the planner's own targets per municipality from a CSV (columns: gemeente, woningtype, basis,
// trend, bron; `;` or `,`), e.g. Twente's distribution when the planner has it. Rows are checked in
// analysis/plannerTargets.ts; a refused row is reported with its spreadsheet row number and reason.

import type { DataIssue, Validated } from '../domain/dataIssue';
import type { Municipality } from '../domain/geography';
import { HOUSING_TYPES } from '../domain/housing';
import type { PlannerTarget } from '../domain/scenario';
import { validatePlannerTargets, type PlannerTargetContext, type PlannerTargetInput } from '../analysis/plannerTargets';
import { normaliseHeader } from './import/coordinates';
import { readCsvTable } from './import/csvImport';

const COLUMNS = {
  municipality: ['gemeente', 'municipality', 'gemeentecode', 'code'],
  type: ['woningtype', 'type', 'housingtype', 'soort'],
  basis: ['basis', 'basisscenario', 'basisscenariorijk'],
  trend: ['trend', 'trendscenario', 'trendscenariocompanen'],
  source: ['bron', 'source', 'brontekst', 'sourcetext'],
} as const;

/** Type words as planners write them, Dutch and English, to the housing type. */
const TYPE_WORDS: Record<string, string> = {
  nultreden: 'nultreden',
  nultredenwoning: 'nultreden',
  nultredenwoningen: 'nultreden',
  zerostep: 'nultreden',
  geclusterd: 'geclusterd',
  geclusterdewoningen: 'geclusterd',
  clustered: 'geclusterd',
  zorggeschikt: 'zorggeschikt',
  zorggeschiktewoningen: 'zorggeschikt',
  careready: 'zorggeschikt',
  carefriendly: 'zorggeschikt',
};

/** "1.200", "1200" and " 1200 " are 1200; empty is null; anything else stays text (refused with what was written). */
export function readWholeNumber(raw: string | undefined): number | string | null {
  const value = (raw ?? '').trim().replace(/\s+/g, '');
  if (value === '') return null;
  if (/^\d+$/.test(value)) return Number(value);
  if (/^\d{1,3}(\.\d{3})+$/.test(value)) return Number(value.replace(/\./g, ''));
  return (raw ?? '').trim();
}

export function parsePlannerTargetsCsv(
  text: string,
  file: string,
  municipalities: readonly Pick<Municipality, 'code' | 'name' | 'region'>[],
  sourcedMunicipalityCodes: PlannerTargetContext['sourcedMunicipalityCodes'],
): Validated<PlannerTarget> {
  const table = readCsvTable(text.replace(/^\uFEFF/, ''));
  const normalised = table.headers.map(normaliseHeader);
  const column = (candidates: readonly string[]) => normalised.findIndex((header) => candidates.includes(header));
  const indexes = {
    municipality: column(COLUMNS.municipality),
    type: column(COLUMNS.type),
    basis: column(COLUMNS.basis),
    trend: column(COLUMNS.trend),
    source: column(COLUMNS.source),
  };
  const missing = Object.entries(indexes)
    .filter(([, index]) => index === -1)
    .map(([name]) => COLUMNS[name as keyof typeof COLUMNS][0]);
  if (missing.length > 0) return { items: [], issues: [{ code: 'plannerTargets.missingColumns', file, params: { columns: missing.join(', ') } }] };

  const byName = new Map<string, string>();
  for (const municipality of municipalities) {
    byName.set(normaliseHeader(municipality.name), municipality.code);
    byName.set(normaliseHeader(municipality.code), municipality.code);
  }
  // 'Hengelo (O.)' is written 'Hengelo' too
  for (const municipality of municipalities) {
    const short = normaliseHeader(municipality.name.replace(/\s*\(.*\)\s*$/, ''));
    if (!byName.has(short)) byName.set(short, municipality.code);
  }

  const inputs: PlannerTargetInput[] = [];
  const issues: DataIssue[] = table.malformedRows.map((row) => ({ code: 'plannerTargets.malformedRow', file, record: row }));
  table.rows.forEach((cells, position) => {
    const row = position + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    if (table.malformedRows.includes(row)) return;
    const cell = (index: number) => (cells[index] ?? '').trim();
    const municipalityAsGiven = cell(indexes.municipality);
    const typeWord = normaliseHeader(cell(indexes.type));
    inputs.push({
      record: row,
      municipalityCode: byName.get(normaliseHeader(municipalityAsGiven)) ?? null,
      municipalityAsGiven,
      housingType: TYPE_WORDS[typeWord] ?? ((HOUSING_TYPES as readonly string[]).includes(typeWord) ? typeWord : cell(indexes.type)),
      basis: readWholeNumber(cells[indexes.basis]),
      trend: readWholeNumber(cells[indexes.trend]),
      sourceText: cell(indexes.source),
    });
  });
  if (inputs.length === 0 && issues.length === 0) return { items: [], issues: [{ code: 'plannerTargets.noRows', file }] };
  const validated = validatePlannerTargets(inputs, { municipalities, sourcedMunicipalityCodes, file });
  return { items: validated.items, issues: [...issues, ...validated.issues] };
}
