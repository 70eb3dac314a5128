/**
 * The training demo's state machine (lesson 1-4): parameters, the loss history, the learning
 * rate, whether a run is going, and why the last one ended. The island dispatches the learner's
 * actions and the trainer's chunks; everything it shows is read from here. Divergence — a loss
 * that is not finite or climbs well above the best so far, or parameters that leave their range —
 * is detected here, and the last good parameters are kept. Pure: no DOM.
 */
import { allFinite, HAND_SET, loss, maxAbsParam, randomParams, type Example, type XoParams } from './network.ts';
import { DEFAULT_RATE, WEIGHT } from './url.ts';

/** Steps one press of "train" runs. */
export const RUN_STEPS = 300;
/** Steps per animation frame. */
export const STEPS_PER_FRAME = 10;
/** Steps per frame for a learner who asks for reduced motion: fewer, larger updates of the pictures. */
export const STEPS_PER_FRAME_REDUCED = 50;
/** A loss above best × GROWTH + SLACK counts as growing. */
export const GROWTH = 1.5;
export const SLACK = 0.05;

export type Divergence = 'not-finite' | 'grew' | 'too-large';
export type Notice = { readonly kind: 'done'; readonly steps: number } | { readonly kind: 'diverged'; readonly why: Divergence; readonly rate: number } | { readonly kind: 'failed'; readonly message: string } | { readonly kind: 'stopped' } | null;

export interface TrainState {
  readonly params: XoParams;
  readonly rate: number;
  /** Loss after each accepted step since the last reset; losses[0] is the start's loss. */
  readonly losses: readonly number[];
  readonly phase: 'idle' | 'running';
  /** Steps accepted in the current run. */
  readonly runSteps: number;
  readonly notice: Notice;
  /** Seed of the next random start (the learner's presses give new starts, reproducibly). */
  readonly seed: number;
}

export type TrainEvent =
  | { readonly type: 'load'; readonly params: XoParams; readonly rate: number }
  | { readonly type: 'edit'; readonly params: XoParams }
  | { readonly type: 'rate'; readonly rate: number }
  | { readonly type: 'start' }
  | { readonly type: 'chunk'; readonly losses: readonly number[]; readonly params: XoParams }
  | { readonly type: 'stop' }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'reset' }
  | { readonly type: 'random' };

export function initialTrainState(data: readonly Example[], params: XoParams = HAND_SET, rate = DEFAULT_RATE): TrainState {
  return { params, rate, losses: [loss(params, data)], phase: 'idle', runSteps: 0, notice: null, seed: 1 };
}

/** Whether a chunk diverged, given the best loss before it. */
export function divergence(best: number, losses: readonly number[], params: XoParams): Divergence | null {
  if (!losses.every(Number.isFinite) || !allFinite(params)) return 'not-finite';
  if (maxAbsParam(params) > WEIGHT.max) return 'too-large';
  if (losses.some((l) => l > best * GROWTH + SLACK)) return 'grew';
  return null;
}

const fresh = (s: TrainState, data: readonly Example[], params: XoParams): TrainState => ({ ...s, params, losses: [loss(params, data)], runSteps: 0, notice: null });

/** The reducer; `data` is the training set (the start's loss is computed from it). */
export function reduceTrain(data: readonly Example[]) {
  return (s: TrainState, e: TrainEvent): TrainState => {
    switch (e.type) {
      case 'load':
        return { ...fresh(s, data, e.params), rate: e.rate };
      case 'edit':
        return s.phase === 'idle' ? fresh(s, data, e.params) : s;
      case 'rate':
        return { ...s, rate: e.rate };
      case 'start':
        return s.phase === 'idle' ? { ...s, phase: 'running', runSteps: 0, notice: null } : s;
      case 'chunk': {
        if (s.phase !== 'running') return s;
        const why = divergence(Math.min(...s.losses), e.losses, e.params);
        if (why) return { ...s, phase: 'idle', notice: { kind: 'diverged', why, rate: s.rate } };
        const runSteps = s.runSteps + e.losses.length;
        const done = runSteps >= RUN_STEPS;
        return { ...s, params: e.params, losses: [...s.losses, ...e.losses], runSteps, phase: done ? 'idle' : 'running', notice: done ? { kind: 'done', steps: runSteps } : null };
      }
      case 'stop':
        return s.phase === 'running' ? { ...s, phase: 'idle', notice: { kind: 'stopped' } } : s;
      case 'failed':
        return { ...s, phase: 'idle', notice: { kind: 'failed', message: e.message } };
      case 'reset':
        return s.phase === 'idle' ? fresh(s, data, HAND_SET) : s;
      case 'random':
        return s.phase === 'idle' ? { ...fresh(s, data, randomParams(s.seed)), seed: s.seed + 1 } : s;
    }
  };
}

/** Steps taken since the last reset (the loss chart's x axis). */
export const stepsTaken = (s: TrainState): number => s.losses.length - 1;
/** The latest loss. */
export const currentLoss = (s: TrainState): number => s.losses[s.losses.length - 1] ?? Number.NaN;
/** How many steps the next chunk should run. */
export const nextChunk = (s: TrainState, perFrame = STEPS_PER_FRAME): number => Math.max(0, Math.min(perFrame, RUN_STEPS - s.runSteps));
