import { describe, expect, it } from 'vitest';
import { channelAt, filterAt, filterSheet, formatDiff, maxAbsDiff, paramComparison } from '../../src/lib/conv/learned.ts';

describe('the learned filters and maps', () => {
  it('takes filter k out of a [3, 3, 1, filters] kernel (filters vary fastest)', () => {
    // Value = 10·(cell) + filter, for 3 filters: cell (i, j) of filter k is at (i·3 + j)·3 + k.
    const kernels = Array.from({ length: 27 }, (_, n) => 10 * Math.floor(n / 3) + (n % 3));
    expect(filterAt(kernels, [3, 3, 1, 3], 0)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80]);
    expect(filterAt(kernels, [3, 3, 1, 3], 2)).toEqual([2, 12, 22, 32, 42, 52, 62, 72, 82]);
    expect(() => filterAt(kernels, [3, 3, 1, 3], 3)).toThrow(/no filter/);
    expect(() => filterAt(kernels, [3, 3, 2, 3], 0)).toThrow(/kernel/);
    expect(() => filterAt(kernels.slice(1), [3, 3, 1, 3], 0)).toThrow(/27 values/);
    expect(Array.from(filterSheet(kernels, [3, 3, 1, 3]))).toEqual(kernels);
  });

  it('takes channel k out of a channels-last [h, w, channels] map', () => {
    const data = Array.from({ length: 2 * 2 * 4 }, (_, n) => n);
    expect(Array.from(channelAt(data, [2, 2, 4], 1))).toEqual([1, 5, 9, 13]);
    expect(Array.from(channelAt(data, [2, 2, 4], 3))).toEqual([3, 7, 11, 15]);
    expect(() => channelAt(data, [2, 2, 4], 4)).toThrow(/no channel/);
    expect(() => channelAt(data, [2, 8], 0)).toThrow(/activation/);
  });

  it('measures the largest difference, NaN when the maps cannot be compared', () => {
    expect(maxAbsDiff([1, 2, 3], [1, 2.5, 2.9])).toBeCloseTo(0.5, 12);
    expect(maxAbsDiff([], [])).toBe(0);
    expect(maxAbsDiff([1], [1, 2])).toBeNaN();
    expect(maxAbsDiff([NaN], [1])).toBeNaN();
  });

  it('compares the first convolution with a dense layer of the same output: 320 against 16,981,120', () => {
    const p = paramComparison();
    // By hand: (3·3·1 + 1)·32 = 320; 26·26·32 = 21,632 outputs; 784·21,632 + 21,632.
    expect(p.conv).toBe(320);
    expect(p.filters).toBe(32);
    expect(p.inputs).toBe(784);
    expect(p.outputs).toBe(21632);
    expect(p.dense).toBe(784 * 21632 + 21632);
    expect(p.dense).toBe(16981120);
    expect(p.ratio).toBe(Math.round(16981120 / 320));
  });
});

describe('formatDiff', () => {
  it('writes tiny differences with an exponent and others plainly', () => {
    expect(formatDiff(0)).toBe('0');
    expect(formatDiff(1.19209e-7)).toBe('1.2e-7');
    expect(formatDiff(0.3456)).toBe('0.35');
    expect(formatDiff(12.34)).toBe('12');
    expect(formatDiff(NaN)).toBe('—');
    expect(Number(formatDiff(2.5e-4))).toBeLessThan(1e-3);
  });
});
