import { describe, expect, it } from 'vitest';
import { closedForm, descend, divergenceRate, lineTex, EXAMPLE_POINTS, exampleNumbers, gradient, lossQt, residuals, START_LINE } from '../../src/lib/regression/fit.ts';
import { judgeChunk, MAX_RISES } from '../../src/lib/regression/divergence.ts';
import { regressionSettings } from '../../src/lib/regression/url.ts';
import { fromScreen, residualSquare, SCALE, toScreenX, toScreenY } from '../../src/lib/regression/plot.ts';
import { factText, FACT_FORMULAS } from '../../src/lib/facts.ts';

describe('least squares on the lesson example', () => {
  it('gives the hand-computed line a = 1.4, b = 0.5, Q_t = 0.2', () => {
    const fit = closedForm(EXAMPLE_POINTS);
    if (!fit.ok) throw new Error('refused');
    expect(fit.a).toBeCloseTo(1.4, 12);
    expect(fit.b).toBeCloseTo(0.5, 12);
    expect(fit.qt).toBeCloseTo(0.2, 12);
    expect(fit.sxy).toBe(7);
    expect(fit.sxx).toBe(5);
    expect(residuals(EXAMPLE_POINTS, fit.a, fit.b).map((r) => Number(r.toFixed(10)))).toEqual([0.1, -0.3, 0.3, -0.1]);
  });

  it('gives Q_t = 2 for the starting guess y = x + 1 (residuals 0, 0, 1, 1)', () => {
    expect(residuals(EXAMPLE_POINTS, START_LINE.a, START_LINE.b)).toEqual([0, 0, 1, 1]);
    expect(lossQt(EXAMPLE_POINTS, START_LINE.a, START_LINE.b)).toBe(2);
  });

  it('finds a point where the gradient vanishes, and no nearby line does better', () => {
    const fit = closedForm(EXAMPLE_POINTS);
    if (!fit.ok) throw new Error('refused');
    const g = gradient(EXAMPLE_POINTS, fit.a, fit.b);
    expect(Math.hypot(g.da, g.db)).toBeLessThan(1e-12);
    for (const [da, db] of [[0.01, 0], [-0.01, 0], [0, 0.01], [0, -0.01], [0.01, -0.02]] as const) {
      expect(lossQt(EXAMPLE_POINTS, fit.a + da, fit.b + db)).toBeGreaterThan(fit.qt);
    }
  });

  it('refuses the degenerate cases with a reason', () => {
    expect(closedForm([])).toEqual({ ok: false, reason: 'too-few' });
    expect(closedForm([{ x: 1, y: 1 }])).toEqual({ ok: false, reason: 'too-few' });
    expect(closedForm([{ x: 3, y: 1 }, { x: 3, y: 5 }, { x: 3, y: 2 }])).toEqual({ ok: false, reason: 'same-x' });
    // Nearly vertical: the slope is beyond what a may be.
    expect(closedForm([{ x: 5, y: 0 }, { x: 5.001, y: 10 }])).toEqual({ ok: false, reason: 'too-steep' });
    // Two points: the line through both, Q_t = 0.
    const two = closedForm([{ x: 0, y: 1 }, { x: 2, y: 5 }]);
    expect(two.ok && [two.a, two.b, two.qt]).toEqual([2, 1, 0]);
  });

  it('gradient descent (TypeScript reference) with a small rate reaches the closed form', () => {
    const r = descend(EXAMPLE_POINTS, 1, 1, 0.02, 2000);
    expect(r.a).toBeCloseTo(1.4, 6);
    expect(r.b).toBeCloseTo(0.5, 6);
    expect(r.losses[0]).toBe(2);
    expect(r.losses).toHaveLength(2001);
    // Q_t falls at every step on a quadratic bowl with a small enough rate.
    for (let i = 1; i < r.losses.length; i++) expect(r.losses[i]).toBeLessThanOrEqual((r.losses[i - 1] ?? 0) + 1e-15);
    // One step by hand: ∂Q/∂a = −2Σx·r = −2(0+0+3+4) = −14, ∂Q/∂b = −2Σr = −4.
    expect(gradient(EXAMPLE_POINTS, 1, 1)).toEqual({ da: -14, db: -4 });
    const one = descend(EXAMPLE_POINTS, 1, 1, 0.01, 1);
    expect(one.a).toBeCloseTo(1.14, 12);
    expect(one.b).toBeCloseTo(1.04, 12);
  });

  it('the lesson facts come from this code', () => {
    const n = exampleNumbers();
    expect([n.a, n.b, n.qt, n.startQt, n.ratio, n.xMean, n.yMean]).toEqual([1.4, 0.5, 0.2, 2, 10, 2.5, 4]);
    expect(factText('regression.a')).toBe('1.4');
    expect(factText('regression.qt')).toBe('0.2');
    expect(FACT_FORMULAS['regression.fit']).toBe('a = \\frac{7}{5} = 1.4, \\qquad b = 4 - 1.4 \\times 2.5 = 0.5');
    expect(FACT_FORMULAS['regression.qt']).toBe('Q_t = 0.1^2 + (-0.3)^2 + 0.3^2 + (-0.1)^2 = 0.2');
    expect(FACT_FORMULAS['regression.start.line']).toBe('y = x + 1');
    expect(FACT_FORMULAS['regression.line']).toBe('y = 1.4x + 0.5');
    expect(lineTex(-1, -2.5)).toBe('y = -x - 2.5');
    expect(lineTex(0.5, 0)).toBe('y = 0.5x');
  });
});

