import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { installCourseKernels, useStockKernels } from '../../src/lib/kernels/index.ts';
import { ADAM_KERNEL, adamCorrections, adamUpdate, fuseAdam, hasFusedAdam } from '../../src/lib/kernels/adam.ts';
import { checkAdam } from '../../src/lib/kernels/check.ts';
import { createOptimizer } from '../../src/lib/training/train-loop.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});
afterEach(() => {
  useStockKernels(tf, 'cpu');
});

describe('Adam as one kernel per variable', () => {
  it('computes the first step by hand: m = 0.2, v = 0.004, the weight moves by the learning rate', () => {
    // g = 2 from m = v = 0: m̂ = 0.2 / 0.1 = 2, v̂ = 0.004 / 0.001 = 4, step = 2 / (2 + 1e-7) ≈ 1.
    const r = adamUpdate([1], [0], [0], [2], { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, ...adamCorrections(0.9, 0.999, 0) });
    expect(r.m[0]).toBeCloseTo(0.2, 6);
    expect(r.v[0]).toBeCloseTo(0.004, 8);
    expect(r.value[0]).toBeCloseTo(0.999, 6);
  });

  it('has the bias corrections of step t = iterations + 1', () => {
    expect(adamCorrections(0.9, 0.999, 0).correction1).toBeCloseTo(0.1, 12);
    expect(adamCorrections(0.9, 0.999, 2).correction2).toBeCloseTo(1 - 0.999 ** 3, 12);
  });

  it("equals tfjs's own Adam within 1e-5 over several steps, on the deck's shapes and odd ones, leaking nothing", async () => {
    const c = await checkAdam(tf, 'cpu', 6);
    expect(c.leaked).toBe(0);
    for (const [part, error] of Object.entries(c.errors)) expect(error, part).toBeLessThan(1e-5);
  });

  it('is what the course trainer uses where the backend has it, and tfjs’s own update where not', async () => {
    installCourseKernels(tf, 'cpu');
    expect(hasFusedAdam(tf)).toBe(true);
    const run = async () => {
      const w = tf.variable(tf.tensor1d([0.5, -1, 2]));
      const optimizer = createOptimizer(tf);
      for (let s = 0; s < 3; s++) optimizer.minimize(() => w.square().sum().mul<tf.Scalar>(tf.scalar(s + 1)));
      const values = Array.from(await w.data());
      optimizer.dispose();
      w.dispose();
      return values;
    };
    const calls: string[] = [];
    const fused = tf.getKernel(ADAM_KERNEL, 'cpu');
    tf.unregisterKernel(ADAM_KERNEL, 'cpu');
    tf.registerKernel({ ...fused, kernelFunc: (args) => (calls.push('fused'), fused.kernelFunc(args)) });
    const withKernel = await run();
    expect(calls.length).toBe(3);
    useStockKernels(tf, 'cpu');
    expect(hasFusedAdam(tf)).toBe(false);
    const stock = await run();
    expect(calls.length).toBe(3);
    for (const [k, v] of withKernel.entries()) expect(v).toBeCloseTo(stock[k] ?? NaN, 6);
  });

  it("keeps the moments where tfjs keeps them: a checkpoint's weights continue the same run", async () => {
    installCourseKernels(tf, 'cpu');
    const grad = (s: number) => [{ name: 'adam-ckpt', tensor: tf.tensor1d([0.3 * s - 1, 2, -0.5 * s]) }];
    const w = tf.variable(tf.tensor1d([1, 2, 3]), true, 'adam-ckpt');
    const straight = fuseAdam(tf, tf.train.adam(0.01));
    for (let s = 0; s < 5; s++) straight.applyGradients(grad(s));
    const expected = Array.from(await w.data());

    w.assign(tf.tensor1d([1, 2, 3]));
    const first = fuseAdam(tf, tf.train.adam(0.01));
    for (let s = 0; s < 3; s++) first.applyGradients(grad(s));
    const saved = await first.getWeights();
    expect(saved.map((x) => x.name)).toEqual(['iter', 'adam-ckpt/m', 'adam-ckpt/v']);
    const copies = saved.map((x) => ({ name: x.name, tensor: x.tensor.clone() }));
    const resumed = fuseAdam(tf, tf.train.adam(0.01));
    await resumed.setWeights(copies);
    expect(resumed.iterations).toBe(3);
    for (let s = 3; s < 5; s++) resumed.applyGradients(grad(s));
    const got = Array.from(await w.data());
    for (const [k, v] of got.entries()) expect(v).toBeCloseTo(expected[k] ?? NaN, 6);
    for (const o of [straight, first, resumed]) o.dispose();
    tf.dispose(copies.map((c) => c.tensor));
    w.dispose();
  });
});
