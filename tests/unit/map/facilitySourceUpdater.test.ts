// The map source updater tells the layers how many points they must be ready for before MapLibre's
// worker can hold them: never a mode for fewer points than the worker holds (a low-zoom tile with more
// than 32,768 icons breaks MapLibre's symbol buffers), and the final list's mode once it is confirmed.
import { describe, expect, it } from 'vitest';
import type { GeoJSONSourceDiff } from 'maplibre-gl';
import type { Facility } from '../../../src/domain/facility';
import { sourceUpdater, type UpdaterMap } from '../../../src/map/facilitySourceUpdater';

const facility = (index: number): Facility => ({
  id: `f${index}`,
  name: `Naam ${index}`,
  category: 'huisarts',
  location: [6 + index / 1e6, 52.5],
  datasetId: 'import-1',
  attributes: {},
});
const list = (count: number) => Array.from({ length: count }, (_, index) => facility(index));

/** A stand-in for MapLibre: the worker's features change when a message arrives; every layer-mode change is checked against them. */
function fakeMap() {
  const worker = new Set<string | number>();
  /** Most features the worker holds or may hold (a message sent but not yet confirmed counts). */
  let mayHold = 0;
  let modeCount = 0;
  const violations: string[] = [];
  const modes: number[] = [];
  const source = {
    serializeCalls: 0,
    serialize() {
      source.serializeCalls += 1;
      return { type: 'geojson', promoteId: 'key', data: { type: 'FeatureCollection', features: [...worker].map((id) => ({ type: 'Feature', id, properties: {}, geometry: null })) } };
    },
    updateData(diff: GeoJSONSourceDiff) {
      if (diff.removeAll) worker.clear();
      for (const key of diff.remove ?? []) worker.delete(key);
      for (const feature of diff.add ?? []) worker.add(feature.id ?? String(feature.properties?.['key']));
      mayHold = Math.max(mayHold, worker.size);
      if (modeCount < worker.size) violations.push(`message leaves ${worker.size} features under a mode for ${modeCount}`);
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          mayHold = worker.size;
          resolve();
        }, 1),
      );
    },
  };
  const map = { getSource: () => source, getContainer: () => ({ dataset: {} }) } as unknown as UpdaterMap;
  const applyMode = (count: number) => {
    if (count < mayHold) violations.push(`mode for ${count} while the worker may hold ${mayHold}`);
    modeCount = count;
    modes.push(count);
  };
  return { map, applyMode, violations, modes, worker, source };
}

describe('facility source updater', () => {
  it('shrinking a large list keeps the large mode until the worker has dropped it, then sets the small one', async () => {
    const fake = fakeMap();
    const update = sourceUpdater(fake.map, 'preview', 'preview', fake.applyMode);
    await update(list(30_000));
    await update(list(10));
    expect(fake.violations).toEqual([]);
    expect(fake.worker.size).toBe(10);
    expect(fake.modes.at(-1)).toBe(10);
    // the mode set before the shrink was for the 30,000 the worker still held
    expect(fake.modes).toEqual([30_000, 30_000, 30_000, 10]);
  });

  it('growing sets the large mode before the first message', async () => {
    const fake = fakeMap();
    const update = sourceUpdater(fake.map, 'facilities', 'facilities', fake.applyMode);
    await update(list(5));
    await update(list(25_000));
    expect(fake.violations).toEqual([]);
    expect(fake.modes).toEqual([5, 5, 25_000, 25_000]);
  });

  it('a newer list that interrupts a shrink starts from what the worker holds', async () => {
    const fake = fakeMap();
    const update = sourceUpdater(fake.map, 'preview', 'preview', fake.applyMode);
    await update(list(30_000));
    const shrinking = update([]);
    const next = update(list(12));
    await Promise.all([shrinking, next]);
    expect(fake.violations).toEqual([]);
    expect(fake.worker.size).toBe(12);
    expect(fake.modes.at(-1)).toBe(12);
  });

  it('the fed source describes its features only when its data is read (an event reads only the options)', async () => {
    const fake = fakeMap();
    const update = sourceUpdater(fake.map, 'facilities', 'facilities', fake.applyMode);
    await update(list(20));
    const callsBefore = fake.source.serializeCalls;
    const described = fake.source.serialize() as { type: string; promoteId: string; data: { features: unknown[] } };
    expect(described.type).toBe('geojson');
    expect(described.promoteId).toBe('key');
    expect(fake.source.serializeCalls).toBe(callsBefore);
    expect(described.data.features).toHaveLength(20);
    expect(fake.source.serializeCalls).toBe(callsBefore + 1);
  });
});
