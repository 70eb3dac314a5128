import { describe, expect, it } from 'vitest';
import { GALLERY_SHOWN, TOP_CONFUSIONS, galleryView, matrixRows, perClassRows, progressView, summaryOf, topOf } from '../../src/lib/evaluate/view.ts';
import { MAX_SHADE } from '../../src/lib/evaluation.ts';
import type { EvaluationResult, Misclassified } from '../../src/lib/training/protocol.ts';

/** 10 images of each digit; 4 read as 9 twice and 7 as 1 once (3 mistakes), digit 8 never shown. */
function result(extraMistakes = 0): EvaluationResult {
  const confusion = Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j): number => (i === j && i !== 8 ? 10 : 0)));
  const set = (t: number, p: number, n: number) => {
    (confusion[t] as number[])[p] = n;
  };
  set(4, 4, 8);
  set(4, 9, 2 + extraMistakes);
  set(7, 7, 9);
  set(7, 1, 1);
  const image = (index: number, label: number, predicted: number): Misclassified => ({ index, label, predicted, confidence: 0.6, pixels: new Uint8Array(784) });
  const misclassified = [image(3, 4, 9), image(5, 7, 1), image(8, 4, 9), ...Array.from({ length: extraMistakes }, (_, k) => image(100 + k, 4, 9))];
  const count = confusion.flat().reduce((a, b) => a + b, 0);
  const totals = confusion.map((r) => r.reduce((a, b) => a + b, 0));
  const perClass = confusion.map((r, i) => ((totals[i] ?? 0) === 0 ? NaN : (r[i] ?? 0) / (totals[i] ?? 1)));
  return { count, loss: 0.1, accuracy: 0.9, confusion, perClass, misclassified, seconds: 2 };
}

describe('the progress line', () => {
  const running = { phase: 'running', source: { kind: 'pretrained', url: 'x' }, count: 1000, sent: true } as const;
  it('says "preparing" until numbers come', () => {
    expect(progressView(running)).toEqual({ kind: 'preparing' });
    // A download that is complete (or read from the cache) leaves nothing to count.
    expect(progressView({ ...running, data: { done: 20, total: 20 } })).toEqual({ kind: 'preparing' });
  });
  it('counts the download, then the images evaluated', () => {
    expect(progressView({ ...running, data: { done: 5, total: 20 } })).toEqual({ kind: 'downloading', loaded: 5, total: 20, percent: 25 });
    expect(progressView({ ...running, data: { done: 5, total: 20 }, evaluated: { done: 250, total: 1000 } })).toEqual({ kind: 'evaluating', done: 250, total: 1000, percent: 25 });
  });
});

describe('the results', () => {
  it('counts the mistakes', () => {
    expect(summaryOf(result())).toEqual({ count: 90, wrong: 3 });
  });

  it('lays out the matrix: shades, the diagonal, buttons on mistakes only, the selected cell', () => {
    const rows = matrixRows(result(), { label: 4, predicted: 9 });
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.length === 10)).toBe(true);
    expect(rows[0]?.[0]).toEqual({ label: 0, predicted: 0, count: 10, shade: MAX_SHADE, diagonal: true, selectable: false, selected: false });
    expect(rows[4]?.[9]).toMatchObject({ count: 2, selectable: true, selected: true, diagonal: false });
    expect(rows[7]?.[1]).toMatchObject({ count: 1, selectable: true, selected: false });
    expect(rows[8]?.[8]).toMatchObject({ count: 0, shade: 0, selectable: false });
    expect(rows.flat().filter((c) => c.selectable)).toHaveLength(2);
    expect(matrixRows(result(), null).flat().some((c) => c.selected)).toBe(false);
  });

  it('gives each digit its accuracy and counts (NaN without images)', () => {
    const rows = perClassRows(result());
    expect(rows[4]).toEqual({ digit: 4, accuracy: 0.8, correct: 8, total: 10 });
    expect(rows[8]?.total).toBe(0);
    expect(rows[8]?.accuracy).toBeNaN();
  });

  it(`lists at most ${TOP_CONFUSIONS} confusions, the most frequent first`, () => {
    expect(topOf(result())).toEqual([
      { label: 4, predicted: 9, count: 2 },
      { label: 7, predicted: 1, count: 1 },
    ]);
  });
});

describe('the gallery', () => {
  it('shows every mistake, or those of the selected cell', () => {
    const all = galleryView(result(), null);
    expect(all.shown.map((m) => m.index)).toEqual([3, 5, 8]);
    expect(all.total).toBe(3);
    const cell = galleryView(result(), { label: 4, predicted: 9 });
    expect(cell.shown.map((m) => m.index)).toEqual([3, 8]);
    expect(cell.total).toBe(2);
    expect(galleryView(result(), { label: 1, predicted: 7 }).total).toBe(0);
  });

  it(`shows the first ${GALLERY_SHOWN} and counts the rest`, () => {
    const many = galleryView(result(40), null);
    expect(many.shown).toHaveLength(GALLERY_SHOWN);
    expect(many.total).toBe(43);
    expect(galleryView(result(40), { label: 4, predicted: 9 }).total).toBe(42);
  });

  it('counts the mistakes of the matrix when the worker sent fewer images', () => {
    const r = result();
    expect(galleryView({ ...r, misclassified: r.misclassified.slice(0, 1) }, null).total).toBe(3);
  });
});
