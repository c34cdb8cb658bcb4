// Items that share one map position, and how to spread them out around it ("spiderfy") so each stays
// visible and clickable. Pure: the map converts the pixel offsets to positions at the current zoom.

export interface LocatedItem {
  id: string;
  /** [lon, lat] WGS84. */
  location: readonly [number, number];
}

export interface SharedLocation {
  /** Stable key of the position: "lon,lat". */
  key: string;
  location: [number, number];
  /** Ids at this position, in input order; always two or more. */
  ids: string[];
}

export function locationKey(location: readonly [number, number]): string {
  return `${location[0]},${location[1]}`;
}

/** Positions held by two or more items (identical coordinates), in the order their first item appears. */
export function sharedLocations(items: readonly LocatedItem[]): SharedLocation[] {
  const byKey = new Map<string, SharedLocation>();
  for (const item of items) {
    const key = locationKey(item.location);
    const entry = byKey.get(key);
    if (entry) entry.ids.push(item.id);
    else byKey.set(key, { key, location: [item.location[0], item.location[1]], ids: [item.id] });
  }
  return [...byKey.values()].filter((entry) => entry.ids.length > 1);
}

/** For every item that shares its position: the ids of the others there, in input order. */
export function othersAtSameLocation(items: readonly LocatedItem[]): Map<string, string[]> {
  const others = new Map<string, string[]>();
  for (const { ids } of sharedLocations(items)) {
    for (const id of ids) others.set(id, ids.filter((other) => other !== id));
  }
  return others;
}

export interface SpreadOptions {
  /** Smallest distance in pixels between the centres of two neighbouring spread symbols. */
  spacing: number;
  /** Smallest distance in pixels from the shared point, so the point itself stays visible. */
  minRadius: number;
}

/** Rotations tried per spread, within one step between neighbours; the first (none) wins ties. */
const ROTATION_STEPS = 12;

/**
 * Screen offsets [dx, dy] in pixels (x right, y down) for `count` symbols spread evenly on a circle
 * around their shared point: the first at the top, then clockwise. The radius grows with the count so
 * that neighbours stay at least `spacing` apart. `obstacles` are other symbols nearby, as offsets from
 * the shared point: the circle is turned (by less than the step between neighbours) to keep the spread
 * symbols as far from them as possible, so a spread symbol does not land on another project.
 * Fewer than two symbols are not spread.
 */
export function spreadOffsets(count: number, options: SpreadOptions, obstacles: readonly (readonly [number, number])[] = []): [number, number][] {
  if (count < 2) return count === 1 ? [[0, 0]] : [];
  const chord = 2 * Math.sin(Math.PI / count);
  const radius = Math.max(options.minRadius, options.spacing / chord);
  const circle = (rotation: number) =>
    Array.from({ length: count }, (_, index) => {
      const angle = -Math.PI / 2 + rotation + (2 * Math.PI * index) / count;
      return [round2(radius * Math.cos(angle)), round2(radius * Math.sin(angle))] as [number, number];
    });
  let best = circle(0);
  if (obstacles.length === 0) return best;
  // Farther than the spacing counts as clear: the default orientation stays unless an obstacle is near.
  const clearanceOf = (offsets: readonly [number, number][]) => Math.min(options.spacing, clearance(offsets, obstacles));
  let bestClearance = clearanceOf(best);
  for (let step = 1; step < ROTATION_STEPS; step += 1) {
    const candidate = circle(((2 * Math.PI) / count) * (step / ROTATION_STEPS));
    const candidateClearance = clearanceOf(candidate);
    if (candidateClearance > bestClearance + 0.5) {
      best = candidate;
      bestClearance = candidateClearance;
    }
  }
  return best;
}

/** The smallest distance from any spread symbol to any obstacle. */
function clearance(offsets: readonly [number, number][], obstacles: readonly (readonly [number, number])[]): number {
  let smallest = Infinity;
  for (const [x, y] of offsets) {
    for (const [ox, oy] of obstacles) smallest = Math.min(smallest, Math.hypot(x - ox, y - oy));
  }
  return smallest;
}

function round2(value: number): number {
  // Two decimals keep offsets exact in tests; -0 becomes 0.
  return Math.round(value * 100) / 100 + 0;
}
