/**
 * Fewer points for a line chart that keeps growing: a full training run has 6,330 batch losses,
 * and redrawing thousands of SVG points after every batch is what makes a page stutter. A chart
 * a few hundred pixels wide cannot show more than a few hundred points anyway.
 * Pure: no DOM.
 */

export type Point = readonly [number, number];

/** Points a chart draws at most (two per bucket, about one per pixel of a 360-wide chart). */
export const MAX_CHART_POINTS = 400;

/**
 * The points with a finite x and y, in order, reduced to at most `max` by min/max buckets: the
 * first and last points stay, the rest is cut into (max − 2) / 2 buckets of consecutive points,
 * and each bucket keeps its lowest and highest point in x order. So every spike and dip (the
 * overall extremes included) survives, which averaging would flatten. Returns `points` itself when
 * nothing needs dropping.
 */
export function downsample(points: readonly Point[], max: number = MAX_CHART_POINTS): readonly Point[] {
  const finite = points.every(isFinitePoint) ? points : points.filter(isFinitePoint);
  const n = finite.length;
  const limit = Math.max(2, Math.floor(max));
  if (n <= limit) return finite;
  const first = finite[0] as Point;
  const last = finite[n - 1] as Point;
  const buckets = Math.floor((limit - 2) / 2);
  if (buckets === 0) return [first, last];
  const inner = n - 2;
  const out: Point[] = [first];
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    if (end <= start) continue;
    let lo = start;
    let hi = start;
    for (let i = start + 1; i < end; i++) {
      const y = (finite[i] as Point)[1];
      if (y < (finite[lo] as Point)[1]) lo = i;
      if (y > (finite[hi] as Point)[1]) hi = i;
    }
    if (lo === hi) out.push(finite[lo] as Point);
    else out.push(finite[Math.min(lo, hi)] as Point, finite[Math.max(lo, hi)] as Point);
  }
  out.push(last);
  return out;
}

function isFinitePoint(p: Point): boolean {
  return Number.isFinite(p[0]) && Number.isFinite(p[1]);
}
