// Converting an import's coordinate pairs to WGS84 [lon, lat]: RD New (EPSG:28992) through proj4.
// Used by the import worker (./parseImport.ts); the main thread's bundle stays without proj4.

import proj4 from 'proj4';
import type { CoordinateSystem } from './coordinates';

/**
 * EPSG:28992 with the 7-parameter Helmert shift to WGS84 (PROJ's definition). Accurate to about
 * 1 m compared with RDNAPTRANS; ample for facility points.
 */
const RD_NEW_PROJ4 =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
  '+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';

const rdToWgs84Converter = proj4(RD_NEW_PROJ4, 'WGS84');

/** RD New x/y in metres → [lon, lat] WGS84 degrees. */
export function rdToWgs84(xMeters: number, yMeters: number): [number, number] {
  const [lon, lat] = rdToWgs84Converter.forward([xMeters, yMeters]);
  return [lon as number, lat as number];
}

/** Converts one pair read in the given system to [lon, lat] WGS84. */
export function toWgs84(first: number, second: number, system: CoordinateSystem): [number, number] {
  switch (system) {
    case 'wgs84':
      return [first, second];
    case 'wgs84-swapped':
      return [second, first];
    case 'rd':
      return rdToWgs84(first, second);
    case 'rd-swapped':
      return rdToWgs84(second, first);
  }
}
