// Long computations over hundreds of thousands of facilities, written once as generators that pause
// (`yield`) every few thousand items. The same generator runs to the end at once (Node tests, the
// workers, lists of ordinary size) or in slices of a few tens of milliseconds with the page free to
// handle input and paint in between (an import of 430,000 rows on the main thread). No DOM here:
// setTimeout exists in workers and Node too.

/** A computation that pauses now and then and finally returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Items a step function handles between two pauses: well under a millisecond of work each. */
export const ITEMS_PER_PAUSE = 2_048;

/** True at every ITEMS_PER_PAUSE-th index: where a loop over items pauses. */
export function pauseAt(index: number): boolean {
  return (index & (ITEMS_PER_PAUSE - 1)) === ITEMS_PER_PAUSE - 1;
}

/** Runs every step at once and returns the result. */
export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Gives the page a chance to handle input and paint before the next slice. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Lists up to this length are worked through at once (a few milliseconds); longer ones in slices on the main thread. */
export const SLICE_ABOVE_ITEMS = 50_000;

/** Main-thread time one slice may take: far below the 200 ms at which a page feels stuck. */
export const SLICE_BUDGET_MILLISECONDS = 40;

export interface SliceOptions {
  budgetMilliseconds?: number;
  /** Asked between slices: false stops the work (a newer request came) and the result is null. */
  stillWanted?: () => boolean;
  /** What happens between slices (tests pass a counter). */
  pause?: () => Promise<void>;
}

/** Runs the steps in slices of about `budgetMilliseconds`, pausing between slices; null when no longer wanted. */
export async function runInSlices<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T | null> {
  const budget = options.budgetMilliseconds ?? SLICE_BUDGET_MILLISECONDS;
  const stillWanted = options.stillWanted ?? (() => true);
  const pause = options.pause ?? yieldToPage;
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= budget) {
      await pause();
      if (!stillWanted()) {
        steps.return(undefined as never);
        return null;
      }
      sliceStart = performance.now();
    }
  }
}

/**
 * Runs computations where only the latest one counts: starting a new run, or `supersede()` (the caller
 * answered at once instead), abandons an older run still in slices, which then resolves to null.
 */
export interface LatestRun {
  run<T>(steps: Steps<T>, options?: Omit<SliceOptions, 'stillWanted'>): Promise<T | null>;
  supersede(): void;
}

export function latestRun(): LatestRun {
  let generation = 0;
  return {
    async run<T>(steps: Steps<T>, options: Omit<SliceOptions, 'stillWanted'> = {}): Promise<T | null> {
      generation += 1;
      const mine = generation;
      const result = await runInSlices(steps, { ...options, stillWanted: () => mine === generation });
      return mine === generation ? result : null;
    },
    supersede() {
      generation += 1;
    },
  };
}
