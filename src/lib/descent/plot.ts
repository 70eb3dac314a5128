/**
 * Screen geometry of the two plots (SVG user units), so the islands only draw. Pure.
 */
import { lossAt, type Curve } from './curve.ts';
import { PLOT_W } from './curve-state.ts';
import { SURFACE_VIEW, type Path, type Point2, type Surface } from './surface.ts';

/** The 1-D plot: w across, L(w) up. */
export const CURVE_BOX = { width: 360, height: 220, left: 36, right: 10, top: 10, bottom: 28 } as const;

export function curveYMax(c: Curve): number {
  return Math.max(lossAt(c, PLOT_W.min), lossAt(c, PLOT_W.max));
}

/** Screen x of w, clamped to the plot (a point that left it sits on the edge). */
export function curveX(w: number): number {
  const b = CURVE_BOX;
  const t = (w - PLOT_W.min) / (PLOT_W.max - PLOT_W.min);
  const clamped = Number.isNaN(t) ? 1 : Math.min(1, Math.max(0, t));
  return b.left + clamped * (b.width - b.left - b.right);
}

export function curveY(c: Curve, loss: number): number {
  const b = CURVE_BOX;
  const t = loss / curveYMax(c);
  const clamped = Number.isNaN(t) ? 1 : Math.min(1, Math.max(0, t));
  return b.height - b.bottom - clamped * (b.height - b.top - b.bottom);
}

/** The parabola as SVG polyline points. */
export function curvePolyline(c: Curve, samples = 120): string {
  const out: string[] = [];
  for (let i = 0; i <= samples; i++) {
    const w = PLOT_W.min + ((PLOT_W.max - PLOT_W.min) * i) / samples;
    out.push(`${curveX(w).toFixed(1)},${curveY(c, lossAt(c, w)).toFixed(1)}`);
  }
  return out.join(' ');
}

/** The 2-D plot: SCALE px per unit, the same on both axes. */
export const SURFACE_SCALE = 50;
export const SURFACE_BOX = { width: 2 * SURFACE_VIEW.x * SURFACE_SCALE, height: 2 * SURFACE_VIEW.y * SURFACE_SCALE } as const;
/** How far outside the plot a drawn point may go before it is pinned (keeps SVG numbers sane). */
const FAR = 1000;

export function surfaceToScreen(p: Point2): { x: number; y: number } {
  const clamp = (v: number) => Math.min(FAR, Math.max(-FAR, v));
  return { x: clamp((p.x + SURFACE_VIEW.x) * SURFACE_SCALE), y: clamp((SURFACE_VIEW.y - p.y) * SURFACE_SCALE) };
}

/** Surface coordinates of a screen point (from a click). */
export function screenToSurface(x: number, y: number): Point2 {
  return { x: x / SURFACE_SCALE - SURFACE_VIEW.x, y: SURFACE_VIEW.y - y / SURFACE_SCALE };
}

/** Contour ellipses L = k²/2 (k = 1, 2, …) while they still touch the plot: their loss and radii in px. */
export function contours(s: Surface, count = 8): { loss: number; rx: number; ry: number }[] {
  const out: { loss: number; rx: number; ry: number }[] = [];
  for (let k = 1; k <= count; k++) {
    const loss = (k * k) / 2;
    out.push({ loss, rx: Math.sqrt((2 * loss) / s.cx) * SURFACE_SCALE, ry: Math.sqrt((2 * loss) / s.cy) * SURFACE_SCALE });
  }
  return out;
}

/** The path's first t + 1 points as polyline points, stopping before the first that is not a number. */
export function pathPolyline(path: Path, t: number): string {
  const out: string[] = [];
  for (const p of path.slice(0, t + 1)) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) break;
    const s = surfaceToScreen(p);
    out.push(`${s.x.toFixed(1)},${s.y.toFixed(1)}`);
  }
  return out.join(' ');
}

/** Inside the drawn plot. */
export function onPlot(p: Point2): boolean {
  return Number.isFinite(p.x) && Number.isFinite(p.y) && Math.abs(p.x) <= SURFACE_VIEW.x && Math.abs(p.y) <= SURFACE_VIEW.y;
}
