import { describe, expect, it } from 'vitest';
import { MAX_CHART_POINTS, downsample, type Point } from '../../src/lib/viz/downsample.ts';

/** A full run's batch losses: 6,330 steps with a spike and a dip in the middle. */
function run(): Point[] {
  return Array.from({ length: 6330 }, (_, i) => [i + 1, i === 3000 ? 9 : i === 4000 ? -1 : 2 * Math.exp(-i / 500) + 0.01 * Math.sin(i)] as const);
}

describe('downsample', () => {
  it('returns short series as they are', () => {
    const pts: Point[] = [[0, 1], [1, 2]];
    expect(downsample(pts)).toBe(pts);
    expect(downsample([[5, 5]])).toEqual([[5, 5]]);
    expect(downsample([])).toEqual([]);
  });

  it('cuts a full run to at most the limit, keeping the ends and every extreme, in x order', () => {
    const pts = run();
    const out = downsample(pts);
    expect(out.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(out.length).toBeGreaterThan(MAX_CHART_POINTS - 10);
    expect(out[0]).toBe(pts[0]);
    expect(out[out.length - 1]).toBe(pts[pts.length - 1]);
    expect(out).toContainEqual([3001, 9]);
    expect(out).toContainEqual([4001, -1]);
    for (let i = 1; i < out.length; i++) expect((out[i] as Point)[0]).toBeGreaterThan((out[i - 1] as Point)[0]);
    // Every point is one of the input's.
    const xs = new Set(pts.map((p) => p[0]));
    for (const p of out) expect(xs.has(p[0])).toBe(true);
  });

  it('honours small limits and drops points that are not finite', () => {
    const pts = run();
    expect(downsample(pts, 10).length).toBeLessThanOrEqual(10);
    expect(downsample(pts, 2)).toEqual([pts[0], pts[pts.length - 1]]);
    const gappy: Point[] = [[0, 1], [1, Number.NaN], [2, 3], [Number.POSITIVE_INFINITY, 1]];
    expect(downsample(gappy)).toEqual([[0, 1], [2, 3]]);
  });
});
