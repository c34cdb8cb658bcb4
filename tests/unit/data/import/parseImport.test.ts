// Tests for the whole import on text: CSV dialects, coordinate systems, categories, GeoJSON
// geometry handling, unsafe keys, file-level failures and cancellation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rdToWgs84 } from '../../../../src/data/import/coordinateConversion';
import type { ImportOptions, ImportResult, ImportSucceeded } from '../../../../src/data/import/importTypes';
import { parseImport } from '../../../../src/data/import/parseImport';
import { MAX_IMPORT_RECORDS } from '../../../../src/data/import/importLimits';
import { provinceOutline } from '../geoFiles';

const PROVINCE = provinceOutline();
const options = (overrides: Partial<ImportOptions> = {}): ImportOptions => ({ fileName: 'test.csv', datasetId: 'ds-test', provinceOutline: PROVINCE, ...overrides });

function succeeded(result: ImportResult): ImportSucceeded {
  if (result.status !== 'ok') throw new Error(`import did not succeed: ${JSON.stringify(result)}`);
  return result;
}

function failedCode(result: ImportResult): string | undefined {
  return result.status === 'failed' ? result.issue.code : undefined;
}

const csvLines = (...lines: string[]) => lines.join('\r\n');

function feature(coordinates: unknown, properties: Record<string, unknown> = { naam: 'Locatie', categorie: 'apotheek' }, type = 'Point') {
  return { type: 'Feature', properties, geometry: { type, coordinates } };
}

const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('parseImport CSV dialects', () => {
  it('reads ; separated rows with decimal commas', async () => {
    const text = csvLines('naam;categorie;lengtegraad;breedtegraad', 'Apotheek Zwolle;apotheek;6,0944;52,5125');
    const [facility] = succeeded(await parseImport(text, options())).facilities;
    expect(facility?.location).toEqual([6.0944, 52.5125]);
  });

  it('reads , separated rows with decimal dots', async () => {
    const text = csvLines('name,category,lon,lat', 'Pharmacy Enschede,pharmacy,6.8937,52.2215');
    const [facility] = succeeded(await parseImport(text, options())).facilities;
    expect(facility?.location).toEqual([6.8937, 52.2215]);
  });

  it('reads a file that starts with a byte order mark', async () => {
    const text = '\uFEFF' + csvLines('naam;categorie;lon;lat', 'A;apotheek;6,1;52,5');
    expect(succeeded(await parseImport(text, options())).csv?.mappingUsed?.nameColumn).toBe('naam');
  });

  it('reports the delimiter it used', async () => {
    const text = csvLines('naam;categorie;lon;lat', 'A;apotheek;6,1;52,5');
    expect(succeeded(await parseImport(text, options())).csv?.delimiter).toBe(';');
  });
});

