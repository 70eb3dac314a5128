/// <reference lib="webworker" />
/**
 * The inference worker: owns tfjs and the model in use, so predicting never blocks the page.
 * Its API (src/lib/inference/api.ts) is served with Comlink; the page reaches it through the
 * inference client (src/components/workers/inference-client.ts). Models come from the one
 * model source (src/lib/model/) and are verified before they replace the model in use.
 */
import * as Comlink from 'comlink';
import type { LayersModel, SymbolicTensor, Tensor } from '@tensorflow/tfjs';
import { loadTf, loseDevice, watchDevice, type DeviceWatch, type LoadedTf } from '../lib/tf-runtime.ts';
import { DECK_CNN, summarize } from '../lib/cnn-architecture.ts';
import { loadModel } from '../lib/model/load.ts';
import { modelToFiles } from '../lib/model/files.ts';
import { modelErrorCode, type ModelSource } from '../lib/model/source.ts';
import { errorMessage } from '../lib/tf-runtime.ts';
import type { FineTuneResult, InferenceApi, LoadResult } from '../lib/inference/api.ts';
import { copyModel, fineTune, judgeFineTune, scoreModel } from '../lib/handwriting/fine-tune.ts';
import { DivergedError } from '../lib/training/train-loop.ts';
import { nonFiniteWeight, type StoredTensor } from '../lib/training/checkpoint.ts';
import { loadMnist, MnistLoadError, type MnistFullData, type MnistSampleData } from '../lib/mnist/loader.ts';

const SPEC = DECK_CNN;
/** Keras's names of the spec's layers, in order: the model's layers are found by position. */
const LAYERS = summarize(SPEC);
const INPUT_SIZE = SPEC.inputShape.reduce((a, b) => a * b, 1);

let runtime: LoadedTf | undefined;
let device: DeviceWatch | undefined;
let model: LayersModel | undefined;
/** Multi-output views of the model in use (layer outputs + the prediction), by layer list. */
const views = new Map<string, LayersModel>();
/** Requests run one after another, in the order they came. */
let queue: Promise<unknown> = Promise.resolve();

function serial<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

function tf() {
  if (!runtime) throw new Error('the worker was not initialised');
  device?.check();
  return runtime.tf;
}

const numTensors = () => (runtime ? runtime.tf.memory().numTensors : 0);

function layerIndex(name: string): number {
  const i = LAYERS.findIndex((l) => l.name === name);
  if (i < 0) throw new Error(`the CNN has no layer ${name} (it has ${LAYERS.map((l) => l.name).join(', ')})`);
  return i;
}

function inUse(): LayersModel {
  if (!model) throw new Error('no model is loaded');
  return model;
}

/** A model over the same layers whose outputs are the named layers' and then the prediction. */
function view(layers: readonly string[]): LayersModel {
  const key = layers.join(',');
  let v = views.get(key);
  if (!v) {
    const m = inUse();
    const outputs = layers.map((name) => m.layers[layerIndex(name)]?.output as SymbolicTensor);
    v = tf().model({ inputs: m.inputs, outputs: [...outputs, ...m.outputs] });
    views.set(key, v);
  }
  return v;
}

/** MNIST for fine-tuning, loaded once per worker (the loader also keeps it in Cache Storage). */
let mnist: Promise<{ full: MnistFullData; sample: MnistSampleData }> | undefined;

function loadFineTuneData(url: string, onProgress: (loaded: number, total: number) => void) {
  if (!mnist) {
    const sizes = { full: 0, sample: 0 };
    const done = { full: 0, sample: 0 };
    const report = (set: 'full' | 'sample') => (p: { loaded: number; total: number }) => {
      sizes[set] = p.total;
      done[set] = p.loaded;
      onProgress(done.full + done.sample, sizes.full + sizes.sample);
    };
    const loading = Promise.all([loadMnist({ baseUrl: url, set: 'full', onProgress: report('full') }), loadMnist({ baseUrl: url, set: 'sample', onProgress: report('sample') })]).then(([full, sample]) => ({ full, sample }));
    mnist = loading;
    // A failed download is tried again next time.
    loading.catch(() => {
      if (mnist === loading) mnist = undefined;
    });
  }
  return mnist;
}

function replaceModel(next: LayersModel) {
  const previous = model;
  model = next;
  // Views share the layers and own no weights: dropping them is enough; the old model's
  // disposal frees its weights.
  views.clear();
  previous?.dispose();
}

