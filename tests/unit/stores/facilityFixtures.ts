// Small datasets and facilities for store tests.

import { completenessFor, type Facility, type FacilityCategory, type FacilityDataset } from '../../../src/domain/facility';

/** A dataset declaring the categories complete for the whole province (none: only these locations). */
export function dataset(id: string, categories: FacilityCategory[], hidden = false): FacilityDataset {
  return { id, kind: 'import', name: id, source: 'test', licence: 'test', retrievedAt: '2026-01-01', completeness: completenessFor(categories, { kind: 'province' }), hidden };
}

export function facility(datasetId: string, id: string, category: FacilityCategory, location: [number, number] = [6.09, 52.51]): Facility {
  return { id, name: id, category, location, datasetId, attributes: {} };
}
