// CSV export of the reachability table for Dutch Excel: ';' separator, decimal comma, UTF-8 BOM,
// CRLF line ends. Column headers and words come from the caller (the message catalogue). Every
// cell goes through csvField, which also keeps text from being run as a spreadsheet formula.

import type { FacilityCategory } from '../domain/facility';
import { FACILITY_CATEGORIES } from '../domain/facility';
import type { HousingType } from '../domain/housing';
import { HOUSING_TYPES } from '../domain/housing';
import type { ReachabilityRow, Verdict } from './reachability';

export interface ReachabilityCsvLabels {
  siteId: string;
  siteName: string;
  outsideProvince: string;
  yes: string;
  no: string;
  /** Shown in a distance cell when the category has no data. */
  noData: string;
  /** Header template with {category}, e.g. '{category} afstand hemelsbreed (m)'. */
  distanceColumn: string;
  /** Header template with {category}, e.g. '{category} looptijd (min)'. */
  walkingMinutesColumn: string;
  /** Header template with {category}: whether every facility of it is known at the site (yes/no). */
  completeColumn: string;
  /** Header template with {housingType}, e.g. 'Norm {housingType}'. */
  verdictColumn: string;
  categories: Record<FacilityCategory, string>;
  housingTypes: Record<HousingType, string>;
  verdicts: Record<Verdict, string>;
  /**
   * Over straat (when a street network is loaded or chosen): a column per row saying how its
   * distances and verdicts were measured, and per category both distances.
   */
  street?: {
    methodColumn: string;
    methods: Record<'hemelsbreed' | 'overStraat' | 'outsideNetwork' | 'noNetwork' | 'farFromStreet', string>;
    /** Header templates with {category}. */
    straightColumn: string;
    streetColumn: string;
    noRoute: string;
  };
}

/** How a row's distances were measured, for the method column. */
function methodKey(reachability: ReachabilityRow['reachability']): keyof NonNullable<ReachabilityCsvLabels['street']>['methods'] {
  const comparison = reachability.comparison;
  if (!comparison || comparison.chosen === 'hemelsbreed') return 'hemelsbreed';
  if (comparison.network === 'ok') return 'overStraat';
  return comparison.network;
}

/** Everything except 'overig', which no norm uses. */
export const CSV_DEFAULT_CATEGORIES: readonly FacilityCategory[] = FACILITY_CATEGORIES.filter((category) => category !== 'overig');

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Characters that make Excel or LibreOffice read a cell as a formula (OWASP "CSV injection"):
 * = + - @, and tab or carriage return in front of them.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: text that a spreadsheet would take for a formula gets a leading apostrophe (shown
 * as text, not run), and a cell with a separator, quote or line break is quoted.
 */
export function csvField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Extra per-site columns after the site name (municipality, homes, location precision …). */
export interface ReachabilityCsvSiteColumn {
  header: string;
  /** The cell text for the row at this position. */
  value: (row: ReachabilityRow, index: number) => string;
}

export interface ReachabilityCsvExtras {
  siteColumns?: readonly ReachabilityCsvSiteColumn[];
  /**
   * Lines written under the table after one empty line, e.g. [label, value, …]: what the figures
   * rest on (norms, walking speed, date, datasets). The table itself stays first, header on line 1.
   */
  about?: ReadonlyArray<readonly string[]>;
}

export function decimalComma(value: number, fractionDigits: number): string {
  return value.toFixed(fractionDigits).replace('.', ',');
}

/** Lines of cells as one CSV text for Dutch Excel: BOM, ';', every cell through csvField, CRLF. */
export function csvDocument(lines: ReadonlyArray<readonly string[]>): string {
  return BYTE_ORDER_MARK + lines.map((cells) => cells.map(csvField).join(';')).join('\r\n') + '\r\n';
}

function fillTemplate(template: string, name: string, value: string): string {
  return template.split(`{${name}}`).join(value);
}

export function reachabilityTableToCsv(
  rows: readonly ReachabilityRow[],
  labels: ReachabilityCsvLabels,
  categories: readonly FacilityCategory[] = CSV_DEFAULT_CATEGORIES,
  extras: ReachabilityCsvExtras = {},
): string {
  const siteColumns = extras.siteColumns ?? [];
  const street = labels.street !== undefined && rows.some((row) => row.reachability.comparison !== undefined) ? labels.street : null;
  const header = [labels.siteId, labels.siteName, ...siteColumns.map((column) => column.header), labels.outsideProvince];
  if (street) header.push(street.methodColumn);
  for (const category of categories) {
    header.push(fillTemplate(labels.distanceColumn, 'category', labels.categories[category]));
    header.push(fillTemplate(labels.walkingMinutesColumn, 'category', labels.categories[category]));
    header.push(fillTemplate(labels.completeColumn, 'category', labels.categories[category]));
    if (street) header.push(fillTemplate(street.straightColumn, 'category', labels.categories[category]), fillTemplate(street.streetColumn, 'category', labels.categories[category]));
  }
  for (const housingType of HOUSING_TYPES) header.push(fillTemplate(labels.verdictColumn, 'housingType', labels.housingTypes[housingType]));

  const lines = [header];
  rows.forEach((row, index) => {
    const { reachability } = row;
    const cells = [row.siteId, row.siteName, ...siteColumns.map((column) => column.value(row, index)), reachability.outsideProvince ? labels.yes : labels.no];
    if (street) cells.push(street.methods[methodKey(reachability)]);
    for (const category of categories) {
      const reach = reachability.categories[category];
      if (reach.status === 'found') {
        // whole metres: neither method is more precise than that
        cells.push(decimalComma(Math.round(reach.distanceMeters), 0), decimalComma(reach.walkingMinutes, 1));
      } else {
        cells.push(labels.noData, labels.noData);
      }
      // without "yes" the distance is only to the nearest known facility: a nearer one may exist
      cells.push(reach.complete ? labels.yes : labels.no);
      if (street) {
        const straight = reachability.comparison?.straightLine[category] ?? null;
        const overStreet = reachability.comparison?.overStreet?.[category];
        cells.push(straight === null ? labels.noData : decimalComma(Math.round(straight), 0));
        cells.push(
          overStreet === undefined || overStreet.kind === 'noFacility'
            ? labels.noData
            : overStreet.kind === 'noRoute'
              ? street.noRoute
              : decimalComma(Math.round(overStreet.distanceMeters), 0),
        );
      }
    }
    for (const housingType of HOUSING_TYPES) cells.push(labels.verdicts[reachability.housingTypes[housingType].verdict]);
    lines.push(cells);
  });
  if (extras.about !== undefined && extras.about.length > 0) lines.push([], ...extras.about.map((line) => [...line]));
  return csvDocument(lines);
}
