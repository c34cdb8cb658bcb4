// Finds the position of an address with the PDOK Locatieserver (free search, addresses only), for
// imported rows that have an address but no coordinates. One result per row: ok, notFound, error.

import type { DataIssue } from '../../domain/dataIssue';
import { FetchFailure, fetchWithTimeout, type FetchFunction } from '../fetchWithTimeout';

export const PDOK_LOCATIESERVER_FREE_URL = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1/free';

export interface AddressRow {
  street?: string;
  houseNumber?: string;
  postcode?: string;
  town?: string;
}

export type GeocodeResult =
  | {
      status: 'ok';
      /** [lon, lat] WGS84 from `centroide_ll`. */
      location: [number, number];
      /** How PDOK writes the address it found, to show to the user. */
      matchedAddress: string;
      /** True when the row's postcode and house number equal those of the match. */
      exact: boolean;
    }
  | { status: 'notFound' }
  | { status: 'error'; issue: DataIssue };

export interface GeocodeOptions {
  fetch?: FetchFunction;
  signal?: AbortSignal;
  endpoint?: string;
  timeoutMilliseconds?: number;
  isOnline?: () => boolean;
}

const normalisePostcode = (postcode: string) => postcode.replace(/\s+/g, '').toUpperCase();

/** The search text, or null when the row cannot identify one address. */
export function addressQuery(row: AddressRow): string | null {
  const street = row.street?.trim() ?? '';
  const houseNumber = row.houseNumber?.trim() ?? '';
  const postcode = normalisePostcode(row.postcode ?? '');
  const town = row.town?.trim() ?? '';
  const identifiesAddress = houseNumber !== '' && (postcode !== '' || (street !== '' && town !== ''));
  if (!identifiesAddress) return null;
  return [street, houseNumber, postcode, town].filter((part) => part !== '').join(' ');
}

/** Parses "POINT(6.09 52.51)" into [lon, lat]; null when it is anything else. */
export function parseWktPoint(wkt: unknown): [number, number] | null {
  if (typeof wkt !== 'string') return null;
  const match = /^\s*POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)\s*$/i.exec(wkt);
  if (match === null) return null;
  return [Number(match[1]), Number(match[2])];
}

function failure(reason: string): GeocodeResult {
  return { status: 'error', issue: { code: 'geocode.failed', file: 'PDOK Locatieserver', params: { reason } } };
}

export async function geocodeAddress(row: AddressRow, options: GeocodeOptions = {}): Promise<GeocodeResult> {
  const query = addressQuery(row);
  if (query === null) return { status: 'error', issue: { code: 'geocode.incompleteAddress', file: 'PDOK Locatieserver' } };
  const url = `${options.endpoint ?? PDOK_LOCATIESERVER_FREE_URL}?${new URLSearchParams({ q: query, fq: 'type:adres', rows: '1', fl: 'weergavenaam,centroide_ll,postcode,huisnummer,huis_nlt,type' })}`;
  let response: Response;
  try {
    response = await fetchWithTimeout(url, { headers: { Accept: 'application/json' } }, {
      timeoutMilliseconds: options.timeoutMilliseconds ?? 15_000,
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.isOnline === undefined ? {} : { isOnline: options.isOnline }),
    });
  } catch (error) {
    return failure(error instanceof FetchFailure ? error.kind : String(error));
  }
  if (!response.ok) return failure(`HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return failure('malformed JSON');
  }
  const docs = (json as { response?: { docs?: unknown } } | null)?.response?.docs;
  if (!Array.isArray(docs)) return failure('no response.docs');
  const first = docs[0] as Record<string, unknown> | undefined;
  if (first === undefined) return { status: 'notFound' };
  const location = parseWktPoint(first['centroide_ll']);
  if (location === null) return failure('no centroide_ll');
  const matchedPostcode = typeof first['postcode'] === 'string' ? normalisePostcode(first['postcode']) : '';
  const matchedNumber = String(first['huis_nlt'] ?? first['huisnummer'] ?? '').toUpperCase();
  const exact =
    (row.postcode === undefined || row.postcode.trim() === '' || normalisePostcode(row.postcode) === matchedPostcode) &&
    (row.houseNumber ?? '').replace(/[\s-]+/g, '').toUpperCase() === matchedNumber.replace(/[\s-]+/g, '');
  return { status: 'ok', location, matchedAddress: typeof first['weergavenaam'] === 'string' ? first['weergavenaam'] : query, exact };
}

/**
 * Geocodes rows one after another (PDOK is a shared public service); stops early when the signal
 * is aborted and returns the results so far, in row order.
 */
export async function geocodeAddresses(
  rows: readonly AddressRow[],
  options: GeocodeOptions = {},
  onProgress: (done: number, total: number) => void = () => {},
): Promise<GeocodeResult[]> {
  const results: GeocodeResult[] = [];
  for (const row of rows) {
    if (options.signal?.aborted) break;
    results.push(await geocodeAddress(row, options));
    onProgress(results.length, rows.length);
  }
  return results;
}
