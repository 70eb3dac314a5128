import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import {
  HANDWRITING_KEY,
  MAX_EXAMPLES,
  MIN_EXAMPLES,
  PIXELS,
  addExample,
  byDigit,
  parseSet,
  readSet,
  readiness,
  removeExample,
  serializeSet,
  toArrays,
  toPixels,
  unitPixels,
  writeSet,
  type PersonalSet,
} from '../../src/lib/handwriting/personal-set.ts';
import { accuracy, initialTuneState, pointsChange, reduceTune, tuneButton, type TuneEvent, type TuneState } from '../../src/lib/handwriting/tune-state.ts';
import { deleteTuned, isTunedModel, loadTuned, makeTunedModel, saveTuned } from '../../src/lib/storage/tuned-store.ts';
import { loadCheckpoint } from '../../src/lib/storage/checkpoint-store.ts';
import { FINE_TUNE_DEFAULTS, checkLearningRate } from '../../src/lib/handwriting/fine-tune-settings.ts';
import { firstModel, initialDrawState, reduceDraw, startingModel, fallbackAfter } from '../../src/lib/draw/draw-state.ts';

/** A 28×28 image with one bright pixel at `at` (0..1 floats, as the preprocessing gives). */
function image(at: number, value = 1): Float32Array {
  const a = new Float32Array(PIXELS);
  a[at] = value;
  return a;
}

function add(set: PersonalSet, label: number, at: number, id = `e${set.length}`): PersonalSet {
  const r = addExample(set, { label, image: image(at), id, addedAt: '2026-12-03T00:00:00.000Z', predicted: 3 });
  if (r.problem) throw new Error(r.problem);
  return r.set;
}

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

