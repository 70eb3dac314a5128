import { describe, expect, it } from 'vitest';
import {
  EVAL_COUNTS,
  MAX_SHADE,
  cellShade,
  confusionTotal,
  correctCount,
  countValue,
  describeFailure,
  formatLoss,
  formatPercent,
  formatSavedAt,
  formatSeconds,
  imagesFor,
  misclassifiedIn,
  parseCount,
  progressPercent,
  rowTotals,
  storedModelInfo,
  topConfusions,
} from '../../src/lib/evaluation.ts';
import type { Checkpoint } from '../../src/lib/training/checkpoint.ts';

/** The lesson's small example (4, 7, 9) placed in a 10×10 matrix. */
function lessonMatrix(): number[][] {
  const m = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  const set = (t: number, p: number, n: number) => {
    (m[t] as number[])[p] = n;
  };
  set(4, 4, 9); set(4, 9, 1);
  set(7, 7, 8); set(7, 9, 2);
  set(9, 4, 2); set(9, 7, 1); set(9, 9, 7);
  return m;
}

/** Relative luminance and contrast ratio (WCAG 2). */
function luminance([r, g, b]: readonly number[]): number {
  const c = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * c(r ?? 0) + 0.7152 * c(g ?? 0) + 0.0722 * c(b ?? 0);
}
function contrast(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
const mix = (a: readonly number[], b: readonly number[], p: number) => a.map((v, i) => v * (p / 100) + (b[i] ?? 0) * (1 - p / 100));
const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

describe('the image counts on offer', () => {
  it('offers all 10,000, then 1,000 and 100, and round-trips the option values', () => {
    expect(EVAL_COUNTS.map(imagesFor)).toEqual([10000, 1000, 100]);
    for (const c of EVAL_COUNTS) expect(parseCount(countValue(c))).toBe(c);
    expect(countValue(null)).toBe('all');
    expect(parseCount('nonsense')).toBeNull();
  });
});

describe('number formatting', () => {
  it('formats percentages, losses and seconds', () => {
    expect(formatPercent(0.98765)).toBe('98.77%');
    expect(formatPercent(0.3065)).toBe('30.65%');
    expect(formatPercent(1, 1)).toBe('100.0%');
    expect(formatPercent(NaN)).toBe('—');
    expect(formatLoss(0.0312345)).toBe('0.0312');
    expect(formatLoss(2.218151318359375)).toBe('2.2182');
    expect(formatLoss(Infinity)).toBe('—');
    expect(formatSeconds(3.14159)).toBe('3.1');
  });
  it('clamps progress percentages', () => {
    expect(progressPercent(250, 1000)).toBe(25);
    expect(progressPercent(999, 1000)).toBe(99);
    expect(progressPercent(5, 0)).toBe(0);
    expect(progressPercent(12, 10)).toBe(100);
  });
  it('writes the save time in Japanese style', () => {
    expect(formatSavedAt('2026-11-29T13:23:00.195Z', 'UTC')).toBe('2026/11/29 13:23');
    expect(formatSavedAt('2026-11-29T13:23:00.195Z', 'Asia/Tokyo')).toBe('2026/11/29 22:23');
    expect(formatSavedAt('not a date')).toBe('—');
  });
});

describe('the confusion matrix', () => {
  it('sums rows, the whole and the diagonal (the lesson example: 24 of 30)', () => {
    const m = lessonMatrix();
    expect(rowTotals(m)).toEqual([0, 0, 0, 0, 10, 0, 0, 10, 0, 10]);
    expect(confusionTotal(m)).toBe(30);
    expect(correctCount(m)).toBe(24);
  });

  it('lists the most frequent confusions, ties by true digit then prediction', () => {
    expect(topConfusions(lessonMatrix(), 3)).toEqual([
      { label: 7, predicted: 9, count: 2 },
      { label: 9, predicted: 4, count: 2 },
      { label: 4, predicted: 9, count: 1 },
    ]);
    expect(topConfusions(lessonMatrix(), 10)).toHaveLength(4);
    expect(topConfusions(lessonMatrix(), 0)).toEqual([]);
    const perfect = Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j) => (i === j ? 5 : 0)));
    expect(topConfusions(perfect, 5)).toEqual([]);
  });

  it('shades by the share of the row, square-root scaled, up to MAX_SHADE', () => {
    expect(cellShade(0, 10)).toBe(0);
    expect(cellShade(3, 0)).toBe(0);
    expect(cellShade(10, 10)).toBe(MAX_SHADE);
    expect(cellShade(1, 100)).toBe(Math.round(0.1 * MAX_SHADE));
    expect(cellShade(25, 100)).toBeGreaterThan(cellShade(1, 100));
  });

  it('keeps the text at 4.5:1 or better on the strongest shade in both themes', () => {
    // The theme colours of src/styles/global.css: --accent, --bg, --fg (light, dark).
    const light = { accent: hex('#1d4ed8'), bg: hex('#ffffff'), fg: hex('#1a1d24') };
    const dark = { accent: hex('#8ab4ff'), bg: hex('#12141a'), fg: hex('#e7e9ee') };
    for (const theme of [light, dark]) {
      for (let p = 0; p <= MAX_SHADE; p += 5) expect(contrast(theme.fg, mix(theme.accent, theme.bg, p))).toBeGreaterThan(4.5);
    }
  });

  it('filters the misclassified images by cell', () => {
    const items = [
      { label: 4, predicted: 9, index: 1 },
      { label: 7, predicted: 9, index: 5 },
      { label: 4, predicted: 9, index: 8 },
    ];
    expect(misclassifiedIn(items, null).map((m) => m.index)).toEqual([1, 5, 8]);
    expect(misclassifiedIn(items, { label: 4, predicted: 9 }).map((m) => m.index)).toEqual([1, 8]);
    expect(misclassifiedIn(items, { label: 9, predicted: 4 })).toEqual([]);
  });
});

