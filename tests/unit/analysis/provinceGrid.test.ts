import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, distance } from '@turf/turf';
import { buildProvinceGrid, gridCellPolygon, gridCellsToFeatureCollection } from '../../../src/analysis/provinceGrid';
import { lShapeWithHoleAndIsland, rectangle } from './reachabilityFactories';

const AREA = lShapeWithHoleAndIsland();

function centreOf(grid: ReturnType<typeof buildProvinceGrid>, position: number): [number, number] {
  return [grid.centers[2 * position]!, grid.centers[2 * position + 1]!];
}

describe('buildProvinceGrid', () => {
  it('keeps only cells whose centre lies inside the area (holes excluded)', () => {
    const grid = buildProvinceGrid(AREA, 500);
    expect(grid.cellCount).toBeGreaterThan(0);
    for (let position = 0; position < grid.cellCount; position++) {
      expect(booleanPointInPolygon(centreOf(grid, position), AREA)).toBe(true);
    }
  });

  it('misses no cell whose centre lies inside the area', () => {
    const grid = buildProvinceGrid(AREA, 500);
    const kept = new Set(grid.cellIds);
    let insideCount = 0;
    for (let row = 0; row < grid.rows; row++) {
      for (let column = 0; column < grid.columns; column++) {
        const centre: [number, number] = [
          grid.originLon + (column + 0.5) * grid.cellWidthDegrees,
          grid.originLat + (row + 0.5) * grid.cellHeightDegrees,
        ];
        if (booleanPointInPolygon(centre, AREA)) {
          insideCount++;
          expect(kept.has(row * grid.columns + column)).toBe(true);
        }
      }
    }
    expect(insideCount).toBe(grid.cellCount);
  });

  it('makes cells of the requested size in metres (within 1 %)', () => {
    const grid = buildProvinceGrid(rectangle(6.0, 52.3, 6.2, 52.5), 250);
    const ring = gridCellPolygon(grid, Math.floor(grid.cellCount / 2)).coordinates[0]!;
    const width = distance(ring[0]!, ring[1]!, { units: 'meters' });
    const height = distance(ring[1]!, ring[2]!, { units: 'meters' });
    expect(Math.abs(width - 250) / 250).toBeLessThan(0.01);
    expect(Math.abs(height - 250) / 250).toBeLessThan(0.001);
  });

  it('draws each cell polygon around its own centre', () => {
    const grid = buildProvinceGrid(AREA, 1000);
    for (let position = 0; position < grid.cellCount; position++) {
      expect(booleanPointInPolygon(centreOf(grid, position), gridCellPolygon(grid, position))).toBe(true);
    }
  });

  it('turns cell values into feature properties, NaN as null', () => {
    const grid = buildProvinceGrid(rectangle(6.0, 52.3, 6.02, 52.31), 1000);
    const values = new Float32Array(grid.cellCount).fill(2);
    values[0] = NaN;
    const features = gridCellsToFeatureCollection(grid, values).features;
    expect(features.map((feature) => feature.properties.value)).toEqual([null, ...new Array(grid.cellCount - 1).fill(2)]);
  });

  it('rejects cell sizes that are not a sensible grid', () => {
    expect(() => buildProvinceGrid(AREA, 0)).toThrow(RangeError);
    expect(() => buildProvinceGrid(AREA, Number.NaN)).toThrow(RangeError);
  });
});
