/**
 * Keras's arithmetic for `model.fit(x, y, batch_size, epochs, validation_split)`.
 * Keras holds out the *last* `validation_split` share of the arrays (before any shuffling) and
 * trains on the rest in batches; the final batch is whatever is left over.
 */
import { MNIST } from './mnist-spec.ts';

export interface FitConfig {
  readonly batchSize: number;
  readonly epochs: number;
  readonly validationSplit: number;
}

/** The deck's `model.fit` settings. */
// #region deck:fitconfig
export const DECK_FIT: FitConfig = { batchSize: 128, epochs: 15, validationSplit: 0.1 };
// #endregion deck:fitconfig

/** The share held out for validation as a whole percentage (10 for the deck). */
export function percentOf(share: number): number {
  return Math.round(share * 100);
}

export interface Split {
  /** Examples [0, train) are trained on. */
  readonly train: number;
  /** Examples [train, train + validation) are held out for validation. */
  readonly validation: number;
}

/** As Keras: `split_at = int(n * (1 - validation_split))`. */
export function validationSplit(total: number, share: number): Split {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`invalid example count: ${total}`);
  if (!(share >= 0 && share < 1)) throw new RangeError(`validation share must be in [0, 1): ${share}`);
  const train = Math.floor(total * (1 - share) + 1e-9);
  return { train, validation: total - train };
}

/**
 * The course's rule for a shorter run: take the first `limit` of the `available` training images
 * (all of them when null), then hold out Keras's last `share` of *those*. The training lesson and
 * `npm run pretrain` both split this way (src/lib/training/run-training.ts).
 */
export function subsetSplit(available: number, limit: number | null, share: number): Split {
  return validationSplit(limit === null ? available : Math.min(limit, available), share);
}

export interface Batching {
  readonly batches: number;
  /** Size of the final batch (equal to the batch size when it divides evenly). */
  readonly lastBatchSize: number;
  /** examples / batchSize before rounding up. */
  readonly exact: number;
}

export function batching(examples: number, batchSize: number): Batching {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`invalid batch size: ${batchSize}`);
  const batches = Math.ceil(examples / batchSize);
  const lastBatchSize = examples === 0 ? 0 : examples - (batches - 1) * batchSize;
  return { batches, lastBatchSize, exact: examples / batchSize };
}

/** Keras's defaults for `optimizer="adam"`, which the deck uses and the course's training uses. */
export const ADAM_DEFAULTS = { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } as const;

/** Adam steps of the deck's run over all of MNIST: 422 batches × 15 epochs = 6,330. */
export const DECK_STEPS = batching(validationSplit(MNIST.trainCount, DECK_FIT.validationSplit).train, DECK_FIT.batchSize).batches * DECK_FIT.epochs;
