/**
 * The model fine-tuned on the learner's handwriting (issue #16), kept in the course's IndexedDB
 * store under its own key, so it never overwrites the learner's trained model ('trained'/'run')
 * or the shipped one. It holds the weights as a checkpoint (the drawing lesson's worker loads it
 * like the learner's model) and what the fine-tune measured before and after.
 */
import { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, type Checkpoint, type StoredTensor } from '../training/checkpoint.ts';
import type { FineTuneSettings } from '../handwriting/fine-tune.ts';
import type { ModelKind } from '../model/source.ts';
import type { Score, Scores } from '../handwriting/fine-tune.ts';
import { defaultFactory, withStore } from './checkpoint-store.ts';

const KEY = 'tuned';
export const TUNED_FORMAT = 'cnn-course-tuned';

export interface TunedModel {
  readonly format: typeof TUNED_FORMAT;
  readonly checkpoint: Checkpoint;
  /** The model it was fine-tuned from. */
  readonly base: ModelKind;
  /** How many of the learner's examples it learned from. */
  readonly examples: number;
  readonly learningRate: number;
  readonly steps: number;
  /** Accuracy on the personal set and on the MNIST sample, before and after. */
  readonly before: Scores;
  readonly after: Scores;
  readonly savedAt: string;
}

const isScore = (v: unknown): v is Score => {
  const s = v as Partial<Score> | null;
  return typeof s === 'object' && s !== null && Number.isInteger(s.correct) && Number.isInteger(s.count);
};
const isScores = (v: unknown) => {
  const s = v as { personal?: unknown; mnist?: unknown } | null;
  return typeof s === 'object' && s !== null && isScore(s.personal) && isScore(s.mnist);
};

/** Whether a stored value is a fine-tuned model of this course (anything else reads as none). */
export function isTunedModel(value: unknown): value is TunedModel {
  const v = value as Partial<TunedModel> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.format === TUNED_FORMAT &&
    (v.checkpoint as { format?: unknown } | undefined)?.format === CHECKPOINT_FORMAT &&
    Array.isArray(v.checkpoint?.weights) &&
    typeof v.base === 'string' &&
    typeof v.examples === 'number' &&
    isScores(v.before) &&
    isScores(v.after)
  );
}

/**
 * The record of a fine-tune that is kept: its weights as a checkpoint (no optimizer state and no
 * epochs: a fine-tune is not a resumable run) and what it measured.
 */
export function makeTunedModel(input: {
  readonly weights: readonly StoredTensor[];
  readonly backend: string;
  readonly base: ModelKind;
  readonly examples: number;
  readonly settings: FineTuneSettings;
  readonly before: Scores;
  readonly after: Scores;
  readonly savedAt: string;
}): TunedModel {
  const { settings, savedAt } = input;
  const checkpoint: Checkpoint = {
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    config: { batchSize: settings.personalPerBatch + settings.mnistPerBatch, epochs: 0, validationSplit: 0, seed: settings.seed, trainLimit: null },
    completedEpochs: 0,
    history: [],
    weights: input.weights,
    optimizer: [],
    backend: input.backend,
    savedAt,
  };
  return {
    format: TUNED_FORMAT,
    checkpoint,
    base: input.base,
    examples: input.examples,
    learningRate: settings.learningRate,
    steps: settings.steps,
    before: input.before,
    after: input.after,
    savedAt,
  };
}

export async function saveTuned(model: TunedModel, factory: IDBFactory = defaultFactory()): Promise<void> {
  await withStore('readwrite', (s) => s.put(model, KEY), factory);
}

/** The stored fine-tuned model, or null when there is none, it is not one, or storage cannot be read. */
export async function loadTuned(factory?: IDBFactory): Promise<TunedModel | null> {
  try {
    const value: unknown = await withStore('readonly', (s) => s.get(KEY) as IDBRequest<unknown>, factory ?? defaultFactory());
    return isTunedModel(value) ? value : null;
  } catch {
    return null;
  }
}

export async function deleteTuned(factory: IDBFactory = defaultFactory()): Promise<void> {
  await withStore('readwrite', (s) => s.delete(KEY), factory);
}
