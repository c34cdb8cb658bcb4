import { describe, expect, it } from 'vitest';
import type { Facility } from '../../../src/domain/facility';
import {
  MAX_UPDATE_SIZE,
  MIN_UPDATE_SIZE,
  nextUpdateSize,
  planSourceUpdateSteps,
  spreadOrder,
  toFeatureCollection,
  UPDATE_BUDGET_MILLISECONDS,
  type SourceContents,
} from '../../../src/map/facilityGeoJson';
import { ITEMS_PER_PAUSE, runAtOnce, runInSlices } from '../../../src/analysis/slicedWork';

const planSourceUpdate = (held: ReadonlyMap<string, Facility>, facilities: readonly Facility[]) => runAtOnce(planSourceUpdateSteps(held, facilities));

const facility = (index: number, name = `Naam ${index}`): Facility => ({
  id: index % 7 === 0 ? `node/${index}"quoted"` : `f${index}`,
  name,
  category: index % 2 === 0 ? 'ovHalte' : 'huisarts',
  location: [6 + index / 1e5, 52.5 - index / 1e6],
  datasetId: 'import-1',
  attributes: index % 4 === 0 ? { transitMode: 'train' } : {},
});
const list = (count: number) => Array.from({ length: count }, (_, index) => facility(index));
const keysOf = (facilities: readonly Facility[]) => facilities.map((item) => `${item.datasetId}/${item.id}`).sort();

/** What a source holds after a plan is applied to what it held: MapLibre's updateData semantics. */
function apply(held: SourceContents, plan: ReturnType<typeof planSourceUpdate>): SourceContents {
  const next = plan.removeAll ? new Map<string, Facility>() : new Map(held);
  for (const key of plan.remove) next.delete(key);
  for (const item of plan.add) next.set(`${item.datasetId}/${item.id}`, item);
  return next;
}

describe('facility GeoJSON for the map', () => {
  it('gives each feature its key (the id updateData goes by), name and symbol', () => {
    expect(toFeatureCollection(list(1)).features[0]).toEqual({
      type: 'Feature',
      properties: { key: 'import-1/node/0"quoted"', name: 'Naam 0', symbol: 'trainStation' },
      geometry: { type: 'Point', coordinates: [6, 52.5] },
    });
  });

  it('sends everything to an empty source, spread evenly over the list', async () => {
    const facilities = list(250);
    const plan = planSourceUpdate(new Map(), facilities);
    expect(plan).not.toBeNull();
    expect(plan!.removeAll).toBe(false);
    expect(plan!.remove).toEqual([]);
    expect(keysOf(plan!.add)).toEqual(keysOf(facilities));
    // the first features sent lie all over the list, not at its start
    expect(plan!.add.slice(0, 4).map((item) => item.name)).toEqual(['Naam 0', 'Naam 64', 'Naam 128', 'Naam 192']);
    expect(plan!.contents.size).toBe(250);
  });

  it('sends only what changed: removed keys, new facilities and changed ones', async () => {
    const before = list(100);
    const first = planSourceUpdate(new Map(), before);
    const held = apply(new Map(), first);
    // 10 removed, one renamed, one moved, 5 new
    const after = [...before.slice(10).map((item, index) => (index === 0 ? { ...item, name: 'Nieuwe naam' } : index === 1 ? { ...item, location: [6.5, 52.4] as [number, number] } : item)), ...list(105).slice(100)];
    const plan = planSourceUpdate(held, after);
    expect(plan.removeAll).toBe(false);
    expect(plan.remove.sort()).toEqual(keysOf(before.slice(0, 10)));
    expect(keysOf(plan.add)).toEqual(keysOf([after[0]!, after[1]!, ...list(105).slice(100)]));
    expect(apply(held, plan)).toEqual(planSourceUpdate(new Map(), after).contents);
    // nothing to send when nothing changed
    const again = planSourceUpdate(apply(held, plan), after);
    expect(again.add).toEqual([]);
    expect(again.remove).toEqual([]);
    // nor when the records are new objects with the same content (a dataset read back from storage)
    const copies = after.map((item) => ({ ...item, location: [item.location[0], item.location[1]] as [number, number], attributes: { ...item.attributes } }));
    expect(planSourceUpdate(apply(held, plan), copies).add).toEqual([]);
    // a changed symbol (a stop that turns out to be a station) is sent again
    const station = { ...after[5]!, category: 'ovHalte' as const, attributes: { transitMode: 'train' as const } };
    const symbolChanged = planSourceUpdate(apply(held, plan), [...after.slice(0, 5), station, ...after.slice(6)]);
    expect(after[5]!.category).toBe('huisarts');
    expect(symbolChanged.add).toEqual([station]);
  });

  it('starts from an empty source when more of it goes than stays', async () => {
    const held = apply(new Map(), planSourceUpdate(new Map(), list(100)));
    const plan = planSourceUpdate(held, list(30));
    expect(plan.removeAll).toBe(true);
    expect(plan.remove).toEqual([]);
    expect(keysOf(plan.add)).toEqual(keysOf(list(30)));
    expect(apply(held, plan)).toEqual(plan.contents);
  });

  it('plans a long list in slices to the same plan, and stops between slices once a newer list makes it unwanted', async () => {
    const long = list(ITEMS_PER_PAUSE * 2 + 5);
    let pauses = 0;
    const sliced = await runInSlices(planSourceUpdateSteps(new Map(), long), { budgetMilliseconds: 0, pause: async () => void (pauses += 1) });
    expect(sliced).toEqual(planSourceUpdate(new Map(), long));
    // pauses in the pass over the list and in the spread order of what to add
    expect(pauses).toBe(4);
    let wanted = true;
    const planning = runInSlices(planSourceUpdateSteps(new Map(), long), { budgetMilliseconds: 0, stillWanted: () => wanted, pause: async () => void (wanted = false) });
    await expect(planning).resolves.toBeNull();
  });

  it('spreads a list: every item once, interleaved', () => {
    const items = Array.from({ length: 1000 }, (_, index) => index);
    const spread = spreadOrder(items, 64);
    expect([...spread].sort((a, b) => a - b)).toEqual(items);
    expect(spread.slice(0, 3)).toEqual([0, 64, 128]);
    expect(spreadOrder([1, 2, 3], 64)).toEqual([1, 2, 3]);
  });

  it('grows messages that were quick and shrinks slow ones, within bounds', () => {
    expect(nextUpdateSize(4000, UPDATE_BUDGET_MILLISECONDS / 4)).toBe(6000);
    expect(nextUpdateSize(4000, UPDATE_BUDGET_MILLISECONDS)).toBe(4000);
    expect(nextUpdateSize(4000, UPDATE_BUDGET_MILLISECONDS * 3)).toBe(2000);
    expect(nextUpdateSize(MIN_UPDATE_SIZE, 10_000)).toBe(MIN_UPDATE_SIZE);
    expect(nextUpdateSize(MAX_UPDATE_SIZE, 0)).toBe(MAX_UPDATE_SIZE);
  });
});
