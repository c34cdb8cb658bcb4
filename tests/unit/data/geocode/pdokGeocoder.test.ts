// Tests for PDOK Locatieserver geocoding with a fake fetch shaped like the real answers.
import { describe, expect, it } from 'vitest';
import { addressQuery, geocodeAddress, geocodeAddresses, parseWktPoint } from '../../../../src/data/geocode/pdokGeocoder';

const online = () => true;
const pdokAnswer = (docs: unknown[]) => new Response(JSON.stringify({ response: { numFound: docs.length, start: 0, maxScore: 1, docs } }), { status: 200 });
const addressDoc = (overrides: Record<string, unknown> = {}) => ({
  type: 'adres',
  weergavenaam: 'Grote Markt 20, 8011LW Zwolle',
  centroide_ll: 'POINT(6.09166 52.51255)',
  postcode: '8011LW',
  huisnummer: 20,
  huis_nlt: '20',
  ...overrides,
});
const row = { street: 'Grote Markt', houseNumber: '20', postcode: '8011 LW', town: 'Zwolle' };

describe('geocodeAddress', () => {
  it('returns the centroide_ll position as [lon, lat]', async () => {
    const result = await geocodeAddress(row, { isOnline: online, fetch: async () => pdokAnswer([addressDoc()]) });
    expect(result).toEqual({ status: 'ok', location: [6.09166, 52.51255], matchedAddress: 'Grote Markt 20, 8011LW Zwolle', exact: true });
  });

  it('asks the free endpoint for addresses only, one row', async () => {
    let requested = '';
    await geocodeAddress(row, { isOnline: online, fetch: async (url) => ((requested = url), pdokAnswer([addressDoc()])) });
    const url = new URL(requested);
    expect([url.origin + url.pathname, url.searchParams.get('fq'), url.searchParams.get('rows')]).toEqual(['https://api.pdok.nl/bzk/locatieserver/search/v3_1/free', 'type:adres', '1']);
  });

  it('marks a match with another house number as not exact', async () => {
    const result = await geocodeAddress(row, { isOnline: online, fetch: async () => pdokAnswer([addressDoc({ huis_nlt: '22', huisnummer: 22 })]) });
    expect(result).toMatchObject({ status: 'ok', exact: false });
  });

  it('returns notFound for an empty docs list', async () => {
    expect(await geocodeAddress(row, { isOnline: online, fetch: async () => pdokAnswer([]) })).toEqual({ status: 'notFound' });
  });

  it('returns an error with the HTTP status', async () => {
    const result = await geocodeAddress(row, { isOnline: online, fetch: async () => new Response('busy', { status: 503 }) });
    expect(result).toEqual({ status: 'error', issue: { code: 'geocode.failed', file: 'PDOK Locatieserver', params: { reason: 'HTTP 503' } } });
  });

  it('returns an error for a network failure', async () => {
    const result = await geocodeAddress(row, { isOnline: online, fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(result).toMatchObject({ status: 'error', issue: { params: { reason: 'network' } } });
  });

  it('refuses a row without house number before calling PDOK', async () => {
    let called = false;
    const result = await geocodeAddress({ street: 'Grote Markt', town: 'Zwolle' }, { isOnline: online, fetch: async () => ((called = true), pdokAnswer([])) });
    expect([result.status === 'error' && result.issue.code, called]).toEqual(['geocode.incompleteAddress', false]);
  });
});

describe('geocodeAddresses', () => {
  it('stops when the signal is aborted and keeps results so far', async () => {
    const controller = new AbortController();
    const results = await geocodeAddresses([row, row, row], { isOnline: online, signal: controller.signal, fetch: async () => pdokAnswer([addressDoc()]) }, (done) => {
      if (done === 1) controller.abort();
    });
    expect(results).toHaveLength(1);
  });
});

describe('helpers', () => {
  it('parses a WKT point', () => {
    expect(parseWktPoint('POINT(5.40168265 52.16646193)')).toEqual([5.40168265, 52.16646193]);
  });

  it('rejects other WKT', () => {
    expect(parseWktPoint('LINESTRING(1 2, 3 4)')).toBeNull();
  });

  it('accepts postcode + house number without street', () => {
    expect(addressQuery({ postcode: '8011 lw', houseNumber: '20' })).toBe('20 8011LW');
  });
});
