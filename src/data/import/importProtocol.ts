// Messages between the main thread and the import worker, and the packed form of the result:
// facilities travel as typed arrays plus their texts in UTF-8 JSON chunks, all transferred, because
// structured-cloning hundreds of thousands of small objects costs far more than moving a handful of
// buffers (PERFORMANCE.md, "Loading": 181 ms for a parsed 9.5 MB collection versus 0.5 ms for packed
// typed arrays), and even a few long strings are copied on arrival (about 150 ms for 430,000 rows).

import { categoryCode, categoryOfCode, TRANSIT_MODES, type Facility, type FacilityAttributes } from '../../domain/facility';
import type { ImportOptions, ImportProgress, ImportResult, ImportSucceeded } from './importTypes';
import { decodeJsonChunk, encodeJsonChunks, jsonChunkBuffers, type JsonChunks } from '../../analysis/jsonChunks';
import { runAtOnce, runInSlices, type Steps } from '../../analysis/slicedWork';

export type ImportInput = Blob | ArrayBuffer | string;

export type ImportWorkerRequest =
  | { type: 'start'; requestId: number; input: ImportInput; options: ImportOptions }
  | { type: 'cancel'; requestId: number };

/** Whole facility records for the trip from the import worker (the reachability worker gets only points: src/analysis/facilityIndex.ts). */
export interface PackedFacilities {
  count: number;
  longitudes: Float64Array;
  latitudes: Float64Array;
  /** categoryCode per facility (src/domain/facility.ts). */
  categories: Uint8Array;
  /** 0 = none, otherwise 1 + index into TRANSIT_MODES. */
  transitModes: Uint8Array;
  datasetIds: string[];
  /** Index into datasetIds (an import has one, but nothing else is assumed). */
  datasetIndexes: Uint16Array;
  /**
   * [id, name, attributes] of each facility, in order, as JSON chunks of UNPACK_CHUNK_SIZE facilities
   * (../../analysis/jsonChunks.ts): the main thread decodes one chunk at a time, so a large import
   * never blocks it for long.
   */
  records: JsonChunks;
}

/** One facility's texts in a records chunk. */
type PackedRecord = [id: string, name: string, attributes: FacilityAttributes];

export type PackedImportResult = Exclude<ImportResult, ImportSucceeded> | (Omit<ImportSucceeded, 'facilities'> & { facilities: PackedFacilities });

export type ImportWorkerResponse =
  | { type: 'progress'; requestId: number; progress: ImportProgress }
  | { type: 'result'; requestId: number; result: PackedImportResult };

/** Facilities per attributes chunk: one unpacking step (about the 40 ms slice budget at most on a loaded machine). */
export const UNPACK_CHUNK_SIZE = 4_000;

export function packFacilities(facilities: readonly Facility[]): PackedFacilities {
  const count = facilities.length;
  const longitudes = new Float64Array(count);
  const latitudes = new Float64Array(count);
  const categories = new Uint8Array(count);
  const transitModes = new Uint8Array(count);
  const datasetIndexes = new Uint16Array(count);
  const datasetIds: string[] = [];
  const records: PackedRecord[] = new Array<PackedRecord>(count);
  facilities.forEach((facility, index) => {
    longitudes[index] = facility.location[0];
    latitudes[index] = facility.location[1];
    categories[index] = categoryCode(facility.category);
    const mode = facility.attributes.transitMode;
    transitModes[index] = mode === undefined ? 0 : TRANSIT_MODES.indexOf(mode) + 1;
    let datasetIndex = datasetIds.indexOf(facility.datasetId);
    if (datasetIndex === -1) datasetIndex = datasetIds.push(facility.datasetId) - 1;
    datasetIndexes[index] = datasetIndex;
    // transitMode travels in its own typed array.
    const rest: FacilityAttributes = { ...facility.attributes };
    delete rest.transitMode;
    records[index] = [facility.id, facility.name, rest];
  });
  return {
    count,
    longitudes,
    latitudes,
    categories,
    transitModes,
    datasetIds,
    datasetIndexes,
    records: encodeJsonChunks(records, UNPACK_CHUNK_SIZE),
  };
}

function unpackChunk(packed: PackedFacilities, chunk: number, facilities: Facility[]): void {
  const records = decodeJsonChunk<PackedRecord>(packed.records[chunk]!);
  const start = chunk * UNPACK_CHUNK_SIZE;
  const end = Math.min(packed.count, start + records.length);
  for (let index = start; index < end; index += 1) {
    const [id, name, facilityAttributes] = records[index - start]!;
    const modeIndex = packed.transitModes[index] as number;
    if (modeIndex > 0) facilityAttributes.transitMode = TRANSIT_MODES[modeIndex - 1];
    facilities[index] = {
      id,
      name,
      category: categoryOfCode(packed.categories[index] as number) ?? 'overig',
      location: [packed.longitudes[index] as number, packed.latitudes[index] as number],
      datasetId: packed.datasetIds[packed.datasetIndexes[index] as number] ?? '',
      attributes: facilityAttributes,
    };
  }
}

/** Unpacks the facilities a chunk of UNPACK_CHUNK_SIZE per step (../../analysis/slicedWork runs it at once or in slices). */
export function* unpackFacilitiesSteps(packed: PackedFacilities): Steps<Facility[]> {
  const facilities: Facility[] = new Array<Facility>(packed.count);
  for (let chunk = 0; chunk < packed.records.length; chunk += 1) {
    if (chunk > 0) yield;
    unpackChunk(packed, chunk, facilities);
  }
  return facilities;
}

export function unpackFacilities(packed: PackedFacilities): Facility[] {
  return runAtOnce(unpackFacilitiesSteps(packed));
}

export function packImportResult(result: ImportResult): { packed: PackedImportResult; transfer: ArrayBuffer[] } {
  if (result.status !== 'ok') return { packed: result, transfer: [] };
  const facilities = packFacilities(result.facilities);
  const transfer = [
    ...[facilities.longitudes, facilities.latitudes, facilities.categories, facilities.transitModes, facilities.datasetIndexes].map((array) => array.buffer as ArrayBuffer),
    ...jsonChunkBuffers(facilities.records),
  ];
  return { packed: { ...result, facilities }, transfer };
}

export function unpackImportResult(packed: PackedImportResult): ImportResult {
  if (packed.status !== 'ok') return packed;
  return { ...packed, facilities: unpackFacilities(packed.facilities) };
}

/** unpackImportResult in slices between which the page stays responsive (what the main thread uses). */
export async function unpackImportResultInSlices(packed: PackedImportResult): Promise<ImportResult> {
  if (packed.status !== 'ok') return packed;
  return { ...packed, facilities: (await runInSlices(unpackFacilitiesSteps(packed.facilities)))! };
}
