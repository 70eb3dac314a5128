import { describe, expect, it } from 'vitest';
import { activate, clean, evaluateNeuron, linearInput, plotPoints, relu, sampleFunction, sigmoid, step, weightedSum } from '../../src/lib/perceptron/neuron.ts';
import { appliedValue, formatMath, formatOutput, neuronFormula, termsText } from '../../src/lib/perceptron/formula.ts';
import { DECK_EXAMPLE } from '../../src/lib/perceptron/perceptron-state.ts';
import { PERCEPTRON_FACTS, PERCEPTRON_FORMULAS } from '../../src/lib/perceptron/facts.ts';

const { inputs, weights, theta } = DECK_EXAMPLE;

describe('the perceptron: the deck example by hand', () => {
  it('1·1 + 2·1 + 3·1 = 6 > 5, so it fires and outputs 1', () => {
    const r = evaluateNeuron(inputs, weights, theta, 'step');
    expect(r.products).toEqual([1, 2, 3]);
    expect(r.sum).toBe(6);
    expect(r.comparison).toBe('>');
    expect(r.fires).toBe(true);
    expect(r.a).toBe(1);
    expect(r.output).toBe(1);
    expect(neuronFormula(inputs, weights, r)).toBe('1×1 + 2×1 + 3×1 = 6 > 5 → 1');
  });

  it('θ = 7 does not fire (6 < 7); w3 = 2 brings it back (9 > 7)', () => {
    const r7 = evaluateNeuron(inputs, weights, 7, 'step');
    expect([r7.sum, r7.comparison, r7.output]).toEqual([6, '<', 0]);
    const w3 = evaluateNeuron(inputs, [1, 1, 2], 7, 'step');
    expect([w3.sum, w3.comparison, w3.output]).toEqual([9, '>', 1]);
  });

  it('a sum equal to θ does not fire: the step needs strictly more', () => {
    const r = evaluateNeuron(inputs, weights, 6, 'step');
    expect([r.comparison, r.fires, r.a, r.output]).toEqual(['=', false, 0, 0]);
    expect(neuronFormula(inputs, weights, r)).toBe('1×1 + 2×1 + 3×1 = 6 = 6 → 0');
  });

  it('the AND table of the lesson (w = 1, 1; θ = 1.5)', () => {
    const out = [[0, 0], [0, 1], [1, 0], [1, 1]].map((x) => evaluateNeuron(x, [1, 1], 1.5, 'step').output);
    expect(out).toEqual([0, 0, 0, 1]);
  });

  it('sigmoid and ReLU take a = Σ − θ', () => {
    const s = evaluateNeuron(inputs, weights, theta, 'sigmoid');
    expect(s.output).toBeCloseTo(1 / (1 + Math.exp(-1)), 15);
    expect(neuronFormula(inputs, weights, s)).toBe('1×1 + 2×1 + 3×1 − 5 = 1 → σ(1) ≈ 0.731');
    const r = evaluateNeuron(inputs, weights, theta, 'relu');
    expect(r.output).toBe(1);
    expect(neuronFormula(inputs, weights, r)).toBe('1×1 + 2×1 + 3×1 − 5 = 1 → ReLU(1) = 1');
    const below = evaluateNeuron(inputs, weights, 7, 'relu');
    expect([below.a, below.output]).toEqual([-1, 0]);
    expect(neuronFormula(inputs, weights, below)).toBe('1×1 + 2×1 + 3×1 − 7 = −1 → ReLU(−1) = 0');
  });

  it('negative numbers are written with a minus sign and parentheses', () => {
    const r = evaluateNeuron([-1, 2, 0.5], [2, -3, 4], -2, 'step');
    expect(r.sum).toBe(-2 - 6 + 2);
    expect(termsText([-1, 2, 0.5], [2, -3, 4])).toBe('(−1)×2 + 2×(−3) + 0.5×4');
    expect(neuronFormula([-1, 2, 0.5], [2, -3, 4], r)).toBe('(−1)×2 + 2×(−3) + 0.5×4 = −6 < −2 → 0');
    const s = evaluateNeuron([-1, 2, 0.5], [2, -3, 4], -2, 'sigmoid');
    expect(neuronFormula([-1, 2, 0.5], [2, -3, 4], s)).toBe('(−1)×2 + 2×(−3) + 0.5×4 − (−2) = −4 → σ(−4) ≈ 0.018');
  });

  it('float noise does not decide a comparison (0.1 × 3 = 0.3, not 0.30000000000000004)', () => {
    expect(0.1 + 0.1 + 0.1).not.toBe(0.3);
    const r = evaluateNeuron([0.1, 0.1, 0.1], [1, 1, 1], 0.3, 'step');
    expect([r.sum, r.comparison, r.output]).toEqual([0.3, '=', 0]);
    expect(weightedSum([0.1, 0.2], [1, 1])).toBe(0.3);
    expect(linearInput([0.1, 0.2], [1, 1], 0.3)).toBe(0);
    expect(clean(-0)).toBe(0);
    expect(linearInput([1.1], [1], 1)).toBe(0.1);
    expect(Object.is(clean(-0), 0)).toBe(true);
  });
});

