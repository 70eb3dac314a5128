/**
 * Is gradient descent getting anywhere? On Q_t (a quadratic bowl) a small enough learning rate
 * makes the loss fall at every step; too large a one makes it overshoot and grow without end.
 * Pure: judged from the numbers a chunk of steps returns.
 */
import { inParamRange } from './fit.ts';

export type Divergence = 'non-finite' | 'growing' | 'out-of-range';

export interface RunProgress {
  /** Q_t when the run started. */
  readonly startQ: number;
  /** Steps in a row (so far) at which Q_t rose. */
  readonly rises: number;
}

/** This many rises in a row: the loss is growing, not wobbling at the bottom. */
export const MAX_RISES = 8;
/** Q_t this many times its starting value (plus one): growing beyond doubt. */
export const GROWTH_FACTOR = 10;

export type Verdict = { readonly ok: true; readonly progress: RunProgress } | { readonly ok: false; readonly reason: Divergence };

/** A rise larger than rounding: float32 on a GPU wobbles at about 1e-7 of the value. */
function rose(previous: number, next: number): boolean {
  return next > previous + 1e-6 * (Math.abs(previous) + 1e-6);
}

/**
 * Judges one chunk: `losses` are Q_t before each step and after the last, `a` and `b` where the
 * chunk ended. Diverged when anything is not a finite number, a or b leave their range, Q_t
 * exceeds GROWTH_FACTOR × (start + 1), or it rose MAX_RISES steps in a row.
 */
export function judgeChunk(progress: RunProgress, losses: readonly number[], a: number, b: number): Verdict {
  let rises = progress.rises;
  for (let i = 0; i < losses.length; i++) {
    const q = losses[i] ?? NaN;
    if (!Number.isFinite(q)) return { ok: false, reason: 'non-finite' };
    if (i === 0) continue;
    rises = rose(losses[i - 1] ?? NaN, q) ? rises + 1 : 0;
    if (q > GROWTH_FACTOR * (progress.startQ + 1) || rises >= MAX_RISES) return { ok: false, reason: 'growing' };
  }
  if (!Number.isFinite(a) || !Number.isFinite(b)) return { ok: false, reason: 'non-finite' };
  if (!inParamRange(a) || !inParamRange(b)) return { ok: false, reason: 'out-of-range' };
  return { ok: true, progress: { startQ: progress.startQ, rises } };
}
