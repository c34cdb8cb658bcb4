import { describe, expect, it } from 'vitest';
import { demandFromPopulation } from '../../../src/analysis/siteFinder';
import { demandPieces, distancesWithSites, nearestSupplyDistances, servedFigures, siteCountsAsSupply, weightedPercentile, type DemandPieces } from '../../../src/analysis/siteFinderFigures';
import { haversineMeters } from '../../../src/analysis/sphericalDistance';
import { emptySiteHomes } from '../../../src/domain/scenario';
import { dasymetricFixture } from '../../support/dasymetricFixture';
import { seededRandom } from '../../support/seededRandom';

describe('weightedPercentile', () => {
  it('is the smallest value below which the share of the weight lies, not a mean', () => {
    expect(weightedPercentile([100, 200, 300, 1000], [1, 1, 1, 1], 0.9)).toBe(1000);
    expect(weightedPercentile([100, 200, 300, 1000], [5, 3, 1, 1], 0.9)).toBe(300);
    // the order of the input does not matter
    expect(weightedPercentile([1000, 300, 100, 200], [1, 1, 5, 3], 0.9)).toBe(300);
    // a mean of the same data would be 220
    expect(weightedPercentile([100, 200, 300, 1000], [5, 3, 1, 1], 0.5)).toBe(100);
  });

  it('reaches exactly the share at a value, says Infinity when the rest has no site, NaN without weight', () => {
    expect(weightedPercentile([100, Infinity], [9, 1], 0.9)).toBe(100);
    expect(weightedPercentile([100, Infinity], [8, 2], 0.9)).toBe(Infinity);
    expect(weightedPercentile([100, 200], [0, 0], 0.9)).toBeNaN();
    expect(weightedPercentile([], [], 0.9)).toBeNaN();
    // zero weights are left out
    expect(weightedPercentile([5000, 100], [0, 3], 0.9)).toBe(100);
  });
});

describe('siteCountsAsSupply', () => {
  it('counts a plan site with homes of the type, or with no homes filled in; not one with only other types', () => {
    expect(siteCountsAsSupply({ homes: { ...emptySiteHomes(), geclusterd: 20 } }, 'geclusterd')).toBe(true);
    expect(siteCountsAsSupply({ homes: emptySiteHomes() }, 'zorggeschikt')).toBe(true);
    expect(siteCountsAsSupply({ homes: { ...emptySiteHomes(), geclusterd: 20 } }, 'zorggeschikt')).toBe(false);
    expect(siteCountsAsSupply({ homes: { ...emptySiteHomes(), overig: 5 } }, 'geclusterd')).toBe(false);
  });
});

describe('demandPieces', () => {
  it('splits every demand cell into its postcode areas’ shares, per municipality, adding up to the cell', () => {
    const { population } = dasymetricFixture();
    const demand = demandFromPopulation(population, '75plus');
    const pieces = demandPieces(population, '75plus', demand.cellPositions);
    const perPoint = new Float64Array(demand.weights.length);
    pieces.point.forEach((point, piece) => (perPoint[point]! += pieces.weight[piece]!));
    perPoint.forEach((sum, point) => expect(sum).toBeCloseTo(demand.weights[point]!, 9));
    const perMunicipality = new Map<string, number>();
    pieces.municipality.forEach((municipality, piece) => perMunicipality.set(pieces.codes[municipality]!, (perMunicipality.get(pieces.codes[municipality]!) ?? 0) + pieces.weight[piece]!));
    // A (30) and B (10) in Zwolle, C (5) in Enschede; D has no 75-plussers
    expect(perMunicipality.get('GM0193')).toBeCloseTo(40, 9);
    expect(perMunicipality.get('GM0153')).toBeCloseTo(5, 9);
  });
});

describe('nearestSupplyDistances', () => {
  it('gives the haversine distance to the nearest supply point, Infinity without supply', () => {
    const random = seededRandom(3);
    const demand = Float64Array.from({ length: 400 }, (_, index) => (index % 2 === 0 ? 6 + random() * 0.5 : 52.2 + random() * 0.5));
    const supply = Float64Array.from({ length: 30 }, (_, index) => (index % 2 === 0 ? 6 + random() * 0.5 : 52.2 + random() * 0.5));
    const distances = nearestSupplyDistances(demand, supply);
    for (let point = 0; point < 200; point++) {
      let best = Infinity;
      for (let site = 0; site < 15; site++) best = Math.min(best, haversineMeters(demand[2 * point]!, demand[2 * point + 1]!, supply[2 * site]!, supply[2 * site + 1]!));
      expect(distances[point]).toBeCloseTo(best, 6);
    }
    expect([...nearestSupplyDistances(demand.slice(0, 4), new Float64Array())]).toEqual([Infinity, Infinity]);
    const after = distancesWithSites(nearestSupplyDistances(demand.slice(0, 4), new Float64Array()), demand.slice(0, 4), [[demand[0]!, demand[1]!]]);
    expect(after[0]).toBe(0);
    expect(after[1]).toBeCloseTo(haversineMeters(demand[0]!, demand[1]!, demand[2]!, demand[3]!), 6);
  });
});

describe('servedFigures', () => {
  it('sums served people per municipality and the province, with the 90 % distance before and after', () => {
    // three demand points; point 1 is split between two municipalities
    const pieces: DemandPieces = {
      point: Uint32Array.from([0, 1, 1, 2]),
      municipality: Uint16Array.from([0, 0, 1, 1]),
      weight: Float64Array.from([10, 6, 4, 30]),
      codes: ['GM0193', 'GM0153'],
    };
    const figures = servedFigures(pieces, {
      servedBefore: Uint8Array.from([1, 0, 0]),
      servedAfter: Uint8Array.from([1, 1, 0]),
      distanceBefore: Float64Array.from([100, 900, Infinity]),
      distanceAfter: Float64Array.from([100, 200, 2000]),
    });
    const zwolle = figures.municipalities.find((area) => area.code === 'GM0193')!;
    const enschede = figures.municipalities.find((area) => area.code === 'GM0153')!;
    expect(zwolle).toEqual({ code: 'GM0193', people: 16, servedBefore: 10, servedAfter: 16, percentileBefore: 900, percentileAfter: 200 });
    expect(enschede).toEqual({ code: 'GM0153', people: 34, servedBefore: 0, servedAfter: 4, percentileBefore: Infinity, percentileAfter: 2000 });
    expect(figures.province).toMatchObject({ code: 'overijssel', people: 50, servedBefore: 10, servedAfter: 20, percentileBefore: Infinity, percentileAfter: 2000 });
    expect(figures.municipalities.map((area) => area.code)).toEqual(['GM0153', 'GM0193']);
  });
});
