/**
 * The overfitting demo's state machine (lesson 3-6): the polynomial's weights, the training and
 * validation errors after each step, whether regularisation is on, and whether a run is going.
 * The island dispatches the learner's actions and the trainer's chunks. Pure: no DOM.
 */
import { DEGREE, evaluate, meanSquaredError, type OverfitData } from './data.ts';

/** Steps of one whole run (the errors have settled well before). */
export const MAX_STEPS = 600;
/** Steps per animation frame. */
export const STEPS_PER_FRAME = 10;
/** Steps per frame for a learner who asks for reduced motion: fewer, larger updates. */
export const STEPS_PER_FRAME_REDUCED = 100;

export interface OverfitState {
  readonly regularise: boolean;
  readonly phase: 'idle' | 'running' | 'done' | 'failed';
  readonly weights: readonly number[];
  /** Errors before the first step (index 0) and after each step. */
  readonly train: readonly number[];
  readonly validation: readonly number[];
  readonly message?: string | undefined;
  /** Bumped by every reset: a trainer made for an earlier run must not feed this one. */
  readonly run: number;
}

export type OverfitEvent =
  | { readonly type: 'start' }
  | { readonly type: 'pause' }
  | { readonly type: 'reset' }
  | { readonly type: 'regularise'; readonly on: boolean }
  | { readonly type: 'chunk'; readonly run: number; readonly train: readonly number[]; readonly validation: readonly number[]; readonly weights: readonly number[] }
  | { readonly type: 'failed'; readonly message: string };

export function initialOverfit(data: OverfitData, regularise = false, run = 0): OverfitState {
  const weights = new Array<number>(DEGREE + 1).fill(0);
  return { regularise, phase: 'idle', weights, train: [meanSquaredError(weights, data.train)], validation: [meanSquaredError(weights, data.validation)], run };
}

/** Steps taken since the last reset. */
export function stepsTaken(s: OverfitState): number {
  return s.train.length - 1;
}

/** How many steps the next chunk may take. */
export function nextChunk(s: OverfitState, perFrame: number): number {
  return Math.max(0, Math.min(perFrame, MAX_STEPS - stepsTaken(s)));
}

/** Validation error minus training error, now. */
export function gap(s: OverfitState): number {
  return (s.validation.at(-1) ?? NaN) - (s.train.at(-1) ?? NaN);
}

export function reduceOverfit(data: OverfitData) {
  return (s: OverfitState, e: OverfitEvent): OverfitState => {
    switch (e.type) {
      case 'start':
        return s.phase === 'idle' && stepsTaken(s) < MAX_STEPS ? { ...s, phase: 'running' } : s;
      case 'pause':
        return s.phase === 'running' ? { ...s, phase: 'idle' } : s;
      case 'reset':
        return initialOverfit(data, s.regularise, s.run + 1);
      case 'regularise':
        // Another model: start again from zero weights.
        return initialOverfit(data, e.on, s.run + 1);
      case 'chunk': {
        if (e.run !== s.run || s.phase !== 'running') return s;
        const train = [...s.train, ...e.train];
        const validation = [...s.validation, ...e.validation];
        const finite = e.weights.every(Number.isFinite) && e.train.every(Number.isFinite);
        if (!finite) return { ...s, phase: 'failed', message: 'not finite' };
        const next = { ...s, train, validation, weights: e.weights };
        return stepsTaken(next) >= MAX_STEPS ? { ...next, phase: 'done' } : next;
      }
      case 'failed':
        return { ...s, phase: 'failed', message: e.message };
    }
  };
}

/** The fitted curve sampled at `samples` points over [lo, hi], for the plot. */
export function curve(weights: readonly number[], lo: number, hi: number, samples = 161): [number, number][] {
  return Array.from({ length: samples }, (_, i) => {
    const x = lo + ((hi - lo) * i) / (samples - 1);
    return [x, evaluate(weights, x)];
  });
}
