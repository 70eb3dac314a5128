/**
 * What the evaluation demo's views show, worked out from a run and its result: the progress
 * line's numbers, the confusion matrix's cells, the per-class rows and the gallery's selection.
 * The components only put these into markup (tests/unit/evaluate-view.test.ts).
 */
import type { EvaluationResult, Misclassified } from '../training/protocol.ts';
import { cellShade, correctCount, misclassifiedIn, progressPercent, rowTotals, topConfusions, type Cell, type Confusion } from '../evaluation.ts';
import type { Run } from './state.ts';

/** Misclassified images shown at once. */
export const GALLERY_SHOWN = 24;
/** The most frequent confusions listed under 多かった間違い. */
export const TOP_CONFUSIONS = 5;

export type ProgressView =
  | { readonly kind: 'evaluating'; readonly done: number; readonly total: number; readonly percent: number }
  | { readonly kind: 'downloading'; readonly loaded: number; readonly total: number; readonly percent: number }
  /** tfjs, the model or the data are being made ready: no numbers to show. */
  | { readonly kind: 'preparing' };

/** The progress line of a run: images evaluated, else MNIST bytes while they download. */
export function progressView(run: Extract<Run, { phase: 'running' }>): ProgressView {
  const { data, evaluated } = run;
  if (evaluated) return { kind: 'evaluating', done: evaluated.done, total: evaluated.total, percent: progressPercent(evaluated.done, evaluated.total) };
  if (data && data.done < data.total) return { kind: 'downloading', loaded: data.done, total: data.total, percent: progressPercent(data.done, data.total) };
  return { kind: 'preparing' };
}

/** Images evaluated and those answered wrongly. */
export function summaryOf(result: EvaluationResult): { readonly count: number; readonly wrong: number } {
  return { count: result.count, wrong: result.count - correctCount(result.confusion) };
}

export interface MatrixCell {
  /** The true digit (row). */
  readonly label: number;
  /** The model's answer (column). */
  readonly predicted: number;
  readonly count: number;
  /** % of the accent colour mixed into the background (0: none), see cellShade. */
  readonly shade: number;
  readonly diagonal: boolean;
  /** A mistake with images: a button that shows them in the gallery. */
  readonly selectable: boolean;
  /** This cell's images are the ones shown. */
  readonly selected: boolean;
}

/** The confusion matrix, row by true digit, with the selected cell marked. */
export function matrixRows(result: EvaluationResult, cell: Cell | null): MatrixCell[][] {
  const totals = rowTotals(result.confusion);
  return result.confusion.map((row, label) =>
    row.map((count, predicted) => ({
      label,
      predicted,
      count,
      shade: cellShade(count, totals[label] ?? 0),
      diagonal: label === predicted,
      selectable: label !== predicted && count > 0,
      selected: cell !== null && cell.label === label && cell.predicted === predicted,
    })),
  );
}

export interface ClassRow {
  readonly digit: number;
  /** Correct share of this digit's images, 0–1 (NaN when none was evaluated). */
  readonly accuracy: number;
  readonly correct: number;
  /** This digit's test images evaluated (0: the row reads "no images"). */
  readonly total: number;
}

/** Per-class accuracy with the counts behind it. */
export function perClassRows(result: EvaluationResult): ClassRow[] {
  const totals = rowTotals(result.confusion);
  return result.perClass.map((accuracy, digit) => ({ digit, accuracy, correct: result.confusion[digit]?.[digit] ?? 0, total: totals[digit] ?? 0 }));
}

/** The most frequent mistakes. */
export function topOf(result: EvaluationResult): Confusion[] {
  return topConfusions(result.confusion, TOP_CONFUSIONS);
}

export interface GalleryView {
  /** The images shown: the first GALLERY_SHOWN that match, in test-set order. */
  readonly shown: readonly Misclassified[];
  /** How many match: every mistake of the evaluation (all cells), or the cell's count. */
  readonly total: number;
  readonly cell: Cell | null;
}

/** The gallery's images: the mistakes of the selected cell, or all of them. */
export function galleryView(result: EvaluationResult, cell: Cell | null): GalleryView {
  const matching = misclassifiedIn(result.misclassified, cell);
  // All mistakes as the matrix counts them, should the worker have sent fewer images.
  const total = cell === null ? Math.max(summaryOf(result).wrong, result.misclassified.length) : matching.length;
  return { shown: matching.slice(0, GALLERY_SHOWN), total, cell };
}
