import { describe, expect, it } from 'vitest';
import { BLACK, WHITE, contrast, greyRgba, markerGeometry, maxAbsOf, sheetRgba, signedColour, signedGradient, textOn } from '../../src/lib/viz/image.ts';

describe('signedColour', () => {
  it('is blue below 0, near white at 0, red above, clamped at ±maxAbs', () => {
    const [r0, g0, b0] = signedColour(0, 1);
    expect(Math.min(r0, g0, b0)).toBeGreaterThan(240);
    const [rn, , bn] = signedColour(-1, 1);
    expect(bn).toBeGreaterThan(rn);
    const [rp, , bp] = signedColour(1, 1);
    expect(rp).toBeGreaterThan(bp);
    expect(signedColour(-50, 2)).toEqual(signedColour(-2, 2));
    expect(signedColour(50, 2)).toEqual(signedColour(2, 2));
    // Stronger values are darker on both sides.
    expect(signedColour(1, 1)[1]).toBeLessThan(signedColour(0.5, 1)[1]);
    expect(signedColour(-1, 1)[1]).toBeLessThan(signedColour(-0.5, 1)[1]);
  });

  it('is neutral for NaN and when the scale is empty', () => {
    expect(signedColour(Number.NaN, 1)).toEqual(signedColour(0, 1));
    expect(signedColour(3, 0)).toEqual(signedColour(0, 1));
  });

  it('keeps text readable: black or white on any colour of the scale reaches 4.5:1', () => {
    for (let v = -1; v <= 1; v += 0.05) {
      const bg = signedColour(v, 1);
      expect(contrast(bg, textOn(bg))).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(BLACK, WHITE)).toBeCloseTo(21);
  });

  it('gives the legend the same colours as a CSS gradient', () => {
    const g = signedGradient(3);
    expect(g).toBe(`linear-gradient(to right, rgb(${signedColour(-1, 1).join(' ')}) 0.0%, rgb(${signedColour(0, 1).join(' ')}) 50.0%, rgb(${signedColour(1, 1).join(' ')}) 100.0%)`);
  });
});

describe('images', () => {
  it('greyRgba maps 0..1 to black..white, opaque', () => {
    const { data, width, height } = greyRgba([0, 0.5, 1, 2], 2, 2);
    expect([width, height]).toEqual([2, 2]);
    expect(Array.from(data)).toEqual([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255, 255, 255, 255, 255]);
  });

  it('a signed sheet uses signedColour with the given or the measured scale', () => {
    const layout = { tileWidth: 2, tileHeight: 1, channels: 1, columns: 1, gap: 0 };
    const px = (data: Uint8ClampedArray, i: number) => Array.from(data.slice(i * 4, i * 4 + 3));
    const measured = sheetRgba([-2, 1], layout, 'signed');
    expect(px(measured.data, 0)).toEqual([...signedColour(-2, 2)]);
    expect(px(measured.data, 1)).toEqual([...signedColour(1, 2)]);
    const fixed = sheetRgba([-2, 1], layout, 'signed', 4);
    expect(px(fixed.data, 1)).toEqual([...signedColour(1, 4)]);
  });

  it("a grey sheet shows values as given, and gaps are a grey none of the tiles' colours is", () => {
    const layout = { tileWidth: 1, tileHeight: 1, channels: 2, columns: 2, gap: 1 };
    const { data, width } = sheetRgba([0, 1], layout, 'grey');
    expect(width).toBe(3);
    expect([data[0], data[4], data[8]]).toEqual([0, 128, 255]);
    const signed = sheetRgba([0, 1], layout, 'signed');
    expect(Array.from(signed.data.slice(4, 7))).not.toEqual([...signedColour(0, 1)]);
  });

  it('maxAbsOf ignores non-finite values and honours a floor', () => {
    expect(maxAbsOf([1, -3, Number.NaN, Number.POSITIVE_INFINITY])).toBe(3);
    expect(maxAbsOf([0.2, -0.1], 1)).toBe(1);
    expect(maxAbsOf([])).toBe(0);
  });

  it('places the marker on pixel centres', () => {
    const { lines, stroke } = markerGeometry(28, 28, { x: 14, y: 14 });
    expect(lines[0]).toEqual({ x1: 14.5 - 3.5, y1: 14.5, x2: 14.5 + 3.5, y2: 14.5 });
    expect(lines[1].x1).toBe(14.5);
    expect(stroke).toBeCloseTo(28 / 60);
  });
});
