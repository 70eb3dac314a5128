/**
 * Training and evaluation of the CNN on MNIST arrays, one batch at a time, exactly as Keras's
 * `model.fit` does it: Adam, categorical cross-entropy, accuracy; the examples shuffled each
 * epoch; the final batch holds what is left (112 of 54,000 at batch size 128). Everything here
 * runs wherever tfjs runs (page, worker, Node) and touches no DOM.
 *
 * Pixels stay Uint8Array until a batch is built: only one batch at a time becomes floats.
 */
import type { LayersModel, Optimizer, Tensor, Tensor1D, Tensor2D, Tensor4D, Scalar, TypedArray } from '@tensorflow/tfjs';
import type { Tf } from '../tf-runtime.ts';
import type { MnistArrays } from '../mnist/assets.ts';
import { toFloatBatch } from '../mnist/loader.ts';
import { ADAM_DEFAULTS, batching } from '../training-plan.ts';
import { MNIST } from '../mnist-spec.ts';
import { fuseAdam } from '../kernels/adam.ts';
import { epochOrder } from './random.ts';
import { nonFiniteWeight, type Checkpoint } from './checkpoint.ts';

/** The digits 0–9: the width of a one-hot label and of the model's output. */
export const CLASSES = MNIST.classes;

// #region deck:compile
export function createOptimizer(tf: Tf): Optimizer {
  const { learningRate, beta1, beta2, epsilon } = ADAM_DEFAULTS;
  return fuseAdam(tf, tf.train.adam(learningRate, beta1, beta2, epsilon));
// #endregion deck:compile
}

/**
 * xs: `[n, rows, cols, 1]` floats in 0..1; ys: one-hot `[n, CLASSES]`. The caller disposes both.
 * `scratch` is reused between batches to avoid a fresh Float32Array per batch.
 */
// #region deck:data
export function makeBatch(tf: Tf, data: MnistArrays, indices: ArrayLike<number>, scratch?: Float32Array): { xs: Tensor4D; ys: Tensor2D } {
  const size = data.rows * data.cols;
  const floats = toFloatBatch(data.images, indices, scratch, size);
  const labels = new Int32Array(indices.length);
  for (let k = 0; k < indices.length; k++) labels[k] = data.labels[indices[k] ?? 0] ?? 0;
  const xs = tf.tensor4d(floats, [indices.length, data.rows, data.cols, 1]);
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES).toFloat().as2D(indices.length, CLASSES));
  return { xs, ys };
}
// #endregion deck:data

export interface StepResult {
  readonly loss: number;
  readonly accuracy: number;
}

/**
 * One optimisation step on one batch (dropout active), sent to the backend: on a GPU it runs
 * while this returns. Its loss and accuracy come back as one tensor `[loss, accuracy]`, for
 * `readStep` (one read-back instead of two). Leaves no other tensor behind.
 */
// #region deck:loss
export function startStep(tf: Tf, model: LayersModel, optimizer: Optimizer, xs: Tensor4D, ys: Tensor2D): Tensor1D {
  let accuracy: Scalar | undefined;
  const loss = optimizer.minimize(() => {
    const preds = model.apply(xs, { training: true }) as Tensor;
    accuracy = tf.keep(tf.metrics.categoricalAccuracy(ys, preds).mean<Scalar>());
    return tf.metrics.categoricalCrossentropy(ys, preds).mean<Scalar>();
  }, true);
// #endregion deck:loss
  const held = [loss, accuracy];
  try {
    return tf.tidy(() => tf.stack([loss ?? tf.scalar(NaN), accuracy ?? tf.scalar(NaN)]) as Tensor1D);
  } finally {
    for (const t of held) t?.dispose();
  }
}

/** Waits for a started step and reads its loss and accuracy back; disposes `result`. */
export async function readStep(result: Tensor1D): Promise<StepResult> {
  try {
    const v = await result.data();
    return { loss: v[0] ?? NaN, accuracy: v[1] ?? NaN };
  } finally {
    result.dispose();
  }
}

/** One optimisation step on one batch, read back. Leaves no tensor behind. */
export async function trainStep(tf: Tf, model: LayersModel, optimizer: Optimizer, xs: Tensor4D, ys: Tensor2D): Promise<StepResult> {
  return readStep(startStep(tf, model, optimizer, xs, ys));
}

/**
 * Whether a look-ahead pays on this backend: on a GPU the next batch can be sent while the
 * last one's loss is read back, so the GPU never waits for the loop; on the CPU backends a step
 * runs while it is sent, and there is nothing to overlap.
 */
export function overlapsBatches(tf: Pick<Tf, 'getBackend'>): boolean {
  const backend = tf.getBackend();
  return backend === 'webgl' || backend === 'webgpu';
}

