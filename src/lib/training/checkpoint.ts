/**
 * A training run's complete state — model weights, Adam's moments and step count, the epochs
 * done and the history — as plain typed arrays and JSON, so it can be kept in IndexedDB, sent
 * between a worker and the page, or written to files, and restored bit for bit.
 */
import type { LayersModel, Optimizer, Tensor } from '@tensorflow/tfjs';
import type { Tf } from '../tf-runtime.ts';
import type { EpochStats } from './train-loop.ts';

export const CHECKPOINT_FORMAT = 'cnn-course-checkpoint';
export const CHECKPOINT_VERSION = 1;

export interface RunConfig {
  readonly batchSize: number;
  readonly epochs: number;
  readonly validationSplit: number;
  /** Seed of the per-epoch shuffles. */
  readonly seed: number;
  /** Train on only the first N of the training examples (a deviation from the deck), or null for all. */
  readonly trainLimit: number | null;
}

export interface StoredTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export interface Checkpoint {
  readonly format: typeof CHECKPOINT_FORMAT;
  readonly version: typeof CHECKPOINT_VERSION;
  readonly config: RunConfig;
  /** Epochs fully completed (and validated). */
  readonly completedEpochs: number;
  readonly history: readonly EpochStats[];
  readonly weights: readonly StoredTensor[];
  /** Adam's state: the step count first, then the first and second moments. */
  readonly optimizer: readonly StoredTensor[];
  readonly backend: string;
  readonly savedAt: string;
}

async function store(named: readonly { name: string; tensor: { shape: number[]; data(): Promise<unknown> } }[]): Promise<StoredTensor[]> {
  return Promise.all(
    named.map(async ({ name, tensor }) => ({ name, shape: [...tensor.shape], data: Float32Array.from((await tensor.data()) as ArrayLike<number>) })),
  );
}

/** Reads the live state into a checkpoint. Leaves no tensor behind. */
export async function captureCheckpoint(
  tf: Tf,
  model: LayersModel,
  optimizer: Optimizer,
  meta: { config: RunConfig; completedEpochs: number; history: readonly EpochStats[]; savedAt?: string },
): Promise<Checkpoint> {
  const weights = await store(model.weights.map((w) => ({ name: w.originalName, tensor: w.read() })));
  // getWeights() returns the live moment variables plus a fresh scalar for the step count,
  // which is ours to dispose.
  const optWeights = await optimizer.getWeights();
  let optimizerState: StoredTensor[];
  try {
    optimizerState = await store(optWeights);
  } finally {
    optWeights[0]?.tensor.dispose();
  }
  return {
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    config: meta.config,
    completedEpochs: meta.completedEpochs,
    history: meta.history,
    weights,
    optimizer: optimizerState,
    backend: tf.getBackend(),
    savedAt: meta.savedAt ?? new Date().toISOString(),
  };
}

export class CheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckpointError';
  }
}

/** Checks that a checkpoint fits this model (same layers, same shapes) before touching it. */
export function assertCompatible(model: LayersModel, ckpt: Checkpoint): void {
  // Checked at run time: a checkpoint may come from storage written by another version.
  const { format, version } = ckpt as { format?: unknown; version?: unknown };
  if (format !== CHECKPOINT_FORMAT || version !== CHECKPOINT_VERSION) {
    throw new CheckpointError(`not a checkpoint of this course (format ${String(format)} v${String(version)})`);
  }
  const expected = model.weights.map((w) => w.shape.join('x'));
  const got = ckpt.weights.map((w) => w.shape.join('x'));
  if (expected.join(',') !== got.join(',')) {
    throw new CheckpointError(`the checkpoint's weights [${got.join(', ')}] do not fit the model [${expected.join(', ')}]`);
  }
  for (const w of ckpt.weights) {
    const n = w.shape.reduce((a, b) => a * b, 1);
    if (w.data.length !== n) throw new CheckpointError(`weight ${w.name} holds ${w.data.length} values, its shape needs ${n}`);
  }
  const bad = nonFiniteWeight(ckpt);
  if (bad !== undefined) throw new CheckpointError(`weight ${bad} holds a value that is not a finite number`);
}

/** The name of the first weight holding a NaN or an infinity, if any. */
export function nonFiniteWeight(ckpt: Pick<Checkpoint, 'weights'>): string | undefined {
  return ckpt.weights.find((w) => !w.data.every(Number.isFinite))?.name;
}

/** Writes a checkpoint's weights (only) into a model of the same shape; for inference. */
export function restoreWeights(tf: Tf, model: LayersModel, ckpt: Checkpoint): void {
  assertCompatible(model, ckpt);
  const weights = ckpt.weights.map((w) => tf.tensor(w.data, [...w.shape]));
  try {
    model.setWeights(weights);
  } finally {
    tf.dispose(weights);
  }
}

/** Writes a checkpoint's weights and optimizer state into a freshly built model and optimizer. */
export async function restoreCheckpoint(tf: Tf, model: LayersModel, optimizer: Optimizer, ckpt: Checkpoint): Promise<void> {
  restoreWeights(tf, model, ckpt);
  if (ckpt.optimizer.length > 0) {
    const named: { name: string; tensor: Tensor }[] = ckpt.optimizer.map((w, i) => ({
      name: w.name,
      tensor: i === 0 ? tf.scalar(w.data[0] ?? 0, 'int32') : tf.tensor(w.data, [...w.shape]),
    }));
    try {
      await optimizer.setWeights(named);
    } finally {
      tf.dispose(named.map((n) => n.tensor));
    }
  }
}

/** A checkpoint split into JSON (everything but the numbers) and one Float32Array of all numbers. */
export interface PackedCheckpoint {
  readonly header: Omit<Checkpoint, 'weights' | 'optimizer'> & {
    readonly weights: readonly { name: string; shape: readonly number[] }[];
    readonly optimizer: readonly { name: string; shape: readonly number[] }[];
  };
  readonly data: Float32Array;
}

export function packCheckpoint(ckpt: Checkpoint): PackedCheckpoint {
  const all = [...ckpt.weights, ...ckpt.optimizer];
  const data = new Float32Array(all.reduce((n, t) => n + t.data.length, 0));
  let offset = 0;
  for (const t of all) {
    data.set(t.data, offset);
    offset += t.data.length;
  }
  const meta = (ts: readonly StoredTensor[]) => ts.map(({ name, shape }) => ({ name, shape }));
  return { header: { ...ckpt, weights: meta(ckpt.weights), optimizer: meta(ckpt.optimizer) }, data };
}

export function unpackCheckpoint(packed: PackedCheckpoint): Checkpoint {
  let offset = 0;
  const take = (ts: readonly { name: string; shape: readonly number[] }[]): StoredTensor[] =>
    ts.map(({ name, shape }) => {
      const n = shape.reduce((a, b) => a * b, 1);
      const data = packed.data.slice(offset, offset + n);
      offset += n;
      if (data.length !== n) throw new CheckpointError(`checkpoint data ends inside ${name}`);
      return { name, shape, data };
    });
  const weights = take(packed.header.weights);
  const optimizer = take(packed.header.optimizer);
  if (offset !== packed.data.length) throw new CheckpointError(`checkpoint data has ${packed.data.length - offset} values too many`);
  return { ...packed.header, weights, optimizer };
}