describe('the personal set', () => {
  it('stores the prepared image as MNIST bytes: 0..1 → 0..255, rounded and clamped', () => {
    const a = new Float32Array(PIXELS);
    a[0] = 1;
    a[1] = 0.5;
    a[2] = 2; // clamped
    a[3] = -1; // clamped
    a[4] = NaN; // no ink
    const p = toPixels(a);
    expect(p && [...p.slice(0, 6)]).toEqual([255, 128, 255, 0, 0, 0]);
    expect(toPixels(new Float32Array(PIXELS))).toBeNull(); // no ink at all
    expect(toPixels(new Float32Array(10))).toBeNull();
    expect([...unitPixels({ pixels: Uint8Array.from([0, 51, 255]) })].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([0, 0.2, 1]);
  });

  it('refuses an empty drawing, a label that is not a digit, a wrong size and a full set, leaving the set as it was', () => {
    const set = add([], 7, 10);
    const at = { id: 'x', addedAt: '' };
    expect(addExample(set, { ...at, label: 7, image: new Float32Array(PIXELS) })).toEqual({ set, problem: 'empty' });
    expect(addExample(set, { ...at, label: 10, image: image(1) }).problem).toBe('label');
    expect(addExample(set, { ...at, label: 1.5, image: image(1) }).problem).toBe('label');
    expect(addExample(set, { ...at, label: 1, image: new Float32Array(27 * 27) }).problem).toBe('size');
    let full: PersonalSet = [];
    for (let i = 0; i < MAX_EXAMPLES; i++) full = add(full, i % 10, i % PIXELS, `f${i}`);
    expect(addExample(full, { ...at, label: 1, image: image(1) })).toEqual({ set: full, problem: 'full' });
  });

  it('groups by digit in the order added, removes by id, and needs MIN_EXAMPLES to fine-tune', () => {
    let set: PersonalSet = [];
    set = add(set, 7, 1, 'a');
    set = add(set, 1, 2, 'b');
    set = add(set, 7, 3, 'c');
    const groups = byDigit(set);
    expect(groups).toHaveLength(10);
    expect(groups[7]?.map((e) => e.id)).toEqual(['a', 'c']);
    expect(groups[1]?.map((e) => e.id)).toEqual(['b']);
    expect(removeExample(set, 'a').map((e) => e.id)).toEqual(['b', 'c']);
    expect(readiness(set)).toEqual({ ok: false, have: 3, need: MIN_EXAMPLES - 3 });
    set = add(add(set, 2, 4, 'd'), 2, 5, 'e');
    expect(MIN_EXAMPLES).toBe(5);
    expect(readiness(set)).toEqual({ ok: true });
  });

  it('lays the set out as MNIST arrays', () => {
    const set = add(add([], 4, 0, 'a'), 9, PIXELS - 1, 'b');
    const arrays = toArrays(set);
    expect(arrays.count).toBe(2);
    expect([arrays.rows, arrays.cols]).toEqual([28, 28]);
    expect([...arrays.labels]).toEqual([4, 9]);
    expect(arrays.images[0]).toBe(255);
    expect(arrays.images[PIXELS + PIXELS - 1]).toBe(255);
    expect(arrays.images.reduce((a, b) => a + b, 0)).toBe(510);
  });

  it('round-trips through its stored text; damaged text or examples read as nothing, never throw', () => {
    const set = add(add([], 4, 0, 'a'), 9, 500, 'b');
    const back = parseSet(serializeSet(set));
    expect(back.map((e) => [e.id, e.label, e.predicted])).toEqual([
      ['a', 4, 3],
      ['b', 9, 3],
    ]);
    expect([...(back[1]?.pixels ?? [])]).toEqual([...(set[1]?.pixels ?? [])]);
    for (const bad of [null, '', '{', '[]', '{"format":"other","version":1,"examples":[]}', '{"format":"cnn-course-handwriting","version":2,"examples":[]}']) {
      expect(parseSet(bad)).toEqual([]);
    }
    const stored = JSON.parse(serializeSet(set)) as { examples: Record<string, unknown>[] };
    stored.examples.push({ id: 'c', label: 11, pixels: stored.examples[0]?.['pixels'] }); // not a digit
    stored.examples.push({ id: 'd', label: 1, pixels: 'AAAA' }); // wrong size
    stored.examples.push({ id: 'a', label: 1, pixels: stored.examples[0]?.['pixels'] }); // id again
    stored.examples.push({ id: 'e', label: 1, pixels: '***' }); // not base64
    expect(parseSet(JSON.stringify(stored)).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('reads and writes one localStorage key; an empty set removes it; refusing storage is reported, not thrown', () => {
    const storage = new MemoryStorage();
    const set = add([], 4, 0, 'a');
    expect(writeSet(storage, set)).toBe(true);
    expect(storage.items.has(HANDWRITING_KEY)).toBe(true);
    expect(readSet(storage).map((e) => e.id)).toEqual(['a']);
    expect(writeSet(storage, [])).toBe(true);
    expect(storage.items.has(HANDWRITING_KEY)).toBe(false);
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(writeSet(refusing, set)).toBe(false);
    expect(readSet(refusing)).toEqual([]);
    expect(writeSet(undefined, set)).toBe(false);
  });
});

const run = (events: readonly TuneEvent[], from: TuneState = initialTuneState) => events.reduce(reduceTune, from);
const addEvent = (label: number, at: number, id: string): TuneEvent => ({ type: 'add', label, image: image(at), predicted: 1, id, addedAt: '' });
const scores = (p: number, pn: number, m: number, mn: number) => ({ personal: { correct: p, count: pn }, mnist: { correct: m, count: mn } });

describe('the handwriting state', () => {
  it('adds, refuses an empty drawing with its reason, removes and clears after asking', () => {
    let s = run([addEvent(7, 1, 'a'), addEvent(7, 2, 'b')]);
    expect(s.set).toHaveLength(2);
    expect(s.added).toEqual({ kind: 'added', label: 7, count: 2 });
    s = reduceTune(s, { type: 'add', label: 7, image: null, predicted: null, id: 'c', addedAt: '' });
    expect(s.added).toEqual({ kind: 'refused', problem: 'empty' });
    expect(s.set).toHaveLength(2);
    s = run([{ type: 'remove', id: 'a' }], s);
    expect(s.set.map((e) => e.id)).toEqual(['b']);
    s = run([{ type: 'clear-ask' }, { type: 'clear-cancel' }], s);
    expect(s.set).toHaveLength(1);
    expect(s.confirmingClear).toBe(false);
    s = run([{ type: 'clear-ask' }, { type: 'clear' }], s);
    expect(s.set).toEqual([]);
    expect(s.added).toEqual({ kind: 'cleared' });
  });

  it('explains instead of starting with too few examples; starts and walks the phases with enough', () => {
    let s = run([addEvent(1, 1, 'a'), addEvent(1, 2, 'b'), { type: 'start' }]);
    expect(s.tooFew).toEqual({ have: 2, need: 3 });
    expect(s.phase).toBe('idle');
    s = run([addEvent(1, 3, 'c'), addEvent(1, 4, 'd'), addEvent(1, 5, 'e')], s);
    expect(s.tooFew).toBeNull();
    s = run([{ type: 'start' }], s);
    expect(s.phase).toBe('data');
    expect(tuneButton(s, true)).toEqual({ enabled: false, reason: 'busy' });
    s = run([{ type: 'data', loaded: 5, total: 10 }, { type: 'before' }, { type: 'train', step: 3, steps: 25, loss: 0.5 }], s);
    expect(s.phase).toBe('train');
    expect(s.progress).toEqual({ step: 3, steps: 25, loss: 0.5 });
    const outcome = { kind: 'kept', before: scores(0, 5, 990, 1000), after: scores(5, 5, 988, 1000), saved: true, base: 'pretrained' } as const;
    s = run([{ type: 'after' }, { type: 'saving' }, { type: 'done', outcome }], s);
    expect(s.phase).toBe('idle');
    expect(s.outcome).toBe(outcome);
    expect(tuneButton(s, true)).toEqual({ enabled: true, reason: null });
    expect(tuneButton(s, false)).toEqual({ enabled: false, reason: 'no-model' });
    const lost = run([{ type: 'start' }, { type: 'done', outcome: { kind: 'failed', code: 'lost', detail: 'device lost' } }], s);
    expect([lost.phase, lost.outcome?.kind]).toEqual(['idle', 'failed']);
  });

  it('gives accuracies and changes in points', () => {
    expect(accuracy({ correct: 991, count: 1000 })).toBeCloseTo(0.991, 12);
    expect(accuracy({ correct: 0, count: 0 })).toBeNaN();
    expect(pointsChange({ correct: 991, count: 1000 }, { correct: 976, count: 1000 })).toBeCloseTo(-1.5, 10);
    expect(pointsChange({ correct: 0, count: 5 }, { correct: 5, count: 5 })).toBeCloseTo(100, 10);
  });

  it('has defaults a learner may type, and refuses rates that are not', () => {
    expect(checkLearningRate(FINE_TUNE_DEFAULTS.learningRate)).toBeNull();
    expect(checkLearningRate(NaN)).toBe('not-number');
    expect(checkLearningRate(0)).toBe('not-positive');
    expect(checkLearningRate(Infinity)).toBe('too-large');
  });
});

describe('the fine-tuned model (IndexedDB)', () => {
  const weights = [{ name: 'conv2d/kernel', shape: [2], data: Float32Array.from([1, 2]) }];
  const tuned = makeTunedModel({ weights, backend: 'wasm', base: 'pretrained', examples: 5, settings: FINE_TUNE_DEFAULTS, before: scores(0, 5, 991, 1000), after: scores(5, 5, 989, 1000), savedAt: '2026-12-03T00:00:00.000Z' });

  it('is a weights-only checkpoint with what the fine-tune measured', () => {
    expect(tuned.checkpoint.format).toBe('cnn-course-checkpoint');
    expect(tuned.checkpoint.optimizer).toEqual([]);
    expect(tuned.checkpoint.weights).toBe(weights);
    expect(tuned.checkpoint.config.batchSize).toBe(FINE_TUNE_DEFAULTS.personalPerBatch + FINE_TUNE_DEFAULTS.mnistPerBatch);
    expect([tuned.learningRate, tuned.steps, tuned.examples, tuned.base]).toEqual([FINE_TUNE_DEFAULTS.learningRate, FINE_TUNE_DEFAULTS.steps, 5, 'pretrained']);
    expect(isTunedModel(tuned)).toBe(true);
    expect(isTunedModel({ ...tuned, before: { personal: 1 } })).toBe(false);
    expect(isTunedModel(tuned.checkpoint)).toBe(false);
  });

  it('is kept under its own key: the learner’s trained model is not touched; deleted on request', async () => {
    const idb = new IDBFactory();
    expect(await loadTuned(idb)).toBeNull();
    await saveTuned(tuned, idb);
    const back = await loadTuned(idb);
    expect(back?.after.mnist.correct).toBe(989);
    expect([...(back?.checkpoint.weights[0]?.data ?? [])]).toEqual([1, 2]);
    expect(await loadCheckpoint('trained', idb)).toBeNull();
    expect(await loadCheckpoint('run', idb)).toBeNull();
    await deleteTuned(idb);
    expect(await loadTuned(idb)).toBeNull();
  });

  it('is the model the drawing lesson starts with; a broken one falls back to the shipped model', () => {
    expect(firstModel(null, null)).toBe('pretrained');
    expect(firstModel(null, tuned)).toBe('tuned');
    const s = reduceDraw(initialDrawState, { type: 'tuned', tuned });
    expect(startingModel(s)).toBe('tuned');
    const refused = { type: 'loaded', result: { ok: false, kind: 'tuned', code: 'checkpoint', detail: 'x', tensors: 0 } } as const;
    expect(fallbackAfter(s, refused)).toBe('pretrained');
    expect(reduceDraw(s, { type: 'tensors', tensors: 12 }).tensors).toBe(12);
  });
});
