/**
 * Categorical cross-entropy for the 3-8 calculator, computed the way Keras computes it: the
 * prediction is divided by its sum (so it sums to 1), each probability is clipped to
 * [ε, 1 − ε] with ε = 1e-7 (so log 0 never happens), and L = −Σ t_k log y_k against a one-hot
 * label. Pure: no DOM.
 */
import type { NumberSpec } from '../viz/numeric.ts';

/** Keras's backend epsilon: the clip that keeps log away from 0. */
export const EPSILON = 1e-7;
export const CLASSES = 10;
/** A probability field: a number in [0, 1]. */
export const PROBABILITY: NumberSpec = { min: 0, max: 1 };
/** How far from 1 a sum may be and still count as 1 (typed decimals). */
export const SUM_TOLERANCE = 1e-6;

export type PresetName = 'right' | 'unsure' | 'wrong';
export const PRESETS: readonly PresetName[] = ['right', 'unsure', 'wrong'];

/** The class a preset is wrong about: five away from the label (2 → 7, as in the lesson). */
export function wrongClass(label: number): number {
  return (label + 5) % CLASSES;
}

/**
 * Ten probabilities that sum to 1 for a label: confident and right (0.9 on the label), unsure
 * (0.5 on the label, 0.3 on another), confident and wrong (0.95 on another, 0.01 on the label).
 */
export function preset(name: PresetName, label: number): number[] {
  const other = wrongClass(label);
  const [onLabel, onOther, rest] = name === 'right' ? [0.9, 0.02, 0.01] : name === 'unsure' ? [0.5, 0.3, 0.025] : [0.01, 0.95, 0.005];
  return Array.from({ length: CLASSES }, (_, k) => (k === label ? onLabel : k === other ? onOther : rest));
}

/** The one-hot vector of a label: 2 → 0,0,1,0,0,0,0,0,0,0. */
export function oneHot(label: number, classes = CLASSES): number[] {
  return Array.from({ length: classes }, (_, k) => (k === label ? 1 : 0));
}

export interface Term {
  readonly k: number;
  /** t_k: 1 for the label, else 0. */
  readonly t: number;
  /** y_k after normalising. */
  readonly y: number;
  /** y_k after clipping to [ε, 1 − ε]. */
  readonly clipped: number;
  /** Whether clipping changed y_k (it was below ε or above 1 − ε). */
  readonly wasClipped: boolean;
  /** −t_k · log(clipped). */
  readonly value: number;
}

export type CrossEntropy =
  | {
      readonly ok: true;
      /** The sum of the prediction as given. */
      readonly sum: number;
      /** Whether it was divided by its sum (it did not sum to 1). */
      readonly normalised: boolean;
      readonly terms: readonly Term[];
      readonly loss: number;
    }
  /** Nothing to normalise: every probability is 0 (or a value is not a probability). */
  | { readonly ok: false; readonly reason: 'zero-sum' | 'invalid' };

export function clip(y: number, eps = EPSILON): number {
  return Math.min(1 - eps, Math.max(eps, y));
}

/** The cross-entropy of a prediction (any non-negative numbers) against a label. */
export function crossEntropy(prediction: readonly number[], label: number, eps = EPSILON): CrossEntropy {
  if (!prediction.every((y) => Number.isFinite(y) && y >= 0)) return { ok: false, reason: 'invalid' };
  const sum = prediction.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) return { ok: false, reason: 'zero-sum' };
  const normalised = Math.abs(sum - 1) > SUM_TOLERANCE;
  const terms = prediction.map((raw, k): Term => {
    const y = normalised ? raw / sum : raw;
    const clipped = clip(y, eps);
    const t = k === label ? 1 : 0;
    const value = t === 0 ? 0 : -t * Math.log(clipped);
    return { k, t, y, clipped, wasClipped: clipped !== y, value };
  });
  const loss = terms.reduce((a, term) => a + term.value, 0);
  return { ok: true, sum, normalised, terms, loss };
}

/** The prediction divided by its sum (for the "make it sum to 1" button); unchanged if the sum is 0. */
export function normalise(prediction: readonly number[]): number[] {
  const sum = prediction.reduce((a, b) => a + b, 0);
  return sum > 0 ? prediction.map((y) => Math.round((y / sum) * 1e6) / 1e6) : prediction.slice();
}