describe('activation functions', () => {
  it('step: 1 only for a > 0', () => {
    expect([-3, -0.001, 0, -0, 0.001, 5].map(step)).toEqual([0, 0, 0, 0, 1, 1]);
  });

  it('sigmoid matches 1 / (1 + e^(−a)) where that is computable, and σ(0) = 0.5', () => {
    expect(sigmoid(0)).toBe(0.5);
    for (const a of [-20, -5, -2, -1, -0.5, 0.3, 1, 2, 7, 20]) expect(sigmoid(a)).toBeCloseTo(1 / (1 + Math.exp(-a)), 14);
    // The lesson's table, to three decimals.
    expect([-2, -1, 0, 1, 2].map((a) => sigmoid(a).toFixed(3))).toEqual(['0.119', '0.269', '0.500', '0.731', '0.881']);
    // Symmetry σ(−a) = 1 − σ(a).
    for (const a of [0.1, 1, 3, 10]) expect(sigmoid(-a)).toBeCloseTo(1 - sigmoid(a), 14);
  });

  it('sigmoid of a large |a| neither overflows nor gives NaN', () => {
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-Number.MAX_VALUE)).toBe(0);
    expect(sigmoid(Number.MAX_VALUE)).toBe(1);
    expect(sigmoid(-Infinity)).toBe(0);
    expect(sigmoid(Infinity)).toBe(1);
    for (const a of [-1000, -745, -710, 710, 1000]) expect(Number.isNaN(sigmoid(a))).toBe(false);
    // The naive formula overflows on the negative side: e^1000 is Infinity (1/Infinity happens to be 0, but e^a·… forms give NaN).
    expect(Math.exp(1000)).toBe(Infinity);
  });

  it('ReLU is max(0, a), with −0 as 0', () => {
    expect([-5, -0.5, 0, 0.5, 7].map(relu)).toEqual([0, 0, 0, 0.5, 7]);
    expect(Object.is(relu(-0), 0)).toBe(true);
    expect(relu(-1000)).toBe(0);
    expect(relu(1000)).toBe(1000);
  });

  it('activate picks the function by name', () => {
    expect([activate('step', 1), activate('sigmoid', 0), activate('relu', -2), activate('relu', 2)]).toEqual([1, 0.5, 0, 2]);
  });

  it('plot sampling: ends included, evenly spaced, clean numbers; the step as exact corners', () => {
    const pts = sampleFunction('sigmoid', -10, 10, 201);
    expect(pts).toHaveLength(201);
    expect(pts[0]).toEqual([-10, sigmoid(-10)]);
    expect(pts[100]).toEqual([0, 0.5]);
    expect(pts[200]).toEqual([10, sigmoid(10)]);
    expect(pts[101]?.[0]).toBe(0.1);
    expect(sampleFunction('relu', 0, 1, 1)).toEqual([[0, 0], [1, 1]]);
    expect(plotPoints('step', -10, 10, 201)).toEqual([[-10, 0], [0, 0], [0, 1], [10, 1]]);
    expect(plotPoints('relu', -10, 10, 201)).toHaveLength(201);
  });
});

describe('formatting', () => {
  it('numbers with a true minus sign, at most 6 significant digits', () => {
    expect(formatMath(-2.5)).toBe('−2.5');
    expect(formatMath(0.1 + 0.2)).toBe('0.3');
    expect(formatMath(-0)).toBe('0');
  });

  it('σ is rounded to three decimals and marked ≈ unless exact; never exactly 0 or 1', () => {
    expect(formatOutput('sigmoid', 0.5)).toEqual({ text: '0.5', exact: true });
    expect(formatOutput('sigmoid', sigmoid(1))).toEqual({ text: '0.731', exact: false });
    expect(formatOutput('sigmoid', sigmoid(-1000))).toEqual({ text: '0', exact: false });
    expect(formatOutput('sigmoid', sigmoid(1000))).toEqual({ text: '1', exact: false });
    expect(formatOutput('step', 1)).toEqual({ text: '1', exact: true });
    expect(appliedValue('sigmoid', 0, 0.5)).toBe('σ(0) = 0.5');
    expect(appliedValue('step', -1.5, 0)).toBe('step(−1.5) = 0');
    expect(appliedValue('relu', 2.5, 2.5)).toBe('ReLU(2.5) = 2.5');
    expect(appliedValue('sigmoid', 10, sigmoid(10))).toBe('σ(10) ≈ 1');
  });
});

describe('lesson facts come from the demo code', () => {
  it('the worked example and σ(0)', () => {
    expect(PERCEPTRON_FACTS).toMatchObject({
      'perceptron.inputs': '1, 2, 3',
      'perceptron.weight': 1,
      'perceptron.theta': 5,
      'perceptron.sum': 6,
      'perceptron.output': 1,
      'perceptron.a': 1,
      'perceptron.sigmoidOutput': '0.731',
      'activations.start.a': 0,
      'activations.sigmoidAtStart': '0.5',
    });
    expect(PERCEPTRON_FORMULAS['perceptron.sum']).toBe('1 \\cdot 1 + 2 \\cdot 1 + 3 \\cdot 1 = 6');
    expect(PERCEPTRON_FORMULAS['perceptron.compare']).toBe('6 \\gt 5');
    expect(PERCEPTRON_FORMULAS['perceptron.a']).toBe('z = 1 \\cdot 1 + 2 \\cdot 1 + 3 \\cdot 1 - 5 = 1');
  });
});
