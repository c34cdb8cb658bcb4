// geo/woondeal/sleutelprojecten.json: Bijlage 1 key projects with the printed totals, Tabel 2 and Figuur 1.

import type { DataIssue } from '../domain/dataIssue';
import { isOverijsselMunicipalityCode, type MunicipalityCode, type RegionId } from '../domain/geography';
import type { SourceInconsistency } from '../domain/housing';
import type { KeyProject } from '../domain/keyProject';
import type { PlaceHint } from '../domain/place';
import type { SourceId } from '../domain/source';
import { findForbiddenKey, isRecord, readRecords, RecordReader, requireTopLevelObject, wrongShape, type JsonRecord } from './jsonInput';
import { parseInconsistencies } from './parseInconsistencies';
import type { ParsedDataset } from './parsedDataset';

/** A key project as transcribed, with the row position it has in Bijlage 1 (1-based). */
export interface TranscribedKeyProject extends KeyProject {
  row: number;
  statusAsPrinted: string;
  placeHint: PlaceHint | null;
}

/** Printed 'Totaal <gemeente>' row of Bijlage 1; null where the table prints nothing. */
export interface KeyProjectMunicipalityTotal {
  municipalityCode: MunicipalityCode;
  homesWoondeal2022: number | null;
  homes2024To2030: number | null;
  homesAfter2030: number | null;
  source: SourceId;
}

export interface KeyProjectRegionTotal {
  region: RegionId;
  homesWoondeal2022: number;
  /** The footnote's figure for the 2022 ambition (25.125), which the printed total (25.045**) differs from. */
  homesWoondeal2022Footnote: number | null;
  homes2024To2030: number;
  homesAfter2030: number;
  source: SourceId;
}

/** One row of Tabel 2: number of key projects and their homes 2024-2030. */
export interface KeyProjectCountRow {
  municipalityCode: MunicipalityCode;
  keyProjects: number;
  homes2024To2030: number;
}

export interface Figure1Entry {
  projectId: string;
  nameAsPrinted: string;
  homes2024To2030: number;
}

export interface Figure1Municipality {
  municipalityCode: MunicipalityCode;
  total: number;
  projects: Figure1Entry[];
}

export interface KeyProjectsDataset {
  projects: TranscribedKeyProject[];
  municipalityTotals: KeyProjectMunicipalityTotal[];
  regionTotal: KeyProjectRegionTotal;
  table2: { rows: KeyProjectCountRow[]; total: { keyProjects: number; homes2024To2030: number }; source: SourceId };
  figure1: { municipalities: Figure1Municipality[]; source: SourceId };
  inconsistencies: SourceInconsistency[];
}

type RowReader<T> = (reader: RecordReader, entry: JsonRecord) => T;

/** Reads every element of an array field; bad elements become issues named `<field>[index]`. */
function readRows<T>(container: JsonRecord, field: string, file: string, issues: DataIssue[], read: RowReader<T>, recordPrefix = field): T[] {
  const value = container[field];
  if (!Array.isArray(value)) throw wrongShape(file, `expected an array "${recordPrefix}"`);
  return readRecords(value, file, issues, (index) => `${recordPrefix}[${index}]`, read);
}

function readMunicipalityCode(reader: RecordReader): MunicipalityCode {
  const code = reader.string('municipalityCode');
  if (!reader.issue && !isOverijsselMunicipalityCode(code)) reader.reject('data.unknownMunicipality', { value: code });
  return code;
}

function readPlaceHint(reader: RecordReader, entry: JsonRecord): PlaceHint | null {
  const hint = entry.placeHint;
  if (hint === null) return null;
  if (!isRecord(hint)) {
    reader.reject('data.missingField', { field: 'placeHint' });
    return null;
  }
  const name = typeof hint.name === 'string' ? hint.name.trim() : '';
  const precision = hint.precision;
  if (name === '' || (precision !== 'district' && precision !== 'town')) {
    reader.reject('data.invalidValue', { field: 'placeHint', value: JSON.stringify(hint) });
    return null;
  }
  return { name, precision };
}

function requireObject(container: JsonRecord, field: string, file: string): JsonRecord {
  const value = container[field];
  if (!isRecord(value)) throw wrongShape(file, `expected an object "${field}"`);
  const forbiddenKey = findForbiddenKey(value);
  if (forbiddenKey !== null) throw wrongShape(file, `forbidden key "${forbiddenKey}" in "${field}"`);
  return value;
}

