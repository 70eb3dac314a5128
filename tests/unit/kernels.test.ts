import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { installCourseKernels, useStockKernels } from '../../src/lib/kernels/index.ts';
import { filterGradKernel } from '../../src/lib/kernels/conv2d-filter-grad.ts';
import { checkCourseKernels, KERNEL_CASES, relativeError, type KernelCase } from '../../src/lib/kernels/check.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});
afterEach(() => {
  useStockKernels(tf, 'cpu');
});

const CASES = KERNEL_CASES;
type Case = KernelCase;

/** The filter gradient through tf.grad, with whatever kernels are registered. */
async function filterGrad(c: Case, seed: number): Promise<Float32Array> {
  const x = tf.randomNormal(c.x, 0, 1, 'float32', seed);
  const w = tf.randomNormal(c.filter, 0, 1, 'float32', seed + 1);
  const loss = (f: tf.Tensor) => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, c.strides, c.pad).square().sum().mul(0.5);
  const g = tf.grad(loss)(w);
  const values = (await g.data()) as Float32Array;
  tf.dispose([x, w, g]);
  return values;
}

/**
 * The GPU and WebAssembly backends get the patches × gradients formulation, built from the
 * backend's own kernels; the CPU backend gets plain loops. Both are checked here on the CPU
 * backend against tfjs's own kernel (the GPU backends run the same code in the e2e tests).
 */
const stockFilterGrad = () => tf.getKernel('Conv2DBackpropFilter', 'cpu');
function installPatches(): void {
  const stock = stockFilterGrad();
  tf.unregisterKernel('Conv2DBackpropFilter', 'cpu');
  tf.registerKernel({ ...stock, kernelFunc: filterGradKernel(tf, 'cpu', stock.kernelFunc) });
  restorePatches = () => {
    tf.unregisterKernel('Conv2DBackpropFilter', 'cpu');
    tf.registerKernel(stock);
  };
}
let restorePatches = () => {};
afterEach(() => {
  restorePatches();
  restorePatches = () => {};
});

const installers = [
  ['plain loops (the cpu backend)', () => {
    expect(installCourseKernels(tf, 'cpu')).toContain('Conv2DBackpropFilter');
  }],
  ['patches × output gradients (the GPU and WebAssembly backends)', installPatches],
] as const;

describe('Conv2DBackpropFilter', () => {
  for (const [how, install] of installers) {
    for (const [i, c] of CASES.entries()) {
      it(`${how} equals tfjs's own kernel within 1e-4: ${c.name}`, async () => {
        const stock = await filterGrad(c, 10 + i);
        install();
        const before = tf.memory().numTensors;
        const course = await filterGrad(c, 10 + i);
        expect(tf.memory().numTensors).toBe(before);
        expect(course.length).toBe(stock.length);
        expect(relativeError(course, stock)).toBeLessThan(1e-4);
      });
    }
  }

  it('patches × gradients frees every intermediate buffer', async () => {
    installPatches();
    const c = CASES[1];
    if (!c) throw new Error('no case');
    await filterGrad(c, 1);
    const bytes = tf.memory().numBytes;
    const dataBuffers = tf.engine().backend.numDataIds();
    await filterGrad(c, 2);
    expect(tf.memory().numBytes).toBe(bytes);
    expect(tf.engine().backend.numDataIds()).toBe(dataBuffers);
  });

  it('puts the stock kernel back', () => {
    const stock = tf.getKernel('Conv2DBackpropFilter', 'cpu').kernelFunc;
    installCourseKernels(tf, 'cpu');
    expect(tf.getKernel('Conv2DBackpropFilter', 'cpu').kernelFunc).not.toBe(stock);
    useStockKernels(tf, 'cpu');
    expect(tf.getKernel('Conv2DBackpropFilter', 'cpu').kernelFunc).toBe(stock);
  });
});

describe('MaxPoolGrad on the cpu backend', () => {
  const POOLS = [
    { name: "the deck's pools (26→13, 11→5)", x: [4, 11, 11, 8], size: 2, strides: 2, pad: 'valid' },
    { name: '3×3, stride 2, same', x: [2, 9, 10, 3], size: 3, strides: 2, pad: 'same' },
    { name: 'overlapping 3×3, stride 1', x: [2, 7, 7, 2], size: 3, strides: 1, pad: 'valid' },
  ] as const;
  /** Gradient of Σ maxPool(x)·r, with ties (rounded inputs) so the first-maximum rule matters. */
  async function poolGrad(p: (typeof POOLS)[number], seed: number): Promise<Float32Array> {
    const x = tf.round(tf.randomUniform([...p.x], 0, 3, 'float32', seed));
    const r = tf.randomNormal(tf.maxPool(x as tf.Tensor4D, p.size, p.strides, p.pad).shape, 0, 1, 'float32', seed + 1);
    const g = tf.grad((v: tf.Tensor) => tf.maxPool(v as tf.Tensor4D, p.size, p.strides, p.pad).mul(r).sum())(x);
    const values = (await g.data()) as Float32Array;
    tf.dispose([x, r, g]);
    return values;
  }
  for (const [i, p] of POOLS.entries()) {
    // Overlapping windows add in another order, so only to rounding; ties go to the same input.
    it(`equals tfjs's own kernel within 1e-6: ${p.name}`, async () => {
      const stock = await poolGrad(p, 40 + i);
      expect(installCourseKernels(tf, 'cpu')).toContain('MaxPoolGrad');
      const course = await poolGrad(p, 40 + i);
      expect(relativeError(course, stock)).toBeLessThan(1e-6);
    });
  }
});

