import { describe, expect, it } from 'vitest';
import { EDGE_KERNEL, convolveValid, outputSide } from '../../src/lib/viz/example-conv.ts';

describe('the kernel playground convolution', () => {
  it('has a (size − 2)-sided output', () => {
    expect(outputSide(8)).toBe(6);
    expect(outputSide(3)).toBe(1);
    expect(convolveValid(new Float32Array(64), 8, EDGE_KERNEL)).toHaveLength(36);
  });

  it("reproduces lesson 3-3's worked example: dark left, light right gives 3", () => {
    const image = [0, 1, 1, 0, 1, 1, 0, 1, 1];
    expect(Array.from(convolveValid(image, 3, EDGE_KERNEL))).toEqual([3]);
    expect(Array.from(convolveValid([1, 1, 1, 1, 1, 1, 1, 1, 1], 3, EDGE_KERNEL))).toEqual([0]);
    expect(Array.from(convolveValid([1, 1, 0, 1, 1, 0, 1, 1, 0], 3, EDGE_KERNEL))).toEqual([-3]);
  });

  it('matches a hand computation on a 4×4 image with a bias (no kernel flip)', () => {
    // image            kernel
    // 1 2 0 0          1 0 0
    // 0 1 0 3          0 2 0
    // 0 0 1 0          0 0 -1
    // 2 0 0 1
    const image = [1, 2, 0, 0, 0, 1, 0, 3, 0, 0, 1, 0, 2, 0, 0, 1];
    const kernel = [1, 0, 0, 0, 2, 0, 0, 0, -1];
    // out[0][0] = 1·1 + 2·1 − 1·1 = 2;  out[0][1] = 1·2 + 2·0 − 1·0 = 2
    // out[1][0] = 1·0 + 2·0 − 1·0 = 0;  out[1][1] = 1·1 + 2·1 − 1·1 = 2;  plus bias 0.5
    expect(Array.from(convolveValid(image, 4, kernel, 0.5))).toEqual([2.5, 2.5, 0.5, 2.5]);
  });

  it('one painted pixel shows the kernel, rotated half a turn, in the output', () => {
    const image = new Float32Array(64);
    image[2 * 8 + 2] = 1;
    const kernel = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const out = convolveValid(image, 8, kernel);
    const at = (i: number, j: number) => out[i * 6 + j];
    expect([at(0, 0), at(0, 1), at(0, 2), at(1, 0), at(1, 1), at(2, 2)]).toEqual([9, 8, 7, 6, 5, 1]);
    expect(at(3, 3)).toBe(0);
  });

  it('refuses inputs of the wrong length', () => {
    expect(() => convolveValid([1, 2, 3], 2, EDGE_KERNEL)).toThrow();
    expect(() => convolveValid(new Float32Array(16), 4, [1, 2])).toThrow();
  });
});
