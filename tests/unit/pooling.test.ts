import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { argmaxCell, blockOf, DECK_EXAMPLE, isDropped, poolBlocks, pooledSide } from '../../src/lib/pooling/blocks.ts';
import { maxPoolTf } from '../../src/lib/pooling/pool-tf.ts';
import { currentBlock, step, stepKey } from '../../src/lib/pooling/stepper.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** Independent reference: 2×2 max pooling, stride 2, valid, by plain loops over [h, w, c]. */
function referencePool(data: ArrayLike<number>, h: number, w: number, ch: number): number[] {
  const out: number[] = [];
  for (let r = 0; r + 1 < h; r += 2) {
    for (let c = 0; c + 1 < w; c += 2) {
      for (let k = 0; k < ch; k++) {
        const at = (rr: number, cc: number) => data[(rr * w + cc) * ch + k] as number;
        out.push(Math.max(at(r, c), at(r, c + 1), at(r + 1, c), at(r + 1, c + 1)));
      }
    }
  }
  return out;
}

/** A deterministic pseudo-random array (no Math.random in tests). */
function noise(n: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.fround((s / 2147483648) * 4 - 2);
  });
}

describe('max pooling with tfjs', () => {
  it('pools the deck example to 5 9 / 2 9', async () => {
    const r = await maxPoolTf(tf, { data: DECK_EXAMPLE, height: 4, width: 4, channels: 1 });
    expect(Array.from(r.data)).toEqual([5, 9, 2, 9]);
    expect([r.height, r.width, r.channels]).toEqual([2, 2, 1]);
  });

  it('matches the reference on even and odd sizes and many channels, without leaking', async () => {
    const before = tf.memory().numTensors;
    for (const [h, w, ch] of [[4, 4, 1], [26, 26, 32], [11, 11, 64], [5, 7, 3], [3, 3, 2], [1, 4, 1]] as const) {
      const data = noise(h * w * ch, h * 100 + w * 10 + ch);
      const got = await maxPoolTf(tf, { data, height: h, width: w, channels: ch });
      expect([got.height, got.width], `${h}×${w}×${ch}`).toEqual([Math.floor(h / 2), Math.floor(w / 2)]);
      expect(Array.from(got.data), `${h}×${w}×${ch}`).toEqual(referencePool(data, h, w, ch));
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('drops the last row and column of an odd side (11 → 5): changing them changes nothing', async () => {
    const data = noise(121, 7);
    const a = await maxPoolTf(tf, { data, height: 11, width: 11, channels: 1 });
    const big = Float32Array.from(data);
    for (let i = 0; i < 11; i++) {
      big[10 * 11 + i] = 99;
      big[i * 11 + 10] = 99;
    }
    const b = await maxPoolTf(tf, { data: big, height: 11, width: 11, channels: 1 });
    expect(a.data).toHaveLength(25);
    expect(Array.from(b.data)).toEqual(Array.from(a.data));
  });

  it('refuses data that does not fit the shape', async () => {
    await expect(maxPoolTf(tf, { data: [1, 2, 3], height: 2, width: 2, channels: 1 })).rejects.toThrow(/3 values/);
  });
});

describe('pooling blocks', () => {
  it('lists the 2×2 blocks of the example in reading order with their maxima', () => {
    const blocks = poolBlocks(4, 4);
    expect(blocks.map((b) => b.cells)).toEqual([[0, 1, 4, 5], [2, 3, 6, 7], [8, 9, 12, 13], [10, 11, 14, 15]]);
    expect(blocks.map((b) => DECK_EXAMPLE[argmaxCell(DECK_EXAMPLE, b)])).toEqual([5, 9, 2, 9]);
    // The first maximum on a tie; which cell wins in the deck example.
    expect(blocks.map((b) => argmaxCell(DECK_EXAMPLE, b))).toEqual([1, 2, 8, 10]);
    expect(argmaxCell([3, 3, 3, 3], { row: 0, col: 0, cells: [0, 1, 2, 3] })).toBe(0);
  });

  it('sizes and dropped cells follow floor(n / 2)', () => {
    expect([28, 26, 13, 11, 5, 1].map((n) => pooledSide(n))).toEqual([14, 13, 6, 5, 2, 0]);
    expect(poolBlocks(11, 11)).toHaveLength(25);
    const dropped = Array.from({ length: 121 }, (_, i) => i).filter((i) => isDropped(i, 11, 11));
    expect(dropped).toHaveLength(21); // the last row (11) and the last column (11), sharing a corner
    expect(dropped.every((i) => i >= 110 || i % 11 === 10)).toBe(true);
    expect(Array.from({ length: 676 }, (_, i) => i).filter((i) => isDropped(i, 26, 26))).toEqual([]);
    expect(blockOf(0, 11, 11)).toBe(0);
    expect(blockOf(12, 11, 11)).toBe(0);
    expect(blockOf(2 * 11 + 9, 11, 11)).toBe(9); // row 2 → block row 1, column 9 → block column 4
    expect(blockOf(120, 11, 11)).toBe(-1);
  });
});

describe('stepping', () => {
  it('goes block by block within 0..4', () => {
    let done = 0;
    done = step(done, 4, 'previous');
    expect(done).toBe(0);
    for (let n = 1; n <= 4; n++) expect((done = step(done, 4, 'next'))).toBe(n);
    done = step(done, 4, 'previous');
    expect(done).toBe(3);
    for (let i = 0; i < 6; i++) done = step(done, 4, 'next');
    expect(done).toBe(4);
    expect(currentBlock(done)).toBe(3);
    expect(step(done, 4, 'first')).toBe(0);
    expect(step(0, 4, 'last')).toBe(4);
    expect(currentBlock(0)).toBe(-1);
  });

  it('maps keys', () => {
    expect(['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Home', 'End', 'a', 'Enter'].map(stepKey)).toEqual(['next', 'next', 'previous', 'previous', 'first', 'last', null, null]);
  });
});