export function parseKeyProjects(json: unknown, file: string): ParsedDataset<KeyProjectsDataset> {
  const root = requireTopLevelObject(json, file, 'expected an object with "projects"');
  const issues: DataIssue[] = [];
  const seenIds = new Set<string>();

  const projects = readRows(root, 'projects', file, issues, (reader, entry): TranscribedKeyProject => {
    const id = reader.string('id');
    if (!reader.issue && seenIds.has(id)) reader.reject('data.duplicateRecord', { value: id });
    seenIds.add(id);
    return {
      id,
      row: reader.count('row'),
      municipalityCode: readMunicipalityCode(reader),
      municipalityAsPrinted: reader.string('municipalityAsPrinted'),
      name: reader.string('name'),
      status: reader.oneOf('status', ['bestaand', 'nieuw'] as const),
      statusAsPrinted: reader.string('statusAsPrinted'),
      homesWoondeal2022: reader.nullableCount('homesWoondeal2022'),
      homes2024To2030: reader.nullableCount('homes2024To2030'),
      homesAfter2030: reader.nullableCount('homesAfter2030'),
      countsAsKeyProject: reader.boolean('countsAsKeyProject'),
      placeHint: readPlaceHint(reader, entry),
      source: reader.string('source'),
    };
  });

  const municipalityTotals = readRows(root, 'municipalityTotals', file, issues, (reader): KeyProjectMunicipalityTotal => ({
    municipalityCode: readMunicipalityCode(reader),
    homesWoondeal2022: reader.nullableCount('homesWoondeal2022'),
    homes2024To2030: reader.nullableCount('homes2024To2030'),
    homesAfter2030: reader.nullableCount('homesAfter2030'),
    source: reader.string('source'),
  }));

  const regionRecord = requireObject(root, 'regionTotal', file);
  const regionReader = new RecordReader(regionRecord, file, 'regionTotal');
  const regionTotal: KeyProjectRegionTotal = {
    region: regionReader.oneOf('region', ['west-overijssel', 'twente'] as const),
    homesWoondeal2022: regionReader.count('homesWoondeal2022'),
    homesWoondeal2022Footnote: regionReader.nullableCount('homesWoondeal2022Footnote'),
    homes2024To2030: regionReader.count('homes2024To2030'),
    homesAfter2030: regionReader.count('homesAfter2030'),
    source: regionReader.string('source'),
  };
  if (regionReader.issue) throw wrongShape(file, `regionTotal: ${regionReader.issue.code}`);

  const table2Record = requireObject(root, 'table2', file);
  const table2Rows = readRows(table2Record, 'rows', file, issues, (reader): KeyProjectCountRow => ({
    municipalityCode: readMunicipalityCode(reader),
    keyProjects: reader.count('keyProjects'),
    homes2024To2030: reader.count('homes2024To2030'),
  }), 'table2.rows');
  const table2TotalReader = new RecordReader(requireObject(table2Record, 'total', file), file, 'table2.total');
  const table2Total = { keyProjects: table2TotalReader.count('keyProjects'), homes2024To2030: table2TotalReader.count('homes2024To2030') };
  if (table2TotalReader.issue) throw wrongShape(file, `table2.total: ${table2TotalReader.issue.code}`);

  const figure1Record = requireObject(root, 'figure1', file);
  const figure1Municipalities = readRows(figure1Record, 'municipalities', file, issues, (reader, entry): Figure1Municipality => {
    const municipalityCode = readMunicipalityCode(reader);
    const total = reader.count('total');
    const entries = Array.isArray(entry.projects) ? entry.projects : [];
    if (!Array.isArray(entry.projects)) reader.reject('data.missingField', { field: 'projects' });
    const figureProjects: Figure1Entry[] = [];
    for (const project of entries) {
      if (!isRecord(project)) {
        reader.reject('data.invalidRecord', { field: 'projects' });
        continue;
      }
      const projectReader = new RecordReader(project, file, '');
      const figureEntry = { projectId: projectReader.string('projectId'), nameAsPrinted: projectReader.string('nameAsPrinted'), homes2024To2030: projectReader.count('homes2024To2030') };
      if (projectReader.issue) reader.reject(projectReader.issue.code, projectReader.issue.params ?? {});
      else figureProjects.push(figureEntry);
    }
    return { municipalityCode, total, projects: figureProjects };
  }, 'figure1.municipalities');

  const inconsistencies = parseInconsistencies(root.inconsistencies, file, issues);

  return {
    value: {
      projects,
      municipalityTotals,
      regionTotal,
      table2: { rows: table2Rows, total: table2Total, source: typeof table2Record.source === 'string' ? table2Record.source : '' },
      figure1: { municipalities: figure1Municipalities, source: typeof figure1Record.source === 'string' ? figure1Record.source : '' },
      inconsistencies,
    },
    issues,
  };
}
