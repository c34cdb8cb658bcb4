// The app's manners towards Overpass: one request at a time, and after a 429 no request for 30 s.
import { describe, expect, it } from 'vitest';
import { OverpassError } from '../../../../src/data/osm/fetchOverpass';
import { createOverpassGate, RATE_LIMIT_WAIT_MS, type GateClock } from '../../../../src/data/osm/overpassGate';

/** A clock whose sleeps move time forward at once, recording each wait. */
function fakeClock(): GateClock & { waits: number[]; time: number } {
  const clock = {
    time: 1_000_000,
    waits: [] as number[],
    now: () => clock.time,
    sleep: async (milliseconds: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw new OverpassError('cancelled');
      clock.waits.push(milliseconds);
      clock.time += milliseconds;
    },
  };
  return clock;
}

describe('overpassGate', () => {
  it('runs one request at a time, in order', async () => {
    const gate = createOverpassGate(fakeClock());
    const log: string[] = [];
    let release!: () => void;
    const first = gate.run(async () => {
      log.push('first start');
      await new Promise<void>((resolve) => (release = resolve));
      log.push('first end');
      return 1;
    });
    const second = gate.run(async () => {
      log.push('second start');
      return 2;
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual(['first start']);
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(2);
    expect(log).toEqual(['first start', 'first end', 'second start']);
  });

  it('after "too many requests" the next request waits at least 30 s and says so', async () => {
    const clock = fakeClock();
    const gate = createOverpassGate(clock);
    await expect(gate.run(() => Promise.reject(new OverpassError('rateLimited', {}, { status: 429 })))).rejects.toMatchObject({ kind: 'rateLimited' });
    clock.time += 5_000;
    const waitedUntil: number[] = [];
    expect(await gate.run(async () => 'ok', { onWait: (until) => waitedUntil.push(until) })).toBe('ok');
    expect(clock.waits).toEqual([RATE_LIMIT_WAIT_MS - 5_000]);
    expect(RATE_LIMIT_WAIT_MS).toBeGreaterThanOrEqual(30_000);
    expect(waitedUntil).toHaveLength(1);
    // other errors do not make anyone wait
    await expect(gate.run(() => Promise.reject(new OverpassError('gatewayTimeout')))).rejects.toMatchObject({ kind: 'gatewayTimeout' });
    await gate.run(async () => 'again');
    expect(clock.waits).toHaveLength(1);
  });

  it('a request cancelled while waiting is not sent', async () => {
    const clock = fakeClock();
    const gate = createOverpassGate(clock);
    await gate.run(() => Promise.reject(new OverpassError('rateLimited'))).catch(() => {});
    const controller = new AbortController();
    controller.abort();
    let sent = false;
    await expect(gate.run(async () => (sent = true), { signal: controller.signal })).rejects.toMatchObject({ kind: 'cancelled' });
    expect(sent).toBe(false);
  });
});
