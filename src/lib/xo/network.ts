/**
 * The ○/× network of lessons 1-3 and 1-4 in plain TypeScript: 9 inputs (a 3×3 picture, row by
 * row), 3 sigmoid hidden neurons, 2 outputs. This is the reference the tfjs code is tested
 * against and what the demos show before any training.
 *
 *   hidden  a_j = Σ_i x_i w_ji − θ_j,   y_j = σ(a_j)
 *   output  z_k = Σ_j y_j w_kj − θ_k    (the lesson's formula: a plain weighted sum)
 *   degree  d_k = σ(z_k)                (z read as a degree between 0 and 1, as the lesson's note says)
 *
 * Pure: no DOM, no tfjs.
 */
import { XO_NETWORK } from '../xo-network.ts';
import { mulberry32 } from '../training/random.ts';

export const INPUTS = XO_NETWORK.inputs;
export const HIDDEN = XO_NETWORK.hidden;
export const OUTPUTS = XO_NETWORK.outputs;
/** Side of the picture: 3 (INPUTS = SIDE²). */
export const SIDE = Math.round(Math.sqrt(INPUTS));

/** The network's parameters, all plain arrays of numbers. */
export interface XoParams {
  /** Hidden weights, HIDDEN rows of INPUTS: w1[j·9 + i] = w_ji (neuron j, input i). */
  readonly w1: readonly number[];
  /** Hidden thresholds θ_j (subtracted). */
  readonly t1: readonly number[];
  /** Output weights, OUTPUTS rows of HIDDEN: w2[k·3 + j] = w_kj. */
  readonly w2: readonly number[];
  /** Output thresholds θ_k (subtracted). */
  readonly t2: readonly number[];
}

/** The lesson's pictures, 1 = ink (row by row). */
export const CIRCLE: readonly number[] = [1, 1, 1, 1, 0, 1, 1, 1, 1];
export const CROSS: readonly number[] = [1, 0, 1, 0, 1, 0, 1, 0, 1];

/**
 * The hand-set weights of lesson 1-3: neuron 1 looks at the centre (x5: 4, θ 2), neuron 2 at the
 * middles of the edges (x2, x4, x6, x8: 1 each, θ 2), neuron 3 at the corners (x1, x3, x7, x9:
 * 1 each, θ 2); ○ = −4·y1 + 4·y2, × = 4·y1 − 4·y2, thresholds 0.
 */
export const HAND_SET: XoParams = {
  w1: [
    0, 0, 0, 0, 4, 0, 0, 0, 0,
    0, 1, 0, 1, 0, 1, 0, 1, 0,
    1, 0, 1, 0, 0, 0, 1, 0, 1,
  ],
  t1: [2, 2, 2],
  w2: [-4, 4, 0, 4, -4, 0],
  t2: [0, 0],
};

export const sigmoid = (a: number): number => 1 / (1 + Math.exp(-a));

export interface Forward {
  /** Hidden sums a_j. */
  readonly a: readonly number[];
  /** Hidden outputs y_j = σ(a_j). */
  readonly y: readonly number[];
  /** Outputs z_k (○, ×). */
  readonly z: readonly number[];
  /** Degrees σ(z_k) in [0, 1] (○, ×). */
  readonly degree: readonly number[];
}

const at = (v: readonly number[], i: number): number => v[i] ?? 0;

/** One picture (INPUTS values) through the network. */
export function forward(p: XoParams, x: readonly number[]): Forward {
  const a = Array.from({ length: HIDDEN }, (_, j) => {
    let s = -at(p.t1, j);
    for (let i = 0; i < INPUTS; i++) s += at(x, i) * at(p.w1, j * INPUTS + i);
    return s;
  });
  const y = a.map(sigmoid);
  const z = Array.from({ length: OUTPUTS }, (_, k) => {
    let s = -at(p.t2, k);
    for (let j = 0; j < HIDDEN; j++) s += at(y, j) * at(p.w2, k * HIDDEN + j);
    return s;
  });
  return { a, y, z, degree: z.map(sigmoid) };
}

/** Which class the outputs pick: 0 = ○, 1 = ×, null on a tie. */
export function decision(f: Forward): 0 | 1 | null {
  const [o, x] = [at(f.z, 0), at(f.z, 1)];
  return o > x ? 0 : x > o ? 1 : null;
}

