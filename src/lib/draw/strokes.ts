/**
 * The drawing as data, shared by the canvas (which only paints it) and the preprocessing (which
 * reads the ink this module rasterises), so the model sees exactly what the learner drew.
 *
 * - Strokes: point lists in drawing units (a square of `DRAW_SIZE` units, whatever size the
 *   canvas has on screen), smoothed by quadratic curves through the midpoints of the samples,
 *   with round caps and joins and a line width proportional to the canvas size.
 * The keyboard alternative, a grid of MNIST's size, is the kit's paint grid (src/lib/viz/paint-grid.ts).
 * Pure: no DOM.
 */
import type { InkImage } from './preprocess.ts';

/** Side of the drawing area in drawing units. */
export const DRAW_SIZE = 280;
/** Line width as a share of the canvas side (20 units on 280: MNIST-like strokes for a full-size digit). */
export const LINE_WIDTH_RATIO = 1 / 14;
/** Samples closer than this (drawing units) to the previous one are dropped. */
export const MIN_STEP = 0.75;
/** Length (drawing units) of the straight pieces a smoothed curve is cut into. */
export const FLATTEN_STEP = 2;

export interface Pt {
  readonly x: number;
  readonly y: number;
}

export type Stroke = readonly Pt[];

export function lineWidthFor(size: number): number {
  return size * LINE_WIDTH_RATIO;
}

/**
 * The strokes of a drawing, with undo and clear. Mutable (the canvas appends a point per pointer
 * sample); `version` changes with every edit, so a component can re-render on it.
 */
export class StrokeModel {
  #strokes: Pt[][] = [];
  #open = false;
  #version = 0;

  /** Side of the drawing area in drawing units. */
  readonly size: number;

  constructor(size: number = DRAW_SIZE) {
    this.size = size;
  }

  get strokes(): readonly Stroke[] {
    return this.#strokes;
  }

  get version(): number {
    return this.#version;
  }

  get isEmpty(): boolean {
    return this.#strokes.length === 0;
  }

  /** Whether a stroke is being drawn (between begin and end). */
  get drawing(): boolean {
    return this.#open;
  }

  /** Starts a stroke at p (clamped to the drawing area). */
  begin(p: Pt): void {
    this.#strokes.push([this.#clamp(p)]);
    this.#open = true;
    this.#version++;
  }

  /** Adds a sample to the open stroke; returns whether it was kept. */
  extend(p: Pt): boolean {
    const stroke = this.#strokes[this.#strokes.length - 1];
    if (!this.#open || !stroke) return false;
    const q = this.#clamp(p);
    const last = stroke[stroke.length - 1];
    if (last && Math.hypot(q.x - last.x, q.y - last.y) < MIN_STEP) return false;
    stroke.push(q);
    this.#version++;
    return true;
  }

  end(): void {
    this.#open = false;
  }

  /** Removes the last stroke; returns whether there was one. */
  undo(): boolean {
    this.#open = false;
    if (this.#strokes.pop() === undefined) return false;
    this.#version++;
    return true;
  }

  clear(): void {
    this.#open = false;
    if (this.#strokes.length === 0) return;
    this.#strokes = [];
    this.#version++;
  }

  /** The ink of the whole drawing at `size`×`size` pixels (the drawing area scaled to fit). */
  rasterise(size: number = this.size): InkImage {
    const k = size / this.size;
    const strokes = k === 1 ? this.#strokes : this.#strokes.map((s) => s.map((p) => ({ x: p.x * k, y: p.y * k })));
    return { data: rasteriseStrokes(strokes, size, size, lineWidthFor(size)), width: size, height: size };
  }

  #clamp(p: Pt): Pt {
    const c = (v: number) => (Number.isFinite(v) ? Math.min(this.size, Math.max(0, v)) : 0);
    return { x: c(p.x), y: c(p.y) };
  }
}

const mid = (a: Pt, b: Pt): Pt => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/**
 * A stroke as a smooth polyline: from the first sample, quadratic Bézier curves with each inner
 * sample as control point and the midpoints between samples as ends, then a line to the last
 * sample (the usual "midpoint" smoothing of hand-drawn lines). Each curve is cut into pieces of
 * about FLATTEN_STEP units. A single sample stays a single point (a dot).
 */
export function smoothStroke(points: Stroke, step = FLATTEN_STEP): Pt[] {
  const first = points[0];
  if (!first) return [];
  if (points.length < 3) return points.map((p) => ({ x: p.x, y: p.y }));
  const out: Pt[] = [{ x: first.x, y: first.y }];
  let start = first;
  for (let i = 1; i < points.length - 1; i++) {
    const c = points[i] as Pt;
    const end = mid(c, points[i + 1] as Pt);
    const length = Math.hypot(c.x - start.x, c.y - start.y) + Math.hypot(end.x - c.x, end.y - c.y);
    const n = Math.max(1, Math.ceil(length / step));
    for (let j = 1; j <= n; j++) {
      const t = j / n;
      const u = 1 - t;
      out.push({ x: u * u * start.x + 2 * u * t * c.x + t * t * end.x, y: u * u * start.y + 2 * u * t * c.y + t * t * end.y });
    }
    start = end;
  }
  const last = points[points.length - 1] as Pt;
  const n = Math.max(1, Math.ceil(Math.hypot(last.x - start.x, last.y - start.y) / step));
  for (let j = 1; j < n; j++) out.push({ x: start.x + ((last.x - start.x) * j) / n, y: start.y + ((last.y - start.y) * j) / n });
  out.push({ x: last.x, y: last.y });
  return out;
}

/**
 * Anti-aliased ink of round-capped strokes: each pixel's coverage is estimated from the distance
 * of its centre to the nearest piece of stroke (full inside, a one-pixel ramp at the edge).
 * Overlapping strokes take the maximum, so the order of drawing does not matter.
 */
export function rasteriseStrokes(strokes: readonly Stroke[], width: number, height: number, lineWidth: number): Float32Array {
  const ink = new Float32Array(width * height);
  const r = lineWidth / 2;
  const reach = r + 0.5;
  for (const stroke of strokes) {
    const path = smoothStroke(stroke);
    const segments = path.length === 1 ? [[path[0] as Pt, path[0] as Pt] as const] : path.slice(1).map((b, i) => [path[i] as Pt, b] as const);
    for (const [a, b] of segments) {
      const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - reach));
      const x1 = Math.min(width - 1, Math.ceil(Math.max(a.x, b.x) + reach));
      const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - reach));
      const y1 = Math.min(height - 1, Math.ceil(Math.max(a.y, b.y) + reach));
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len2 = dx * dx + dy * dy;
      const reach2 = reach * reach;
      const inner2 = reach > 1 ? (reach - 1) * (reach - 1) : 0;
      for (let y = y0; y <= y1; y++) {
        const py = y + 0.5 - a.y;
        for (let x = x0; x <= x1; x++) {
          const i = y * width + x;
          if (ink[i] === 1) continue;
          const px = x + 0.5 - a.x;
          let t = len2 > 0 ? (px * dx + py * dy) / len2 : 0;
          t = t < 0 ? 0 : t > 1 ? 1 : t;
          const ex = px - t * dx;
          const ey = py - t * dy;
          const d2 = ex * ex + ey * ey;
          if (d2 >= reach2) continue;
          const v = d2 <= inner2 ? 1 : reach - Math.sqrt(d2);
          if (v > (ink[i] ?? 0)) ink[i] = v;
        }
      }
    }
  }
  return ink;
}
