import { describe, expect, it } from 'vitest';
import { area } from '@turf/turf';
import { outlineAreaHectares, outlineProblem } from '../../../src/analysis/polygonOutline';

/** About 100 m × 100 m near Zwolle station, corners anticlockwise. */
const SQUARE: [number, number][] = [
  [6.0910, 52.5040],
  [6.0925, 52.5040],
  [6.0925, 52.5049],
  [6.0910, 52.5049],
  [6.0910, 52.5040],
];
/** The same corners in crossing order: a bow tie that crosses itself in the middle. */
const BOW_TIE: [number, number][] = [
  [6.0910, 52.5040],
  [6.0925, 52.5049],
  [6.0925, 52.5040],
  [6.0910, 52.5049],
  [6.0910, 52.5040],
];

describe('outlineProblem', () => {
  it('accepts a simple closed ring', () => {
    expect(outlineProblem([SQUARE])).toBeNull();
  });

  it('refuses a ring that crosses itself, naming where', () => {
    const problem = outlineProblem([BOW_TIE]);
    expect(problem?.code).toBe('selfIntersecting');
    if (problem?.code !== 'selfIntersecting') return;
    // the crossing of the two diagonals is the middle of the square
    expect(problem.at[0]).toBeCloseTo(6.09175, 5);
    expect(problem.at[1]).toBeCloseTo(52.50445, 5);
  });

  it('refuses an open ring and one of fewer than three distinct corners', () => {
    expect(outlineProblem([SQUARE.slice(0, 4)])).toEqual({ code: 'notClosed' });
    expect(outlineProblem([[SQUARE[0]!, SQUARE[1]!, SQUARE[0]!]])).toEqual({ code: 'tooFewPoints' });
    expect(outlineProblem([[SQUARE[0]!, SQUARE[1]!, SQUARE[1]!, SQUARE[0]!]])).toEqual({ code: 'tooFewPoints' });
    expect(outlineProblem([])).toEqual({ code: 'tooFewPoints' });
  });
});

describe('outlineAreaHectares', () => {
  it('is turf’s geodesic area in hectares (about 1 ha for 100 m × 100 m)', () => {
    const hectares = outlineAreaHectares([SQUARE]);
    expect(hectares).toBeCloseTo(area({ type: 'Polygon', coordinates: [SQUARE] }) / 10_000, 10);
    expect(hectares).toBeGreaterThan(0.95);
    expect(hectares).toBeLessThan(1.05);
  });
});
