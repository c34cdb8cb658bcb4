// Items sharing one position, and the pixel offsets that spread them out around it.

import { describe, expect, it } from 'vitest';
import { othersAtSameLocation, sharedLocations, spreadOffsets } from '../../../src/analysis/sharedLocations';

const item = (id: string, lon: number, lat: number) => ({ id, location: [lon, lat] as const });

describe('sharedLocations', () => {
  it('groups items with identical coordinates, in input order, and leaves single items out', () => {
    const items = [item('a', 6.1, 52.5), item('b', 6.2, 52.5), item('c', 6.1, 52.5), item('d', 6.1, 52.5000001), item('e', 6.2, 52.5)];
    expect(sharedLocations(items)).toEqual([
      { key: '6.1,52.5', location: [6.1, 52.5], ids: ['a', 'c'] },
      { key: '6.2,52.5', location: [6.2, 52.5], ids: ['b', 'e'] },
    ]);
  });

  it('lists for each stacked item the others at its position', () => {
    const others = othersAtSameLocation([item('a', 6, 52), item('b', 6, 52), item('c', 6, 52), item('d', 7, 52)]);
    expect(others.get('a')).toEqual(['b', 'c']);
    expect(others.get('c')).toEqual(['a', 'b']);
    expect(others.has('d')).toBe(false);
  });
});

describe('spreadOffsets', () => {
  const options = { spacing: 44, minRadius: 38 };
  const distance = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

  it('does not move a single item and returns nothing for none', () => {
    expect(spreadOffsets(1, options)).toEqual([[0, 0]]);
    expect(spreadOffsets(0, options)).toEqual([]);
  });

  it('puts the first item straight above the shared point and goes clockwise', () => {
    const [first, second] = spreadOffsets(4, options);
    expect(first).toEqual([0, -38]);
    expect(second).toEqual([38, 0]); // screen y points down: right of the point comes next
  });

  it('turns the circle away from another symbol close to the shared point', () => {
    // A pair spreads top/bottom; with a symbol 30 px below the point it turns to keep clear of it.
    expect(spreadOffsets(2, options)).toEqual([[0, -38], [0, 38]]);
    const turned = spreadOffsets(2, options, [[0, 30]]);
    const nearest = Math.min(...turned.map(([x, y]) => Math.hypot(x, y - 30)));
    expect(nearest).toBeGreaterThan(40);
    for (const [x, y] of turned) expect(Math.hypot(x, y)).toBeCloseTo(38, 1);
  });

  it('keeps the default orientation when obstacles are far away', () => {
    expect(spreadOffsets(3, options, [[500, 500]])).toEqual(spreadOffsets(3, options));
  });

  it.each([2, 3, 4, 6, 12])('keeps %i items at least the spacing apart and clear of the shared point', (count) => {
    const offsets = spreadOffsets(count, options);
    expect(offsets).toHaveLength(count);
    for (const offset of offsets) expect(Math.hypot(offset[0], offset[1])).toBeGreaterThanOrEqual(options.minRadius - 0.01);
    for (let i = 0; i < count; i += 1) {
      for (let j = i + 1; j < count; j += 1) {
        expect(distance(offsets[i]!, offsets[j]!)).toBeGreaterThanOrEqual(options.spacing - 0.02);
      }
    }
  });
});
