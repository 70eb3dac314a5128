import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { convolveTf } from '../../src/lib/conv/conv-tf.ts';
import { PRESETS, PRESET_IDS } from '../../src/lib/conv/presets.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** An independent reference: the definition, written out with plain loops (cross-correlation, no flip). */
function naive(image: number[], size: number, kernel: readonly number[], bias: number, relu: boolean): number[] {
  const side = size - 2;
  const out: number[] = [];
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      let u = bias;
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) u += (kernel[i * 3 + j] ?? 0) * (image[(r + i) * size + c + j] ?? 0);
      out.push(relu ? Math.max(0, u) : u);
    }
  }
  return out;
}

/** A deterministic pseudo-random image in 0..1 (a linear congruential generator). */
function randomImage(size: number, seed: number): number[] {
  let x = seed;
  return Array.from({ length: size * size }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  });
}

describe('convolveTf', () => {
  it('equals the reference for every preset, several biases, ReLU on and off, and leaks no tensor', async () => {
    const image = randomImage(28, 7);
    const before = tf.memory().numTensors;
    const kernels = [...PRESET_IDS.map((id) => PRESETS[id]), [0.3, -1.2, 2.5, 0, 0.7, -0.4, 1.1, -2, 0.05]];
    for (const kernel of kernels) {
      for (const bias of [0, 0.5, -1.25]) {
        for (const relu of [false, true]) {
          const got = await convolveTf(tf, { image, size: 28, kernel, bias, relu });
          const want = naive(image, 28, kernel, bias, relu);
          expect(got).toHaveLength(26 * 26);
          let max = 0;
          got.forEach((v, i) => { max = Math.max(max, Math.abs(v - (want[i] ?? NaN))); });
          expect(max, `kernel ${kernel.join(',')} bias ${bias} relu ${relu}`).toBeLessThan(1e-5);
          if (relu) expect(Math.min(...got)).toBeGreaterThanOrEqual(0);
        }
      }
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('is a cross-correlation (no flip): a lone pixel shows the kernel upside down and mirrored', async () => {
    const image = new Array<number>(25).fill(0);
    image[2 * 5 + 2] = 1; // the centre of a 5×5 image
    const kernel = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const got = Array.from(await convolveTf(tf, { image, size: 5, kernel, bias: 0, relu: false }));
    expect(got).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('a vertical edge gives the lesson\'s 3 and −3, and ReLU turns −3 into 0', async () => {
    // Columns 0 1 1 0 0: dark→light (3), then light→dark (−3).
    const size = 5;
    const image = Array.from({ length: size * size }, (_, k) => ([0, 1, 1, 0, 0][k % size] ?? 0));
    const noRelu = Array.from(await convolveTf(tf, { image, size, kernel: PRESETS.vertical, bias: 0, relu: false }));
    expect(noRelu.slice(0, 3)).toEqual([3, -3, -3]);
    const withRelu = Array.from(await convolveTf(tf, { image, size, kernel: PRESETS.vertical, bias: 0, relu: true }));
    expect(withRelu.slice(0, 3)).toEqual([3, 0, 0]);
  });

  it('refuses inputs of the wrong size', async () => {
    await expect(convolveTf(tf, { image: [1, 2, 3], size: 28, kernel: PRESETS.blur, bias: 0, relu: false })).rejects.toThrow(/784/);
    await expect(convolveTf(tf, { image: randomImage(28, 1), size: 28, kernel: [1, 2], bias: 0, relu: false })).rejects.toThrow(/9 values/);
  });
});
