// Bijlage 1 of the Woondeal as parsed: 52 rows, 50 key projects, counts per municipality equal Tabel 2.

import { describe, expect, it } from 'vitest';
import { parseKeyProjects, type KeyProjectsDataset } from '../../../src/data/parseKeyProjects';
import { parseSources } from '../../../src/data/parseSources';
import { readGeoJson } from './geoFiles';

const FILE = '/geo/woondeal/sleutelprojecten.json';

function loadKeyProjects(): KeyProjectsDataset {
  const { value, issues } = parseKeyProjects(readGeoJson(FILE), FILE);
  expect(issues).toEqual([]);
  return value;
}

describe('parseKeyProjects on geo/woondeal/sleutelprojecten.json', () => {
  it('reads all 52 rows of Bijlage 1', () => {
    expect(loadKeyProjects().projects).toHaveLength(52);
  });

  it('counts 50 key projects: the two rows marked * are outlook only', () => {
    const { projects } = loadKeyProjects();
    expect(projects.filter((project) => project.countsAsKeyProject)).toHaveLength(50);
    expect(projects.filter((project) => !project.countsAsKeyProject).map((project) => project.name)).toEqual([
      'Nieuwleusen Palthelanden',
      'Steenwijk Stationsgebied',
    ]);
  });

  it('gives Zwolle 7 key projects', () => {
    const zwolle = loadKeyProjects().projects.filter((project) => project.municipalityCode === 'GM0193' && project.countsAsKeyProject);
    expect(zwolle).toHaveLength(7);
  });

  it('has per municipality as many key projects as Tabel 2 prints', () => {
    const { projects, table2 } = loadKeyProjects();
    for (const row of table2.rows) {
      const count = projects.filter((project) => project.municipalityCode === row.municipalityCode && project.countsAsKeyProject).length;
      expect({ municipality: row.municipalityCode, count }).toEqual({ municipality: row.municipalityCode, count: row.keyProjects });
    }
  });

  it('lists in Figuur 1 the same homes per project as Bijlage 1, except the known differences', () => {
    const { projects, figure1 } = loadKeyProjects();
    const differences = figure1.municipalities.flatMap((municipality) =>
      municipality.projects
        .map((entry) => ({ id: entry.projectId, figure: entry.homes2024To2030, table: projects.find((project) => project.id === entry.projectId)?.homes2024To2030 }))
        .filter((entry) => entry.figure !== entry.table),
    );
    expect(differences).toEqual([
      { id: 'deventer-centrumschil', figure: 2250, table: 2550 },
      { id: 'steenwijkerland-steenwijk-stationsgebied', figure: 0, table: null },
    ]);
  });

  it('keeps the misspelt municipality as printed while coding it as Zwartewaterland', () => {
    const hasselt = loadKeyProjects().projects.find((project) => project.id === 'zwartewaterland-hasselt-om-de-weede');
    expect(hasselt).toMatchObject({ municipalityAsPrinted: 'Zwarterwaterland', municipalityCode: 'GM1896' });
  });

  it('records null, not zero, where Bijlage 1 prints "-"', () => {
    const stationsgebied = loadKeyProjects().projects.find((project) => project.id === 'steenwijkerland-steenwijk-stationsgebied');
    expect(stationsgebied?.homes2024To2030).toBeNull();
  });

  it('refers only to sources that geo/sources.json registers', () => {
    const registered = new Set(parseSources(readGeoJson('/geo/sources.json'), 'sources').items.map((source) => source.id));
    const dataset = loadKeyProjects();
    const referenced = [
      ...dataset.projects.map((project) => project.source),
      ...dataset.municipalityTotals.map((total) => total.source),
      ...dataset.inconsistencies.map((inconsistency) => inconsistency.source),
      dataset.regionTotal.source,
      dataset.table2.source,
      dataset.figure1.source,
    ];
    expect(referenced.filter((id) => !registered.has(id))).toEqual([]);
  });
});

describe('parseKeyProjects on malformed input', () => {
  function minimalFile(projects: unknown[]): Record<string, unknown> {
    const real = readGeoJson(FILE) as Record<string, unknown>;
    return { ...real, projects };
  }
  const validProject = (): Record<string, unknown> => ({
    id: 'test-project', row: 1, municipalityCode: 'GM0193', municipalityAsPrinted: 'Zwolle', name: 'Test', status: 'nieuw',
    statusAsPrinted: 'Nieuw', homesWoondeal2022: null, homes2024To2030: 10, homesAfter2030: null, countsAsKeyProject: true,
    placeHint: null, source: 'woondeal-wo-2025-bijlage1',
  });

  it('reports a row with a text where a number belongs, naming the row', () => {
    const { value, issues } = parseKeyProjects(minimalFile([validProject(), { ...validProject(), id: 'bad', homes2024To2030: '1.000' }]), FILE);
    expect(value.projects.map((project) => project.id)).toEqual(['test-project']);
    expect(issues).toEqual([{ code: 'data.invalidNumber', file: FILE, record: 'projects[1]', params: { field: 'homes2024To2030', value: '1.000' } }]);
  });

  it('reports an unknown municipality code', () => {
    const { issues } = parseKeyProjects(minimalFile([{ ...validProject(), municipalityCode: 'GM0999' }]), FILE);
    expect(issues).toEqual([{ code: 'data.unknownMunicipality', file: FILE, record: 'projects[0]', params: { value: 'GM0999' } }]);
  });

  it('rejects a row carrying a __proto__ key', () => {
    const poisoned = JSON.parse(JSON.stringify(validProject()).replace('{', '{"__proto__": {"polluted": true}, ')) as unknown;
    const { value, issues } = parseKeyProjects(minimalFile([poisoned]), FILE);
    expect(value.projects).toEqual([]);
    expect(issues).toEqual([{ code: 'data.forbiddenKey', file: FILE, record: 'projects[0]', params: { key: '__proto__' } }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
