import { describe, expect, it } from 'vitest';
import {
  DRAW_SIZE,
  LINE_WIDTH_RATIO,
  StrokeModel,
  lineWidthFor,
  rasteriseStrokes,
  smoothStroke,
} from '../../src/lib/draw/strokes.ts';
import { FRAME_CENTRE, inkBox, prepareDigit } from '../../src/lib/draw/preprocess.ts';

const sum = (a: Float32Array) => a.reduce((s, v) => s + v, 0);

describe('StrokeModel', () => {
  it('records strokes, drops samples that do not move, undoes and clears', () => {
    const m = new StrokeModel();
    expect(m.isEmpty).toBe(true);
    m.begin({ x: 10, y: 10 });
    expect(m.drawing).toBe(true);
    expect(m.extend({ x: 10.1, y: 10 })).toBe(false);
    expect(m.extend({ x: 20, y: 10 })).toBe(true);
    m.end();
    expect(m.extend({ x: 30, y: 10 })).toBe(false); // no open stroke
    m.begin({ x: 50, y: 50 });
    m.extend({ x: 60, y: 70 });
    m.end();
    expect(m.strokes.map((s) => s.length)).toEqual([2, 2]);
    const v = m.version;
    expect(m.undo()).toBe(true);
    expect(m.version).toBeGreaterThan(v);
    expect(m.strokes).toHaveLength(1);
    m.clear();
    expect(m.isEmpty).toBe(true);
    expect(m.undo()).toBe(false);
  });

  it('clamps points to the drawing area', () => {
    const m = new StrokeModel();
    m.begin({ x: -50, y: 1000 });
    m.extend({ x: Number.NaN, y: 5 });
    expect(m.strokes[0]).toEqual([{ x: 0, y: DRAW_SIZE }, { x: 0, y: 5 }]);
  });

  it('rasterises at any size with a line width proportional to it', () => {
    const m = new StrokeModel();
    m.begin({ x: 140, y: 40 });
    m.extend({ x: 140, y: 240 });
    m.end();
    const big = m.rasterise();
    const small = m.rasterise(140);
    expect(big.width).toBe(DRAW_SIZE);
    expect(small.width).toBe(140);
    const bigBox = inkBox(big.data as Float32Array, big.width, big.height);
    const smallBox = inkBox(small.data as Float32Array, small.width, small.height);
    expect(lineWidthFor(DRAW_SIZE)).toBeCloseTo(DRAW_SIZE * LINE_WIDTH_RATIO);
    // Width of the vertical line ≈ the line width; round caps extend its length by it.
    expect(bigBox?.width).toBeGreaterThanOrEqual(Math.floor(lineWidthFor(DRAW_SIZE)));
    expect(bigBox?.width).toBeLessThanOrEqual(Math.ceil(lineWidthFor(DRAW_SIZE)) + 2);
    expect(bigBox?.height).toBeGreaterThanOrEqual(200 + Math.floor(lineWidthFor(DRAW_SIZE)));
    expect((smallBox?.width ?? 0) * 2).toBeCloseTo(bigBox?.width ?? 0, -1);
  });
});

describe('smoothStroke', () => {
  it('passes through the first and last samples and interpolates between samples', () => {
    const pts = [{ x: 0, y: 0 }, { x: 40, y: 0 }, { x: 40, y: 40 }, { x: 0, y: 40 }];
    const path = smoothStroke(pts);
    expect(path[0]).toEqual(pts[0]);
    expect(path[path.length - 1]).toEqual(pts[3]);
    expect(path.length).toBeGreaterThan(20);
    // No jump longer than a few units: the curve is cut into small pieces.
    for (let i = 1; i < path.length; i++) {
      const a = path[i - 1];
      const b = path[i];
      if (!a || !b) throw new Error('missing point');
      expect(Math.hypot(b.x - a.x, b.y - a.y)).toBeLessThan(5);
    }
    // The corner at (40, 0) is rounded off, not visited.
    expect(path.some((p) => p.x === 40 && p.y === 0)).toBe(false);
  });

  it('keeps a single sample as a dot', () => {
    expect(smoothStroke([{ x: 3, y: 4 }])).toEqual([{ x: 3, y: 4 }]);
    expect(smoothStroke([])).toEqual([]);
  });
});

describe('rasteriseStrokes', () => {
  it('draws a round dot of the line width with anti-aliased edges', () => {
    const ink = rasteriseStrokes([[{ x: 50, y: 50 }]], 100, 100, 20);
    // Area of a disc of radius 10 ≈ 314.
    expect(sum(ink)).toBeGreaterThan(290);
    expect(sum(ink)).toBeLessThan(340);
    expect(ink[50 * 100 + 50]).toBe(1);
    expect(ink[0]).toBe(0);
    expect(Array.from(ink).some((v) => v > 0 && v < 1)).toBe(true);
    for (const v of ink) expect(v >= 0 && v <= 1).toBe(true);
  });

  it('covers the whole path between samples (no gaps) and stays in 0..1 where strokes cross', () => {
    const ink = rasteriseStrokes(
      [
        [{ x: 10, y: 50 }, { x: 90, y: 50 }],
        [{ x: 50, y: 10 }, { x: 50, y: 90 }],
      ],
      100,
      100,
      6,
    );
    for (let x = 10; x < 90; x++) expect(ink[50 * 100 + x]).toBe(1);
    expect(Math.max(...ink)).toBe(1);
  });

  it('feeds the preprocessing: a drawn "1" becomes a tall thin digit in the middle', () => {
    const m = new StrokeModel();
    m.begin({ x: 40, y: 30 });
    for (let y = 30; y <= 120; y += 5) m.extend({ x: 40 + (y - 30) * 0.05, y });
    m.end();
    const p = prepareDigit(m.rasterise());
    if (p.empty) throw new Error('expected ink');
    expect(p.scaled.height).toBe(20);
    expect(p.scaled.width).toBeLessThan(10);
    expect(Math.abs(p.centre.x - FRAME_CENTRE)).toBeLessThanOrEqual(0.5);
  });
});

