// loadDatasets over the real geo/ files, and with one file broken at a time: the broken one reports
// file + record + code, every other dataset still loads.

import { describe, expect, it } from 'vitest';
import type { DataIssue } from '../../../src/domain/dataIssue';
import { DATASET_PATHS, DATASET_PATH_LIST, loadDatasets, type DatasetKey, type LoadedDatasets } from '../../../src/data/loadDatasets';
import { diskFetchText, readGeoText } from './geoFiles';

type FeatureCollectionJson = { type: string; features: { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[] };

function geoJsonWith(path: string, change: (collection: FeatureCollectionJson) => void): string {
  const collection = JSON.parse(readGeoText(path)) as FeatureCollectionJson;
  change(collection);
  return JSON.stringify(collection);
}

function failedKeys(loaded: LoadedDatasets): string[] {
  return Object.entries(loaded).filter(([, result]) => !result.ok).map(([key]) => key);
}

const loadAll = (overrides: Record<string, string | Error> = {}): Promise<LoadedDatasets> => loadDatasets(diskFetchText(overrides));

describe('loadDatasets on the embedded geo/ files', () => {
  it('loads every dataset without issues', async () => {
    const loaded = await loadAll();
    const results = Object.entries(loaded) as [string, { issues: DataIssue[] }][];
    const issues = results.flatMap(([key, result]) => result.issues.map((issue) => ({ key, ...issue })));
    expect(failedKeys(loaded)).toEqual([]);
    expect(issues).toEqual([]);
  });

  it('lists a path for every file it fetches', async () => {
    const fetched: string[] = [];
    await loadDatasets(async (path) => {
      fetched.push(path);
      return readGeoText(path);
    });
    expect([...fetched].sort()).toEqual([...DATASET_PATH_LIST].sort());
  });

  it('builds 25 municipalities, 11 in West-Overijssel and 14 in Twente, with KWB 2024 inhabitants', async () => {
    const { municipalities } = await loadAll();
    if (!municipalities.ok) throw new Error('municipalities did not load');
    expect(municipalities.value.filter((municipality) => municipality.region === 'west-overijssel')).toHaveLength(11);
    expect(municipalities.value.filter((municipality) => municipality.region === 'twente')).toHaveLength(14);
    expect(municipalities.value.find((municipality) => municipality.code === 'GM0193')?.inhabitants).toBe(133141);
  });

  it('places station areas at the railway station from the embedded station file', async () => {
    const { placedKeyProjects, trainStations } = await loadAll();
    if (!placedKeyProjects.ok || !trainStations.ok) throw new Error('placed key projects or stations did not load');
    expect(trainStations.value).toHaveLength(36);
    const steenwijk = placedKeyProjects.value.find((project) => project.id === 'steenwijkerland-steenwijk-stationsgebied');
    expect(steenwijk?.locationPrecision).toBe('station');
    expect(steenwijk?.location).toEqual(trainStations.value.find((station) => station.name === 'Steenwijk')?.location);
  });

  it('without the station file keeps station areas on their town and names the missing file', async () => {
    const loaded = await loadAll({ [DATASET_PATHS.trainStations]: new Error('HTTP 404') });
    expect(loaded.trainStations.issues).toEqual([expect.objectContaining({ code: 'data.fileMissing', file: DATASET_PATHS.trainStations })]);
    if (!loaded.placedKeyProjects.ok) throw new Error('placed key projects did not load');
    const steenwijk = loaded.placedKeyProjects.value.find((project) => project.id === 'steenwijkerland-steenwijk-stationsgebied');
    expect(steenwijk?.locationPrecision).toBe('town');
    expect(steenwijk?.placement).toEqual(expect.objectContaining({ nameRuleUnmet: 'station' }));
  });

  it('reads older people per PC4 with the 1 January 2021 reference date', async () => {
    const { postcodePopulation } = await loadAll();
    if (!postcodePopulation.ok) throw new Error('postcodePopulation did not load');
    expect(postcodePopulation.value).toHaveLength(294);
    expect(postcodePopulation.value.find((area) => area.properties.postcode === '8011')?.properties).toMatchObject({
      inhabitants: 8620,
      inhabitants65Plus: 1260,
      referenceDate: '2021-01-01',
    });
  });
});

describe('loadDatasets with one broken file', () => {
  it('reports a missing file when the fetch rejects, and loads the rest', async () => {
    const loaded = await loadAll({ [DATASET_PATHS.homesBuilt]: new Error('HTTP 404') });
    expect(failedKeys(loaded)).toEqual(['homesBuilt']);
    expect(loaded.homesBuilt.issues).toEqual([
      { code: 'data.fileMissing', file: DATASET_PATHS.homesBuilt, params: { file: DATASET_PATHS.homesBuilt, reason: 'HTTP 404' } },
    ]);
  });

  it('reports malformed JSON as notJson for that file only', async () => {
    const loaded = await loadAll({ [DATASET_PATHS.keyProjects]: '{"projects": [' });
    expect(loaded.keyProjects.issues).toEqual([expect.objectContaining({ code: 'data.notJson', file: DATASET_PATHS.keyProjects })]);
    expect(failedKeys(loaded)).toEqual(['keyProjects', 'placedKeyProjects']);
    expect(loaded.placedKeyProjects.issues).toEqual([
      { code: 'data.dependencyMissing', file: 'placedKeyProjects', params: { file: DATASET_PATHS.keyProjects } },
    ]);
  });

  it('reports a file of the wrong shape as wrongShape', async () => {
    const loaded = await loadAll({ [DATASET_PATHS.builtUpAreas]: '[1, 2, 3]' });
    expect(failedKeys(loaded)).toEqual(['builtUpAreas']);
    expect(loaded.builtUpAreas.issues).toEqual([expect.objectContaining({ code: 'data.wrongShape', file: DATASET_PATHS.builtUpAreas })]);
  });

  it('drops a feature with coordinates outside Overijssel, naming its index', async () => {
    const broken = geoJsonWith(DATASET_PATHS.places, (collection) => {
      const third = collection.features[2];
      if (third) third.geometry.coordinates = [4.9, 52.37]; // Amsterdam
    });
    const loaded = await loadAll({ [DATASET_PATHS.places]: broken });
    if (!loaded.places.ok) throw new Error('places should still load');
    expect(loaded.places.issues).toEqual([{ code: 'data.coordinateOutOfRange', file: DATASET_PATHS.places, record: 2, params: { lon: 4.9, lat: 52.37 } }]);
    expect(loaded.places.value).toHaveLength(1137);
  });

  it('drops a feature whose required field is missing', async () => {
    const broken = geoJsonWith(DATASET_PATHS.postcodePopulation, (collection) => {
      delete collection.features[5]?.properties.inwoners_65plus;
    });
    const loaded = await loadAll({ [DATASET_PATHS.postcodePopulation]: broken });
    expect(loaded.postcodePopulation.issues).toEqual([
      { code: 'data.missingField', file: DATASET_PATHS.postcodePopulation, record: 5, params: { field: 'inwoners_65plus' } },
    ]);
  });

  it('drops a feature carrying a __proto__ key', async () => {
    const text = readGeoText(DATASET_PATHS.municipalityBoundaries).replace('"properties":{"statcode":"GM0141"', '"properties":{"__proto__":{"admin":true},"statcode":"GM0141"');
    const loaded = await loadAll({ [DATASET_PATHS.municipalityBoundaries]: text });
    expect(loaded.municipalityBoundaries.issues).toEqual([{ code: 'data.forbiddenKey', file: DATASET_PATHS.municipalityBoundaries, record: 0, params: { key: '__proto__' } }]);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('reports a KWB row with a non-numeric inhabitants cell by its spreadsheet row', async () => {
    const lines = readGeoText(DATASET_PATHS.neighbourhoodFigures).split('\n');
    lines[1] = (lines[1] ?? '').replace(',74317,', ',onbekend,');
    const loaded = await loadAll({ [DATASET_PATHS.neighbourhoodFigures]: lines.join('\n') });
    expect(loaded.neighbourhoodFigures.issues).toEqual([
      { code: 'data.invalidNumber', file: DATASET_PATHS.neighbourhoodFigures, record: 2, params: { field: 'inwoners', value: 'onbekend' } },
    ]);
  });

  it('keeps municipalities working without KWB, with unknown inhabitants', async () => {
    const loaded = await loadAll({ [DATASET_PATHS.neighbourhoodFigures]: new Error('offline') });
    if (!loaded.municipalities.ok) throw new Error('municipalities should still load');
    expect(loaded.municipalities.value.every((municipality) => municipality.inhabitants === null)).toBe(true);
    expect(loaded.municipalities.issues).toEqual([
      { code: 'data.dependencyMissing', file: 'municipalities', params: { file: DATASET_PATHS.neighbourhoodFigures } },
    ]);
  });

  it.each(Object.keys(DATASET_PATHS) as DatasetKey[])('never throws when %s is garbage', async (key) => {
    const loaded = await loadAll({ [DATASET_PATHS[key]]: 'garbage' });
    expect(loaded[key].issues.length).toBeGreaterThan(0);
    expect(loaded.sources.ok || key === 'sources').toBe(true);
  });
});
