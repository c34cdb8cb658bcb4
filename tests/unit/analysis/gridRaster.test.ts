import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { gridToMercatorRaster } from '../../../src/analysis/gridRaster';
import { buildProvinceGrid } from '../../../src/analysis/provinceGrid';
import { lShapeWithHoleAndIsland, rectangle } from './reachabilityFactories';

const AREA = lShapeWithHoleAndIsland();

/** Latitude of a pixel row's centre when rows are spread evenly in Web Mercator y between the corners. */
function pixelRowLatitude(north: number, south: number, pixelRow: number, height: number): number {
  const toY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const y = toY(north) - ((pixelRow + 0.5) / height) * (toY(north) - toY(south));
  return ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;
}

describe('gridToMercatorRaster', () => {
  it('gives each pixel the value of the cell under its centre (100 m cells over the province’s height)', () => {
    // as tall as Overijssel: there, rows spaced evenly in latitude would drift up to ~170 m from the map
    const grid = buildProvinceGrid(rectangle(6.0, 52.118, 6.05, 52.855), 100);
    const values = Float32Array.from({ length: grid.cellCount }, (_, position) => position);
    const raster = gridToMercatorRaster(grid, values);
    const [[west, north], , [, south]] = raster.corners;
    const cellWidth = grid.cellWidthDegrees;
    for (let pixelRow = 0; pixelRow < raster.height; pixelRow++) {
      const lat = pixelRowLatitude(north, south, pixelRow, raster.height);
      for (let column = 0; column < raster.width; column++) {
        const lon = west + (column + 0.5) * cellWidth;
        const value = raster.values[pixelRow * raster.width + column]!;
        if (Number.isNaN(value)) continue;
        // the cell this value came from must contain the pixel centre's latitude
        const cellLat = grid.centers[2 * value + 1]!;
        expect(Math.abs(cellLat - lat)).toBeLessThanOrEqual(grid.cellHeightDegrees / 2 + 1e-9);
        expect(grid.centers[2 * value]).toBeCloseTo(lon, 9);
      }
    }
  });

  it('leaves pixels outside the area empty', () => {
    const grid = buildProvinceGrid(AREA, 1000);
    const raster = gridToMercatorRaster(grid, new Float32Array(grid.cellCount).fill(1));
    const [[west, north], , [, south]] = raster.corners;
    let checked = 0;
    for (let pixelRow = 0; pixelRow < raster.height; pixelRow++) {
      for (let column = 0; column < raster.width; column++) {
        if (!Number.isNaN(raster.values[pixelRow * raster.width + column]!)) continue;
        const centre: [number, number] = [west + (column + 0.5) * grid.cellWidthDegrees, pixelRowLatitude(north, south, pixelRow, raster.height)];
        // an empty pixel's centre lies outside, or within half a cell of the edge (rows are resampled)
        if (booleanPointInPolygon(centre, AREA)) {
          const up: [number, number] = [centre[0], centre[1] + grid.cellHeightDegrees / 2];
          const down: [number, number] = [centre[0], centre[1] - grid.cellHeightDegrees / 2];
          expect(booleanPointInPolygon(up, AREA) && booleanPointInPolygon(down, AREA)).toBe(false);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('rejects a value array of the wrong length', () => {
    const grid = buildProvinceGrid(AREA, 1000);
    expect(() => gridToMercatorRaster(grid, new Float32Array(3))).toThrow(RangeError);
  });
});
