// Straight-line ("hemelsbreed") distance on the same sphere as turf.distance, and the cheap ranking
// metric the nearest-facility searches use to compare candidates without trigonometry per candidate.

/** Mean earth radius turf uses (helpers `earthRadius`), so our metres equal turf.distance metres. */
export const EARTH_RADIUS_METERS = 6371008.8;

export const DEGREES_TO_RADIANS = Math.PI / 180;

/** Great-circle distance in metres; the same formula as turf.distance. */
export function haversineMeters(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const sinHalfLat = Math.sin(((lat2 - lat1) * DEGREES_TO_RADIANS) / 2);
  const sinHalfLon = Math.sin(((lon2 - lon1) * DEGREES_TO_RADIANS) / 2);
  const a =
    sinHalfLat * sinHalfLat + sinHalfLon * sinHalfLon * Math.cos(lat1 * DEGREES_TO_RADIANS) * Math.cos(lat2 * DEGREES_TO_RADIANS);
  return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * EARTH_RADIUS_METERS;
}

/**
 * Squared angular distance (radians²) from a query point to a candidate, for ranking only; all
 * coordinates in radians (multiply degrees by DEGREES_TO_RADIANS once, everywhere the same way).
 *
 * Equirectangular with the cosine taken at the pair's mean latitude, expanded to first order
 * around the query latitude (cos(φq + Δφ/2) ≈ cos φq − sin φq·Δφ/2) so the per-query cos/sin are
 * computed once and each candidate costs a few multiplications. Relative error against the
 * haversine is of order (d/R)², about 1e-6 at 5 km, so rankings agree with turf.distance except for
 * ties within millimetres. Searches and the incremental update both rank with this one function,
 * which is what makes the incremental result identical to a full recompute.
 * Assumes |Δλ| < 180° (no antimeridian crossing; irrelevant for the Netherlands).
 */
export function rankingMetric(
  queryLonRadians: number,
  queryLatRadians: number,
  cosQueryLat: number,
  sinQueryLat: number,
  lonRadians: number,
  latRadians: number,
): number {
  const deltaLat = latRadians - queryLatRadians;
  const deltaLonScaled = (lonRadians - queryLonRadians) * (cosQueryLat - sinQueryLat * deltaLat * 0.5);
  return deltaLat * deltaLat + deltaLonScaled * deltaLonScaled;
}

/** Ranking-metric value of a distance in metres (for search caps). */
export function metersToRankingMetric(distanceMeters: number): number {
  const radians = distanceMeters / EARTH_RADIUS_METERS;
  return radians * radians;
}
