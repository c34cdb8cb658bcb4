// The Municipality model: CBS boundaries + region assignment + inhabitants from KWB 2024.

import type { DataIssue, Validated } from '../domain/dataIssue';
import type { Municipality } from '../domain/geography';
import type { NeighbourhoodFigures } from '../domain/population';
import type { SourceId } from '../domain/source';
import type { MunicipalityBoundary } from './parseMunicipalityBoundaries';
import type { RegionAssignment } from './parseRegionAssignment';

/**
 * One Municipality per boundary, in CBS code order. A boundary without a region cannot be placed in the
 * Woondeal structure and is reported; missing inhabitants become null (unknown), never 0.
 */
export function buildMunicipalities(
  boundaries: readonly MunicipalityBoundary[],
  regions: readonly RegionAssignment[],
  neighbourhoodFigures: readonly NeighbourhoodFigures[],
  inhabitantsSource: SourceId,
  file = 'municipalities',
): Validated<Municipality> {
  const regionByCode = new Map(regions.map((assignment) => [assignment.municipalityCode, assignment.region]));
  const inhabitantsByCode = new Map(
    neighbourhoodFigures.filter((row) => row.level === 'gemeente').map((row) => [row.municipalityCode, row.inhabitants]),
  );
  const items: Municipality[] = [];
  const issues: DataIssue[] = [];
  for (const boundary of [...boundaries].sort((a, b) => a.properties.code.localeCompare(b.properties.code))) {
    const { code, name } = boundary.properties;
    const region = regionByCode.get(code);
    if (!region) {
      issues.push({ code: 'data.municipalityWithoutRegion', file, record: code, params: { value: name } });
      continue;
    }
    const inhabitants = inhabitantsByCode.get(code) ?? null;
    if (inhabitants === null) issues.push({ code: 'data.inhabitantsMissing', file, record: code, params: { value: name } });
    items.push({ code, name, region, inhabitants, inhabitantsSource });
  }
  return { items, issues };
}
