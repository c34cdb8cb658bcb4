import { describe, expect, it } from 'vitest';
import { summarise } from '../../bench/mainThreadTrace';

const MAIN = { pid: 1, tid: 7 };
const GPU = { pid: 2, tid: 3 };
const task = (ts: number, ms: number, where = MAIN) => ({ name: 'ThreadControllerImpl::RunTask', ph: 'X', ...where, ts, dur: ms * 1000 });
const readBack = (ts: number, ms: number, where = MAIN) => ({ name: 'GLES2::ReadPixels', ph: 'X', ...where, ts, dur: ms * 1000 });
const gpuWait = (ts: number, ms: number, where = MAIN) => ({ name: 'CommandBufferProxyImpl::WaitForGetOffset', ph: 'X', ...where, ts, dur: ms * 1000 });

describe('main-thread task summary of a trace', () => {
  it('splits each long task into the wait for the GPU read-back and the page’s own work', () => {
    const events = [
      { name: 'thread_name', ph: 'M', ...MAIN, ts: 0, args: { name: 'CrRendererMain' } },
      { name: 'thread_name', ph: 'M', ...GPU, ts: 0, args: { name: 'CrGpuMain' } },
      // a frame: 600 ms, of which 500 ms waiting for the read-back → 100 ms own work
      task(1_000_000, 600),
      readBack(1_050_000, 500),
      // the wait inside the read-back is not counted twice
      gpuWait(1_060_000, 480),
      // a script task of 300 ms without any frame
      task(2_000_000, 300),
      // nested task of the same name: counted once, as part of the outer one
      task(2_010_000, 250),
      // a short task is not a long task, but its read-back still counts as a frame
      task(3_000_000, 150),
      readBack(3_010_000, 120),
      // another thread's tasks do not count
      task(4_000_000, 900, GPU),
      // a frame whose shader programs are compiled first: 700 ms, 250 ms compile wait and 300 ms read-back → 150 ms own
      task(5_000_000, 700),
      gpuWait(5_010_000, 250),
      readBack(5_300_000, 300),
      gpuWait(5_310_000, 290),
    ];
    expect(summarise(events)).toEqual({ over200: 3, longest: 700, ownOver200: 1, longestOwn: 300, topOwn: [300, 150, 100], frameWait: 300, frames: 3 });
  });
});
