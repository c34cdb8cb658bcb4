// Printed per-municipality tables of the Woondeal: homes built 2022-2024 (Tabel 1) and the 2031-2035 outlook (Tabel 3).

import type { DataIssue } from '../domain/dataIssue';
import { isOverijsselMunicipalityCode, REGION_IDS } from '../domain/geography';
import type { MunicipalHomesFigure, MunicipalHomesTable } from '../domain/housing';
import { isRecord, readRecords, RecordReader, requireTopLevelObject, wrongShape } from './jsonInput';
import { parseInconsistencies } from './parseInconsistencies';
import type { ParsedDataset } from './parsedDataset';

/** Rows keep null for '-' (unknown), never 0; the printed total is kept even where the rows disagree with it. */
export function parseMunicipalHomesTable(json: unknown, file: string): ParsedDataset<MunicipalHomesTable> {
  const root = requireTopLevelObject(json, file, 'expected an object with "rows" and "total"');
  if (!Array.isArray(root.rows)) throw wrongShape(file, 'expected an array "rows"');
  if (!isRecord(root.total)) throw wrongShape(file, 'expected an object "total"');
  const sources = Array.isArray(root.source) ? root.source.filter((id): id is string => typeof id === 'string') : [];
  const source = sources[0];
  if (source === undefined) throw wrongShape(file, 'expected a "source" list');

  const totalReader = new RecordReader(root.total, file, 'total');
  const region = totalReader.oneOf('region', REGION_IDS);
  const printedTotal = totalReader.count('homes');
  if (totalReader.issue) throw wrongShape(file, `total: ${totalReader.issue.code}`);

  const issues: DataIssue[] = [];
  const rows = readRecords(root.rows, file, issues, (index) => `rows[${index}]`, (reader): MunicipalHomesFigure => {
    const municipalityCode = reader.string('municipalityCode');
    if (!reader.issue && !isOverijsselMunicipalityCode(municipalityCode)) reader.reject('data.unknownMunicipality', { value: municipalityCode });
    return { municipalityCode, homes: reader.nullableCount('homes'), source };
  });

  const inconsistencies = parseInconsistencies(root.inconsistencies, file, issues);
  return { value: { region, rows, printedTotal, inconsistencies, source }, issues };
}
