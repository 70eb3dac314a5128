/**
 * Messages between the drawing lesson's page and its inference worker
 * (src/workers/draw.worker.ts). The worker owns tfjs and the model in use; the page sends the
 * preprocessed 28×28 image and renders what comes back. Every request carries an id that its
 * answer repeats; the worker handles requests one at a time, in order.
 */
import type { BackendName, BackendReport } from '../tf-runtime.ts';
import type { Checkpoint } from '../training/checkpoint.ts';

/** Where the model comes from: shipped with the site, trained in lesson 3-10, or imported from files. */
export type ModelKind = 'pretrained' | 'learner' | 'imported';

export type DrawModelSource =
  /** The URL of the shipped model.json (weights.bin beside it). */
  | { readonly kind: 'pretrained'; readonly url: string }
  /** The learner's finished run from IndexedDB: the deck CNN is built and its weights restored. */
  | { readonly kind: 'learner'; readonly checkpoint: Checkpoint }
  /** The bytes of a model.json and its weights file, as the learner chose them. */
  | { readonly kind: 'imported'; readonly modelJson: ArrayBuffer; readonly weights: ArrayBuffer };

export type ToDrawWorker =
  | { readonly type: 'init'; readonly forced: BackendName | undefined }
  /** Load a model; only when it loads and fits the deck CNN does it replace the one in use. */
  | { readonly type: 'load'; readonly id: number; readonly source: DrawModelSource }
  /** The 28×28 image (row by row, 0..1) to classify. */
  | { readonly type: 'predict'; readonly id: number; readonly image: Float32Array }
  /** The first convolution layer's learned filters. */
  | { readonly type: 'filters'; readonly id: number }
  /** The model in use as model.json + weights.bin. */
  | { readonly type: 'export'; readonly id: number };

/** Why a model was refused (the page words each one; `detail` says what exactly). */
export type ModelErrorCode = 'fetch' | 'not-json' | 'not-model' | 'weights' | 'shape' | 'not-finite' | 'checkpoint' | 'unknown';

export type FromDrawWorker =
  | { readonly type: 'ready'; readonly report: BackendReport }
  | { readonly type: 'loaded'; readonly id: number; readonly kind: ModelKind; readonly tensors: number }
  /** The model was refused; the one in use (if any) is still in use. */
  | { readonly type: 'load-failed'; readonly id: number; readonly kind: ModelKind; readonly code: ModelErrorCode; readonly detail: string; readonly tensors: number }
  | {
      readonly type: 'prediction';
      readonly id: number;
      /** The 10 softmax outputs, digits 0–9. */
      readonly probabilities: Float32Array;
      /** conv2d's output, 26×26×32, channels last. */
      readonly conv1: Float32Array;
      /** conv2d_1's output, 11×11×64, channels last. */
      readonly conv2: Float32Array;
      /** tf.memory().numTensors once the prediction's tensors are disposed. */
      readonly tensors: number;
      readonly ms: number;
    }
  /** The 32 kernels of 3×3 (shape [3, 3, 1, 32]: row, column, input channel, filter) and their biases. */
  | { readonly type: 'filters'; readonly id: number; readonly kernels: Float32Array; readonly biases: Float32Array; readonly tensors: number }
  | { readonly type: 'exported'; readonly id: number; readonly modelJson: string; readonly weights: ArrayBuffer; readonly tensors: number }
  /** A request failed (for 'init': no backend could start; the worker is unusable). */
  | { readonly type: 'failed'; readonly id: number | null; readonly stage: 'init' | 'predict' | 'filters' | 'export'; readonly message: string };

/** Output shapes of the layers the page shows, without the batch axis. */
export const CONV1_SHAPE = [26, 26, 32] as const;
export const CONV2_SHAPE = [11, 11, 64] as const;
