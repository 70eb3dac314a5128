/// <reference lib="webworker" />
/**
 * The drawing lesson's inference worker: owns tfjs and the model in use, so predicting never
 * blocks a stroke. For each 28×28 image it returns the ten probabilities and the activations of
 * both convolution layers, from one multi-output model over the loaded model's own layers.
 * It also exports the model as files and imports files, refusing anything that is not the deck's
 * CNN (the model in use stays). Protocol: src/lib/draw/protocol.ts.
 */
import type { LayersModel, SymbolicTensor, Tensor, io } from '@tensorflow/tfjs';
import { loadTf, errorMessage, type LoadedTf } from '../lib/tf-runtime.ts';
import { buildCnn } from '../lib/cnn-model.ts';
import { DECK_CNN } from '../lib/cnn-architecture.ts';
import { restoreWeights, CheckpointError, type Checkpoint } from '../lib/training/checkpoint.ts';
import { modelToFiles } from '../lib/model-files.ts';
import { checkModel, checkWeightShapes, describeModel } from '../lib/draw/model-check.ts';
import type { DrawModelSource, FromDrawWorker, ModelErrorCode, ModelKind, ToDrawWorker } from '../lib/draw/protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const post = (m: FromDrawWorker, transfer: Transferable[] = []) => {
  self.postMessage(m, transfer);
};

class ModelError extends Error {
  readonly code: ModelErrorCode;

  constructor(code: ModelErrorCode, message: string) {
    super(message);
    this.name = 'ModelError';
    this.code = code;
  }
}

interface InUse {
  readonly kind: ModelKind;
  readonly model: LayersModel;
  /** The same layers with three outputs: conv2d, conv2d_1 and the softmax. Owns no weights. */
  readonly features: LayersModel;
}

let runtime: LoadedTf | undefined;
let initFailed: string | undefined;
let current: InUse | undefined;
/** Requests run one after another, in the order they came. */
let queue: Promise<void> = Promise.resolve();

function tf() {
  if (!runtime) throw new Error(initFailed ?? 'the worker was not initialised');
  return runtime.tf;
}

const numTensors = () => (runtime ? runtime.tf.memory().numTensors : 0);

// ---------------------------------------------------------------------------------------------
// Loading and checking models

/** Refuses a model that is not the deck CNN or holds a weight that is not a finite number. */
async function verify(model: LayersModel): Promise<void> {
  const { input, layers } = describeModel(model);
  const problem = checkModel(input, layers);
  if (problem) throw new ModelError('shape', problem);
  for (const w of model.weights) {
    const values = (await w.read().data()) as Float32Array;
    if (!values.every(Number.isFinite)) throw new ModelError('not-finite', w.originalName);
  }
}

const BYTES: Readonly<Record<string, number>> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

function parseModelJson(bytes: ArrayBuffer): { modelTopology: object; weightSpecs: io.WeightsManifestEntry[] } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new ModelError('not-json', errorMessage(e));
  }
  const j = json as { modelTopology?: unknown; weightsManifest?: unknown } | null;
  if (typeof j !== 'object' || j === null || typeof j.modelTopology !== 'object' || j.modelTopology === null || !Array.isArray(j.weightsManifest)) {
    throw new ModelError('not-model', 'model.json has no modelTopology and weightsManifest');
  }
  const groups = j.weightsManifest as unknown[];
  const weightSpecs: io.WeightsManifestEntry[] = [];
  for (const g of groups) {
    const weights = (g as { weights?: unknown } | null)?.weights;
    if (!Array.isArray(weights)) throw new ModelError('not-model', 'a weightsManifest entry has no weights list');
    for (const w of weights as unknown[]) {
      const spec = w as Partial<io.WeightsManifestEntry> | null;
      if (typeof spec?.name !== 'string' || !Array.isArray(spec.shape) || !spec.shape.every((d) => Number.isInteger(d) && d >= 0) || typeof spec.dtype !== 'string') {
        throw new ModelError('not-model', 'a weight entry has no name, shape or dtype');
      }
      weightSpecs.push(spec as io.WeightsManifestEntry);
    }
  }
  return { modelTopology: j.modelTopology, weightSpecs };
}

/** Checks the weight list before anything is built, so a wrong file allocates nothing. */
function checkSpecs(specs: readonly io.WeightsManifestEntry[], byteLength: number): void {
  const problem = checkWeightShapes(specs.map((s) => s.shape));
  if (problem) throw new ModelError('shape', problem);
  let bytes = 0;
  for (const s of specs) {
    const per = BYTES[s.quantization?.dtype ?? s.dtype];
    if (per === undefined) throw new ModelError('not-model', `weight ${s.name} has the unknown dtype ${s.dtype}`);
    bytes += s.shape.reduce((a, b) => a * b, 1) * per;
  }
  if (bytes !== byteLength) throw new ModelError('weights', `the weights file holds ${byteLength} bytes, model.json describes ${bytes}`);
}

function loadFromCheckpoint(checkpoint: Checkpoint): LayersModel {
  const t = tf();
  const model = buildCnn(t, DECK_CNN);
  try {
    restoreWeights(t, model, checkpoint);
    return model;
  } catch (e) {
    model.dispose();
    throw e instanceof CheckpointError ? new ModelError('checkpoint', e.message) : e;
  }
}