const api: InferenceApi = {
  async init(forced, onLost) {
    runtime = await loadTf({ forced });
    device = watchDevice(runtime.tf, (message) => {
      onLost(message);
    });
    return runtime.report;
  },

  load(source: ModelSource) {
    return serial(async (): Promise<LoadResult> => {
      try {
        const next = await loadModel(tf(), source, { spec: SPEC });
        replaceModel(next);
        return { ok: true, kind: source.kind, tensors: numTensors() };
      } catch (e) {
        device?.check();
        return { ok: false, kind: source.kind, code: modelErrorCode(e), detail: errorMessage(e), tensors: numTensors() };
      }
    });
  },

  predict(image, layers) {
    return serial(async () => {
      const t = tf();
      if (image.length !== INPUT_SIZE) throw new Error(`expected ${INPUT_SIZE} values, got ${image.length}`);
      const v = view(layers);
      const t0 = performance.now();
      const outputs = t.tidy(() => v.predict(t.tensor4d(image, [1, ...SPEC.inputShape])) as Tensor[]);
      try {
        const values = (await Promise.all(outputs.map((o) => o.data()))) as Float32Array[];
        device?.check();
        const probabilities = values[layers.length];
        if (!probabilities) throw new Error('the model gave fewer outputs than expected');
        const activations = Object.fromEntries(layers.map((name, i) => [name, { shape: LAYERS[layerIndex(name)]?.outputShape ?? [], data: values[i] ?? new Float32Array(0) }]));
        t.dispose(outputs); // before counting; the finally below is for the error path
        const ms = performance.now() - t0;
        // A reshape (flatten) or an identity at inference (dropout) can share its input's buffer:
        // each buffer is transferred once (a repeated one makes postMessage throw).
        return Comlink.transfer({ probabilities, activations, tensors: numTensors(), ms }, [...new Set(values.map((a) => a.buffer as ArrayBuffer))]);
      } finally {
        t.dispose(outputs);
      }
    });
  },

  filters(layer) {
    return serial(async () => {
      tf();
      // The layer's own variables: read, not copied into new tensors, so nothing to dispose.
      const [kernel, bias] = inUse().layers[layerIndex(layer)]?.getWeights() ?? [];
      if (!kernel || !bias) throw new Error(`layer ${layer} has no weights`);
      const kernels = Float32Array.from((await kernel.data()) as Float32Array);
      const biases = Float32Array.from((await bias.data()) as Float32Array);
      device?.check();
      return Comlink.transfer({ kernels, shape: [...kernel.shape], biases, tensors: numTensors() }, [kernels.buffer, biases.buffer]);
    });
  },

  fineTune(request, onProgress) {
    return serial(async (): Promise<FineTuneResult> => {
      const t = tf();
      const base = inUse();
      let data: Awaited<ReturnType<typeof loadFineTuneData>>;
      try {
        data = await loadFineTuneData(request.mnistUrl, (loaded, total) => {
          onProgress({ phase: 'data', loaded, total });
        });
      } catch (e) {
        if (e instanceof MnistLoadError) return { ok: false, code: 'data', detail: errorMessage(e), tensors: numTensors() };
        throw e;
      }
      const { rows, cols } = data.sample.sample;
      const personal = { ...request.personal, rows, cols };
      onProgress({ phase: 'before' });
      const before = await scoreModel(t, base, personal, data.sample.sample);
      device?.check();
      const copy = copyModel(t, base, SPEC);
      let kept = true;
      const drop = () => {
        if (kept) copy.dispose();
        kept = false;
      };
      const refuse = (detail: string): FineTuneResult => {
        drop();
        return { ok: false, code: 'diverged', detail, tensors: numTensors() };
      };
      try {
        try {
          await fineTune(t, copy, personal, data.full.train, request.settings, (e) => {
            device?.check();
            onProgress({ phase: 'train', step: e.step, steps: e.steps, loss: e.loss });
          });
        } catch (e) {
          device?.check();
          if (e instanceof DivergedError) return refuse(e.message);
          throw e;
        }
        const weights: StoredTensor[] = await Promise.all(
          copy.weights.map(async (w) => ({ name: w.originalName, shape: [...w.read().shape], data: Float32Array.from((await w.read().data()) as Float32Array) })),
        );
        const bad = nonFiniteWeight({ weights });
        if (bad !== undefined) return refuse(`weight ${bad} holds a NaN or an infinity`);
        onProgress({ phase: 'after' });
        const after = await scoreModel(t, copy, personal, data.sample.sample);
        device?.check();
        const verdict = judgeFineTune(before, after);
        drop(); // before the count below
        return Comlink.transfer(
          { ok: true, before, after, verdict, weights, backend: t.getBackend(), tensors: numTensors() },
          weights.map((w) => w.data.buffer as ArrayBuffer),
        );
      } finally {
        drop();
      }
    });
  },

  exportModel() {
    return serial(async () => {
      const files = await modelToFiles(tf(), inUse());
      const weights = files.weights.slice(0);
      return Comlink.transfer({ modelJson: JSON.stringify(files.modelJson), weights, tensors: numTensors() }, [weights]);
    });
  },

  tensors: numTensors,

  // The end-to-end tests' build only; compiled out of every other build.
  ...(__CNN_TEST_HOOKS__
    ? {
        loseDevice() {
          if (runtime) loseDevice(runtime.tf);
        },
      }
    : {}),
};

Comlink.expose(api);
