import { describe, expect, it } from 'vitest';
import { cellAt, convolveReference, fixed, isLast, keyMove, relu, stepPosition, windowAt } from '../../src/lib/conv/window.ts';
import { PRESETS, PRESET_IDS, presetOf } from '../../src/lib/conv/presets.ts';

/** The lesson's worked example: a 3×3 patch, dark left column, light right two, in a 4×4 image. */
const IMAGE = [
  0, 1, 1, 0,
  0, 1, 1, 0,
  0, 1, 1, 0,
  0, 0, 0, 0,
];

describe('windowAt', () => {
  it('lists the nine pixel × weight products and sums them (the lesson: 1 + 1 + 1 = 3)', () => {
    const r = windowAt(IMAGE, 4, PRESETS.vertical, 0, false, { row: 0, col: 0 });
    expect(r.terms).toHaveLength(9);
    expect(r.terms.map((t) => t.pixel)).toEqual([0, 1, 1, 0, 1, 1, 0, 1, 1]);
    expect(r.terms.map((t) => t.weight)).toEqual([-1, 0, 1, -1, 0, 1, -1, 0, 1]);
    expect(r.terms.map((t) => t.product)).toEqual([-0, 0, 1, -0, 0, 1, -0, 0, 1]);
    expect(r.terms[5]).toMatchObject({ i: 1, j: 2 });
    expect(r.sum).toBe(3);
    expect(r.preActivation).toBe(3);
    expect(r.output).toBe(3);
  });

  it('adds the bias, then ReLU clips a negative sum to 0', () => {
    // At (0, 1): columns 1 1 0 → each row −1, the sum −3.
    const off = windowAt(IMAGE, 4, PRESETS.vertical, 0.5, false, { row: 0, col: 1 });
    expect(off.sum).toBe(-3);
    expect(off.preActivation).toBe(-2.5);
    expect(off.output).toBe(-2.5);
    const on = windowAt(IMAGE, 4, PRESETS.vertical, 0.5, true, { row: 0, col: 1 });
    expect(on.output).toBe(0);
    expect(Object.is(relu(-0), 0)).toBe(true);
    expect(windowAt(IMAGE, 4, PRESETS.vertical, 4, true, { row: 0, col: 1 }).output).toBe(1);
  });

  it('agrees with the whole output at every position', () => {
    const image = Array.from({ length: 49 }, (_, k) => ((k * 37) % 11) / 10);
    const kernel = [0.5, -1, 2, 0, 1.5, -0.25, 3, 0, -2];
    for (const useRelu of [false, true]) {
      const all = convolveReference(image, 7, kernel, -0.75, useRelu);
      expect(all).toHaveLength(25);
      for (let row = 0; row < 5; row++) {
        for (let col = 0; col < 5; col++) expect(windowAt(image, 7, kernel, -0.75, useRelu, { row, col }).output).toBeCloseTo(all[row * 5 + col] ?? NaN, 5);
      }
    }
  });

  it('refuses a position outside the output', () => {
    expect(() => windowAt(IMAGE, 4, PRESETS.blur, 0, false, { row: 2, col: 0 })).toThrow(/outside/);
    expect(() => windowAt(IMAGE, 4, PRESETS.blur, 0, false, { row: 0, col: -1 })).toThrow(/outside/);
  });
});

