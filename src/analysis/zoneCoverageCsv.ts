// CSV exports of the woonservicegebieden coverage (issue 9, point 6) for Dutch Excel: the kernen
// table and the municipality/region table, each followed by what the figures rest on (zone
// definition, data used, method). Words come from the caller (the message catalogue); the file
// format is reachabilityCsv's (';', decimal comma, UTF-8 BOM, CRLF, formula-safe cells).

import type { AgeBand } from './dasymetric';
import { csvDocument, decimalComma } from './reachabilityCsv';
import type { TargetRow } from './scenarioScore';
import { COVERAGE_HOUSING_TYPES, type AreaCoverage, type CoverageStatus, type CoverageHousingType, type GapStatus, type KernCoverage, type ZoneCoverage } from './zoneCoverage';

export interface ZoneCoverageCsvLabels {
  kern: string;
  municipality: string;
  area: string;
  status: string;
  /** Header templates with {band}: people of the band in the kern / inside, outside, no data. */
  peopleColumn: string;
  insideColumn: string;
  outsideColumn: string;
  noDataColumn: string;
  share75PlusInside: string;
  /** Header templates with {housingType}. */
  plannedInsideColumn: string;
  plannedAllColumn: string;
  bandLowColumn: string;
  bandHighColumn: string;
  gapStatus: string;
  /** Cell text when part of a figure is unknown (CBS suppressed counts), with {postcodes}. */
  minimumNote: string;
  notes: string;
  unknown: string;
  bands: Record<AgeBand, string>;
  housingTypes: Record<CoverageHousingType, string>;
  statuses: Record<CoverageStatus, string>;
  gapStatuses: Record<GapStatus, string>;
}

const fill = (template: string, name: string, value: string) => template.split(`{${name}}`).join(value);
const people = (value: number) => decimalComma(Math.round(value), 0);
const BANDS: readonly AgeBand[] = ['all', '65plus', '75plus', '85plus'];

function unknownNote(unknownPostcodes: Record<AgeBand, string[]>, labels: ZoneCoverageCsvLabels): string {
  const postcodes = [...new Set(BANDS.flatMap((band) => unknownPostcodes[band]))].sort();
  return postcodes.length === 0 ? '' : fill(labels.minimumNote, 'postcodes', postcodes.join(', '));
}

/** Kernen with their zone status and people (dasymetric), in the given order. */
export function kernenCoverageCsv(
  kernen: readonly KernCoverage[],
  municipalityName: (code: string) => string,
  labels: ZoneCoverageCsvLabels,
  about: ReadonlyArray<readonly string[]>,
): string {
  const header = [labels.kern, labels.municipality, labels.status, ...BANDS.map((band) => fill(labels.peopleColumn, 'band', labels.bands[band])), labels.notes];
  const lines: string[][] = [header];
  for (const kern of kernen) {
    lines.push([
      kern.name,
      municipalityName(kern.municipalityCode),
      labels.statuses[kern.status],
      ...BANDS.map((band) => people(kern.people[band])),
      unknownNote(kern.unknownPostcodes, labels),
    ]);
  }
  if (about.length > 0) lines.push([], ...about.map((line) => [...line]));
  return csvDocument(lines);
}

function bandEnds(row: TargetRow): [string, string] | null {
  const comparison = row.comparison;
  if (comparison?.measuredAgainst === 'band') return [String(comparison.low), String(comparison.high)];
  const target = row.target;
  if (!target || target.basis === null || target.trend === null) return null;
  return [String(Math.min(target.basis, target.trend)), String(Math.max(target.basis, target.trend))];
}

/** One row per municipality, then the regions and the province. */
export function areaCoverageCsv(
  coverage: Pick<ZoneCoverage, 'municipalities' | 'areas' | 'gap'>,
  areaName: (area: AreaCoverage['area']) => string,
  labels: ZoneCoverageCsvLabels,
  about: ReadonlyArray<readonly string[]>,
): string {
  const ageBands: readonly AgeBand[] = ['65plus', '75plus', '85plus'];
  const header = [labels.area];
  for (const band of ageBands) {
    for (const template of [labels.insideColumn, labels.outsideColumn, labels.noDataColumn]) header.push(fill(template, 'band', labels.bands[band]));
  }
  header.push(labels.share75PlusInside);
  for (const type of COVERAGE_HOUSING_TYPES) {
    for (const template of [labels.plannedInsideColumn, labels.plannedAllColumn, labels.bandLowColumn, labels.bandHighColumn]) header.push(fill(template, 'housingType', labels.housingTypes[type]));
  }
  header.push(labels.gapStatus, labels.notes);
  const gapOf = new Map(coverage.gap.municipalities.map((gap) => [gap.code, gap]));
  const lines: string[][] = [header];
  for (const row of [...coverage.municipalities, ...coverage.areas]) {
    const cells = [areaName(row.area)];
    for (const band of ageBands) cells.push(people(row.people.inside[band]), people(row.people.outside[band]), people(row.people.noData[band]));
    const known = row.people.inside['75plus'] + row.people.outside['75plus'] + row.people.noData['75plus'];
    cells.push(known > 0 ? decimalComma((100 * row.people.inside['75plus']) / known, 1) + ' %' : labels.unknown);
    for (const type of COVERAGE_HOUSING_TYPES) {
      const homes = row.homes[type];
      const ends = bandEnds(homes.all);
      cells.push(String(homes.inside.planned.homes), String(homes.all.planned.homes), ends?.[0] ?? labels.unknown, ends?.[1] ?? labels.unknown);
    }
    const gap = row.area.kind === 'municipality' ? gapOf.get(row.area.code) : undefined;
    cells.push(gap ? labels.gapStatuses[gap.status] : '', unknownNote(row.people.unknownPostcodes, labels));
    lines.push(cells);
  }
  if (about.length > 0) lines.push([], ...about.map((line) => [...line]));
  return csvDocument(lines);
}
