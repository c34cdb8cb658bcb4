// One fetch with a time limit and the caller's AbortSignal, telling apart the ways it can fail
// (offline, network, time-out, cancelled) so online loaders can report them precisely.

import { errorReason } from '../domain/dataIssue';

export type FetchFailureKind = 'offline' | 'network' | 'timeout' | 'cancelled';

export class FetchFailure extends Error {
  readonly kind: FetchFailureKind;
  constructor(kind: FetchFailureKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FetchFailure';
    this.kind = kind;
  }
}

export type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

export interface FetchWithTimeoutOptions {
  fetch?: FetchFunction;
  signal?: AbortSignal;
  timeoutMilliseconds: number;
  /** Defaults to the browser's `navigator.onLine`; tests pass their own. */
  isOnline?: () => boolean;
}

function browserIsOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

/** Resolves with the response whatever its status; rejects only with a FetchFailure. */
export async function fetchWithTimeout(url: string, init: RequestInit, options: FetchWithTimeoutOptions): Promise<Response> {
  const fetchFunction = options.fetch ?? globalThis.fetch.bind(globalThis);
  if (options.signal?.aborted) throw new FetchFailure('cancelled', 'cancelled before start');
  if (!(options.isOnline ?? browserIsOnline)()) throw new FetchFailure('offline', 'browser is offline');

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMilliseconds);
  const forwardAbort = () => controller.abort();
  options.signal?.addEventListener('abort', forwardAbort, { once: true });
  try {
    return await fetchFunction(url, { ...init, signal: controller.signal });
  } catch (error) {
    if (timedOut) throw new FetchFailure('timeout', `no answer within ${options.timeoutMilliseconds} ms`, { cause: error });
    if (options.signal?.aborted) throw new FetchFailure('cancelled', 'cancelled', { cause: error });
    throw new FetchFailure('network', errorReason(error), { cause: error });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', forwardAbort);
  }
}