describe('Conv2D (forward) on the cpu backend', () => {
  /** The convolution of a mostly-zero input (as MNIST and ReLU outputs are) with whatever kernels are registered. */
  async function conv(c: Case, seed: number): Promise<Float32Array> {
    const x = tf.tidy(() => tf.relu(tf.randomNormal(c.x, -0.5, 1, 'float32', seed)));
    const w = tf.randomNormal(c.filter, 0, 1, 'float32', seed + 1);
    const y = tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.strides, c.pad);
    const values = (await y.data()) as Float32Array;
    tf.dispose([x, w, y]);
    return values;
  }
  for (const [i, c] of CASES.entries()) {
    it(`skipping zero inputs equals tfjs's own kernel within 1e-4: ${c.name}`, async () => {
      const stock = await conv(c, 60 + i);
      expect(installCourseKernels(tf, 'cpu')).toContain('Conv2D');
      const before = tf.memory().numTensors;
      const course = await conv(c, 60 + i);
      expect(tf.memory().numTensors).toBe(before);
      expect(course.length).toBe(stock.length);
      expect(relativeError(course, stock)).toBeLessThan(1e-4);
    });
  }
  it('leaves dilated convolutions to tfjs', async () => {
    const x = tf.randomNormal([1, 9, 9, 2], 0, 1, 'float32', 7);
    const w = tf.randomNormal([3, 3, 2, 3], 0, 1, 'float32', 8);
    const stock = await tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'valid', 'NHWC', 2).data();
    installCourseKernels(tf, 'cpu');
    const course = await tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'valid', 'NHWC', 2).data();
    expect(relativeError(course as Float32Array, stock as Float32Array)).toBeLessThan(1e-6);
    tf.dispose([x, w]);
  });
});

describe('a convolution layer trained behind a ReLU and a max pooling, on the cpu backend', () => {
  // checkCourseKernels (src/lib/kernels/check.ts, also run in the browser on WebGPU and WebGL):
  // the output and the gradients for x, w and the bias of Σ maxPool(relu(conv(x, w) + bias)) · r,
  // with the sparse gradients a pooling passes back, so Conv2DBackpropInput, the sparse filter
  // gradient, Relu, Step, Multiply, Add and Sum all run.
  it("equals tfjs's own kernels within 1e-4 on every case, leaking nothing", async () => {
    const checks = await checkCourseKernels(tf, 'cpu');
    expect(checks.map((c) => c.name)).toEqual(KERNEL_CASES.map((c) => c.name));
    for (const c of checks) {
      expect(c.leaked, c.name).toBe(0);
      for (const [part, error] of Object.entries(c.errors)) expect(error, `${c.name}: ${part}`).toBeLessThan(1e-4);
    }
  }, 120_000);
});

describe('element-wise kernels and sums on the cpu backend', () => {
  /** Runs `f` with tfjs's kernels, then with the course's; returns both results' shapes and values. */
  async function both(f: () => tf.Tensor): Promise<{ stock: { shape: number[]; values: Float32Array }; course: { shape: number[]; values: Float32Array } }> {
    const run = async () => {
      const t = f();
      const out = { shape: t.shape, values: (await t.data()) as Float32Array };
      t.dispose();
      return out;
    };
    useStockKernels(tf, 'cpu');
    const stock = await run();
    installCourseKernels(tf, 'cpu');
    const course = await run();
    return { stock, course };
  }
  const a = tf.tensor([[1, -2, 3], [-4, 5, NaN]]);
  const b = tf.tensor([[0.5, 2, -1], [3, 0, 1]]);
  const cases: [string, () => tf.Tensor][] = [
    ['same shape ×', () => tf.mul(a, b)],
    ['same shape +', () => tf.add(a, b)],
    ['tensor × number', () => tf.mul(a, tf.scalar(-3))],
    ['number + tensor', () => tf.add(tf.scalar(2.5), b)],
    ['a bias along the last axis', () => tf.add(a, tf.tensor1d([10, 20, 30]))],
    ['a column (broadcast left to tfjs)', () => tf.mul(a, tf.tensor2d([[2], [3]]))],
    ['int32 (left to tfjs)', () => tf.add(tf.tensor1d([1, 2], 'int32'), tf.tensor1d([3, 4], 'int32'))],
    ['ReLU, NaN kept', () => tf.relu(a)],
    ['Step with alpha, NaN kept', () => tf.step(a, 0.25)],
    ['sum over the leading axes', () => tf.sum(tf.randomNormal([3, 4, 5, 6], 0, 1, 'float32', 3), [0, 1, 2])],
    ['sum over the leading axes, dims kept', () => tf.sum(tf.randomNormal([3, 4, 5], 0, 1, 'float32', 4), [1, 0], true)],
    ['sum over inner axes (left to tfjs)', () => tf.sum(tf.randomNormal([3, 4, 5], 0, 1, 'float32', 5), [1, 2])],
    ['sum of everything (left to tfjs)', () => tf.sum(tf.randomNormal([3, 4], 0, 1, 'float32', 6))],
  ];
  for (const [name, f] of cases) {
    it(`equals tfjs's own: ${name}`, async () => {
      const { stock, course } = await both(f);
      expect(course.shape).toEqual(stock.shape);
      expect(Array.from(course.values, (v) => (Number.isNaN(v) ? 'NaN' : Math.round(v * 1e4) / 1e4))).toEqual(Array.from(stock.values, (v) => (Number.isNaN(v) ? 'NaN' : Math.round(v * 1e4) / 1e4)));
    });
  }
});
