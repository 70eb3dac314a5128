import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { buildCnn } from '../../src/lib/cnn-model.ts';
import { installCourseKernels } from '../../src/lib/kernels/index.ts';
import type { MnistArrays } from '../../src/lib/mnist/assets.ts';
import { DivergedError, createOptimizer, evaluate, trainEpoch } from '../../src/lib/training/train-loop.ts';
import {
  COLLAPSE_POINTS,
  FINE_TUNE_DEFAULTS,
  LR_MAX,
  checkLearningRate,
  copyModel,
  copyShifted,
  fineTune,
  fineTuneBatches,
  judgeFineTune,
  scoreModel,
  type FineTuneSettings,
  type FineTuneStep,
  type Scores,
} from '../../src/lib/handwriting/fine-tune.ts';
import { SMALL, loadTest, loadTrain } from './training-fixture.ts';

const SETTINGS: FineTuneSettings = { learningRate: 0.001, steps: 25, personalPerBatch: 2, mnistPerBatch: 46, seed: 1 };

let train: MnistArrays;
let sample: MnistArrays;
/** Four copies of one made-up digit (a vertical bar with a flag), labelled 0: nothing like an MNIST 0. */
let personal: MnistArrays;

beforeAll(async () => {
  await tf.setBackend('cpu');
  // The course's CPU kernels, as the site uses them: stock tfjs trains convolutions slowly.
  installCourseKernels(tf, 'cpu');
  train = loadTrain(512);
  sample = loadTest(200);
  const one = new Uint8Array(784);
  for (let y = 5; y < 23; y++) one[y * 28 + 16] = one[y * 28 + 17] = 255;
  for (let k = 0; k < 6; k++) one[(5 + k) * 28 + 10 + k] = 255;
  const images = new Uint8Array(4 * 784);
  for (let i = 0; i < 4; i++) images.set(one, i * 784);
  personal = { images, labels: new Uint8Array(4), count: 4, rows: 28, cols: 28 };
});

describe('fineTuneBatches', () => {
  it('is deterministic from the seed, with the sizes asked for and indices in range', () => {
    const a = fineTuneBatches(5, 512, SETTINGS);
    expect(fineTuneBatches(5, 512, SETTINGS)).toEqual(a);
    expect(fineTuneBatches(5, 512, { ...SETTINGS, seed: 2 })).not.toEqual(a);
    expect(a).toHaveLength(25);
    for (const b of a) {
      expect(b.personal).toHaveLength(2);
      expect(b.mnist).toHaveLength(46);
      expect(b.shifts).toHaveLength(4);
      expect([...b.personal].every((i) => i < 5)).toBe(true);
      expect([...b.mnist].every((i) => i < 512)).toBe(true);
      expect([...b.shifts].every((d) => d >= -1 && d <= 1)).toBe(true);
    }
    // Shifts of every kind occur.
    expect(new Set(a.flatMap((b) => [...b.shifts]))).toEqual(new Set([-1, 0, 1]));
  });

  it('uses every personal example equally often, and no MNIST image twice before all were used', () => {
    const a = fineTuneBatches(5, 100, SETTINGS);
    const uses = new Array<number>(5).fill(0);
    for (const b of a) for (const i of b.personal) uses[i] = (uses[i] ?? 0) + 1;
    expect(uses).toEqual([10, 10, 10, 10, 10]); // 25 steps × 2 = 50 = 5 × 10
    const mnist = a.flatMap((b) => [...b.mnist]);
    expect(new Set(mnist.slice(0, 100)).size).toBe(100);
    // Three examples, four a batch: repeats within a batch, still balanced over the run.
    const r = fineTuneBatches(3, 100, { ...SETTINGS, personalPerBatch: 4, steps: 3 });
    const counts = [0, 0, 0];
    for (const b of r) for (const i of b.personal) counts[i] = (counts[i] ?? 0) + 1;
    expect(counts).toEqual([4, 4, 4]);
  });

  it('gives empty personal batches for an empty personal set', () => {
    const a = fineTuneBatches(0, 100, SETTINGS);
    expect(a.every((b) => b.personal.length === 0 && b.shifts.length === 0 && b.mnist.length === 46)).toBe(true);
  });
});

