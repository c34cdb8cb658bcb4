import { describe, expect, it } from 'vitest';
import type { Facility } from '../../../src/domain/facility';
import { facilityGeoJsonParts, toFeatureCollection } from '../../../src/map/facilityGeoJson';

const facility = (index: number): Facility => ({
  id: index % 7 === 0 ? `node/${index}"quoted"` : `f${index}`,
  name: `Naam ${index}`,
  category: index % 2 === 0 ? 'ovHalte' : 'huisarts',
  location: [6 + index / 1e5, 52.5 - index / 1e6],
  datasetId: 'import-1',
  attributes: index % 4 === 0 ? { transitMode: 'train' } : {},
});

describe('facility GeoJSON for the map', () => {
  it('writes the same collection as text, chunk by chunk, as the object form gives', async () => {
    const facilities = Array.from({ length: 25 }, (_, index) => facility(index));
    const parts = await facilityGeoJsonParts(facilities, () => true, 10);
    expect(parts).not.toBeNull();
    expect(JSON.parse(parts!.join(''))).toEqual(toFeatureCollection(facilities));
    expect(toFeatureCollection(facilities).features[0]?.properties).toEqual({ key: 'import-1/node/0"quoted"', name: 'Naam 0', symbol: 'trainStation' });
  });

  it('writes an empty collection for no facilities', async () => {
    expect(JSON.parse((await facilityGeoJsonParts([]))!.join(''))).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('stops between chunks once a newer list makes this one unwanted', async () => {
    let wanted = true;
    const building = facilityGeoJsonParts(Array.from({ length: 30 }, (_, index) => facility(index)), () => wanted, 10);
    wanted = false;
    await expect(building).resolves.toBeNull();
  });
});
