import { describe, expect, it } from 'vitest';
import { descend1d, divergenceThreshold, gradientAt, LESSON_CURVE, lossAt, stepFactor, stepFrom, stepsToShrink, verdictOf } from '../../src/lib/descent/curve.ts';
import { currentLoss, currentW, initialCurveState, MAX_STEPS, reduceCurve, statusOf, type CurveEvent, type CurveState } from '../../src/lib/descent/curve-state.ts';
import { adamPath, BOWL, clampStart, momentumPath, momentumThreshold, nudgeStart, pathDiverged, sgdPath, sgdThreshold, surfaceLoss } from '../../src/lib/descent/surface.ts';
import { curveSettings, surfaceSettings } from '../../src/lib/descent/url.ts';

const C = LESSON_CURVE;

describe('the 1-D curve L(w) = (w − 3)²', () => {
  it('has the loss and gradient of the lesson', () => {
    expect(lossAt(C, 0)).toBe(9);
    expect(gradientAt(C, 0)).toBe(-6);
    expect(gradientAt(C, 3)).toBe(0);
  });

  it('takes the steps of the lesson table (η = 0.1 from w = 0)', () => {
    const ws = descend1d(C, 0, 0.1, 3);
    [0, 0.6, 1.08, 1.464].forEach((w, i) => { expect(ws[i]).toBeCloseTo(w, 12); });
    const s = stepFrom(C, 0, 0.1);
    expect(s).toMatchObject({ w: 0, loss: 9, gradient: -6 });
    expect(s.update).toBeCloseTo(-0.6, 12);
    expect(s.next).toBeCloseTo(0.6, 12);
    expect(s.nextLoss).toBeCloseTo(5.76, 12);
    // w_t = 3 − 3·0.8^t: after 20 steps ≈ 2.97.
    expect(descend1d(C, 0, 0.1, 20)[20]).toBeCloseTo(3 - 3 * 0.8 ** 20, 10);
  });

  it('diverges above η = 2 / L″ = 1 and settles below it', () => {
    expect(divergenceThreshold(C)).toBe(1);
    expect(divergenceThreshold({ a: 4, wStar: 0 })).toBe(0.25);
    expect(stepFactor(C, 0.1)).toBeCloseTo(0.8, 12);
    expect(stepFactor(C, 1.1)).toBeCloseTo(-1.2, 12);
    // Checked by running: just below the threshold the distance shrinks, just above it grows.
    const below = descend1d(C, 0, 0.99, 200).at(-1) ?? NaN;
    const above = descend1d(C, 0, 1.01, 200).at(-1) ?? NaN;
    expect(Math.abs(below - 3)).toBeLessThan(3);
    expect(Math.abs(above - 3)).toBeGreaterThan(3);
    // 1.1 from 0: 0 → 6.6 → −1.32 (the lesson's words).
    const ws = descend1d(C, 0, 1.1, 2);
    expect(ws[1]).toBeCloseTo(6.6, 12);
    expect(ws[2]).toBeCloseTo(-1.32, 12);
  });

  it('counts the steps to get within 1%', () => {
    expect(stepsToShrink(0.8)).toBe(21); // 0.8^21 ≈ 0.0092 < 0.01 < 0.8^20 ≈ 0.0115
    expect(0.8 ** 21).toBeLessThan(0.01);
    expect(0.8 ** 20).toBeGreaterThan(0.01);
    expect(stepsToShrink(0)).toBe(1);
    expect(stepsToShrink(-1)).toBe(Infinity);
    expect(stepsToShrink(1.2)).toBe(Infinity);
  });

  it('judges learning rates: too slow, good, overshooting, at the edge, diverging', () => {
    expect(verdictOf(C, 0.01)).toBe('slow');
    expect(verdictOf(C, 0.1)).toBe('good');
    expect(verdictOf(C, 0.5)).toBe('good');
    expect(verdictOf(C, 0.9)).toBe('overshoot');
    expect(verdictOf(C, 1)).toBe('edge');
    expect(verdictOf(C, 1.1)).toBe('diverge');
    // Either side of the threshold and of "too slow" (50 steps to 1%: 0.9^44 < 0.01 < 0.92^50).
    expect(verdictOf(C, 0.99)).toBe('overshoot');
    expect(verdictOf(C, 1.01)).toBe('diverge');
    expect(verdictOf(C, 0.04)).toBe('slow');
    expect(verdictOf(C, 0.05)).toBe('good');
    expect(verdictOf(C, NaN)).toBe('diverge');
  });
});

