import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { applyDropout, averageSumAfter, dropoutMask, keepScale, maskFor, scaleFor, summarise, unitPlace, UNITS } from '../../src/lib/dropout/mask.ts';
import { applyDropoutTf } from '../../src/lib/dropout/mask-tf.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** Some activations: a fixed, varied pattern with zeros (as ReLU gives). */
const VALUES = Float32Array.from({ length: UNITS }, (_, i) => (i % 7 === 0 ? 0 : ((i * 37) % 101) / 50));

describe('the dropout mask', () => {
  it('is the same for the same step and differs between steps', () => {
    expect(Array.from(dropoutMask(5, 0.5))).toEqual(Array.from(dropoutMask(5, 0.5)));
    const a = dropoutMask(1, 0.5);
    const b = dropoutMask(2, 0.5);
    let differ = 0;
    for (let i = 0; i < UNITS; i++) if (a[i] !== b[i]) differ += 1;
    // Two independent masks at 0.5 differ on about half the units.
    expect(differ).toBeGreaterThan(650);
    expect(differ).toBeLessThan(950);
  });

  it('drops about rate × 1,600 units, at every rate', () => {
    for (const rate of [0, 0.1, 0.5, 0.9]) {
      let dropped = 0;
      const steps = 200;
      for (let s = 0; s < steps; s++) dropped += Array.from(dropoutMask(s, rate)).filter((m) => m === 0).length;
      const mean = dropped / steps;
      // The mean of 200 binomial(1600, rate) counts: standard error sqrt(1600·r·(1−r)/200) ≤ 1.5.
      expect(Math.abs(mean - rate * UNITS), `rate ${rate}`).toBeLessThan(6);
      // And a single step stays within 5 standard deviations (20 units at 0.5).
      const one = Array.from(dropoutMask(3, rate)).filter((m) => m === 0).length;
      expect(Math.abs(one - rate * UNITS)).toBeLessThanOrEqual(5 * Math.sqrt(UNITS * rate * (1 - rate)) + 1e-9);
    }
    expect(Array.from(dropoutMask(0, 0)).every((m) => m === 1)).toBe(true);
  });

  it('drops each unit independently of its place (every unit dropped about half the time)', () => {
    const counts = new Array<number>(UNITS).fill(0);
    for (let s = 0; s < 400; s++) dropoutMask(s, 0.5).forEach((m, i) => { counts[i] = (counts[i] ?? 0) + (m === 0 ? 1 : 0); });
    const fractions = counts.map((c) => c / 400);
    expect(Math.min(...fractions)).toBeGreaterThan(0.35);
    expect(Math.max(...fractions)).toBeLessThan(0.65);
  });
});

describe('scaling and inference', () => {
  it('scales survivors by 1 / (1 − rate): 2 at 0.5, 10 at 0.9, 1 at 0', () => {
    expect(keepScale(0.5)).toBe(2);
    expect(keepScale(0.9)).toBeCloseTo(10, 12);
    expect(keepScale(0)).toBe(1);
    const mask = dropoutMask(7, 0.5);
    const out = applyDropout(VALUES, mask, keepScale(0.5));
    for (let i = 0; i < UNITS; i++) expect(out[i]).toBe(mask[i] === 1 ? Math.fround((VALUES[i] ?? 0) * 2) : 0);
  });

  it('changes nothing at inference: every unit kept, factor 1', () => {
    const mask = maskFor('inference', 9, 0.5);
    expect(Array.from(mask).every((m) => m === 1)).toBe(true);
    expect(scaleFor('inference', 0.5)).toBe(1);
    expect(Array.from(applyDropout(VALUES, mask, 1))).toEqual(Array.from(VALUES));
    const s = summarise(VALUES, mask, VALUES);
    expect(s.dropped).toBe(0);
    expect(s.kept).toBe(UNITS);
    expect(s.sumAfter).toBe(s.sumBefore);
  });

  it('counts the kept and dropped units and both sums (4-value example of the lesson)', () => {
    const s = summarise([0.8, 0.2, 0.6, 0.4], [1, 0, 0, 1], applyDropout([0.8, 0.2, 0.6, 0.4], [1, 0, 0, 1], 2));
    expect(s.kept).toBe(2);
    expect(s.dropped).toBe(2);
    expect(s.sumBefore).toBeCloseTo(2, 6);
    expect(s.sumAfter).toBeCloseTo(2.4, 6);
  });

  it('keeps the expected sum: the average over many steps is close to the sum before', () => {
    let before = 0;
    for (const v of VALUES) before += v;
    for (const rate of [0.5, 0.8]) {
      const avg = averageSumAfter(VALUES, rate, 0, 400);
      expect(Math.abs(avg - before) / before, `rate ${rate}`).toBeLessThan(0.02);
    }
    expect(Number.isNaN(averageSumAfter(VALUES, 0.5, 0, 0))).toBe(true);
  });

  it('places unit i at (row, col) of the 40 × 40 grid and (r, c, k) of the 5 × 5 × 64 map', () => {
    expect(unitPlace(0)).toEqual({ row: 0, col: 0, r: 0, c: 0, k: 0 });
    expect(unitPlace(1599)).toEqual({ row: 39, col: 39, r: 4, c: 4, k: 63 });
    // i = (r·5 + c)·64 + k
    expect(unitPlace((2 * 5 + 3) * 64 + 17)).toMatchObject({ r: 2, c: 3, k: 17 });
  });
});

describe('dropout with tfjs', () => {
  it('gives the reference output for training and inference, without leaking tensors', async () => {
    const before = tf.memory().numTensors;
    for (const [mode, step, rate] of [['training', 0, 0.5], ['training', 12, 0.3], ['training', 4, 0.9], ['inference', 3, 0.5]] as const) {
      const mask = maskFor(mode, step, rate);
      const scale = scaleFor(mode, rate);
      const ref = applyDropout(VALUES, mask, scale);
      const got = await applyDropoutTf(tf, VALUES, mask, scale);
      expect(got).toHaveLength(UNITS);
      for (let i = 0; i < UNITS; i++) expect(Math.abs((got[i] ?? NaN) - (ref[i] ?? NaN)), `${mode} ${rate} unit ${i}`).toBeLessThan(1e-5);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
