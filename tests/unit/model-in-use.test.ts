import { describe, expect, it } from 'vitest';
import { canPredict, fallsBack, firstKind, initialInUse, reduceInUse, type InUseEvent } from '../../src/lib/model/in-use.ts';
import type { StoredModelInfo } from '../../src/lib/evaluation.ts';

const info: StoredModelInfo = { epochs: 2, planned: 15, finished: false, valAccuracy: 0.97, savedAt: '2026-12-01T10:00:00.000Z' };
const run = (events: InUseEvent[]) => events.reduce(reduceInUse, initialInUse);

describe('the model in use', () => {
  it("is the learner's model when one is stored, else the shipped one", () => {
    expect(firstKind(info)).toBe('learner');
    expect(firstKind(null)).toBe('pretrained');
  });

  it('can predict only once a model is loaded, and each load bumps the version', () => {
    let s = run([{ type: 'learner', learner: null }, { type: 'load', kind: 'pretrained' }]);
    expect(canPredict(s)).toBe(false);
    s = reduceInUse(s, { type: 'loaded', kind: 'pretrained' });
    expect(canPredict(s)).toBe(true);
    expect(s.version).toBe(1);
    expect(reduceInUse(s, { type: 'loaded', kind: 'pretrained' }).version).toBe(2);
  });

  it("falls back to the shipped model, saying why, when the learner's is refused", () => {
    const refused: InUseEvent = { type: 'refused', kind: 'learner', code: 'not-finite', detail: 'NaN in conv2d' };
    expect(fallsBack(refused)).toBe(true);
    const s = run([{ type: 'learner', learner: info }, { type: 'load', kind: 'learner' }, refused]);
    expect(s).toMatchObject({ phase: 'loading', kind: 'pretrained', fellBack: 'not-finite', learner: info });
    expect(canPredict(s)).toBe(false);
    expect(reduceInUse(s, { type: 'loaded', kind: 'pretrained' })).toMatchObject({ phase: 'ready', kind: 'pretrained', fellBack: 'not-finite' });
  });

  it('fails when the shipped model is refused, and a lost device stops predictions until retried', () => {
    const refused: InUseEvent = { type: 'refused', kind: 'pretrained', code: 'fetch', detail: '404' };
    expect(fallsBack(refused)).toBe(false);
    expect(run([{ type: 'load', kind: 'pretrained' }, refused])).toMatchObject({ phase: 'failed', message: '404' });
    const lost = run([{ type: 'load', kind: 'pretrained' }, { type: 'loaded', kind: 'pretrained' }, { type: 'lost', message: 'GPU gone' }]);
    expect(canPredict(lost)).toBe(false);
    expect(reduceInUse(reduceInUse(lost, { type: 'load', kind: 'pretrained' }), { type: 'loaded', kind: 'pretrained' })).toMatchObject({ phase: 'ready', message: undefined, version: 2 });
  });
});