describe('the 1-D demo state', () => {
  const run = (s: CurveState, ...events: CurveEvent[]) => events.reduce(reduceCurve, s);
  const start = initialCurveState(C, 0.1, 0);

  it('steps from w0, each step recorded', () => {
    const s = run(start, { type: 'step' }, { type: 'step' });
    expect(s.steps).toHaveLength(2);
    expect(currentW(s)).toBeCloseTo(1.08, 12);
    expect(currentLoss(s)).toBeCloseTo(3.6864, 12);
    expect(s.steps[1]?.gradient).toBeCloseTo(-4.8, 12);
    expect(statusOf(s)).toBe('ready');
    expect(currentW(run(s, { type: 'reset' }))).toBe(0);
  });

  it('plays tick by tick, pauses, and stops when settled', () => {
    let s = run(start, { type: 'play' }, { type: 'tick' }, { type: 'tick' });
    expect(s.playing).toBe(true);
    expect(s.steps).toHaveLength(2);
    s = run(s, { type: 'pause' }, { type: 'tick' });
    expect(s.steps).toHaveLength(2);
    s = run(s, { type: 'play' });
    for (let i = 0; i < 200 && s.playing; i++) s = reduceCurve(s, { type: 'tick' });
    expect(statusOf(s)).toBe('settled');
    expect(s.playing).toBe(false);
    // (w − 3)² < 1e-6 ⇔ 3·0.8^t < 1e-3 ⇔ t ≥ 36.
    expect(s.steps).toHaveLength(36);
    expect(run(s, { type: 'step' }).steps).toHaveLength(36);
    expect(run(s, { type: 'play' }).playing).toBe(false);
  });

  it('runs to the end at once; too slow a rate stops at the step limit', () => {
    expect(run(start, { type: 'run-to-end' }).steps).toHaveLength(36);
    const slow = run(initialCurveState(C, 0.01, 0), { type: 'run-to-end' });
    expect(slow.steps).toHaveLength(MAX_STEPS);
    expect(statusOf(slow)).toBe('limit');
  });

  it('above the threshold the point leaves the plot: diverged, and stepping stops', () => {
    const s = run(initialCurveState(C, 1.1, 0), { type: 'run-to-end' });
    expect(statusOf(s)).toBe('diverged');
    expect(s.playing).toBe(false);
    // w − 3 = −3·(−1.2)^t: 0 → 6.6 → −1.32 → 8.184 → −3.2208 (beyond −3).
    expect(s.steps).toHaveLength(4);
    expect(currentW(s)).toBeCloseTo(3 - 3 * 1.2 ** 4, 10);
    expect(run(s, { type: 'step' }).steps).toHaveLength(4);
  });

  it('a new learning rate or start clears the steps; load replaces both', () => {
    const s = run(start, { type: 'step' }, { type: 'set-lr', lr: 0.5 });
    expect(s.steps).toHaveLength(0);
    expect(s.lr).toBe(0.5);
    expect(run(s, { type: 'step' }, { type: 'set-w0', w0: 5 })).toMatchObject({ w0: 5, steps: [] });
    expect(run(s, { type: 'load', lr: 0.2, w0: -1 })).toMatchObject({ lr: 0.2, w0: -1, steps: [], playing: false });
  });
});

