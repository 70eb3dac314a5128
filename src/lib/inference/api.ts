/**
 * The inference worker's API (src/workers/inference.worker.ts), as islands see it through
 * the inference client (src/components/workers/inference-client.ts). Any demo that shows what
 * the course's CNN does with an image uses it: load a model (src/lib/model/source.ts), predict
 * an image with the activations of the layers it names, read a layer's filters, export files.
 * Layers are named as Keras names them in `model.summary()` (conv2d, max_pooling2d, conv2d_1...,
 * see summarize() in src/lib/cnn-architecture.ts), whatever names the loaded file used.
 */
import type { BackendName, BackendReport } from '../tf-runtime.ts';
import type { ModelErrorCode, ModelKind, ModelSource } from '../model/source.ts';
import type { StoredTensor } from '../training/checkpoint.ts';
import type { FineTuneSettings, Scores, Verdict } from '../handwriting/fine-tune.ts';

/** A layer's output for one image, without the batch axis (channels last). */
export interface Activation {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export interface Prediction {
  /** The softmax outputs, one per class. */
  readonly probabilities: Float32Array;
  /** The outputs of the layers asked for, by name. */
  readonly activations: Readonly<Record<string, Activation>>;
  /** tf.memory().numTensors once the prediction's tensors are disposed. */
  readonly tensors: number;
  readonly ms: number;
}

export interface Filters {
  /** The kernels, shape [kh, kw, inChannels, filters]. */
  readonly kernels: Float32Array;
  readonly shape: readonly number[];
  readonly biases: Float32Array;
  readonly tensors: number;
}

export type LoadResult =
  | { readonly ok: true; readonly kind: ModelKind; readonly tensors: number }
  /** Refused: the model in use (if any) is still in use. */
  | { readonly ok: false; readonly kind: ModelKind; readonly code: ModelErrorCode; readonly detail: string; readonly tensors: number };

export interface ExportedModel {
  readonly modelJson: string;
  readonly weights: ArrayBuffer;
  readonly tensors: number;
}

/** A fine-tune of the model in use on the learner's handwriting (issue #16). */
export interface FineTuneRequest {
  /** The personal set, as MNIST's arrays are laid out (count·784 bytes, count labels). */
  readonly personal: { readonly images: Uint8Array; readonly labels: Uint8Array; readonly count: number };
  readonly settings: FineTuneSettings;
  /** The MNIST assets' folder, absolute (training images to mix in, and the 1,000-image test sample). */
  readonly mnistUrl: string;
}

export type FineTuneProgress =
  | { readonly phase: 'data'; readonly loaded: number; readonly total: number }
  | { readonly phase: 'before' }
  | { readonly phase: 'train'; readonly step: number; readonly steps: number; readonly loss: number }
  | { readonly phase: 'after' };

export type FineTuneResult =
  /** Trained and measured; the model in use is unchanged (the caller decides from the verdict). */
  | { readonly ok: true; readonly before: Scores; readonly after: Scores; readonly verdict: Verdict; readonly weights: StoredTensor[]; readonly backend: string; readonly tensors: number }
  | { readonly ok: false; readonly code: 'diverged' | 'data'; readonly detail: string; readonly tensors: number };

/** Called by the worker, once, when its GPU device is lost. */
export type DeviceLostCallback = (message: string) => void;

export interface InferenceApi {
  /** Starts tfjs on the best backend (or the forced one). Rejects when none can start. */
  init(forced: BackendName | undefined, onLost: DeviceLostCallback): Promise<BackendReport>;
  /** Loads and verifies a model; only a good one replaces the model in use. */
  load(source: ModelSource): Promise<LoadResult>;
  /** Classifies one image (rows×cols×channels of the model's input, 0..1). */
  predict(image: Float32Array, layers: readonly string[]): Promise<Prediction>;
  /** The learned kernels and biases of a convolution or dense layer. */
  filters(layer: string): Promise<Filters>;
  /**
   * Fine-tunes a copy of the model in use on the personal set mixed with MNIST training images,
   * and scores both before and after; the model in use itself is not changed.
   */
  fineTune(request: FineTuneRequest, onProgress: (p: FineTuneProgress) => void): Promise<FineTuneResult>;
  /** The model in use as model.json + weights.bin. */
  exportModel(): Promise<ExportedModel>;
  tensors(): number;
  /** The end-to-end tests' build only: loses the GPU device on purpose. */
  loseDevice?(): void;
}
