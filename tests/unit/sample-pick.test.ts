import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEX, firstOfEachDigit, modelInput, nextSameDigit, validIndex } from '../../src/lib/mnist/sample-pick.ts';

const labels = Uint8Array.from([7, 2, 1, 0, 4, 1, 4, 9, 5, 9, 0, 6, 9, 0, 1, 5, 9, 7, 3, 4]);

describe('choosing a sample digit', () => {
  it('finds the first image of each digit', () => {
    expect(firstOfEachDigit(labels)).toEqual([3, 2, 1, 18, 4, 8, 11, 0, -1, 7]);
  });

  it('steps to the next and previous image of the same digit, wrapping round', () => {
    expect(nextSameDigit(labels, 0, 1)).toBe(17);
    expect(nextSameDigit(labels, 17, 1)).toBe(0);
    expect(nextSameDigit(labels, 0, -1)).toBe(17);
    expect(nextSameDigit(labels, 3, 1)).toBe(10);
    expect(nextSameDigit(labels, 11, 1)).toBe(11); // the only 6
  });

  it('keeps a valid index and replaces any other by the default', () => {
    expect(validIndex(20, 19)).toBe(19);
    for (const bad of [20, -1, 2.5, NaN]) expect(validIndex(20, bad)).toBe(DEFAULT_INDEX);
  });

  it('scales the chosen image to 0..1', () => {
    const images = Uint8Array.from([0, 255, 51, 102, 1, 2, 3, 4]);
    expect(Array.from(modelInput(images, 0, 4))).toEqual([0, 1, 0.2, 0.4].map(Math.fround));
    expect(modelInput(images, 1, 4)[3]).toBeCloseTo(4 / 255, 7);
  });
});
