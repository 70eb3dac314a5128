/**
 * The regression demo's state machine: the points, the line (a, b), the learning rate, the
 * selected point, and a gradient-descent run fed chunk by chunk. The island holds it with
 * useReducer and only dispatches. Pure: no DOM, no tfjs.
 */
import { closedForm, DOMAIN, gradient, inParamRange, lossQt, type FitRefusal, type Point } from './fit.ts';
import { judgeChunk, type Divergence, type RunProgress } from './divergence.ts';
import { MAX_POINTS, regressionSettings, type RegressionSettings } from './url.ts';

/** A run stops here if it has not converged (a tiny learning rate creeps). */
export const MAX_STEPS = 5000;
/** Converged when the gradient of Q_t is this small: within about 1e-3 of the minimum on the example. */
export const CONVERGED_GRADIENT = 1e-3;
/** Points sit on a 0.1 grid: readable coordinates and short links. */
export const GRID = 0.1;
/** Arrow keys move a point by GRID; with Shift by this. */
export const BIG_MOVE = 1;

export interface LearningRun {
  /** Chunks of an earlier run (stopped, then restarted) are ignored by id. */
  readonly id: number;
  readonly progress: RunProgress;
  readonly steps: number;
  /** The parameters with the lowest Q_t seen at a chunk's end (or the start): kept if it diverges. */
  readonly best: { readonly a: number; readonly b: number; readonly q: number };
}

export type Outcome =
  | { readonly kind: 'fit' }
  | { readonly kind: 'fit-refused'; readonly reason: FitRefusal }
  | { readonly kind: 'converged'; readonly steps: number }
  | { readonly kind: 'stopped'; readonly steps: number }
  | { readonly kind: 'cancelled'; readonly steps: number }
  | { readonly kind: 'diverged'; readonly reason: Divergence; readonly steps: number }
  | { readonly kind: 'full' };

export interface RegressionState {
  readonly points: readonly Point[];
  readonly a: number;
  readonly b: number;
  readonly lr: number;
  readonly selected: number | null;
  readonly learning: LearningRun | null;
  readonly outcome: Outcome | null;
  /** Q_t of the current or last run, step by step. */
  readonly losses: readonly number[];
  readonly nextRun: number;
}

export type RegressionEvent =
  | { readonly type: 'load'; readonly settings: RegressionSettings }
  | { readonly type: 'add'; readonly x: number; readonly y: number }
  | { readonly type: 'add-free' }
  | { readonly type: 'move'; readonly index: number; readonly x: number; readonly y: number }
  | { readonly type: 'nudge'; readonly index: number; readonly dx: number; readonly dy: number }
  | { readonly type: 'remove'; readonly index: number }
  | { readonly type: 'select'; readonly index: number | null }
  | { readonly type: 'set-a'; readonly a: number }
  | { readonly type: 'set-b'; readonly b: number }
  | { readonly type: 'set-lr'; readonly lr: number }
  | { readonly type: 'best-fit' }
  | { readonly type: 'learn' }
  | { readonly type: 'chunk'; readonly run: number; readonly a: number; readonly b: number; readonly losses: readonly number[] }
  | { readonly type: 'stop' }
  | { readonly type: 'reset' };

export function initialState(settings: RegressionSettings = regressionSettings.defaults): RegressionState {
  return { points: settings.pts, a: settings.a, b: settings.b, lr: settings.lr, selected: null, learning: null, outcome: null, losses: [], nextRun: 1 };
}

/** What goes into the URL. */
export function settingsOf(s: RegressionState): RegressionSettings {
  return { pts: s.points, a: s.a, b: s.b, lr: s.lr };
}

/** A coordinate on the grid, inside the plot. */
export function snap(v: number): number {
  const clamped = Math.min(DOMAIN.max, Math.max(DOMAIN.min, Number.isFinite(v) ? v : DOMAIN.min));
  // toFixed: the nearest double to the decimal (2.3, not 2.3000000000000003).
  return Number((Math.round(clamped / GRID) * GRID).toFixed(1));
}

/** Where "add a point" (by keyboard) puts one: the first grid spot near the middle that is free. */
export function freeSpot(points: readonly Point[]): Point {
  const taken = (x: number, y: number) => points.some((p) => Math.abs(p.x - x) < GRID / 2 && Math.abs(p.y - y) < GRID / 2);
  for (let k = 0; k < 200; k++) {
    const x = snap(5 + (k % 10) * 0.5 - 2);
    const y = snap(5 + Math.floor(k / 10) * 0.5);
    if (!taken(x, y)) return { x, y };
  }
  return { x: 5, y: 5 };
}

