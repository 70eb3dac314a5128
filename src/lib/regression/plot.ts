/**
 * The scatter plot's geometry: data ↔ SVG coordinates with one scale on both axes (a residual's
 * square is a square on screen), the residual squares and the ticks. Pure: no DOM.
 */
import { DOMAIN, predict, type Point } from './fit.ts';

/** The SVG's viewBox is VIEW × VIEW; the plot area is the data domain drawn at SCALE per unit. */
export const PAD = { left: 34, top: 10 } as const;
export const SCALE = 30;
export const PLOT = (DOMAIN.max - DOMAIN.min) * SCALE;
export const VIEW = PAD.left + PLOT + 12;
export const VIEW_H = PAD.top + PLOT + 30;

export function toScreenX(x: number): number {
  return PAD.left + (x - DOMAIN.min) * SCALE;
}
export function toScreenY(y: number): number {
  return PAD.top + (DOMAIN.max - y) * SCALE;
}
/** SVG user units → data units (not snapped or clamped). */
export function fromScreen(sx: number, sy: number): Point {
  return { x: DOMAIN.min + (sx - PAD.left) / SCALE, y: DOMAIN.max - (sy - PAD.top) / SCALE };
}

/** A client (CSS pixel) position inside an element of the given box → SVG user units. */
export function clientToView(clientX: number, clientY: number, box: { readonly left: number; readonly top: number; readonly width: number; readonly height: number }): { x: number; y: number } {
  return { x: ((clientX - box.left) * VIEW) / box.width, y: ((clientY - box.top) * VIEW_H) / box.height };
}

export interface Square {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  /** The residual Q_i and its square (the area, in data units²). */
  readonly residual: number;
  readonly area: number;
}

/**
 * The square on point i's residual, in SVG units: one side is the vertical segment from the
 * point to the line; it extends to the right, or to the left when there is more room there.
 */
export function residualSquare(p: Point, a: number, b: number): Square {
  const fitted = predict(a, b, p.x);
  const residual = p.y - fitted;
  const side = Math.abs(residual);
  const roomRight = DOMAIN.max - p.x;
  const x0 = side <= roomRight || roomRight >= p.x - DOMAIN.min ? p.x : p.x - side;
  const top = Math.max(p.y, fitted);
  return { x: toScreenX(x0), y: toScreenY(top), size: side * SCALE, residual, area: residual * residual };
}

/** The line across the plot (clipped by the SVG). */
export function lineEnds(a: number, b: number): { x1: number; y1: number; x2: number; y2: number } {
  return { x1: toScreenX(DOMAIN.min), y1: toScreenY(predict(a, b, DOMAIN.min)), x2: toScreenX(DOMAIN.max), y2: toScreenY(predict(a, b, DOMAIN.max)) };
}

export const TICKS: readonly number[] = Array.from({ length: (DOMAIN.max - DOMAIN.min) / 2 + 1 }, (_, i) => DOMAIN.min + 2 * i);

/** A residual or its square for the table: at most 3 decimals, no "-0". */
export function formatShort(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const r = Number(v.toFixed(3));
  return String(r === 0 ? 0 : r);
}