describe('copyShifted', () => {
  it('moves an image by whole pixels and loses what leaves the frame', () => {
    const images = new Uint8Array(784);
    images[0] = 10; // (0, 0)
    images[27] = 20; // (27, 0)
    images[5 * 28 + 5] = 30; // (5, 5)
    const data: MnistArrays = { images, labels: new Uint8Array(1), count: 1, rows: 28, cols: 28 };
    const out = new Uint8Array(2 * 784).fill(99);
    copyShifted(data, 0, 1, -1, out, 784);
    expect(out[0]).toBe(99); // outside the target image: untouched
    const moved = out.subarray(784);
    expect(moved[4 * 28 + 6]).toBe(30);
    expect(moved.reduce((s, v) => s + v, 0)).toBe(30); // (0,0) and (27,0) left the frame
    copyShifted(data, 0, -1, 1, out, 0);
    expect(out[1 * 28 + 26]).toBe(20);
    expect(out[6 * 28 + 4]).toBe(30);
    expect(out.subarray(0, 784).reduce((s, v) => s + v, 0)).toBe(50);
  });
});

describe('checkLearningRate', () => {
  it('accepts finite rates in (0, LR_MAX] and names what is wrong with others', () => {
    expect(LR_MAX).toBe(1);
    expect(checkLearningRate(Number.NaN)).toBe('not-number');
    expect(checkLearningRate(Number.POSITIVE_INFINITY)).toBe('too-large');
    expect(checkLearningRate(Number.NEGATIVE_INFINITY)).toBe('not-positive');
    expect(checkLearningRate(0)).toBe('not-positive');
    expect(checkLearningRate(-1)).toBe('not-positive');
    expect(checkLearningRate(1e9)).toBe('too-large');
    expect(checkLearningRate(1.0001)).toBe('too-large');
    expect(checkLearningRate(0.001)).toBeNull();
    expect(checkLearningRate(1)).toBeNull();
    expect(checkLearningRate(FINE_TUNE_DEFAULTS.learningRate)).toBeNull();
  });
});

describe('judgeFineTune', () => {
  const scores = (personal: number, mnist: number, personalCount = 5, mnistCount = 1000): Scores => ({
    personal: { correct: personal, count: personalCount },
    mnist: { correct: mnist, count: mnistCount },
  });

  it('calls a drop of more than COLLAPSE_POINTS points a collapse, and exactly that much not', () => {
    expect(COLLAPSE_POINTS).toBe(5);
    expect(judgeFineTune(scores(0, 980), scores(5, 930))).toEqual({ kind: 'better', mnistDrop: 5 });
    expect(judgeFineTune(scores(0, 980), scores(5, 929))).toEqual({ kind: 'collapsed', mnistDrop: 5.1 });
    expect(judgeFineTune(scores(5, 980), scores(5, 100))).toEqual({ kind: 'collapsed', mnistDrop: 88 });
    // Different sample sizes: 49/50 = 98 %, 465/500 = 93 %.
    expect(judgeFineTune(scores(0, 49, 5, 50), scores(5, 465, 5, 500))).toEqual({ kind: 'better', mnistDrop: 5 });
  });

  it('otherwise compares the personal set', () => {
    expect(judgeFineTune(scores(0, 990), scores(4, 985))).toEqual({ kind: 'better', mnistDrop: 0.5 });
    expect(judgeFineTune(scores(3, 990), scores(3, 991))).toEqual({ kind: 'same', mnistDrop: -0.1 });
    expect(judgeFineTune(scores(4, 990), scores(2, 990))).toEqual({ kind: 'worse', mnistDrop: 0 });
    // 3 of 5 (60 %) before, 4 of 6 (67 %) after one more example was added.
    expect(judgeFineTune(scores(3, 990), scores(4, 990, 6))).toEqual({ kind: 'better', mnistDrop: 0 });
    expect(judgeFineTune(scores(0, 990, 0), scores(0, 990, 0))).toEqual({ kind: 'same', mnistDrop: 0 });
  });
});

/** Mean cross-entropy of `model` on `data` (dropout off). */
const lossOn = async (model: tf.LayersModel, data: MnistArrays) => (await evaluate(tf, model, data)).loss;

