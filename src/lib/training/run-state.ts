/**
 * The training lesson's state, out of the view: one pure reducer over what the worker reports
 * (FromWorker, src/lib/training/protocol.ts) and what the learner does (LearnerAction). The
 * island (src/components/training/) dispatches both, sends the commands and saves checkpoints;
 * what it shows comes from the selectors in run-view.ts. No DOM, no tfjs, no clock of its own:
 * each event comes with the time it happened (`now`, milliseconds of performance.now()).
 */
import type { BackendReport } from '../tf-runtime.ts';
import type { Checkpoint, RunConfig } from './checkpoint.ts';
import type { EpochStats } from './train-loop.ts';
import type { FailureKind, FromWorker } from './protocol.ts';
import { DECK_FIT, batching } from '../training-plan.ts';

/** The subsets the learner may train on: all images, or the first N. */
export const SUBSETS: readonly (number | null)[] = [null, 10_000, 2_000, 300];
/** What the CPU backend's warning proposes instead of the deck's run. */
export const CPU_SUBSET = { trainLimit: 2_000, epochs: 3 } as const;

export type Phase = 'setup' | 'starting' | 'running' | 'pausing' | 'paused' | 'stepping' | 'stopping' | 'done' | 'stopped' | 'failed';

/** [x, y] of a chart; x in epochs (epoch 2, batch 211 of 422 → 1.5). */
export type Point = readonly [number, number];

export type LearnerAction =
  | { readonly type: 'set-epochs'; readonly epochs: number }
  | { readonly type: 'set-subset'; readonly trainLimit: number | null }
  | { readonly type: 'choose-cpu-subset' }
  /** A run is sent to the worker: afresh (null) or from a saved checkpoint. */
  | { readonly type: 'start'; readonly resume: Checkpoint | null }
  | { readonly type: 'pause' }
  | { readonly type: 'step' }
  | { readonly type: 'resume' }
  | { readonly type: 'stop' }
  /** The 'run' checkpoint found in storage as the page opened (null: none). */
  | { readonly type: 'found-run'; readonly checkpoint: Checkpoint | null }
  | { readonly type: 'discarded' }
  | { readonly type: 'saved' }
  | { readonly type: 'save-failed'; readonly message: string }
  /** Only the time moved on (the elapsed and remaining times follow it). */
  | { readonly type: 'tick' };

export type TrainingEvent = FromWorker | LearnerAction;

export interface RunInfo {
  readonly config: RunConfig;
  readonly trainCount: number;
  readonly validationCount: number;
  readonly batches: number;
}

/** Training time of this session, pauses left out, so the pace it gives stays true after a pause. */
export interface Clock {
  /** Seconds trained before the current stretch. */
  readonly seconds: number;
  /** When the current stretch began (ms); undefined while the run holds or has ended. */
  readonly since: number | undefined;
  /** Batches trained in this session. */
  readonly steps: number;
}

export interface TrainingState {
  readonly phase: Phase;
  /** The run the learner is setting up. */
  readonly epochs: number;
  readonly trainLimit: number | null;
  readonly report: BackendReport | undefined;
  /** The run in the worker, once it started. */
  readonly run: RunInfo | undefined;
  /** 0-based epoch, and batches done in it. */
  readonly position: { readonly epoch: number; readonly batch: number };
  readonly imagesPerSecond: number;
  readonly history: readonly EpochStats[];
  readonly batchLoss: readonly Point[];
  readonly batchAccuracy: readonly Point[];
  /** The 0-based epoch being validated. */
  readonly validating: number | undefined;
  readonly pausedAt: { readonly epoch: number; readonly batch: number } | undefined;
  readonly failure: { readonly kind: FailureKind; readonly message: string } | undefined;
  readonly saveError: string | undefined;
  /** An unfinished run saved earlier, offered for resuming. */
  readonly resumable: Checkpoint | null;
  readonly notice: 'discarded' | undefined;
  readonly dataProgress: { readonly loaded: number; readonly total: number } | undefined;
  /** tf.memory().numTensors in the worker. */
  readonly tensors: number | undefined;
  /** The worker's own counters: Adam's step count, the last batch's ms, the starting weights' sum. */
  readonly worker: { readonly step: number; readonly batchMs: number | undefined; readonly weightsSum: number | undefined };
  readonly clock: Clock;
  /** The time of the latest event (ms). */
  readonly now: number;
}

const HELD: Clock = { seconds: 0, since: undefined, steps: 0 };

export function initialState(now = 0): TrainingState {
  return {
    phase: 'setup',
    epochs: DECK_FIT.epochs,
    trainLimit: null,
    report: undefined,
    run: undefined,
    position: { epoch: 0, batch: 0 },
    imagesPerSecond: 0,
    history: [],
    batchLoss: [],
    batchAccuracy: [],
    validating: undefined,
    pausedAt: undefined,
    failure: undefined,
    saveError: undefined,
    resumable: null,
    notice: undefined,
    dataProgress: undefined,
    tensors: undefined,
    worker: { step: 0, batchMs: undefined, weightsSum: undefined },
    clock: HELD,
    now,
  };
}

/** A run is under way (or being started or stopped): the setup form is hidden, the controls shown. */
export function isActive(s: Pick<TrainingState, 'phase'>): boolean {
  return s.phase === 'starting' || s.phase === 'running' || s.phase === 'pausing' || s.phase === 'paused' || s.phase === 'stepping' || s.phase === 'stopping';
}