describe('moving the window', () => {
  it('steps along rows, wrapping, and stops at both ends', () => {
    expect(stepPosition({ row: 0, col: 0 }, 1, 26)).toEqual({ row: 0, col: 1 });
    expect(stepPosition({ row: 0, col: 25 }, 1, 26)).toEqual({ row: 1, col: 0 });
    expect(stepPosition({ row: 1, col: 0 }, -1, 26)).toEqual({ row: 0, col: 25 });
    expect(stepPosition({ row: 0, col: 0 }, -1, 26)).toEqual({ row: 0, col: 0 });
    expect(stepPosition({ row: 25, col: 25 }, 1, 26)).toEqual({ row: 25, col: 25 });
    expect(stepPosition({ row: 0, col: 0 }, 26 * 3 + 4, 26)).toEqual({ row: 3, col: 4 });
    expect(isLast({ row: 25, col: 25 }, 26)).toBe(true);
    expect(isLast({ row: 25, col: 24 }, 26)).toBe(false);
  });

  it('maps keys: ←/→ along the path, ↑/↓ a row, Home/End the ends; other keys are not the window\'s', () => {
    const at = { row: 3, col: 25 };
    expect(keyMove('ArrowRight', at, 26)).toEqual({ row: 4, col: 0 });
    expect(keyMove('ArrowLeft', at, 26)).toEqual({ row: 3, col: 24 });
    expect(keyMove('ArrowDown', at, 26)).toEqual({ row: 4, col: 25 });
    expect(keyMove('ArrowUp', at, 26)).toEqual({ row: 2, col: 25 });
    expect(keyMove('ArrowUp', { row: 0, col: 5 }, 26)).toEqual({ row: 0, col: 5 });
    expect(keyMove('ArrowDown', { row: 25, col: 5 }, 26)).toEqual({ row: 25, col: 5 });
    expect(keyMove('Home', at, 26)).toEqual({ row: 0, col: 0 });
    expect(keyMove('End', at, 26)).toEqual({ row: 25, col: 25 });
    expect(keyMove('a', at, 26)).toBeNull();
    expect(keyMove('Enter', at, 26)).toBeNull();
  });

  it('finds the output cell under a click', () => {
    expect(cellAt(0, 0, 26)).toEqual({ row: 0, col: 0 });
    expect(cellAt(0.999, 0.5, 26)).toEqual({ row: 13, col: 25 });
    expect(cellAt(3.5 / 26, 10.2 / 26, 26)).toEqual({ row: 10, col: 3 });
    expect(cellAt(1, 0.5, 26)).toBeNull();
    expect(cellAt(-0.01, 0.5, 26)).toBeNull();
    expect(cellAt(NaN, 0.5, 26)).toBeNull();
  });
});

describe('presets', () => {
  it('are nine weights each, the ones the lesson names', () => {
    for (const id of PRESET_IDS) expect(PRESETS[id]).toHaveLength(9);
    expect(PRESETS.vertical).toEqual([-1, 0, 1, -1, 0, 1, -1, 0, 1]);
    expect(PRESETS.horizontal).toEqual([-1, -1, -1, 0, 0, 0, 1, 1, 1]);
    expect(PRESETS.blur.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(PRESETS.sharpen.reduce((a, b) => a + b, 0)).toBe(1);
    expect(PRESETS.identity).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0]);
  });

  it('identity leaves the image as it is (cropped), blur averages, a flat patch gives 0 edges', () => {
    const image = Array.from({ length: 25 }, (_, k) => k / 24);
    const id = convolveReference(image, 5, PRESETS.identity, 0, false);
    expect(Array.from(id)).toEqual([6, 7, 8, 11, 12, 13, 16, 17, 18].map((k) => Math.fround(k / 24)));
    const flat = new Array<number>(25).fill(0.6);
    expect(Array.from(convolveReference(flat, 5, PRESETS.blur, 0, false)).every((v) => Math.abs(v - 0.6) < 1e-6)).toBe(true);
    expect(Array.from(convolveReference(flat, 5, PRESETS.vertical, 0, false)).every((v) => Math.abs(v) < 1e-6)).toBe(true);
    expect(Array.from(convolveReference(flat, 5, PRESETS.horizontal, 0, false)).every((v) => Math.abs(v) < 1e-6)).toBe(true);
  });

  it('recognises a preset exactly, and nothing else', () => {
    for (const id of PRESET_IDS) expect(presetOf(PRESETS[id])).toBe(id);
    expect(presetOf([-1, 0, 1, -1, 0, 1, -1, 0, 1.5])).toBeNull();
    expect(presetOf([1, 2, 3])).toBeNull();
  });
});

describe('fixed', () => {
  it('shows two decimals and never a negative zero', () => {
    expect(fixed(1.005 + 1e-9)).toBe('1.01');
    expect(fixed(-0.004)).toBe('0.00');
    expect(fixed(-0)).toBe('0.00');
    expect(fixed(-0.006)).toBe('-0.01');
    expect(fixed(3)).toBe('3.00');
    expect(fixed(NaN)).toBe('—');
    expect(fixed(0.5, 1)).toBe('0.5');
  });
});