describe('copyModel and fineTune', () => {
  let base: tf.LayersModel;
  beforeAll(async () => {
    // A small CNN trained for three epochs: far better than chance on MNIST, so a collapse shows.
    base = buildCnn(tf, SMALL);
    const optimizer = createOptimizer(tf);
    for (let epoch = 0; epoch < 3; epoch++) await trainEpoch(tf, base, optimizer, train, { epoch, batchSize: 32, seed: 1 });
    optimizer.dispose();
  }, 60_000);

  it('copies the weights into an independent model: training the copy leaves the original alone', async () => {
    const x = tf.tensor4d(new Float32Array(4 * 784).map((_, i) => (i % 7) / 7), [4, 28, 28, 1]);
    const original = (base.predict(x) as tf.Tensor).arraySync();
    const copy = copyModel(tf, base, SMALL);
    expect(copy).not.toBe(base);
    expect((copy.predict(x) as tf.Tensor).arraySync()).toEqual(original);
    await fineTune(tf, copy, personal, train, { ...SETTINGS, steps: 5 });
    expect((base.predict(x) as tf.Tensor).arraySync()).toEqual(original);
    expect((copy.predict(x) as tf.Tensor).arraySync()).not.toEqual(original);
    // Disposing the copy leaves the original usable.
    copy.dispose();
    expect((base.predict(x) as tf.Tensor).arraySync()).toEqual(original);
    x.dispose();
  });

  it('lowers the loss on the personal set, reports each step and leaves no tensor behind', async () => {
    const model = copyModel(tf, base, SMALL);
    const before = await scoreModel(tf, model, personal, sample);
    const lossBefore = await lossOn(model, personal);
    const tensors = tf.memory().numTensors;
    const steps: FineTuneStep[] = [];
    await fineTune(tf, model, personal, train, { ...SETTINGS, learningRate: 0.01, steps: 20, personalPerBatch: 8, mnistPerBatch: 24 }, async (e) => {
      steps.push(e);
      await Promise.resolve();
    });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(steps.map((s) => s.step)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(steps.every((s) => s.steps === 20 && Number.isFinite(s.loss) && s.accuracy >= 0 && s.accuracy <= 1)).toBe(true);
    // Dropout is not seeded: margins that hold for every run, not just the typical one.
    expect(await lossOn(model, personal)).toBeLessThan(lossBefore * 0.6);
    const after = await scoreModel(tf, model, personal, sample);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(after.personal.count).toBe(4);
    expect(after.personal.correct).toBeGreaterThanOrEqual(3);
    expect(after.personal.correct).toBeGreaterThan(before.personal.correct);
    expect(after.mnist.count).toBe(200);
    expect(judgeFineTune(before, after).kind).toBe('better');
    model.dispose();
  });

  it('scores an empty personal set as 0 of 0', async () => {
    const s = await scoreModel(tf, base, { ...personal, images: new Uint8Array(0), labels: new Uint8Array(0), count: 0 }, sample);
    expect(s.personal).toEqual({ correct: 0, count: 0 });
    expect(s.mnist.correct).toBeGreaterThan(60); // well above chance (20 of 200)
  });

  it('with a huge learning rate, diverges or collapses, and leaves no tensor behind', async () => {
    const tensors = tf.memory().numTensors;
    const model = copyModel(tf, base, SMALL);
    const before = await scoreModel(tf, model, personal, sample);
    let outcome: string;
    try {
      await fineTune(tf, model, personal, train, { ...SETTINGS, learningRate: 1e6, steps: 10 });
      outcome = judgeFineTune(before, await scoreModel(tf, model, personal, sample)).kind;
    } catch (e) {
      expect(e).toBeInstanceOf(DivergedError);
      outcome = 'diverged';
    }
    expect(['diverged', 'collapsed']).toContain(outcome);
    model.dispose();
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('disposes its optimizer when onStep throws', async () => {
    const model = copyModel(tf, base, SMALL);
    const tensors = tf.memory().numTensors;
    const stop = new Error('stop');
    await expect(
      fineTune(tf, model, personal, train, SETTINGS, (e) => {
        if (e.step === 3) throw stop;
      }),
    ).rejects.toBe(stop);
    expect(tf.memory().numTensors).toBe(tensors);
    model.dispose();
  });
});
