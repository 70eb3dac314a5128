/**
 * The 1-D loss of lesson 3-9, L(w) = a·(w − w*)², and plain gradient descent on it. Its second
 * derivative is constant, L'' = 2a, so each step multiplies the distance to the minimum by
 * r = 1 − η·L'' = 1 − 2aη: the point settles for |r| < 1 and runs away for |r| > 1, that is
 * when η exceeds 2 / L'' = 1 / a (the divergence threshold the lesson names). Pure: no DOM.
 */

export interface Curve {
  /** L(w) = a·(w − w*)². */
  readonly a: number;
  readonly wStar: number;
}

/** The lesson's worked example: L(w) = (w − 3)². */
export const LESSON_CURVE: Curve = { a: 1, wStar: 3 };

export const lossAt = (c: Curve, w: number): number => c.a * (w - c.wStar) ** 2;
export const gradientAt = (c: Curve, w: number): number => 2 * c.a * (w - c.wStar);
/** L'' (constant for a parabola). */
export const curvatureOf = (c: Curve): number => 2 * c.a;

/** The learning rate above which gradient descent diverges: 2 / L''. */
export function divergenceThreshold(c: Curve): number {
  return 2 / curvatureOf(c);
}

/** What one step multiplies w − w* by: 1 − η·L''. */
export function stepFactor(c: Curve, lr: number): number {
  return 1 - lr * curvatureOf(c);
}

/** One step of gradient descent: w, its gradient, the update η·∂L/∂w, the new w and both losses. */
export interface Step {
  readonly w: number;
  readonly loss: number;
  readonly gradient: number;
  readonly update: number;
  readonly next: number;
  readonly nextLoss: number;
}

export function stepFrom(c: Curve, w: number, lr: number): Step {
  const gradient = gradientAt(c, w);
  const update = lr * gradient;
  const next = w - update;
  return { w, loss: lossAt(c, w), gradient, update, next, nextLoss: lossAt(c, next) };
}

/** The w's of `steps` steps from w0 (steps + 1 values). */
export function descend1d(c: Curve, w0: number, lr: number, steps: number): number[] {
  const ws = [w0];
  let w = w0;
  for (let i = 0; i < steps; i++) {
    w = stepFrom(c, w, lr).next;
    ws.push(w);
  }
  return ws;
}

/** Steps to shrink the distance to the minimum to `fraction` of the start (Infinity when it never does). */
export function stepsToShrink(factor: number, fraction = 0.01): number {
  const r = Math.abs(factor);
  if (r === 0) return 1;
  if (!(r < 1)) return Infinity;
  return Math.ceil(Math.log(fraction) / Math.log(r));
}

/** More steps than this to get within 1% of the minimum is "too slow". */
export const SLOW_STEPS = 50;

/**
 * The verdict for a learning rate:
 *  - slow: the right way, but more than SLOW_STEPS steps to get within 1%;
 *  - good: settles steadily, never jumping over the minimum (0 ≤ r < 1);
 *  - overshoot: jumps across the minimum each step, yet settles (−1 < r < 0);
 *  - edge: exactly at the threshold, it bounces between two points for ever (r = −1);
 *  - diverge: above the threshold, each jump lands farther away (|r| > 1).
 */
export type Verdict = 'slow' | 'good' | 'overshoot' | 'edge' | 'diverge';

export function verdictOf(c: Curve, lr: number): Verdict {
  const r = stepFactor(c, lr);
  if (!Number.isFinite(r) || Math.abs(r) > 1) return 'diverge';
  if (r === -1) return 'edge';
  if (r < 0) return 'overshoot';
  return stepsToShrink(r) > SLOW_STEPS ? 'slow' : 'good';
}