async function loadFromFiles(modelJson: ArrayBuffer, weights: ArrayBuffer): Promise<LayersModel> {
  const t = tf();
  const { modelTopology, weightSpecs } = parseModelJson(modelJson);
  checkSpecs(weightSpecs, weights.byteLength);
  try {
    return await t.loadLayersModel(t.io.fromMemory({ modelTopology, weightSpecs, weightData: weights }));
  } catch (e) {
    throw new ModelError('not-model', errorMessage(e));
  }
}

async function loadFromUrl(url: string): Promise<LayersModel> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new ModelError('fetch', errorMessage(e));
  }
  if (!res.ok) throw new ModelError('fetch', `${url}: HTTP ${res.status}`);
  const json = await res.arrayBuffer();
  const { weightsManifest } = JSON.parse(new TextDecoder().decode(json)) as { weightsManifest?: { paths?: string[] }[] };
  const paths = weightsManifest?.flatMap((g) => g.paths ?? []) ?? [];
  const parts = await Promise.all(
    paths.map(async (p) => {
      const r = await fetch(new URL(p, url));
      if (!r.ok) throw new ModelError('fetch', `${p}: HTTP ${r.status}`);
      return new Uint8Array(await r.arrayBuffer());
    }),
  );
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    all.set(p, offset);
    offset += p.length;
  }
  return loadFromFiles(json, all.buffer);
}

function sourceModel(source: DrawModelSource): Promise<LayersModel> {
  switch (source.kind) {
    case 'pretrained':
      return loadFromUrl(source.url);
    case 'learner':
      return Promise.resolve().then(() => loadFromCheckpoint(source.checkpoint));
    case 'imported':
      return loadFromFiles(source.modelJson, source.weights);
  }
}

async function load(id: number, source: DrawModelSource): Promise<void> {
  let model: LayersModel | undefined;
  try {
    model = await sourceModel(source);
    await verify(model);
    const layers = model.layers;
    const conv1 = layers[0]?.output as SymbolicTensor;
    const conv2 = layers[2]?.output as SymbolicTensor;
    const features = tf().model({ inputs: model.inputs, outputs: [conv1, conv2, ...model.outputs] });
    const previous = current;
    current = { kind: source.kind, model, features };
    // The feature model shares the layers: disposing the loaded model frees the weights.
    previous?.model.dispose();
    post({ type: 'loaded', id, kind: source.kind, tensors: numTensors() });
  } catch (e) {
    if (model && current?.model !== model) model.dispose();
    const code = e instanceof ModelError ? e.code : 'unknown';
    post({ type: 'load-failed', id, kind: source.kind, code, detail: errorMessage(e), tensors: numTensors() });
  }
}

// ---------------------------------------------------------------------------------------------
// Requests

function inUse(): InUse {
  if (!current) throw new Error('no model is loaded');
  return current;
}

async function predict(id: number, image: Float32Array): Promise<void> {
  const t = tf();
  const { features } = inUse();
  if (image.length !== 28 * 28) throw new Error(`expected 784 values, got ${image.length}`);
  const t0 = performance.now();
  const outputs = t.tidy(() => features.predict(t.tensor4d(image, [1, 28, 28, 1])) as Tensor[]);
  try {
    const [conv1, conv2, probabilities] = (await Promise.all(outputs.map((o) => o.data()))) as Float32Array[];
    if (!conv1 || !conv2 || !probabilities) throw new Error('the model gave fewer outputs than expected');
    t.dispose(outputs); // before counting; the finally below is for the error path
    const ms = performance.now() - t0;
    post({ type: 'prediction', id, probabilities, conv1, conv2, tensors: numTensors(), ms }, [probabilities.buffer, conv1.buffer, conv2.buffer]);
  } finally {
    t.dispose(outputs);
  }
}

async function filters(id: number): Promise<void> {
  const { model } = inUse();
  // The layer's own variables: read, not copied into new tensors, so nothing to dispose.
  const [kernel, bias] = model.layers[0]?.getWeights() ?? [];
  if (!kernel || !bias) throw new Error('the first layer has no weights');
  const kernels = Float32Array.from((await kernel.data()) as Float32Array);
  const biases = Float32Array.from((await bias.data()) as Float32Array);
  post({ type: 'filters', id, kernels, biases, tensors: numTensors() }, [kernels.buffer, biases.buffer]);
}

async function exportModel(id: number): Promise<void> {
  const { model } = inUse();
  const files = await modelToFiles(tf(), model);
  const weights = files.weights.slice(0);
  post({ type: 'exported', id, modelJson: JSON.stringify(files.modelJson), weights, tensors: numTensors() }, [weights]);
}

async function init(forced: Extract<ToDrawWorker, { type: 'init' }>['forced']): Promise<void> {
  try {
    runtime = await loadTf({ forced });
    post({ type: 'ready', report: runtime.report });
  } catch (e) {
    initFailed = errorMessage(e);
    post({ type: 'failed', id: null, stage: 'init', message: initFailed });
  }
}

function handle(msg: ToDrawWorker): Promise<void> {
  switch (msg.type) {
    case 'init':
      return init(msg.forced);
    case 'load':
      return load(msg.id, msg.source);
    case 'predict':
      return predict(msg.id, msg.image);
    case 'filters':
      return filters(msg.id);
    case 'export':
      return exportModel(msg.id);
  }
}

self.onmessage = (event: MessageEvent<ToDrawWorker>) => {
  const msg = event.data;
  queue = queue.then(() =>
    handle(msg).catch((e: unknown) => {
      if (msg.type === 'init' || msg.type === 'load') return;
      post({ type: 'failed', id: msg.id, stage: msg.type, message: errorMessage(e) });
    }),
  );
};
