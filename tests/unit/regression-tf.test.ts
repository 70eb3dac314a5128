import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { descend, EXAMPLE_POINTS } from '../../src/lib/regression/fit.ts';
import { descendTf, makeTfData } from '../../src/lib/regression/descent-tf.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('gradient descent with tfjs', () => {
  it('takes the same steps as the TypeScript reference (a, b within 1e-5)', async () => {
    const data = makeTfData(tf, EXAMPLE_POINTS);
    const before = tf.memory().numTensors;
    for (const [lr, steps] of [[0.02, 1], [0.02, 10], [0.01, 200], [0.025, 50]] as const) {
      const ref = descend(EXAMPLE_POINTS, 1, 1, lr, steps);
      const got = await descendTf(tf, data, 1, 1, lr, steps);
      expect(Math.abs(got.a - ref.a), `a, lr ${lr}, ${steps} steps`).toBeLessThan(1e-5);
      expect(Math.abs(got.b - ref.b), `b, lr ${lr}, ${steps} steps`).toBeLessThan(1e-5);
      expect(got.losses).toHaveLength(steps + 1);
      got.losses.forEach((q, i) => { expect(Math.abs(q - (ref.losses[i] ?? NaN))).toBeLessThan(1e-4 * (1 + (ref.losses[i] ?? 0))); });
    }
    // Chunks chain: 3 × 20 steps = 60 steps.
    let a = 1;
    let b = 1;
    for (let i = 0; i < 3; i++) ({ a, b } = await descendTf(tf, data, a, b, 0.02, 20));
    const ref = descend(EXAMPLE_POINTS, 1, 1, 0.02, 60);
    expect(Math.abs(a - ref.a)).toBeLessThan(1e-5);
    expect(Math.abs(b - ref.b)).toBeLessThan(1e-5);
    // Nothing leaks: only the data tensors stay.
    expect(tf.memory().numTensors).toBe(before);
    data.dispose();
    expect(tf.memory().numTensors).toBe(before - 2);
  });

  it('the first step matches the hand-computed gradient', async () => {
    const data = makeTfData(tf, EXAMPLE_POINTS);
    // ∂Q/∂a = −14, ∂Q/∂b = −4 at (1, 1): one step of 0.01 gives (1.14, 1.04).
    const r = await descendTf(tf, data, 1, 1, 0.01, 1);
    data.dispose();
    expect(r.a).toBeCloseTo(1.14, 5);
    expect(r.b).toBeCloseTo(1.04, 5);
    expect(r.losses[0]).toBeCloseTo(2, 6);
  });
});
