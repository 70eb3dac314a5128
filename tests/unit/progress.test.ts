import { describe, expect, it } from 'vitest';
import { formatDuration, isDeckConfig, linear, niceTicks, remainingSeconds, smooth, stepsDone } from '../../src/lib/training/progress.ts';

describe('training progress arithmetic', () => {
  const p = { epochs: 15, batchesPerEpoch: 422, epoch: 1, batch: 22 };
  it('counts steps of the whole run', () => {
    expect(stepsDone(p)).toEqual({ done: 444, total: 6330 });
  });
  it('estimates the remaining time from the measured pace', () => {
    expect(remainingSeconds(p, { steps: 2, seconds: 8 })).toBeUndefined();
    expect(remainingSeconds(p, { steps: 100, seconds: 400 })).toBeCloseTo((6330 - 444) * 4);
  });
  it('formats durations', () => {
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(Number.NaN)).toBe('–');
  });
  it('smooths without a start-up bias', () => {
    expect(smooth([2, 2, 2])).toEqual([2, 2, 2].map(() => expect.closeTo(2, 10) as unknown as number));
    const s = smooth([1, 0, 0, 0], 0.5);
    expect(s[0]).toBe(1);
    expect(s[3]).toBeLessThan(s[1] ?? 0);
  });
  it('makes round ticks and linear scales', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.03, 2.31, 4)).toEqual([1, 2]);
    expect(niceTicks(0.03, 2.31, 8)).toEqual([0.5, 1, 1.5, 2]);
    expect(linear(0, 10, 100, 0)(5)).toBe(50);
  });
  it('recognises the deck configuration', () => {
    expect(isDeckConfig({ epochs: 15, trainLimit: null, batchSize: 128, validationSplit: 0.1 })).toBe(true);
    expect(isDeckConfig({ epochs: 3, trainLimit: null, batchSize: 128, validationSplit: 0.1 })).toBe(false);
    expect(isDeckConfig({ epochs: 15, trainLimit: 5000, batchSize: 128, validationSplit: 0.1 })).toBe(false);
    expect(isDeckConfig({ epochs: 15, trainLimit: null, batchSize: 64, validationSplit: 0.1 })).toBe(false);
    expect(isDeckConfig({ epochs: 15, trainLimit: null, batchSize: 128, validationSplit: 0.2 })).toBe(false);
  });
});