/** After these failures the worker's backend is unusable: the page replaces the worker. */
export function needsFreshWorker(kind: FailureKind): boolean {
  return kind === 'device-lost' || kind === 'backend';
}

/** The clock stopped at `now`: the stretch that ran is added to the seconds. */
function hold(c: Clock, now: number): Clock {
  return c.since === undefined ? c : { ...c, seconds: c.seconds + (now - c.since) / 1000, since: undefined };
}

function fromWorker(s: TrainingState, m: FromWorker, now: number): TrainingState {
  switch (m.type) {
    case 'ready':
      return { ...s, report: m.report };
    case 'data-progress':
      return { ...s, dataProgress: { loaded: m.loaded, total: m.total } };
    case 'run-start':
      return {
        ...s,
        run: { config: m.config, trainCount: m.trainCount, validationCount: m.validationCount, batches: batching(m.trainCount, m.config.batchSize).batches },
        history: m.history,
        position: { epoch: m.startEpoch, batch: 0 },
        worker: { step: m.step, batchMs: undefined, weightsSum: m.weightsSum },
        // A pause (or stop) asked for while the data loaded holds before the first batch.
        phase: s.phase === 'pausing' || s.phase === 'stopping' ? s.phase : 'running',
        clock: { seconds: 0, since: now, steps: 0 },
      };
    case 'batch': {
      const x = m.epoch + m.batch / m.batches;
      return {
        ...s,
        position: { epoch: m.epoch, batch: m.batch },
        worker: { ...s.worker, step: m.step, batchMs: m.ms },
        imagesPerSecond: m.imagesPerSecond,
        batchLoss: [...s.batchLoss, [x, m.loss]],
        batchAccuracy: [...s.batchAccuracy, [x, m.accuracy]],
        clock: { ...s.clock, steps: s.clock.steps + 1 },
        validating: undefined,
      };
    }
    case 'validating':
      return { ...s, validating: m.epoch };
    case 'epoch':
      return { ...s, validating: undefined, history: [...s.history, m.stats] };
    case 'paused':
      return {
        ...s,
        pausedAt: { epoch: m.epoch, batch: m.batch },
        worker: { ...s.worker, step: m.step },
        // A stop asked for while this acknowledgement was on its way wins.
        phase: s.phase === 'stopping' ? 'stopping' : 'paused',
        clock: hold(s.clock, now),
      };
    case 'resumed':
      return { ...s, phase: m.step ? 'stepping' : 'running', clock: { ...s.clock, since: now } };
    case 'stopped':
      return { ...s, phase: 'stopped', clock: hold(s.clock, now) };
    case 'done':
      return { ...s, phase: 'done', clock: hold(s.clock, now) };
    case 'failed':
      return { ...s, phase: 'failed', failure: { kind: m.kind, message: m.message }, clock: hold(s.clock, now) };
    case 'tensors':
      return { ...s, tensors: m.count };
    case 'eval-progress':
    case 'eval-done':
      return s;
  }
}

function fromLearner(s: TrainingState, a: LearnerAction): TrainingState {
  switch (a.type) {
    case 'set-epochs':
      return { ...s, epochs: a.epochs };
    case 'set-subset':
      return { ...s, trainLimit: a.trainLimit };
    case 'choose-cpu-subset':
      return { ...s, epochs: CPU_SUBSET.epochs, trainLimit: CPU_SUBSET.trainLimit };
    case 'start':
      return {
        ...s,
        phase: 'starting',
        failure: undefined,
        notice: undefined,
        history: a.resume?.history ?? [],
        batchLoss: [],
        batchAccuracy: [],
        position: { epoch: a.resume?.completedEpochs ?? 0, batch: 0 },
        run: undefined,
        validating: undefined,
        dataProgress: undefined,
        resumable: null,
        clock: HELD,
      };
    case 'pause':
      return { ...s, phase: 'pausing' };
    case 'step':
      return { ...s, phase: 'stepping' };
    case 'resume':
      // Nothing changes until the worker says it resumed.
      return s;
    case 'stop':
      return { ...s, phase: 'stopping' };
    case 'found-run': {
      const c = a.checkpoint;
      // Only an unfinished run is offered, and only while none is under way.
      return isActive(s) ? s : { ...s, resumable: c && c.completedEpochs < c.config.epochs ? c : null };
    }
    case 'discarded':
      return { ...s, resumable: null, notice: 'discarded' };
    case 'saved':
      return s.saveError === undefined ? s : { ...s, saveError: undefined };
    case 'save-failed':
      return { ...s, saveError: a.message };
    case 'tick':
      return s;
  }
}

/** Every learner action's type (the compiler checks the list is complete; none is a worker message's). */
const LEARNER: Record<LearnerAction['type'], true> = {
  'set-epochs': true, 'set-subset': true, 'choose-cpu-subset': true, start: true, pause: true, step: true, resume: true,
  stop: true, 'found-run': true, discarded: true, saved: true, 'save-failed': true, tick: true,
};

function isLearnerAction(e: TrainingEvent): e is LearnerAction {
  return Object.hasOwn(LEARNER, e.type);
}

/** The state after `event`, which happened at `now` (ms). Unchanged (the same object) when nothing moved. */
export function reduce(state: TrainingState, event: TrainingEvent, now: number): TrainingState {
  const next = isLearnerAction(event) ? fromLearner(state, event) : fromWorker(state, event, now);
  if (next === state && event.type !== 'tick') return state;
  return { ...next, now };
}
