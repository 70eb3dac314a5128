/**
 * A `tf.profile` of one training step, boiled down to the kernels that took the time: summed by
 * kernel name, largest first, with each one's share of the step's kernel time. Pure: the page
 * (src/site/bench.ts) hands in what tfjs measured.
 */

/** One kernel call as tf.profile reports it: its time, or why there is none. */
export interface KernelCall {
  readonly name: string;
  /** Milliseconds, or null where the backend gave no number (an error object, a missing timer). */
  readonly ms: number | null;
}

export interface KernelTotal {
  readonly name: string;
  readonly ms: number;
  readonly calls: number;
  /** Share of the summed kernel time of the step, 0..1. */
  readonly share: number;
}

export interface ProfileSummary {
  /** Sum of every timed kernel call of the step. */
  readonly totalMs: number;
  readonly calls: number;
  /** Calls without a time. */
  readonly untimed: number;
  /** The kernels by summed time, largest first (all of them: cut with `top`). */
  readonly kernels: readonly KernelTotal[];
}

/** Reads tf.profile's `kernelTimeMs` (a number, or `{ error }` where the backend cannot time). */
export function kernelMs(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function summarizeProfile(calls: readonly KernelCall[]): ProfileSummary {
  const byName = new Map<string, { ms: number; calls: number }>();
  let totalMs = 0;
  let untimed = 0;
  for (const c of calls) {
    const entry = byName.get(c.name) ?? { ms: 0, calls: 0 };
    entry.calls++;
    if (c.ms === null) untimed++;
    else {
      entry.ms += c.ms;
      totalMs += c.ms;
    }
    byName.set(c.name, entry);
  }
  const kernels = [...byName.entries()]
    .map(([name, e]) => ({ name, ms: e.ms, calls: e.calls, share: totalMs > 0 ? e.ms / totalMs : 0 }))
    .sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name));
  return { totalMs, calls: calls.length, untimed, kernels };
}

/** The first `n` kernels by time. */
export function top(summary: ProfileSummary, n: number): readonly KernelTotal[] {
  return summary.kernels.slice(0, n);
}
