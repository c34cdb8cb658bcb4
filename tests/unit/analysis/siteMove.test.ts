import { describe, expect, it } from 'vitest';
import { arrowKeyOffset, offsetByMeters, parseCoordinate, roundCoordinate } from '../../../src/analysis/siteMove';
import { haversineMeters } from '../../../src/analysis/sphericalDistance';

describe('offsetByMeters', () => {
  it('moves 10 m and 100 m north, south, east and west as measured by the app distance', () => {
    const start: [number, number] = [6.0921, 52.5052];
    for (const [east, north] of [[0, 10], [0, -10], [10, 0], [-10, 0], [0, 100], [100, 0]] as const) {
      const moved = offsetByMeters(start, east, north);
      expect(haversineMeters(start[0], start[1], moved[0], moved[1])).toBeCloseTo(Math.hypot(east, north), 3);
      expect(Math.sign(moved[0] - start[0])).toBe(Math.sign(east));
      expect(Math.sign(moved[1] - start[1])).toBe(Math.sign(north));
    }
  });
});

describe('arrowKeyOffset', () => {
  it('gives 10 m per arrow key and 100 m with Shift', () => {
    expect(arrowKeyOffset('ArrowUp', false)).toEqual([0, 10]);
    expect(arrowKeyOffset('ArrowDown', false)).toEqual([0, -10]);
    expect(arrowKeyOffset('ArrowLeft', true)).toEqual([-100, 0]);
    expect(arrowKeyOffset('ArrowRight', true)).toEqual([100, 0]);
    expect(arrowKeyOffset('Enter', false)).toBeNull();
  });
});

describe('parseCoordinate', () => {
  it('reads decimal point and decimal comma, with an optional degree sign', () => {
    expect(parseCoordinate('52.5052')).toBe(52.5052);
    expect(parseCoordinate(' 6,0921° ')).toBe(6.0921);
    expect(parseCoordinate('-1.5')).toBe(-1.5);
  });
  it('refuses anything that is not a plain number', () => {
    for (const text of ['', 'abc', '52.1.2', '52,1,2', '1e3', '52 N']) expect(parseCoordinate(text)).toBeNull();
  });
  it('rounds to six decimals', () => {
    expect(roundCoordinate(52.12345678)).toBe(52.123457);
  });
});
