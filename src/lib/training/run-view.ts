/**
 * What the training lesson shows, derived from its state (run-state.ts): the planned split, the
 * status line, the progress numbers and ETA, the chart series. Every number a view prints is
 * computed here, so the views only format and lay out. Pure: no DOM.
 */
import { DECK_FIT, DECK_STEPS, subsetSplit, batching, type Split } from '../training-plan.ts';
import { MNIST } from '../mnist-spec.ts';
import type { Checkpoint, RunConfig } from './checkpoint.ts';
import { isDeckConfig, remainingSeconds, smooth } from './progress.ts';
import { isActive, type Point, type TrainingState } from './run-state.ts';

/** Seed of the per-epoch shuffles of the lesson's runs. */
export const RUN_SEED = 42;
/** Smoothing weight of the per-batch curves (an exponential moving average, as TensorBoard's). */
export const CURVE_SMOOTHING = 0.8;
/** The loss axis shows at least 0–0.5 and at most 0–3 (the first batches' loss is about 2.3). */
export const LOSS_AXIS = { min: 0.5, max: 3 } as const;

/** The run the setup form describes, or the saved run to resume. */
export function runConfig(s: Pick<TrainingState, 'epochs' | 'trainLimit'>, resume: Checkpoint | null): RunConfig {
  return resume?.config ?? { batchSize: DECK_FIT.batchSize, epochs: s.epochs, validationSplit: DECK_FIT.validationSplit, seed: RUN_SEED, trainLimit: s.trainLimit };
}

/** How the setup form's choice splits the training images (the rule run-training.ts applies). */
export function plannedSplit(s: Pick<TrainingState, 'trainLimit'>): Split {
  return subsetSplit(MNIST.trainCount, s.trainLimit, DECK_FIT.validationSplit);
}

/** Whether the setup form's choice is the deck's run. */
export function choiceIsDeck(s: Pick<TrainingState, 'epochs' | 'trainLimit'>): boolean {
  return isDeckConfig(runConfig(s, null));
}

/** Seconds trained in this session, pauses left out. */
export function elapsedSeconds(s: Pick<TrainingState, 'clock' | 'now'>): number {
  const { seconds, since } = s.clock;
  return since === undefined ? seconds : seconds + (s.now - since) / 1000;
}

/** Whether the elapsed time moves (the island ticks a clock only then). */
export function isTicking(s: Pick<TrainingState, 'clock'>): boolean {
  return s.clock.since !== undefined;
}

export type RemainingView =
  | { readonly kind: 'estimate'; readonly remaining: number; readonly total: number }
  /** Training, but too few batches yet for a pace. */
  | { readonly kind: 'measuring' }
  /** Nothing to say: held, finished, or not started. */
  | { readonly kind: 'none' };

export interface ProgressView {
  /** Batches done in the current epoch, of `batches`. */
  readonly batch: number;
  readonly batches: number;
  readonly epochsDone: number;
  /** The epoch the text names: the one in progress, or the last one done. */
  readonly epochShown: number;
  readonly totalEpochs: number;
  readonly imagesPerSecond: number;
  readonly elapsed: number;
  readonly step: number;
  readonly remaining: RemainingView;
}

function remainingView(s: TrainingState, batches: number, totalEpochs: number, elapsed: number): RemainingView {
  const remaining = s.run
    ? remainingSeconds({ epochs: totalEpochs, batchesPerEpoch: batches, epoch: s.position.epoch, batch: s.position.batch }, { steps: s.clock.steps, seconds: elapsed })
    : undefined;
  if (remaining !== undefined) return { kind: 'estimate', remaining, total: elapsed + remaining };
  // While the run holds nothing is measured: no "measuring…" that would never end.
  return s.phase === 'starting' || s.phase === 'running' || s.phase === 'pausing' || s.phase === 'stepping' ? { kind: 'measuring' } : { kind: 'none' };
}

export function progressView(s: TrainingState): ProgressView {
  const batches = s.run?.batches ?? batching(plannedSplit(s).train, DECK_FIT.batchSize).batches;
  const totalEpochs = s.run?.config.epochs ?? s.epochs;
  const epochsDone = s.history.length;
  const inEpoch = isActive(s) && s.position.batch > 0 && s.position.batch < batches;
  const elapsed = elapsedSeconds(s);
  return {
    batch: s.position.batch,
    batches,
    epochsDone,
    epochShown: Math.min(epochsDone + (inEpoch ? 1 : 0), totalEpochs),
    totalEpochs,
    imagesPerSecond: s.imagesPerSecond,
    elapsed,
    step: s.worker.step,
    remaining: remainingView(s, batches, totalEpochs, elapsed),
  };
}

