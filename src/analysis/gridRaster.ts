// A grid score as a raster for a map image source: one pixel per grid column, rows resampled to be
// evenly spaced in Web Mercator so the image lines up with the map (drawing 340,000 cell polygons
// at 100 m is too heavy for a GeoJSON layer).
//
// Why resample: the grid's rows are evenly spaced in latitude, but an image source stretches its
// rows evenly in Mercator y; over Overijssel's 0.74° of latitude that would shift middle rows by
// about 170 m, more than a cell.

import type { ProvinceGrid } from './provinceGrid';
import { DEGREES_TO_RADIANS } from './sphericalDistance';

export interface GridRaster {
  width: number;
  height: number;
  /** Row-major from the north-west corner; NaN where there is no cell (outside the area) or no value. */
  values: Float32Array;
  /** [lon, lat] corners in MapLibre image-source order: top-left, top-right, bottom-right, bottom-left. */
  corners: [[number, number], [number, number], [number, number], [number, number]];
}

function mercatorY(latDegrees: number): number {
  return Math.log(Math.tan(Math.PI / 4 + (latDegrees * DEGREES_TO_RADIANS) / 2));
}

function latitudeOfMercatorY(y: number): number {
  return (2 * Math.atan(Math.exp(y)) - Math.PI / 2) / DEGREES_TO_RADIANS;
}

/** `values` has one entry per kept cell, in grid order (as scoreGrid returns them). */
export function gridToMercatorRaster(grid: ProvinceGrid, values: Float32Array): GridRaster {
  if (values.length !== grid.cellCount) throw new RangeError(`Expected ${grid.cellCount} values, got ${values.length}`);
  const { columns, rows } = grid;
  const byCellId = new Float32Array(columns * rows).fill(NaN);
  for (let position = 0; position < grid.cellCount; position++) byCellId[grid.cellIds[position]!] = values[position]!;

  const south = grid.originLat;
  const north = grid.originLat + rows * grid.cellHeightDegrees;
  const west = grid.originLon;
  const east = grid.originLon + columns * grid.cellWidthDegrees;
  const ySouth = mercatorY(south);
  const yNorth = mercatorY(north);
  const height = rows;
  const raster = new Float32Array(columns * height).fill(NaN);
  for (let pixelRow = 0; pixelRow < height; pixelRow++) {
    // centre of this pixel row, top (north) first, evenly spaced in Mercator y
    const lat = latitudeOfMercatorY(yNorth - ((pixelRow + 0.5) / height) * (yNorth - ySouth));
    const gridRow = Math.min(rows - 1, Math.max(0, Math.floor((lat - south) / grid.cellHeightDegrees)));
    raster.set(byCellId.subarray(gridRow * columns, (gridRow + 1) * columns), pixelRow * columns);
  }
  return {
    width: columns,
    height,
    values: raster,
    corners: [
      [west, north],
      [east, north],
      [east, south],
      [west, south],
    ],
  };
}