describe('parseImport CSV row numbers and categories', () => {
  it('numbers rejected rows as a spreadsheet shows them, blank rows included', async () => {
    const text = csvLines('naam;categorie;lon;lat', 'A;apotheek;6,1;52,5', '', 'B;kapper;6,1;52,5');
    const result = succeeded(await parseImport(text, options()));
    expect(result.rejected).toEqual([{ code: 'import.unknownCategory', file: 'test.csv', record: 4, params: { value: 'kapper' } }]);
  });

  it.each([
    ['verpleeghuis', 'zorg24uur'],
    ['Huisarts', 'huisarts'],
    ['Supermarkt', 'supermarkt'],
    ['buurthuis', 'ontmoetingsplek'],
    ['Woonzorgcentrum', 'woonzorgcentrum'],
  ] as const)('maps the word %s to %s', async (word, category) => {
    const text = csvLines('naam;categorie;lon;lat', `A;${word};6,1;52,5`);
    expect(succeeded(await parseImport(text, options())).facilities[0]?.category).toBe(category);
  });

  it('cuts an overlong name and says which rows', async () => {
    const text = csvLines('naam;categorie;lon;lat', `${'Lang'.repeat(50_000)};apotheek;6,1;52,5`, 'Kort;apotheek;6,2;52,4');
    const result = succeeded(await parseImport(text, options()));
    expect(result.facilities[0]!.name.length).toBeLessThanOrEqual(200);
    expect(result.facilities[1]!.name).toBe('Kort');
    expect(result.warnings).toMatchObject([{ code: 'import.namesCutRows', params: { count: 1, max: 200, records: '2' } }]);
  });

  it('gives a bushalte transit mode bus', async () => {
    const text = csvLines('naam;categorie;lon;lat', 'Halte Markt;bushalte;6,1;52,5');
    expect(succeeded(await parseImport(text, options())).facilities[0]?.attributes.transitMode).toBe('bus');
  });

  it('applies a fixed category to every row and needs no category column', async () => {
    const text = csvLines('naam;lon;lat', 'A;6,1;52,5', 'B;6,2;52,4');
    const result = succeeded(await parseImport(text, options({ fixedCategory: 'apotheek' })));
    expect(result.facilities.map((facility) => facility.category)).toEqual(['apotheek', 'apotheek']);
  });

  it('rejects a row with a text coordinate with the column and value', async () => {
    const text = csvLines('naam;categorie;lon;lat', 'A;apotheek;6,1;52,5', 'B;apotheek;onbekend;52,5');
    expect(succeeded(await parseImport(text, options())).rejected[0]).toMatchObject({ code: 'import.coordinateNotNumber', record: 3, params: { field: 'lon', value: 'onbekend' } });
  });

  it('builds the address from the address columns', async () => {
    const text = csvLines('naam;categorie;straat;plaats;lon;lat', 'A;apotheek;Markt 1;Ommen;6,42;52,52');
    expect(succeeded(await parseImport(text, options())).facilities[0]?.attributes.address).toBe('Markt 1, Ommen');
  });
});

describe('parseImport CSV mapping step', () => {
  it('fails with the missing fields and the header when columns cannot be guessed', async () => {
    const result = await parseImport(csvLines('kolom1;kolom2;kolom3', 'a;b;c'), options());
    expect(result).toMatchObject({ status: 'failed', issue: { code: 'import.columnMappingIncomplete' }, csv: { headers: ['kolom1', 'kolom2', 'kolom3'] } });
  });

  it('uses a mapping given by the user', async () => {
    const text = csvLines('kolom1;kolom2;kolom3', 'Apotheek;6,1;52,5');
    const result = await parseImport(text, options({ columnMapping: { nameColumn: 'kolom1', xColumn: 'kolom2', yColumn: 'kolom3', fixedCategory: 'apotheek' } }));
    expect(succeeded(result).facilities[0]?.name).toBe('Apotheek');
  });
});

