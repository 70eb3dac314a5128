import { describe, expect, it } from 'vitest';
import { CPU_SUBSET, initialState, isActive, needsFreshWorker, reduce, type TrainingEvent, type TrainingState } from '../../src/lib/training/run-state.ts';
import {
  RUN_SEED,
  chartsView,
  choiceIsDeck,
  controlsView,
  downloadView,
  elapsedSeconds,
  fullRunEstimate,
  hasProgress,
  isTicking,
  plannedSplit,
  progressView,
  runConfig,
  statusView,
} from '../../src/lib/training/run-view.ts';
import type { Checkpoint, RunConfig } from '../../src/lib/training/checkpoint.ts';
import type { EpochStats } from '../../src/lib/training/train-loop.ts';
import { DECK_FIT, DECK_STEPS } from '../../src/lib/training-plan.ts';

/** The e2e tests' run: 300 images, 2 epochs → 270 to train on (3 batches), 30 to validate on. */
const CONFIG: RunConfig = { batchSize: 128, epochs: 2, validationSplit: 0.1, seed: RUN_SEED, trainLimit: 300 };
const stats = (epoch: number): EpochStats => ({ epoch, loss: 1 - epoch / 10, accuracy: 0.5, valLoss: 0.9, valAccuracy: 0.6, seconds: 3 });
const checkpoint = (completedEpochs: number, epochs = 2): Checkpoint => ({
  format: 'cnn-course-checkpoint',
  version: 1,
  config: { ...CONFIG, epochs },
  completedEpochs,
  history: Array.from({ length: completedEpochs }, (_, i) => stats(i)),
  weights: [],
  optimizer: [],
  backend: 'cpu',
  savedAt: '2026-11-29T13:23:00.000Z',
});
const batch = (epoch: number, b: number, step: number, loss = 2): TrainingEvent => ({
  type: 'batch', epoch, batch: b, batches: 3, size: b === 3 ? 14 : 128, loss, accuracy: 0.3, step, ms: 50, imagesPerSecond: 100,
});
const runStart: TrainingEvent = { type: 'run-start', config: CONFIG, trainCount: 270, validationCount: 30, startEpoch: 0, history: [], step: 0, weightsSum: 1.5 };

/** Applies events one second apart, starting at `t0` seconds. */
function play(events: readonly TrainingEvent[], from: TrainingState = initialState(), t0 = 0): TrainingState {
  return events.reduce((s, e, i) => reduce(s, e, (t0 + i) * 1000), from);
}

describe('the setup', () => {
  it("starts as the deck's run and labels any other choice as a deviation", () => {
    const s = initialState();
    expect(choiceIsDeck(s)).toBe(true);
    expect(plannedSplit(s)).toEqual({ train: 54_000, validation: 6_000 });
    expect(runConfig(s, null)).toEqual({ batchSize: DECK_FIT.batchSize, epochs: DECK_FIT.epochs, validationSplit: DECK_FIT.validationSplit, seed: RUN_SEED, trainLimit: null });
    const short = play([{ type: 'set-epochs', epochs: 2 }, { type: 'set-subset', trainLimit: 300 }]);
    expect(choiceIsDeck(short)).toBe(false);
    expect(plannedSplit(short)).toEqual({ train: 270, validation: 30 });
    expect(runConfig(short, null)).toEqual(CONFIG);
    expect(progressView(short)).toMatchObject({ batches: 3, totalEpochs: 2, remaining: { kind: 'none' } });
  });

  it('switches to the small CPU subset', () => {
    const s = play([{ type: 'choose-cpu-subset' }]);
    expect([s.epochs, s.trainLimit]).toEqual([CPU_SUBSET.epochs, CPU_SUBSET.trainLimit]);
    expect(plannedSplit(s)).toEqual({ train: 1_800, validation: 200 });
  });

  it('offers only an unfinished saved run, and only while no run is under way', () => {
    expect(play([{ type: 'found-run', checkpoint: checkpoint(1) }]).resumable?.completedEpochs).toBe(1);
    expect(play([{ type: 'found-run', checkpoint: checkpoint(2) }]).resumable).toBeNull();
    expect(play([{ type: 'start', resume: null }, { type: 'found-run', checkpoint: checkpoint(1) }]).resumable).toBeNull();
    const discarded = play([{ type: 'found-run', checkpoint: checkpoint(1) }, { type: 'discarded' }]);
    expect([discarded.resumable, discarded.notice]).toEqual([null, 'discarded']);
  });

  it('resumes with the saved config and history', () => {
    const saved = checkpoint(1);
    expect(runConfig(initialState(), saved)).toBe(saved.config);
    const s = play([{ type: 'start', resume: saved }]);
    expect(s.history).toEqual(saved.history);
    expect(s.position).toEqual({ epoch: 1, batch: 0 });
    expect(hasProgress(s)).toBe(true);
  });
});

