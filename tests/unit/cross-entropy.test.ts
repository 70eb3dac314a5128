import { describe, expect, it } from 'vitest';
import { clip, crossEntropy, EPSILON, normalise, oneHot, preset, PRESETS } from '../../src/lib/loss/cross-entropy.ts';

const probs = (label: number, p: number, rest: number) => Array.from({ length: 10 }, (_, k) => (k === label ? p : rest));

describe('cross-entropy', () => {
  it('matches hand-computed values: −ln 0.7 = 0.3567, the lesson table 0.105, 0.693, 4.605', () => {
    const r = crossEntropy([0, 0, 0, 0.7, 0, 0.3, 0, 0, 0, 0], 3);
    expect(r.ok && r.loss).toBeCloseTo(0.356675, 6);
    expect(r.ok && r.loss.toFixed(3)).toBe('0.357');
    expect(r.ok && r.normalised).toBe(false);
    for (const [p, text] of [[0.9, '0.105'], [0.5, '0.693'], [0.01, '4.605']] as const) {
      const c = crossEntropy(probs(2, p, (1 - p) / 9), 2);
      expect(c.ok && c.loss.toFixed(3)).toBe(text);
    }
  });

  it('keeps only the label term; the others are 0', () => {
    const r = crossEntropy(preset('unsure', 4), 4);
    if (!r.ok) throw new Error('refused');
    expect(r.terms.map((t) => t.t)).toEqual(oneHot(4));
    r.terms.forEach((t) => { expect(t.value).toBe(t.k === 4 ? -Math.log(0.5) : 0); });
  });

  it('clips log 0 to ε = 1e-7 as Keras does: −ln 1e-7 = 16.118', () => {
    // All on 0, the label 1 gets 0: log 0 would be −∞.
    const r = crossEntropy(oneHot(0), 1);
    if (!r.ok) throw new Error('refused');
    expect(r.terms[1]?.wasClipped).toBe(true);
    expect(r.terms[1]?.clipped).toBe(EPSILON);
    expect(r.loss).toBeCloseTo(-Math.log(1e-7), 9);
    expect(r.loss.toFixed(3)).toBe('16.118');
    // A certain right answer is clipped to 1 − ε: the loss is about 1e-7, not exactly 0.
    const sure = crossEntropy(oneHot(5), 5);
    expect(sure.ok && sure.loss).toBeCloseTo(1e-7, 12);
    expect(clip(0.5)).toBe(0.5);
  });

  it('divides by the sum when the prediction does not sum to 1', () => {
    const r = crossEntropy(probs(0, 1, 1), 0); // ten ones: each 0.1 after dividing
    expect(r.ok && r.normalised).toBe(true);
    expect(r.ok && r.sum).toBe(10);
    expect(r.ok && r.loss).toBeCloseTo(Math.log(10), 12);
    expect(normalise(probs(0, 1, 1))).toEqual(probs(0, 0.1, 0.1));
  });

  it('refuses an all-zero or a bad prediction', () => {
    expect(crossEntropy(probs(0, 0, 0), 0)).toEqual({ ok: false, reason: 'zero-sum' });
    expect(crossEntropy(probs(0, NaN, 0), 0)).toEqual({ ok: false, reason: 'invalid' });
    expect(crossEntropy(probs(0, -0.1, 0.2), 0)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('presets sum to 1 and order the losses right < unsure < wrong', () => {
    for (const label of [0, 2, 9]) {
      const losses = PRESETS.map((name) => {
        const p = preset(name, label);
        expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        const r = crossEntropy(p, label);
        return r.ok ? r.loss : NaN;
      });
      expect(losses[0]).toBeLessThan(losses[1] ?? NaN);
      expect(losses[1]).toBeLessThan(losses[2] ?? NaN);
    }
    expect(preset('wrong', 2)[7]).toBe(0.95);
  });
});
