// Facilities packed in typed arrays with one kd-tree per category, and an allocation-free
// nearest-facility search in straight-line metres (the 'hemelsbreed' DistanceMethod).
//
// Why not geokdbush.around: it allocates a priority queue and computes great-circle bounds for every
// tree node and candidate; at Overijssel scale (30,000 points × 2,000 facilities, 2-core machine) it
// was measured at 205 ms against 12.8 ms for a search like this one, 16× slower. Here candidates are
// ranked with a per-query cos/sin scale (rankingMetric) and only the winner gets a haversine; see
// tests/bench/reachability.bench.ts for this engine's own numbers.

import KDBush from 'kdbush';
import type { Facility, FacilityCategory } from '../domain/facility';
import { categoryCode, FACILITY_CATEGORIES, keyOf } from '../domain/facility';
import type { DistanceMethod, DistanceMethodId, NearestFacility } from './distanceMethod';
import { DEGREES_TO_RADIANS, haversineMeters, metersToRankingMetric, rankingMetric } from './sphericalDistance';
import { decodeJsonChunks, encodeJsonChunksSteps, jsonChunkBuffers, type JsonChunks } from './jsonChunks';
import { ITEMS_PER_PAUSE, pauseAt, runAtOnce, type Steps } from './slicedWork';

/**
 * Facility points as typed arrays: what the reachability worker receives (transferred, not cloned).
 * Only what the nearest search needs; whole records travel from the import worker in another
 * packed form (src/data/import/importProtocol.ts). Both use categoryCode and facilityKey.
 */
export interface PackedFacilities {
  /** Globally unique facility ids (facilityKey). */
  ids: string[];
  /** [lon0, lat0, lon1, lat1, ...] WGS84 degrees. */
  coordinates: Float64Array;
  /** categoryCode per facility (src/domain/facility.ts). */
  categoryCodes: Uint8Array;
}

/**
 * The ids of a packed list for posting to a worker: JSON chunks in transferable buffers (./jsonChunks.ts).
 * Cloning 430,000 strings took 350 ms of main-thread time; one joined string still cost two copies of
 * 20 MB (about 130 ms each to build and to post).
 */
export type EncodedIds = JsonChunks;

/** encodeIds one chunk of ITEMS_PER_PAUSE ids per step. */
export function encodeIdsSteps(ids: readonly string[]): Steps<EncodedIds> {
  return encodeJsonChunksSteps(ids, ITEMS_PER_PAUSE);
}

export function encodeIds(ids: readonly string[]): EncodedIds {
  return runAtOnce(encodeIdsSteps(ids));
}

export function decodeIds(encoded: EncodedIds): string[] {
  return decodeJsonChunks<string>(encoded);
}

function emptyPacked(count: number): PackedFacilities {
  return { ids: new Array<string>(count), coordinates: new Float64Array(count * 2), categoryCodes: new Uint8Array(count) };
}

/** Packs facilities for the worker, pausing every ITEMS_PER_PAUSE (./slicedWork runs it at once or in slices). */
export function* packFacilitiesSteps(facilities: readonly Facility[]): Steps<PackedFacilities> {
  const packed = emptyPacked(facilities.length);
  for (let position = 0; position < facilities.length; position++) {
    if (pauseAt(position)) yield;
    const facility = facilities[position]!;
    packed.coordinates[2 * position] = facility.location[0];
    packed.coordinates[2 * position + 1] = facility.location[1];
    packed.categoryCodes[position] = categoryCode(facility.category);
    packed.ids[position] = keyOf(facility);
  }
  return packed;
}

/** A list packed for the reachability worker with its ids encoded for posting, in slices. */
export function* packAndEncodeSteps(facilities: readonly Facility[]): Steps<{ packed: PackedFacilities; encodedIds: EncodedIds }> {
  const packed = yield* packFacilitiesSteps(facilities);
  const encodedIds = yield* encodeIdsSteps(packed.ids);
  return { packed, encodedIds };
}

