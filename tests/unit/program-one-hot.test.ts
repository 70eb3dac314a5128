import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { CLASSES, oneHot } from '../../src/lib/program/one-hot.ts';
import { CLASSES as PIPELINE_CLASSES, makeBatch } from '../../src/lib/training/train-loop.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('the one-hot label of lesson 3-1', () => {
  it('puts the 1 at the label (the deck\'s example: 2)', () => {
    expect(oneHot(2)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(oneHot(0)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(oneHot(9)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(oneHot(1, 3)).toEqual([0, 1, 0]);
    for (let d = 0; d < 10; d++) {
      const v = oneHot(d);
      expect(v).toHaveLength(10);
      expect(v.reduce((a, b) => a + b, 0)).toBe(1);
      expect(v.indexOf(1)).toBe(d);
    }
  });

  it('refuses what is not a digit', () => {
    for (const bad of [-1, 10, 2.5, NaN, Infinity]) expect(() => oneHot(bad)).toThrow(RangeError);
    expect(() => oneHot(0, 0)).toThrow(RangeError);
  });

  it('is the row the training pipeline builds (makeBatch with tf.oneHot) for every digit', () => {
    expect(CLASSES).toBe(PIPELINE_CLASSES);
    const labels = Uint8Array.from({ length: 10 }, (_, d) => d);
    const data = { images: new Uint8Array(10 * 4), labels, count: 10, rows: 2, cols: 2 };
    const before = tf.memory().numTensors;
    const { xs, ys } = makeBatch(tf, data, [2, 0, 9, 5, 7, 1, 3, 8, 4, 6]);
    const rows = ys.arraySync();
    xs.dispose();
    ys.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(rows).toEqual([2, 0, 9, 5, 7, 1, 3, 8, 4, 6].map((d) => oneHot(d)));
  });
});
