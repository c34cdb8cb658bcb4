import { describe, expect, it } from 'vitest';
import type { GeoJSONSource } from 'maplibre-gl';
import { serializeDataLazily } from '../../../src/map/lazySourceSerialization';

/** Stands in for a GeoJSONSource fed with updateData: serialize() copies every held feature, as MapLibre's does. */
class FakeUpdateableSource {
  readonly held = new Map<string, { id: string }>();
  copies = 0;
  serialize() {
    this.copies += 1;
    return { type: 'geojson', cluster: true, promoteId: 'key', data: { type: 'FeatureCollection', features: Array.from(this.held.values()) } };
  }
}

describe('serializeDataLazily', () => {
  it('describes the source without copying its features until the data is read', () => {
    const fake = new FakeUpdateableSource();
    const source = fake as unknown as GeoJSONSource;
    serializeDataLazily(source);
    const copiesAtStart = fake.copies;
    for (let index = 0; index < 1000; index += 1) fake.held.set(`f${index}`, { id: `f${index}` });
    // as MapLibre's style does on every tile event of the source
    const described = Array.from({ length: 50 }, () => source.serialize());
    expect(fake.copies).toBe(copiesAtStart);
    expect(described[0]).toMatchObject({ type: 'geojson', cluster: true, promoteId: 'key' });
    // read: the features as they are now (what map.getStyle() gives the exports)
    const data = described[49]!.data as { features: unknown[] };
    expect(data.features).toHaveLength(1000);
    expect(fake.copies).toBe(copiesAtStart + 1);
    // copied or written out, the data is there as before
    expect(JSON.parse(JSON.stringify(source.serialize())).data.features).toHaveLength(1000);
    expect({ ...source.serialize() }.data).toEqual(data);
  });
});
