// Walking-time areas on the map: one label per band, each on another side of its area, and every
// band's outline dashed differently (so they differ without colour).
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { WalkAreaProperties } from '../../../src/analysis/walkArea';
import { WALK_BAND_STYLE, walkAreaLabelPoints } from '../../../src/map/walkAreaLayers';

function square(size: number, minutes: number) {
  return {
    type: 'Feature' as const,
    properties: { minutes, meters: minutes * 48 },
    geometry: { type: 'MultiPolygon' as const, coordinates: [[[[-size, -size], [size, -size], [size, size], [-size, size], [-size, -size]]]] },
  };
}

describe('walk area labels', () => {
  it('puts the 5, 10 and 15 minute labels on the north, east and south edges of their own band', () => {
    const areas: FeatureCollection<MultiPolygon, WalkAreaProperties> = { type: 'FeatureCollection', features: [square(3, 15), square(2, 10), square(1, 5)] };
    const labels = walkAreaLabelPoints(areas, (minutes) => `${minutes} min`);
    expect(labels.features.map((feature) => [feature.properties.label, feature.properties.anchor, feature.properties.anchor === 'left' ? feature.geometry.coordinates[0] : feature.geometry.coordinates[1]])).toEqual([
      ['5 min', 'bottom', 1],
      ['10 min', 'left', 2],
      ['15 min', 'top', -3],
    ]);
  });

  it('dashes every band differently', () => {
    const patterns = Object.values(WALK_BAND_STYLE).map((style) => style.dash.join(','));
    expect(new Set(patterns).size).toBe(patterns.length);
  });
});
