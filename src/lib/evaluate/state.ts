/**
 * The evaluation demo's state (lesson 3-11), out of its view: one reducer over the learner's
 * actions and the training worker's messages, and the selectors the view and the island read.
 * The island performs what `nextCommand` says is due (start, replace or message the worker) and
 * reports it back with a 'performed' event, so every step of a run, a lost GPU and its retry
 * included, is plain data tested in tests/unit/evaluate-state.test.ts.
 */
import type { BackendReport } from '../tf-runtime.ts';
import type { EvaluationResult, FailureKind, FromWorker, ToWorker } from '../training/protocol.ts';
import type { LearnerModel } from '../storage/learner-model.ts';
import type { ModelErrorCode, ModelKind, ModelSource, TrainingRecord } from '../model/source.ts';
import { imagesFor, type Cell, type EvalCount } from '../evaluation.ts';

/** The two models on offer. */
export type Choice = 'learner' | 'pretrained';

export type LearnerSlot =
  | { readonly phase: 'checking' }
  | { readonly phase: 'none' }
  | { readonly phase: 'found'; readonly model: LearnerModel };

export type PretrainedSlot =
  | { readonly phase: 'loading' }
  | { readonly phase: 'ready'; readonly record: TrainingRecord }
  | { readonly phase: 'unavailable' };

export interface Progress {
  readonly done: number;
  readonly total: number;
}

export type Run =
  | { readonly phase: 'idle' }
  | {
      readonly phase: 'running';
      readonly source: ModelSource;
      readonly count: EvalCount;
      /** The 'evaluate' message went to the worker (until then the run waits for a ready one). */
      readonly sent: boolean;
      /** Bytes of MNIST downloaded. */
      readonly data?: Progress;
      /** Test images evaluated. */
      readonly evaluated?: Progress;
    }
  /** `settled` once the worker has reported its tensor count after the evaluation. */
  | { readonly phase: 'done'; readonly result: EvaluationResult; readonly settled: boolean }
  | {
      readonly phase: 'error';
      readonly kind: FailureKind;
      readonly message: string;
      readonly model: ModelErrorCode | undefined;
      /** Which model the failed run evaluated (a refused stored model reads differently from a file). */
      readonly source: ModelKind;
    };

/** The training worker as this island knows it. */
export type WorkerPhase =
  /** Not started by this island (a 'ready' replayed by the client shows that one exists). */
  | 'cold'
  /** Started; its 'ready' has not come yet. */
  | 'starting'
  | 'ready'
  /** Its GPU was lost or tfjs could not start: the next run needs a fresh worker. */
  | 'broken';

export interface EvaluateState {
  /** Set once the island runs in the browser (the button stays disabled in the static HTML). */
  readonly hydrated: boolean;
  /** The shipped model's model.json as an absolute URL (a worker needs one), known once hydrated. */
  readonly pretrainedUrl: string | null;
  readonly learner: LearnerSlot;
  readonly pretrained: PretrainedSlot;
  /** The chosen model; null until the learner's storage has been checked. */
  readonly choice: Choice | null;
  readonly count: EvalCount;
  readonly run: Run;
  /** Evaluations completed on this page. */
  readonly runs: number;
  /** The confusion cell whose images the gallery shows (null: all mistakes). */
  readonly cell: Cell | null;
  readonly worker: WorkerPhase;
  readonly report: BackendReport | undefined;
  /** The worker's last tf.memory().numTensors, for the leak checks. */
  readonly tensors: number | undefined;
}

export const initialState: EvaluateState = {
  hydrated: false,
  pretrainedUrl: null,
  learner: { phase: 'checking' },
  pretrained: { phase: 'loading' },
  choice: null,
  count: null,
  run: { phase: 'idle' },
  runs: 0,
  cell: null,
  worker: 'cold',
  report: undefined,
  tensors: undefined,
};

/** What the island does to the worker; `performed` reports that it was done. */
export type Command =
  | { readonly type: 'reset' }
  | { readonly type: 'wake' }
  | { readonly type: 'send'; readonly message: Extract<ToWorker, { type: 'evaluate' }> };

export type EvaluateEvent =
  | { readonly type: 'hydrated'; readonly pretrainedUrl: string }
  /** The learner's model by the course's rule (src/lib/storage/learner-model.ts), or none. */
  | { readonly type: 'learner'; readonly model: LearnerModel | null }
  /** The shipped model's training record, or null when it cannot be read. */
  | { readonly type: 'record'; readonly record: TrainingRecord | null }
  | { readonly type: 'choose'; readonly choice: Choice }
  | { readonly type: 'count'; readonly count: EvalCount }
  /** 評価する, and 再試行 after an error. */
  | { readonly type: 'run' }
  | { readonly type: 'cell'; readonly cell: Cell | null }
  | { readonly type: 'worker'; readonly message: FromWorker }
  | { readonly type: 'performed'; readonly command: Command['type'] };

/** Whether the chosen model can be evaluated. */
export function available(s: EvaluateState): boolean {
  if (s.choice === 'learner') return s.learner.phase === 'found';
  return s.choice === 'pretrained' && s.pretrained.phase !== 'unavailable' && s.pretrainedUrl !== null;
}

