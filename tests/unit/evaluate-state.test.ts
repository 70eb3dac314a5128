import { describe, expect, it } from 'vitest';
import {
  available,
  canRun,
  initialState,
  nextCommand,
  phaseOf,
  reduce,
  showsBackend,
  type Command,
  type EvaluateEvent,
  type EvaluateState,
} from '../../src/lib/evaluate/state.ts';
import type { EvaluationResult, FromWorker } from '../../src/lib/training/protocol.ts';
import type { LearnerModel } from '../../src/lib/storage/learner-model.ts';
import type { Checkpoint } from '../../src/lib/training/checkpoint.ts';
import type { BackendReport } from '../../src/lib/tf-runtime.ts';

const URL_ = 'http://127.0.0.1/models/pretrained/model.json';
const report: BackendReport = { backend: 'webgl', forced: undefined, skipped: [] };
const learnerModel: LearnerModel = {
  checkpoint: { completedEpochs: 3 } as unknown as Checkpoint,
  info: { epochs: 3, planned: 3, finished: true, valAccuracy: 0.98, savedAt: '2026-11-29T13:23:00.000Z' },
};
const result: EvaluationResult = {
  count: 100,
  loss: 0.05,
  accuracy: 0.99,
  confusion: Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j) => (i === j ? 10 : 0))),
  perClass: new Array<number>(10).fill(1),
  misclassified: [],
  seconds: 1,
};

const apply = (s: EvaluateState, ...events: EvaluateEvent[]) => events.reduce(reduce, s);
const worker = (message: FromWorker): EvaluateEvent => ({ type: 'worker', message });

/**
 * Does what the island does after each render: performs the command due and reports it, until
 * none is due; `log` records the commands in order.
 */
function perform(s: EvaluateState, log: Command[] = []): EvaluateState {
  for (let c = nextCommand(s); c; c = nextCommand(s)) {
    log.push(c);
    s = reduce(s, { type: 'performed', command: c.type });
  }
  return s;
}

/** Hydrated, nothing stored, the training record read: the shipped model is chosen. */
const fresh = () => apply(initialState, { type: 'hydrated', pretrainedUrl: URL_ }, { type: 'learner', model: null }, { type: 'record', record: { epochs: 12, data: { train: 54000, validation: 6000, test: 10000 }, backend: 'webgl', testAccuracy: 0.9854 } });

/** A run on a worker that has started and sent its job. */
function started(s = fresh()): EvaluateState {
  return perform(apply(perform(apply(s, { type: 'run' })), worker({ type: 'ready', report })));
}

describe('choosing what to evaluate', () => {
  it('cannot run before hydration and before the learner storage was checked', () => {
    expect(canRun(initialState)).toBe(false);
    expect(phaseOf(initialState)).toBe('idle');
    const hydrated = reduce(initialState, { type: 'hydrated', pretrainedUrl: URL_ });
    expect(canRun(hydrated)).toBe(false);
    expect(reduce(hydrated, { type: 'run' })).toBe(hydrated);
    expect(canRun(fresh())).toBe(true);
  });

  it("starts with the learner's model when one is stored, else the shipped one", () => {
    const found = apply(initialState, { type: 'hydrated', pretrainedUrl: URL_ }, { type: 'learner', model: learnerModel });
    expect(found.choice).toBe('learner');
    expect(canRun(found)).toBe(true);
    expect(fresh().choice).toBe('pretrained');
  });

  it("keeps the learner's own choice, and refuses a model that is not there", () => {
    const chose = apply(initialState, { type: 'choose', choice: 'pretrained' }, { type: 'learner', model: learnerModel });
    expect(chose.choice).toBe('pretrained');
    expect(reduce(fresh(), { type: 'choose', choice: 'learner' }).choice).toBe('pretrained');
    const noRecord = apply(initialState, { type: 'hydrated', pretrainedUrl: URL_ }, { type: 'learner', model: learnerModel }, { type: 'record', record: null });
    expect(reduce(noRecord, { type: 'choose', choice: 'pretrained' }).choice).toBe('learner');
    expect(available(apply(initialState, { type: 'hydrated', pretrainedUrl: URL_ }, { type: 'learner', model: null }, { type: 'record', record: null }))).toBe(false);
  });

  it('freezes the choices while a run is in progress, and evaluates the count chosen at the start', () => {
    const s = apply(fresh(), { type: 'count', count: 100 }, { type: 'run' });
    expect(apply(s, { type: 'count', count: 1000 }).count).toBe(100);
    const log: Command[] = [];
    perform(apply(perform(s), worker({ type: 'ready', report })), log);
    expect(log).toEqual([{ type: 'send', message: { type: 'evaluate', source: { kind: 'pretrained', url: URL_ }, count: 100, gallery: 100 } }]);
  });

  it("sends the learner's stored checkpoint", () => {
    const s = apply(initialState, { type: 'hydrated', pretrainedUrl: URL_ }, { type: 'learner', model: learnerModel }, worker({ type: 'ready', report }), { type: 'run' });
    expect(nextCommand(s)).toEqual({ type: 'send', message: { type: 'evaluate', source: { kind: 'learner', checkpoint: learnerModel.checkpoint }, count: null, gallery: 10000 } });
  });
});

