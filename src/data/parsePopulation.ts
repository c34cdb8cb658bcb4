// Population datasets: CBS Kerncijfers wijken en buurten 2024 (CSV) and older people per PC4 area, 1 Jan 2021.

import Papa from 'papaparse';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { DatasetError, type DataIssue, type Validated } from '../domain/dataIssue';
import { isOverijsselMunicipalityCode } from '../domain/geography';
import type { NeighbourhoodFigures, PostcodePopulation } from '../domain/population';
import type { SourceId } from '../domain/source';
import { parseFeatures, POLYGON_BOUNDS } from './geojsonInput';
import { forbiddenKeyIssue, RecordReader, wrongShape } from './jsonInput';

export const KWB_REQUIRED_COLUMNS = ['code', 'niveau', 'gemeentecode', 'inwoners'] as const;
const FORBIDDEN_COLUMNS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Rows of the KWB CSV. `record` is the spreadsheet row number (header = row 1). A wijk code must
 * belong to its municipality (WK0193xx under GM0193).
 */
export function parseNeighbourhoodFigures(csvText: string, file: string, source: SourceId): Validated<NeighbourhoodFigures> {
  const parsed = Papa.parse<string[]>(csvText.trim(), { header: false, skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  if (!header || header.length < 2) throw wrongShape(file, 'expected a CSV file with a header row');
  const forbidden = header.find((column) => FORBIDDEN_COLUMNS.has(column));
  if (forbidden !== undefined) throw new DatasetError(forbiddenKeyIssue(forbidden, file, 1));
  const missingColumns = KWB_REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missingColumns.length > 0) throw wrongShape(file, `missing columns ${missingColumns.join(', ')}`);

  const items: NeighbourhoodFigures[] = [];
  const issues: DataIssue[] = [];
  rows.forEach((cells, index) => {
    const rowNumber = index + 2;
    const record = Object.fromEntries(header.map((column, columnIndex) => [column, cells[columnIndex] ?? '']));
    const reader = new RecordReader(record, file, rowNumber, true);
    const code = reader.string('code');
    const level = reader.oneOf('niveau', ['gemeente', 'wijk'] as const);
    const municipalityCode = reader.string('gemeentecode');
    const inhabitants = reader.count('inwoners');
    const housingStock = reader.nullableCount('woningvoorraad');
    const areaTotalHectares = reader.nullableNumber('oppervlakte_totaal_ha');
    if (!reader.issue && !isOverijsselMunicipalityCode(municipalityCode)) reader.reject('data.unknownMunicipality', { value: municipalityCode });
    if (!reader.issue && !codeBelongsToMunicipality(code, level, municipalityCode)) reader.reject('data.invalidValue', { field: 'code', value: code });
    if (reader.issue) {
      issues.push(reader.issue);
      return;
    }
    items.push({ code, level, municipalityCode, inhabitants, housingStock, areaTotalHectares, source });
  });
  return { items, issues };
}

function codeBelongsToMunicipality(code: string, level: 'gemeente' | 'wijk', municipalityCode: string): boolean {
  if (level === 'gemeente') return code === municipalityCode;
  return /^WK\d{6}$/.test(code) && code.slice(2, 6) === municipalityCode.slice(2);
}

export type PostcodeArea = Feature<Polygon | MultiPolygon, PostcodePopulation>;

export const PC4_REFERENCE_DATE = '2021-01-01';

/** PC4 areas with inhabitants and 65+/75+/85+; the age groups must nest (85+ ≤ 75+ ≤ 65+ ≤ all). */
export function parsePostcodePopulation(json: unknown, file: string, source: SourceId): Validated<PostcodeArea> {
  return parseFeatures<Polygon | MultiPolygon, PostcodePopulation>(json, {
    file,
    geometryTypes: ['Polygon', 'MultiPolygon'],
    bounds: POLYGON_BOUNDS,
    readProperties: (reader, properties) => {
      const postcode = reader.string('postcode');
      const place = reader.optionalString('plaats') ?? '';
      const municipalityCode = reader.string('gemeentecode_2026');
      const inhabitants = reader.count('inwoners');
      const inhabitants65Plus = reader.count('inwoners_65plus');
      const inhabitants75Plus = reader.count('inwoners_75plus');
      const inhabitants85Plus = reader.count('inwoners_85plus');
      const area = properties.oppervlakte_km2 === undefined ? null : reader.nullableNumber('oppervlakte_km2');
      if (reader.issue) return null;
      if (!/^\d{4}$/.test(postcode)) reader.reject('data.invalidValue', { field: 'postcode', value: postcode });
      else if (!isOverijsselMunicipalityCode(municipalityCode)) reader.reject('data.unknownMunicipality', { value: municipalityCode });
      else if (!(inhabitants85Plus <= inhabitants75Plus && inhabitants75Plus <= inhabitants65Plus && inhabitants65Plus <= inhabitants)) {
        reader.reject('data.ageGroupsDoNotNest', { postcode });
      }
      if (reader.issue) return null;
      return {
        postcode, place, municipalityCode, inhabitants, inhabitants65Plus, inhabitants75Plus, inhabitants85Plus,
        areaSquareKilometres: area, referenceDate: PC4_REFERENCE_DATE, source,
      };
    },
  });
}