describe('divergence detection', () => {
  it('knows the learning rate above which the example diverges (2 / the largest curvature of Q_t)', () => {
    const limit = divergenceRate(EXAMPLE_POINTS) ?? NaN;
    // Hessian 2·[[30, 10], [10, 4]]: eigenvalues of [[30, 10], [10, 4]] are 17 ± √269.
    expect(limit).toBeCloseTo(1 / (17 + Math.sqrt(269)), 12);
    const below = descend(EXAMPLE_POINTS, 1, 1, limit * 0.98, 3000);
    const above = descend(EXAMPLE_POINTS, 1, 1, limit * 1.02, 3000);
    expect(below.a).toBeCloseTo(1.4, 3);
    expect(Number.isFinite(above.a) ? Math.abs(above.a) : Infinity).toBeGreaterThan(1e3);
    expect(divergenceRate([])).toBeUndefined();
    expect(divergenceRate([{ x: 0, y: 3 }])).toBe(1); // only b moves: Q_t = (3 − b)², curvature 2
  });
  const start = { startQ: 2, rises: 0 };
  it('accepts a falling loss', () => {
    expect(judgeChunk(start, [2, 1.5, 1.2, 1.0], 1.2, 0.9)).toEqual({ ok: true, progress: { startQ: 2, rises: 0 } });
  });
  it('flags a loss that keeps growing, even slowly, across chunks', () => {
    const rising = Array.from({ length: 5 }, (_, i) => 2 + i * 0.01);
    const first = judgeChunk(start, rising, 1, 1);
    expect(first).toEqual({ ok: true, progress: { startQ: 2, rises: 4 } });
    if (!first.ok) return;
    expect(judgeChunk(first.progress, [2.04, 2.05, 2.06, 2.07, 2.08], 1, 1)).toEqual({ ok: false, reason: 'growing' });
    expect(MAX_RISES).toBe(8);
  });
  it('flags a jump far above the start at once', () => {
    expect(judgeChunk(start, [2, 50], 3, 1)).toEqual({ ok: false, reason: 'growing' });
  });
  it('flags NaN, infinity and parameters out of range', () => {
    expect(judgeChunk(start, [2, NaN], 1, 1)).toEqual({ ok: false, reason: 'non-finite' });
    expect(judgeChunk(start, [2, 1], Infinity, 1)).toEqual({ ok: false, reason: 'non-finite' });
    expect(judgeChunk(start, [2, 1], 1, NaN)).toEqual({ ok: false, reason: 'non-finite' });
    expect(judgeChunk(start, [2, 1], 5000, 1)).toEqual({ ok: false, reason: 'out-of-range' });
  });
  it('ignores float32 wobble at the bottom', () => {
    expect(judgeChunk({ startQ: 2, rises: 0 }, [0.2, 0.20000001, 0.2, 0.20000002], 1.4, 0.5).ok).toBe(true);
  });
  it('a real run with too large a rate on the example is caught', () => {
    const r = descend(EXAMPLE_POINTS, 1, 1, 0.05, 30);
    expect(judgeChunk(start, r.losses, r.a, r.b).ok).toBe(false);
  });
});

