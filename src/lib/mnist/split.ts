/**
 * Keras's `validation_split` over loaded MNIST arrays: the *last* share of the examples (before
 * any shuffling) is held out for validation, the rest is trained on. With 60,000 images and 0.1:
 * train = [0, 54000), validation = [54000, 60000). Views (subarray), no copies.
 */
import { validationSplit } from '../training-plan.ts';
import type { MnistArrays } from './assets.ts';

export interface TrainValidation {
  readonly train: MnistArrays;
  readonly validation: MnistArrays;
}

function slice(data: MnistArrays, from: number, to: number): MnistArrays {
  const size = data.rows * data.cols;
  return {
    images: data.images.subarray(from * size, to * size),
    labels: data.labels.subarray(from, to),
    count: to - from,
    rows: data.rows,
    cols: data.cols,
  };
}

/**
 * Splits training data as Keras `model.fit(..., validation_split=share)` does.
 * Accepts the arrays themselves or anything with a `train` field (e.g. loadMnist's full result).
 */
export function splitTrainValidation(data: MnistArrays | { readonly train: MnistArrays }, share: number): TrainValidation {
  const arrays = 'train' in data ? data.train : data;
  const size = arrays.rows * arrays.cols;
  if (arrays.images.length !== arrays.count * size || arrays.labels.length !== arrays.count) {
    throw new RangeError(
      `arrays do not match their count: ${arrays.images.length} pixel bytes and ${arrays.labels.length} labels for ${arrays.count} images of ${arrays.rows}×${arrays.cols}`,
    );
  }
  const { train } = validationSplit(arrays.count, share);
  return { train: slice(arrays, 0, train), validation: slice(arrays, train, arrays.count) };
}
