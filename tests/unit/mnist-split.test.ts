import { describe, expect, it } from 'vitest';
import type { MnistArrays } from '../../src/lib/mnist/assets.ts';
import { splitTrainValidation } from '../../src/lib/mnist/split.ts';

function arrays(count: number): MnistArrays {
  const images = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 10;
    images[i * 784] = i & 255;
    images[i * 784 + 783] = (i >> 8) & 255;
  }
  return { images, labels, count, rows: 28, cols: 28 };
}

describe('splitTrainValidation', () => {
  const data = arrays(60_000);

  it('holds out the last 6,000 of 60,000 as validation (Keras validation_split=0.1)', () => {
    const { train, validation } = splitTrainValidation(data, 0.1);
    expect(train.count).toBe(54_000);
    expect(validation.count).toBe(6_000);
    expect(train.images.length).toBe(54_000 * 784);
    expect(validation.images.length).toBe(6_000 * 784);
    expect(train.labels.length).toBe(54_000);
    expect(validation.labels.length).toBe(6_000);
    // The first validation example is example 54,000; the last is 59,999.
    expect(validation.images[0]).toBe(54_000 & 255);
    expect(validation.images[783]).toBe((54_000 >> 8) & 255);
    expect(validation.labels[0]).toBe(data.labels[54_000]);
    expect(validation.images[5_999 * 784]).toBe(59_999 & 255);
    expect(train.images[53_999 * 784]).toBe(53_999 & 255);
  });

  it('returns views, not copies', () => {
    const { train, validation } = splitTrainValidation(data, 0.1);
    expect(train.images.buffer).toBe(data.images.buffer);
    expect(validation.images.buffer).toBe(data.images.buffer);
    expect(validation.images.byteOffset).toBe(54_000 * 784);
    expect(validation.labels.buffer).toBe(data.labels.buffer);
    expect(validation.labels.byteOffset).toBe(54_000);
    expect(train).toMatchObject({ rows: 28, cols: 28 });
  });

  it('accepts a loaded full set ({ train }) and share 0', () => {
    const { train, validation } = splitTrainValidation({ train: data }, 0);
    expect(train.count).toBe(60_000);
    expect(validation.count).toBe(0);
  });

  it('rejects inconsistent arrays and invalid shares', () => {
    expect(() => splitTrainValidation({ ...data, count: 59_999 }, 0.1)).toThrow(RangeError);
    expect(() => splitTrainValidation(data, 1)).toThrow(RangeError);
  });
});
