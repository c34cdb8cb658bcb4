// Reliability plan item 36: map symbols are told apart without colour (a letter per facility
// category, a shape per key-project status), and each symbol stands out from the basemap by at
// least 3:1 (WCAG 1.4.11), computed from the style data: the offline style's background and
// province colours against the symbols' fill or outline colours.
import { describe, expect, it } from 'vitest';
import { FACILITY_SYMBOL_OUTLINE, FACILITY_SYMBOLS } from '../../../src/domain/facilitySymbols';
import { createOfflineStyle, LAYER_IDS } from '../../../src/map/mapStyle';
import { KEY_PROJECT_COLOURS, KEY_PROJECT_OUTLOOK_COLOUR, KEY_PROJECT_SHAPES, SITE_COLOUR } from '../../../src/domain/keyProjectSymbols';

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colours the symbols sit on where no thematic layer is shown: outside and inside the province. */
function basemapColours(): string[] {
  const layers = createOfflineStyle().layers;
  const background = layers.find((layer) => layer.id === LAYER_IDS.background);
  const province = layers.find((layer) => layer.id === LAYER_IDS.province);
  const colours = [
    (background?.paint as Record<string, unknown> | undefined)?.['background-color'],
    (province?.paint as Record<string, unknown> | undefined)?.['fill-color'],
  ];
  expect(colours.every((colour) => typeof colour === 'string' && /^#[0-9a-f]{6}$/i.test(colour))).toBe(true);
  return colours as string[];
}

describe('symbols without colour', () => {
  it('every facility symbol has its own letter', () => {
    const letters = Object.values(FACILITY_SYMBOLS).map((symbol) => symbol.letter);
    expect(letters.every((letter) => letter.trim() !== '')).toBe(true);
    expect(new Set(letters).size).toBe(letters.length);
  });

  it('every key-project status has its own shape', () => {
    const shapes = Object.values(KEY_PROJECT_SHAPES);
    expect(new Set(shapes).size).toBe(shapes.length);
  });
});

describe('symbol contrast', () => {
  it('the luminance formula gives the known extremes', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it.each(Object.entries(FACILITY_SYMBOLS))('facility symbol %s stands out from the basemap by at least 3:1 and its letter is readable', (_key, symbol) => {
    for (const basemap of basemapColours()) expect(Math.max(contrast(symbol.colour, basemap), contrast(FACILITY_SYMBOL_OUTLINE, basemap))).toBeGreaterThanOrEqual(3);
    expect(contrast(symbol.textColour, symbol.colour)).toBeGreaterThanOrEqual(4.5);
  });

  it('key-project symbols stand out from the basemap by at least 3:1', () => {
    for (const basemap of basemapColours()) {
      for (const colour of [KEY_PROJECT_COLOURS.bestaand, KEY_PROJECT_COLOURS.nieuw, KEY_PROJECT_OUTLOOK_COLOUR]) expect(contrast(colour, basemap)).toBeGreaterThanOrEqual(3);
    }
  });

  it('draft-site symbols stand out from the basemap by at least 3:1', () => {
    for (const basemap of basemapColours()) expect(contrast(SITE_COLOUR, basemap)).toBeGreaterThanOrEqual(3);
  });
});
