// Test helper: reads the embedded datasets from geo/ on disk, the way the app fetches them from /geo.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';

/** '/geo/woondeal/x.json' or 'geo/woondeal/x.json' -> file text. */
export function readGeoText(path: string): string {
  return readFileSync(resolve(process.cwd(), path.replace(/^\//, '')), 'utf8');
}

export function readGeoJson(path: string): unknown {
  return JSON.parse(readGeoText(path)) as unknown;
}

/** A FetchText over geo/ on disk, with per-path overrides: a string replaces the file, an Error makes the fetch reject. */
export function diskFetchText(overrides: Record<string, string | Error> = {}): (path: string) => Promise<string> {
  return async (path) => {
    const override = overrides[path];
    if (override instanceof Error) throw override;
    if (typeof override === 'string') return override;
    return readGeoText(path);
  };
}

/** Overijssel's outline from the embedded province file, as the app passes it to imports. */
export function provinceOutline(): Polygon | MultiPolygon {
  const collection = readGeoJson('geo/boundaries/overijssel-provincie-cbs-2026.geojson') as { features: Array<{ geometry: Polygon | MultiPolygon }> };
  return collection.features[0]!.geometry;
}