describe('parseImport coordinate systems', () => {
  it('detects swapped lat/lon columns, asks to confirm and imports them swapped back', async () => {
    const text = csvLines('naam;categorie;lon;lat', 'A;apotheek;52,5;6,1', 'B;apotheek;52,2;6,9');
    const result = succeeded(await parseImport(text, options()));
    expect(result.coordinateDetection.needsConfirmation).toBe(true);
    expect(result.facilities[0]?.location).toEqual([6.1, 52.5]);
  });

  it('detects RD values in lon/lat columns and converts them', async () => {
    const text = csvLines('naam;categorie;lon;lat', 'A;apotheek;203000;503000', 'B;apotheek;258000;471000');
    const result = succeeded(await parseImport(text, options()));
    expect(result.coordinateSystemUsed).toBe('rd');
    expect(result.coordinateDetection.evidence.conflictsWithColumnNames).toBe(true);
    expect(result.facilities[0]?.location).toEqual(rdToWgs84(203000, 503000));
  });

  it('follows the system the user confirmed over the detection', async () => {
    const text = csvLines('naam;categorie;x;y', 'A;apotheek;6,1;52,5');
    const result = await parseImport(text, options({ coordinateSystem: 'wgs84-swapped' }));
    expect(succeeded(result).rejected[0]?.code).toBe('import.coordinatesSwapped');
  });

  it('rejects a single swapped row in an otherwise correct file', async () => {
    const text = csvLines('naam;categorie;lon;lat', 'A;apotheek;6,1;52,5', 'B;apotheek;6,2;52,4', 'C;apotheek;52,3;6,3');
    expect(succeeded(await parseImport(text, options())).rejected).toMatchObject([{ code: 'import.coordinatesSwapped', record: 4 }]);
  });

  it('rejects a point outside Overijssel', async () => {
    const text = csvLines('naam;categorie;lon;lat', 'A;apotheek;6,1;52,5', 'B;apotheek;6,2;52,4', 'Amsterdam;apotheek;4,9;52,37');
    expect(succeeded(await parseImport(text, options())).rejected).toMatchObject([{ code: 'data.coordinateOutOfRange', record: 4 }]);
  });

  it('rejects rows in Nordhorn, Hoogeveen and Apeldoorn (inside the bounding box) as outside the province border', async () => {
    const text = csvLines(
      'naam;categorie;lon;lat',
      'Zwolle;apotheek;6,0944;52,5125',
      'Nordhorn;apotheek;7,0708;52,4336',
      'Hoogeveen;apotheek;6,4764;52,7225',
      'Apeldoorn;apotheek;5,9699;52,2112',
      'Enschede;apotheek;6,8937;52,2215',
    );
    const result = succeeded(await parseImport(text, options()));
    expect(result.facilities.map((facility) => facility.name)).toEqual(['Zwolle', 'Enschede']);
    expect(result.rejected.map((issue) => [issue.record, issue.code])).toEqual([
      [3, 'import.outsideProvinceBorder'],
      [4, 'import.outsideProvinceBorder'],
      [5, 'import.outsideProvinceBorder'],
    ]);
    // how far across the border, in km: Nordhorn's centre lies a few km into Germany
    expect(Number(result.rejected[0]!.params!['kilometers'])).toBeGreaterThan(1);
    expect(result.warnings).toEqual([]);
  });

  it('without the outline checks only the bounding box and says so', async () => {
    const text = csvLines('naam;categorie;lon;lat', 'Zwolle;apotheek;6,0944;52,5125', 'Nordhorn;apotheek;7,0708;52,4336');
    const withoutOutline = options();
    delete withoutOutline.provinceOutline;
    const result = succeeded(await parseImport(text, withoutOutline));
    expect(result.facilities).toHaveLength(2);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['import.provinceOutlineMissing']);
  });

  it('fails when no coordinate reading fits', async () => {
    const text = csvLines('naam;categorie;lon;lat', 'A;apotheek;1;2', 'B;apotheek;3;4');
    expect(failedCode(await parseImport(text, options()))).toBe('import.coordinateSystemUnknown');
  });
});

describe('parseImport file-level failures', () => {
  it.each([
    ['', 'import.fileEmpty'],
    ['<!doctype html><html><body>Not found</body></html>', 'import.fileHtml'],
    ['PK\u0003\u0004\u0000\u0000binary', 'import.fileBinary'],
    ['{"hello":"world"}', 'import.jsonNotGeoJson'],
    ['{"type":"FeatureCollection","features":[', 'data.notJson'],
    ['naam;categorie;lat;lon', 'import.csvNoDataRows'],
    ['naam;categorie;lat;lon\r\n\r\n;;;\r\n', 'import.csvNoDataRows'],
    ['{"type":"FeatureCollection","features":[]}', 'import.geojsonNoFeatures'],
  ] as const)('%j fails with %s', async (text, code) => {
    expect(failedCode(await parseImport(text, options()))).toBe(code);
  });

  it('says "only a header" once, even when the planner already chose columns and coordinates', async () => {
    const result = await parseImport('a;b;c;d\r\n', options({ columnMapping: { nameColumn: 'a', xColumn: 'c', yColumn: 'd' }, fixedCategory: 'apotheek', coordinateSystem: 'wgs84' }));
    expect(failedCode(result)).toBe('import.csvNoDataRows');
  });
});

