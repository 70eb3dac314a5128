/**
 * The course's kernels against tfjs's own, on whatever backend runs: the forward pass and the
 * gradients of a convolution layer as the deck's model trains it (a bias added the way Keras adds
 * it, a ReLU and a max pooling behind it), on random inputs of the model's shapes and of a few
 * others. The unit tests run it on the CPU backend; the bench page runs it in the browser
 * (`cnnBench.checkKernels()`), where the end-to-end tests call it on WebGPU and WebGL.
 */
import type { Tensor, Tensor4D } from '@tensorflow/tfjs';
import type { Tf } from '../tf-runtime.ts';
import { installCourseKernels, useStockKernels } from './index.ts';
import { fuseAdam } from './adam.ts';

export interface KernelCase {
  readonly name: string;
  readonly x: [number, number, number, number];
  readonly filter: [number, number, number, number];
  readonly strides: number | [number, number];
  readonly pad: 'valid' | 'same' | number;
}

export const KERNEL_CASES: readonly KernelCase[] = [
  { name: "the deck's first layer (batch 8)", x: [8, 28, 28, 1], filter: [3, 3, 1, 32], strides: 1, pad: 'valid' },
  { name: "the deck's second layer (batch 4)", x: [4, 13, 13, 32], filter: [3, 3, 32, 64], strides: 1, pad: 'valid' },
  // 17 images: the WebGPU weight gradient sums them in groups of 2, the last group holding one.
  { name: "the deck's second layer, images in groups (batch 17)", x: [17, 13, 13, 32], filter: [3, 3, 32, 64], strides: 1, pad: 'valid' },
  { name: 'one image', x: [1, 9, 7, 3], filter: [3, 3, 3, 5], strides: 1, pad: 'valid' },
  { name: 'same padding, 5×5', x: [3, 10, 11, 2], filter: [5, 5, 2, 4], strides: 1, pad: 'same' },
  { name: 'channels in fours, stride 2, same', x: [3, 10, 11, 4], filter: [5, 5, 4, 8], strides: 2, pad: 'same' },
  { name: 'stride 2, same, odd sizes', x: [2, 11, 9, 3], filter: [3, 3, 3, 6], strides: 2, pad: 'same' },
  { name: 'strides 2×3, valid', x: [2, 12, 14, 2], filter: [2, 3, 2, 3], strides: [2, 3], pad: 'valid' },
  { name: 'explicit padding 1', x: [2, 8, 8, 2], filter: [3, 3, 2, 2], strides: 1, pad: 1 },
  { name: '1×1 filter', x: [3, 6, 6, 4], filter: [1, 1, 4, 7], strides: 1, pad: 'valid' },
];

/** Largest |a − b| relative to the largest |b| (the bound: 1e-4). */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs((a[i] ?? NaN) - (b[i] ?? NaN)));
    scale = Math.max(scale, Math.abs(b[i] ?? 0));
  }
  return scale === 0 ? diff : diff / scale;
}

/** What the layer computes: its output, and the gradients for x, the filter and the bias. */
export const LAYER_PARTS = ['output', 'x', 'filter', 'bias'] as const;
export type LayerPart = (typeof LAYER_PARTS)[number];

/**
 * Σ maxPool(relu(conv(x, w) + bias)) · r and its gradients, with whatever kernels are registered.
 * The bias is reshaped to [1, 1, 1, c] as Keras does; the pooling passes back mostly zeros.
 */
export async function layerResults(tf: Tf, c: KernelCase, seed: number): Promise<Record<LayerPart, Float32Array>> {
  const x = tf.randomNormal(c.x, 0, 1, 'float32', seed);
  const w = tf.randomNormal(c.filter, 0, 1, 'float32', seed + 1);
  const bias = tf.randomNormal([c.filter[3]], 0, 1, 'float32', seed + 2);
  const f = (xv: Tensor, wv: Tensor, bv: Tensor) =>
    tf.maxPool(tf.relu<Tensor4D>(tf.add(tf.conv2d(xv as Tensor4D, wv as Tensor4D, c.strides, c.pad), tf.reshape(bv, [1, 1, 1, c.filter[3]]))), 2, 2, 'valid');
  const output = tf.tidy(() => tf.conv2d(x as Tensor4D, w as Tensor4D, c.strides, c.pad).add(tf.reshape(bias, [1, 1, 1, c.filter[3]])));
  const r = tf.tidy(() => tf.randomNormal(f(x, w, bias).shape, 0, 1, 'float32', seed + 3));
  const grads = tf.grads((xv: Tensor, wv: Tensor, bv: Tensor) => f(xv, wv, bv).mul(r).sum())([x, w, bias]);
  try {
    const [out, gx, gw, gb] = await Promise.all([output, ...grads].map(async (t) => (await t.data()) as Float32Array));
    return { output: out ?? new Float32Array(), x: gx ?? new Float32Array(), filter: gw ?? new Float32Array(), bias: gb ?? new Float32Array() };
  } finally {
    tf.dispose([x, w, bias, r, output, ...grads]);
  }
}

