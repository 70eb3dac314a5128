import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { DEGREE, evaluate, features, makeData, meanSquaredError, TRAIN_POINTS, truth, VALIDATION_POINTS } from '../../src/lib/overfitting/data.ts';
import { createPolyTrainer, L2_LAMBDA, LEARNING_RATE } from '../../src/lib/overfitting/train-tf.ts';
import { curve, gap, initialOverfit, MAX_STEPS, nextChunk, reduceOverfit, stepsTaken } from '../../src/lib/overfitting/state.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const DATA = makeData();

describe('the data and the polynomial', () => {
  it('is the same for the same seed, with points near the curve', () => {
    expect(makeData()).toEqual(DATA);
    expect(makeData(4)).not.toEqual(DATA);
    expect(DATA.train).toHaveLength(TRAIN_POINTS);
    expect(DATA.validation).toHaveLength(VALIDATION_POINTS);
    for (const p of [...DATA.train, ...DATA.validation]) {
      expect(Math.abs(p.x)).toBeLessThanOrEqual(1);
      expect(Math.abs(p.y - truth(p.x))).toBeLessThan(1);
    }
    expect(DATA.train[0]?.x).toBe(-1);
    expect(DATA.train.at(-1)?.x).toBe(1);
  });

  it('uses the Legendre polynomials as features (closed forms of P₀…P₄)', () => {
    for (const x of [-1, -0.3, 0, 0.5, 1]) {
      const f = features(x, 4);
      expect(f[0]).toBe(1);
      expect(f[1]).toBe(x);
      expect(f[2]).toBeCloseTo((3 * x * x - 1) / 2, 12);
      expect(f[3]).toBeCloseTo((5 * x ** 3 - 3 * x) / 2, 12);
      expect(f[4]).toBeCloseTo((35 * x ** 4 - 30 * x * x + 3) / 8, 12);
    }
    expect(features(0.2)).toHaveLength(DEGREE + 1);
    // P_k(1) = 1 for every k.
    expect(features(1).every((v) => Math.abs(v - 1) < 1e-12)).toBe(true);
    expect(evaluate([1, 2, 3], 0.5)).toBeCloseTo(1 + 2 * 0.5 + 3 * ((3 * 0.25 - 1) / 2), 12);
    expect(meanSquaredError([0], [{ x: 0, y: 1 }, { x: 1, y: -3 }])).toBe(5);
  });
});

/** One Adam step in plain TypeScript (tfjs's defaults: β₁ 0.9, β₂ 0.999, ε 1e-7). */
function adamReference(lambda: number, steps: number): number[] {
  const n = DEGREE + 1;
  let w = new Array<number>(n).fill(0);
  let m = new Array<number>(n).fill(0);
  let v = new Array<number>(n).fill(0);
  const X = DATA.train.map((p) => features(p.x));
  for (let t = 1; t <= steps; t++) {
    const g = new Array<number>(n).fill(0);
    DATA.train.forEach((p, j) => {
      const row = X[j] ?? [];
      const r = row.reduce((s, f, k) => s + f * (w[k] ?? 0), 0) - p.y;
      for (let k = 0; k < n; k++) g[k] = (g[k] ?? 0) + (2 / DATA.train.length) * r * (row[k] ?? 0);
    });
    for (let k = 0; k < n; k++) g[k] = (g[k] ?? 0) + 2 * lambda * (w[k] ?? 0);
    m = m.map((mk, k) => 0.9 * mk + 0.1 * (g[k] ?? 0));
    v = v.map((vk, k) => 0.999 * vk + 0.001 * (g[k] ?? 0) ** 2);
    w = w.map((wk, k) => wk - (LEARNING_RATE * ((m[k] ?? 0) / (1 - 0.9 ** t))) / (Math.sqrt((v[k] ?? 0) / (1 - 0.999 ** t)) + 1e-7));
  }
  return w;
}

