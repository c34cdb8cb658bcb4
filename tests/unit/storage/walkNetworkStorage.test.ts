// Street networks for walking in IndexedDB (fake-indexeddb, a fresh IDBFactory per test): the upgrade
// 3 → 4 keeps every facility dataset and draft scenario; a saved network survives a "reload" with its
// typed arrays, date and area; a damaged record is named and the others kept; deleting removes it;
// a blocked upgrade (an old tab) is reported and the open continues when the old tab closes.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Facility, FacilityDataset } from '../../../src/domain/facility';
import { DATABASE_VERSION, openWoonzorgkaartDatabase, UPGRADE_STEPS, type StoredWalkNetwork } from '../../../src/storage/database';
import { getFacilities, listDatasets, saveDataset } from '../../../src/storage/facilityRepository';
import { deleteWalkNetwork, listWalkNetworkRecords, putWalkNetwork, restoreWalkNetworkRecord, WALK_NETWORK_SCHEMA_VERSION } from '../../../src/storage/walkNetworkRepository';
import { $storageProblems, $storageStatus, resetFacilityRevisions, setFacilityPersistence } from '../../../src/stores/facilityActions';
import { startFacilityStorage, startWalkNetworkStorage } from '../../../src/stores/storageConnection';
import { $walkNetworks, resetWalkNetworks } from '../../../src/stores/walkNetworks';
import type { FacilityStorage } from '../../../src/storage/facilityPersistence';

let channel = 0;
const started: FacilityStorage[] = [];
const stops: Array<() => void> = [];

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
  channel += 1;
  $storageProblems.set([]);
  $storageStatus.set('opening');
  resetFacilityRevisions();
  setFacilityPersistence(null);
  resetWalkNetworks();
});

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  for (const storage of started.splice(0)) storage.close();
  vi.unstubAllGlobals();
  setFacilityPersistence(null);
  resetWalkNetworks();
});

const dataset: FacilityDataset = { id: 'import-1', kind: 'import', name: 'Apotheken', source: 'apotheken.csv', licence: 'eigen bestand', retrievedAt: '2026-11-23T09:00:00Z', completeness: {}, hidden: false };
const facility: Facility = { id: 'a', name: 'Apotheek a', category: 'apotheek', location: [6.1, 52.5], datasetId: 'import-1', attributes: {} };

function record(areaKey: string, edges: number[] = [0, 1, 1, 2]): StoredWalkNetwork {
  return {
    areaKey,
    areaName: areaKey === 'GM0193' ? 'Zwolle' : 'Deventer',
    retrievedAt: '2026-12-02T08:00:00.000Z',
    savedAt: '2026-12-02T08:00:01.000Z',
    bbox: [6.08, 52.5, 6.1, 52.52],
    wayCount: 2,
    network: { nodeCoordinates: Float64Array.from([6.08, 52.5, 6.09, 52.51, 6.1, 52.52]), edgeNodes: Uint32Array.from(edges) },
    schemaVersion: WALK_NETWORK_SCHEMA_VERSION,
  };
}

async function startApp(): Promise<FacilityStorage> {
  const storage = await startFacilityStorage({ channelName: `walk-storage-${channel}` });
  started.push(storage);
  stops.push(await startWalkNetworkStorage(storage, { channelName: `walk-networks-${channel}` }));
  return storage;
}

