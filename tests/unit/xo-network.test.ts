import { describe, expect, it } from 'vitest';
import { CIRCLE, CROSS, decision, flatten, forward, gradient, gradientStep, HAND_SET, loss, PARAM_COUNT, randomParams, sigmoid, unflatten, type XoParams } from '../../src/lib/xo/network.ts';
import { CIRCLE_TARGET, CROSS_TARGET, DATA_SEED, flipped, hamming, trainingSet, TWO_FLIPS_PER_CLASS } from '../../src/lib/xo/data.ts';
import { XO_FACTS, XO_FORMULAS } from '../../src/lib/xo/facts.ts';
import { FACTS, FACT_FORMULAS } from '../../src/lib/facts.ts';
import { mlpParams, XO_NETWORK } from '../../src/lib/xo-network.ts';
import { edgeWidth, edges, signCounts } from '../../src/lib/xo/diagram.ts';
import { fixed } from '../../src/lib/xo/format.ts';

describe('the 9-3-2 forward pass', () => {
  it('gives the lesson 1-3 numbers for the hand-set weights on ○, computed by hand', () => {
    const f = forward(HAND_SET, CIRCLE);
    // a1 = 4·0 − 2, a2 = a3 = 4·1 − 2
    expect(f.a).toEqual([-2, 2, 2]);
    expect(f.y[0]).toBeCloseTo(1 / (1 + Math.exp(2)), 12);
    expect(f.y[0]).toBeCloseTo(0.1192, 4);
    expect(f.y[1]).toBeCloseTo(0.8808, 4);
    // z1 = −4·y1 + 4·y2 + 0·y3 − 0 = 4(σ(2) − σ(−2)) = 4·tanh(1)
    expect(f.z[0]).toBeCloseTo(4 * Math.tanh(1), 12);
    expect(f.z[1]).toBeCloseTo(-4 * Math.tanh(1), 12);
    expect(f.degree[0]).toBeCloseTo(0.9546, 4);
    expect(f.degree[1]).toBeCloseTo(0.0454, 4);
    expect(decision(f)).toBe(0);
  });

  it('classifies the lesson × as ×, the mirror image', () => {
    const f = forward(HAND_SET, CROSS);
    // a1 = 4·1 − 2 = 2, a2 = 0 − 2, a3 = 4 − 2
    expect(f.a).toEqual([2, -2, 2]);
    expect(f.z[1]).toBeCloseTo(4 * Math.tanh(1), 12);
    expect(decision(f)).toBe(1);
  });

  it('calls a blank picture a tie with the hand-set weights', () => {
    expect(decision(forward(HAND_SET, new Array<number>(9).fill(0)))).toBeNull();
  });

  it('flattens to the 38 parameters lesson 1-4 counts, and back', () => {
    expect(PARAM_COUNT).toBe(mlpParams([XO_NETWORK.inputs, XO_NETWORK.hidden, XO_NETWORK.outputs]));
    expect(flatten(HAND_SET)).toHaveLength(38);
    expect(unflatten(flatten(HAND_SET))).toEqual(HAND_SET);
  });

  it('makes reproducible random starts', () => {
    expect(randomParams(3)).toEqual(randomParams(3));
    expect(randomParams(3)).not.toEqual(randomParams(4));
    expect(flatten(randomParams(3)).every((v) => Math.abs(v) <= 0.5)).toBe(true);
  });
});

describe('the gradient', () => {
  const data = trainingSet();
  it('matches central finite differences of the loss', () => {
    const p = randomParams(7, 1);
    const g = flatten(gradient(p, data));
    const v = flatten(p);
    const h = 1e-5;
    for (let i = 0; i < v.length; i++) {
      const up = unflatten(v.map((x, j) => (j === i ? x + h : x)));
      const down = unflatten(v.map((x, j) => (j === i ? x - h : x)));
      expect(g[i]).toBeCloseTo((loss(up, data) - loss(down, data)) / (2 * h), 7);
    }
  });

  it('lowers the loss with a small step, and a few hundred steps from random classify ○ and × above 0.9', () => {
    let p: XoParams = randomParams(1);
    const before = loss(p, data);
    p = gradientStep(p, data, 0.5);
    expect(loss(p, data)).toBeLessThan(before);
    for (let s = 0; s < 300; s++) p = gradientStep(p, data, 2);
    expect(forward(p, CIRCLE).degree[0]).toBeGreaterThan(0.9);
    expect(forward(p, CROSS).degree[1]).toBeGreaterThan(0.9);
  });

  it('has the lesson 1-4 squared-error loss: 0.07 for the worked example summed, so 0.035 averaged', () => {
    // Outputs chosen so that σ(z) equals the example's degrees: z = logit(d).
    const logit = (d: number) => Math.log(d / (1 - d));
    const fake = (d: readonly number[]): XoParams => ({ w1: new Array<number>(27).fill(0), t1: [0, 0, 0], w2: [0, 0, 0, 0, 0, 0], t2: d.map((x) => -logit(x)) });
    expect(loss(fake([0.1, 0.9]), [{ x: CROSS, target: CROSS_TARGET }])).toBeCloseTo(0.02, 12);
    expect(loss(fake([0.8, 0.1]), [{ x: CIRCLE, target: CIRCLE_TARGET }])).toBeCloseTo(0.05, 12);
  });
});