describe('parseImport GeoJSON', () => {
  it('imports Point features with name and category properties', async () => {
    const result = succeeded(await parseImport(collection(feature([6.1, 52.5])), options({ fileName: 'a.geojson' })));
    expect(result.facilities[0]).toMatchObject({ name: 'Locatie', category: 'apotheek', location: [6.1, 52.5], datasetId: 'ds-test' });
  });

  it('numbers features from 1 in the report', async () => {
    const text = collection(feature([6.1, 52.5]), feature([4.9, 52.37]));
    expect(succeeded(await parseImport(text, options())).rejected[0]?.record).toBe(2);
  });

  it('takes a point inside a polygon outline', async () => {
    const square = [[[6.1, 52.5], [6.102, 52.5], [6.102, 52.502], [6.1, 52.502], [6.1, 52.5]]];
    const [facility] = succeeded(await parseImport(collection(feature(square, undefined, 'Polygon')), options())).facilities;
    expect(facility?.location[0]).toBeCloseTo(6.101, 6);
    expect(facility?.location[1]).toBeCloseTo(52.501, 6);
  });

  it('takes the first point of a MultiPoint', async () => {
    const [facility] = succeeded(await parseImport(collection(feature([[6.2, 52.4], [6.3, 52.3]], undefined, 'MultiPoint')), options())).facilities;
    expect(facility?.location).toEqual([6.2, 52.4]);
  });

  it('rejects a LineString as unsupported', async () => {
    const text = collection(feature([6.1, 52.5]), feature([[6.1, 52.5], [6.2, 52.5]], undefined, 'LineString'));
    expect(succeeded(await parseImport(text, options())).rejected[0]).toMatchObject({ code: 'import.unsupportedGeometry', params: { type: 'LineString' } });
  });

  it('rejects non-numeric coordinates', async () => {
    const text = collection(feature([6.1, 52.5]), feature(['6.1', '52.5']));
    expect(succeeded(await parseImport(text, options())).rejected[0]?.code).toBe('import.coordinateNotFinite');
  });

  it('rejects a coordinate that overflows to Infinity', async () => {
    const text = collection(feature([6.1, 52.5])).replace(']}}]}', ']}},{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1e400,52.5]}}]}');
    expect(succeeded(await parseImport(text, options())).rejected[0]).toMatchObject({ code: 'import.coordinateNotFinite', record: 2 });
  });

  it('rejects a feature with [lat, lon] coordinates as swapped', async () => {
    const text = collection(feature([6.1, 52.5]), feature([6.2, 52.4]), feature([52.3, 6.3]));
    expect(succeeded(await parseImport(text, options())).rejected[0]).toMatchObject({ code: 'import.coordinatesSwapped', record: 3 });
  });

  it('recognises RD from a crs member: no question, no "column names" conflict', async () => {
    const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } };
    const text = JSON.stringify({ type: 'FeatureCollection', crs, features: [feature([203000, 503000]), feature([258000, 471000])] });
    const result = succeeded(await parseImport(text, options({ fileName: 'rd.geojson' })));
    expect(result.coordinateSystemUsed).toBe('rd');
    expect(result.coordinateDetection.needsConfirmation).toBe(false);
    expect(result.coordinateDetection.evidence).toMatchObject({ hintSource: 'geojsonCrs', columnNameHint: 'rd', conflictsWithColumnNames: false });
    expect(result.facilities[0]?.location).toEqual(rdToWgs84(203000, 503000));
  });

  it('asks about RD values in a GeoJSON that names no crs (the standard says WGS84)', async () => {
    const text = collection(feature([203000, 503000]), feature([258000, 471000]));
    const result = succeeded(await parseImport(text, options({ fileName: 'rd.geojson' })));
    expect(result.coordinateDetection.needsConfirmation).toBe(true);
    expect(result.coordinateDetection.evidence).toMatchObject({ hintSource: 'geojsonStandard', conflictsWithColumnNames: true });
  });

  it('says the values contradict a crs that names WGS84', async () => {
    const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } };
    const text = JSON.stringify({ type: 'FeatureCollection', crs, features: [feature([203000, 503000])] });
    const result = succeeded(await parseImport(text, options({ fileName: 'rd.geojson' })));
    expect(result.coordinateDetection.evidence).toMatchObject({ hintSource: 'geojsonCrs', columnNameHint: 'wgs84', conflictsWithColumnNames: true });
    expect(result.coordinateDetection.needsConfirmation).toBe(true);
  });

  it('uses OSM tags in properties when there is no category property', async () => {
    const text = collection(feature([6.1, 52.5], { name: 'Jumbo', shop: 'supermarket' }));
    expect(succeeded(await parseImport(text, options())).facilities[0]?.category).toBe('supermarkt');
  });
});

