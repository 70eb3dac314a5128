import { describe, expect, it } from 'vitest';
import { SHOWN_LAYERS, FILTER_LAYER, filterValues, drawView, fallbackAfter, initialDrawState, reduceDraw, startingModel, type DrawEvent, type DrawState } from '../../src/lib/draw/draw-state.ts';
import { prepareDigit } from '../../src/lib/draw/preprocess.ts';
import type { LearnerModel } from '../../src/lib/storage/learner-model.ts';

const run = (events: DrawEvent[], from: DrawState = initialDrawState) => events.reduce(reduceDraw, from);
const ink = () => {
  const data = new Float32Array(28 * 28);
  for (let y = 6; y < 22; y++) data[y * 28 + 14] = 1;
  return prepareDigit({ data, width: 28, height: 28 });
};
const probs = (top: number) => Float32Array.from({ length: 10 }, (_, d) => (d === top ? 0.91 : 0.01));
const ok = (kind: 'pretrained' | 'learner' | 'imported') => ({ type: 'loaded', result: { ok: true, kind, tensors: 8 } }) as const;
const learner = { checkpoint: {}, info: { epochs: 2, planned: 3, finished: false, valAccuracy: 0.9, savedAt: '' } } as unknown as LearnerModel;

describe('the drawing state', () => {
  it('names the shown layers and the filter layer from the model spec', () => {
    expect(SHOWN_LAYERS.map((l) => [l.name, l.outputShape])).toEqual([
      ['conv2d', [26, 26, 32]],
      ['conv2d_1', [11, 11, 64]],
    ]);
    expect(FILTER_LAYER).toBe('conv2d');
  });

  it('shows a model in use once it loaded, and the learner’s one first when there is one', () => {
    const s = run([{ type: 'learner', learner }, { type: 'load', kind: 'learner' }]);
    expect(drawView(s).selected).toBe('learner');
    expect(drawView(s).state).toBe('loading');
    expect(startingModel(s)).toBe('learner');
    const loaded = reduceDraw(s, ok('learner'));
    expect(loaded.inUse).toBe('learner');
    expect(drawView(loaded).state).toBe('ready');
    expect(startingModel(run([{ type: 'learner', learner: null }]))).toBe('pretrained');
  });

  it('falls back to the shipped model when the learner’s is refused, and keeps saying why', () => {
    const s = run([{ type: 'load', kind: 'learner' }]);
    const refused: DrawEvent = { type: 'loaded', result: { ok: false, kind: 'learner', code: 'checkpoint', detail: 'bad', tensors: 0 } };
    expect(fallbackAfter(s, refused)).toBe('pretrained');
    const after = run([refused, { type: 'load', kind: 'pretrained' }, ok('pretrained')], s);
    expect(after.inUse).toBe('pretrained');
    expect(after.notice).toMatchObject({ kind: 'refused', model: 'learner', code: 'checkpoint', kept: null });
    // A model refused while another is in use changes nothing but the notice.
    const imported: DrawEvent = { type: 'loaded', result: { ok: false, kind: 'imported', code: 'shape', detail: 'x', tensors: 8 } };
    expect(fallbackAfter(after, imported)).toBeNull();
    expect(reduceDraw(after, imported)).toMatchObject({ inUse: 'pretrained', notice: { kind: 'refused', model: 'imported', kept: 'pretrained' } });
  });

  it('takes imported files only when the worker accepts them', () => {
    const files = { modelJson: new ArrayBuffer(1), weights: new ArrayBuffer(1), names: 'model.json + weights.bin' };
    const s = run([ok('pretrained'), { type: 'load', kind: 'imported', files }]);
    expect(s.imported).toBeNull();
    const accepted = reduceDraw(s, ok('imported'));
    expect(accepted.imported).toBe(files);
    expect(accepted.notice).toEqual({ kind: 'info', text: 'imported' });
    expect(reduceDraw(s, { type: 'loaded', result: { ok: false, kind: 'imported', code: 'weights', detail: '', tensors: 8 } }).imported).toBeNull();
  });

  it('shows only the answer to the latest drawing, and announces it once the stroke ended', () => {
    const prepared = ink();
    let s = run([ok('pretrained'), { type: 'pointer', down: true }, { type: 'changed' }, { type: 'prepared', prepared, id: 1 }, { type: 'changed' }, { type: 'prepared', prepared, id: 2 }]);
    expect(s.settled).toBe(false);
    // The answer to an older drawing is not shown.
    s = reduceDraw(s, { type: 'predicted', id: 1, probabilities: probs(3), activations: {}, tensors: 8, final: false });
    expect(s.prediction).toBeNull();
    s = reduceDraw(s, { type: 'predicted', id: 2, probabilities: probs(1), activations: {}, tensors: 8, final: true });
    expect(drawView(s).top).toBe(1);
    expect(s.settled).toBe(true);
    expect(s.announcement).toBeNull(); // the pen is still down
    s = run([{ type: 'pointer', down: false }, { type: 'changed' }, { type: 'prepared', prepared, id: 3 }, { type: 'predicted', id: 3, probabilities: probs(7), activations: {}, tensors: 8, final: true }], s);
    expect(s.announcement).toEqual({ digit: 7, probability: expect.closeTo(0.91, 5) as number });
    expect(s.predictions).toBe(2);
  });

  it('an empty drawing shows the hint, not a prediction', () => {
    const s = run([ok('pretrained'), { type: 'prepared', prepared: ink(), id: 1 }, { type: 'predicted', id: 1, probabilities: probs(1), activations: {}, tensors: 8, final: true }, { type: 'changed' }, { type: 'prepared', prepared: { empty: true }, id: 0 }]);
    expect(drawView(s).probabilities).toBeNull();
    expect(s.settled).toBe(true);
    expect(s.announcement).toBe('cleared');
  });

  it('a lost device says so, forgets the model in use, and a restart loads it again', () => {
    const s = run([ok('imported'), { type: 'export' }, { type: 'lost', message: 'WebGL context lost' }]);
    expect(s.inUse).toBeNull();
    expect(s.exporting).toBe(false);
    expect(s.notice).toEqual({ kind: 'lost', detail: 'WebGL context lost' });
    expect(drawView(s).state).toBe('lost');
    expect(startingModel(s)).toBe('imported');
    expect(run([{ type: 'load', kind: 'pretrained' }, ok('pretrained')], s).notice).toBeNull();
  });
});

describe('one filter of a layer', () => {
  it('reads filter c of a [kh, kw, 1, n] kernel, row by row', () => {
    // 2×2 kernels, 3 filters: value = 10·position + filter.
    const kernels = Float32Array.from({ length: 12 }, (_, i) => 10 * Math.floor(i / 3) + (i % 3));
    expect(filterValues(kernels, [2, 2, 1, 3], 0)).toEqual([0, 10, 20, 30]);
    expect(filterValues(kernels, [2, 2, 1, 3], 2)).toEqual([2, 12, 22, 32]);
    expect(filterValues(kernels, [2, 2, 1, 3], 3)).toEqual([]);
    expect(filterValues(kernels, [2, 2, 1, 3], 1.5)).toEqual([]);
  });
});