/** What postMessage transfers of a packed list sent with its encoded ids (ids themselves are not cloned). */
export function packedTransfer(packed: PackedFacilities, encodedIds: EncodedIds): ArrayBuffer[] {
  return [packed.coordinates.buffer as ArrayBuffer, packed.categoryCodes.buffer as ArrayBuffer, ...jsonChunkBuffers(encodedIds)];
}

export function packFacilities(facilities: readonly Facility[]): PackedFacilities {
  return runAtOnce(packFacilitiesSteps(facilities));
}

/** Small leaves: measured fastest for nearest search at this scale (nodeSize 16 rather than kdbush's default 64). */
const NODE_SIZE = 16;

interface CategoryTree {
  /** kd-sorted [lon, lat] pairs in radians (a scaled copy of KDBush's array, same order). */
  coords: Float64Array;
  /** Facility index of each kd-sorted position. */
  facilityAt: Int32Array;
  size: number;
}

// Depth-first stack shared by all searches (single-threaded): left, right, axis per entry plus the
// gap (radians) across the parent's split that the entry's lower bound is computed from.
const MAX_STACK_ENTRIES = 256;
const stackRanges = new Int32Array(MAX_STACK_ENTRIES * 3);
const stackGaps = new Float64Array(MAX_STACK_ENTRIES);

export class FacilityIndex implements DistanceMethod {
  readonly method: DistanceMethodId = 'hemelsbreed';
  private lons: Float64Array;
  private lats: Float64Array;
  private codes: Uint8Array;
  private activeFlags: Uint8Array;
  private idList: string[];
  private count: number;
  private readonly trees: (CategoryTree | null)[] = [];

  /** Ranking metric of the winner of the last search (radians²). */
  lastRankingMetric = Infinity;

  constructor(packed: PackedFacilities) {
    const count = packed.categoryCodes.length;
    if (packed.coordinates.length !== count * 2 || packed.ids.length !== count) {
      throw new RangeError('PackedFacilities arrays have different lengths');
    }
    this.count = count;
    this.lons = new Float64Array(Math.max(count, 8));
    this.lats = new Float64Array(Math.max(count, 8));
    this.codes = new Uint8Array(Math.max(count, 8));
    this.activeFlags = new Uint8Array(Math.max(count, 8));
    for (let position = 0; position < count; position++) {
      this.lons[position] = packed.coordinates[2 * position]!;
      this.lats[position] = packed.coordinates[2 * position + 1]!;
      this.codes[position] = packed.categoryCodes[position]!;
      this.activeFlags[position] = 1;
    }
    this.idList = [...packed.ids];
    for (let code = 0; code < FACILITY_CATEGORIES.length; code++) this.rebuildCategory(code);
  }

  static fromFacilities(facilities: readonly Facility[]): FacilityIndex {
    return new FacilityIndex(packFacilities(facilities));
  }

  /** Number of facility slots, removed ones included (indices stay stable). */
  get facilityCount(): number {
    return this.count;
  }

  facilityId(facilityIndex: number): string {
    return this.idList[facilityIndex]!;
  }

  facilityLocation(facilityIndex: number): [number, number] {
    return [this.lons[facilityIndex]!, this.lats[facilityIndex]!];
  }

  facilityCategoryCode(facilityIndex: number): number {
    return this.codes[facilityIndex]!;
  }

  isActive(facilityIndex: number): boolean {
    return facilityIndex >= 0 && facilityIndex < this.count && this.activeFlags[facilityIndex] === 1;
  }

  /** Facility index for an id, or -1. Linear: for edits, not for hot loops. */
  indexOfId(facilityId: string): number {
    for (let position = 0; position < this.count; position++) {
      if (this.activeFlags[position] === 1 && this.idList[position] === facilityId) return position;
    }
    return -1;
  }

  hasCategory(category: FacilityCategory): boolean {
    return this.hasCategoryCode(categoryCode(category));
  }

  hasCategoryCode(code: number): boolean {
    return (this.trees[code]?.size ?? 0) > 0;
  }

