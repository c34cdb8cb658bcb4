// Moving a point by metres (keyboard nudges of a selected site) and reading typed coordinates. Pure.

import { DEGREES_TO_RADIANS, EARTH_RADIUS_METERS } from './sphericalDistance';

/** Arrow key steps: 10 m, with Shift 100 m. */
export const NUDGE_METERS = 10;
export const NUDGE_METERS_LARGE = 100;

/** The point `eastMeters` east and `northMeters` north of `location` ([lon, lat] WGS84), on the same sphere as the distances. */
export function offsetByMeters([lon, lat]: readonly [number, number], eastMeters: number, northMeters: number): [number, number] {
  const metersPerDegreeLatitude = EARTH_RADIUS_METERS * DEGREES_TO_RADIANS;
  const newLat = lat + northMeters / metersPerDegreeLatitude;
  const newLon = lon + eastMeters / (metersPerDegreeLatitude * Math.cos(lat * DEGREES_TO_RADIANS));
  return [newLon, newLat];
}

/** [east, north] metres for an arrow key (Shift = the large step), or null for any other key. */
export function arrowKeyOffset(key: string, shift: boolean): [number, number] | null {
  const step = shift ? NUDGE_METERS_LARGE : NUDGE_METERS;
  switch (key) {
    case 'ArrowUp':
      return [0, step];
    case 'ArrowDown':
      return [0, -step];
    case 'ArrowLeft':
      return [-step, 0];
    case 'ArrowRight':
      return [step, 0];
    default:
      return null;
  }
}

/**
 * A coordinate typed by the planner: decimal point or decimal comma, optional spaces and degree sign.
 * Returns null when the text is not a plain decimal number.
 */
export function parseCoordinate(text: string): number | null {
  const cleaned = text.trim().replace(/°$/, '').trim().replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** Coordinates are shown and typed with 6 decimals (about 0.1 m). */
export const COORDINATE_DECIMALS = 6;

export function roundCoordinate(value: number): number {
  const factor = 10 ** COORDINATE_DECIMALS;
  return Math.round(value * factor) / factor;
}
