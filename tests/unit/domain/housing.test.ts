import { describe, expect, it } from 'vitest';
import { sumOfPrinted } from '../../../src/domain/housing';

describe('sumOfPrinted', () => {
  it('is unknown (null), not 0, when the source prints "-" in every row', () => {
    // Bijlage 1, Ommen, homes after 2030: both rows "-", no total printed.
    expect(sumOfPrinted([null, null])).toBeNull();
    expect(sumOfPrinted([])).toBeNull();
  });

  it('adds the known values when some rows print "-", as the printed totals do', () => {
    // Bijlage 1, Zwolle, homes after 2030: 1.400 + 800 + 200 + 200 + 300 + "-" + 100 = 3.000 (printed total).
    expect(sumOfPrinted([1400, 800, 200, 200, 300, null, 100])).toBe(3000);
    expect(sumOfPrinted([0, null])).toBe(0);
  });
});
