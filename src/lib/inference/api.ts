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
  /** The model in use as model.json + weights.bin. */
  exportModel(): Promise<ExportedModel>;
  tensors(): number;
  /** The end-to-end tests' build only: loses the GPU device on purpose. */
  loseDevice?(): void;
}