describe('a run', () => {
  it('paused while loading, stepped one batch, resumed to the end', () => {
    let s = play([{ type: 'set-epochs', epochs: 2 }, { type: 'set-subset', trainLimit: 300 }, { type: 'start', resume: null }]);
    expect([s.phase, statusView(s).kind, progressView(s).remaining.kind]).toEqual(['starting', 'preparing', 'measuring']);
    expect(controlsView(s)).toEqual({ visible: true, paused: false, canPause: true, canStop: true });
    s = play([{ type: 'data-progress', loaded: 2_500_000, total: 10_000_000 }, { type: 'pause' }], s, 10);
    expect(downloadView(s)).toEqual({ loaded: 2_500_000, total: 10_000_000, percent: 25 });
    expect(controlsView(s).canPause).toBe(false);
    // The run starts and holds at once: the pause asked for while loading still stands.
    s = play([runStart, { type: 'paused', epoch: 0, batch: 0, step: 0 }], s, 20);
    expect(s.phase).toBe('paused');
    expect(downloadView(s)).toBeUndefined();
    expect(statusView(s)).toEqual({ kind: 'paused', epoch: 1, batch: 0 });
    expect(controlsView(s).paused).toBe(true);
    // Held, nothing is being measured: no "measuring…" that would never end.
    expect(progressView(s).remaining).toEqual({ kind: 'none' });
    expect(s.worker).toEqual({ step: 0, batchMs: undefined, weightsSum: 1.5 });

    s = play([{ type: 'step' }, { type: 'resumed', step: true }, batch(0, 1, 1), { type: 'paused', epoch: 0, batch: 1, step: 1 }], s, 30);
    expect(statusView(s)).toEqual({ kind: 'paused', epoch: 1, batch: 1 });
    expect(progressView(s)).toMatchObject({ batch: 1, batches: 3, epochShown: 1, epochsDone: 0, step: 1 });
    expect(s.worker.batchMs).toBe(50);

    s = play([{ type: 'resume' }, { type: 'resumed', step: false }, batch(0, 2, 2), batch(0, 3, 3), { type: 'validating', epoch: 0 }], s, 40);
    expect(statusView(s)).toEqual({ kind: 'validating', epoch: 1 });
    s = play([{ type: 'epoch', stats: stats(0), checkpoint: checkpoint(1) }, batch(1, 1, 4), batch(1, 2, 5), batch(1, 3, 6), { type: 'epoch', stats: stats(1), checkpoint: checkpoint(2) }], s, 50);
    expect(progressView(s)).toMatchObject({ batch: 3, epochShown: 2, epochsDone: 2, step: 6, remaining: { kind: 'estimate', remaining: 0 } });
    s = play([{ type: 'done', checkpoint: checkpoint(2) }, { type: 'tensors', count: 12 }], s, 60);
    expect([s.phase, s.tensors, isActive(s), isTicking(s)]).toEqual(['done', 12, false, false]);
    expect(statusView(s)).toEqual({ kind: 'done', epochs: 2 });
    // Still an estimate (of zero): "残り約 0:00" rather than nothing.
    expect(progressView(s).remaining.kind).toBe('estimate');
  });

  it('leaves paused time out of the elapsed time, so the pace stays true', () => {
    let s = reduce(play([{ type: 'start', resume: null }]), runStart, 0);
    s = reduce(s, batch(0, 1, 1), 1_000);
    s = reduce(s, batch(0, 2, 2), 2_000);
    s = reduce(s, batch(0, 3, 3), 3_000);
    s = reduce(s, { type: 'paused', epoch: 1, batch: 0, step: 3 }, 3_000);
    s = reduce(s, { type: 'tick' }, 60_000);
    expect(elapsedSeconds(s)).toBe(3);
    s = reduce(s, { type: 'resumed', step: false }, 60_000);
    expect(isTicking(s)).toBe(true);
    s = reduce(s, { type: 'tick' }, 61_000);
    expect(elapsedSeconds(s)).toBe(4);
    // 3 batches in 4 s of training (the pause left out): the 3 batches left take 4 s more.
    expect(progressView(s).remaining).toEqual({ kind: 'estimate', remaining: 4, total: 8 });
    // The deck's whole run at that pace: 6,330 batches at 4 s / 3 batches.
    expect(fullRunEstimate(s)).toBeCloseTo((DECK_STEPS * 4) / 3);
  });

  it('keeps a stop that crossed a pause acknowledgement, and a stop asked for while loading', () => {
    const stopping = play([{ type: 'start', resume: null }, runStart, { type: 'stop' }, { type: 'paused', epoch: 0, batch: 0, step: 0 }]);
    expect(stopping.phase).toBe('stopping');
    expect(controlsView(stopping).canStop).toBe(false);
    expect(play([{ type: 'start', resume: null }, { type: 'stop' }, runStart]).phase).toBe('stopping');
    expect(statusView(play([{ type: 'stopped', completedEpochs: 0 }], stopping))).toEqual({ kind: 'stopped', epochs: 0 });
  });

  it('fails with the reason, and asks for a fresh worker after a lost device', () => {
    const s = play([{ type: 'start', resume: null }, runStart, { type: 'failed', kind: 'device-lost', message: 'WebGL context lost' }]);
    expect([s.phase, s.failure, statusView(s).kind]).toEqual(['failed', { kind: 'device-lost', message: 'WebGL context lost' }, 'none']);
    expect(needsFreshWorker('device-lost')).toBe(true);
    expect(needsFreshWorker('backend')).toBe(true);
    expect(needsFreshWorker('diverged')).toBe(false);
    // A new start clears the failure.
    expect(play([{ type: 'start', resume: null }], s).failure).toBeUndefined();
  });

  it('shows a failed save until a later save succeeds', () => {
    const failed = play([{ type: 'save-failed', message: 'QuotaExceededError' }]);
    expect(failed.saveError).toBe('QuotaExceededError');
    expect(play([{ type: 'saved' }], failed).saveError).toBeUndefined();
  });

  it('ignores the evaluation messages without a new state', () => {
    const s = initialState();
    expect(reduce(s, { type: 'eval-progress', done: 1, total: 2 }, 5)).toBe(s);
  });
});

