// The OpenStreetMap fetch action: a much smaller (or empty) answer never silently replaces an
// earlier download, and every skipped element is reported. Overpass is a fake fetch answering
// in Overpass JSON shape (test data built here).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Facility, FacilityDataset } from '../../../src/domain/facility';
import { $appData } from '../../../src/stores/appData';
import { $facilitiesByDataset, $facilityDatasets } from '../../../src/stores/facilities';
import { setFacilityPersistence } from '../../../src/stores/facilityActions';
import { $osmFetch, fetchOsmFacilities, keepPreviousOsmDownload, replaceWithNewOsmDownload } from '../../../src/stores/osmFetch';
import { provinceOutline } from '../data/geoFiles';

const node = (id: number, lon: number, lat: number, tags: Record<string, string> = { shop: 'supermarket' }) => ({ type: 'node', id, lon, lat, tags });

function answerWith(elements: unknown[]) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ version: 0.6, elements }), { status: 200 })));
}

const PREVIOUS: FacilityDataset = {
  id: 'osm-province',
  kind: 'osm',
  name: 'OpenStreetMap – Heel Overijssel',
  source: 'OpenStreetMap',
  licence: 'ODbL',
  retrievedAt: '2026-11-28T09:00:00.000Z',
  completeness: { supermarkt: { kind: 'province' } },
  hidden: false,
};
const previousFacilities: Facility[] = Array.from({ length: 36 }, (_, index) => ({
  id: `node/${index + 1}`,
  name: `Supermarkt ${index + 1}`,
  category: 'supermarkt',
  location: [6.09 + index * 0.001, 52.51],
  datasetId: PREVIOUS.id,
  attributes: {},
}));

let saved: string[];

beforeEach(() => {
  saved = [];
  setFacilityPersistence({
    saveDataset: async (dataset, facilities) => saved.push(`${dataset.id}:${facilities.length}`),
    renameDataset: async () => 1,
    setHidden: async () => 1,
    setCompleteness: async () => 1,
    deleteDataset: async () => {},
  });
  $appData.set({ province: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: provinceOutline() }] } });
  $facilityDatasets.set([PREVIOUS]);
  $facilitiesByDataset.set(new Map([[PREVIOUS.id, previousFacilities]]));
  $osmFetch.set({ status: 'idle' });
});

afterEach(() => {
  vi.unstubAllGlobals();
  setFacilityPersistence(null);
  $appData.set({});
});

describe('an answer that would replace a better download', () => {
  it('asks before an empty answer replaces 36 facilities, and keeps the earlier download by default', async () => {
    answerWith([]);
    await fetchOsmFacilities('province');
    expect($osmFetch.get()).toMatchObject({ status: 'confirmReplace', previousCount: 36, newCount: 0, previousRetrievedAt: PREVIOUS.retrievedAt });
    expect(saved).toEqual([]);
    keepPreviousOsmDownload();
    expect($osmFetch.get()).toMatchObject({ status: 'kept', previousCount: 36, newCount: 0 });
    expect(saved).toEqual([]);
    expect($facilitiesByDataset.get().get(PREVIOUS.id)).toHaveLength(36);
  });

  it('replaces only when the planner says so', async () => {
    answerWith([node(1, 6.09, 52.51)]);
    await fetchOsmFacilities('province');
    expect($osmFetch.get()).toMatchObject({ status: 'confirmReplace', previousCount: 36, newCount: 1 });
    await replaceWithNewOsmDownload();
    expect(saved).toEqual(['osm-province:1']);
    expect($osmFetch.get()).toMatchObject({ status: 'done', count: 1 });
    expect($facilitiesByDataset.get().get(PREVIOUS.id)).toHaveLength(1);
  });

  it('replaces without asking when the new answer is about as large', async () => {
    answerWith(Array.from({ length: 30 }, (_, index) => node(index + 1, 6.09 + index * 0.001, 52.51)));
    await fetchOsmFacilities('province');
    expect($osmFetch.get()).toMatchObject({ status: 'done', count: 30 });
    expect(saved).toEqual(['osm-province:30']);
  });

  it('asks before saving an empty first download', async () => {
    $facilityDatasets.set([]);
    $facilitiesByDataset.set(new Map());
    answerWith([]);
    await fetchOsmFacilities('province');
    expect($osmFetch.get()).toMatchObject({ status: 'confirmReplace', previousCount: null, newCount: 0 });
    keepPreviousOsmDownload();
    expect(saved).toEqual([]);
  });
});

describe('skipped elements', () => {
  it('reports each dropped element with its reason, outside the province border included', async () => {
    $facilityDatasets.set([]);
    $facilitiesByDataset.set(new Map());
    answerWith([
      node(1, 6.09, 52.51),
      { type: 'way', id: 2, tags: { shop: 'supermarket' } },
      node(3, 'x' as unknown as number, 52.5),
      node(4, 7.0708, 52.4336, { shop: 'supermarket', name: 'Nordhorn' }),
      { id: 5, tags: { shop: 'supermarket' } },
      node(6, 6.1, 52.5, { amenity: 'bench' }),
    ]);
    await fetchOsmFacilities('province');
    const state = $osmFetch.get();
    expect(state.status).toBe('done');
    if (state.status !== 'done') return;
    expect([state.count, state.ignoredCount]).toEqual([1, 1]);
    expect(state.skipped.map((issue) => [issue.record, issue.code])).toEqual([
      ['way/2', 'osm.skipped.noCentre'],
      ['node/3', 'osm.skipped.invalidCoordinate'],
      ['#5', 'osm.skipped.invalidElement'],
      ['node/4', 'osm.skipped.outsideProvince'],
    ]);
  });
});
