// Street networks for walking in IndexedDB (object store `walkNetworks`, version 4 on): one record
// per downloaded area, written in one put (a municipality's network is a few MB of typed arrays, one
// structured clone), read back record by record so one damaged record never costs the others.
// Every failure reaches the caller as a StorageError.

import type { DataIssue } from '../domain/dataIssue';
import type { StoredWalkNetwork, WoonzorgkaartDatabase } from './database';
import { read, write } from './facilityRepository';

/** The format of walk network records this code writes. Raise it when a field changes meaning. */
export const WALK_NETWORK_SCHEMA_VERSION = 1;

export type WalkNetworkRecordResult = { ok: true; record: StoredWalkNetwork } | { ok: false; issue: DataIssue };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unreadable(key: string, name: string, reason: string): WalkNetworkRecordResult {
  return { ok: false, issue: { code: 'storage.walkNetworkUnreadable', file: 'IndexedDB', record: key, params: { name, reason } } };
}

/** Checks one stored record: what the app needs must be there and of the right type; else it is named with its reason. */
export function restoreWalkNetworkRecord(value: unknown, key: string): WalkNetworkRecordResult {
  if (!isRecord(value)) return unreadable(key, key, 'not a record');
  const name = typeof value['areaName'] === 'string' && value['areaName'] !== '' ? value['areaName'] : key;
  const version = value['schemaVersion'];
  if (typeof version === 'number' && version > WALK_NETWORK_SCHEMA_VERSION) {
    return unreadable(key, name, `written by a newer version of the app (record format ${version}; this version reads format ${WALK_NETWORK_SCHEMA_VERSION})`);
  }
  if (typeof value['areaKey'] !== 'string' || value['areaKey'] === '') return unreadable(key, name, 'no area');
  const retrievedAt = value['retrievedAt'];
  if (typeof retrievedAt !== 'string' || Number.isNaN(Date.parse(retrievedAt))) return unreadable(key, name, 'no download date');
  const network = value['network'];
  if (!isRecord(network)) return unreadable(key, name, 'no network');
  const coordinates = network['nodeCoordinates'];
  const edges = network['edgeNodes'];
  if (!(coordinates instanceof Float64Array) || coordinates.length % 2 !== 0) return unreadable(key, name, 'node positions are not pairs of numbers');
  if (!(edges instanceof Uint32Array) || edges.length % 2 !== 0) return unreadable(key, name, 'edges are not pairs of nodes');
  const nodeCount = coordinates.length / 2;
  for (let position = 0; position < edges.length; position++) {
    if (edges[position]! >= nodeCount) return unreadable(key, name, `edge ${Math.floor(position / 2)} refers to a missing node`);
  }
  const bbox = value['bbox'];
  const validBbox = Array.isArray(bbox) && bbox.length === 4 && bbox.every((item) => typeof item === 'number' && Number.isFinite(item));
  return {
    ok: true,
    record: {
      areaKey: value['areaKey'],
      areaName: name,
      retrievedAt,
      savedAt: typeof value['savedAt'] === 'string' ? value['savedAt'] : retrievedAt,
      bbox: validBbox ? (bbox as [number, number, number, number]) : [0, 0, 0, 0],
      wayCount: typeof value['wayCount'] === 'number' ? value['wayCount'] : 0,
      network: { nodeCoordinates: coordinates, edgeNodes: edges },
      schemaVersion: WALK_NETWORK_SCHEMA_VERSION,
    },
  };
}

/** Every stored walk network with its key, raw (check each with restoreWalkNetworkRecord). One read-only transaction. */
export function listWalkNetworkRecords(database: WoonzorgkaartDatabase): Promise<Array<{ key: string; value: unknown }>> {
  return read(async () => {
    const transaction = database.transaction('walkNetworks', 'readonly');
    transaction.done.catch(() => {});
    const [keys, values] = await Promise.all([transaction.store.getAllKeys(), transaction.store.getAll()]);
    return keys.map((key, position) => ({ key, value: values[position] as unknown }));
  });
}

/** Saves (or replaces) the network of one area, all or nothing. */
export function putWalkNetwork(database: WoonzorgkaartDatabase, record: StoredWalkNetwork): Promise<void> {
  return write(database, ['walkNetworks'], 'strict', async (transaction) => {
    await transaction.objectStore('walkNetworks').put({ ...record, schemaVersion: WALK_NETWORK_SCHEMA_VERSION });
  });
}

export function deleteWalkNetwork(database: WoonzorgkaartDatabase, areaKey: string): Promise<void> {
  return write(database, ['walkNetworks'], 'strict', async (transaction) => {
    await transaction.objectStore('walkNetworks').delete(areaKey);
  });
}
