/**
 * Pure helpers of the evaluation demo (lesson 3-11): the choices it offers, the numbers it
 * prints and how it reads a confusion matrix. No DOM and no tfjs here, so all of it is unit tested.
 */
import type { FailureKind, Misclassified } from './training/protocol.ts';
import type { Checkpoint } from './training/checkpoint.ts';
import type { ModelErrorCode, ModelKind } from './model/source.ts';
import { MNIST } from './mnist-spec.ts';

/** How many test images an evaluation may use: all of them (null), or a quick check. */
export const EVAL_COUNTS = [null, 1000, 100] as const;
export type EvalCount = (typeof EVAL_COUNTS)[number];

/** The value of a count's <option>. */
export function countValue(count: EvalCount): string {
  return count === null ? 'all' : String(count);
}

/** The count an <option> value stands for; anything unknown means all images. */
export function parseCount(value: string): EvalCount {
  return EVAL_COUNTS.find((c) => countValue(c) === value) ?? null;
}

/** How many images the evaluation will use. */
export function imagesFor(count: EvalCount): number {
  return count ?? MNIST.testCount;
}

/** A ratio 0–1 as a percentage, e.g. 0.98765 → "98.77%"; "—" when it is not a number. */
export function formatPercent(ratio: number, digits = 2): string {
  return Number.isFinite(ratio) ? `${(ratio * 100).toFixed(digits)}%` : '—';
}

/** A loss as Keras prints it here, 4 decimals; "—" when it is not a number. */
export function formatLoss(loss: number): string {
  return Number.isFinite(loss) ? loss.toFixed(4) : '—';
}

/** Seconds with one decimal. */
export function formatSeconds(s: number): string {
  return Number.isFinite(s) ? s.toFixed(1) : '—';
}

/** Whole percent of a progress, clamped to 0–100 (0 when the total is unknown). */
export function progressPercent(done: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(100, Math.max(0, Math.floor((done / total) * 100)));
}

/** A stored checkpoint's save time in local time, e.g. "2026/11/29 22:23" (ja-JP) or "11/29/2026, 10:23 PM" (en-US). */
export function formatSavedAt(iso: string, timeZone?: string, locale = 'ja-JP'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toLocaleString(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone === undefined ? {} : { timeZone }),
  });
}

/** What the radio of the learner's model says about it. */
export interface StoredModelInfo {
  /** Epochs completed. */
  readonly epochs: number;
  /** Epochs the run was set up for. */
  readonly planned: number;
  /** Whether the run finished ('trained' slot) or stopped part-way ('run' slot). */
  readonly finished: boolean;
  /** Validation accuracy of the last completed epoch (NaN when there is no history). */
  readonly valAccuracy: number;
  readonly savedAt: string;
}

export function storedModelInfo(ckpt: Checkpoint, finished: boolean): StoredModelInfo {
  const last = ckpt.history[ckpt.history.length - 1];
  return {
    epochs: ckpt.completedEpochs,
    planned: ckpt.config.epochs,
    finished,
    valAccuracy: last?.valAccuracy ?? NaN,
    savedAt: ckpt.savedAt,
  };
}

/** Each row's sum: how many test images of each true digit were evaluated. */
export function rowTotals(confusion: readonly (readonly number[])[]): number[] {
  return confusion.map((row) => row.reduce((a, b) => a + b, 0));
}

/** The sum of every cell: the number of images evaluated. */
export function confusionTotal(confusion: readonly (readonly number[])[]): number {
  return rowTotals(confusion).reduce((a, b) => a + b, 0);
}

/** The diagonal's sum: images classified correctly. */
export function correctCount(confusion: readonly (readonly number[])[]): number {
  return confusion.reduce((sum, row, i) => sum + (row[i] ?? 0), 0);
}

/** The strongest shading of a cell, as a percentage of the accent colour mixed into the background. */
export const MAX_SHADE = 45;

/**
 * How strongly to shade a confusion cell, 0–MAX_SHADE (% of accent mixed into the page
 * background): by the cell's share of its row, on a square-root scale so that a few mistakes
 * still show. The text stays the page's foreground colour: up to 45% of the accent keeps it at
 * a contrast of 5.5:1 or more in both themes.
 */
export function cellShade(count: number, rowTotal: number): number {
  if (!(count > 0) || !(rowTotal > 0)) return 0;
  return Math.round(Math.sqrt(Math.min(1, count / rowTotal)) * MAX_SHADE);
}

export interface Confusion {
  /** The true digit. */
  readonly label: number;
  /** What the model answered. */
  readonly predicted: number;
  readonly count: number;
}

/** The off-diagonal cells with mistakes, most frequent first (ties: by true digit, then prediction). */
export function topConfusions(confusion: readonly (readonly number[])[], limit: number): Confusion[] {
  const all: Confusion[] = [];
  confusion.forEach((row, label) => {
    row.forEach((count, predicted) => {
      if (label !== predicted && count > 0) all.push({ label, predicted, count });
    });
  });
  all.sort((a, b) => b.count - a.count || a.label - b.label || a.predicted - b.predicted);
  return all.slice(0, Math.max(0, limit));
}

/** A selected confusion cell: the true digit and the prediction. */
export interface Cell {
  readonly label: number;
  readonly predicted: number;
}

/** The misclassified images of one cell (or all of them), in test-set order. */
export function misclassifiedIn<T extends Pick<Misclassified, 'label' | 'predicted'>>(items: readonly T[], cell: Cell | null): T[] {
  return cell === null ? [...items] : items.filter((m) => m.label === cell.label && m.predicted === cell.predicted);
}

/** The error message to show for a worker failure. */
export type EvalFailure = FailureKind | 'shape' | 'model-load';

/**
 * Names a failure for the learner from the worker's typed report and the model it evaluated: a
 * stored model of the learner's that was refused ('checkpoint': train it again), a model file
 * that is not the course's CNN ('shape') or could not be fetched or read ('model-load'), else the
 * worker's own kind.
 */
export function describeFailure(kind: FailureKind, model: ModelErrorCode | undefined, source: ModelKind): EvalFailure {
  if (model === undefined || kind === 'device-lost' || kind === 'backend') return kind;
  if (model === 'unknown') return 'unknown';
  if (source === 'learner') return 'checkpoint';
  return model === 'shape' || model === 'checkpoint' ? 'shape' : 'model-load';
}
