/**
 * The 2-D loss surface of lesson 3-9: an elongated bowl L(x, y) = (cx·x² + cy·y²) / 2, steep
 * across (y) and shallow along (x), the kind of valley where plain gradient descent zigzags.
 * Here are the three optimisers' update rules written out in TypeScript, as the lesson states
 * them; they are the reference the tfjs runs (optimisers-tf.ts) are tested against. Pure.
 */
import { ADAM_DEFAULTS } from '../training-plan.ts';

export interface Surface {
  readonly cx: number;
  readonly cy: number;
}

export const BOWL: Surface = { cx: 1, cy: 10 };
/** The plot's extent: x in [−X, X], y in [−Y, Y] (same scale on both axes). */
export const SURFACE_VIEW = { x: 4, y: 2 } as const;
/** The default start: up the steep side, far along the valley. */
export const DEFAULT_START = { x: -3.5, y: 1.5 } as const;
/** Momentum's μ (the lesson's "about 0.9"). */
export const MOMENTUM = 0.9;
/** Adam with Keras's β1, β2 and ε; only the learning rate is the demo's. */
export const ADAM = { beta1: ADAM_DEFAULTS.beta1, beta2: ADAM_DEFAULTS.beta2, epsilon: ADAM_DEFAULTS.epsilon } as const;

export type Optimiser = 'sgd' | 'momentum' | 'adam';
export const OPTIMISERS: readonly Optimiser[] = ['sgd', 'momentum', 'adam'];

export interface Point2 {
  readonly x: number;
  readonly y: number;
}

export const surfaceLoss = (s: Surface, p: Point2): number => (s.cx * p.x * p.x + s.cy * p.y * p.y) / 2;
export const surfaceGradient = (s: Surface, p: Point2): Point2 => ({ x: s.cx * p.x, y: s.cy * p.y });

/** Plain gradient descent diverges on this bowl above 2 / (the largest curvature). */
export function sgdThreshold(s: Surface): number {
  return 2 / Math.max(s.cx, s.cy);
}

/** Momentum (heavy ball, fixed μ) diverges above 2(1 + μ) / (the largest curvature). */
export function momentumThreshold(s: Surface, mu = MOMENTUM): number {
  return (2 * (1 + mu)) / Math.max(s.cx, s.cy);
}

/** A path: the start and the point after each step (steps + 1 points). */
export type Path = readonly Point2[];

/** w ← w − η g. */
export function sgdPath(s: Surface, start: Point2, lr: number, steps: number): Path {
  const path: Point2[] = [start];
  let p = start;
  for (let i = 0; i < steps; i++) {
    const g = surfaceGradient(s, p);
    p = { x: p.x - lr * g.x, y: p.y - lr * g.y };
    path.push(p);
  }
  return path;
}

/** v ← μv − η g, w ← w + v (the lesson's form). */
export function momentumPath(s: Surface, start: Point2, lr: number, steps: number, mu = MOMENTUM): Path {
  const path: Point2[] = [start];
  let p = start;
  let v = { x: 0, y: 0 };
  for (let i = 0; i < steps; i++) {
    const g = surfaceGradient(s, p);
    v = { x: mu * v.x - lr * g.x, y: mu * v.y - lr * g.y };
    p = { x: p.x + v.x, y: p.y + v.y };
    path.push(p);
  }
  return path;
}

/** m ← β1 m + (1 − β1) g, s ← β2 s + (1 − β2) g², w ← w − η m̂ / (√ŝ + ε), per coordinate. */
export function adamPath(s: Surface, start: Point2, lr: number, steps: number, a = ADAM): Path {
  const path: Point2[] = [start];
  let p = start;
  const m = [0, 0];
  const v = [0, 0];
  for (let t = 1; t <= steps; t++) {
    const g = surfaceGradient(s, p);
    const gs = [g.x, g.y];
    const w = [p.x, p.y];
    for (let i = 0; i < 2; i++) {
      const gi = gs[i] ?? NaN;
      m[i] = a.beta1 * (m[i] ?? 0) + (1 - a.beta1) * gi;
      v[i] = a.beta2 * (v[i] ?? 0) + (1 - a.beta2) * gi * gi;
      const mHat = (m[i] ?? 0) / (1 - a.beta1 ** t);
      const vHat = (v[i] ?? 0) / (1 - a.beta2 ** t);
      w[i] = (w[i] ?? NaN) - (lr * mHat) / (Math.sqrt(vHat) + a.epsilon);
    }
    p = { x: w[0] ?? NaN, y: w[1] ?? NaN };
    path.push(p);
  }
  return path;
}

export function referencePath(kind: Optimiser, s: Surface, start: Point2, lr: number, steps: number): Path {
  return kind === 'sgd' ? sgdPath(s, start, lr, steps) : kind === 'momentum' ? momentumPath(s, start, lr, steps) : adamPath(s, start, lr, steps);
}

/** A point that has run off: not a number, or outside ten times the plot. */
export function runaway(p: Point2): boolean {
  return !Number.isFinite(p.x) || !Number.isFinite(p.y) || Math.abs(p.x) > 10 * SURFACE_VIEW.x || Math.abs(p.y) > 10 * SURFACE_VIEW.y;
}

/** A path whose end has run off. */
export function pathDiverged(path: Path): boolean {
  const end = path.at(-1);
  return end !== undefined && runaway(end);
}

/** Keeps a start point inside the plot. */
export function clampStart(p: Point2): Point2 {
  const clamp = (v: number, m: number) => Math.min(m, Math.max(-m, Math.round(v * 100) / 100));
  return { x: clamp(p.x, SURFACE_VIEW.x), y: clamp(p.y, SURFACE_VIEW.y) };
}

/** The start moved by an arrow key: 0.1 a press (0.5 with Shift). */
export function nudgeStart(p: Point2, key: string, big: boolean): Point2 | null {
  const d = big ? 0.5 : 0.1;
  const moves: Readonly<Record<string, Point2>> = { ArrowLeft: { x: -d, y: 0 }, ArrowRight: { x: d, y: 0 }, ArrowUp: { x: 0, y: d }, ArrowDown: { x: 0, y: -d } };
  const m = moves[key];
  return m ? clampStart({ x: p.x + m.x, y: p.y + m.y }) : null;
}
