// geo/boundaries/regio-indeling.json: which region (West-Overijssel or Twente) each municipality belongs to.

import type { DataIssue, Validated } from '../domain/dataIssue';
import { isOverijsselMunicipalityCode, REGION_IDS, type MunicipalityCode, type RegionId } from '../domain/geography';
import type { SourceId } from '../domain/source';
import { readRecords, requireTopLevelObject, wrongShape } from './jsonInput';

export interface RegionAssignment {
  municipalityCode: MunicipalityCode;
  region: RegionId;
  source: SourceId;
}

/** Municipalities per region as the sources name them: West-Overijssel 11, Twente 14. */
export const EXPECTED_MUNICIPALITIES_PER_REGION: Readonly<Record<RegionId, number>> = { 'west-overijssel': 11, twente: 14 };

export function parseRegionAssignment(json: unknown, file: string): Validated<RegionAssignment> {
  const root = requireTopLevelObject(json, file, 'expected an object with "municipalities"');
  if (!Array.isArray(root.municipalities)) throw wrongShape(file, 'expected an array "municipalities"');
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  const items = readRecords(root.municipalities, file, issues, (index) => index, (reader): RegionAssignment => {
    const municipalityCode = reader.string('municipalityCode');
    const region = reader.oneOf('region', REGION_IDS);
    const source = reader.string('source');
    if (!reader.issue && !isOverijsselMunicipalityCode(municipalityCode)) reader.reject('data.unknownMunicipality', { value: municipalityCode });
    if (!reader.issue && seen.has(municipalityCode)) reader.reject('data.duplicateRecord', { value: municipalityCode });
    if (!reader.issue) seen.add(municipalityCode);
    return { municipalityCode, region, source };
  });
  for (const region of REGION_IDS) {
    const count = items.filter((item) => item.region === region).length;
    if (count !== EXPECTED_MUNICIPALITIES_PER_REGION[region]) {
      issues.push({ code: 'data.regionCountMismatch', file, params: { region, count, expected: EXPECTED_MUNICIPALITIES_PER_REGION[region] } });
    }
  }
  return { items, issues };
}
