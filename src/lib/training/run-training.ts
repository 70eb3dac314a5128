/**
 * A whole training run, epoch by epoch: the one loop behind both the training lesson (its worker,
 * src/workers/train.worker.ts) and `npm run pretrain` (src/site/pretrain.ts), so the shipped model
 * and the learner's model are trained by the same code on the same split.
 *
 * It takes the examples the run uses (the first `trainLimit` images, then Keras's last
 * `validationSplit` of those), builds the CNN, restores a checkpoint to resume from, trains and
 * validates each epoch and captures a checkpoint after it. Everything the caller wants to see or
 * do between batches goes through hooks. The model and the optimizer are disposed on every path:
 * finished, stopped (a StoppedError thrown from a hook) or failed.
 *
 * No DOM and no tfjs import: `tf` is passed in, so this runs in a worker, a page or Node's tests.
 */
import type { LayersModel, Optimizer } from '@tensorflow/tfjs';
import type { Tf } from '../tf-runtime.ts';
import type { MnistArrays } from '../mnist/assets.ts';
import { splitTrainValidation, type TrainValidation } from '../mnist/split.ts';
import { buildCnn } from '../cnn-model.ts';
import { DECK_CNN, type CnnSpec } from '../cnn-architecture.ts';
import { checkWeightsFinite, createOptimizer, evaluate, trainEpoch, StoppedError, type BatchEvent, type EpochStats } from './train-loop.ts';
import { captureCheckpoint, restoreCheckpoint, type Checkpoint, type RunConfig } from './checkpoint.ts';

/** Batch size of the validation pass after each epoch (inference only: any size gives the same numbers). */
export const VALIDATION_BATCH = 256;

/** The run as it starts: what it trains on, and from which state. */
export interface RunStart {
  readonly trainCount: number;
  readonly validationCount: number;
  /** 0-based epoch the run starts with (the checkpoint's completed epochs on a resume). */
  readonly startEpoch: number;
  /** Epochs already done (a resumed checkpoint's history). */
  readonly history: readonly EpochStats[];
  /** Adam's step count once the model is built (and restored). */
  readonly step: number;
  /** The sum of all the model's weights: a fingerprint of the weights the run starts from. */
  readonly weightsSum: number;
}

/** A batch was trained: its numbers, Adam's step count after it, and the pace. */
export interface BatchProgress extends Omit<BatchEvent, 'ahead'> {
  /**
   * How long this batch took: from the previous batch's read-back (or the start of the epoch, or
   * the end of a pause) to this one's. With the look-ahead the next batch is already on its way
   * then, so this is the pace of the loop, pauses left out.
   */
  readonly ms: number;
  /** Images trained in this epoch so far per second of the epoch (pauses included). */
  readonly imagesPerSecond: number;
}

/** An epoch was trained, validated and captured. `model` is live only during the hook. */
export interface EpochEnd {
  readonly stats: EpochStats;
  readonly history: readonly EpochStats[];
  readonly checkpoint: Checkpoint;
  readonly model: LayersModel;
}

/** Where the run holds between batches: before batch `batch + 1` of `epoch` (0: before its first). */
export interface PausePoint {
  readonly epoch: number;
  readonly batch: number;
  /** Adam's step count at this point. */
  readonly step: number;
}

export interface RunHooks {
  readonly onRunStart?: (start: RunStart) => void | Promise<void>;
  /**
   * Awaited before the first batch of every epoch and after every batch that does not end one:
   * may hold the run (a pause) or throw StoppedError (a stop). The last batch of an epoch goes
   * straight on to validation and the checkpoint.
   */
  readonly pausePoint?: (at: PausePoint) => void | Promise<void>;
  /** Called just before each batch is built and trained (the test build poisons the weights here). */
  readonly beforeBatch?: (model: LayersModel) => void;
  /**
   * Asked as each batch is sent: may the next one be sent before this one's loss is read back
   * (see trainEpoch)? Answer no while a pause, a single step or a stop is asked for: a pause point
   * is then reached after exactly the batch shown. Default: no look-ahead.
   */
  readonly lookAhead?: () => boolean;
  readonly onBatch?: (batch: BatchProgress) => void | Promise<void>;
  /** The epoch's batches are done; validation starts. */
  readonly onValidating?: (epoch: number) => void | Promise<void>;
  /** After each epoch, once its checkpoint holds only finite weights. */
  readonly onEpoch?: (end: EpochEnd) => void | Promise<void>;
}

export interface RunOptions {
  /** A checkpoint of the same config to continue from, or null to start afresh. */
  readonly resume?: Checkpoint | null;
  readonly hooks?: RunHooks;
  /** The network; the deck's CNN unless a test asks for a smaller one. */
  readonly spec?: CnnSpec;
  /** Milliseconds of a monotonic clock (performance.now by default). */
  readonly now?: () => number;
}

