// Municipal polygons (CBS Gebiedsindelingen 2026) and the province outline: validated GeoJSON features.

import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Validated } from '../domain/dataIssue';
import { isOverijsselMunicipalityCode, type MunicipalityCode } from '../domain/geography';
import { parseFeatures, POLYGON_BOUNDS } from './geojsonInput';
import { wrongShape } from './jsonInput';

export interface MunicipalityBoundaryProperties {
  code: MunicipalityCode;
  /** CBS spelling, e.g. 'Hengelo (O.)'. */
  name: string;
}
export type MunicipalityBoundary = Feature<Polygon | MultiPolygon, MunicipalityBoundaryProperties>;

export interface ProvinceBoundaryProperties {
  code: string;
  name: string;
}
export type ProvinceBoundary = Feature<Polygon | MultiPolygon, ProvinceBoundaryProperties>;

/** Reads `statcode`/`statnaam`; rejects unknown codes and a second polygon for the same municipality. */
export function parseMunicipalityBoundaries(json: unknown, file: string): Validated<MunicipalityBoundary> {
  const seen = new Set<string>();
  return parseFeatures<Polygon | MultiPolygon, MunicipalityBoundaryProperties>(json, {
    file,
    geometryTypes: ['Polygon', 'MultiPolygon'],
    bounds: POLYGON_BOUNDS,
    readProperties: (reader) => {
      const code = reader.string('statcode');
      const name = reader.string('statnaam');
      if (reader.issue) return null;
      if (!isOverijsselMunicipalityCode(code)) {
        reader.reject('data.unknownMunicipality', { value: code });
        return null;
      }
      if (seen.has(code)) {
        reader.reject('data.duplicateRecord', { value: code });
        return null;
      }
      seen.add(code);
      return { code, name };
    },
  });
}

/** The single province polygon; a file without one valid feature is unusable. */
export function parseProvinceBoundary(json: unknown, file: string): Validated<ProvinceBoundary> {
  const result = parseFeatures<Polygon | MultiPolygon, ProvinceBoundaryProperties>(json, {
    file,
    geometryTypes: ['Polygon', 'MultiPolygon'],
    bounds: POLYGON_BOUNDS,
    readProperties: (reader) => {
      const code = reader.string('statcode');
      const name = reader.string('statnaam');
      return reader.issue ? null : { code, name };
    },
  });
  if (result.items.length !== 1) throw wrongShape(file, `expected 1 valid province polygon, found ${result.items.length}`);
  return result;
}
