import { describe, expect, it } from 'vitest';
import { joinProjectRows, sortProjectRows, type ProjectTableRow } from '../../../src/analysis/projectTable';

describe('project table sorting', () => {
  function row(name: string, distanceMeters: number | null): ProjectTableRow {
    const supermarkt = distanceMeters === null ? { category: 'supermarkt', status: 'noData', method: 'hemelsbreed' } : { category: 'supermarkt', status: 'found', distanceMeters };
    return {
      project: { name } as ProjectTableRow['project'],
      municipalityName: 'Zwolle',
      row: { siteId: name, siteName: name, reachability: { categories: { supermarkt } } } as unknown as ProjectTableRow['row'],
    };
  }

  it('sorts distances ascending with "no data" last', () => {
    const sorted = sortProjectRows([row('a', null), row('b', 900), row('c', 100)], 'distance:supermarkt', 'ascending');
    expect(sorted.map((entry) => entry.project.name)).toEqual(['c', 'b', 'a']);
  });

  it('keeps "no data" last when sorting descending', () => {
    const sorted = sortProjectRows([row('a', null), row('b', 900), row('c', 100)], 'distance:supermarkt', 'descending');
    expect(sorted.map((entry) => entry.project.name)).toEqual(['b', 'c', 'a']);
  });
});

describe('joining rows with their projects', () => {
  const project = (id: string, municipalityCode: string, countsAsKeyProject = true) =>
    ({ id, name: id, municipalityCode, municipalityAsPrinted: `${municipalityCode} (as printed)`, countsAsKeyProject }) as ProjectTableRow['project'];
  const row = (siteId: string) => ({ siteId, siteName: siteId }) as unknown as ProjectTableRow['row'];
  const projects = [project('a', 'GM0193'), project('b', 'GM0153'), project('outlook', 'GM0193', false)];
  const municipalities = [{ code: 'GM0193', name: 'Zwolle' }];

  it('names the municipality, falling back to the name as printed, and drops rows without a project', () => {
    const joined = joinProjectRows([row('a'), row('b'), row('gone')], projects, municipalities, { municipality: 'all', includeOutlookOnly: false });
    expect(joined.map((entry) => [entry.project.id, entry.municipalityName])).toEqual([
      ['a', 'Zwolle'],
      ['b', 'GM0153 (as printed)'],
    ]);
  });

  it('keeps outlook-only projects only when asked, and filters by municipality', () => {
    const rows = [row('a'), row('b'), row('outlook')];
    expect(joinProjectRows(rows, projects, municipalities, { municipality: 'GM0193', includeOutlookOnly: false }).map((entry) => entry.project.id)).toEqual(['a']);
    expect(joinProjectRows(rows, projects, municipalities, { municipality: 'GM0193', includeOutlookOnly: true }).map((entry) => entry.project.id)).toEqual(['a', 'outlook']);
  });
});
