import { describe, expect, it } from 'vitest';
import { descend, EXAMPLE_POINTS } from '../../src/lib/regression/fit.ts';
import { chunkSteps, freeSpot, initialState, MAX_STEPS, reduce, settingsOf, snap, type RegressionEvent, type RegressionState } from '../../src/lib/regression/state.ts';
import { MAX_POINTS, regressionSettings } from '../../src/lib/regression/url.ts';

const run = (events: readonly RegressionEvent[], from: RegressionState = initialState()) => events.reduce(reduce, from);

/** Feeds a learning run from the TypeScript reference, chunk by chunk, until the reducer ends it. */
function learn(s0: RegressionState, perChunk = 10): RegressionState {
  let s = reduce(s0, { type: 'learn' });
  for (let guard = 0; s.learning && guard < 10_000; guard++) {
    const r = descend(s.points, s.a, s.b, s.lr, chunkSteps(s.learning, perChunk));
    s = reduce(s, { type: 'chunk', run: s.learning.id, a: r.a, b: r.b, losses: r.losses });
  }
  return s;
}

describe('regression state', () => {
  it('starts from the lesson example and the guess y = x + 1', () => {
    const s = initialState();
    expect(s.points).toEqual(EXAMPLE_POINTS);
    expect([s.a, s.b, s.lr]).toEqual([1, 1, 0.02]);
    expect(settingsOf(s)).toEqual(regressionSettings.defaults);
  });

  it('adds, moves, nudges and removes points on the 0.1 grid inside the plot', () => {
    let s = run([{ type: 'add', x: 7.26, y: 12 }]);
    expect(s.points[4]).toEqual({ x: 7.3, y: 10 });
    expect(s.selected).toBe(4);
    s = run([{ type: 'move', index: 0, x: -3, y: 2.04 }], s);
    expect(s.points[0]).toEqual({ x: 0, y: 2 });
    s = run([{ type: 'nudge', index: 1, dx: 0.1, dy: -0.1 }, { type: 'nudge', index: 1, dx: 0.1, dy: 1 }], s);
    expect(s.points[1]).toEqual({ x: 2.2, y: 3.9 });
    s = run([{ type: 'remove', index: 4 }], s);
    expect(s.points).toHaveLength(4);
    expect(s.selected).toBe(3);
    expect(run([{ type: 'remove', index: 9 }], s)).toBe(s);
    expect(snap(2.3000000000000003)).toBe(2.3);
    expect(snap(NaN)).toBe(0);
  });

  it('puts a keyboard-added point on a free spot and refuses more than MAX_POINTS', () => {
    const s = run([{ type: 'add-free' }, { type: 'add-free' }]);
    expect(s.points[4]).toEqual(freeSpot(EXAMPLE_POINTS));
    expect(s.points[5]).not.toEqual(s.points[4]);
    let full = initialState();
    for (let i = 0; i < MAX_POINTS + 3; i++) full = reduce(full, { type: 'add-free' });
    expect(full.points).toHaveLength(MAX_POINTS);
    expect(full.outcome).toEqual({ kind: 'full' });
  });

  it('"best fit" sets the closed form, or says why not', () => {
    const s = run([{ type: 'best-fit' }]);
    expect(s.a).toBeCloseTo(1.4, 12);
    expect(s.b).toBeCloseTo(0.5, 12);
    expect(s.outcome).toEqual({ kind: 'fit' });
    const one = run([{ type: 'remove', index: 0 }, { type: 'remove', index: 0 }, { type: 'remove', index: 0 }, { type: 'best-fit' }]);
    expect(one.outcome).toEqual({ kind: 'fit-refused', reason: 'too-few' });
    expect([one.a, one.b]).toEqual([1, 1]);
    const same = run([{ type: 'load', settings: { ...regressionSettings.defaults, pts: [{ x: 2, y: 1 }, { x: 2, y: 3 }] } }, { type: 'best-fit' }]);
    expect(same.outcome).toEqual({ kind: 'fit-refused', reason: 'same-x' });
  });

  it('keeps a and b in range and ignores non-finite values', () => {
    const s = run([{ type: 'set-a', a: 2.5 }, { type: 'set-a', a: NaN }, { type: 'set-b', b: Infinity }, { type: 'set-b', b: 5000 }, { type: 'set-lr', lr: -1 }]);
    expect([s.a, s.b, s.lr]).toEqual([2.5, 1, 0.02]);
  });

  it('learning with the default rate converges to the closed form', () => {
    const s = learn(initialState());
    expect(s.learning).toBeNull();
    expect(s.outcome?.kind).toBe('converged');
    expect(s.a).toBeCloseTo(1.4, 3);
    expect(s.b).toBeCloseTo(0.5, 2);
    expect(s.losses[0]).toBe(2);
    expect(s.losses[s.losses.length - 1]).toBeLessThan(0.2 + 1e-5);
    if (s.outcome?.kind === 'converged') expect(s.losses).toHaveLength(s.outcome.steps + 1);
  });

  it('a diverging rate is reported and the last good a, b are kept', () => {
    const s = learn(run([{ type: 'set-lr', lr: 0.05 }]));
    expect(s.outcome).toMatchObject({ kind: 'diverged', reason: 'growing' });
    expect(Number.isFinite(s.a) && Number.isFinite(s.b)).toBe(true);
    expect([s.a, s.b]).toEqual([1, 1]); // Q_t rose from the first step: the start is the best seen
    const wild = learn(run([{ type: 'set-lr', lr: 1 }]), 500);
    expect(wild.outcome?.kind).toBe('diverged');
    expect([wild.a, wild.b]).toEqual([1, 1]);
  });

  it('a tiny rate stops after MAX_STEPS without claiming convergence', () => {
    const s = learn(run([{ type: 'set-lr', lr: 0.0001 }]), 500);
    expect(s.outcome).toEqual({ kind: 'stopped', steps: MAX_STEPS });
  });

  it('ignores chunks of an old run; stop and edits end a run', () => {
    const s = run([{ type: 'learn' }]);
    const id = s.learning?.id ?? -1;
    expect(reduce(s, { type: 'chunk', run: id + 1, a: 9, b: 9, losses: [2, 1] })).toBe(s);
    const stopped = reduce(s, { type: 'stop' });
    expect(stopped.learning).toBeNull();
    expect(stopped.outcome).toEqual({ kind: 'cancelled', steps: 0 });
    expect(reduce(stopped, { type: 'chunk', run: id, a: 9, b: 9, losses: [2, 1] })).toBe(stopped);
    expect(reduce(s, { type: 'nudge', index: 0, dx: 0.1, dy: 0 }).learning).toBeNull();
    expect(reduce(s, { type: 'learn' }).learning?.id).toBe(id + 1);
  });

  it('reset goes back to the example', () => {
    const s = run([{ type: 'add', x: 1, y: 1 }, { type: 'set-a', a: 3 }, { type: 'set-lr', lr: 0.5 }, { type: 'reset' }]);
    expect(settingsOf(s)).toEqual(regressionSettings.defaults);
    expect(s.outcome).toBeNull();
  });
});
