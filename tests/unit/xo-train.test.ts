import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CIRCLE, CROSS, flatten, forward, gradientStep, HAND_SET, loss, randomParams, type XoParams } from '../../src/lib/xo/network.ts';
import { trainingSet } from '../../src/lib/xo/data.ts';
import { createXoTrainer, forwardTf } from '../../src/lib/xo/train-tf.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const data = trainingSet();
const close = (a: readonly number[], b: readonly number[], tol: number) => {
  expect(a).toHaveLength(b.length);
  a.forEach((v, i) => {
    expect(Math.abs(v - (b[i] ?? Number.NaN))).toBeLessThan(tol);
  });
};

describe('the ○/× network in tfjs', () => {
  it('computes the same degrees as the TypeScript reference', async () => {
    const before = tf.memory().numTensors;
    // Thresholds that are not 0, so a pass that forgot one would differ.
    for (const p of [HAND_SET, { ...randomParams(5, 3), t1: [0.5, -1, 2], t2: [0.3, -0.7] }]) {
      const pictures = [CIRCLE, CROSS, ...data.slice(3, 9).map((e) => e.x)];
      const got = await forwardTf(tf, p, pictures);
      got.forEach((d, n) => {
        close(d, forward(p, pictures[n] ?? []).degree, 1e-5);
      });
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('takes the same gradient steps as the TypeScript reference, and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const start = { ...randomParams(9, 1), t1: [0.2, -0.3, 0.1], t2: [-0.4, 0.25] };
    const trainer = createXoTrainer(tf, start, data);
    const chunk = await trainer.run(5, 1.5);
    let ref: XoParams = start;
    const refLosses: number[] = [];
    for (let s = 0; s < 5; s++) {
      ref = gradientStep(ref, data, 1.5);
      refLosses.push(loss(ref, data));
    }
    close(chunk.losses, refLosses, 1e-5);
    close(flatten(chunk.params), flatten(ref), 1e-4);
    // A second chunk continues from where the first ended.
    const next = await trainer.run(3, 1.5);
    for (let s = 0; s < 3; s++) ref = gradientStep(ref, data, 1.5);
    close(flatten(next.params), flatten(ref), 1e-4);
    // set() puts parameters back.
    trainer.set(HAND_SET);
    const again = await trainer.run(1, 0.1);
    close(flatten(again.params), flatten(gradientStep(HAND_SET, data, 0.1)), 1e-4);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains ○ and × above 0.9 in a few hundred steps from a random start', async () => {
    const trainer = createXoTrainer(tf, randomParams(1), data);
    let p: XoParams = randomParams(1);
    for (let i = 0; i < 30; i++) p = (await trainer.run(10, 2)).params;
    trainer.dispose();
    expect(forward(p, CIRCLE).degree[0]).toBeGreaterThan(0.9);
    expect(forward(p, CROSS).degree[1]).toBeGreaterThan(0.9);
  });
});
