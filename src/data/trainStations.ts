// The embedded railway stations of Overijssel (DOVA Centraal Halte Bestand, see
// geo/facilities/README.md) turned into facilities of category 'ovHalte' with transit mode 'train'.

import { DatasetError } from '../domain/dataIssue';
import { createFacility, type Facility, type FacilityDataset } from '../domain/facility';
import { isInsideBounds } from '../domain/geography';

export const TRAIN_STATIONS_FILE = 'geo/facilities/overijssel-treinstations-chb-2026.geojson';
export const TRAIN_STATIONS_DATASET_ID = 'embedded-treinstations-chb-2026';

export const TRAIN_STATIONS_DATASET: FacilityDataset = {
  id: TRAIN_STATIONS_DATASET_ID,
  kind: 'embedded',
  name: 'Treinstations (DOVA Centraal Halte Bestand)',
  // Cited by publisher and dataset; the provenance and licence remarks are in the sources register
  // (source id 'chb-treinstations-2026').
  source: 'DOVA, Centraal Halte Bestand (CHB)',
  licence: 'CC0 1.0',
  retrievedAt: '2026-02-24',
  // Railway stations only: public-transport stops as a category are not complete (no bus or tram stops),
  // so a station within the norm proves "met", but "no stop nearby" is no fact on this dataset alone.
  completeness: {},
  hidden: false,
};

/** Station properties copied into `attributes.extra`, in this order. */
const EXTRA_PROPERTIES = ['drempelvrij', 'rolstoeltoegankelijk', 'toegankelijkheid_prorail', 'stopplacecode', 'uiccode', 'gemeentecode'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Reads the station GeoJSON. Embedded data is checked by us before release, so any bad record
 * is a packaging error and throws a DatasetError naming the record (1-based feature number).
 */
export function parseTrainStations(json: unknown, file: string = TRAIN_STATIONS_FILE): Facility[] {
  if (!isRecord(json) || json['type'] !== 'FeatureCollection' || !Array.isArray(json['features'])) {
    throw new DatasetError({ code: 'data.wrongShape', file, params: { reason: 'FeatureCollection expected' } });
  }
  return json['features'].map((feature: unknown, index) => {
    const record = index + 1;
    const properties = isRecord(feature) && isRecord(feature['properties']) ? feature['properties'] : undefined;
    const geometry = isRecord(feature) && isRecord(feature['geometry']) ? feature['geometry'] : undefined;
    const coordinates = geometry?.['type'] === 'Point' ? geometry['coordinates'] : undefined;
    if (!Array.isArray(coordinates) || typeof coordinates[0] !== 'number' || typeof coordinates[1] !== 'number') {
      throw new DatasetError({ code: 'data.invalidGeometry', file, record, params: { reason: 'Point expected' } });
    }
    const location: [number, number] = [coordinates[0], coordinates[1]];
    if (!isInsideBounds(location)) {
      throw new DatasetError({ code: 'data.coordinateOutOfRange', file, record, params: { lon: location[0], lat: location[1] } });
    }
    const name = text(properties?.['naam']);
    const code = text(properties?.['stopplacecode']);
    if (name === '') throw new DatasetError({ code: 'data.missingField', file, record, params: { field: 'naam' } });
    if (code === '') throw new DatasetError({ code: 'data.missingField', file, record, params: { field: 'stopplacecode' } });

    const address = [text(properties?.['straat']), text(properties?.['plaats'])].filter((part) => part !== '').join(', ');
    const extra: Record<string, string> = {};
    for (const key of EXTRA_PROPERTIES) {
      const value = text(properties?.[key]);
      if (value !== '') extra[key] = value;
    }
    return createFacility({
      id: code,
      name,
      category: 'ovHalte',
      location,
      datasetId: TRAIN_STATIONS_DATASET_ID,
      attributes: { address, transitMode: 'train', extra },
    });
  });
}
