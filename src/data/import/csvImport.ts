// Reads a CSV of facilities with papaparse: detects `;` or `,` (or tab) as separator, reads decimal
// commas, suggests a column mapping from the header names and turns rows into raw records.

import Papa from 'papaparse';
import { normaliseHeader } from './coordinates';
import { isUnsafeKey } from './unsafeKeys';
import type { ColumnMapping, EarlyRejection, GeocodeColumns, RawRecord } from './importTypes';

/** Separators we accept, in order of preference when counts tie (Dutch Excel writes `;`). */
const CANDIDATE_DELIMITERS = [';', ',', '\t'] as const;

/** Counts each candidate outside double quotes on the header line and takes the most frequent. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATE_DELIMITERS.map((delimiter) => [delimiter, 0]));
  let inQuotes = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] as string;
    if (character === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (character === '\n' || character === '\r')) break;
    else if (!inQuotes && counts.has(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  let best: string = CANDIDATE_DELIMITERS[1];
  let bestCount = 0;
  for (const delimiter of CANDIDATE_DELIMITERS) {
    const count = counts.get(delimiter) ?? 0;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Reads "52,123" and "52.123" alike; "1.234,5" and "1,234.5" as thousands-grouped. Anything else
 * (empty, text, "52,1,2") gives NaN so the record is rejected rather than misread.
 */
export function parseDecimalNumber(raw: string): number {
  const value = raw.trim().replace(/\s+/g, '');
  if (value === '') return Number.NaN;
  if (/^[+-]?\d+,\d+$/.test(value)) return Number(value.replace(',', '.'));
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) return Number(value);
  if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(value)) return Number(value.replace(/\./g, '').replace(',', '.'));
  if (/^[+-]?\d{1,3}(,\d{3})+\.\d+$/.test(value)) return Number(value.replace(/,/g, ''));
  return Number.NaN;
}

const NAME_HEADERS = ['naam', 'name', 'locatienaam', 'locatie', 'organisatie', 'instelling', 'titel', 'title', 'omschrijving'];
const CATEGORY_HEADERS = ['categorie', 'category', 'type', 'soort', 'voorziening', 'functie', 'kind'];
const X_HEADERS = ['lon', 'lng', 'long', 'longitude', 'lengtegraad', 'x', 'xcoord', 'xcoordinaat', 'rdx', 'xrd', 'easting'];
const Y_HEADERS = ['lat', 'latitude', 'breedtegraad', 'y', 'ycoord', 'ycoordinaat', 'rdy', 'yrd', 'northing'];
const STREET_HEADERS = ['straat', 'straatnaam', 'street', 'openbareruimte'];
const HOUSE_NUMBER_HEADERS = ['huisnummer', 'huisnr', 'nummer', 'housenumber', 'number'];
const POSTCODE_HEADERS = ['postcode', 'zipcode', 'postalcode'];
const TOWN_HEADERS = ['plaats', 'woonplaats', 'plaatsnaam', 'city', 'town'];
const ADDRESS_HEADERS = ['adres', 'address', 'straat', 'straatnaam', 'street', 'huisnummer', 'housenumber', 'postcode', 'zipcode', 'plaats', 'woonplaats', 'city', 'town'];

function findHeader(headers: readonly string[], candidates: readonly string[]): string | undefined {
  const normalised = headers.map(normaliseHeader);
  for (const candidate of candidates) {
    const index = normalised.indexOf(candidate);
    if (index !== -1) return headers[index];
  }
  return undefined;
}

/** Suggests a mapping from header names; fields it cannot guess are left out. */
export function suggestColumnMapping(headers: readonly string[]): Partial<ColumnMapping> {
  const suggestion: Partial<ColumnMapping> = {};
  const nameColumn = findHeader(headers, NAME_HEADERS);
  const categoryColumn = findHeader(headers, CATEGORY_HEADERS);
  const xColumn = findHeader(headers, X_HEADERS);
  const yColumn = findHeader(headers, Y_HEADERS);
  if (nameColumn !== undefined) suggestion.nameColumn = nameColumn;
  if (categoryColumn !== undefined) suggestion.categoryColumn = categoryColumn;
  if (xColumn !== undefined) suggestion.xColumn = xColumn;
  if (yColumn !== undefined) suggestion.yColumn = yColumn;
  const addressColumns = headers.filter((header) => ADDRESS_HEADERS.includes(normaliseHeader(header)));
  if (addressColumns.length > 0) suggestion.addressColumns = addressColumns;
  const geocodeColumns: GeocodeColumns = {};
  const street = findHeader(headers, STREET_HEADERS);
  const houseNumber = findHeader(headers, HOUSE_NUMBER_HEADERS);
  const postcode = findHeader(headers, POSTCODE_HEADERS);
  const town = findHeader(headers, TOWN_HEADERS);
  if (street !== undefined) geocodeColumns.street = street;
  if (houseNumber !== undefined) geocodeColumns.houseNumber = houseNumber;
  if (postcode !== undefined) geocodeColumns.postcode = postcode;
  if (town !== undefined) geocodeColumns.town = town;
  if (canGeocode(geocodeColumns)) suggestion.geocodeColumns = geocodeColumns;
  return suggestion;
}

/** Geocode columns identify an address: a house number plus a postcode, or plus street and town. */
export function canGeocode(columns: GeocodeColumns | undefined): boolean {
  if (columns === undefined || columns.houseNumber === undefined) return false;
  return columns.postcode !== undefined || (columns.street !== undefined && columns.town !== undefined);
}

