/**
 * Fine-tuning the model in use on the learner's own handwriting (issue #16): a few Adam steps on
 * batches that mix the learner's corrected drawings with MNIST training images (so the network
 * learns the new hand without forgetting the old ones), then a before/after verdict on the
 * personal set and on a fixed MNIST sample. Pure apart from the tfjs passed in: runs in the
 * worker and in Node's tests; no DOM.
 *
 * The model in use is never trained in place: the caller trains a `copyModel` of it and keeps the
 * previous one when `judgeFineTune` says the copy collapsed.
 */
import type { LayersModel } from '@tensorflow/tfjs';
import type { Tf } from '../tf-runtime.ts';
import type { MnistArrays } from '../mnist/assets.ts';
import { DECK_CNN, type CnnSpec } from '../cnn-architecture.ts';
import { buildCnn } from '../cnn-model.ts';
import { ADAM_DEFAULTS } from '../training-plan.ts';
import { checkLoss, evaluate, makeBatch, trainStep } from '../training/train-loop.ts';
import { epochOrder, mulberry32 } from '../training/random.ts';

// The settings and limits are plain values the page shows too: they live apart, without tfjs.
import { COLLAPSE_POINTS, type FineTuneSettings } from './fine-tune-settings.ts';
export { COLLAPSE_POINTS, FINE_TUNE_DEFAULTS, LR_MAX, LR_MIN, checkLearningRate, type FineTuneSettings, type LearningRateProblem } from './fine-tune-settings.ts';

/** The indices (and, for the learner's examples, the pixel shifts) one step trains on. */
export interface FineTuneBatch {
  readonly personal: Uint32Array;
  readonly mnist: Uint32Array;
  /** (dx, dy) in −1..1 for each personal index, interleaved. */
  readonly shifts: Int8Array;
}

