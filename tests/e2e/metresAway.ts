// Test points at known straight-line distances: [lon, lat] a number of metres east and north of a centre
// (flat-earth offset, well within a metre over the few kilometres the browser tests use).

const METERS_PER_DEGREE_LATITUDE = 111_195;

export function metresAway(centre: readonly [number, number], eastMeters: number, northMeters: number): [number, number] {
  const metersPerDegreeLongitude = METERS_PER_DEGREE_LATITUDE * Math.cos((centre[1] * Math.PI) / 180);
  return [centre[0] + eastMeters / metersPerDegreeLongitude, centre[1] + northMeters / METERS_PER_DEGREE_LATITUDE];
}