/** Editing the data or the line ends a run in progress (its tensors hold the old data). */
function edited(s: RegressionState, patch: Partial<RegressionState>): RegressionState {
  return { ...s, learning: null, outcome: null, ...patch };
}

function withPoint(points: readonly Point[], index: number, p: Point): readonly Point[] {
  return points.map((q, i) => (i === index ? p : q));
}

export function reduce(s: RegressionState, e: RegressionEvent): RegressionState {
  switch (e.type) {
    case 'load':
      return { ...initialState(e.settings), nextRun: s.nextRun };
    case 'add':
    case 'add-free': {
      if (s.points.length >= MAX_POINTS) return { ...s, outcome: { kind: 'full' } };
      const p = e.type === 'add' ? { x: snap(e.x), y: snap(e.y) } : freeSpot(s.points);
      return edited(s, { points: [...s.points, p], selected: s.points.length });
    }
    case 'move':
    case 'nudge': {
      const old = s.points[e.index];
      if (!old) return s;
      const p = e.type === 'move' ? { x: snap(e.x), y: snap(e.y) } : { x: snap(old.x + e.dx), y: snap(old.y + e.dy) };
      if (p.x === old.x && p.y === old.y) return s.selected === e.index ? s : { ...s, selected: e.index };
      return edited(s, { points: withPoint(s.points, e.index, p), selected: e.index });
    }
    case 'remove': {
      if (!s.points[e.index]) return s;
      const points = s.points.filter((_, i) => i !== e.index);
      const selected = points.length === 0 ? null : Math.min(e.index, points.length - 1);
      return edited(s, { points, selected });
    }
    case 'select':
      return { ...s, selected: e.index !== null && s.points[e.index] ? e.index : null };
    case 'set-a':
      return inParamRange(e.a) ? edited(s, { a: e.a }) : s;
    case 'set-b':
      return inParamRange(e.b) ? edited(s, { b: e.b }) : s;
    case 'set-lr':
      return Number.isFinite(e.lr) && e.lr > 0 ? edited(s, { lr: e.lr }) : s;
    case 'best-fit': {
      const fit = closedForm(s.points);
      if (!fit.ok) return edited(s, { outcome: { kind: 'fit-refused', reason: fit.reason } });
      return edited(s, { a: fit.a, b: fit.b, outcome: { kind: 'fit' } });
    }
    case 'learn': {
      if (s.points.length === 0) return edited(s, { outcome: { kind: 'fit-refused', reason: 'too-few' } });
      const q = lossQt(s.points, s.a, s.b);
      const learning: LearningRun = { id: s.nextRun, progress: { startQ: q, rises: 0 }, steps: 0, best: { a: s.a, b: s.b, q } };
      return { ...s, learning, outcome: null, losses: [q], nextRun: s.nextRun + 1 };
    }
    case 'chunk': {
      const run = s.learning;
      if (!run || run.id !== e.run) return s;
      const steps = run.steps + Math.max(0, e.losses.length - 1);
      const verdict = judgeChunk(run.progress, e.losses, e.a, e.b);
      if (!verdict.ok) {
        // The last good parameters stay: never a NaN or a runaway line on screen.
        return { ...s, a: run.best.a, b: run.best.b, learning: null, outcome: { kind: 'diverged', reason: verdict.reason, steps } };
      }
      const q = e.losses[e.losses.length - 1] ?? run.best.q;
      const best = q <= run.best.q ? { a: e.a, b: e.b, q } : run.best;
      const losses = [...s.losses, ...e.losses.slice(1)];
      const g = gradient(s.points, e.a, e.b);
      if (Math.hypot(g.da, g.db) <= CONVERGED_GRADIENT) return { ...s, a: e.a, b: e.b, losses, learning: null, outcome: { kind: 'converged', steps } };
      if (steps >= MAX_STEPS) return { ...s, a: e.a, b: e.b, losses, learning: null, outcome: { kind: 'stopped', steps } };
      return { ...s, a: e.a, b: e.b, losses, learning: { ...run, progress: verdict.progress, steps, best } };
    }
    case 'stop':
      return s.learning ? { ...s, learning: null, outcome: { kind: 'cancelled', steps: s.learning.steps } } : s;
    case 'reset':
      return { ...initialState(), nextRun: s.nextRun };
  }
}

/** How many steps the next chunk may take. */
export function chunkSteps(run: LearningRun, perChunk: number): number {
  return Math.max(1, Math.min(perChunk, MAX_STEPS - run.steps));
}
