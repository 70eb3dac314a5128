/**
 * Messages between the page and the training worker (src/workers/train.worker.ts). The worker
 * owns tfjs, the data and the model; the page only renders what it is told and sends commands.
 */
import type { BackendName, BackendReport } from '../tf-runtime.ts';
import type { EpochStats } from './train-loop.ts';
import type { BatchProgress, RunStart } from './run-training.ts';
import type { Checkpoint, RunConfig } from './checkpoint.ts';
import type { ModelErrorCode, ModelSource } from '../model/source.ts';


export type ToWorker =
  /** Start a run, or continue one from a checkpoint of the same config. */
  | { readonly type: 'train'; readonly config: RunConfig; readonly resume: Checkpoint | null }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  /** While paused: train one batch (or finish the epoch's validation), then pause again. */
  | { readonly type: 'step' }
  | { readonly type: 'stop' }
  /** Evaluate on the first `count` test images (all 10,000 when null). */
  | { readonly type: 'evaluate'; readonly source: ModelSource; readonly count: number | null; readonly gallery: number };

/** Only a build with CNN_COURSE_TEST_HOOKS=1 understands these (the end-to-end tests' switches). */
export type TestToWorker =
  /** Loses the GPU device on purpose (WEBGL_lose_context / GPUDevice.destroy). */
  | { readonly type: 'test:lose-device' }
  /** The next batch starts from NaN weights, so its loss is NaN, as in a diverged run. */
  | { readonly type: 'test:diverge' };

export type FailureKind = 'diverged' | 'device-lost' | 'backend' | 'data' | 'checkpoint' | 'unknown';

export interface Misclassified {
  readonly index: number;
  readonly label: number;
  readonly predicted: number;
  readonly confidence: number;
  /** The 28×28 image, 0–255. */
  readonly pixels: Uint8Array;
}

export interface EvaluationResult {
  readonly count: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly confusion: number[][];
  readonly perClass: number[];
  readonly misclassified: readonly Misclassified[];
  readonly seconds: number;
}

export type FromWorker =
  | { readonly type: 'ready'; readonly report: BackendReport }
  | { readonly type: 'data-progress'; readonly loaded: number; readonly total: number }
  | ({ readonly type: 'run-start'; readonly config: RunConfig } & RunStart)
  /** A batch was trained; `step` is Adam's step count after it, `ms` how long the batch took. */
  | ({ readonly type: 'batch' } & BatchProgress)
  | { readonly type: 'validating'; readonly epoch: number }
  /** An epoch finished and its checkpoint is attached (the page stores it). */
  | { readonly type: 'epoch'; readonly stats: EpochStats; readonly checkpoint: Checkpoint }
  /** The run holds before batch `batch + 1` of `epoch` (batch 0: before the epoch's first batch). */
  | { readonly type: 'paused'; readonly epoch: number; readonly batch: number; readonly step: number }
  /** `step`: for one batch only, then 'paused' again. */
  | { readonly type: 'resumed'; readonly step: boolean }
  | { readonly type: 'stopped'; readonly completedEpochs: number }
  | { readonly type: 'done'; readonly checkpoint: Checkpoint }
  | { readonly type: 'eval-progress'; readonly done: number; readonly total: number }
  | { readonly type: 'eval-done'; readonly result: EvaluationResult }
  /** `model`: the model to evaluate was refused (src/lib/model/load.ts), and why. */
  | { readonly type: 'failed'; readonly kind: FailureKind; readonly message: string; readonly model?: ModelErrorCode }
  /** tf.memory().numTensors, for the leak checks; sent after every batch, epoch and evaluation. */
  | { readonly type: 'tensors'; readonly count: number };

/**
 * The training worker's API, served with Comlink (src/components/training/worker-client.ts):
 * `init` starts tfjs (rejecting when no backend can) and gives the worker the page's callbacks
 * for its events and for a lost GPU device; `send` passes the learner's commands.
 */
export interface TrainingApi {
  init(forced: BackendName | undefined, dataUrl: string, onEvent: (m: FromWorker) => void, onLost: (message: string) => void): Promise<BackendReport>;
  send(m: ToWorker | TestToWorker): void;
}