describe("the learner's stored model", () => {
  const ckpt = {
    config: { batchSize: 128, epochs: 5, validationSplit: 0.1, seed: 1, trainLimit: null },
    completedEpochs: 2,
    history: [
      { epoch: 0, loss: 0.3, accuracy: 0.9, valLoss: 0.1, valAccuracy: 0.97, seconds: 10 },
      { epoch: 1, loss: 0.1, accuracy: 0.97, valLoss: 0.05, valAccuracy: 0.985, seconds: 10 },
    ],
    savedAt: '2026-11-29T13:23:00.195Z',
  } as unknown as Checkpoint;
  it('reports epochs done and planned, the last validation accuracy and the save time', () => {
    expect(storedModelInfo(ckpt, false)).toEqual({ epochs: 2, planned: 5, finished: false, valAccuracy: 0.985, savedAt: '2026-11-29T13:23:00.195Z' });
    expect(storedModelInfo({ ...ckpt, history: [] }, true).valAccuracy).toBeNaN();
  });
});

describe('failure messages', () => {
  it("keeps the worker's kind when it names one", () => {
    expect(describeFailure('checkpoint', undefined, 'learner')).toBe('checkpoint');
    expect(describeFailure('data', undefined, 'pretrained')).toBe('data');
    expect(describeFailure('device-lost', undefined, 'pretrained')).toBe('device-lost');
    expect(describeFailure('device-lost', 'fetch', 'pretrained')).toBe('device-lost');
    expect(describeFailure('backend', 'shape', 'learner')).toBe('backend');
  });
  it("names a refused stored model of the learner's as broken, whatever the refusal", () => {
    for (const code of ['shape', 'not-finite', 'checkpoint', 'weights'] as const) expect(describeFailure('unknown', code, 'learner')).toBe('checkpoint');
  });
  it('names a model file that is not the course CNN', () => {
    expect(describeFailure('unknown', 'shape', 'pretrained')).toBe('shape');
    expect(describeFailure('unknown', 'checkpoint', 'imported')).toBe('shape');
  });
  it('names a model file that could not be loaded, or holds broken weights', () => {
    for (const code of ['fetch', 'not-json', 'not-model', 'weights', 'not-finite'] as const) {
      expect(describeFailure('unknown', code, 'pretrained')).toBe('model-load');
      expect(describeFailure('unknown', code, 'imported')).toBe('model-load');
    }
  });
  it('falls back to the unknown message', () => {
    expect(describeFailure('unknown', undefined, 'pretrained')).toBe('unknown');
    expect(describeFailure('unknown', 'unknown', 'learner')).toBe('unknown');
  });
});
