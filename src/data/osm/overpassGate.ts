// The app's manners towards the public Overpass server, shared by every download (facilities, street
// networks for walking): one request at a time, and after a "429 Too Many Requests" no new request
// for at least RATE_LIMIT_WAIT_MS. A request that has to wait says so (onWait), and can be cancelled
// while it waits.

import { OverpassError } from './fetchOverpass';

/** After a 429, the next request waits at least this long (Overpass's own slot time is often tens of seconds). */
export const RATE_LIMIT_WAIT_MS = 30_000;

export interface GateClock {
  now(): number;
  /** Resolves after `milliseconds`, or rejects as soon as the signal aborts. */
  sleep(milliseconds: number, signal?: AbortSignal): Promise<void>;
}

function realSleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new OverpassError('cancelled'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new OverpassError('cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface GateRunOptions {
  signal?: AbortSignal;
  /** Called when the request must wait for the server's rate limit: the time (clock.now) it may go. */
  onWait?: (until: number) => void;
}

export interface OverpassGate {
  /** Runs `task` once every earlier task has finished and any rate-limit wait is over. */
  run<T>(task: () => Promise<T>, options?: GateRunOptions): Promise<T>;
  /** The time before which no request is sent (0: none). */
  readonly notBefore: number;
}

export function createOverpassGate(clock: GateClock = { now: () => Date.now(), sleep: realSleep }): OverpassGate {
  let queue: Promise<unknown> = Promise.resolve();
  let notBefore = 0;
  const gate: OverpassGate = {
    get notBefore() {
      return notBefore;
    },
    run<T>(task: () => Promise<T>, options: GateRunOptions = {}): Promise<T> {
      const turn = queue.then(async () => {
        if (options.signal?.aborted) throw new OverpassError('cancelled');
        const wait = notBefore - clock.now();
        if (wait > 0) {
          options.onWait?.(notBefore);
          await clock.sleep(wait, options.signal);
        }
        try {
          return await task();
        } catch (error) {
          if (error instanceof OverpassError && error.kind === 'rateLimited') notBefore = clock.now() + RATE_LIMIT_WAIT_MS;
          throw error;
        }
      });
      // the next task waits for this one whatever its outcome
      queue = turn.catch(() => {});
      return turn;
    },
  };
  return gate;
}

/** The one gate of the app. */
export const overpassGate = createOverpassGate();
