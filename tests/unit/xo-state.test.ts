import { describe, expect, it } from 'vitest';
import { CIRCLE, CROSS, HAND_SET, loss, randomParams, unflatten, flatten } from '../../src/lib/xo/network.ts';
import { trainingSet } from '../../src/lib/xo/data.ts';
import { currentLoss, divergence, initialTrainState, nextChunk, reduceTrain, RUN_STEPS, STEPS_PER_FRAME, stepsTaken, type TrainState } from '../../src/lib/xo/train-state.ts';
import { DEFAULT_RATE, forwardSettings, linkParams, paramsOf, trainSettings } from '../../src/lib/xo/url.ts';

const data = trainingSet();
const reduce = reduceTrain(data);
const good = randomParams(2);
const chunk = (losses: number[], params = good) => ({ type: 'chunk' as const, losses, params });

describe('divergence', () => {
  it('accepts a falling or slightly noisy loss', () => {
    expect(divergence(0.5, [0.45, 0.4], good)).toBeNull();
    expect(divergence(0.01, [0.012], good)).toBeNull();
  });
  it('catches a loss that grows, is not finite, or parameters that run away', () => {
    expect(divergence(0.5, [0.9], good)).toBe('grew');
    expect(divergence(0.5, [Number.NaN], good)).toBe('not-finite');
    expect(divergence(0.5, [Number.POSITIVE_INFINITY], good)).toBe('not-finite');
    expect(divergence(0.5, [0.4], unflatten(flatten(good).map((v, i) => (i === 3 ? Number.NaN : v))))).toBe('not-finite');
    expect(divergence(0.5, [0.4], unflatten(flatten(good).map((v, i) => (i === 3 ? 150 : v))))).toBe('too-large');
  });
});

describe('the training reducer', () => {
  const start = initialTrainState(data);
  it('starts from the hand-set weights and their loss', () => {
    expect(start.params).toEqual(HAND_SET);
    expect(start.losses).toEqual([loss(HAND_SET, data)]);
    expect(start.rate).toBe(DEFAULT_RATE);
    expect(stepsTaken(start)).toBe(0);
  });

  it('runs chunks until RUN_STEPS, then stops and says so', () => {
    let s: TrainState = reduce(start, { type: 'start' });
    expect(s.phase).toBe('running');
    expect(nextChunk(s)).toBe(STEPS_PER_FRAME);
    expect(nextChunk({ ...s, runSteps: RUN_STEPS - 3 }, 50)).toBe(3);
    for (let i = 0; i < RUN_STEPS / STEPS_PER_FRAME; i++) s = reduce(s, chunk(new Array<number>(STEPS_PER_FRAME).fill(0.1)));
    expect(s.phase).toBe('idle');
    expect(s.notice).toEqual({ kind: 'done', steps: RUN_STEPS });
    expect(stepsTaken(s)).toBe(RUN_STEPS);
    expect(s.params).toEqual(good);
    expect(currentLoss(s)).toBe(0.1);
    // A chunk arriving after the end is ignored.
    expect(reduce(s, chunk([0.05]))).toBe(s);
  });

  it('keeps the last good parameters when a chunk diverges, and explains why', () => {
    let s = reduce(start, { type: 'rate', rate: 50 });
    s = reduce(s, { type: 'start' });
    s = reduce(s, chunk([0.1, 0.09]));
    const bad = reduce(s, chunk([0.5, Number.NaN], unflatten(new Array<number>(38).fill(Number.NaN))));
    expect(bad.phase).toBe('idle');
    expect(bad.notice).toEqual({ kind: 'diverged', why: 'not-finite', rate: 50 });
    expect(bad.params).toEqual(good);
    expect(bad.losses).toEqual(s.losses);
    expect(bad.losses.every(Number.isFinite)).toBe(true);
  });

  it('stops, refuses edits and resets while running, and resets or randomises when idle', () => {
    const running = reduce(start, { type: 'start' });
    expect(reduce(running, { type: 'edit', params: good })).toBe(running);
    expect(reduce(running, { type: 'reset' })).toBe(running);
    expect(reduce(running, { type: 'start' })).toBe(running);
    const stopped = reduce(running, { type: 'stop' });
    expect(stopped.notice).toEqual({ kind: 'stopped' });
    const edited = reduce(stopped, { type: 'edit', params: good });
    expect(edited.params).toEqual(good);
    expect(edited.losses).toEqual([loss(good, data)]);
    const random = reduce(edited, { type: 'random' });
    expect(random.params).toEqual(randomParams(1));
    expect(reduce(random, { type: 'random' }).params).toEqual(randomParams(2));
    expect(reduce(random, { type: 'reset' }).params).toEqual(HAND_SET);
    const failed = reduce(running, { type: 'failed', message: 'no' });
    expect(failed).toMatchObject({ phase: 'idle', notice: { kind: 'failed', message: 'no' } });
  });
});

describe('the URL state', () => {
  it('defaults to the lesson ○ and the hand-set weights', () => {
    const s = forwardSettings.read('');
    expect(s.grid).toEqual(CIRCLE);
    expect(paramsOf(s)).toEqual(HAND_SET);
    expect(forwardSettings.write(s)).toBe('');
  });

  it('round-trips a picture, parameters and a rate', () => {
    const p = linkParams(randomParams(4, 3));
    const state = { grid: CROSS, ...p, rate: 0.5 };
    const query = trainSettings.write(state, '?backend=cpu');
    expect(query.startsWith('backend=cpu&')).toBe(true);
    expect(trainSettings.read(query)).toEqual(state);
  });

  it('falls back to defaults for garbage, field by field', () => {
    const s = trainSettings.read('?grid=1,1,2,0,0,0,0,0,0&w1=abc&t1=1,2&w2=1,2,3,4,5,1e9&t2=NaN,0&rate=-1');
    expect(s).toEqual(trainSettings.defaults);
    const partly = trainSettings.read('?grid=0,0,0,0,1,0,0,0,0&t1=1,1,1&rate=0x10');
    expect(partly.grid).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(partly.t1).toEqual([1, 1, 1]);
    expect(partly.rate).toBe(DEFAULT_RATE);
  });

  it('writes parameters short and within range', () => {
    expect(linkParams({ ...HAND_SET, t1: [1.234567, -0.00001, 1e9] }).t1).toEqual([1.2346, 0, 100]);
  });
});