describe('training with tfjs', () => {
  it('takes the same Adam steps as a TypeScript reference, with and without the penalty', async () => {
    const before = tf.memory().numTensors;
    for (const lambda of [0, L2_LAMBDA]) {
      const trainer = createPolyTrainer(tf, DATA, lambda);
      const chunk = await trainer.run(5);
      trainer.dispose();
      const ref = adamReference(lambda, 5);
      chunk.weights.forEach((w, k) => { expect(Math.abs(w - (ref[k] ?? NaN)), `λ ${lambda} w${k}`).toBeLessThan(1e-4); });
      expect(chunk.train).toHaveLength(5);
      expect(Math.abs((chunk.train[4] ?? NaN) - meanSquaredError(chunk.weights, DATA.train))).toBeLessThan(1e-4);
      expect(Math.abs((chunk.validation[4] ?? NaN) - meanSquaredError(chunk.weights, DATA.validation))).toBeLessThan(1e-4);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('overfits without regularisation: the validation error grows and the gap opens; with L2 it stays small', async () => {
    const runs = [];
    for (const lambda of [0, L2_LAMBDA]) {
      const trainer = createPolyTrainer(tf, DATA, lambda);
      const train: number[] = [];
      const validation: number[] = [];
      for (let done = 0; done < MAX_STEPS; done += 100) {
        const c = await trainer.run(100);
        train.push(...c.train);
        validation.push(...c.validation);
      }
      trainer.dispose();
      runs.push({ train, validation });
    }
    const [free, l2] = runs as [(typeof runs)[0], (typeof runs)[0]];
    const last = (a: number[]) => a.at(-1) ?? NaN;
    // Without: the training error goes to about 0, the validation error climbs well above its best.
    expect(last(free.train)).toBeLessThan(0.005);
    expect(last(free.validation)).toBeGreaterThan(3 * Math.min(...free.validation));
    expect(last(free.validation) - last(free.train)).toBeGreaterThan(0.5);
    // With the penalty: a gap ten times smaller, and a lower validation error.
    expect(last(l2.validation) - last(l2.train)).toBeLessThan((last(free.validation) - last(free.train)) / 10);
    expect(last(l2.validation)).toBeLessThan(last(free.validation) / 5);
  });
});

describe('the overfitting state', () => {
  const reduce = reduceOverfit(DATA);
  it('starts from zero weights with the errors of y = 0', () => {
    const s = initialOverfit(DATA);
    expect(s.weights.every((w) => w === 0)).toBe(true);
    expect(s.train[0]).toBeCloseTo(DATA.train.reduce((a, p) => a + p.y * p.y, 0) / TRAIN_POINTS, 12);
    expect(stepsTaken(s)).toBe(0);
    expect(nextChunk(s, 10)).toBe(10);
  });

  it('runs chunk by chunk to MAX_STEPS, pauses, resets, and drops chunks of an earlier run', () => {
    let s = reduce(initialOverfit(DATA), { type: 'start' });
    expect(s.phase).toBe('running');
    const w = new Array<number>(DEGREE + 1).fill(0.1);
    s = reduce(s, { type: 'chunk', run: s.run, train: [0.5, 0.4], validation: [0.6, 0.7], weights: w });
    expect(stepsTaken(s)).toBe(2);
    expect(gap(s)).toBeCloseTo(0.3, 12);
    expect(s.weights).toEqual(w);
    s = reduce(s, { type: 'pause' });
    expect(s.phase).toBe('idle');
    // A chunk that arrives after pausing is not taken.
    expect(stepsTaken(reduce(s, { type: 'chunk', run: s.run, train: [1], validation: [1], weights: w }))).toBe(2);
    s = reduce(s, { type: 'start' });
    const old = s.run;
    const fresh = reduce(s, { type: 'regularise', on: true });
    expect(fresh.regularise).toBe(true);
    expect(stepsTaken(fresh)).toBe(0);
    expect(fresh.phase).toBe('idle');
    expect(stepsTaken(reduce({ ...fresh, phase: 'running' }, { type: 'chunk', run: old, train: [1], validation: [1], weights: w }))).toBe(0);
    // To the end.
    let r = reduce(fresh, { type: 'start' });
    const n = MAX_STEPS;
    r = reduce(r, { type: 'chunk', run: r.run, train: new Array<number>(n).fill(0.1), validation: new Array<number>(n).fill(0.2), weights: w });
    expect(r.phase).toBe('done');
    expect(nextChunk(r, 10)).toBe(0);
    expect(reduce(r, { type: 'start' }).phase).toBe('done');
    const reset = reduce(r, { type: 'reset' });
    expect(reset.regularise).toBe(true);
    expect(stepsTaken(reset)).toBe(0);
  });

  it('stops on a chunk that is not finite, and samples the fitted curve', () => {
    const s = reduce(reduce(initialOverfit(DATA), { type: 'start' }), { type: 'chunk', run: 0, train: [NaN], validation: [1], weights: new Array<number>(DEGREE + 1).fill(0) });
    expect(s.phase).toBe('failed');
    const c = curve([0, 1], -1, 1, 3);
    expect(c).toEqual([[-1, -1], [0, 0], [1, 1]]);
  });
});