describe('the URL', () => {
  it('round-trips points, a, b and the learning rate', () => {
    const state = { pts: [{ x: 0.5, y: 9.9 }, { x: 10, y: 0 }, { x: 3.3, y: 3.3 }], a: -2.25, b: 7.5, lr: 0.001 };
    const query = regressionSettings.write(state, '?backend=webgl');
    expect(query).toBe('backend=webgl&pts=0.5,9.9,10,0,3.3,3.3&a=-2.25&b=7.5&lr=0.001');
    expect(regressionSettings.read(query)).toEqual(state);
  });
  it('writes nothing for the defaults and reads the defaults from nothing', () => {
    expect(regressionSettings.write(regressionSettings.defaults)).toBe('');
    expect(regressionSettings.read('')).toEqual({ pts: EXAMPLE_POINTS, a: 1, b: 1, lr: 0.02 });
  });
  it('keeps an empty point list', () => {
    expect(regressionSettings.read('?pts=').pts).toEqual([]);
  });
  it('falls back to the defaults on garbage, field by field', () => {
    for (const bad of ['1,2,3', '1,2,x,4', '1,2,11,4', '-1,2', 'NaN,1', '1e999,1', '0x1,2', ',', Array.from({ length: 42 }, () => '1').join(',')]) {
      expect(regressionSettings.read(`?pts=${bad}&a=2`), bad).toEqual({ pts: EXAMPLE_POINTS, a: 2, b: 1, lr: 0.02 });
    }
    expect(regressionSettings.read('?a=NaN&b=Infinity&lr=5&pts=1,1,2,2')).toEqual({ pts: [{ x: 1, y: 1 }, { x: 2, y: 2 }], a: 1, b: 1, lr: 0.02 });
    expect(regressionSettings.read('?a=1e9&b=&lr=0&lr=-1')).toEqual(regressionSettings.defaults);
  });
});

describe('the plot', () => {
  it('maps data to the screen with one scale on both axes', () => {
    const p = { x: 3, y: 4 };
    const back = fromScreen(toScreenX(p.x), toScreenY(p.y));
    expect(back.x).toBeCloseTo(3, 12);
    expect(back.y).toBeCloseTo(4, 12);
    expect(toScreenX(1) - toScreenX(0)).toBe(SCALE);
    expect(toScreenY(0) - toScreenY(1)).toBe(SCALE);
  });
  it('draws each residual as a square of side |Q_i| (area Q_i²) between the point and the line', () => {
    const s = residualSquare({ x: 3, y: 5 }, 1, 1); // the line says 4: residual 1
    expect(s.residual).toBe(1);
    expect(s.area).toBe(1);
    expect(s.size).toBe(SCALE);
    expect([s.x, s.y]).toEqual([toScreenX(3), toScreenY(5)]);
    const below = residualSquare({ x: 9.5, y: 2 }, 0, 4); // below the line, near the right edge: drawn leftwards
    expect(below.residual).toBe(-2);
    expect([below.x, below.y, below.size]).toEqual([toScreenX(7.5), toScreenY(4), 2 * SCALE]);
  });
});