export interface BatchEvent {
  readonly epoch: number;
  /** 1-based batch number within the epoch. */
  readonly batch: number;
  readonly batches: number;
  readonly size: number;
  readonly loss: number;
  readonly accuracy: number;
  /** Adam's step count once this batch is applied. */
  readonly step: number;
  /**
   * The next batch was already sent (look-ahead) when this one was read back: the weights move on
   * once more before anything can act on them, so a pause waits for the next batch's event.
   */
  readonly ahead: boolean;
}

export interface EpochStats {
  /** 0-based epoch index. */
  readonly epoch: number;
  /** Mean over the epoch's batches, weighted by batch size (as Keras reports it). */
  readonly loss: number;
  readonly accuracy: number;
  readonly valLoss: number;
  readonly valAccuracy: number;
  readonly seconds: number;
}

/**
 * Thrown when the run diverged: the loss is no longer a finite, non-negative number, or the
 * weights hold a NaN or an infinity. (On some GPUs NaN weights give a finite but negative
 * cross-entropy instead of NaN, so both are checked.)
 */
export class DivergedError extends Error {
  constructor(readonly epoch: number, readonly batch: number, readonly loss: number, detail?: string) {
    super(detail ?? `the loss became ${String(loss)}${loss < 0 ? ', which a cross-entropy cannot be,' : ''} at epoch ${epoch + 1}, batch ${batch}`);
    this.name = 'DivergedError';
  }
}

/** Throws DivergedError unless `loss` is a possible cross-entropy: finite and not negative. */
export function checkLoss(loss: number, epoch: number, batch: number): void {
  if (!Number.isFinite(loss) || loss < 0) throw new DivergedError(epoch, batch, loss);
}

/**
 * Throws DivergedError when a weight of a just-captured checkpoint is NaN or infinite, so that a
 * broken model is never saved (the checkpoint already holds every weight: no second read-back).
 */
export function checkWeightsFinite(ckpt: Pick<Checkpoint, 'weights'>, epoch: number): void {
  const bad = nonFiniteWeight(ckpt);
  if (bad !== undefined) throw new DivergedError(epoch, 0, NaN, `weight ${bad} holds a NaN or an infinity after epoch ${epoch + 1}`);
}

/** Thrown by `control.checkpoint` callers to stop between batches. */
export class StoppedError extends Error {
  constructor() {
    super('training stopped');
    this.name = 'StoppedError';
  }
}

export interface EpochOptions {
  readonly epoch: number;
  readonly batchSize: number;
  readonly seed: number;
  /** Called just before each batch is built and trained. */
  readonly beforeBatch?: (batch: number) => void;
  /** Called after each batch; may await (to pause) or throw StoppedError (to stop). */
  readonly onBatch?: (e: BatchEvent) => void | Promise<void>;
  /**
   * Asked as each batch is sent: may the next one be sent too, before this one's loss is read?
   * (The caller says no while a pause, a single step or a stop is asked for, so that they act on
   * exactly the batch shown.) Default: no look-ahead.
   */
  readonly lookAhead?: () => boolean;
}

/**
 * Trains one epoch over `train` (shuffled by seed and epoch). Returns the size-weighted means.
 * With `lookAhead`, batch b + 1 is sent before batch b's loss is read back (two batches queued
 * at most), so that a GPU is not left idle while the loop reads, checks and reports.
 */
export async function trainEpoch(tf: Tf, model: LayersModel, optimizer: Optimizer, train: MnistArrays, options: EpochOptions): Promise<StepResult> {
  const { epoch, batchSize, seed } = options;
// #region deck:fit
  const order = epochOrder(train.count, seed, epoch);
  const { batches } = batching(train.count, batchSize);
  // Two scratch buffers: a batch sent ahead is built while the one before may still be in use.
  const scratch = [0, 1].map(() => new Float32Array(batchSize * train.rows * train.cols));
  let lossSum = 0;
  let accSum = 0;
  let seen = 0;
  const send = (b: number): SentBatch => {
    options.beforeBatch?.(b + 1);
    const indices = order.subarray(b * batchSize, Math.min((b + 1) * batchSize, train.count));
    const { xs, ys } = makeBatch(tf, train, indices, scratch[b % 2]);
    try {
      // The read-back is asked for at once, so that it is queued right behind this batch's work
      // and not behind a batch sent after it. (A failure is seen when its turn comes.)
      const values = readStep(startStep(tf, model, optimizer, xs, ys));
      values.catch(() => undefined);
      return { values, step: optimizer.iterations, size: indices.length };
    } finally {
      xs.dispose();
      ys.dispose();
    }
  };
  let current: SentBatch | undefined;
  let next: SentBatch | undefined;
  try {
    for (let b = 0; b < batches; b++) {
      const sent = current ?? send(b);
      current = undefined;
      // On a GPU the next batch is sent now: it runs while this one's loss is read back.
      next = b + 1 < batches && options.lookAhead?.() === true ? send(b + 1) : undefined;
      const r = await sent.values;
      checkLoss(r.loss, epoch, b + 1);
      lossSum += r.loss * sent.size;
      accSum += r.accuracy * sent.size;
      seen += sent.size;
      current = next;
      next = undefined;
      await options.onBatch?.({ epoch, batch: b + 1, batches, size: sent.size, ...r, step: sent.step, ahead: current !== undefined });
    }
  } finally {
    // A batch sent ahead whose turn never came (a divergence or a stop): its read-back disposes
    // its result; waited for, so that nothing is left behind when this returns.
    for (const ahead of [current, next]) await ahead?.values.catch(() => undefined);
  }
// #endregion deck:fit
  return { loss: lossSum / seen, accuracy: accSum / seen };
}

