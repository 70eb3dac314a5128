/**
 * "Predict again, at most every N ms, one at a time": the drawing lesson asks for a prediction
 * on every change of the drawing, and this runs the latest one as soon as the previous finished
 * and the interval has passed. Clock and timers are injected, so it is unit-tested without a page.
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Throttle {
  /** The input changed: run again (now, or once the interval has passed). */
  request(): void;
  /** A change is waiting that the last run did not see. */
  pending(): boolean;
  dispose(): void;
}

export function createThrottle(interval: number, run: () => Promise<void>, clock: Clock): Throttle {
  let dirty = false;
  let inflight = false;
  let disposed = false;
  let timer: unknown;
  let last = -Infinity;

  const tick = () => {
    timer = undefined;
    if (disposed || !dirty || inflight) return;
    dirty = false;
    inflight = true;
    last = clock.now();
    void run()
      .catch(() => undefined)
      .finally(() => {
        inflight = false;
        if (dirty) schedule();
      });
  };
  const schedule = () => {
    if (timer !== undefined || disposed) return;
    timer = clock.setTimeout(tick, Math.max(0, last + interval - clock.now()));
  };
  return {
    request() {
      dirty = true;
      schedule();
    },
    pending: () => dirty,
    dispose() {
      disposed = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    },
  };
}
