/**
 * Dropout on the 1,600 flattened units (lesson 3-6), as a TypeScript reference: a random mask
 * per training step from a seeded generator (so a step number always gives the same mask), the
 * survivors scaled by 1 / (1 − rate), and nothing done at inference. Pure: no DOM, no tfjs
 * (mask-tf.ts applies the same mask with tfjs).
 */
import { mulberry32 } from '../training/random.ts';

/** The flattened units of the course's CNN (5 × 5 × 64) and the side of the grid they are drawn in. */
export const UNITS = 1600;
export const GRID_SIDE = 40;
/** The model's rate, and the range the demo accepts. */
export const DEFAULT_RATE = 0.5;
export const MIN_RATE = 0;
export const MAX_RATE = 0.9;
/** The seed every step's mask is drawn from. */
export const MASK_SEED = 2026;

export type DropoutMode = 'training' | 'inference';

/** The generator's seed for one step: the same step always gives the same mask. */
export function stepSeed(step: number, seed = MASK_SEED): number {
  return (seed ^ Math.imul(step + 1, 0x9e3779b1)) >>> 0;
}

/**
 * The mask of one training step: 1 keeps a unit, 0 drops it. Each unit is dropped with
 * probability `rate`, independently (a uniform draw below the rate drops it).
 */
export function dropoutMask(step: number, rate: number, units = UNITS, seed = MASK_SEED): Uint8Array {
  const next = mulberry32(stepSeed(step, seed));
  const mask = new Uint8Array(units);
  for (let i = 0; i < units; i++) mask[i] = next() < rate ? 0 : 1;
  return mask;
}

/** What the survivors are multiplied by in training: 1 / (1 − rate). */
export function keepScale(rate: number): number {
  return 1 / (1 - rate);
}

/** The mask in effect: a step's random mask in training, every unit kept at inference. */
export function maskFor(mode: DropoutMode, step: number, rate: number, units = UNITS): Uint8Array {
  return mode === 'training' ? dropoutMask(step, rate, units) : new Uint8Array(units).fill(1);
}

/** The factor in effect: 1 / (1 − rate) in training, 1 at inference. */
export function scaleFor(mode: DropoutMode, rate: number): number {
  return mode === 'training' ? keepScale(rate) : 1;
}

/** The reference: output_i = mask_i · value_i · scale. */
export function applyDropout(values: ArrayLike<number>, mask: ArrayLike<number>, scale: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (mask[i] ?? 0) === 0 ? 0 : (values[i] ?? 0) * scale;
  return out;
}

export interface DropoutSummary {
  readonly kept: number;
  readonly dropped: number;
  readonly sumBefore: number;
  readonly sumAfter: number;
}

export function summarise(values: ArrayLike<number>, mask: ArrayLike<number>, output: ArrayLike<number>): DropoutSummary {
  let kept = 0;
  let sumBefore = 0;
  let sumAfter = 0;
  for (let i = 0; i < values.length; i++) {
    if ((mask[i] ?? 0) !== 0) kept += 1;
    sumBefore += values[i] ?? 0;
    sumAfter += output[i] ?? 0;
  }
  return { kept, dropped: values.length - kept, sumBefore, sumAfter };
}

/**
 * The sum after dropout averaged over `count` training steps from `fromStep` on: close to the
 * sum before, which is why the survivors are scaled (the expected value of each unit is kept).
 */
export function averageSumAfter(values: ArrayLike<number>, rate: number, fromStep: number, count: number): number {
  if (count <= 0) return NaN;
  const scale = keepScale(rate);
  let total = 0;
  for (let s = fromStep; s < fromStep + count; s++) {
    const mask = dropoutMask(s, rate, values.length);
    for (let i = 0; i < values.length; i++) if (mask[i] === 1) total += (values[i] ?? 0) * scale;
  }
  return total / count;
}

/** Row and column of unit i in the 40 × 40 grid, and its (r, c, k) in the 5 × 5 × 64 activations. */
export function unitPlace(i: number): { row: number; col: number; r: number; c: number; k: number } {
  const k = i % 64;
  const rc = Math.floor(i / 64);
  return { row: Math.floor(i / GRID_SIDE), col: i % GRID_SIDE, r: Math.floor(rc / 5), c: rc % 5, k };
}