describe('the charts', () => {
  it('have a point from the first batch on, per-epoch validation dots, and a bounded loss axis', () => {
    const one = play([{ type: 'start', resume: null }, runStart, batch(0, 1, 1, 2.4)]);
    const c = chartsView(one);
    expect(c.loss.train).toEqual([[1 / 3, 2.4]]);
    expect(c.loss.validation).toEqual([]);
    expect(c.loss.xMax).toBe(2);
    expect(c.loss.yMax).toBe(2.4);
    expect(c.accuracy.yMax).toBe(1);
    const more = play([batch(0, 2, 2, 9), { type: 'epoch', stats: stats(0), checkpoint: checkpoint(1) }], one);
    expect(chartsView(more).loss.yMax).toBe(3);
    expect(chartsView(more).loss.validation).toEqual([[1, 0.9]]);
    expect(chartsView(more).accuracy.validation).toEqual([[1, 0.6]]);
    // Smoothed without a start-up bias: a flat curve stays flat.
    const flat = play([batch(0, 2, 2, 2.4), batch(0, 3, 3, 2.4)], one);
    expect(chartsView(flat).loss.train.map(([, y]) => y)).toEqual([2.4, 2.4, 2.4].map((v) => expect.closeTo(v, 10) as unknown as number));
  });
});