/** A batch sent to the backend: its loss and accuracy on their way back, Adam's step count after it, its size. */
interface SentBatch {
  readonly values: Promise<StepResult>;
  readonly step: number;
  readonly size: number;
}

export interface Evaluation {
  readonly count: number;
  readonly loss: number;
  readonly accuracy: number;
  /** confusion[true][predicted] */
  readonly confusion: number[][];
  /** The predicted class of each example, in order. */
  readonly predicted: Uint8Array;
  /** The probability the model gave its predicted class. */
  readonly confidence: Float32Array;
}

/**
 * One evaluation batch: the summed cross-entropy and the predicted probabilities `[n × CLASSES]`,
 * read back. Every tensor it makes is disposed, whether the model, the backend or the read-back
 * fails or not.
 */
async function evaluateBatch(tf: Tf, model: LayersModel, data: MnistArrays, indices: readonly number[], scratch: Float32Array): Promise<{ lossData: TypedArray; probs: TypedArray }> {
  const { xs, ys } = makeBatch(tf, data, indices, scratch);
  let outputs: [Tensor2D, Scalar];
  try {
// #region deck:evaluate
    outputs = tf.tidy(() => {
      const probs = model.predict(xs) as Tensor2D;
      return [probs, tf.metrics.categoricalCrossentropy(ys, probs).sum<Scalar>()];
    });
// #endregion deck:evaluate
  } finally {
    xs.dispose();
    ys.dispose();
  }
  const [probsT, lossT] = outputs;
  try {
    const [lossData, probs] = await Promise.all([lossT.data(), probsT.data()]);
    return { lossData, probs };
  } finally {
    probsT.dispose();
    lossT.dispose();
  }
}

/**
 * `model.evaluate` over `data` (inference: dropout off), in batches. Also gathers the
 * confusion matrix and each prediction. `onProgress(done, total)` after each batch; `count`
 * limits the evaluation to the first examples. Leaves no tensor behind, also when it throws.
 */
export async function evaluate(
  tf: Tf,
  model: LayersModel,
  data: MnistArrays,
  options: { batchSize?: number; count?: number; onProgress?: (done: number, total: number) => void | Promise<void> } = {},
): Promise<Evaluation> {
  const total = Math.min(options.count ?? data.count, data.count);
  const batchSize = options.batchSize ?? 500;
  const confusion = Array.from({ length: CLASSES }, () => new Array<number>(CLASSES).fill(0));
  const predicted = new Uint8Array(total);
  const confidence = new Float32Array(total);
  const scratch = new Float32Array(batchSize * data.rows * data.cols);
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < total; start += batchSize) {
    const n = Math.min(batchSize, total - start);
    const indices = Array.from({ length: n }, (_, k) => start + k);
    const { lossData, probs } = await evaluateBatch(tf, model, data, indices, scratch);
    lossSum += lossData[0] ?? NaN;
    for (let k = 0; k < n; k++) {
      let best = 0;
      for (let c = 1; c < CLASSES; c++) if ((probs[k * CLASSES + c] ?? 0) > (probs[k * CLASSES + best] ?? 0)) best = c;
      const truth = data.labels[start + k] ?? 0;
      predicted[start + k] = best;
      confidence[start + k] = probs[k * CLASSES + best] ?? 0;
      const row = confusion[truth];
      if (row) row[best] = (row[best] ?? 0) + 1;
      if (best === truth) correct++;
    }
    await options.onProgress?.(start + n, total);
  }
// #region deck:score
  return { count: total, loss: lossSum / total, accuracy: correct / total, confusion, predicted, confidence };
// #endregion deck:score
}
