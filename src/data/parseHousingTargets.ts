// geo/woondeal/ouderenhuisvesting-doelen.json: targets up to 2030 for nultreden, geclusterd and zorggeschikt homes.

import type { DataIssue } from '../domain/dataIssue';
import { isOverijsselMunicipalityCode, REGION_IDS, type RegionId } from '../domain/geography';
import { HOUSING_TYPES, type HomesPerType, type MunicipalTarget, type RegionTarget, type SourceInconsistency } from '../domain/housing';
import { findForbiddenKey, forbiddenKeyIssue, isRecord, RecordReader, requireTopLevelObject, wrongShape, type JsonRecord } from './jsonInput';
import { parseInconsistencies } from './parseInconsistencies';
import type { ParsedDataset } from './parsedDataset';

/** A region target with the totals the text prints (see RegionTarget). */
export type PrintedRegionTarget = RegionTarget;

export interface HousingTargetsDataset {
  municipalTargets: MunicipalTarget[];
  /** Totals row printed under the per-municipality tables. */
  municipalTablePrintedTotals: { basis: HomesPerType; trend: HomesPerType } | null;
  regionTargets: PrintedRegionTarget[];
  /** Regions whose per-municipality split is absent from the sources (unknown, not zero). */
  regionsWithoutMunicipalTargets: RegionId[];
  inconsistencies: SourceInconsistency[];
}

function readHomesPerType(reader: RecordReader, entry: JsonRecord, field: string): HomesPerType {
  const value = entry[field];
  if (!isRecord(value)) {
    reader.reject('data.missingField', { field });
    return { nultreden: 0, geclusterd: 0, zorggeschikt: 0 };
  }
  const inner = new RecordReader(value, '', '');
  const homes = {} as HomesPerType;
  for (const type of HOUSING_TYPES) homes[type] = inner.count(type);
  if (inner.issue) reader.reject(inner.issue.code, { ...inner.issue.params, field: `${field}.${String(inner.issue.params?.field ?? '')}` });
  return homes;
}

function eachRecord(value: unknown, file: string, prefix: string, issues: DataIssue[], visit: (entry: JsonRecord, recordId: string) => void): void {
  if (!Array.isArray(value)) throw wrongShape(file, `expected an array "${prefix}"`);
  value.forEach((entry: unknown, index) => {
    const recordId = `${prefix}[${index}]`;
    if (!isRecord(entry)) {
      issues.push({ code: 'data.invalidRecord', file, record: recordId });
      return;
    }
    const forbiddenKey = findForbiddenKey(entry);
    if (forbiddenKey !== null) issues.push(forbiddenKeyIssue(forbiddenKey, file, recordId));
    else visit(entry, recordId);
  });
}

export function parseHousingTargets(json: unknown, file: string): ParsedDataset<HousingTargetsDataset> {
  const root = requireTopLevelObject(json, file, 'expected an object with "municipalTargets" and "regionTargets"');
  const issues: DataIssue[] = [];
  const table = root.municipalTargets;
  if (!isRecord(table)) throw wrongShape(file, 'expected an object "municipalTargets"');
  const tableSource = typeof table.source === 'string' ? table.source : '';

  const municipalTargets: MunicipalTarget[] = [];
  eachRecord(table.rows, file, 'municipalTargets.rows', issues, (entry, recordId) => {
    const reader = new RecordReader(entry, file, recordId);
    const municipalityCode = reader.string('municipalityCode');
    if (!reader.issue && !isOverijsselMunicipalityCode(municipalityCode)) reader.reject('data.unknownMunicipality', { value: municipalityCode });
    const basis = readHomesPerType(reader, entry, 'basis');
    const trend = readHomesPerType(reader, entry, 'trend');
    if (reader.issue) issues.push(reader.issue);
    else municipalTargets.push({ municipalityCode, basis, trend, source: tableSource });
  });

  let municipalTablePrintedTotals: HousingTargetsDataset['municipalTablePrintedTotals'] = null;
  if (isRecord(table.printedTotals)) {
    const reader = new RecordReader(table.printedTotals, file, 'municipalTargets.printedTotals');
    const totals = { basis: readHomesPerType(reader, table.printedTotals, 'basis'), trend: readHomesPerType(reader, table.printedTotals, 'trend') };
    if (reader.issue) issues.push(reader.issue);
    else municipalTablePrintedTotals = totals;
  }

  const regionTargets: PrintedRegionTarget[] = [];
  eachRecord(root.regionTargets, file, 'regionTargets', issues, (entry, recordId) => {
    const reader = new RecordReader(entry, file, recordId);
    const target: PrintedRegionTarget = {
      region: reader.oneOf('region', REGION_IDS),
      basis: readHomesPerType(reader, entry, 'basis'),
      trend: readHomesPerType(reader, entry, 'trend'),
      basisTotal: reader.nullableCount('basisTotal'),
      trendTotal: reader.nullableCount('trendTotal'),
      source: reader.string('source'),
    };
    if (reader.issue) issues.push(reader.issue);
    else regionTargets.push(target);
  });

  const regionsWithoutMunicipalTargets: RegionId[] = [];
  if (Array.isArray(root.regionsWithoutMunicipalTargets)) {
    for (const entry of root.regionsWithoutMunicipalTargets as unknown[]) {
      const region = isRecord(entry) ? entry.region : undefined;
      if (region === 'west-overijssel' || region === 'twente') regionsWithoutMunicipalTargets.push(region);
    }
  }

  const inconsistencies = parseInconsistencies(root.inconsistencies, file, issues);
  return { value: { municipalTargets, municipalTablePrintedTotals, regionTargets, regionsWithoutMunicipalTargets, inconsistencies }, issues };
}