describe('parseImport unsafe keys', () => {
  const polluted = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"naam":"A","categorie":"apotheek","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"x":1}}},"geometry":{"type":"Point","coordinates":[6.1,52.5]}}]}';

  // Three keys: __proto__, constructor, and the prototype nested inside constructor.
  it('drops __proto__, constructor and prototype keys and reports how many', async () => {
    const result = succeeded(await parseImport(polluted, options()));
    expect(result.warnings).toEqual([{ code: 'import.unsafeKeysRemoved', file: 'test.csv', params: { count: 3 } }]);
  });

  it('leaves Object.prototype untouched and keeps the record', async () => {
    const result = succeeded(await parseImport(polluted, options()));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(result.facilities[0]?.attributes.extra).toBeUndefined();
  });

  it('catches a __proto__ key written with unicode escapes', async () => {
    const escaped = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"naam":"A","categorie":"apotheek","\\u005f_proto__":{"p":1}},"geometry":{"type":"Point","coordinates":[6.1,52.5]}}]}';
    expect(succeeded(await parseImport(escaped, options())).warnings[0]?.params).toEqual({ count: 1 });
  });
});

describe('parseImport progress and cancel', () => {
  const manyFeatures = () => collection(...Array.from({ length: 30_000 }, (_, index) => feature([6 + (index % 100) / 1000, 52.5])));

  it('stops with status cancelled when asked', async () => {
    let calls = 0;
    const result = await parseImport(manyFeatures(), options(), () => {}, () => ++calls > 0);
    expect(result.status).toBe('cancelled');
  });

  it('ends with a validating progress event covering all records', async () => {
    const events: Array<{ phase: string; done: number; total: number }> = [];
    await parseImport(collection(feature([6.1, 52.5])), options(), (progress) => events.push(progress));
    expect(events.at(-1)).toEqual({ phase: 'validating', done: 1, total: 1 });
  });
});

describe('parseImport with address geocoding', () => {
  const addressCsv = csvLines('naam;categorie;straat;huisnummer;postcode;plaats', 'Apotheek;apotheek;Grote Markt;20;8011 LW;Zwolle', 'Onbekend;apotheek;Nergensweg;1;9999 ZZ;Nergens');
  const fakeGeocoder = async (row: { postcode?: string }) =>
    row.postcode === '8011 LW' ? { status: 'ok' as const, location: [6.0917, 52.5126] as [number, number], matchedAddress: 'Grote Markt 20, 8011LW Zwolle', exact: true } : { status: 'notFound' as const };

  it('suggests geocode columns from Dutch address headers', async () => {
    const result = succeeded(await parseImport(addressCsv, options(), undefined, undefined, { geocode: fakeGeocoder }));
    expect(result.csv?.mappingUsed?.geocodeColumns).toEqual({ street: 'straat', houseNumber: 'huisnummer', postcode: 'postcode', town: 'plaats' });
  });

  it('places rows without coordinates at the geocoded address', async () => {
    const result = succeeded(await parseImport(addressCsv, options(), undefined, undefined, { geocode: fakeGeocoder }));
    expect(result.facilities[0]).toMatchObject({ name: 'Apotheek', location: [6.0917, 52.5126], attributes: { extra: { geocodedAddress: 'Grote Markt 20, 8011LW Zwolle' } } });
  });

  it('rejects a row whose address is not found, with its row number', async () => {
    const result = succeeded(await parseImport(addressCsv, options(), undefined, undefined, { geocode: fakeGeocoder }));
    expect(result.rejected).toEqual([{ code: 'geocode.notFound', file: 'test.csv', record: 3 }]);
  });

  it('does not go online without a geocoder and says why rows were left out', async () => {
    const result = succeeded(await parseImport(addressCsv, options()));
    expect(result.rejected.map((rejection) => rejection.code)).toEqual(['import.needsGeocoding', 'import.needsGeocoding']);
  });

  it('geocodes only the rows with empty coordinate cells', async () => {
    const text = csvLines('naam;categorie;lon;lat;huisnummer;postcode', 'A;apotheek;6,1;52,5;1;7731AA', 'B;apotheek;;;20;8011 LW');
    const asked: string[] = [];
    const result = await parseImport(text, options(), undefined, undefined, { geocode: async (row) => (asked.push(row.postcode ?? ''), fakeGeocoder(row)) });
    expect([asked, succeeded(result).facilities.length]).toEqual([['8011 LW'], 2]);
  });
});

