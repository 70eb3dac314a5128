/**
 * The overfitting demo's data (lesson 3-6): a smooth curve, a few noisy training points drawn
 * from it and more noisy validation points, all from a fixed seed, and the polynomial features
 * the model uses. Pure: no DOM, no tfjs.
 */
import { mulberry32 } from '../training/random.ts';

/** The model: a polynomial of this degree (DEGREE + 1 weights). */
export const DEGREE = 9;
/** Training points (as many as the polynomial has weights: it can pass through every one). */
export const TRAIN_POINTS = 10;
/** Validation points: held out, never trained on. */
export const VALIDATION_POINTS = 40;
/** Standard deviation of the measurement noise. */
export const NOISE = 0.2;
/** The seed of the noise and of the points' positions. */
export const SEED = 3;
/** x runs over [-X_RANGE, X_RANGE]. */
export const X_RANGE = 1;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface OverfitData {
  readonly train: readonly Point[];
  readonly validation: readonly Point[];
}

/** The true relation the points are measured from. */
export function truth(x: number): number {
  return Math.sin(Math.PI * x);
}

/** A standard normal number from two uniforms (Box–Muller). */
function gaussian(next: () => number): number {
  const u = Math.max(next(), 1e-12);
  const v = next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * The data set: training points evenly spaced over the range, validation points at random
 * positions, every y = truth(x) + noise. Same seed, same data.
 */
export function makeData(seed = SEED, trainPoints = TRAIN_POINTS, validationPoints = VALIDATION_POINTS, noise = NOISE): OverfitData {
  const next = mulberry32(seed);
  const train = Array.from({ length: trainPoints }, (_, i) => {
    const x = -X_RANGE + (2 * X_RANGE * i) / Math.max(1, trainPoints - 1);
    return { x, y: truth(x) + noise * gaussian(next) };
  });
  const validation = Array.from({ length: validationPoints }, () => {
    const x = -X_RANGE + 2 * X_RANGE * next();
    return { x, y: truth(x) + noise * gaussian(next) };
  });
  return { train, validation };
}

/**
 * The features of x: the Legendre polynomials P₀(x) = 1, P₁(x) = x, …, P_degree(x), by the
 * recurrence (k + 1)·P_{k+1} = (2k + 1)·x·P_k − k·P_{k−1}. Any polynomial of that degree is a sum
 * of them; unlike 1, x, x², … they differ clearly from each other on [−1, 1], so a few hundred
 * steps of Adam bring the fit close to what the degree allows.
 */
export function features(x: number, degree = DEGREE): number[] {
  const out: number[] = [1];
  if (degree >= 1) out.push(x);
  for (let k = 1; k < degree; k++) out.push(((2 * k + 1) * x * (out[k] ?? 0) - k * (out[k - 1] ?? 0)) / (k + 1));
  return out;
}

/** The polynomial with these weights (w[k] multiplies P_k(x)) at x. */
export function evaluate(weights: readonly number[], x: number): number {
  const f = features(x, weights.length - 1);
  let y = 0;
  for (let k = 0; k < weights.length; k++) y += (weights[k] ?? 0) * (f[k] ?? 0);
  return y;
}

/** Mean squared error of the polynomial over the points. */
export function meanSquaredError(weights: readonly number[], points: readonly Point[]): number {
  if (points.length === 0) return NaN;
  let sum = 0;
  for (const p of points) sum += (evaluate(weights, p.x) - p.y) ** 2;
  return sum / points.length;
}
