import { describe, expect, it } from 'vitest';
import { pixelWindow } from '../../src/lib/program/pixels.ts';

describe('the pixels shown before and after / 255', () => {
  // Two 4×5 images; the second has most ink in row 2, starting at column 2.
  const first = new Array<number>(20).fill(0);
  const second = [
    0, 0, 0, 0, 0,
    0, 0, 0, 10, 0,
    0, 0, 255, 128, 51,
    0, 0, 0, 0, 0,
  ];
  const images = Uint8Array.from([...first, ...second]);

  it('takes the row with the most ink, from one pixel before the ink, scaled by 255', () => {
    const w = pixelWindow(images, 1, 4, 5, 3);
    expect(w.row).toBe(2);
    expect(w.cols).toEqual([1, 2, 3]);
    expect(w.raw).toEqual([0, 255, 128]);
    w.scaled.forEach((v, k) => { expect(v).toBeCloseTo((w.raw[k] ?? NaN) / 255, 7); });
    expect(w.scaled[1]).toBe(1);
  });

  it('stays inside the image', () => {
    const w = pixelWindow(images, 1, 4, 5, 5);
    expect(w.cols).toEqual([0, 1, 2, 3, 4]);
    expect(w.raw).toEqual([0, 0, 255, 128, 51]);
    expect(w.scaled[4]).toBeCloseTo(0.2, 7);
    // A blank image: row 0, from column 0, all zeros.
    const blank = pixelWindow(images, 0, 4, 5, 2);
    expect(blank).toEqual({ row: 0, cols: [0, 1], raw: [0, 0], scaled: [0, 0] });
  });

  it('refuses a bad width or image', () => {
    expect(() => pixelWindow(images, 1, 4, 5, 6)).toThrow(RangeError);
    expect(() => pixelWindow(images, 1, 4, 5, 0)).toThrow(RangeError);
    expect(() => pixelWindow(images, 2, 4, 5, 3)).toThrow(RangeError);
  });
});
