/**
 * The demo's settings in the URL: the points, a, b and the learning rate. A malformed value
 * falls back to its default (src/lib/url-state.ts). Pure: no DOM.
 *
 *   ?pts=1,2,2,3,3,5,4,6&a=1.4&b=0.5&lr=0.02
 */
import { defineUrlState, numberField, type Field, type StateOf } from '../url-state.ts';
import { checkNumber, type NumberSpec } from '../viz/numeric.ts';
import { DOMAIN, EXAMPLE_POINTS, PARAM_RANGE, START_LINE, type Point } from './fit.ts';

/** At most this many points (the plot stays readable, the URL short). */
export const MAX_POINTS = 20;
/** What the learning rate may be. */
export const LR_RANGE: NumberSpec = { min: 0.0001, max: 1 };
/** Small enough to converge on the worked example (2 / the largest curvature ≈ 0.03), large enough to get there in a second. */
export const DEFAULT_LR = 0.02;

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function readCoordinate(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const r = checkNumber(Number(text), DOMAIN);
  return r.ok ? r.value : null;
}

/** Up to MAX_POINTS points written "x1,y1,x2,y2,…", each coordinate in the plot's domain; "" is no points. */
export function pointsField(defaultValue: readonly Point[]): Field<readonly Point[]> {
  return {
    default: defaultValue,
    parse(text) {
      if (text === '') return [];
      const parts = text.split(',');
      if (parts.length % 2 !== 0 || parts.length > 2 * MAX_POINTS) return null;
      const values = parts.map(readCoordinate);
      if (!values.every((v): v is number => v !== null)) return null;
      const points: Point[] = [];
      for (let i = 0; i < values.length; i += 2) points.push({ x: values[i] ?? 0, y: values[i + 1] ?? 0 });
      return points;
    },
    format: (points) => points.map((p) => `${String(p.x)},${String(p.y)}`).join(','),
    equals: (p, q) => p.length === q.length && p.every((v, i) => Object.is(v.x, q[i]?.x) && Object.is(v.y, q[i]?.y)),
  };
}

export const regressionSettings = defineUrlState({
  pts: pointsField(EXAMPLE_POINTS),
  a: numberField(START_LINE.a, PARAM_RANGE),
  b: numberField(START_LINE.b, PARAM_RANGE),
  lr: numberField(DEFAULT_LR, LR_RANGE),
});

export type RegressionSettings = StateOf<typeof regressionSettings.schema>;