describe('a run', () => {
  it('starts the worker, waits for its ready, sends the job once, and shows its progress', () => {
    const log: Command[] = [];
    const waiting = perform(apply(fresh(), { type: 'run' }), log);
    expect(log.map((c) => c.type)).toEqual(['wake']);
    expect(phaseOf(waiting)).toBe('running');
    expect(canRun(waiting)).toBe(false);
    // The badge shows "loading" while the worker starts.
    expect(showsBackend(waiting)).toBe(true);
    expect(waiting.report).toBeUndefined();
    const sent = perform(reduce(waiting, worker({ type: 'ready', report })), log);
    expect(log.map((c) => c.type)).toEqual(['wake', 'send']);
    expect(perform(sent, log)).toBe(sent);
    expect(log).toHaveLength(2);

    const progressed = apply(sent, worker({ type: 'data-progress', loaded: 10, total: 20 }), worker({ type: 'eval-progress', done: 250, total: 1000 }));
    expect(progressed.run).toMatchObject({ data: { done: 10, total: 20 }, evaluated: { done: 250, total: 1000 } });
  });

  it("is 'finishing' from the results until the tensor count, then done", () => {
    const finishing = reduce(started(), worker({ type: 'eval-done', result }));
    expect(phaseOf(finishing)).toBe('finishing');
    expect(finishing.runs).toBe(1);
    expect(canRun(finishing)).toBe(true);
    const done = reduce(finishing, worker({ type: 'tensors', count: 42 }));
    expect(phaseOf(done)).toBe('done');
    expect(done.tensors).toBe(42);
  });

  it('uses a worker that is already ready without starting one', () => {
    const log: Command[] = [];
    perform(apply(fresh(), worker({ type: 'ready', report }), { type: 'run' }), log);
    expect(log.map((c) => c.type)).toEqual(['send']);
  });

  it("ignores other jobs' messages, and results it did not ask for", () => {
    const idle = fresh();
    expect(apply(idle, worker({ type: 'eval-done', result }), worker({ type: 'eval-progress', done: 1, total: 2 }), worker({ type: 'data-progress', loaded: 1, total: 2 }))).toEqual(idle);
    expect(reduce(idle, worker({ type: 'validating', epoch: 0 }))).toBe(idle);
    // Started but not sent yet: a result is someone else's.
    const waiting = perform(apply(fresh(), { type: 'run' }));
    expect(phaseOf(reduce(waiting, worker({ type: 'eval-done', result })))).toBe('running');
  });

  it('selects a confusion cell on results only, and a new result clears it', () => {
    const cell = { label: 4, predicted: 9 };
    expect(reduce(fresh(), { type: 'cell', cell }).cell).toBeNull();
    const done = apply(started(), worker({ type: 'eval-done', result }), { type: 'cell', cell });
    expect(done.cell).toEqual(cell);
    const again = apply(perform(reduce(done, { type: 'run' })), worker({ type: 'eval-done', result }));
    expect(again.cell).toBeNull();
    expect(again.runs).toBe(2);
  });
});