  nearest(category: FacilityCategory, point: [number, number], maxDistanceMeters = Infinity): NearestFacility | null {
    const winner = this.nearestFacilityIndex(categoryCode(category), point[0], point[1], maxDistanceMeters);
    if (winner < 0) return null;
    return {
      facilityIndex: winner,
      facilityId: this.idList[winner]!,
      location: this.facilityLocation(winner),
      distanceMeters: haversineMeters(point[0], point[1], this.lons[winner]!, this.lats[winner]!),
      method: this.method,
    };
  }

  /** Nearest facility index of a category, or -1; the distance is haversineMeters to it. */
  nearestFacilityIndex(code: number, lon: number, lat: number, maxDistanceMeters = Infinity): number {
    const latRadians = lat * DEGREES_TO_RADIANS;
    return this.nearestPrepared(
      code,
      lon * DEGREES_TO_RADIANS,
      latRadians,
      Math.cos(latRadians),
      Math.sin(latRadians),
      metersToRankingMetric(maxDistanceMeters),
    );
  }

  /**
   * The search itself, for callers that reuse cos/sin of the query latitude over several categories.
   * Query in radians. Returns the facility minimising (rankingMetric, facility index) with metric ≤
   * maxRankingMetric, or -1; the winner's metric is left in lastRankingMetric. `startFacility`
   * (optional, e.g. the previous query's winner) only tightens the initial bound: the answer is the
   * same with or without it.
   */
  nearestPrepared(
    code: number,
    lon: number,
    lat: number,
    cosLat: number,
    sinLat: number,
    maxRankingMetric: number,
    startFacility = -1,
  ): number {
    this.lastRankingMetric = Infinity;
    const tree = this.trees[code];
    if (!tree || tree.size === 0) return -1;
    const { coords, facilityAt } = tree;
    const absSinLat = Math.abs(sinLat);
    let best = maxRankingMetric;
    let bestFacility = -1;
    if (startFacility >= 0 && this.codes[startFacility] === code && this.activeFlags[startFacility] === 1) {
      const startMetric = rankingMetric(
        lon,
        lat,
        cosLat,
        sinLat,
        this.lons[startFacility]! * DEGREES_TO_RADIANS,
        this.lats[startFacility]! * DEGREES_TO_RADIANS,
      );
      if (startMetric <= best) {
        best = startMetric;
        bestFacility = startFacility;
      }
    }
    // Lower bound for the longitude term of any candidate that could still win: |Δλ|·scale.
    let lonScale = Number.isFinite(best) ? Math.max(0, cosLat - absSinLat * Math.sqrt(best) * 0.5) : 0;

    stackRanges[0] = 0;
    stackRanges[1] = tree.size - 1;
    stackRanges[2] = 0;
    stackGaps[0] = 0;
    let top = 1;

    while (top > 0) {
      top--;
      const left = stackRanges[3 * top]!;
      const right = stackRanges[3 * top + 1]!;
      const axis = stackRanges[3 * top + 2]!;
      const gap = stackGaps[top]!;
      if (gap > 0) {
        // the gap was measured across the parent's axis, which is the other one
        const scaledGap = axis === 1 ? gap * lonScale : gap;
        if (scaledGap * scaledGap > best) continue;
      }

      if (right - left <= NODE_SIZE) {
        for (let position = left; position <= right; position++) {
          const metric = rankingMetric(lon, lat, cosLat, sinLat, coords[2 * position]!, coords[2 * position + 1]!);
          if (metric < best || (metric === best && (bestFacility === -1 || facilityAt[position]! < bestFacility))) {
            best = metric;
            bestFacility = facilityAt[position]!;
            lonScale = Math.max(0, cosLat - absSinLat * Math.sqrt(best) * 0.5);
          }
        }
        continue;
      }

      const middle = (left + right) >> 1;
      const splitLon = coords[2 * middle]!;
      const splitLat = coords[2 * middle + 1]!;
      const metric = rankingMetric(lon, lat, cosLat, sinLat, splitLon, splitLat);
      if (metric < best || (metric === best && (bestFacility === -1 || facilityAt[middle]! < bestFacility))) {
        best = metric;
        bestFacility = facilityAt[middle]!;
        lonScale = Math.max(0, cosLat - absSinLat * Math.sqrt(best) * 0.5);
      }

      const signedGap = axis === 0 ? lon - splitLon : lat - splitLat;
      const gapRadians = Math.abs(signedGap);
      const scaledGap = axis === 0 ? gapRadians * lonScale : gapRadians;
      const queryOnLowSide = signedGap < 0;
      const nextAxis = 1 - axis;
      // far side first so the near side is popped (searched) first
      if (scaledGap * scaledGap <= best) {
        const farLeft = queryOnLowSide ? middle + 1 : left;
        const farRight = queryOnLowSide ? right : middle - 1;
        stackRanges[3 * top] = farLeft;
        stackRanges[3 * top + 1] = farRight;
        stackRanges[3 * top + 2] = nextAxis;
        stackGaps[top] = gapRadians;
        top++;
      }
      stackRanges[3 * top] = queryOnLowSide ? left : middle + 1;
      stackRanges[3 * top + 1] = queryOnLowSide ? middle - 1 : right;
      stackRanges[3 * top + 2] = nextAxis;
      stackGaps[top] = 0;
      top++;
    }

    this.lastRankingMetric = bestFacility === -1 ? Infinity : best;
    return bestFacility;
  }