/** The chosen model as the worker loads it, or null when it cannot be evaluated. */
export function sourceOf(s: EvaluateState): ModelSource | null {
  if (!available(s)) return null;
  if (s.choice === 'learner') return s.learner.phase === 'found' ? { kind: 'learner', checkpoint: s.learner.model.checkpoint } : null;
  return s.pretrainedUrl === null ? null : { kind: 'pretrained', url: s.pretrainedUrl };
}

export function isRunning(s: EvaluateState): boolean {
  return s.run.phase === 'running';
}

/** Whether 評価する (and 再試行) can be pressed. */
export function canRun(s: EvaluateState): boolean {
  return s.hydrated && !isRunning(s) && available(s);
}

/** The section's data-state: 'finishing' from the results until the worker's tensor count. */
export type Phase = 'idle' | 'running' | 'finishing' | 'done' | 'error';

export function phaseOf(s: EvaluateState): Phase {
  if (s.run.phase === 'done') return s.run.settled ? 'done' : 'finishing';
  return s.run.phase;
}

/** The backend badge shows once the worker reported, and while a run waits for it. */
export function showsBackend(s: EvaluateState): boolean {
  return s.report !== undefined || isRunning(s);
}

/** What the island must do to the worker now, or null: replace a broken one, start one, send the job. */
export function nextCommand(s: EvaluateState): Command | null {
  const { run } = s;
  if (run.phase !== 'running' || run.sent) return null;
  switch (s.worker) {
    case 'broken':
      return { type: 'reset' };
    case 'cold':
      return { type: 'wake' };
    case 'starting':
      return null;
    case 'ready':
      return { type: 'send', message: { type: 'evaluate', source: run.source, count: run.count, gallery: imagesFor(run.count) } };
  }
}

/** Failures after which the worker's backend is unusable. */
const FATAL: ReadonlySet<FailureKind> = new Set(['device-lost', 'backend']);

function performed(s: EvaluateState, command: Command['type']): EvaluateState {
  switch (command) {
    case 'reset':
      return { ...s, worker: 'cold', report: undefined };
    case 'wake':
      return s.worker === 'cold' ? { ...s, worker: 'starting' } : s;
    case 'send':
      return s.run.phase === 'running' ? { ...s, run: { ...s.run, sent: true } } : s;
  }
}

/** The worker's messages; those of other jobs (training) leave the state as it is. */
function fromWorker(s: EvaluateState, m: FromWorker): EvaluateState {
  const { run } = s;
  switch (m.type) {
    case 'ready':
      return { ...s, report: m.report, worker: s.worker === 'broken' ? 'broken' : 'ready' };
    case 'tensors':
      return { ...s, tensors: m.count, run: run.phase === 'done' && !run.settled ? { ...run, settled: true } : run };
    case 'data-progress':
      return run.phase === 'running' ? { ...s, run: { ...run, data: { done: m.loaded, total: m.total } } } : s;
    case 'eval-progress':
      return run.phase === 'running' && run.sent ? { ...s, run: { ...run, evaluated: { done: m.done, total: m.total } } } : s;
    case 'eval-done':
      if (run.phase !== 'running' || !run.sent) return s;
      return { ...s, run: { phase: 'done', result: m.result, settled: false }, runs: s.runs + 1, cell: null };
    case 'failed': {
      // A lost GPU may be reported at any time, even between runs: the next run starts afresh.
      const worker = FATAL.has(m.kind) ? 'broken' : s.worker;
      // The lost device is the cause of an error the run just ended with (WebGPU can fail a
      // read-back before it reports the loss): say so, not the symptom.
      if (run.phase === 'error' && m.kind === 'device-lost' && run.kind !== 'device-lost') return { ...s, worker, run: { ...run, kind: m.kind, message: m.message, model: undefined } };
      if (run.phase !== 'running') return { ...s, worker };
      return { ...s, worker, run: { phase: 'error', kind: m.kind, message: m.message, model: m.model, source: run.source.kind } };
    }
    default:
      return s;
  }
}

export function reduce(s: EvaluateState, e: EvaluateEvent): EvaluateState {
  switch (e.type) {
    case 'hydrated':
      return { ...s, hydrated: true, pretrainedUrl: e.pretrainedUrl };
    case 'learner':
      return {
        ...s,
        learner: e.model ? { phase: 'found', model: e.model } : { phase: 'none' },
        // The learner's own model when there is one, unless the learner already chose.
        choice: s.choice ?? (e.model ? 'learner' : 'pretrained'),
      };
    case 'record':
      return { ...s, pretrained: e.record ? { phase: 'ready', record: e.record } : { phase: 'unavailable' } };
    case 'choose':
      if (isRunning(s)) return s;
      if (e.choice === 'learner' ? s.learner.phase !== 'found' : s.pretrained.phase === 'unavailable') return s;
      return { ...s, choice: e.choice };
    case 'count':
      return isRunning(s) ? s : { ...s, count: e.count };
    case 'run': {
      const source = canRun(s) ? sourceOf(s) : null;
      return source ? { ...s, run: { phase: 'running', source, count: s.count, sent: false } } : s;
    }
    case 'cell':
      return s.run.phase === 'done' ? { ...s, cell: e.cell } : s;
    case 'worker':
      return fromWorker(s, e.message);
    case 'performed':
      return performed(s, e.command);
  }
}