describe('failures', () => {
  it('shows a refused model with a retry on the same worker', () => {
    const failed = reduce(started(), worker({ type: 'failed', kind: 'unknown', message: 'bad', model: 'shape' }));
    expect(failed.run).toEqual({ phase: 'error', kind: 'unknown', message: 'bad', model: 'shape', source: 'pretrained' });
    expect(phaseOf(failed)).toBe('error');
    expect(canRun(failed)).toBe(true);
    const log: Command[] = [];
    perform(reduce(failed, { type: 'run' }), log);
    expect(log.map((c) => c.type)).toEqual(['send']);
  });

  it('replaces the worker after a lost GPU: reset, start, wait for ready, send', () => {
    const evaluating = reduce(started(), worker({ type: 'eval-progress', done: 250, total: 1000 }));
    const lost = reduce(evaluating, worker({ type: 'failed', kind: 'device-lost', message: 'WebGL context lost' }));
    expect(lost.run).toMatchObject({ phase: 'error', kind: 'device-lost' });
    expect(lost.worker).toBe('broken');
    // What the lost worker may still say is not this run's any more.
    const late = apply(lost, worker({ type: 'failed', kind: 'device-lost', message: 'again' }), worker({ type: 'eval-done', result }), worker({ type: 'eval-progress', done: 500, total: 1000 }));
    expect(late.run).toEqual(lost.run);
    expect(late.runs).toBe(0);

    const log: Command[] = [];
    const retrying = perform(apply(late, { type: 'count', count: 100 }, { type: 'run' }), log);
    expect(log.map((c) => c.type)).toEqual(['reset', 'wake']);
    expect(retrying.report).toBeUndefined();
    expect(phaseOf(retrying)).toBe('running');
    perform(reduce(retrying, worker({ type: 'ready', report })), log);
    expect(log.map((c) => c.type)).toEqual(['reset', 'wake', 'send']);
    expect(log[2]).toMatchObject({ message: { count: 100 } });
  });

  it('names the lost GPU when it is reported just after the error it caused', () => {
    // WebGPU fails a pending read-back before its device.lost settles.
    const failed = reduce(started(), worker({ type: 'failed', kind: 'unknown', message: "Failed to execute 'mapAsync' on 'GPUBuffer'" }));
    const lost = reduce(failed, worker({ type: 'failed', kind: 'device-lost', message: 'Device was destroyed.' }));
    expect(lost.run).toMatchObject({ phase: 'error', kind: 'device-lost', message: 'Device was destroyed.', model: undefined });
    expect(lost.worker).toBe('broken');
    // A refused model stays a refused model when nothing was lost.
    expect(reduce(failed, worker({ type: 'tensors', count: 3 })).run).toEqual(failed.run);
  });

  it('remembers a GPU lost between runs, and starts the next run on a fresh worker', () => {
    const done = apply(started(), worker({ type: 'eval-done', result }), worker({ type: 'tensors', count: 7 }));
    const lost = reduce(done, worker({ type: 'failed', kind: 'device-lost', message: 'lost' }));
    expect(phaseOf(lost)).toBe('done');
    expect(lost.worker).toBe('broken');
    const log: Command[] = [];
    perform(reduce(lost, { type: 'run' }), log);
    expect(log.map((c) => c.type)).toEqual(['reset', 'wake']);
  });

  it('replaces a worker whose tfjs could not start', () => {
    const waiting = perform(apply(fresh(), { type: 'run' }));
    const failed = reduce(waiting, worker({ type: 'failed', kind: 'backend', message: 'no backend' }));
    expect(failed.run).toMatchObject({ phase: 'error', kind: 'backend' });
    const log: Command[] = [];
    perform(reduce(failed, { type: 'run' }), log);
    expect(log.map((c) => c.type)).toEqual(['reset', 'wake']);
  });

  it('keeps a broken worker broken whatever it says next', () => {
    const lost = reduce(started(), worker({ type: 'failed', kind: 'device-lost', message: 'lost' }));
    expect(reduce(lost, worker({ type: 'ready', report })).worker).toBe('broken');
  });
});
