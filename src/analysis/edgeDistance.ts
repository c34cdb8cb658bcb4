// "How far is the nearest edge, up to a limit?" for many points against a few thousand polygon
// edges (municipality and province outlines): the edges are put in buckets of about 1 km, and a
// question looks only at the buckets within its limit. Used for the edge of the area where data is
// declared complete (src/analysis/dataCoverage.ts): a key project asks once, a 250 m grid 54,000
// times. Distances in a local flat projection around the point, as in areaIndex.ts (ample at a few
// kilometres). Pure and worker-safe.

const METERS_PER_DEGREE_LATITUDE = 111_320;
/** Bucket size in degrees of latitude (≈ 1.1 km); longitude buckets are as wide in metres at 52° N. */
const BUCKET_DEGREES_LATITUDE = 0.01;
const BUCKET_DEGREES_LONGITUDE = 0.016;

export interface EdgeDistanceIndex {
  /** Number of edges indexed. */
  edgeCount: number;
  /**
   * Straight-line distance in metres from [lon, lat] to the nearest edge, or `limitMeters` when no
   * edge is nearer than that (so the answer is min(distance, limit)).
   */
  distanceWithinMeters(point: readonly [number, number], limitMeters: number): number;
}

/** Indexes every edge of the rings (each ring a closed list of [lon, lat] positions). */
export function createEdgeDistanceIndex(rings: ReadonlyArray<ReadonlyArray<readonly number[]>>): EdgeDistanceIndex {
  const coordinates: number[] = [];
  for (const ring of rings) {
    for (let index = 0; index + 1 < ring.length; index += 1) {
      const [x1, y1] = ring[index] as [number, number];
      const [x2, y2] = ring[index + 1] as [number, number];
      if (x1 === x2 && y1 === y2) continue;
      coordinates.push(x1, y1, x2, y2);
    }
  }
  const edges = Float64Array.from(coordinates);
  const edgeCount = edges.length / 4;
  if (edgeCount === 0) return { edgeCount, distanceWithinMeters: (_point, limit) => limit };

  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let offset = 0; offset < edges.length; offset += 2) {
    west = Math.min(west, edges[offset]!);
    east = Math.max(east, edges[offset]!);
    south = Math.min(south, edges[offset + 1]!);
    north = Math.max(north, edges[offset + 1]!);
  }
  const columns = Math.max(1, Math.ceil((east - west) / BUCKET_DEGREES_LONGITUDE));
  const rows = Math.max(1, Math.ceil((north - south) / BUCKET_DEGREES_LATITUDE));
  const column = (lon: number) => Math.min(columns - 1, Math.max(0, Math.floor((lon - west) / BUCKET_DEGREES_LONGITUDE)));
  const row = (lat: number) => Math.min(rows - 1, Math.max(0, Math.floor((lat - south) / BUCKET_DEGREES_LATITUDE)));

  // Edges per bucket in compressed form: start[b] … start[b + 1] index into bucketEdges. An edge goes
  // into every bucket its bounding box touches (a superset; the distance itself decides).
  const visitBuckets = (edge: number, visit: (bucket: number) => void) => {
    const offset = edge * 4;
    const rowEnd = row(Math.max(edges[offset + 1]!, edges[offset + 3]!));
    const columnStart = column(Math.min(edges[offset]!, edges[offset + 2]!));
    const columnEnd = column(Math.max(edges[offset]!, edges[offset + 2]!));
    for (let r = row(Math.min(edges[offset + 1]!, edges[offset + 3]!)); r <= rowEnd; r += 1) {
      for (let c = columnStart; c <= columnEnd; c += 1) visit(r * columns + c);
    }
  };
  const start = new Uint32Array(columns * rows + 1);
  for (let edge = 0; edge < edgeCount; edge += 1) visitBuckets(edge, (bucket) => (start[bucket + 1] = start[bucket + 1]! + 1));
  for (let bucket = 0; bucket < columns * rows; bucket += 1) start[bucket + 1] = start[bucket + 1]! + start[bucket]!;
  const bucketEdges = new Uint32Array(start[columns * rows]!);
  const fill = start.slice();
  for (let edge = 0; edge < edgeCount; edge += 1) {
    visitBuckets(edge, (bucket) => {
      bucketEdges[fill[bucket]!] = edge;
      fill[bucket] = fill[bucket]! + 1;
    });
  }
  /** Edges already measured in the current question (an edge may sit in several buckets). */
  const seen = new Uint32Array(edgeCount);
  let question = 0;

  return {
    edgeCount,
    distanceWithinMeters([x, y], limitMeters) {
      if (!(limitMeters > 0)) return Math.max(0, limitMeters);
      const scaleY = METERS_PER_DEGREE_LATITUDE;
      const scaleX = Math.cos((y * Math.PI) / 180) * METERS_PER_DEGREE_LATITUDE;
      const reachX = limitMeters / scaleX;
      const reachY = limitMeters / scaleY;
      if (x + reachX < west || x - reachX > east || y + reachY < south || y - reachY > north) return limitMeters;
      question += 1;
      if (question === 0xffffffff) {
        seen.fill(0);
        question = 1;
      }
      let best = limitMeters * limitMeters;
      const rowEnd = row(y + reachY);
      const columnStart = column(x - reachX);
      const columnEnd = column(x + reachX);
      for (let r = row(y - reachY); r <= rowEnd; r += 1) {
        for (let c = columnStart; c <= columnEnd; c += 1) {
          const bucket = r * columns + c;
          for (let position = start[bucket]!; position < start[bucket + 1]!; position += 1) {
            const edge = bucketEdges[position]!;
            if (seen[edge] === question) continue;
            seen[edge] = question;
            const offset = edge * 4;
            const ax = (edges[offset]! - x) * scaleX;
            const ay = (edges[offset + 1]! - y) * scaleY;
            const dx = (edges[offset + 2]! - x) * scaleX - ax;
            const dy = (edges[offset + 3]! - y) * scaleY - ay;
            // nearest point of the segment to the origin (the point itself)
            const t = Math.min(1, Math.max(0, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
            const px = ax + t * dx;
            const py = ay + t * dy;
            const squared = px * px + py * py;
            if (squared < best) best = squared;
          }
        }
      }
      return Math.sqrt(best);
    },
  };
}
