import { describe, expect, it } from 'vitest';
import { ITEMS_PER_PAUSE, latestRun, pauseAt, runAtOnce, runInSlices, type Steps } from '../../../src/analysis/slicedWork';

/** Sums 0..count-1, pausing where the app's loops pause. */
function* sumSteps(count: number, log: number[] = []): Steps<number> {
  let sum = 0;
  for (let index = 0; index < count; index++) {
    if (pauseAt(index)) {
      log.push(index);
      yield;
    }
    sum += index;
  }
  return sum;
}

describe('sliced work', () => {
  it('pauses once every ITEMS_PER_PAUSE items', () => {
    const log: number[] = [];
    runAtOnce(sumSteps(ITEMS_PER_PAUSE * 3, log));
    expect(log).toEqual([ITEMS_PER_PAUSE - 1, 2 * ITEMS_PER_PAUSE - 1, 3 * ITEMS_PER_PAUSE - 1]);
  });

  it('gives the same result at once and in slices, and hands the page a turn between slices', async () => {
    const count = ITEMS_PER_PAUSE * 10 + 5;
    let pauses = 0;
    const sliced = await runInSlices(sumSteps(count), {
      budgetMilliseconds: 0,
      pause: async () => {
        pauses += 1;
      },
    });
    expect(sliced).toBe(runAtOnce(sumSteps(count)));
    expect(sliced).toBe((count * (count - 1)) / 2);
    expect(pauses).toBe(10);
  });

  it('stops between slices when the work is no longer wanted', async () => {
    let wanted = true;
    let pauses = 0;
    const result = await runInSlices(sumSteps(ITEMS_PER_PAUSE * 10), {
      budgetMilliseconds: 0,
      stillWanted: () => wanted,
      pause: async () => {
        pauses += 1;
        if (pauses === 2) wanted = false;
      },
    });
    expect(result).toBeNull();
    expect(pauses).toBe(2);
  });

  it('keeps only the latest run: a newer run or an answer given at once abandons the older run', async () => {
    const latest = latestRun();
    let release: () => void = () => {};
    const gate = () => new Promise<void>((resolve) => (release = resolve));
    const older = latest.run(sumSteps(ITEMS_PER_PAUSE * 4), { budgetMilliseconds: 0, pause: gate });
    const newer = latest.run(sumSteps(10), { budgetMilliseconds: 0 });
    release();
    await expect(newer).resolves.toBe(45);
    await expect(older).resolves.toBeNull();

    const superseded = latest.run(sumSteps(ITEMS_PER_PAUSE * 4), { budgetMilliseconds: 0, pause: gate });
    latest.supersede();
    release();
    await expect(superseded).resolves.toBeNull();
  });
});