export interface KernelCheck {
  readonly name: string;
  /** Relative error of the course's result against tfjs's, per part. */
  readonly errors: Readonly<Record<string, number>>;
  /** Tensors left behind by the course's run (0 when nothing leaks). */
  readonly leaked: number;
}

/**
 * Each case with tfjs's kernels, then with the course's, on `backend`; leaves the course's
 * kernels installed (as the site runs).
 */
export async function checkCourseKernels(tf: Tf, backend: string = tf.getBackend(), cases: readonly KernelCase[] = KERNEL_CASES): Promise<KernelCheck[]> {
  const checks: KernelCheck[] = [];
  try {
    for (const [i, c] of cases.entries()) {
      useStockKernels(tf, backend);
      const stock = await layerResults(tf, c, 100 + i);
      installCourseKernels(tf, backend);
      const before = tf.memory().numTensors;
      const course = await layerResults(tf, c, 100 + i);
      const errors = Object.fromEntries(LAYER_PARTS.map((p) => [p, relativeError(course[p], stock[p])])) as Record<LayerPart, number>;
      checks.push({ name: c.name, errors, leaked: tf.memory().numTensors - before });
    }
  } finally {
    installCourseKernels(tf, backend);
  }
  return checks;
}

/** Variable shapes for the Adam check: the deck's (the dense bias of 10 is not a multiple of 4) and two odd ones. */
export const ADAM_SHAPES: readonly (readonly number[])[] = [[3, 3, 1, 32], [32], [1152, 16], [10], [5, 7], [3]];

/**
 * `steps` Adam updates of variables of `ADAM_SHAPES` from the same start with the same random
 * gradients: tfjs's own update, then the fused one (src/lib/kernels/adam.ts); the weights and
 * both moments compared, and the tensors the fused steps leave behind counted. Leaves the
 * course's kernels installed.
 */
export async function checkAdam(tf: Tf, backend: string = tf.getBackend(), steps = 4): Promise<KernelCheck> {
  const run = async (fused: boolean) => {
    if (fused) installCourseKernels(tf, backend);
    else useStockKernels(tf, backend);
    const vars = ADAM_SHAPES.map((shape, i) => tf.variable(tf.randomNormal([...shape], 0, 1, 'float32', 500 + i)));
    const optimizer = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
    if (fused) fuseAdam(tf, optimizer);
    const before = tf.memory().numTensors;
    for (let s = 0; s < steps; s++) {
      const grads = vars.map((v, i) => ({ name: v.name, tensor: tf.randomNormal(v.shape, 0, 1, 'float32', 600 + 10 * s + i) }));
      optimizer.applyGradients(grads);
      tf.dispose(grads.map((g) => g.tensor));
    }
    // The moments (created on the first step) stay; nothing else may.
    const leaked = tf.memory().numTensors - before - 2 * vars.length;
    const weights = await optimizer.getWeights();
    const flat = async (ts: Tensor[]) => {
      const parts = await Promise.all(ts.map(async (t) => Array.from(await t.data())));
      return Float32Array.from(parts.flat());
    };
    const result = { value: await flat(vars), m: await flat(weights.slice(1, 1 + vars.length).map((w) => w.tensor)), v: await flat(weights.slice(1 + vars.length).map((w) => w.tensor)), leaked, iterations: optimizer.iterations };
    tf.dispose(weights.map((w) => w.tensor));
    optimizer.dispose();
    tf.dispose(vars);
    return result;
  };
  try {
    const stock = await run(false);
    const course = await run(true);
    const errors = {
      weights: relativeError(course.value, stock.value),
      'first moment': relativeError(course.m, stock.m),
      'second moment': relativeError(course.v, stock.v),
      'step count': course.iterations === stock.iterations ? 0 : Infinity,
    };
    return { name: `Adam, ${steps} steps of ${ADAM_SHAPES.length} variables`, errors, leaked: course.leaked };
  } finally {
    installCourseKernels(tf, backend);
  }
}