/** Indices from an endless sequence of seeded shuffles of 0..count−1, `n` at a time. */
class ShuffleStream {
  readonly #count: number;
  readonly #seed: number;
  #order: Uint32Array = new Uint32Array(0);
  #pos = 0;
  #round = 0;
  constructor(count: number, seed: number) {
    this.#count = count;
    this.#seed = seed;
  }
  take(n: number): Uint32Array {
    const out = new Uint32Array(this.#count > 0 ? n : 0);
    for (let k = 0; k < out.length; k++) {
      if (this.#pos >= this.#order.length) {
        this.#order = epochOrder(this.#count, this.#seed, this.#round++);
        this.#pos = 0;
      }
      out[k] = this.#order[this.#pos++] ?? 0;
    }
    return out;
  }
}

/**
 * Which personal and which MNIST indices each step uses: each from its own sequence of seeded
 * shuffles (so every personal example is used as often as every other, ± 1, and no MNIST image
 * repeats before all have been seen). Pure and deterministic from the seed.
 */
export function fineTuneBatches(personalCount: number, mnistCount: number, settings: FineTuneSettings): FineTuneBatch[] {
  const personal = new ShuffleStream(personalCount, settings.seed);
  const mnist = new ShuffleStream(mnistCount, (settings.seed ^ 0x5bd1e995) >>> 0);
  const rand = mulberry32((settings.seed ^ 0x27d4eb2f) >>> 0);
  return Array.from({ length: settings.steps }, () => {
    const p = personal.take(settings.personalPerBatch);
    const shifts = new Int8Array(p.length * 2);
    for (let k = 0; k < shifts.length; k++) shifts[k] = Math.floor(rand() * 3) - 1;
    return { personal: p, mnist: mnist.take(settings.mnistPerBatch), shifts };
  });
}

/** Copies image `i` of `data` into `out` at `at`, moved by (dx, dy) whole pixels (what leaves the frame is lost). */
export function copyShifted(data: MnistArrays, i: number, dx: number, dy: number, out: Uint8Array, at: number): void {
  const { rows, cols } = data;
  const src = i * rows * cols;
  out.fill(0, at, at + rows * cols);
  for (let y = Math.max(0, dy); y < Math.min(rows, rows + dy); y++) {
    const from = src + (y - dy) * cols;
    for (let x = Math.max(0, dx); x < Math.min(cols, cols + dx); x++) out[at + y * cols + x] = data.images[from + x - dx] ?? 0;
  }
}

/**
 * One step's examples as a small MnistArrays (personal first, shifted, then MNIST), so that
 * train-loop's `makeBatch` turns it into floats. `pixels` and `labels` are reused between steps.
 */
function gatherBatch(personal: MnistArrays, mnist: MnistArrays, batch: FineTuneBatch, pixels: Uint8Array, labels: Uint8Array): MnistArrays {
  const size = mnist.rows * mnist.cols;
  let k = 0;
  batch.personal.forEach((i, j) => {
    copyShifted(personal, i, batch.shifts[2 * j] ?? 0, batch.shifts[2 * j + 1] ?? 0, pixels, k * size);
    labels[k++] = personal.labels[i] ?? 0;
  });
  for (const i of batch.mnist) {
    pixels.set(mnist.images.subarray(i * size, (i + 1) * size), k * size);
    labels[k++] = mnist.labels[i] ?? 0;
  }
  return { images: pixels.subarray(0, k * size), labels: labels.subarray(0, k), count: k, rows: mnist.rows, cols: mnist.cols };
}

/** A new model with a copy of `model`'s weights (the model in use is never trained in place). The caller disposes it. */
export function copyModel(tf: Tf, model: LayersModel, spec: CnnSpec = DECK_CNN): LayersModel {
  const copy = buildCnn(tf, spec);
  try {
    // The copy's variables share the values' storage (reference-counted) until either model is
    // trained: an optimizer step gives a variable new storage and leaves the other model's alone.
    copy.setWeights(model.getWeights());
  } catch (e) {
    copy.dispose();
    throw e;
  }
  return copy;
}

export interface FineTuneStep {
  /** 1-based. */
  readonly step: number;
  readonly steps: number;
  /** The batch's mean cross-entropy and accuracy (dropout active). */
  readonly loss: number;
  readonly accuracy: number;
}

/**
 * Trains `model` in place on `settings.steps` batches of the learner's examples and MNIST
 * training images (dropout active, as in training). Throws DivergedError (train-loop.ts) when a
 * loss is not a finite non-negative number. Leaves no tensor behind (the optimizer is disposed),
 * also when it throws. `onStep` may await (to yield) or throw (to stop).
 */
export async function fineTune(
  tf: Tf,
  model: LayersModel,
  personal: MnistArrays,
  mnist: MnistArrays,
  settings: FineTuneSettings,
  onStep?: (e: FineTuneStep) => void | Promise<void>,
): Promise<void> {
  const plan = fineTuneBatches(personal.count, mnist.count, settings);
  const perBatch = (personal.count > 0 ? settings.personalPerBatch : 0) + settings.mnistPerBatch;
  const size = mnist.rows * mnist.cols;
  const pixels = new Uint8Array(perBatch * size);
  const labels = new Uint8Array(perBatch);
  const floats = new Float32Array(perBatch * size);
  const { beta1, beta2, epsilon } = ADAM_DEFAULTS;
  const optimizer = tf.train.adam(settings.learningRate, beta1, beta2, epsilon);
  try {
    for (const [s, batch] of plan.entries()) {
      const data = gatherBatch(personal, mnist, batch, pixels, labels);
      const { xs, ys } = makeBatch(tf, data, identity(data.count), floats);
      let step;
      try {
        step = await trainStep(tf, model, optimizer, xs, ys);
      } finally {
        xs.dispose();
        ys.dispose();
      }
      checkLoss(step.loss, 0, s + 1);
      await onStep?.({ step: s + 1, steps: plan.length, ...step });
    }
  } finally {
    optimizer.dispose();
  }
}

const identity = (n: number) => Array.from({ length: n }, (_, i) => i);

/** accuracy = correct / count. */
export interface Score {
  readonly correct: number;
  readonly count: number;
}

export interface Scores {
  readonly personal: Score;
  readonly mnist: Score;
}

async function score(tf: Tf, model: LayersModel, data: MnistArrays): Promise<Score> {
  if (data.count === 0) return { correct: 0, count: 0 };
  const e = await evaluate(tf, model, data);
  let correct = 0;
  for (let i = 0; i < e.count; i++) if (e.predicted[i] === data.labels[i]) correct++;
  return { correct, count: e.count };
}

/** Accuracy of `model` on the personal set and on the MNIST sample (dropout off). Leaves no tensor behind. */
export async function scoreModel(tf: Tf, model: LayersModel, personal: MnistArrays, sample: MnistArrays): Promise<Scores> {
  return { personal: await score(tf, model, personal), mnist: await score(tf, model, sample) };
}

export type Verdict = { readonly kind: 'better' | 'same' | 'worse'; readonly mnistDrop: number } | { readonly kind: 'collapsed'; readonly mnistDrop: number };

/**
 * 'collapsed' when the MNIST sample's accuracy dropped by more than COLLAPSE_POINTS percentage
 * points; else better, same or worse on the personal set. `mnistDrop` is in percentage points
 * (positive: lost), computed from the counts so that 930 of 1,000 after 980 is exactly 5.
 */
export function judgeFineTune(before: Scores, after: Scores): Verdict {
  const b = before.mnist;
  const a = after.mnist;
  const mnistDrop = b.count > 0 && a.count > 0 ? ((b.correct * a.count - a.correct * b.count) * 100) / (a.count * b.count) : 0;
  if (mnistDrop > COLLAPSE_POINTS) return { kind: 'collapsed', mnistDrop };
  const diff = after.personal.correct * before.personal.count - before.personal.correct * after.personal.count;
  const kind = before.personal.count === 0 || after.personal.count === 0 || diff === 0 ? 'same' : diff > 0 ? 'better' : 'worse';
  return { kind, mnistDrop };
}