describe('the noisy training set', () => {
  const data = trainingSet();
  it('holds each original, its 9 one-cell flips and distinct two-cell flips', () => {
    expect(data).toHaveLength(2 * (1 + 9 + TWO_FLIPS_PER_CLASS));
    for (const [picture, target] of [[CIRCLE, CIRCLE_TARGET], [CROSS, CROSS_TARGET]] as const) {
      const own = data.filter((e) => e.target === target);
      expect(own.map((e) => hamming(e.x, picture)).sort()).toEqual([0, ...new Array<number>(9).fill(1), ...new Array<number>(TWO_FLIPS_PER_CLASS).fill(2)]);
      expect(new Set(own.map((e) => e.x.join(''))).size).toBe(own.length);
    }
  });
  it('never contradicts itself: every example is nearer its own picture', () => {
    for (const e of data) {
      const own = e.target === CIRCLE_TARGET ? CIRCLE : CROSS;
      const other = e.target === CIRCLE_TARGET ? CROSS : CIRCLE;
      expect(hamming(e.x, own)).toBeLessThan(hamming(e.x, other));
    }
  });
  it('is seeded', () => {
    expect(trainingSet(DATA_SEED)).toEqual(data);
    expect(trainingSet(DATA_SEED + 1)).not.toEqual(data);
    expect(flipped([1, 0, 1], [0, 1])).toEqual([0, 1, 1]);
  });
});

describe('facts quoted by the lessons', () => {
  it('come from the forward pass', () => {
    expect(XO_FACTS['xo.circle.y1']).toBe('0.119');
    expect(XO_FACTS['xo.circle.y2']).toBe('0.881');
    expect(XO_FACTS['xo.circle.z1']).toBe('3.05');
    expect(XO_FACTS['xo.circle.degree1']).toBe('0.95');
    expect(XO_FACTS['xo.circle.degree2']).toBe('0.05');
    expect(XO_FACTS['xo.cross.degree2']).toBe('0.95');
    expect(XO_FACTS['xo.train.examples']).toBe(trainingSet().length);
    expect(FACTS['xo.circle.z1']).toBe('3.05');
    expect(FACT_FORMULAS['xo.circle.hidden1']).toBe('z^{(1)}_1 = 4 \\times 0 - 2 = -2, \\qquad y_1 = \\sigma(-2) \\approx 0.119');
    expect(XO_FORMULAS['xo.circle.z2']).toBe('z_2 = 4 \\times 0.119 - 4 \\times 0.881 + 0 \\times 0.881 - 0 \\approx -3.05');
  });
  it('never print NaN', () => {
    expect(fixed(Number.NaN, 2)).toBe('—');
    expect(fixed(-0.0001, 2)).toBe('0.00');
    expect(sigmoid(0)).toBe(0.5);
  });
});

describe('the drawing', () => {
  it('has one edge per weight, width growing with |w|, colour by sign counted', () => {
    const e = edges(HAND_SET, 4);
    expect(e).toHaveLength(27 + 6);
    expect(edgeWidth(0, 4)).toBeLessThan(edgeWidth(-2, 4));
    expect(edgeWidth(-4, 4)).toBe(edgeWidth(4, 4));
    expect(edgeWidth(8, 4)).toBe(edgeWidth(4, 4));
    expect(edgeWidth(Number.NaN, 4)).toBe(edgeWidth(0, 4));
    expect(signCounts(HAND_SET)).toEqual({ positive: 1 + 4 + 4 + 2, negative: 2, zero: 33 - 13 });
  });
});