describe('walk networks in IndexedDB', () => {
  it('the upgrade from version 3 keeps facility datasets and draft scenarios, and adds the walk network store', async () => {
    expect(DATABASE_VERSION).toBe(4);
    const version3 = await openWoonzorgkaartDatabase({ upgradeSteps: UPGRADE_STEPS.slice(0, 3) });
    await saveDataset(version3, dataset, [facility]);
    const scenario = { id: 'scenario-1', name: 'Plan', schemaVersion: 1, revision: 1, savedAt: 'x', editChunkCount: 0 };
    await version3.put('scenarios', scenario as never);
    expect(version3.objectStoreNames.contains('walkNetworks' as never)).toBe(false);
    version3.close();

    const database = await openWoonzorgkaartDatabase();
    expect(database.version).toBe(4);
    expect((await listDatasets(database)).map((item) => item.id)).toEqual(['import-1']);
    expect((await getFacilities(database, 'import-1')).map((item) => item.id)).toEqual(['a']);
    expect(await database.get('scenarios', 'scenario-1')).toEqual(scenario);
    expect(await listWalkNetworkRecords(database)).toEqual([]);
    database.close();
  });

  it('a saved network comes back after a reload with its typed arrays, date and area; deleting removes it', async () => {
    const database = await openWoonzorgkaartDatabase();
    await putWalkNetwork(database, record('GM0193'));
    database.close();

    const reopened = await openWoonzorgkaartDatabase();
    const [stored] = await listWalkNetworkRecords(reopened);
    const restored = restoreWalkNetworkRecord(stored!.value, stored!.key);
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.record.network.nodeCoordinates).toBeInstanceOf(Float64Array);
    expect(Array.from(restored.record.network.edgeNodes)).toEqual([0, 1, 1, 2]);
    expect(restored.record).toMatchObject({ areaKey: 'GM0193', areaName: 'Zwolle', retrievedAt: '2026-12-02T08:00:00.000Z' });
    await deleteWalkNetwork(reopened, 'GM0193');
    expect(await listWalkNetworkRecords(reopened)).toEqual([]);
    reopened.close();
  });

  it('restores every readable network into the store and names a damaged one', async () => {
    const database = await openWoonzorgkaartDatabase();
    await putWalkNetwork(database, record('GM0193'));
    await putWalkNetwork(database, record('GM0150', [0, 7])); // edge to a node that does not exist
    database.close();
    await startApp();
    expect($walkNetworks.get().map((entry) => entry.areaKey)).toEqual(['GM0193']);
    expect($storageProblems.get()).toEqual([
      { code: 'storage.walkNetworkUnreadable', file: 'IndexedDB', record: 'GM0150', params: { name: 'Deventer', reason: 'edge 0 refers to a missing node' } },
    ]);
  });

  it('refuses records of a newer format and records without the network', () => {
    expect(restoreWalkNetworkRecord({ ...record('GM0193'), schemaVersion: 99 }, 'GM0193')).toMatchObject({ ok: false, issue: { params: { reason: expect.stringContaining('newer version') } } });
    expect(restoreWalkNetworkRecord({ ...record('GM0193'), network: { nodeCoordinates: [1, 2], edgeNodes: [] } }, 'GM0193')).toMatchObject({ ok: false });
    expect(restoreWalkNetworkRecord(null, 'x')).toMatchObject({ ok: false, issue: { record: 'x' } });
  });

  it('an old tab holding version 3 blocks the upgrade visibly; it continues, data intact, once that tab closes', async () => {
    const written = await openWoonzorgkaartDatabase({ upgradeSteps: UPGRADE_STEPS.slice(0, 3) });
    await saveDataset(written, dataset, [facility]);
    written.close();
    // an old tab at version 3 that ignores versionchange, as a forgotten tab would
    const version3 = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('woonzorgkaart', 3);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const starting = startApp();
    await vi.waitFor(() => expect($storageStatus.get()).toBe('blocked'));
    version3.close();
    await starting;
    expect($storageStatus.get()).toBe('ready');
    const database = await openWoonzorgkaartDatabase();
    expect((await listDatasets(database)).map((item) => item.id)).toEqual(['import-1']);
    expect(database.objectStoreNames.contains('walkNetworks')).toBe(true);
    database.close();
  });

  it('follows another tab: a network it saves or deletes appears or goes here without a reload', async () => {
    await startApp();
    expect($walkNetworks.get()).toEqual([]);
    // the other tab: its own connection, writes, then announces on the same channel
    const other = await openWoonzorgkaartDatabase();
    const announce = new BroadcastChannel(`walk-networks-${channel}`);
    await putWalkNetwork(other, record('GM0193'));
    announce.postMessage({ changed: true });
    await vi.waitFor(() => expect($walkNetworks.get().map((entry) => entry.areaKey)).toEqual(['GM0193']));
    await deleteWalkNetwork(other, 'GM0193');
    announce.postMessage({ changed: true });
    await vi.waitFor(() => expect($walkNetworks.get()).toEqual([]));
    announce.close();
    other.close();
  });
});
