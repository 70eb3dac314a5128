import { describe, expect, it } from 'vitest';
import { changeMask, channelOf, compareMaps, DIRECTIONS, maxAbsDiff, offsetOf, relativeChange, shiftMap } from '../../src/lib/pooling/shift.ts';

describe('shifting a map', () => {
  const map = [1, 2, 3, 4, 5, 6, 7, 8, 9]; // 3×3

  it('moves the content by one pixel, filling the edge with 0', () => {
    expect(Array.from(shiftMap(map, 3, 3, 1, 0))).toEqual([0, 1, 2, 0, 4, 5, 0, 7, 8]);
    expect(Array.from(shiftMap(map, 3, 3, -1, 0))).toEqual([2, 3, 0, 5, 6, 0, 8, 9, 0]);
    expect(Array.from(shiftMap(map, 3, 3, 0, 1))).toEqual([0, 0, 0, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(shiftMap(map, 3, 3, 0, -1))).toEqual([4, 5, 6, 7, 8, 9, 0, 0, 0]);
    expect(Array.from(shiftMap(map, 3, 3, 0, 0))).toEqual(map);
  });

  it('names the four directions by their offsets', () => {
    expect(DIRECTIONS.map(offsetOf)).toEqual([{ dx: -1, dy: 0 }, { dx: 1, dy: 0 }, { dx: 0, dy: -1 }, { dx: 0, dy: 1 }]);
    expect(offsetOf('none')).toEqual({ dx: 0, dy: 0 });
  });
});

describe('comparing maps', () => {
  it('counts equal and changed values', () => {
    expect(compareMaps([1, 2, 3, 4], [1, 0, 3, 5])).toEqual({ same: 2, changed: 2, total: 4 });
    expect(compareMaps([1, 2], [1.0005, 2], 0.001)).toEqual({ same: 2, changed: 0, total: 2 });
    expect(() => compareMaps([1], [1, 2])).toThrow();
    expect(Array.from(changeMask([1, 2, 3], [1, 0, 3]))).toEqual([0, 1, 0]);
    expect(maxAbsDiff([1, 2, 3], [1, 2.5, 2])).toBe(1);
    expect(maxAbsDiff([1], [1, 2])).toBeNaN();
  });

  it('pooling keeps more than the raw map when a lone peak moves inside its block', () => {
    // A 4×4 map with one peak at (0, 0); shifted right it lands at (0, 1), in the same block.
    const raw = [8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const moved = shiftMap(raw, 4, 4, 1, 0);
    expect(compareMaps(raw, moved)).toEqual({ same: 14, changed: 2, total: 16 });
    // Pooled by hand: [8, 0, 0, 0] before and after.
    expect(compareMaps([8, 0, 0, 0], [8, 0, 0, 0]).same).toBe(4);
  });

  it('measures the size of a change against the map', () => {
    // Σ|after − before| = 1 + 2 = 3, Σ|before| = 1 + 2 + 3 = 6.
    expect(relativeChange([1, 2, 3], [2, 0, 3])).toBe(0.5);
    expect(relativeChange([1, -1], [1, -1])).toBe(0);
    expect(relativeChange([0, 0], [1, 1])).toBeNaN();
    expect(relativeChange([1], [1, 2])).toBeNaN();
  });

  it('takes one channel out of a channels-last array', () => {
    // 2×2×3: value = 10·cell + k.
    const data = [0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32];
    expect(Array.from(channelOf(data, 2, 2, 3, 1))).toEqual([1, 11, 21, 31]);
    expect(Array.from(channelOf(data, 2, 2, 3, 2))).toEqual([2, 12, 22, 32]);
  });
});
