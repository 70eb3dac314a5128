import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { argmax, DEFAULT_LOGITS, denseLogits, maxChange, shiftAll, sigmoid, softmax, sum, twoClass } from '../../src/lib/softmax/softmax.ts';
import { softmaxTf } from '../../src/lib/softmax/softmax-tf.ts';
import { softmaxSettings } from '../../src/lib/softmax/state.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** The textbook formula, without the max subtracted: fine for small logits only. */
const naive = (xs: number[]) => {
  const e = xs.map(Math.exp);
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

describe('softmax reference', () => {
  it('matches the lesson table (2, 1, 0) → 0.665, 0.245, 0.090 and (4, 2, 0)', () => {
    const p = softmax([2, 1, 0]);
    expect(p.map((v) => v.toFixed(3))).toEqual(['0.665', '0.245', '0.090']);
    expect(softmax([4, 2, 0]).map((v) => v.toFixed(3))).toEqual(['0.867', '0.117', '0.016']);
    expect(softmax([12, 11, 10]).map((v) => v.toFixed(3))).toEqual(['0.665', '0.245', '0.090']);
  });

  it('equals the naive formula for small logits and sums to 1', () => {
    const xs = [1, -1, 0.5, 3, -2, 0, -0.5, 2, 1.5, -1];
    softmax(xs).forEach((v, i) => { expect(v).toBeCloseTo(naive(xs)[i] ?? NaN, 12); });
    expect(sum(softmax(xs))).toBeCloseTo(1, 12);
  });

  it('is stable for huge logits where the naive formula gives NaN', () => {
    expect(naive([1000, 999])[0]).toBeNaN();
    const p = softmax([1000, 999, -1000]);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(p[2]).toBe(0);
    expect(sum(p)).toBeCloseTo(1, 12);
  });

  it('does not change when the same number is added to every logit', () => {
    const xs = [...DEFAULT_LOGITS];
    for (const c of [-7, 0.3, 25]) {
      const moved = shiftAll(xs, c);
      expect(moved.ok).toBe(true);
      if (moved.ok) expect(maxChange(softmax(xs), softmax(moved.logits))).toBeLessThan(1e-12);
    }
    // Leaving the fields' range (±50) is refused.
    expect(shiftAll(xs, 48).ok).toBe(false);
  });

  it('two classes: p1 = σ(x1 − x2), by the definition 1 / (1 + e^−d)', () => {
    for (const [x1, x2] of [[2, 1], [0, 0], [-3, 4.5], [40, -40]] as const) {
      const r = twoClass(x1, x2);
      expect(r.difference).toBe(x1 - x2);
      expect(r.p1).toBeCloseTo(1 / (1 + Math.exp(-(x1 - x2))), 12);
      expect(r.sigmoid).toBeCloseTo(r.p1, 12);
      expect(r.p1 + r.p2).toBeCloseTo(1, 12);
    }
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(-800)).toBe(0);
  });

  it('logits from dense weights: x_k = Σ h_i W[i][k] + b_k', () => {
    // 3 inputs, 2 outputs, by hand: x0 = 1·1 + 2·0 + 3·(−1) + 0.5 = −1.5, x1 = 1·2 + 2·1 + 3·0 − 1 = 3.
    const w = [1, 2, 0, 1, -1, 0];
    expect(denseLogits([1, 2, 3], w, [3, 2], [0.5, -1])).toEqual([-1.5, 3]);
    expect(() => denseLogits([1, 2], w, [3, 2], [0, 0])).toThrow();
    // Random weights: softmax of the logits equals a softmax computed by tfjs's dense layer.
    const h = Array.from({ length: 1600 }, (_, i) => Math.max(0, Math.sin(i)));
    const kernel = Array.from({ length: 16000 }, (_, i) => Math.cos(i * 0.37) * 0.05);
    const bias = Array.from({ length: 10 }, (_, k) => k / 10 - 0.5);
    const logits = denseLogits(h, kernel, [1600, 10], bias);
    const probs = tf.tidy(() => tf.softmax(tf.add(tf.matMul(tf.tensor2d(h, [1, 1600]), tf.tensor2d(kernel, [1600, 10])), tf.tensor1d(bias))).dataSync());
    expect(maxChange(softmax(logits), probs)).toBeLessThan(1e-5);
    expect(argmax(logits)).toBe(argmax(probs));
  });
});

describe('softmax with tfjs', () => {
  it('equals the reference, sums to 1, and leaks nothing', async () => {
    const before = tf.memory().numTensors;
    for (const xs of [[...DEFAULT_LOGITS], [2, 1, 0], [50, -50, 49.9, 0, 0, 0, 0, 0, 0, 0], [-50, -50, -50]]) {
      const got = await softmaxTf(tf, xs);
      expect(maxChange(got, softmax(xs))).toBeLessThan(1e-6);
      expect(sum(got)).toBeCloseTo(1, 5);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('softmax settings in the URL', () => {
  it('reads ten logits and refuses bad ones', () => {
    expect(softmaxSettings.read('?logits=0,0,0,0,0,0,0,0,0,5').logits).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 5]);
    expect(softmaxSettings.read('?logits=0,0,0,0,0,0,0,0,0,1e400').logits).toEqual(DEFAULT_LOGITS);
    expect(softmaxSettings.read('?logits=1,2').logits).toEqual(DEFAULT_LOGITS);
    expect(softmaxSettings.read('?x1=NaN&x2=3').x1).toBe(2);
    expect(softmaxSettings.write({ logits: DEFAULT_LOGITS, x1: 2, x2: 3 })).toBe('x2=3');
  });
});
