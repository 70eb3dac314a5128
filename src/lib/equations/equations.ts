/**
 * The deck's equations 3x + 2y = 13, 5x + 3y = 21 solved two ways for the 3-8 demo: by trying
 * values and adjusting them (each try's left-hand sides, errors and squared error, a hint which
 * way to go, and gradient steps on the squared error), and by elimination, step by step.
 * Pure: no DOM.
 */
import type { NumberSpec } from '../viz/numeric.ts';

/** a·x + b·y = c */
export interface Equation {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

export const SYSTEM: readonly [Equation, Equation] = [
  { a: 3, b: 2, c: 13 },
  { a: 5, b: 3, c: 21 },
];
/** The deck's first try. */
export const START = { x: 2, y: 2 } as const;
/** What the x and y fields accept. */
export const VALUE: NumberSpec = { min: -100, max: 100 };

export type Direction = 'increase' | 'decrease' | 'ok';

export interface Try {
  readonly x: number;
  readonly y: number;
  /** The left-hand sides a·x + b·y of each equation. */
  readonly lhs: readonly [number, number];
  /** The errors c − (a·x + b·y): positive means the left side is too small. */
  readonly errors: readonly [number, number];
  /** E = e1² + e2². */
  readonly squared: number;
  /** Which way each left-hand side must move. */
  readonly hints: readonly [Direction, Direction];
}

/** Tidy float noise from arithmetic (0.1 · 3) so 13 − 13.000000000000002 shows as 0. */
export function tidy(v: number): number {
  const r = Number(v.toPrecision(12));
  return r === 0 ? 0 : r;
}

function direction(error: number): Direction {
  return error === 0 ? 'ok' : error > 0 ? 'increase' : 'decrease';
}

export function evaluate(x: number, y: number, system = SYSTEM): Try {
  const lhs = system.map((q) => tidy(q.a * x + q.b * y)) as unknown as [number, number];
  const errors = system.map((q, i) => tidy(q.c - (lhs[i] ?? NaN))) as unknown as [number, number];
  const squared = tidy(errors[0] ** 2 + errors[1] ** 2);
  return { x, y, lhs, errors, squared, hints: [direction(errors[0]), direction(errors[1])] };
}

/** The gradient of E = Σ (c − a·x − b·y)² with respect to x and y. */
export function gradient(x: number, y: number, system = SYSTEM): [number, number] {
  let gx = 0;
  let gy = 0;
  for (const q of system) {
    const e = q.c - q.a * x - q.b * y;
    gx += -2 * q.a * e;
    gy += -2 * q.b * e;
  }
  return [gx, gy];
}

/**
 * The largest learning rate for which gradient descent on E converges: 2 / λ_max of E's Hessian
 * 2·AᵀA. Above it each step overshoots further.
 */
export function rateLimit(system = SYSTEM): number {
  const [p, q] = system;
  const s11 = 2 * (p.a * p.a + q.a * q.a);
  const s12 = 2 * (p.a * p.b + q.a * q.b);
  const s22 = 2 * (p.b * p.b + q.b * q.b);
  const mean = (s11 + s22) / 2;
  const lambdaMax = mean + Math.sqrt(((s11 - s22) / 2) ** 2 + s12 * s12);
  return 2 / lambdaMax;
}

/** The learning rate the "adjust automatically" button uses: 90% of the limit. */
export const AUTO_RATE = 0.9 * rateLimit();
/** Gradient steps per press. */
export const AUTO_STEPS = 5000;

/** `steps` gradient steps on E from (x, y); values rounded to 6 decimals (what the fields show). */
export function descend(x: number, y: number, steps = AUTO_STEPS, rate = AUTO_RATE, system = SYSTEM): { x: number; y: number } {
  let px = x;
  let py = y;
  for (let i = 0; i < steps; i++) {
    const [gx, gy] = gradient(px, py, system);
    px -= rate * gx;
    py -= rate * gy;
    if (!Number.isFinite(px) || !Number.isFinite(py)) break;
  }
  const round = (v: number) => tidy(Math.round(v * 1e6) / 1e6);
  return { x: round(px), y: round(py) };
}

/** The steps of elimination, each with the numbers the view writes out. */
export type EliminationStep =
  /** Multiply (1) by m1 and (2) by m2 so x has the same coefficient in both. */
  | { readonly kind: 'scale'; readonly m1: number; readonly m2: number; readonly first: Equation; readonly second: Equation }
  /** Subtract the second from the first: (b1 − b2)·y = c1 − c2. */
  | { readonly kind: 'subtract'; readonly b1: number; readonly b2: number; readonly c1: number; readonly c2: number; readonly b: number; readonly c: number }
  /** y = c / b. */
  | { readonly kind: 'solve-y'; readonly b: number; readonly c: number; readonly y: number }
  /** Put y into (1): a·x + b·y = c → a·x = c − b·y. */
  | { readonly kind: 'substitute'; readonly a: number; readonly by: number; readonly c: number; readonly rest: number }
  /** x = rest / a. */
  | { readonly kind: 'solve-x'; readonly x: number; readonly y: number }
  /** Both equations checked with the answer. */
  | { readonly kind: 'check'; readonly x: number; readonly y: number; readonly lhs: readonly [number, number] };

/** Elimination of x for a 2×2 system with a unique solution. */
export function eliminate(system = SYSTEM): EliminationStep[] {
  const [p, q] = system;
  const m1 = q.a;
  const m2 = p.a;
  const first = { a: p.a * m1, b: p.b * m1, c: p.c * m1 };
  const second = { a: q.a * m2, b: q.b * m2, c: q.c * m2 };
  const b = first.b - second.b;
  const c = first.c - second.c;
  if (b === 0) throw new Error('eliminate: the system has no unique solution');
  const y = tidy(c / b);
  const by = tidy(p.b * y);
  const rest = tidy(p.c - by);
  const x = tidy(rest / p.a);
  const check = evaluate(x, y, system);
  return [
    { kind: 'scale', m1, m2, first, second },
    { kind: 'subtract', b1: first.b, b2: second.b, c1: first.c, c2: second.c, b, c },
    { kind: 'solve-y', b, c, y },
    { kind: 'substitute', a: p.a, by, c: p.c, rest },
    { kind: 'solve-x', x, y },
    { kind: 'check', x, y, lhs: check.lhs },
  ];
}
