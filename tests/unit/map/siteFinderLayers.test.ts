// The Locatiezoeker's sites on the map are told apart by number and text, not colour alone: the rank is
// drawn in the disc and "rank. kern" beside it, and the number stands out from its disc (WCAG 1.4.3).
import { describe, expect, it } from 'vitest';
import {
  candidateSourceFeatures,
  siteFinderCandidateLayerSpecifications,
  siteFinderLayerSpecifications,
  SITE_FINDER_CANDIDATE_LAYER_IDS,
  SITE_FINDER_LAYER_IDS,
  SITE_FINDER_SOURCE_ID,
} from '../../../src/map/siteFinderLayers';
import { SITE_FINDER_AREA, SITE_FINDER_MARKER } from '../../../src/domain/siteFinderStyle';

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

describe('Locatiezoeker map layers', () => {
  it('draw a disc, its rank as text and a "rank. kern" label, all from the one source', () => {
    const layers = siteFinderLayerSpecifications();
    expect(layers.map((layer) => layer.id)).toEqual([SITE_FINDER_LAYER_IDS.disc, SITE_FINDER_LAYER_IDS.rank, SITE_FINDER_LAYER_IDS.label]);
    expect(layers.every((layer) => 'source' in layer && layer.source === SITE_FINDER_SOURCE_ID)).toBe(true);
    const rank = layers.find((layer) => layer.id === SITE_FINDER_LAYER_IDS.rank)!;
    expect(rank.layout).toMatchObject({ 'text-field': ['to-string', ['get', 'rank']] });
    const label = layers.find((layer) => layer.id === SITE_FINDER_LAYER_IDS.label)!;
    expect(label.layout).toMatchObject({ 'text-field': ['get', 'label'] });
  });

  it('write the number in a colour with at least 4.5:1 contrast to the disc', () => {
    const [light, dark] = [luminance(SITE_FINDER_MARKER.numberColour), luminance(SITE_FINDER_MARKER.colour)].sort((a, b) => b - a) as [number, number];
    expect((light + 0.05) / (dark + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  it('draw the search area with a dashed outline and the listed points as open circles, each only while its source is chosen', () => {
    const layers = siteFinderCandidateLayerSpecifications();
    const line = layers.find((layer) => layer.id === SITE_FINDER_CANDIDATE_LAYER_IDS.areaLine)!;
    expect(line.paint).toMatchObject({ 'line-dasharray': [...SITE_FINDER_AREA.dash] });
    const area = { type: 'Polygon' as const, coordinates: [[[6, 52], [6.1, 52], [6.1, 52.1], [6, 52]]] };
    const list = [{ id: 'rij-2', location: [6.05, 52.05] as [number, number] }];
    expect(candidateSourceFeatures('searchArea', area, list).features.map((feature) => feature.geometry)).toEqual([area]);
    expect(candidateSourceFeatures('list', area, list).features.map((feature) => feature.geometry)).toEqual([{ type: 'Point', coordinates: [6.05, 52.05] }]);
    expect(candidateSourceFeatures('builtUp', area, list).features).toEqual([]);
    expect(candidateSourceFeatures('searchArea', null, list).features).toEqual([]);
  });
});
