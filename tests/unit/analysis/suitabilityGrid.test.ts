import { describe, expect, it } from 'vitest';
import type { FacilityCategory } from '../../../src/domain/facility';
import type { GridScore } from '../../../src/analysis/gridScore';
import type { GridDescription } from '../../../src/analysis/reachabilityProtocol';
import { classifyGrid, GRID_PALETTE, gridCategories, gridCellAt, NO_GRID_CLASS, spreadPalette } from '../../../src/analysis/suitabilityGrid';
import { WOONZORGZONE_PROFILE } from '../../../src/domain/norms';

describe('grid classes and cell lookup', () => {
  const grid: GridDescription = {
    cellSizeMeters: 250,
    originLon: 6,
    originLat: 52,
    cellWidthDegrees: 0.01,
    cellHeightDegrees: 0.01,
    columns: 3,
    rows: 2,
    cellCount: 4,
    centers: new Float64Array(8),
    // row 0: columns 0 and 2; row 1: columns 1 and 2
    cellIds: Uint32Array.from([0, 2, 4, 5]),
  };

  function score(target: GridScore['target'], values: number[], requiredCount: number): GridScore {
    return { target, method: 'hemelsbreed', values: Float32Array.from(values), requiredCount, noDataCategories: [] };
  }

  it('makes one class per number of norms met and counts its cells', () => {
    const layer = classifyGrid(grid, score({ kind: 'normsMet', housingType: 'nultreden' }, [0, 2, 2, 4], 4));
    expect(layer.classes.map((klass) => klass.cellCount)).toEqual([1, 0, 2, 0, 1]);
    expect([...layer.classIndex]).toEqual([0, 2, 2, 4]);
  });

  it('leaves every cell unclassed when no required category has data', () => {
    const noData = { ...score({ kind: 'normsMet', housingType: 'nultreden' }, [0, 0, 0, 0], 2), noDataCategories: ['supermarkt', 'huisarts'] as FacilityCategory[] };
    const layer = classifyGrid(grid, noData);
    expect(layer.hasData).toBe(false);
    expect([...layer.classIndex]).toEqual([NO_GRID_CLASS, NO_GRID_CLASS, NO_GRID_CLASS, NO_GRID_CLASS]);
  });

  it('puts distances in bands and leaves cells without a value unclassed', () => {
    const layer = classifyGrid(grid, score({ kind: 'distance', category: 'supermarkt' }, [100, 250.5, 5000, NaN], 1));
    expect([...layer.classIndex]).toEqual([0, 1, 5, NO_GRID_CLASS]);
  });

  it('finds the cell under a point', () => {
    expect(gridCellAt(grid, [6.025, 52.015])).toBe(3);
  });

  it('returns -1 for a point on a dropped cell or outside the grid', () => {
    expect(gridCellAt(grid, [6.015, 52.005])).toBe(-1);
    expect(gridCellAt(grid, [5.9, 52.005])).toBe(-1);
  });
});

describe('grid palette and judged categories', () => {
  it('spreads the palette from light to dark, one class taking the darkest colour', () => {
    expect(spreadPalette(1)).toEqual([GRID_PALETTE[GRID_PALETTE.length - 1]]);
    const three = spreadPalette(3);
    expect(three).toEqual([GRID_PALETTE[0], GRID_PALETTE[3], GRID_PALETTE[6]]);
  });

  it("judges the housing type's norm categories, or the one chosen category", () => {
    const settings = { mode: 'housingType', housingType: 'nultreden', category: 'apotheek', cellSizeMeters: 250 } as const;
    expect(gridCategories(settings, WOONZORGZONE_PROFILE)).toEqual(WOONZORGZONE_PROFILE.norms.nultreden.map((norm) => norm.category));
    expect(gridCategories({ ...settings, mode: 'category' }, WOONZORGZONE_PROFILE)).toEqual(['apotheek']);
  });
});
