/**
 * Softmax for the 3-7 demo: the TypeScript reference (the largest logit subtracted first, so
 * huge logits never overflow), the two-class case against the sigmoid of the difference, the
 * logits of the CNN's last layer from its dense weights, and what the demo's controls accept.
 * Pure: no DOM. The tfjs version is softmax-tf.ts.
 */
import type { NumberSpec } from '../viz/numeric.ts';

/** The number of logits (one per digit). */
export const CLASSES = 10;

/** What a logit field accepts; the slider covers the same range. */
export const LOGIT: NumberSpec = { min: -50, max: 50 };
/** The slider's step (the field takes any value in range). */
export const LOGIT_STEP = 0.1;
/** The demo's start: digit 3 a little ahead of the others. */
export const DEFAULT_LOGITS: readonly number[] = [1, -1, 0.5, 3, -2, 0, -0.5, 2, 1.5, -1];
export const DEFAULT_PAIR = { x1: 2, x2: 1 } as const;

/** Softmax of any number of logits, stable: exp(x − max) / Σ exp(x_j − max). */
export function softmax(logits: readonly number[]): number[] {
  if (logits.length === 0) return [];
  const max = Math.max(...logits);
  const exps = logits.map((x) => Math.exp(x - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

export function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] ?? 0;
  return s;
}

/** The sigmoid σ(x) = 1 / (1 + e^−x), without overflow for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** The two-class case: softmax's first output and σ(x1 − x2), which are equal. */
export function twoClass(x1: number, x2: number): { readonly p1: number; readonly p2: number; readonly difference: number; readonly sigmoid: number } {
  const [p1 = NaN, p2 = NaN] = softmax([x1, x2]);
  return { p1, p2, difference: x1 - x2, sigmoid: sigmoid(x1 - x2) };
}

/** Points of σ over [from, to] for the chart. */
export function sigmoidCurve(from: number, to: number, n = 81): [number, number][] {
  return Array.from({ length: n }, (_, i) => {
    const x = from + ((to - from) * i) / (n - 1);
    return [x, sigmoid(x)];
  });
}

/** The chart's x range: at least ±8, wide enough to show the current difference. */
export function curveRange(difference: number): number {
  return Math.max(8, Math.ceil(Math.abs(difference)));
}

export type Shifted = { readonly ok: true; readonly logits: number[] } | { readonly ok: false };

/** Every logit plus c; refused when one would leave the fields' range. */
export function shiftAll(logits: readonly number[], c: number, spec: NumberSpec = LOGIT): Shifted {
  const next = logits.map((x) => roundLogit(x + c));
  return next.every((x) => Number.isFinite(x) && x >= spec.min && x <= spec.max) ? { ok: true, logits: next } : { ok: false };
}

/** The largest change of any probability between two lists. */
export function maxChange(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) m = Math.max(m, Math.abs((a[i] ?? NaN) - (b[i] ?? NaN)));
  return m;
}

/** A logit as kept in the URL: 4 decimals, so float noise (0.1 + 0.2) does not pile up. */
export function roundLogit(x: number): number {
  const r = Math.round(x * 1e4) / 1e4;
  return r === 0 ? 0 : r;
}

/**
 * The last layer's logits x_k = Σ_i h_i · W[i][k] + b_k from the flattened (dropout is off at
 * inference) activations h and the dense kernel W (Keras's shape [inputs, outputs], row-major).
 */
export function denseLogits(h: ArrayLike<number>, kernel: ArrayLike<number>, shape: readonly number[], bias: ArrayLike<number>): number[] {
  const [inputs = 0, outputs = 0] = shape;
  if (shape.length !== 2 || h.length !== inputs || kernel.length !== inputs * outputs || bias.length !== outputs) {
    throw new Error(`dense logits: input ${h.length}, kernel ${shape.join('×')}, bias ${bias.length} do not fit`);
  }
  const out = Array.from({ length: outputs }, (_, k) => bias[k] ?? 0);
  for (let i = 0; i < inputs; i++) {
    const hi = h[i] ?? 0;
    if (hi === 0) continue;
    for (let k = 0; k < outputs; k++) out[k] = (out[k] ?? 0) + hi * (kernel[i * outputs + k] ?? 0);
  }
  return out;
}

/** The index of the largest value (the model's answer). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? -Infinity) > (values[best] ?? -Infinity)) best = i;
  return best;
}

/** A model's logits as the sliders take them: rounded to 4 decimals and kept within LOGIT. */
export function presetLogits(logits: readonly number[], spec: NumberSpec = LOGIT): { readonly logits: number[]; readonly clamped: boolean } {
  let clamped = false;
  const out = logits.map((x) => {
    const c = Math.max(spec.min, Math.min(spec.max, x));
    if (c !== x) clamped = true;
    return roundLogit(c);
  });
  return { logits: out, clamped };
}
