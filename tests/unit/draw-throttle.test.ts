import { describe, expect, it } from 'vitest';
import { createThrottle, type Clock } from '../../src/lib/draw/throttle.ts';

/** A clock whose time and timers move only when the test says so. */
function fakeClock() {
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const t = { at: now + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimeout: (h) => {
      const i = timers.indexOf(h as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  const advance = async (ms: number) => {
    const flush = async () => {
      for (let i = 0; i < 10; i++) await Promise.resolve();
    };
    const end = now + ms;
    for (;;) {
      await flush();
      const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers.splice(timers.indexOf(due), 1);
      now = Math.max(now, due.at);
      due.fn();
    }
    now = end;
  };
  return { clock, advance, pendingTimers: () => timers.length };
}

describe('the prediction throttle', () => {
  it('runs at once, then at most once per interval, always on the latest change', async () => {
    const { clock, advance } = fakeClock();
    const runs: number[] = [];
    const th = createThrottle(150, () => {
      runs.push(clock.now());
      return Promise.resolve();
    }, clock);
    th.request();
    await advance(0);
    expect(runs).toEqual([0]);
    for (let i = 0; i < 10; i++) {
      th.request();
      await advance(10);
    }
    // Ten changes in 100 ms: one more run, at 150 ms, not ten.
    await advance(100);
    expect(runs).toEqual([0, 150]);
    expect(th.pending()).toBe(false);
  });

  it('never runs two at once: a change during a run waits for it, then runs once', async () => {
    const { clock, advance } = fakeClock();
    let finish: () => void = () => undefined;
    let running = 0;
    let most = 0;
    let count = 0;
    const th = createThrottle(0, () => {
      running++;
      count++;
      most = Math.max(most, running);
      return new Promise<void>((resolve) => {
        finish = () => {
          running--;
          resolve();
        };
      });
    }, clock);
    th.request();
    await advance(0);
    th.request();
    th.request();
    await advance(50);
    expect(count).toBe(1);
    expect(th.pending()).toBe(true);
    finish();
    await advance(0);
    expect(count).toBe(2);
    finish();
    await advance(0);
    expect(most).toBe(1);
    expect(th.pending()).toBe(false);
  });

  it('keeps going after a failed run, and stops for good when disposed', async () => {
    const { clock, advance, pendingTimers } = fakeClock();
    let count = 0;
    const th = createThrottle(100, () => {
      count++;
      return Promise.reject(new Error('lost'));
    }, clock);
    th.request();
    await advance(0);
    th.request();
    await advance(100);
    expect(count).toBe(2);
    th.request();
    th.dispose();
    await advance(500);
    expect(count).toBe(2);
    expect(pendingTimers()).toBe(0);
  });
});