/** Fields of a mapping that are missing or name a column that does not exist (the name column not when `nameOptional` and absent). */
export function missingMappingFields(mapping: Partial<ColumnMapping>, headers: readonly string[], hasFixedCategory: boolean, nameOptional = false): string[] {
  const missing: string[] = [];
  const exists = (column: string | undefined) => column !== undefined && headers.includes(column);
  if (!exists(mapping.nameColumn) && !(nameOptional && mapping.nameColumn === undefined)) missing.push('nameColumn');
  const geocodable = canGeocode(mapping.geocodeColumns) && Object.values(mapping.geocodeColumns ?? {}).every(exists);
  if (!geocodable) {
    if (!exists(mapping.xColumn)) missing.push('xColumn');
    if (!exists(mapping.yColumn)) missing.push('yColumn');
  }
  if (!hasFixedCategory && mapping.fixedCategory === undefined && !exists(mapping.categoryColumn)) missing.push('categoryColumn');
  return missing;
}

export interface CsvTable {
  delimiter: string;
  headers: string[];
  /** Data rows; `rows[i]` is spreadsheet row i + 2 (the header is row 1). */
  rows: string[][];
  /** Rows papaparse could not read cleanly (unclosed quotes), as spreadsheet row numbers. */
  malformedRows: number[];
}

export function readCsvTable(text: string): CsvTable {
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  const [headerRow = [], ...rows] = parsed.data;
  const malformedRows = parsed.errors
    .filter((error) => error.row !== undefined && error.row !== null)
    .map((error) => (error.row as number) + 1);
  return { delimiter, headers: headerRow.map((header) => header.trim()), rows, malformedRows };
}

/** At most this many unmapped columns are kept as extra attributes, each cut to a sane length. */
const MAX_EXTRA_FIELDS = 30;
const MAX_EXTRA_LENGTH = 500;

/** Turns table rows into raw records; blank rows are skipped without a message. */
export function csvRowsToRecords(
  table: CsvTable,
  mapping: ColumnMapping,
): { records: RawRecord[]; rejections: EarlyRejection[] } {
  const index = (column: string | undefined) => (column === undefined ? -1 : table.headers.indexOf(column));
  const nameIndex = index(mapping.nameColumn);
  const categoryIndex = mapping.fixedCategory === undefined ? index(mapping.categoryColumn) : -1;
  const xIndex = index(mapping.xColumn);
  const yIndex = index(mapping.yColumn);
  const addressIndexes = (mapping.addressColumns ?? []).map(index).filter((value) => value !== -1);
  const geocode = mapping.geocodeColumns;
  const geocodeIndexes = {
    street: index(geocode?.street),
    houseNumber: index(geocode?.houseNumber),
    postcode: index(geocode?.postcode),
    town: index(geocode?.town),
  };
  const mappedIndexes = new Set([nameIndex, categoryIndex, xIndex, yIndex, ...addressIndexes, ...Object.values(geocodeIndexes)]);
  const extraIndexes = table.headers.map((_, columnIndex) => columnIndex).filter((columnIndex) => !mappedIndexes.has(columnIndex) && table.headers[columnIndex] !== '' && !isUnsafeKey(table.headers[columnIndex] as string)).slice(0, MAX_EXTRA_FIELDS);
  const malformed = new Set(table.malformedRows);

  const records: RawRecord[] = [];
  const rejections: EarlyRejection[] = [];
  table.rows.forEach((row, rowIndex) => {
    const record = rowIndex + 2;
    if (row.every((cell) => cell.trim() === '')) return;
    if (malformed.has(record)) {
      rejections.push({ record, code: 'import.csvRowMalformed' });
      return;
    }
    const cell = (columnIndex: number) => (columnIndex === -1 ? '' : (row[columnIndex] ?? '').trim());
    const firstText = cell(xIndex);
    const secondText = cell(yIndex);
    const raw: RawRecord = {
      record,
      name: cell(nameIndex),
      first: parseDecimalNumber(firstText),
      second: parseDecimalNumber(secondText),
      firstText,
      secondText,
    };
    if (categoryIndex !== -1) raw.categoryValue = cell(categoryIndex);
    const address = addressIndexes.map(cell).filter((part) => part !== '').join(', ');
    if (address !== '') raw.address = address;
    const extra: Record<string, string> = {};
    for (const columnIndex of extraIndexes) {
      const value = cell(columnIndex);
      if (value !== '') extra[table.headers[columnIndex] as string] = value.slice(0, MAX_EXTRA_LENGTH);
    }
    if (Object.keys(extra).length > 0) raw.extra = extra;
    if (canGeocode(geocode)) {
      raw.addressRow = { street: cell(geocodeIndexes.street), houseNumber: cell(geocodeIndexes.houseNumber), postcode: cell(geocodeIndexes.postcode), town: cell(geocodeIndexes.town) };
      if (raw.address === undefined) {
        const parts = [[raw.addressRow.street, raw.addressRow.houseNumber].filter(Boolean).join(' '), [raw.addressRow.postcode, raw.addressRow.town].filter(Boolean).join(' ')];
        const address = parts.filter((part) => part !== '').join(', ');
        if (address !== '') raw.address = address;
      }
    }
    records.push(raw);
  });
  return { records, rejections };
}
