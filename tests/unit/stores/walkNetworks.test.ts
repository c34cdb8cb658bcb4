// "Looproutes ophalen": a download is parsed and saved; a far smaller answer never replaces the saved
// network without the planner's say; an empty answer saves nothing; errors and cancel leave the
// saved network as it was; a failed save is shown and changes nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredWalkNetwork } from '../../../src/storage/database';
import { toStorageError } from '../../../src/storage/storageErrors';
import { $storageProblems, $storageStatus } from '../../../src/stores/facilityActions';
import {
  $walkFetch,
  $walkNetworks,
  attachWalkNetworkPersistence,
  cancelWalkFetch,
  deleteWalkNetwork,
  fetchWalkRoutes,
  keepSavedWalkNetwork,
  replaceWithNewWalkNetwork,
  resetWalkNetworks,
  type WalkNetworkPersistence,
} from '../../../src/stores/walkNetworks';
import { gridTown, NetworkBuilder, overpassAnswerFor } from '../../support/walkNetworks';

function fakePersistence(initial: StoredWalkNetwork[] = []): WalkNetworkPersistence & { saved: Map<string, StoredWalkNetwork>; failNext: Error | null } {
  const saved = new Map(initial.map((record) => [record.areaKey, record]));
  const persistence = {
    saved,
    failNext: null as Error | null,
    list: async () => ({ records: [...saved.values()], issues: [] }),
    put: async (record: StoredWalkNetwork) => {
      if (persistence.failNext) throw persistence.failNext;
      saved.set(record.areaKey, record);
    },
    remove: async (areaKey: string) => {
      saved.delete(areaKey);
    },
  };
  return persistence;
}

function answerWith(body: unknown, status = 200) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status })));
}

const town = gridTown({ river: true }).build();
const now = () => new Date('2026-12-02T08:00:00Z');

beforeEach(() => {
  resetWalkNetworks();
  $storageStatus.set('ready');
  $storageProblems.set([]);
});
afterEach(() => {
  vi.unstubAllGlobals();
  resetWalkNetworks();
});

describe('fetchWalkRoutes', () => {
  it('downloads, parses and saves the network of a municipality with its date and area', async () => {
    const persistence = fakePersistence();
    await attachWalkNetworkPersistence(persistence);
    answerWith(overpassAnswerFor(town));
    await fetchWalkRoutes('GM0193', now);
    const state = $walkFetch.get();
    expect(state).toMatchObject({ status: 'done', areaLabel: 'GM0193', edgeCount: town.edgeNodes.length / 2, persisted: true });
    const [entry] = $walkNetworks.get();
    expect(entry).toMatchObject({ areaKey: 'GM0193', retrievedAt: '2026-12-02T08:00:00.000Z' });
    expect(entry!.network.edgeNodes.length).toBe(town.edgeNodes.length);
    expect(persistence.saved.get('GM0193')).toBe(entry);
    // the request asked Overpass for the municipality's walkable ways
    const body = decodeURIComponent(String((vi.mocked(fetch).mock.calls[0]![1] as RequestInit).body));
    expect(body).toContain('"ref:gemeentecode"="0193"');
    expect(body).toContain('way["highway"~"^(');
  });

  it('asks before a far smaller answer replaces the saved network; keeping is the default and changes nothing', async () => {
    const persistence = fakePersistence();
    await attachWalkNetworkPersistence(persistence);
    answerWith(overpassAnswerFor(town));
    await fetchWalkRoutes('GM0193', now);
    const saved = $walkNetworks.get()[0];
    const small = new NetworkBuilder().street(0, 0, 100, 0).street(100, 0, 200, 0).build();
    answerWith(overpassAnswerFor(small));
    await fetchWalkRoutes('GM0193', now);
    expect($walkFetch.get()).toMatchObject({ status: 'confirmReplace', previousEdges: town.edgeNodes.length / 2, newEdges: 2 });
    keepSavedWalkNetwork();
    expect($walkFetch.get()).toMatchObject({ status: 'kept' });
    expect($walkNetworks.get()[0]).toBe(saved);
    expect(persistence.saved.get('GM0193')).toBe(saved);

    await fetchWalkRoutes('GM0193', now);
    await replaceWithNewWalkNetwork();
    expect($walkFetch.get()).toMatchObject({ status: 'done', edgeCount: 2 });
    expect($walkNetworks.get()[0]!.network.edgeNodes.length).toBe(4);
  });

  it('an answer without streets, a server error or a cancel saves nothing and says why', async () => {
    const persistence = fakePersistence();
    await attachWalkNetworkPersistence(persistence);
    answerWith({ version: 0.6, elements: [] });
    await fetchWalkRoutes('GM0193', now);
    expect($walkFetch.get()).toMatchObject({ status: 'failed', issue: { code: 'walk.emptyAnswer' } });
    answerWith({}, 504);
    await fetchWalkRoutes('GM0193', now);
    expect($walkFetch.get()).toMatchObject({ status: 'failed', issue: { code: 'osm.gatewayTimeout' } });
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init: RequestInit) => new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))),
    );
    const running = fetchWalkRoutes('GM0193', now);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    cancelWalkFetch();
    await running;
    expect($walkFetch.get()).toMatchObject({ status: 'failed', issue: { code: 'osm.cancelled' } });
    expect($walkNetworks.get()).toEqual([]);
    expect(persistence.saved.size).toBe(0);
  });

  it('a failed save is shown and the network is not listed as saved', async () => {
    const persistence = fakePersistence();
    await attachWalkNetworkPersistence(persistence);
    persistence.failNext = toStorageError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    answerWith(overpassAnswerFor(town));
    await fetchWalkRoutes('GM0193', now);
    expect($walkFetch.get()).toMatchObject({ status: 'failed', issue: { code: 'storage.quotaExceeded' } });
    expect($storageProblems.get().map((issue) => issue.code)).toEqual(['storage.quotaExceeded']);
    expect($walkNetworks.get()).toEqual([]);
  });

  it('deletes a saved network from storage and the list', async () => {
    const persistence = fakePersistence();
    await attachWalkNetworkPersistence(persistence);
    answerWith(overpassAnswerFor(town));
    await fetchWalkRoutes('GM0193', now);
    expect(await deleteWalkNetwork('GM0193')).toBe(true);
    expect($walkNetworks.get()).toEqual([]);
    expect(persistence.saved.size).toBe(0);
  });
});