describe('the 2-D bowl and the optimisers written out', () => {
  const start = { x: -3.5, y: 1.5 };

  it('has its thresholds: SGD 2/10, momentum 2·1.9/10', () => {
    expect(surfaceLoss(BOWL, start)).toBeCloseTo((12.25 + 22.5) / 2, 12);
    expect(sgdThreshold(BOWL)).toBeCloseTo(0.2, 12);
    expect(momentumThreshold(BOWL)).toBeCloseTo(0.38, 12);
  });

  it('SGD multiplies each coordinate by 1 − η·c', () => {
    const p = sgdPath(BOWL, start, 0.15, 4);
    expect(p).toHaveLength(5);
    expect(p[4]?.x).toBeCloseTo(-3.5 * 0.85 ** 4, 12);
    expect(p[4]?.y).toBeCloseTo(1.5 * (-0.5) ** 4, 12);
    expect(pathDiverged(p)).toBe(false);
    expect(pathDiverged(sgdPath(BOWL, start, 0.25, 60))).toBe(true);
    expect(pathDiverged(sgdPath(BOWL, start, 1, 200))).toBe(true); // Infinity, then NaN
  });

  it('momentum: v ← μv − ηg, w ← w + v (two steps by hand)', () => {
    const p = momentumPath(BOWL, { x: 1, y: 0 }, 0.1, 2);
    // v1 = −0.1, x1 = 0.9; v2 = 0.9·(−0.1) − 0.1·0.9 = −0.18, x2 = 0.72.
    expect(p[1]?.x).toBeCloseTo(0.9, 12);
    expect(p[2]?.x).toBeCloseTo(0.72, 12);
    expect(p[2]?.y).toBe(0);
  });

  it('Adam moves each coordinate by about η at the first step, whatever the gradient', () => {
    const p = adamPath(BOWL, start, 0.1, 1);
    expect(p[1]?.x).toBeCloseTo(-3.4, 6);
    expect(p[1]?.y).toBeCloseTo(1.4, 6);
  });

  it('keeps the start inside the plot; arrows move it', () => {
    expect(clampStart({ x: 9, y: -9 })).toEqual({ x: 4, y: -2 });
    expect(nudgeStart(start, 'ArrowRight', false)).toEqual({ x: -3.4, y: 1.5 });
    expect(nudgeStart(start, 'ArrowUp', true)).toEqual({ x: -3.5, y: 2 });
    expect(nudgeStart(start, 'ArrowDown', false)).toEqual({ x: -3.5, y: 1.4 });
    expect(nudgeStart(start, 'Enter', false)).toBeNull();
  });
});

describe('settings in the URL', () => {
  it('reads good values and refuses bad ones', () => {
    expect(curveSettings.read('?lr=0.5&w0=-2')).toEqual({ lr: 0.5, w0: -2 });
    expect(curveSettings.read('?lr=NaN&w0=1e999')).toEqual({ lr: 0.1, w0: 0 });
    expect(curveSettings.read('?lr=5')).toEqual({ lr: 0.1, w0: 0 });
    expect(surfaceSettings.read('?n=20.5&lr2=0.3')).toEqual({ lr2: 0.3, x0: -3.5, y0: 1.5, n: 50 });
    expect(surfaceSettings.write({ lr2: 0.15, x0: 1, y0: 1.5, n: 50 }, '?backend=webgl')).toBe('backend=webgl&x0=1');
  });
});

describe('the lesson facts', () => {
  it('states the worked example and the thresholds as computed', async () => {
    const { DESCENT_FACTS: f } = await import('../../src/lib/descent/facts.ts');
    const { factText } = await import('../../src/lib/facts.ts');
    expect(factText('descent.threshold')).toBe('1');
    expect(f['descent.curvature']).toBe(2);
    expect(f['descent.example.factor']).toBe('0.8');
    expect(f['descent.example.w20']).toBe('2.97');
    expect([0, 1, 2, 3].map((t) => f[`descent.example.w${t}` as keyof typeof f])).toEqual(['0', '0.6', '1.08', '1.464']);
    expect([0, 1, 2, 3].map((t) => f[`descent.example.loss${t}` as keyof typeof f])).toEqual(['9', '5.76', '3.69', '2.36']);
    expect([0, 1, 2, 3].map((t) => f[`descent.example.grad${t}` as keyof typeof f])).toEqual(['−6', '−4.8', '−3.84', '−3.072']);
    expect([0, 1, 2, 3].map((i) => f[`descent.rate${i}.factor` as keyof typeof f])).toEqual(['0.98', '0.8', '−0.8', '−1.2']);
    expect([0, 1, 2, 3].map((i) => f[`descent.rate${i}.w20` as keyof typeof f])).toEqual(['約 1', '約 2.97', '約 2.97', '谷から離れていく']);
    expect(factText('descent.sgdThreshold')).toBe('0.2');
    expect(factText('descent.momentumThreshold')).toBe('0.38');
  });
});
