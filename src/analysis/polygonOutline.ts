// Checks and measures of a hand-drawn polygon (a site's outline, or any other drawn area): a closed
// ring of at least three distinct points that does not cross itself. Pure and worker-safe; the
// province test is done by the caller (siteValidation.ts) with the outline test of areaIndex.ts.

import { area, kinks, polygon as turfPolygon } from '@turf/turf';
import type { Polygon } from 'geojson';

/** Why a drawn polygon cannot be used; `at` is [lon, lat] of the first crossing for selfIntersecting. */
export type OutlineProblem =
  | { code: 'notClosed' }
  | { code: 'tooFewPoints' }
  | { code: 'selfIntersecting'; at: [number, number] };

function isPair(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length >= 2 && Number.isFinite(value[0]) && Number.isFinite(value[1]);
}

/**
 * The first problem of an outline given as Polygon coordinates (rings of [lon, lat]); null when it is
 * a simple closed polygon. Only the outer ring is drawn by planners; holes are checked the same way.
 */
export function outlineProblem(rings: readonly (readonly (readonly number[])[])[]): OutlineProblem | null {
  if (rings.length === 0) return { code: 'tooFewPoints' };
  for (const ring of rings) {
    if (!ring.every(isPair)) return { code: 'tooFewPoints' };
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) return { code: 'notClosed' };
    const distinct = new Set(ring.slice(0, -1).map((point) => `${point[0]},${point[1]}`));
    if (ring.length < 4 || distinct.size < 3) return { code: 'tooFewPoints' };
  }
  const crossings = kinks(turfPolygon(rings.map((ring) => ring.map((point) => [point[0]!, point[1]!]))));
  const crossing = crossings.features[0];
  if (crossing) {
    const [lon, lat] = crossing.geometry.coordinates as [number, number];
    return { code: 'selfIntersecting', at: [lon, lat] };
  }
  return null;
}

/** Area of a valid outline in hectares (geodesic, as turf measures it). */
export function outlineAreaHectares(rings: readonly (readonly (readonly number[])[])[]): number {
  const geometry: Polygon = { type: 'Polygon', coordinates: rings.map((ring) => ring.map((point) => [point[0]!, point[1]!])) };
  return area(geometry) / 10_000;
}
