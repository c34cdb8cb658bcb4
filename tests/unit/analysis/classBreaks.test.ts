import { describe, expect, it } from 'vitest';
import { classIndexOf, quantileBreaks, SEQUENTIAL_PALETTE } from '../../../src/analysis/classBreaks';

describe('quantileBreaks', () => {
  it('returns null when there is no finite value', () => {
    expect(quantileBreaks([])).toBeNull();
    expect(quantileBreaks([Number.NaN, Number.POSITIVE_INFINITY])).toBeNull();
  });

  it('splits ten values into five classes of two, ending at the maximum', () => {
    const breaks = quantileBreaks([10, 1, 2, 3, 4, 5, 6, 7, 8, 9])!;
    expect(breaks.upperBounds).toEqual([2, 4, 6, 8, 10]);
    expect(breaks.minimum).toBe(1);
    expect(breaks.colours).toEqual([...SEQUENTIAL_PALETTE]);
  });

  it('merges equal bounds so no class is empty, still spanning light to dark', () => {
    const breaks = quantileBreaks([5, 5, 5, 5, 9])!;
    expect(breaks.upperBounds).toEqual([5, 9]);
    expect(breaks.colours).toEqual([SEQUENTIAL_PALETTE[0], SEQUENTIAL_PALETTE[4]]);
  });

  it('puts each value in the class whose upper bound it does not exceed', () => {
    const breaks = quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])!;
    expect(classIndexOf(1, breaks)).toBe(0);
    expect(classIndexOf(3, breaks)).toBe(1);
    expect(classIndexOf(10, breaks)).toBe(4);
  });
});