/** The deck's full run at the pace measured here (the CPU warning quotes it); undefined until there is a pace. */
export function fullRunEstimate(s: TrainingState): number | undefined {
  const p = progressView(s);
  return p.remaining.kind === 'estimate' && s.clock.steps > 0 ? (DECK_STEPS * p.elapsed) / s.clock.steps : undefined;
}

export type StatusView =
  | { readonly kind: 'none' | 'preparing' | 'running' | 'pausing' | 'stepping' | 'stopping' }
  /** 1-based epoch. */
  | { readonly kind: 'validating'; readonly epoch: number }
  /** 1-based epoch; `batch` batches of it done (0: before its first). */
  | { readonly kind: 'paused'; readonly epoch: number; readonly batch: number }
  | { readonly kind: 'done' | 'stopped'; readonly epochs: number };

export function statusView(s: TrainingState): StatusView {
  switch (s.phase) {
    case 'starting':
      return { kind: 'preparing' };
    case 'running':
      return s.validating === undefined ? { kind: 'running' } : { kind: 'validating', epoch: s.validating + 1 };
    case 'paused':
      return s.pausedAt ? { kind: 'paused', epoch: s.pausedAt.epoch + 1, batch: s.pausedAt.batch } : { kind: 'none' };
    case 'done':
    case 'stopped':
      return { kind: s.phase, epochs: s.history.length };
    case 'pausing':
    case 'stepping':
    case 'stopping':
      return { kind: s.phase };
    case 'setup':
    case 'failed':
      return { kind: 'none' };
  }
}

export interface ControlsView {
  readonly visible: boolean;
  /** Paused: "resume" and "one batch" instead of "pause". */
  readonly paused: boolean;
  readonly canPause: boolean;
  readonly canStop: boolean;
}

export function controlsView(s: TrainingState): ControlsView {
  return { visible: isActive(s), paused: s.phase === 'paused', canPause: s.phase === 'running' || s.phase === 'starting', canStop: s.phase !== 'stopping' };
}

/** The data download before the run, while it is in progress. */
export function downloadView(s: TrainingState): { loaded: number; total: number; percent: number } | undefined {
  const d = s.dataProgress;
  const waiting = s.phase === 'starting' || (s.phase === 'pausing' && !s.run);
  if (!waiting || !d || !(d.total > 0) || d.loaded >= d.total) return undefined;
  return { loaded: d.loaded, total: d.total, percent: Math.floor((d.loaded / d.total) * 100) };
}

/** The progress panel appears once a run started, or a resumed one brought its history. */
export function hasProgress(s: TrainingState): boolean {
  return s.run !== undefined || s.history.length > 0;
}

export interface ChartView {
  readonly xMax: number;
  readonly yMax: number;
  /** Per batch, smoothed. */
  readonly train: readonly Point[];
  /** Per epoch, at its end. */
  readonly validation: readonly Point[];
}

function smoothed(points: readonly Point[]): Point[] {
  const ys = smooth(points.map(([, y]) => y), CURVE_SMOOTHING);
  return points.map(([x], i) => [x, ys[i] ?? 0]);
}

function maxFinite(floor: number, values: Iterable<number>): number {
  let max = floor;
  for (const v of values) if (Number.isFinite(v) && v > max) max = v;
  return max;
}

export function chartsView(s: TrainingState): { loss: ChartView; accuracy: ChartView } {
  const xMax = progressView(s).totalEpochs;
  const lossMax = maxFinite(LOSS_AXIS.min, [...s.batchLoss.map(([, v]) => v), ...s.history.map((h) => h.valLoss)]);
  return {
    loss: {
      xMax,
      yMax: Math.min(lossMax, LOSS_AXIS.max),
      train: smoothed(s.batchLoss),
      validation: s.history.map((h) => [h.epoch + 1, h.valLoss] as const),
    },
    accuracy: {
      xMax,
      yMax: 1,
      train: smoothed(s.batchAccuracy),
      validation: s.history.map((h) => [h.epoch + 1, h.valAccuracy] as const),
    },
  };
}
