// Timing helpers shared by the benchmarks: the median of a list, and repeated timed runs of one step.

/** The median (upper middle value for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Median wall-clock and CPU time (this process only: user + system) over `runs` runs, after `warmUps`
 * runs that let the JIT compile. On a shared machine the wall-clock time includes waiting for a core;
 * the CPU time does not. `result` is the last run's answer (for the agreement checks).
 */
export function timeRuns<T>(runs: number, run: () => T, warmUps: number): { medianMs: number; cpuMedianMs: number; result: T } {
  let result = run();
  for (let attempt = 1; attempt < warmUps; attempt++) result = run();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let attempt = 0; attempt < runs; attempt++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  return { medianMs: median(times), cpuMedianMs: median(cpuTimes), result };
}
