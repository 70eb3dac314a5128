/**
 * The few statistics `npm run bench` reports (scripts/bench.ts, src/site/bench.ts): medians and
 * percentiles of timings. Pure: no DOM, no tfjs.
 */

/**
 * The p-th percentile (0–100) of `values`, linearly interpolated between the closest ranks (as
 * numpy's default does); NaN for no values. The input is not reordered.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const clamped = Math.min(100, Math.max(0, p));
  const rank = (clamped / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] ?? NaN;
  const b = sorted[hi] ?? NaN;
  return a + (b - a) * (rank - lo);
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export interface Summary {
  readonly n: number;
  readonly min: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly mean: number;
}

export function summarize(values: readonly number[]): Summary {
  const n = values.length;
  return {
    n,
    min: n ? Math.min(...values) : NaN,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: n ? Math.max(...values) : NaN,
    mean: n ? values.reduce((s, v) => s + v, 0) / n : NaN,
  };
}

/** `slower / faster`: how many times faster the second is; null when either is missing or not positive. */
export function speedup(slowerMs: number | null | undefined, fasterMs: number | null | undefined): number | null {
  if (slowerMs == null || fasterMs == null || !Number.isFinite(slowerMs) || !Number.isFinite(fasterMs)) return null;
  if (slowerMs <= 0 || fasterMs <= 0) return null;
  return slowerMs / fasterMs;
}