describe('parseImport on a real file', () => {
  it('imports the embedded DOVA station file as 36 train stops', async () => {
    const text = readFileSync('geo/facilities/overijssel-treinstations-chb-2026.geojson', 'utf8');
    const result = succeeded(await parseImport(text, options({ fileName: 'treinstations.geojson' })));
    expect(result.facilities).toHaveLength(36);
    expect(new Set(result.facilities.map((facility) => facility.attributes.transitMode))).toEqual(new Set(['train']));
  });
});

describe('parseImport hardening (reliability plan items 24, 25)', () => {
  it('reads Dutch Excel CSV exactly: BOM, ;, CRLF, a quoted ; and decimal commas; a bad row is reported by its number', async () => {
    const text = '\uFEFF' + csvLines('naam;categorie;lat;lon', '"Huisarts; praktijk De Linde";huisarts;52,5123;6,0876', 'Apotheek Zwolle;apotheek;52,51;zes', 'Apotheek Kampen;apotheek;52,5550;5,9113', '');
    const result = succeeded(await parseImport(text, options()));
    expect(result.csv?.headers[0]).toBe('naam');
    expect(result.facilities.map(({ name, location }) => ({ name, location }))).toEqual([
      { name: 'Huisarts; praktijk De Linde', location: [6.0876, 52.5123] },
      { name: 'Apotheek Kampen', location: [5.9113, 52.555] },
    ]);
    expect(result.rejected).toEqual([{ code: 'import.coordinateNotNumber', file: 'test.csv', record: 3, params: { field: 'lon', value: 'zes' } }]);
  });

  it('refuses a CSV with more rows than the limit before checking any row, naming the count', { timeout: 60_000 }, async () => {
    const text = 'naam;categorie;lon;lat\r\n' + 'A;apotheek;6,1;52,5\r\n'.repeat(MAX_IMPORT_RECORDS + 1);
    const result = await parseImport(text.trimEnd(), options({ fileName: 'groot.csv' }));
    expect(result).toEqual({ status: 'failed', fileKind: 'csv', issue: { code: 'import.tooManyRecords', file: 'groot.csv', params: { count: MAX_IMPORT_RECORDS + 1, limit: MAX_IMPORT_RECORDS } } });
  });

  it('refuses a GeoJSON with more features than the limit before checking any feature', { timeout: 60_000 }, async () => {
    const text = '{"type":"FeatureCollection","features":[' + Array.from({ length: MAX_IMPORT_RECORDS + 1 }, () => '{}').join(',') + ']}';
    const result = await parseImport(text, options({ fileName: 'groot.geojson' }));
    expect(result.status === 'failed' && result.issue).toEqual({ code: 'import.tooManyRecords', file: 'groot.geojson', params: { count: MAX_IMPORT_RECORDS + 1, limit: MAX_IMPORT_RECORDS } });
  });
});
