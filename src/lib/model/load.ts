/**
 * Loads a model from any source (src/lib/model/source.ts) and verifies it before anyone uses it:
 * the deck CNN's architecture, its weight shapes, and finite weights. A model that fails is
 * disposed and reported with a typed ModelError, so the caller's model in use stays as it was.
 * Used by both workers (drawing inference and evaluation); tfjs is passed in, never imported.
 */
import type { LayersModel, io } from '@tensorflow/tfjs';
import type { Tf } from '../tf-runtime.ts';
import { errorMessage } from '../tf-runtime.ts';
import { buildCnn } from '../cnn-model.ts';
import { DECK_CNN, type CnnSpec } from '../cnn-architecture.ts';
import { restoreWeights, CheckpointError, type Checkpoint } from '../training/checkpoint.ts';
import { checkModel, checkWeightShapes, describeModel } from './check.ts';
import { ModelError, type ModelSource } from './source.ts';

const BYTES: Readonly<Record<string, number>> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

/** Reads model.json's bytes: its topology and the flat list of its weights. */
export function parseModelJson(bytes: ArrayBuffer): { modelTopology: object; weightSpecs: io.WeightsManifestEntry[]; paths: string[] } {
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
  const weightSpecs: io.WeightsManifestEntry[] = [];
  const paths: string[] = [];
  for (const g of j.weightsManifest as unknown[]) {
    const group = g as { weights?: unknown; paths?: unknown } | null;
    if (!Array.isArray(group?.weights)) throw new ModelError('not-model', 'a weightsManifest entry has no weights list');
    if (Array.isArray(group.paths)) paths.push(...group.paths.filter((p): p is string => typeof p === 'string'));
    for (const w of group.weights as unknown[]) {
      const spec = w as Partial<io.WeightsManifestEntry> | null;
      if (typeof spec?.name !== 'string' || !Array.isArray(spec.shape) || !spec.shape.every((d) => Number.isInteger(d) && d >= 0) || typeof spec.dtype !== 'string') {
        throw new ModelError('not-model', 'a weight entry has no name, shape or dtype');
      }
      weightSpecs.push(spec as io.WeightsManifestEntry);
    }
  }
  return { modelTopology: j.modelTopology, weightSpecs, paths };
}

/** Checks the weight list before anything is built, so a wrong file allocates nothing. */
export function checkSpecs(specs: readonly io.WeightsManifestEntry[], byteLength: number, spec: CnnSpec = DECK_CNN): void {
  const problem = checkWeightShapes(
    specs.map((s) => s.shape),
    spec,
  );
  if (problem) throw new ModelError('shape', problem);
  let bytes = 0;
  for (const s of specs) {
    const per = BYTES[s.quantization?.dtype ?? s.dtype];
    if (per === undefined) throw new ModelError('not-model', `weight ${s.name} has the unknown dtype ${s.dtype}`);
    bytes += s.shape.reduce((a, b) => a * b, 1) * per;
  }
  if (bytes !== byteLength) throw new ModelError('weights', `the weights file holds ${byteLength} bytes, model.json describes ${bytes}`);
}

/** Refuses a model that is not the deck CNN or holds a weight that is not a finite number. */
export async function verifyModel(model: LayersModel, spec: CnnSpec = DECK_CNN): Promise<void> {
  const { input, layers } = describeModel(model);
  const problem = checkModel(input, layers, spec);
  if (problem) throw new ModelError('shape', problem);
  for (const w of model.weights) {
    const values = (await w.read().data()) as Float32Array;
    if (!values.every(Number.isFinite)) throw new ModelError('not-finite', w.originalName);
  }
}

function fromCheckpoint(tf: Tf, checkpoint: Checkpoint, spec: CnnSpec): LayersModel {
  const model = buildCnn(tf, spec);
  try {
    restoreWeights(tf, model, checkpoint);
    return model;
  } catch (e) {
    model.dispose();
    throw e instanceof CheckpointError ? new ModelError('checkpoint', e.message) : e;
  }
}

async function fromFiles(tf: Tf, modelJson: ArrayBuffer, weights: ArrayBuffer, spec: CnnSpec): Promise<LayersModel> {
  const { modelTopology, weightSpecs } = parseModelJson(modelJson);
  checkSpecs(weightSpecs, weights.byteLength, spec);
  try {
    return await tf.loadLayersModel(tf.io.fromMemory({ modelTopology, weightSpecs, weightData: weights }));
  } catch (e) {
    throw new ModelError('not-model', errorMessage(e));
  }
}

async function download(url: string, fetcher: typeof fetch): Promise<ArrayBuffer> {
  let res: Response;
  try {
    res = await fetcher(url);
  } catch (e) {
    throw new ModelError('fetch', `${url}: ${errorMessage(e)}`);
  }
  if (!res.ok) throw new ModelError('fetch', `${url}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

async function fromUrl(tf: Tf, url: string, spec: CnnSpec, fetcher: typeof fetch): Promise<LayersModel> {
  const json = await download(url, fetcher);
  const { paths } = parseModelJson(json);
  const parts = await Promise.all(paths.map(async (p) => new Uint8Array(await download(new URL(p, url).href, fetcher))));
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    all.set(p, offset);
    offset += p.length;
  }
  return fromFiles(tf, json, all.buffer, spec);
}

export interface LoadOptions {
  /** The architecture a model must have (the deck CNN unless a demo says otherwise). */
  readonly spec?: CnnSpec;
  readonly fetcher?: typeof fetch;
}

/**
 * Loads and verifies a model. Resolves to a model the caller owns (and disposes); rejects with a
 * ModelError and leaves no tensor behind when the model is refused.
 */
export async function loadModel(tf: Tf, source: ModelSource, options: LoadOptions = {}): Promise<LayersModel> {
  const spec = options.spec ?? DECK_CNN;
  const fetcher = options.fetcher ?? ((input, init) => fetch(input, init));
  let model: LayersModel | undefined;
  try {
    switch (source.kind) {
      case 'pretrained':
        model = await fromUrl(tf, source.url, spec, fetcher);
        break;
      case 'learner':
      case 'tuned':
        model = fromCheckpoint(tf, source.checkpoint, spec);
        break;
      case 'imported':
        model = await fromFiles(tf, source.modelJson, source.weights, spec);
        break;
    }
    await verifyModel(model, spec);
    return model;
  } catch (e) {
    model?.dispose();
    throw e;
  }
}
