import { describe, expect, it } from 'vitest';
import { barWidth, percentText } from '../../src/lib/viz/bars.ts';
import { matrixMove } from '../../src/lib/viz/matrix.ts';

describe('bars', () => {
  it('clamps widths to 0..100% and shows NaN as an empty bar and a dash', () => {
    expect(barWidth(0.861)).toBe('86.1%');
    expect(barWidth(1.5)).toBe('100.0%');
    expect(barWidth(-1)).toBe('0.0%');
    expect(barWidth(Number.NaN)).toBe('0%');
    expect(percentText(0.1234)).toBe('12.3%');
    expect(percentText(0.1234, 0)).toBe('12%');
    expect(percentText(Number.NaN)).toBe('—');
  });
});

describe('matrixMove', () => {
  const caret = (start: number, end: number, length: number) => ({ start, end, length });
  // A 3×3 matrix; index 4 is the middle.
  it('moves up and down between rows, stopping at the edges', () => {
    expect(matrixMove('ArrowUp', 4, 3, 3, caret(1, 1, 2))).toBe(1);
    expect(matrixMove('ArrowDown', 4, 3, 3, caret(1, 1, 2))).toBe(7);
    expect(matrixMove('ArrowUp', 1, 3, 3, caret(0, 0, 1))).toBeNull();
    expect(matrixMove('ArrowDown', 7, 3, 3, caret(0, 0, 1))).toBeNull();
  });

  it('moves left and right only from the end of the text (or with all of it selected)', () => {
    expect(matrixMove('ArrowLeft', 4, 3, 3, caret(0, 0, 2))).toBe(3);
    expect(matrixMove('ArrowLeft', 4, 3, 3, caret(1, 1, 2))).toBeNull(); // the caret moves in the text
    expect(matrixMove('ArrowRight', 4, 3, 3, caret(2, 2, 2))).toBe(5);
    expect(matrixMove('ArrowRight', 4, 3, 3, caret(0, 0, 2))).toBeNull();
    expect(matrixMove('ArrowRight', 4, 3, 3, caret(0, 2, 2))).toBe(5); // all selected (as on focus)
    expect(matrixMove('ArrowLeft', 3, 3, 3, caret(0, 0, 0))).toBeNull(); // first column
    expect(matrixMove('ArrowRight', 5, 3, 3, caret(1, 1, 1))).toBeNull(); // last column
    expect(matrixMove('Enter', 4, 3, 3, caret(0, 0, 0))).toBeNull();
  });
});
