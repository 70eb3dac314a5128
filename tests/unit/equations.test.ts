import { describe, expect, it } from 'vitest';
import { descend, eliminate, evaluate, gradient, rateLimit, tidy } from '../../src/lib/equations/equations.ts';
import { initialEquations, latest, MAX_TRIES, reduceEquations, STEPS, type EquationEvent } from '../../src/lib/equations/state.ts';

describe('trying values', () => {
  it('the deck’s try x = 2, y = 2: 10 < 13 and 16 < 21, E = 9 + 25 = 34, increase both', () => {
    const t = evaluate(2, 2);
    expect(t.lhs).toEqual([10, 16]);
    expect(t.errors).toEqual([3, 5]);
    expect(t.squared).toBe(34);
    expect(t.hints).toEqual(['increase', 'increase']);
  });

  it('x = 3, y = 2 solves both: error 0', () => {
    const t = evaluate(3, 2);
    expect(t.lhs).toEqual([13, 21]);
    expect(t.squared).toBe(0);
    expect(t.hints).toEqual(['ok', 'ok']);
    expect(evaluate(4, 2).hints).toEqual(['decrease', 'decrease']);
    expect(evaluate(0.1 * 30, 2).squared).toBe(0);
  });

  it('the gradient of E is −2Aᵀe (finite differences agree)', () => {
    const E = (x: number, y: number) => (13 - 3 * x - 2 * y) ** 2 + (21 - 5 * x - 3 * y) ** 2;
    const [gx, gy] = gradient(2, 2);
    expect(gx).toBe(-2 * (3 * 3 + 5 * 5));
    expect(gy).toBe(-2 * (2 * 3 + 3 * 5));
    const h = 1e-6;
    expect((E(2 + h, 2) - E(2 - h, 2)) / (2 * h)).toBeCloseTo(gx, 4);
    expect((E(2, 2 + h) - E(2, 2 - h)) / (2 * h)).toBeCloseTo(gy, 4);
  });

  it('gradient steps converge below the rate limit and diverge above it', () => {
    // Hessian 2AᵀA = [[68, 42], [42, 26]]: λ_max = 47 + √2205, limit 2 / λ_max.
    expect(rateLimit()).toBeCloseTo(2 / (47 + Math.sqrt(2205)), 12);
    const far = descend(2, 2, 30000);
    expect(far).toEqual({ x: 3, y: 2 });
    const over = descend(2, 2, 200, rateLimit() * 1.05);
    expect(Math.abs(over.x) + Math.abs(over.y)).toBeGreaterThan(1000);
    expect(tidy(0.1 + 0.2)).toBe(0.3);
  });
});

describe('elimination', () => {
  it('goes (1)×5, (2)×3 → y = 2 → x = 3 and checks both equations', () => {
    const s = eliminate();
    expect(s[0]).toEqual({ kind: 'scale', m1: 5, m2: 3, first: { a: 15, b: 10, c: 65 }, second: { a: 15, b: 9, c: 63 } });
    expect(s[1]).toEqual({ kind: 'subtract', b1: 10, b2: 9, c1: 65, c2: 63, b: 1, c: 2 });
    expect(s[2]).toEqual({ kind: 'solve-y', b: 1, c: 2, y: 2 });
    expect(s[3]).toEqual({ kind: 'substitute', a: 3, by: 4, c: 13, rest: 9 });
    expect(s[4]).toEqual({ kind: 'solve-x', x: 3, y: 2 });
    expect(s[5]).toEqual({ kind: 'check', x: 3, y: 2, lhs: [13, 21] });
    // Another system: x + y = 3, x − y = 1 → x = 2, y = 1.
    expect(eliminate([{ a: 1, b: 1, c: 3 }, { a: 1, b: -1, c: 1 }]).at(-1)).toMatchObject({ x: 2, y: 1 });
    expect(() => eliminate([{ a: 1, b: 1, c: 3 }, { a: 2, b: 2, c: 1 }])).toThrow();
  });
});

describe('the demo’s reducer', () => {
  const run = (...events: EquationEvent[]) => events.reduce(reduceEquations, initialEquations);

  it('starts with the deck’s try and reaches x = 3, y = 2 with one +1 on x', () => {
    expect(initialEquations.tries).toHaveLength(1);
    expect(latest(initialEquations).squared).toBe(34);
    const s = run({ type: 'nudge', dx: 1, dy: 0 });
    expect(s.tries.map((t) => [t.n, t.x, t.y, t.squared])).toEqual([[1, 2, 2, 34], [2, 3, 2, 0]]);
  });

  it('typed values are tried with “try”; automatic steps lower E', () => {
    let s = run({ type: 'set', x: 2.5, y: 2.5 }, { type: 'try' });
    expect(latest(s)).toMatchObject({ x: 2.5, y: 2.5 });
    s = reduceEquations(s, { type: 'auto' });
    expect(s.tries.at(-1)?.auto).toBe(true);
    expect(latest(s).squared).toBeLessThan(evaluate(2.5, 2.5).squared);
    for (let i = 0; i < 5; i++) s = reduceEquations(s, { type: 'auto' });
    expect(latest(s)).toMatchObject({ x: 3, y: 2, squared: 0 });
  });

  it('refuses a step out of range, keeps at most MAX_TRIES, walks the elimination', () => {
    const far = run({ type: 'set', x: 100, y: 0 }, { type: 'nudge', dx: 1, dy: 0 });
    expect(far.refused).toBe(true);
    expect(far.tries).toHaveLength(1);
    let s = initialEquations;
    for (let i = 0; i < MAX_TRIES + 3; i++) s = reduceEquations(s, { type: 'nudge', dx: 0.1, dy: 0 });
    expect(s.tries).toHaveLength(MAX_TRIES);
    expect(s.tries.at(-1)?.n).toBe(MAX_TRIES + 4);
    let e = initialEquations;
    for (let i = 0; i < 10; i++) e = reduceEquations(e, { type: 'next' });
    expect(e.shown).toBe(STEPS.length);
    expect(reduceEquations(e, { type: 'back' }).shown).toBe(STEPS.length - 1);
    expect(reduceEquations(e, { type: 'restart-elimination' }).shown).toBe(0);
    expect(reduceEquations(run({ type: 'nudge', dx: 1, dy: 0 }), { type: 'reset' }).tries).toHaveLength(1);
  });
});
