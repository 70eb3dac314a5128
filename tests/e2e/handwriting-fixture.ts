/**
 * The end-to-end tests' handwriting (issue #16): a digit in a style the shipped model misreads,
 * found and checked with the real model and the page's own drawing pipeline by
 * scripts/find-misread.ts (rerun it after retraining the shipped model or changing the
 * preprocessing or FINE_TUNE_DEFAULTS).
 */
import type { Path } from './draw-helpers.ts';

/**
 * A continental 1: a long flag from the left and a straight stem, no base. MNIST's writers
 * drew plain strokes, and the shipped model reads this as a 7 (84–100 % at each placement).
 * Placements (left, top, width, height as fractions of the canvas): the first five are collected,
 * the last is drawn after the fine-tune to check it (a smaller digit than the others, so with
 * relatively thicker strokes after scaling).
 */
export const MISREAD: {
  readonly label: number;
  readonly shippedSays: number;
  readonly strokes: readonly Path[];
  readonly placements: readonly (readonly [number, number, number, number])[];
} = {
  label: 1,
  shippedSays: 7,
  strokes: [[[0, 0.3], [0.6, 0], [0.6, 1]]],
  placements: [
    [0.25, 0.1, 0.5, 0.8],
    [0.08, 0.08, 0.45, 0.6],
    [0.45, 0.3, 0.45, 0.6],
    [0.2, 0.2, 0.6, 0.7],
    [0.3, 0.05, 0.4, 0.55],
    [0.6, 0.55, 0.3, 0.4],
  ],
};

/**
 * A learning rate the learner may type (≤ LR_MAX) that makes a fine-tune with the other defaults
 * collapse on MNIST: the sample fell by 80–89 points in six runs (the loss stayed finite, so it is
 * a 'collapsed' verdict, not a DivergedError). 0.05 is not reliable: once it lost only 6.6 points.
 */
export const COLLAPSING_LR = 0.1;
