// Main-thread tasks of a page, read from a Chromium trace, split into the page's own work and the time
// the main thread only waits for the (software) GPU.
//
// Why: this machine has no GPU. Chromium draws WebGL with SwiftShader (on the CPU) and composites
// in software, so every frame the map draws ends in a read-back of the WebGL canvas
// (GLES2::ReadPixels) during which the main thread waits for SwiftShader to rasterise the frame.
// On this 2-core machine that wait is 240–640 ms for every frame, even when panning the map with
// no import at all (measured: `frameWait` below). With a GPU there is no read-back. The main thread
// also waits for SwiftShader when a shader program is first compiled or a framebuffer checked
// (CommandBufferProxyImpl::WaitForGetOffset outside a read-back). So a long task is reported twice:
// as the browser timed it, and without those waits (the work of the page itself: scripts, style,
// layout, garbage collection, MapLibre's JavaScript), which is what the page can make shorter.

import type { CDPSession } from 'playwright-core';

/** One Chromium trace event (the fields read here). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

export interface MainThreadTasks {
  /** Tasks over 200 ms as the browser times them (including the wait for the software GPU). */
  over200: number;
  longest: number;
  /** The same tasks without the waits for the software GPU: the page's own work. */
  ownOver200: number;
  longestOwn: number;
  /** The five longest own-work durations, ms. */
  topOwn: number[];
  /** Median wait for the GPU per drawn frame, ms. */
  frameWait: number;
  frames: number;
}

const TASK = 'ThreadControllerImpl::RunTask';
const READ_BACK = 'GLES2::ReadPixels';
/** The renderer waiting for the GPU process (inside a read-back, or alone, e.g. for a shader program). */
const GPU_WAIT = 'CommandBufferProxyImpl::WaitForGetOffset';

export class MainThreadTrace {
  private events: TraceEvent[] = [];
  /** `detailed`: also the DevTools timeline (which script ran in each task), for a trace to open in DevTools. */
  constructor(
    private readonly session: CDPSession,
    private readonly detailed = false,
  ) {
    session.on('Tracing.dataCollected', (message) => {
      for (const event of message.value as unknown as TraceEvent[]) this.events.push(event);
    });
  }

  async start(): Promise<void> {
    this.events = [];
    const categories = this.detailed ? 'toplevel,gpu,devtools.timeline,disabled-by-default-devtools.timeline' : 'toplevel,gpu';
    await this.session.send('Tracing.start', { categories, transferMode: 'ReportEvents' } as never);
  }

  async stop(): Promise<MainThreadTasks> {
    const complete = new Promise((resolve) => this.session.once('Tracing.tracingComplete', resolve));
    await this.session.send('Tracing.end');
    await complete;
    return summarise(this.events);
  }

  /** The events of the last trace, in the form DevTools' Performance panel opens. */
  json(): string {
    return JSON.stringify({ traceEvents: this.events });
  }
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Exported for the unit test of this summary. */
export function summarise(events: readonly TraceEvent[]): MainThreadTasks {
  const mainThreads = new Set(events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const onMain = events.filter((event) => event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`)).sort((a, b) => a.ts - b.ts);
  const readBacks = onMain.filter((event) => event.name === READ_BACK);
  // every wait for the GPU process: the frame read-backs, and other waits outside them (the software
  // GPU compiling a shader program, checking a framebuffer)
  const gpuWaits: TraceEvent[] = [];
  for (const event of onMain) {
    if (event.name === READ_BACK) gpuWaits.push(event);
    else if (event.name === GPU_WAIT) {
      const last = gpuWaits.at(-1);
      if (!last || event.ts >= last.ts + (last.dur ?? 0)) gpuWaits.push(event);
    }
  }
  // a task nested in another (a nested run loop) is part of the outer one
  const tasks: TraceEvent[] = [];
  for (const event of onMain) {
    if (event.name !== TASK || (event.dur ?? 0) <= 200_000) continue;
    const last = tasks.at(-1);
    if (last && event.ts < last.ts + last.dur!) continue;
    tasks.push(event);
  }
  let next = 0;
  const own = tasks.map((task) => {
    const end = task.ts + task.dur!;
    while (next < gpuWaits.length && gpuWaits[next]!.ts < task.ts) next += 1;
    let wait = 0;
    for (let index = next; index < gpuWaits.length && gpuWaits[index]!.ts < end; index += 1) wait += gpuWaits[index]!.dur ?? 0;
    return (task.dur! - wait) / 1000;
  });
  const ownSorted = [...own].sort((a, b) => b - a);
  return {
    over200: tasks.length,
    longest: Math.round(Math.max(0, ...tasks.map((task) => task.dur! / 1000))),
    ownOver200: own.filter((duration) => duration > 200).length,
    longestOwn: Math.round(ownSorted[0] ?? 0),
    topOwn: ownSorted.slice(0, 5).map(Math.round),
    frameWait: Math.round(median(readBacks.map((event) => (event.dur ?? 0) / 1000))),
    frames: readBacks.length,
  };
}
