/**
 * The overfitting demo's plot, as numbers: the view box, data → screen coordinates, and the fitted
 * curve as an SVG path (a curve that leaves the plot is clipped to it, so a wild fit stays
 * visible as lines hitting the edges). Pure: no DOM.
 */
import { curve } from './state.ts';
import { truth, X_RANGE } from './data.ts';

export const VIEW_W = 360;
export const VIEW_H = 240;
export const PAD = 12;
export const Y_RANGE = 2;

export function toX(x: number): number {
  return PAD + ((x + X_RANGE) / (2 * X_RANGE)) * (VIEW_W - 2 * PAD);
}

export function toY(y: number): number {
  const clamped = Math.max(-Y_RANGE * 1.05, Math.min(Y_RANGE * 1.05, y));
  return PAD + ((Y_RANGE - clamped) / (2 * Y_RANGE)) * (VIEW_H - 2 * PAD);
}

/** An SVG path through (x, y) points. */
export function pathOf(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${toX(x).toFixed(1)},${toY(Number.isFinite(y) ? y : 0).toFixed(1)}`).join(' ');
}

/** The polynomial's curve as a path. */
export function fitPath(weights: readonly number[]): string {
  return pathOf(curve(weights, -X_RANGE, X_RANGE));
}

/** The true curve as a path. */
export function truthPath(): string {
  return pathOf(Array.from({ length: 81 }, (_, i) => {
    const x = -X_RANGE + (2 * X_RANGE * i) / 80;
    return [x, truth(x)] as const;
  }));
}

/** The errors as shown: three decimals. */
export function errorText(v: number): string {
  return Number.isFinite(v) ? v.toFixed(3) : '—';
}
