// Walking distance over the street network ("over straat") as a DistanceMethod: one multi-source
// search per category gives every node of the network its distance to the nearest facility; a
// point reads its answer from the edge it snaps to. Facilities more than MAX_SNAP_METERS from any
// street cannot be reached over the street and are counted apart.
//
// What a point gets (overStreet): a route; "geen route" with a reason (too far from any street,
// or no facility of the category on the part of the network it joins); or 'outsideNetwork' when it
// lies outside the downloaded area, where callers fall back to hemelsbreed and say so.

import type { FacilityCategory } from '../domain/facility';
import { categoryCode, FACILITY_CATEGORIES } from '../domain/facility';
import type { DistanceMethod, DistanceMethodId, NearestFacility } from './distanceMethod';
import type { PackedFacilities } from './facilityIndex';
import {
  buildSourceField,
  MAX_SNAP_METERS,
  nearestOverStreet,
  searchBuffers,
  snapToGraph,
  type NetworkSource,
  type SearchBuffers,
  type SnapResult,
  type SourceField,
  type WalkGraph,
} from './walkGraph';

export type StreetAnswer =
  | { kind: 'route'; facilityIndex: number; distanceMeters: number; /** the point's own step to the street */ snapMeters: number }
  | { kind: 'noRoute'; reason: 'farFromStreet' | 'notConnected'; maxSnapMeters: number }
  | { kind: 'outsideNetwork' }
  | { kind: 'noFacility' };

interface CategoryField {
  field: SourceField;
  /** Facility position per source. */
  facilityOfSource: Int32Array;
  /** Facilities of the category too far from any street to be reached. */
  offNetworkCount: number;
}

export interface StreetDistanceOptions {
  /** Whether a point lies in the area the network was downloaded for; default: inside the network's bounding box. */
  isInsideArea?: (lon: number, lat: number) => boolean;
  maxSnapMeters?: number;
}

export class StreetDistanceMethod implements DistanceMethod {
  readonly method: DistanceMethodId = 'overStraat';
  private readonly fields: (CategoryField | null | undefined)[] = [];
  private readonly buffers: SearchBuffers;
  private readonly isInsideArea: (lon: number, lat: number) => boolean;
  readonly maxSnapMeters: number;

  constructor(
    readonly graph: WalkGraph,
    private readonly packed: PackedFacilities,
    options: StreetDistanceOptions = {},
  ) {
    this.buffers = searchBuffers(graph);
    this.maxSnapMeters = options.maxSnapMeters ?? MAX_SNAP_METERS;
    const [west, south, east, north] = graph.bbox;
    this.isInsideArea = options.isInsideArea ?? ((lon, lat) => graph.nodeCount > 0 && lon >= west && lon <= east && lat >= south && lat <= north);
  }

  /** Id of a facility by its position in the packed arrays the method was built from. */
  facilityId(facilityIndex: number): string {
    return this.packed.ids[facilityIndex]!;
  }

  facilityLocation(facilityIndex: number): [number, number] {
    return [this.packed.coordinates[2 * facilityIndex]!, this.packed.coordinates[2 * facilityIndex + 1]!];
  }

  hasCategory(category: FacilityCategory): boolean {
    const code = categoryCode(category);
    return this.packed.categoryCodes.includes(code);
  }

  /** The search for one category, computed on first use (all six: computeAll). */
  private fieldFor(category: FacilityCategory): CategoryField | null {
    const code = categoryCode(category);
    const known = this.fields[code];
    if (known !== undefined) return known;
    const sources: NetworkSource[] = [];
    const facilityOfSource: number[] = [];
    let offNetworkCount = 0;
    const { coordinates, categoryCodes } = this.packed;
    for (let position = 0; position < categoryCodes.length; position++) {
      if (categoryCodes[position] !== code) continue;
      const snap = snapToGraph(this.graph, coordinates[2 * position]!, coordinates[2 * position + 1]!, this.maxSnapMeters);
      if (!snap.ok) {
        offNetworkCount++;
        continue;
      }
      sources.push(snap.snap);
      facilityOfSource.push(position);
    }
    const result = sources.length === 0 && offNetworkCount === 0 ? null : { field: buildSourceField(this.graph, sources, Infinity, this.buffers), facilityOfSource: Int32Array.from(facilityOfSource), offNetworkCount };
    this.fields[code] = result;
    return result;
  }

  /** Runs the search for every category that has facilities (what the worker does once per network or facility change). */
  computeAll(): void {
    for (const category of FACILITY_CATEGORIES) this.fieldFor(category);
  }

  /** Facilities of the category that lie more than the snap limit from any street. */
  offNetworkCount(category: FacilityCategory): number {
    return this.fieldFor(category)?.offNetworkCount ?? 0;
  }

  isInside(point: [number, number]): boolean {
    return this.isInsideArea(point[0], point[1]);
  }

  /** Where a point joins the network; pass it to overStreet when asking for several categories. */
  snap(point: [number, number]): SnapResult {
    return snapToGraph(this.graph, point[0], point[1], this.maxSnapMeters);
  }

  overStreet(category: FacilityCategory, point: [number, number], pointSnap?: SnapResult): StreetAnswer {
    if (!this.isInsideArea(point[0], point[1])) return { kind: 'outsideNetwork' };
    const categoryField = this.fieldFor(category);
    if (categoryField === null) return { kind: 'noFacility' };
    const snap = pointSnap ?? this.snap(point);
    if (!snap.ok) return { kind: 'noRoute', reason: 'farFromStreet', maxSnapMeters: this.maxSnapMeters };
    const answer = nearestOverStreet(this.graph, categoryField.field, snap.snap);
    if (answer === null) return { kind: 'noRoute', reason: 'notConnected', maxSnapMeters: this.maxSnapMeters };
    return { kind: 'route', facilityIndex: categoryField.facilityOfSource[answer.source]!, distanceMeters: answer.distanceMeters, snapMeters: snap.snap.snapMeters };
  }

  nearest(category: FacilityCategory, point: [number, number], maxDistanceMeters = Infinity): NearestFacility | null {
    const answer = this.overStreet(category, point);
    if (answer.kind !== 'route' || answer.distanceMeters > maxDistanceMeters) return null;
    const index = answer.facilityIndex;
    return {
      facilityIndex: index,
      facilityId: this.packed.ids[index]!,
      location: [this.packed.coordinates[2 * index]!, this.packed.coordinates[2 * index + 1]!],
      distanceMeters: answer.distanceMeters,
      method: this.method,
    };
  }
}
