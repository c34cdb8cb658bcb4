// Tests for the Overpass client's error handling with a fake fetch (no network).
import { describe, expect, it } from 'vitest';
import { fetchOverpass, OverpassError, type OverpassErrorKind } from '../../../../src/data/osm/fetchOverpass';

const jsonResponse = (body: unknown, status = 200) => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
const online = () => true;

async function kindOf(promise: Promise<unknown>): Promise<OverpassErrorKind | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof OverpassError) return error.kind;
    throw error;
  }
}

describe('fetchOverpass', () => {
  it('POSTs the query form-encoded and returns the JSON', async () => {
    let sentBody = '';
    const result = await fetchOverpass('[out:json];node(1);out;', {
      isOnline: online,
      fetch: async (_url, init) => {
        sentBody = String(init?.body);
        return jsonResponse({ elements: [] });
      },
    });
    expect(sentBody).toBe(`data=${encodeURIComponent('[out:json];node(1);out;')}`);
    expect(result).toEqual({ elements: [] });
  });

  it.each([
    [429, 'rateLimited'],
    [504, 'gatewayTimeout'],
    [400, 'httpError'],
  ] as const)('maps HTTP %d to %s', async (status, kind) => {
    expect(await kindOf(fetchOverpass('q', { isOnline: online, fetch: async () => jsonResponse('error', status) }))).toBe(kind);
  });

  it('carries the status in the issue parameters of other HTTP errors', async () => {
    const error = await fetchOverpass('q', { isOnline: online, fetch: async () => jsonResponse('x', 503) }).catch((caught: unknown) => caught);
    expect((error as OverpassError).issue).toEqual({ code: 'osm.httpError', file: 'OpenStreetMap', params: { status: 503 } });
  });

  it('reports malformed JSON', async () => {
    expect(await kindOf(fetchOverpass('q', { isOnline: online, fetch: async () => jsonResponse('{"elements": [') }))).toBe('malformedResponse');
  });

  it('reports JSON without elements as malformed', async () => {
    expect(await kindOf(fetchOverpass('q', { isOnline: online, fetch: async () => jsonResponse({ hello: 1 }) }))).toBe('malformedResponse');
  });

  it('reports a server-side runtime error remark', async () => {
    const body = { elements: [], remark: 'runtime error: Query timed out in "query" at line 3 after 121 seconds.' };
    expect(await kindOf(fetchOverpass('q', { isOnline: online, fetch: async () => jsonResponse(body) }))).toBe('queryFailed');
  });

  it('reports offline without calling fetch', async () => {
    let called = false;
    const kind = await kindOf(fetchOverpass('q', { isOnline: () => false, fetch: async () => ((called = true), jsonResponse({ elements: [] })) }));
    expect([kind, called]).toEqual(['offline', false]);
  });

  it('reports a failing fetch as a network error', async () => {
    expect(await kindOf(fetchOverpass('q', { isOnline: online, fetch: async () => Promise.reject(new TypeError('Failed to fetch')) }))).toBe('network');
  });

  it('reports cancelled when the caller aborts', async () => {
    const controller = new AbortController();
    const hanging = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const pending = kindOf(fetchOverpass('q', { isOnline: online, fetch: hanging, signal: controller.signal }));
    controller.abort();
    expect(await pending).toBe('cancelled');
  });

  it('reports a time-out when the server does not answer in time', async () => {
    const hanging = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    expect(await kindOf(fetchOverpass('q', { isOnline: online, fetch: hanging, timeoutMilliseconds: 10 }))).toBe('timeout');
  });
});
