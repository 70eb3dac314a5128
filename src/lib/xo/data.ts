/**
 * The training data of lesson 1-4's demo: the lesson's ○ and ×, and noisy copies of each with one
 * or two cells flipped. ○ and × differ in 5 cells, so a copy with at most 2 flips is still nearer
 * its own picture than the other: no example contradicts another. Seeded: the same seed gives the
 * same set. Pure: no DOM.
 */
import { CIRCLE, CROSS, INPUTS, type Example } from './network.ts';
import { mulberry32 } from '../training/random.ts';

/** Targets (○ degree, × degree). */
export const CIRCLE_TARGET: readonly number[] = [1, 0];
export const CROSS_TARGET: readonly number[] = [0, 1];
/** Noisy copies with two flipped cells, per class (every one-cell flip is in the set too). */
export const TWO_FLIPS_PER_CLASS = 8;
export const DATA_SEED = 2024;

export function flipped(x: readonly number[], cells: readonly number[]): number[] {
  return x.map((v, i) => (cells.includes(i) ? 1 - v : v));
}

/** The originals, each with all INPUTS one-cell flips and `twoFlips` distinct random two-cell flips. */
export function trainingSet(seed = DATA_SEED, twoFlips = TWO_FLIPS_PER_CLASS): Example[] {
  const next = mulberry32(seed);
  const out: Example[] = [];
  for (const [picture, target] of [
    [CIRCLE, CIRCLE_TARGET],
    [CROSS, CROSS_TARGET],
  ] as const) {
    out.push({ x: [...picture], target });
    for (let i = 0; i < INPUTS; i++) out.push({ x: flipped(picture, [i]), target });
    const seen = new Set<string>();
    while (seen.size < Math.min(twoFlips, (INPUTS * (INPUTS - 1)) / 2)) {
      const a = Math.floor(next() * INPUTS);
      const b = Math.floor(next() * INPUTS);
      const key = `${Math.min(a, b)},${Math.max(a, b)}`;
      if (a === b || seen.has(key)) continue;
      seen.add(key);
      out.push({ x: flipped(picture, [a, b]), target });
    }
  }
  return out;
}

/** Cells that differ between two pictures. */
export function hamming(a: readonly number[], b: readonly number[]): number {
  return a.reduce((n, v, i) => n + (v === b[i] ? 0 : 1), 0);
}