export type RunOutcome =
  /** Every planned epoch is done; the final state, for keeping. */
  | { readonly kind: 'done'; readonly checkpoint: Checkpoint }
  /** A hook threw StoppedError; the epochs completed before it (resumed ones included). */
  | { readonly kind: 'stopped'; readonly completedEpochs: number };

/** The first `n` examples (all of them when null or at least their count). Views, no copies. */
export function firstN(a: MnistArrays, n: number | null): MnistArrays {
  if (n === null || n >= a.count) return a;
  const size = a.rows * a.cols;
  return { ...a, count: n, images: a.images.subarray(0, n * size), labels: a.labels.subarray(0, n) };
}

/** The examples a run uses: the first `trainLimit`, then Keras's last-share validation split of those. */
export function runData(train: MnistArrays, config: Pick<RunConfig, 'trainLimit' | 'validationSplit'>): TrainValidation {
  return splitTrainValidation(firstN(train, config.trainLimit), config.validationSplit);
}

/** The sum of every weight of the model, read back from the backend. */
export async function weightsSum(model: LayersModel): Promise<number> {
  let sum = 0;
  for (const w of model.weights) {
    const values = (await w.read().data()) as Float32Array;
    for (const v of values) sum += v;
  }
  return sum;
}

/**
 * Trains `config.epochs` epochs (fewer when resuming) on `train`, the full training arrays (the
 * subset and the validation split are taken here). Throws what training throws (DivergedError,
 * CheckpointError, a lost device...) after disposing the model and the optimizer.
 */
export async function runTraining(tf: Tf, train: MnistArrays, config: RunConfig, options: RunOptions = {}): Promise<RunOutcome> {
  const hooks = options.hooks ?? {};
  const now = options.now ?? (() => performance.now());
  const resume = options.resume ?? null;
  const split = runData(train, config);
  let model: LayersModel | undefined;
  let optimizer: Optimizer | undefined;
  let completed = resume?.completedEpochs ?? 0;
  try {
    model = buildCnn(tf, options.spec ?? DECK_CNN);
    optimizer = createOptimizer(tf);
    const m = model;
    const o = optimizer;
    let history: readonly EpochStats[] = [];
    if (resume) {
      await restoreCheckpoint(tf, m, o, resume);
      history = [...resume.history];
    }
    await hooks.onRunStart?.({
      trainCount: split.train.count,
      validationCount: split.validation.count,
      startEpoch: completed,
      history,
      step: o.iterations,
      weightsSum: await weightsSum(m),
    });
    for (let epoch = completed; epoch < config.epochs; epoch++) {
      await hooks.pausePoint?.({ epoch, batch: 0, step: o.iterations });
      const t0 = now();
      let seen = 0;
      let last = t0;
      const stats = await trainEpoch(tf, m, o, split.train, {
        epoch,
        batchSize: config.batchSize,
        seed: config.seed,
        beforeBatch: () => {
          hooks.beforeBatch?.(m);
        },
        ...(hooks.lookAhead ? { lookAhead: hooks.lookAhead } : {}),
        onBatch: async (ev) => {
          const { ahead, ...batch } = ev;
          seen += ev.size;
          const t = now();
          await hooks.onBatch?.({ ...batch, ms: t - last, imagesPerSecond: seen / ((t - t0) / 1000) });
          // A batch already sent ahead moves the weights on: the pause point waits for its event
          // (the caller stops the look-ahead as soon as a pause is asked for).
          if (ev.batch < ev.batches && !ahead) await hooks.pausePoint?.({ epoch, batch: ev.batch, step: ev.step });
          last = now();
        },
      });
      await hooks.onValidating?.(epoch);
      const val = await evaluate(tf, m, split.validation, { batchSize: VALIDATION_BATCH });
      const seconds = (now() - t0) / 1000;
      const epochStats: EpochStats = { epoch, loss: stats.loss, accuracy: stats.accuracy, valLoss: val.loss, valAccuracy: val.accuracy, seconds };
      history = [...history, epochStats];
      completed = epoch + 1;
      const checkpoint = await captureCheckpoint(tf, m, o, { config, completedEpochs: completed, history });
      // Never hand on a model whose weights broke down, whatever the loss said.
      checkWeightsFinite(checkpoint, epoch);
      await hooks.onEpoch?.({ stats: epochStats, history, checkpoint, model: m });
    }
    return { kind: 'done', checkpoint: await captureCheckpoint(tf, m, o, { config, completedEpochs: completed, history }) };
  } catch (e) {
    if (e instanceof StoppedError) return { kind: 'stopped', completedEpochs: completed };
    throw e;
  } finally {
    model?.dispose();
    optimizer?.dispose();
  }
}
