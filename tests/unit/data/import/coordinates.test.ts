// Tests for RD New → WGS84 conversion against published reference pairs, and coordinate detection.
import { describe, expect, it } from 'vitest';
import { columnNameHint, detectCoordinateSystem } from '../../../../src/data/import/coordinates';
import { rdToWgs84, toWgs84 } from '../../../../src/data/import/coordinateConversion';

// Reference pairs: the first is the classic RD origin check (Amersfoort, Onze Lieve Vrouwetoren
// area, given in the task). The others are PDOK Locatieserver v3 documents that carry both
// `centroide_rd` and `centroide_ll` for the same object (quoted in public code that calls PDOK).
// PDOK converts with RDNAPTRANS; our 7-parameter Helmert is within about 1 m of it, so these are
// checked to 2e-5 degrees (about 2 m).
const pdokReferencePairs = [
  { what: 'Evert van de Beekstraat 202, Schiphol', rd: [111396.536, 479739.602], lonLat: [4.74790756, 52.30389723] },
  { what: 'Langbroek (woonplaats)', rd: [152448.962, 446101.503], lonLat: [5.35005208, 52.00328214] },
  { what: 'Lijsterstraat 20, Amersfoort', rd: [155990.61, 464256.19], lonLat: [5.40168265, 52.16646193] },
] as const;

describe('rdToWgs84', () => {
  it('maps the RD origin 155000/463000 to 52.1552 N, 5.3872 E', () => {
    const [lon, lat] = rdToWgs84(155000, 463000);
    expect(Math.abs(lat - 52.1552)).toBeLessThan(1e-3);
    expect(Math.abs(lon - 5.3872)).toBeLessThan(1e-3);
  });

  it.each(pdokReferencePairs)('matches PDOK for $what', ({ rd, lonLat }) => {
    const [lon, lat] = rdToWgs84(rd[0], rd[1]);
    expect(Math.abs(lon - lonLat[0])).toBeLessThan(2e-5);
    expect(Math.abs(lat - lonLat[1])).toBeLessThan(2e-5);
  });
});

const zwolleLonLat: [number, number] = [6.0944, 52.5125];
const enschedeLonLat: [number, number] = [6.8937, 52.2215];
const zwolleRd: [number, number] = [203000, 503000];
const enschedeRd: [number, number] = [258000, 471000];

describe('detectCoordinateSystem', () => {
  it('recognises lon/lat in the expected order without asking', () => {
    const detection = detectCoordinateSystem([zwolleLonLat, enschedeLonLat], 'wgs84');
    expect(detection.system).toBe('wgs84');
    expect(detection.needsConfirmation).toBe(false);
  });

  it('recognises swapped lat/lon and asks for confirmation', () => {
    const swapped = [zwolleLonLat, enschedeLonLat].map(([lon, lat]) => [lat, lon] as [number, number]);
    const detection = detectCoordinateSystem(swapped, 'wgs84');
    expect(detection.system).toBe('wgs84-swapped');
    expect(detection.needsConfirmation).toBe(true);
  });

  it('recognises RD values in columns named lon/lat and flags the conflict', () => {
    const detection = detectCoordinateSystem([zwolleRd, enschedeRd], columnNameHint('lon', 'lat'));
    expect(detection.system).toBe('rd');
    expect(detection.evidence.conflictsWithColumnNames).toBe(true);
  });

  it('recognises RD y/x given in x/y order', () => {
    const detection = detectCoordinateSystem([zwolleRd, enschedeRd].map(([x, y]) => [y, x] as [number, number]));
    expect(detection.system).toBe('rd-swapped');
  });

  it('gives no system when values fit nothing', () => {
    expect(detectCoordinateSystem([[4.9, 52.37], [1, 2]]).system).toBeNull();
  });

  it('reports value ranges as evidence', () => {
    const detection = detectCoordinateSystem([zwolleLonLat, enschedeLonLat]);
    expect(detection.evidence.firstRange).toEqual([zwolleLonLat[0], enschedeLonLat[0]]);
  });

  it('ignores non-finite pairs when computing shares', () => {
    const detection = detectCoordinateSystem([zwolleLonLat, [Number.NaN, 52.3]]);
    expect(detection.evidence.numericRecords).toBe(1);
  });
});

describe('toWgs84', () => {
  it('swaps a lat/lon pair back to [lon, lat]', () => {
    expect(toWgs84(52.5, 6.1, 'wgs84-swapped')).toEqual([6.1, 52.5]);
  });

  it('converts RD y/x given swapped', () => {
    expect(toWgs84(463000, 155000, 'rd-swapped')).toEqual(rdToWgs84(155000, 463000));
  });
});

describe('columnNameHint', () => {
  it.each([
    ['longitude', 'latitude', 'wgs84'],
    ['Breedtegraad', 'Lengtegraad', 'wgs84-swapped'],
    ['X-coördinaat', 'Y-coördinaat', 'rd'],
    ['a', 'b', 'none'],
  ] as const)('%s/%s -> %s', (first, second, hint) => {
    expect(columnNameHint(first, second)).toBe(hint);
  });
});
