// TOP10NL named places (points) and built-up areas of woonkernen/deelkernen (polygons).

import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { Validated } from '../domain/dataIssue';
import { isOverijsselMunicipalityCode, type MunicipalityCode } from '../domain/geography';
import { PLACE_TYPES, type Place, type PlaceType } from '../domain/place';
import { parseFeatures, POINT_BOUNDS, POLYGON_BOUNDS } from './geojsonInput';
import type { RecordReader } from './jsonInput';

export interface BuiltUpAreaProperties {
  id: string;
  name: string;
  type: Extract<PlaceType, 'woonkern' | 'deelkern'>;
  inhabitants: number | null;
  municipalityCode: MunicipalityCode;
}
export type BuiltUpArea = Feature<Polygon | MultiPolygon, BuiltUpAreaProperties>;

function readMunicipality(reader: RecordReader): MunicipalityCode {
  const code = reader.string('gemeentecode');
  if (!reader.issue && !isOverijsselMunicipalityCode(code)) reader.reject('data.unknownMunicipality', { value: code });
  return code;
}

/** Places as plain records with a [lon, lat] location; `inwoners` may be null for hamlets and districts. */
export function parsePlaces(json: unknown, file: string): Validated<Place> {
  const features = parseFeatures<Point, Omit<Place, 'location'>>(json, {
    file,
    geometryTypes: ['Point'],
    bounds: POINT_BOUNDS,
    readProperties: (reader) => {
      const id = reader.string('top10nl_id');
      const name = reader.string('naam');
      const type = reader.oneOf('type', PLACE_TYPES);
      const inhabitants = reader.nullableCount('inwoners');
      const municipalityCode = readMunicipality(reader);
      return reader.issue ? null : { id, name, type, inhabitants, municipalityCode };
    },
  });
  return {
    items: features.items.map((feature) => ({ ...feature.properties, location: [feature.geometry.coordinates[0], feature.geometry.coordinates[1]] as [number, number] })),
    issues: features.issues,
  };
}

export function parseBuiltUpAreas(json: unknown, file: string): Validated<BuiltUpArea> {
  return parseFeatures<Polygon | MultiPolygon, BuiltUpAreaProperties>(json, {
    file,
    geometryTypes: ['Polygon', 'MultiPolygon'],
    bounds: POLYGON_BOUNDS,
    readProperties: (reader) => {
      const id = reader.string('top10nl_id');
      const name = reader.string('naam');
      const type = reader.oneOf('type', ['woonkern', 'deelkern'] as const);
      const inhabitants = reader.nullableCount('inwoners');
      const municipalityCode = readMunicipality(reader);
      return reader.issue ? null : { id, name, type, inhabitants, municipalityCode };
    },
  });
}
