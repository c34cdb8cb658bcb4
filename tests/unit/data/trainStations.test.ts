// Tests for reading the embedded DOVA CHB railway stations (the real file and small broken variants).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../../src/domain/dataIssue';
import { parseTrainStations, TRAIN_STATIONS_DATASET_ID } from '../../../src/data/trainStations';

const realFile = JSON.parse(readFileSync('geo/facilities/overijssel-treinstations-chb-2026.geojson', 'utf8')) as unknown;

function stationFeature(overrides: { properties?: Record<string, unknown>; coordinates?: unknown } = {}) {
  return {
    type: 'Feature',
    properties: { naam: 'Teststation', plaats: 'Testdorp', straat: 'Stationsweg', stopplacecode: 'NL:S:test', drempelvrij: 'true', rolstoeltoegankelijk: 'false', ...overrides.properties },
    geometry: { type: 'Point', coordinates: overrides.coordinates ?? [6.1, 52.5] },
  };
}

function collection(...features: unknown[]) {
  return { type: 'FeatureCollection', features };
}

describe('parseTrainStations on the embedded file', () => {
  it('reads all 36 stations listed in SOURCES.md §8', () => {
    expect(parseTrainStations(realFile)).toHaveLength(36);
  });

  it('makes Zwolle a train stop at its source coordinates', () => {
    const zwolle = parseTrainStations(realFile).find((station) => station.name === 'Zwolle');
    expect(zwolle?.category).toBe('ovHalte');
    expect(zwolle?.attributes.transitMode).toBe('train');
    expect(zwolle?.datasetId).toBe(TRAIN_STATIONS_DATASET_ID);
  });
});

describe('parseTrainStations attributes', () => {
  it('builds the address from straat and plaats', () => {
    const [station] = parseTrainStations(collection(stationFeature()));
    expect(station?.attributes.address).toBe('Stationsweg, Testdorp');
  });

  it('keeps accessibility fields as extra attributes', () => {
    const [station] = parseTrainStations(collection(stationFeature()));
    expect(station?.attributes.extra).toMatchObject({ drempelvrij: 'true', rolstoeltoegankelijk: 'false' });
  });

  it('uses the stop place code as id', () => {
    const [station] = parseTrainStations(collection(stationFeature()));
    expect(station?.id).toBe('NL:S:test');
  });
});

describe('parseTrainStations rejects broken data', () => {
  it('throws wrongShape for a non-collection', () => {
    expect(() => parseTrainStations({ type: 'Feature' }, 'x.geojson')).toThrow(DatasetError);
  });

  it('names the record of a station outside Overijssel', () => {
    try {
      parseTrainStations(collection(stationFeature(), stationFeature({ coordinates: [4.9, 52.37] })));
      expect.unreachable();
    } catch (error) {
      expect((error as DatasetError).issue).toMatchObject({ code: 'data.coordinateOutOfRange', record: 2 });
    }
  });

  it('throws missingField for a station without a name', () => {
    expect(() => parseTrainStations(collection(stationFeature({ properties: { naam: ' ' } })))).toThrow(/data.missingField/);
  });
});
