/**
 * Linear regression y = ax + b by least squares: residuals, the loss Q_t, the closed form, and a
 * plain TypeScript gradient descent on Q_t (the reference the tfjs version is checked against).
 * Pure: no DOM, no tfjs.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The lesson's worked example: four points whose least-squares line is y = 1.4x + 0.5. */
export const EXAMPLE_POINTS: readonly Point[] = [
  { x: 1, y: 2 },
  { x: 2, y: 3 },
  { x: 3, y: 5 },
  { x: 4, y: 6 },
];

/** The line the demo starts from: the lesson's eyeballed guess y = x + 1. */
export const START_LINE = { a: 1, b: 1 } as const;

/** Where points may lie (both axes: equal scales, so a residual's square is a square). */
export const DOMAIN = { min: 0, max: 10 } as const;

/** What a and b may be (fields, the URL, the closed form's answer). */
export const PARAM_RANGE = { min: -1000, max: 1000 } as const;

/** The prediction of the line at x. */
export function predict(a: number, b: number, x: number): number {
  return a * x + b;
}

/** Q_i = y_i − (a x_i + b) for each point. */
export function residuals(points: readonly Point[], a: number, b: number): number[] {
  return points.map((p) => p.y - predict(a, b, p.x));
}

/** Q_t = Σ Q_i²: the loss of the line on the points. */
export function lossQt(points: readonly Point[], a: number, b: number): number {
  let sum = 0;
  for (const p of points) {
    const r = p.y - predict(a, b, p.x);
    sum += r * r;
  }
  return sum;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((s, v) => s + v, 0) / values.length;
}

export type FitRefusal = 'too-few' | 'same-x' | 'too-steep';

export type ClosedForm =
  | { readonly ok: true; readonly a: number; readonly b: number; readonly qt: number; readonly xMean: number; readonly yMean: number; readonly sxy: number; readonly sxx: number }
  | { readonly ok: false; readonly reason: FitRefusal };

/** Σ(x − x̄)² below this (data units²) counts as "all x equal": no single best slope. */
const SAME_X = 1e-9;

/**
 * The least-squares line: a = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)², b = ȳ − a x̄. Refused with fewer than two
 * points, when every x is the same (the denominator is 0: any line through x̄ vertical is not a
 * function), or when the answer lies outside the range a and b may take.
 */
export function closedForm(points: readonly Point[]): ClosedForm {
  if (points.length < 2) return { ok: false, reason: 'too-few' };
  const xMean = mean(points.map((p) => p.x));
  const yMean = mean(points.map((p) => p.y));
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - xMean) * (p.y - yMean);
    sxx += (p.x - xMean) ** 2;
  }
  if (sxx < SAME_X) return { ok: false, reason: 'same-x' };
  const a = sxy / sxx;
  const b = yMean - a * xMean;
  if (!inParamRange(a) || !inParamRange(b)) return { ok: false, reason: 'too-steep' };
  return { ok: true, a, b, qt: lossQt(points, a, b), xMean, yMean, sxy, sxx };
}

export function inParamRange(v: number): boolean {
  return Number.isFinite(v) && v >= PARAM_RANGE.min && v <= PARAM_RANGE.max;
}

/** ∂Q_t/∂a = −2 Σ x_i Q_i and ∂Q_t/∂b = −2 Σ Q_i. */
export function gradient(points: readonly Point[], a: number, b: number): { readonly da: number; readonly db: number } {
  let da = 0;
  let db = 0;
  for (const p of points) {
    const r = p.y - predict(a, b, p.x);
    da += -2 * p.x * r;
    db += -2 * r;
  }
  return { da, db };
}

export interface DescentResult {
  readonly a: number;
  readonly b: number;
  /** Q_t before each step, then after the last one (steps + 1 values). */
  readonly losses: readonly number[];
}

/** `steps` steps of plain gradient descent on Q_t with learning rate `lr`, from (a, b). */
export function descend(points: readonly Point[], a0: number, b0: number, lr: number, steps: number): DescentResult {
  let a = a0;
  let b = b0;
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    losses.push(lossQt(points, a, b));
    const g = gradient(points, a, b);
    a -= lr * g.da;
    b -= lr * g.db;
  }
  losses.push(lossQt(points, a, b));
  return { a, b, losses };
}

/** A number as the lesson states it: rounded to 6 significant digits (no float noise). */
export function tidy(v: number): number {
  const r = Number(v.toPrecision(6));
  return r === 0 ? 0 : r;
}

/** TeX for a number: a minus inside parentheses when squared, as the lesson writes it. */
function texSquare(v: number): string {
  const t = String(tidy(v));
  return v < 0 ? `(${t})^2` : `${t}^2`;
}

/** "y = 1.4x + 0.5" in TeX: a slope of 1 is written x, a negative intercept with a minus. */
export function lineTex(a: number, b: number): string {
  const slope = a === 1 ? '' : a === -1 ? '-' : String(tidy(a));
  const intercept = b === 0 ? '' : b < 0 ? ` - ${String(tidy(-b))}` : ` + ${String(tidy(b))}`;
  return `y = ${slope}x${intercept}`;
}

/**
 * The worked example's numbers, computed by the demo's own code: the lesson quotes them
 * (src/lib/facts.ts), so prose and demo cannot disagree.
 */
export function exampleNumbers() {
  const fit = closedForm(EXAMPLE_POINTS);
  if (!fit.ok) throw new Error('the worked example has no least-squares line');
  const start = lossQt(EXAMPLE_POINTS, START_LINE.a, START_LINE.b);
  const r = residuals(EXAMPLE_POINTS, fit.a, fit.b);
  return {
    points: EXAMPLE_POINTS.length,
    xMean: tidy(fit.xMean),
    yMean: tidy(fit.yMean),
    sxy: tidy(fit.sxy),
    sxx: tidy(fit.sxx),
    a: tidy(fit.a),
    b: tidy(fit.b),
    qt: tidy(fit.qt),
    startA: START_LINE.a,
    startB: START_LINE.b,
    startQt: tidy(start),
    ratio: tidy(start / fit.qt),
    fitTex: `a = \\frac{${tidy(fit.sxy)}}{${tidy(fit.sxx)}} = ${tidy(fit.a)}, \\qquad b = ${tidy(fit.yMean)} - ${tidy(fit.a)} \\times ${tidy(fit.xMean)} = ${tidy(fit.b)}`,
    lineTex: lineTex(fit.a, fit.b),
    startLineTex: lineTex(START_LINE.a, START_LINE.b),
    qtTex: `Q_t = ${r.map(texSquare).join(' + ')} = ${tidy(fit.qt)}`,
    residuals: r.map(tidy),
  };
}

/**
 * The learning rate above which gradient descent on Q_t diverges for these points. Q_t's
 * curvature (Hessian) is H = 2·[[Σx², Σx], [Σx, n]]; a step multiplies the error along H's
 * steepest direction by 1 − lr·λ_max(H), which exceeds 1 in size when lr > 2 / λ_max(H).
 * undefined with no points.
 */
export function divergenceRate(points: readonly Point[]): number | undefined {
  if (points.length === 0) return undefined;
  let sxx = 0;
  let sx = 0;
  for (const p of points) {
    sxx += p.x * p.x;
    sx += p.x;
  }
  const n = points.length;
  const trace = sxx + n;
  const det = n * sxx - sx * sx;
  const lambda = (trace + Math.sqrt(Math.max(0, trace * trace - 4 * det))) / 2;
  return 1 / lambda;
}
