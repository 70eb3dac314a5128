/**
 * The 1-D demo's state: the learning rate and start point (kept in the URL), the steps taken so
 * far, and whether it plays. The island holds it with useReducer; a timer (or, with reduced
 * motion, nothing: play jumps to the end at once) sends `tick`. Pure: no DOM.
 */
import { lossAt, stepFrom, type Curve, type Step } from './curve.ts';

/** w may go where the plot reaches; beyond it the point has left the picture: diverged. */
export const PLOT_W = { min: -3, max: 9 } as const;
/** A run stops after this many steps. */
export const MAX_STEPS = 100;
/** Close enough to the minimum: the loss is below this. */
export const SETTLED_LOSS = 1e-6;

export type Status = 'ready' | 'settled' | 'diverged' | 'limit';

export interface CurveState {
  readonly curve: Curve;
  readonly lr: number;
  readonly w0: number;
  /** Every step taken, oldest first. */
  readonly steps: readonly Step[];
  readonly playing: boolean;
}

export type CurveEvent =
  | { readonly type: 'load'; readonly lr: number; readonly w0: number }
  | { readonly type: 'set-lr'; readonly lr: number }
  | { readonly type: 'set-w0'; readonly w0: number }
  | { readonly type: 'step' }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  /** One step while playing (stops at the end). */
  | { readonly type: 'tick' }
  /** Every remaining step at once (play with reduced motion). */
  | { readonly type: 'run-to-end' }
  | { readonly type: 'reset' };

export function initialCurveState(curve: Curve, lr: number, w0: number): CurveState {
  return { curve, lr, w0, steps: [], playing: false };
}

/** Where the point is now. */
export function currentW(s: CurveState): number {
  return s.steps.at(-1)?.next ?? s.w0;
}

export function currentLoss(s: CurveState): number {
  return lossAt(s.curve, currentW(s));
}

/** Outside the plot, or not a number any more: gone. */
export function hasLeft(w: number): boolean {
  return !Number.isFinite(w) || w < PLOT_W.min || w > PLOT_W.max;
}

export function statusOf(s: CurveState): Status {
  const w = currentW(s);
  if (hasLeft(w)) return 'diverged';
  if (lossAt(s.curve, w) < SETTLED_LOSS) return 'settled';
  if (s.steps.length >= MAX_STEPS) return 'limit';
  return 'ready';
}

function takeStep(s: CurveState): CurveState {
  if (statusOf(s) !== 'ready') return { ...s, playing: false };
  const next = { ...s, steps: [...s.steps, stepFrom(s.curve, currentW(s), s.lr)] };
  return statusOf(next) === 'ready' ? next : { ...next, playing: false };
}

export function reduceCurve(s: CurveState, e: CurveEvent): CurveState {
  switch (e.type) {
    case 'load':
      return initialCurveState(s.curve, e.lr, e.w0);
    case 'set-lr':
      return e.lr === s.lr ? s : { ...s, lr: e.lr, steps: [], playing: false };
    case 'set-w0':
      return e.w0 === s.w0 ? s : { ...s, w0: e.w0, steps: [], playing: false };
    case 'reset':
      return { ...s, steps: [], playing: false };
    case 'step':
      return takeStep({ ...s, playing: false });
    case 'play':
      return statusOf(s) === 'ready' ? { ...s, playing: true } : s;
    case 'pause':
      return { ...s, playing: false };
    case 'tick':
      return s.playing ? takeStep(s) : s;
    case 'run-to-end': {
      let next: CurveState = { ...s, playing: true };
      while (next.playing) next = takeStep(next);
      return next;
    }
  }
}
