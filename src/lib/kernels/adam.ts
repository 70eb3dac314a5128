/**
 * Adam's update of one variable as one kernel, `CourseAdam`, registered like the course's other
 * kernels (src/lib/kernels/index.ts) for the CPU, WebGL and WebGPU backends.
 *
 * tfjs 4.22's `AdamOptimizer.applyGradients` builds each variable's update from 14 element-wise
 * ops (m·β1 + g·(1 − β1), v·β2 + g²·(1 − β2), the two bias corrections, a square root, …): every
 * one a pass over the variable, and a fresh tensor, which for the deck's dense layer (1.2 million
 * weights) is a 4.7 MB buffer each time. The kernel reads the weights, the moments and the gradient
 * once and writes the three results: on the GPUs three short programs (the new first moment, the
 * new second moment, then the weights from both), on the CPU one loop.
 *
 * `fuseAdam` makes a tfjs Adam optimizer use the kernel where the backend in use has it and
 * tfjs's own update everywhere else (WebAssembly, or after `useStockKernels`). The moments live
 * where tfjs keeps them, under the same names, so `getWeights`/`setWeights` (the training
 * checkpoints) and the step count are unchanged.
 */
import type { AdamOptimizer, Tensor, Variable } from '@tensorflow/tfjs';
import type { Tf } from '../tf-runtime.ts';

export const ADAM_KERNEL = 'CourseAdam';

/** The kernel's attributes: Adam's constants and this step's bias corrections. */
export interface AdamAttrs {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  /** 1 − β1^t and 1 − β2^t for step t (1 for the first step). */
  readonly correction1: number;
  readonly correction2: number;
}

/** The bias corrections of step `iterations + 1`, as tfjs's own Adam computes them (1 − βᵗ). */
export function adamCorrections(beta1: number, beta2: number, iterations: number): { correction1: number; correction2: number } {
  return { correction1: 1 - Math.pow(beta1, iterations + 1), correction2: 1 - Math.pow(beta2, iterations + 1) };
}

/**
 * The update on plain arrays, in place of nothing: returns the new weights, first and second
 * moments. The CPU kernel is this loop; the tests use it as the reference for the GPU programs.
 */
export function adamUpdate(
  value: ArrayLike<number>,
  m: ArrayLike<number>,
  v: ArrayLike<number>,
  g: ArrayLike<number>,
  a: AdamAttrs,
): { value: Float32Array; m: Float32Array; v: Float32Array } {
  const n = value.length;
  const out = { value: new Float32Array(n), m: new Float32Array(n), v: new Float32Array(n) };
  // Float32 constants, as tfjs's scalars are.
  const b1 = Math.fround(a.beta1);
  const ob1 = Math.fround(1 - a.beta1);
  const b2 = Math.fround(a.beta2);
  const ob2 = Math.fround(1 - a.beta2);
  const c1 = Math.fround(a.correction1);
  const c2 = Math.fround(a.correction2);
  const eps = Math.fround(a.epsilon);
  const step = Math.fround(-a.learningRate);
  for (let i = 0; i < n; i++) {
    const gi = g[i] ?? 0;
    const mi = Math.fround(b1 * (m[i] ?? 0) + ob1 * gi);
    const vi = Math.fround(b2 * (v[i] ?? 0) + ob2 * gi * gi);
    out.m[i] = mi;
    out.v[i] = vi;
    out.value[i] = (value[i] ?? 0) + (mi / c1 / (Math.sqrt(vi / c2) + eps)) * step;
  }
  return out;
}

/** The parts of tfjs's AdamOptimizer the fused update reads and writes (private in its typings). */
interface AdamInternals {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly iterations: number;
  readonly accBeta1: Variable;
  readonly accBeta2: Variable;
  readonly accumulatedFirstMoment: ({ originalName: string; variable: Variable } | undefined)[];
  readonly accumulatedSecondMoment: ({ originalName: string; variable: Variable } | undefined)[];
  incrementIterations(): void;
}

/** Whether the backend in use has the fused update registered. */
export function hasFusedAdam(tf: Tf): boolean {
  return (tf.getKernel(ADAM_KERNEL, tf.getBackend()) as unknown) !== undefined;
}

/**
 * Makes `adam` update its variables with the `CourseAdam` kernel where the backend in use has
 * it (the same maths as tfjs's, to float32 rounding); returns the same optimizer.
 */
export function fuseAdam(tf: Tf, adam: AdamOptimizer): AdamOptimizer {
  const stockApply = adam.applyGradients.bind(adam);
  const a = adam as unknown as AdamInternals;
  adam.applyGradients = (variableGradients: Parameters<AdamOptimizer['applyGradients']>[0]) => {
    if (!hasFusedAdam(tf)) {
      stockApply(variableGradients);
      return;
    }
    const list = Array.isArray(variableGradients);
    const names = list ? variableGradients.map((v) => v.name) : Object.keys(variableGradients);
    const attrs: AdamAttrs = {
      learningRate: a.learningRate,
      beta1: a.beta1,
      beta2: a.beta2,
      epsilon: a.epsilon,
      ...adamCorrections(a.beta1, a.beta2, a.iterations),
    };
    tf.tidy(() => {
      names.forEach((name, i) => {
        const value = tf.engine().registeredVariables[name];
        if (!value) return;
        // Created as tfjs creates them, so that getWeights names them the same.
        const first = (a.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) });
        const second = (a.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) });
        const gradient = list ? variableGradients[i]?.tensor : variableGradients[name];
        if (gradient == null) return;
        const inputs = { value, m: first.variable, v: second.variable, g: gradient };
        const [newValue, m, v] = tf.engine().runKernel<Tensor[]>(ADAM_KERNEL, inputs, attrs as unknown as Record<string, number>);
        if (!newValue || !m || !v) throw new Error(`${ADAM_KERNEL} returned fewer than three tensors`);
        first.variable.assign(m);
        second.variable.assign(v);
        value.assign(newValue);
      });
      // tfjs's own update reads these; kept in step so that either update can follow the other.
      a.accBeta1.assign(tf.mul(a.accBeta1, a.beta1));
      a.accBeta2.assign(tf.mul(a.accBeta2, a.beta2));
    });
    a.incrementIterations();
  };
  return adam;
}
