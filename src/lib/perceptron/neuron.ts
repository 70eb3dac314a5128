/**
 * One artificial neuron with three inputs, as lessons 1-2a and 1-2b teach it: the weighted sum
 * Σ x_i w_i, the threshold θ, the linear input a = Σ x_i w_i − θ, and the three activation
 * functions that turn a into the output (step, sigmoid, ReLU). Pure: no DOM, no Preact.
 */

export const ACTIVATIONS = ['step', 'sigmoid', 'relu'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** Step function: 1 when a > 0, else 0 (the deck's perceptron fires only strictly above θ). */
export function step(a: number): number {
  return a > 0 ? 1 : 0;
}

/**
 * Sigmoid σ(a) = 1 / (1 + e^(−a)), computed so that e^x never overflows: for a < 0 it uses the
 * equal form e^a / (1 + e^a). σ(−1000) = 0 and σ(1000) = 1 in floating point, never NaN.
 */
export function sigmoid(a: number): number {
  if (Number.isNaN(a)) return NaN;
  if (a >= 0) return 1 / (1 + Math.exp(-a));
  const e = Math.exp(a);
  return e / (1 + e);
}

/** ReLU (ramp function): max(0, a); −0 comes out as 0. */
export function relu(a: number): number {
  return a > 0 ? a : 0;
}

const FUNCTIONS: Readonly<Record<Activation, (a: number) => number>> = { step, sigmoid, relu };

/** The output h(a) of the chosen activation function. */
export function activate(kind: Activation, a: number): number {
  return FUNCTIONS[kind](a);
}

/**
 * Drops float noise from sums of decimals (0.1 × 3 = 0.30000000000000004 → 0.3), so that what
 * the page compares is what it shows.
 */
export function clean(value: number): number {
  const v = Number(value.toPrecision(12));
  return v === 0 ? 0 : v;
}

/** Σ x_i w_i over the pairs (as many as the shorter list has). */
export function weightedSum(inputs: readonly number[], weights: readonly number[]): number {
  let s = 0;
  const n = Math.min(inputs.length, weights.length);
  for (let i = 0; i < n; i++) s += (inputs[i] ?? 0) * (weights[i] ?? 0);
  return clean(s);
}

/** The linear input a = Σ x_i w_i − θ. */
export function linearInput(inputs: readonly number[], weights: readonly number[], theta: number): number {
  return clean(weightedSum(inputs, weights) - theta);
}

/** How the weighted sum stands against θ. */
export type Comparison = '>' | '=' | '<';

export interface NeuronResult {
  /** x_i × w_i, one per input. */
  readonly products: readonly number[];
  /** Σ x_i w_i. */
  readonly sum: number;
  readonly theta: number;
  /** a = Σ x_i w_i − θ. */
  readonly a: number;
  readonly comparison: Comparison;
  /** Σ x_i w_i > θ (what the step function says). */
  readonly fires: boolean;
  readonly activation: Activation;
  /** h(a) for the chosen activation. */
  readonly output: number;
}

/** Everything the perceptron shows, computed once. */
export function evaluateNeuron(inputs: readonly number[], weights: readonly number[], theta: number, activation: Activation): NeuronResult {
  const products = inputs.map((x, i) => clean(x * (weights[i] ?? 0)));
  const sum = weightedSum(inputs, weights);
  const a = clean(sum - theta);
  const comparison: Comparison = sum > theta ? '>' : sum === theta ? '=' : '<';
  return { products, sum, theta, a, comparison, fires: sum > theta, activation, output: activate(activation, a) };
}

/**
 * The points to draw h on [min, max]: the step function as its two flat pieces joined at a = 0
 * (exact corners, no slanted segment); the others sampled at `count` evenly spaced points.
 */
export function plotPoints(kind: Activation, min: number, max: number, count: number): [number, number][] {
  if (kind === 'step' && min < 0 && max > 0) return [[min, 0], [0, 0], [0, 1], [max, 1]];
  return sampleFunction(kind, min, max, count);
}

/** Samples h on [min, max] at `count` evenly spaced points (both ends included), for a chart. */
export function sampleFunction(kind: Activation, min: number, max: number, count: number): [number, number][] {
  const n = Math.max(2, Math.floor(count));
  const points: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const x = clean(min + ((max - min) * i) / (n - 1));
    points.push([x, activate(kind, x)]);
  }
  return points;
}
