import { describe, expect, it } from 'vitest';
import { createOfflineStyle, LAYER_IDS, thematicFillOpacity, thematicHatchOpacity } from '../../../src/map/mapStyle';
import { keyProjectSymbolScale, KEY_PROJECT_SIZE_STOPS } from '../../../src/domain/keyProjectSymbols';

/** [zoom, opacity] pairs of an ['interpolate', ['linear'], ['zoom'], z, o, …] expression. */
function stops(expression: unknown): Array<[number, number]> {
  expect(Array.isArray(expression)).toBe(true);
  const parts = expression as unknown[];
  expect(parts.slice(0, 3)).toEqual(['interpolate', ['linear'], ['zoom']]);
  const pairs: Array<[number, number]> = [];
  for (let index = 3; index < parts.length; index += 2) pairs.push([parts[index] as number, parts[index + 1] as number]);
  return pairs;
}

describe('the thematic fill in the map style', () => {
  it('recedes as the map zooms in: strong at the province overview, a light wash at neighbourhood zoom', () => {
    for (const pairs of [stops(thematicFillOpacity(false)), stops(thematicHatchOpacity(false))]) {
      for (let index = 1; index < pairs.length; index++) expect(pairs[index]![1]).toBeLessThan(pairs[index - 1]![1]);
      expect(pairs[0]![1]).toBeGreaterThanOrEqual(0.8); // province zoom
      expect(pairs.at(-1)![0]).toBeGreaterThanOrEqual(13);
    }
    expect(stops(thematicFillOpacity(false)).at(-1)![1]).toBeLessThanOrEqual(0.15);
  });

  it('is off while the suitability grid shows; the outlines are separate layers and stay', () => {
    expect(thematicFillOpacity(true)).toBe(0);
    expect(thematicHatchOpacity(true)).toBe(0);
    const style = createOfflineStyle();
    const fill = style.layers.find((layer) => layer.id === LAYER_IDS.thematicMunicipalities)!;
    expect((fill.paint as Record<string, unknown>)['fill-opacity']).toEqual(thematicFillOpacity(false));
    const borders = style.layers.find((layer) => layer.id === LAYER_IDS.municipalityBorders)!;
    expect(borders.type).toBe('line');
    expect((borders.paint as Record<string, unknown>)['line-opacity']).toBeUndefined();
  });

  it('sizes key-project symbols by homes with the same stops as the legend', () => {
    const style = createOfflineStyle();
    const layer = style.layers.find((candidate) => candidate.id === LAYER_IDS.keyProjects)!;
    const size = (layer.layout as Record<string, unknown>)['icon-size'] as unknown[];
    expect(size.slice(3)).toEqual(KEY_PROJECT_SIZE_STOPS.flat());
    expect(keyProjectSymbolScale(0)).toBe(0.45);
    expect(keyProjectSymbolScale(500)).toBe(0.7);
    expect(keyProjectSymbolScale(3000)).toBe(1.15);
    expect(keyProjectSymbolScale(10000)).toBe(1.15);
    expect(keyProjectSymbolScale(250)).toBeCloseTo(0.575);
  });
});
