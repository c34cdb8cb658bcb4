import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { holdFirstPaint } from '../../../src/map/firstPaint';

/** The parts of a MapLibre map the hold touches: its painter, loaded() and triggerRepaint(). */
function fakeMap(loaded: { value: boolean }) {
  const drawn: number[] = [];
  const fake = {
    painter: { render: (frame: number) => void drawn.push(frame) } as { render: (frame: number) => void },
    loaded: () => loaded.value,
    triggerRepaint: vi.fn(),
    _placementDirty: false,
  };
  return { fake, map: fake as unknown as MapLibreMap, drawn, render: (frame: number) => fake.painter.render(frame) };
}

describe('holdFirstPaint', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('draws nothing until the data is in and every source is loaded, then draws every frame', () => {
    const loaded = { value: false };
    const dataIn = { value: false };
    const { map, drawn, render, fake } = fakeMap(loaded);
    holdFirstPaint(map, () => dataIn.value);
    render(1); // style only
    loaded.value = true;
    render(2); // sources loaded, but the embedded data not yet pushed
    dataIn.value = true;
    loaded.value = false;
    render(3); // data pushed, tiles still building
    loaded.value = true;
    fake._placementDirty = true;
    render(4); // tiles in, but the labels of the last ones not yet placed
    fake._placementDirty = false;
    render(5); // complete: the first frame drawn
    loaded.value = false;
    fake._placementDirty = true;
    render(6); // later frames are never held, loaded or not, placed or not
    expect(drawn).toEqual([5, 6]);
    expect(fake.triggerRepaint).not.toHaveBeenCalled();
  });

  it('draws anyway after the longest wait, so a source that never loads cannot keep the map blank', () => {
    const { map, drawn, render, fake } = fakeMap({ value: false });
    holdFirstPaint(map, () => true, 1_000);
    render(1);
    vi.advanceTimersByTime(999);
    render(2);
    expect(drawn).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fake.triggerRepaint).toHaveBeenCalledTimes(1);
    render(3);
    expect(drawn).toEqual([3]);
  });

  it('releases at once when asked (teardown), and leaves a map without a painter alone', () => {
    const { map, drawn, render } = fakeMap({ value: false });
    const release = holdFirstPaint(map, () => false);
    release();
    render(1);
    expect(drawn).toEqual([1]);
    expect(() => holdFirstPaint({ loaded: () => true } as unknown as MapLibreMap, () => true)()).not.toThrow();
  });
});
