// Golden files in the Turf manner: every tests/fixtures/zones/in/NAME.geojson (facility points with a
// `category`, optional municipality outlines with `municipality`, the definition's distances as the
// foreign member `definition`) gives tests/fixtures/zones/out/NAME.geojson (zones rounded to 6
// decimals, with the per-municipality figures). `UPDATE_GOLDEN=1 npx vitest run …` rewrites the
// out files; check the change by eye (e.g. on geojson.io) before committing it.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { FacilityCategory } from '../../../src/domain/facility';
import { defaultZoneDefinition, withRequirement, withZoneDistance, ZONE_AMENITY_CATEGORIES, type ZoneDefinition } from '../../../src/domain/serviceZones';
import { buildServiceZones } from '../../../src/analysis/serviceZones';
import { zonesPerMunicipality } from '../../../src/analysis/zoneMunicipalities';

const FIXTURES = join(__dirname, '../../fixtures/zones');

type InputCollection = FeatureCollection<Point | Polygon, { category?: FacilityCategory; municipality?: string }> & { definition: Record<string, number> };

function definitionOf(distances: Record<string, number>): ZoneDefinition {
  let definition = withZoneDistance(defaultZoneDefinition(), 'zorg24uur', distances['zorg24uur']!);
  for (const category of ZONE_AMENITY_CATEGORIES) {
    const distance = distances[category];
    definition = withRequirement(definition, category, distance !== undefined);
    if (distance !== undefined) definition = withZoneDistance(definition, category, distance);
  }
  return definition;
}

function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e6) / 1e6;
  if (Array.isArray(value)) return value.map(rounded);
  return value;
}

describe('zone construction golden files', () => {
  const names = readdirSync(join(FIXTURES, 'in')).filter((name) => name.endsWith('.geojson'));
  it('has fixtures', () => expect(names.length).toBeGreaterThanOrEqual(5));

  for (const name of names) {
    it(name, () => {
      const input = JSON.parse(readFileSync(join(FIXTURES, 'in', name), 'utf8')) as InputCollection;
      const lists = new Map<FacilityCategory, number[]>();
      const municipalities: Feature<Polygon, { code: string }>[] = [];
      for (const feature of input.features) {
        if (feature.geometry.type === 'Point' && feature.properties.category) {
          const list = lists.get(feature.properties.category) ?? [];
          list.push(...feature.geometry.coordinates);
          lists.set(feature.properties.category, list);
        } else if (feature.geometry.type === 'Polygon' && feature.properties.municipality) {
          municipalities.push({ type: 'Feature', properties: { code: feature.properties.municipality }, geometry: feature.geometry });
        }
      }
      const points = new Map([...lists].map(([category, list]) => [category, Float64Array.from(list)]));
      const result = buildServiceZones(points, definitionOf(input.definition));
      expect(result.unclosedRings).toBe(0);
      const output = {
        type: 'FeatureCollection',
        municipalities: municipalities.length > 0 ? zonesPerMunicipality(result.zones, municipalities) : undefined,
        features: result.zones.map((zone) => ({ ...zone, geometry: { ...zone.geometry, coordinates: rounded(zone.geometry.coordinates) } })),
      };
      const outPath = join(FIXTURES, 'out', name);
      if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(outPath, `${JSON.stringify(output, null, 1)}\n`);
      expect(output).toEqual(JSON.parse(readFileSync(outPath, 'utf8')));
    });
  }
});