/** The parameters as one list (w1, t1, w2, t2): 38 numbers. */
export function flatten(p: XoParams): number[] {
  return [...p.w1, ...p.t1, ...p.w2, ...p.t2];
}

export const PARAM_COUNT = HIDDEN * INPUTS + HIDDEN + OUTPUTS * HIDDEN + OUTPUTS;

/** The inverse of flatten (missing numbers read as 0). */
export function unflatten(v: readonly number[]): XoParams {
  const take = (from: number, n: number) => Array.from({ length: n }, (_, i) => at(v, from + i));
  const n1 = HIDDEN * INPUTS;
  return { w1: take(0, n1), t1: take(n1, HIDDEN), w2: take(n1 + HIDDEN, OUTPUTS * HIDDEN), t2: take(n1 + HIDDEN + OUTPUTS * HIDDEN, OUTPUTS) };
}

export function allFinite(p: XoParams): boolean {
  return flatten(p).every(Number.isFinite);
}

export function maxAbsParam(p: XoParams): number {
  return flatten(p).reduce((m, v) => Math.max(m, Math.abs(v)), 0);
}

/** One training example: a picture and its target degrees (○, ×). */
export interface Example {
  readonly x: readonly number[];
  readonly target: readonly number[];
}

/**
 * The loss the demo trains: the squared differences between the degrees and the targets,
 * summed over the two outputs and averaged over the examples (lesson 1-4's measure, per example).
 */
export function loss(p: XoParams, data: readonly Example[]): number {
  if (data.length === 0) return 0;
  let s = 0;
  for (const e of data) {
    const d = forward(p, e.x).degree;
    for (let k = 0; k < OUTPUTS; k++) s += (at(d, k) - at(e.target, k)) ** 2;
  }
  return s / data.length;
}

/** ∂loss/∂parameter for every parameter, by back-propagation (same layout as XoParams). */
export function gradient(p: XoParams, data: readonly Example[]): XoParams {
  const g1 = new Array<number>(HIDDEN * INPUTS).fill(0);
  const gt1 = new Array<number>(HIDDEN).fill(0);
  const g2 = new Array<number>(OUTPUTS * HIDDEN).fill(0);
  const gt2 = new Array<number>(OUTPUTS).fill(0);
  const n = Math.max(1, data.length);
  for (const e of data) {
    const f = forward(p, e.x);
    // d loss / d z_k = 2 (d_k − t_k) d_k (1 − d_k) / n
    const dz = f.degree.map((d, k) => (2 * (d - at(e.target, k)) * d * (1 - d)) / n);
    const dy = new Array<number>(HIDDEN).fill(0);
    for (let k = 0; k < OUTPUTS; k++) {
      const gk = at(dz, k);
      gt2[k] = at(gt2, k) - gk;
      for (let j = 0; j < HIDDEN; j++) {
        g2[k * HIDDEN + j] = at(g2, k * HIDDEN + j) + gk * at(f.y, j);
        dy[j] = at(dy, j) + gk * at(p.w2, k * HIDDEN + j);
      }
    }
    for (let j = 0; j < HIDDEN; j++) {
      const yj = at(f.y, j);
      const da = at(dy, j) * yj * (1 - yj);
      gt1[j] = at(gt1, j) - da;
      for (let i = 0; i < INPUTS; i++) g1[j * INPUTS + i] = at(g1, j * INPUTS + i) + da * at(e.x, i);
    }
  }
  return { w1: g1, t1: gt1, w2: g2, t2: gt2 };
}

/** One step of plain gradient descent on the whole data set: p − rate · ∇loss. */
export function gradientStep(p: XoParams, data: readonly Example[], rate: number): XoParams {
  const g = flatten(gradient(p, data));
  return unflatten(flatten(p).map((v, i) => v - rate * at(g, i)));
}

/** Small random parameters (uniform in ±spread, thresholds 0): a start that knows nothing yet. */
export function randomParams(seed: number, spread = 0.5): XoParams {
  const next = mulberry32(seed);
  const r = () => Number(((next() * 2 - 1) * spread).toFixed(3));
  return {
    w1: Array.from({ length: HIDDEN * INPUTS }, r),
    t1: new Array<number>(HIDDEN).fill(0),
    w2: Array.from({ length: OUTPUTS * HIDDEN }, r),
    t2: new Array<number>(OUTPUTS).fill(0),
  };
}