  /** Moves one facility and rebuilds its category's tree (sub-millisecond for a few thousand). */
  moveFacility(facilityIndex: number, lon: number, lat: number): void {
    this.assertActive(facilityIndex);
    this.lons[facilityIndex] = lon;
    this.lats[facilityIndex] = lat;
    this.rebuildCategory(this.codes[facilityIndex]!);
  }

  /** Adds a facility; returns its index. */
  addFacility(facilityId: string, category: FacilityCategory, lon: number, lat: number): number {
    if (this.count === this.lons.length) this.grow();
    const position = this.count++;
    this.lons[position] = lon;
    this.lats[position] = lat;
    this.codes[position] = categoryCode(category);
    this.activeFlags[position] = 1;
    this.idList[position] = facilityId;
    this.rebuildCategory(this.codes[position]!);
    return position;
  }

  /** Removes a facility; its index is not reused so other indices stay valid. */
  removeFacility(facilityIndex: number): void {
    this.assertActive(facilityIndex);
    this.activeFlags[facilityIndex] = 0;
    this.rebuildCategory(this.codes[facilityIndex]!);
  }

  private assertActive(facilityIndex: number): void {
    if (!this.isActive(facilityIndex)) throw new RangeError(`No active facility at index ${facilityIndex}`);
  }

  private grow(): void {
    const capacity = this.lons.length * 2;
    const lons = new Float64Array(capacity);
    lons.set(this.lons);
    const lats = new Float64Array(capacity);
    lats.set(this.lats);
    const codes = new Uint8Array(capacity);
    codes.set(this.codes);
    const activeFlags = new Uint8Array(capacity);
    activeFlags.set(this.activeFlags);
    this.lons = lons;
    this.lats = lats;
    this.codes = codes;
    this.activeFlags = activeFlags;
  }

  private rebuildCategory(code: number): void {
    let size = 0;
    for (let position = 0; position < this.count; position++) {
      if (this.codes[position] === code && this.activeFlags[position] === 1) size++;
    }
    if (size === 0) {
      this.trees[code] = null;
      return;
    }
    const members = new Int32Array(size);
    const kdTree = new KDBush(size, NODE_SIZE, Float64Array);
    let added = 0;
    for (let position = 0; position < this.count; position++) {
      if (this.codes[position] === code && this.activeFlags[position] === 1) {
        members[added++] = position;
        kdTree.add(this.lons[position]!, this.lats[position]!);
      }
    }
    kdTree.finish();
    const facilityAt = new Int32Array(size);
    for (let position = 0; position < size; position++) facilityAt[position] = members[kdTree.ids[position]!]!;
    const coordsRadians = new Float64Array(size * 2);
    for (let position = 0; position < size * 2; position++) coordsRadians[position] = kdTree.coords[position]! * DEGREES_TO_RADIANS;
    this.trees[code] = { coords: coordsRadians, facilityAt, size };
  }
}
