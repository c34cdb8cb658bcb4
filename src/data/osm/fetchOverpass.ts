// Sends an Overpass QL query and returns the parsed JSON, with a time limit, cancellation and a
// typed error for each way it can go wrong, so the UI can say what happened and what to do.

import { type DataIssue, errorReason } from '../../domain/dataIssue';
import { FetchFailure, fetchWithTimeout, type FetchFunction } from '../fetchWithTimeout';

export const DEFAULT_OVERPASS_ENDPOINT = 'https://overpass-api.de/api/interpreter';

export type OverpassErrorKind =
  | 'offline'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'rateLimited'
  | 'gatewayTimeout'
  | 'httpError'
  | 'malformedResponse'
  | 'queryFailed';

export class OverpassError extends Error {
  readonly kind: OverpassErrorKind;
  /** Catalogue key `osm.<kind>` with its parameters, for the UI. */
  readonly issue: DataIssue;
  readonly status?: number;
  constructor(kind: OverpassErrorKind, params: Record<string, string | number> = {}, options?: { cause?: unknown; status?: number }) {
    super(`Overpass ${kind}${Object.keys(params).length > 0 ? ` ${JSON.stringify(params)}` : ''}`, options);
    this.name = 'OverpassError';
    this.kind = kind;
    this.issue = { code: `osm.${kind}`, file: 'OpenStreetMap', params };
    if (options?.status !== undefined) this.status = options.status;
  }
}

export interface FetchOverpassOptions {
  endpoint?: string;
  signal?: AbortSignal;
  fetch?: FetchFunction;
  /** Client-side limit; keep it above the query's own [timeout:…]. Default 150 s. */
  timeoutMilliseconds?: number;
  isOnline?: () => boolean;
}

/** Runs the query; resolves with the Overpass JSON object, rejects only with an OverpassError. */
export async function fetchOverpass(query: string, options: FetchOverpassOptions = {}): Promise<unknown> {
  const timeoutMilliseconds = options.timeoutMilliseconds ?? 150_000;
  let response: Response;
  try {
    response = await fetchWithTimeout(
      options.endpoint ?? DEFAULT_OVERPASS_ENDPOINT,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8', Accept: 'application/json' },
        body: `data=${encodeURIComponent(query)}`,
      },
      {
        timeoutMilliseconds,
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(options.isOnline === undefined ? {} : { isOnline: options.isOnline }),
      },
    );
  } catch (error) {
    if (error instanceof FetchFailure) {
      if (error.kind === 'timeout') throw new OverpassError('timeout', { seconds: Math.round(timeoutMilliseconds / 1000) }, { cause: error });
      if (error.kind === 'network') throw new OverpassError('network', { reason: error.message }, { cause: error });
      throw new OverpassError(error.kind, {}, { cause: error });
    }
    throw error;
  }

  if (response.status === 429) throw new OverpassError('rateLimited', {}, { status: 429 });
  if (response.status === 504) throw new OverpassError('gatewayTimeout', {}, { status: 504 });
  if (!response.ok) throw new OverpassError('httpError', { status: response.status }, { status: response.status });

  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw new OverpassError('cancelled', {}, { cause: error });
    throw new OverpassError('network', { reason: errorReason(error) }, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new OverpassError('malformedResponse', { reason: error instanceof Error ? error.message : 'not JSON' }, { cause: error });
  }
  if (typeof json !== 'object' || json === null || !Array.isArray((json as { elements?: unknown }).elements)) {
    throw new OverpassError('malformedResponse', { reason: 'no elements array' });
  }
  // Overpass answers 200 with a `remark` when the query ran out of time or memory on the server;
  // the elements are then incomplete and must not be shown as the full picture.
  const remark = (json as { remark?: unknown }).remark;
  if (typeof remark === 'string' && /runtime error|timed out|out of memory/i.test(remark)) {
    throw new OverpassError('queryFailed', { reason: remark.slice(0, 200) });
  }
  return json;
}
