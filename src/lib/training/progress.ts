/** Pure arithmetic behind the training progress display: ETA, smoothing, chart scales. */
import { DECK_FIT } from '../training-plan.ts';

export interface RunPosition {
  readonly epochs: number;
  readonly batchesPerEpoch: number;
  /** 0-based epoch in progress. */
  readonly epoch: number;
  /** Batches finished in that epoch. */
  readonly batch: number;
}

/** Steps (batches) finished since the start of the run, out of all steps of the run. */
export function stepsDone(p: RunPosition): { done: number; total: number } {
  return { done: p.epoch * p.batchesPerEpoch + p.batch, total: p.epochs * p.batchesPerEpoch };
}

/**
 * Remaining seconds, from the pace measured in this session: `steps` finished in `seconds` of
 * wall time (validation included, so the estimate covers it too). Undefined until a few steps
 * give a usable pace.
 */
export function remainingSeconds(p: RunPosition, measured: { steps: number; seconds: number }, minSteps = 3): number | undefined {
  if (measured.steps < minSteps || measured.seconds <= 0) return undefined;
  const { done, total } = stepsDone(p);
  return ((total - done) * measured.seconds) / measured.steps;
}

/** 3725 → "1:02:05", 65 → "1:05". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** Exponential moving average with bias correction (as TensorBoard smooths curves). */
export function smooth(values: readonly number[], weight = 0.9): number[] {
  let last = 0;
  return values.map((v, i) => {
    last = last * weight + (1 - weight) * v;
    return last / (1 - weight ** (i + 1));
  });
}

/** About `count` round tick values covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max === min) return [min];
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Maps [d0, d1] onto [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/**
 * The learner's choice of run length. The deck's run is DECK_FIT (its epochs, batch size and
 * validation share) over all the training images; anything else is a deviation the page labels
 * as such.
 */
export function isDeckConfig(c: { epochs: number; trainLimit: number | null; batchSize: number; validationSplit: number }): boolean {
  return c.epochs === DECK_FIT.epochs && c.trainLimit === null && c.batchSize === DECK_FIT.batchSize && c.validationSplit === DECK_FIT.validationSplit;
}
