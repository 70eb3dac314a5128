/// <reference lib="webworker" />
/**
 * The training worker: owns tfjs, the MNIST arrays and the model, so the page never freezes.
 * It trains and evaluates with the course's own code (src/lib/training) and reports through the
 * protocol in src/lib/training/protocol.ts.
 */
import type { LayersModel, Optimizer } from '@tensorflow/tfjs';
import { loadTf, errorMessage, type LoadedTf, type Tf } from '../lib/tf-runtime.ts';
import { loadMnist, imageAt, MnistLoadError, type MnistFullData } from '../lib/mnist/loader.ts';
import { splitTrainValidation } from '../lib/mnist/split.ts';
import type { MnistArrays } from '../lib/mnist/assets.ts';
import { buildCnn } from '../lib/cnn-model.ts';
import { DECK_CNN } from '../lib/cnn-architecture.ts';
import { checkWeightsFinite, createOptimizer, evaluate, trainEpoch, DivergedError, StoppedError, type EpochStats } from '../lib/training/train-loop.ts';
import { captureCheckpoint, restoreCheckpoint, restoreWeights, CheckpointError, type Checkpoint, type RunConfig } from '../lib/training/checkpoint.ts';
import type { FailureKind, FromWorker, Misclassified, ModelSource, TestToWorker, ToWorker } from '../lib/training/protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const post = (m: FromWorker) => {
  self.postMessage(m);
};

let runtime: LoadedTf | undefined;
/** Set by 'init'; jobs that arrive before tfjs is ready wait for it. */
let initialising: Promise<void> | undefined;
let dataUrl = '';
let data: MnistFullData | undefined;
let busy = false;
let paused = false;
/** Set by 'step' while paused: run one more batch, then pause again. */
let stepOnce = false;
let stopRequested = false;
/** Test builds only: poison the weights before the next batch, so its loss is NaN. */
let divergeNext = false;
let wake: (() => void) | undefined;
let deviceLost: string | undefined;

function tensors() {
  if (runtime) post({ type: 'tensors', count: runtime.tf.memory().numTensors });
}

async function init(msg: Extract<ToWorker, { type: 'init' }>) {
  dataUrl = msg.dataUrl;
  runtime = await loadTf({ forced: msg.forced });
  const { tf, report } = runtime;
  if (report.backend === 'webgpu') {
    const device = (tf.backend() as unknown as { device?: { lost?: Promise<{ message: string }> } }).device;
    void device?.lost?.then((info) => {
      deviceLost = info.message || 'GPU device lost';
      post({ type: 'failed', kind: 'device-lost', message: deviceLost });
    });
  }
  if (report.backend === 'webgl') {
    // A lost WebGL context leaves tfjs waiting for results that never come: report it at once;
    // the page then replaces this worker, and the last saved epoch is kept.
    const canvas = webglContext()?.canvas;
    canvas?.addEventListener('webglcontextlost', () => {
      deviceLost = 'WebGL context lost';
      post({ type: 'failed', kind: 'device-lost', message: deviceLost });
    });
  }
  post({ type: 'ready', report });
  tensors();
}

/** Aborts a data download in progress when the learner stops before training began. */
let download: AbortController | undefined;

async function ensureData(): Promise<MnistFullData> {
  if (data) return data;
  download = new AbortController();
  data = await loadMnist({
    baseUrl: dataUrl,
    set: 'full',
    signal: download.signal,
    onProgress: (p) => {
      post({ type: 'data-progress', loaded: p.loaded, total: p.total });
    },
  });
  return data;
}

function firstN(a: MnistArrays, n: number | null): MnistArrays {
  if (n === null || n >= a.count) return a;
  const size = a.rows * a.cols;
  return { ...a, count: n, images: a.images.subarray(0, n * size), labels: a.labels.subarray(0, n) };
}

function webglContext(): WebGL2RenderingContext | undefined {
  return (runtime?.tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } } | undefined)?.gpgpu?.gl;
}

function classify(e: unknown): { kind: FailureKind; message: string } {
  const message = errorMessage(e);
  // A lost device also turns the loss into NaN: check it first, it is the real cause.
  if (deviceLost !== undefined || webglContext()?.isContextLost() || /context (was )?lost|device (was )?lost|device is lost/i.test(message)) {
    return { kind: 'device-lost', message: deviceLost ?? (webglContext()?.isContextLost() ? 'WebGL context lost' : message) };
  }
  if (e instanceof DivergedError) return { kind: 'diverged', message };
  if (e instanceof CheckpointError) return { kind: 'checkpoint', message };
  return { kind: 'unknown', message };
}

function loseDevice() {
  const gl = webglContext();
  if (gl) {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return;
  }
  (runtime?.tf.backend() as unknown as { device?: { destroy(): void } } | undefined)?.device?.destroy();
}

/**
 * Awaited before the first batch of every epoch and after every batch that does not end one:
 * holds while paused (acknowledging with the position and Adam's step count), lets one batch
 * through after a 'step', throws when a stop was asked for.
 */
async function checkpointBetweenBatches(epoch: number, batch: number, step: number) {
  if (deviceLost !== undefined || webglContext()?.isContextLost()) throw new Error(deviceLost ?? 'WebGL context lost');
  if (stopRequested) throw new StoppedError();
  if (stepOnce) {
    stepOnce = false;
    paused = true;
  }
  if (paused) {
    post({ type: 'paused', epoch, batch, step });
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
    wake = undefined;
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by a "stop" message while we awaited
    if (stopRequested) throw new StoppedError();
    post({ type: 'resumed', step: stepOnce });
  }
}

/** The sum of every weight of the model, read back from the backend: a fingerprint of its state. */
async function weightsSum(model: LayersModel): Promise<number> {
  let sum = 0;
  for (const w of model.weights) {
    const values = (await w.read().data()) as Float32Array;
    for (const v of values) sum += v;
  }
  return sum;
}

/** Test builds only: makes every weight NaN, as a diverging run would. */
function poisonWeights(tf: Tf, model: LayersModel) {
  for (const w of model.weights) {
    const nan = tf.fill(w.shape as number[], NaN);
    w.write(nan);
    nan.dispose();
  }
}

async function train(config: RunConfig, resume: Checkpoint | null) {
  if (!runtime) throw new Error('the worker was not initialised');
  const { tf } = runtime;
  let all: MnistFullData;
  try {
    all = await ensureData();
  } catch (e) {
    if (e instanceof MnistLoadError && e.kind === 'aborted') {
      post({ type: 'stopped', completedEpochs: resume?.completedEpochs ?? 0 });
      return;
    }
    throw e;
  }
  const split = splitTrainValidation(firstN(all.train, config.trainLimit), config.validationSplit);
  let model: LayersModel | undefined;
  let optimizer: Optimizer | undefined;
  let completed = resume?.completedEpochs ?? 0;
  try {
    model = buildCnn(tf, DECK_CNN);
    optimizer = createOptimizer(tf);
    let history: EpochStats[] = [];
    if (resume) {
      await restoreCheckpoint(tf, model, optimizer, resume);
      history = [...resume.history];
    }
    const m = model;
    const o = optimizer;
    post({
      type: 'run-start',
      config,
      trainCount: split.train.count,
      validationCount: split.validation.count,
      startEpoch: completed,
      history,
      step: o.iterations,
      weightsSum: await weightsSum(m),
    });
    for (let epoch = completed; epoch < config.epochs; epoch++) {
      await checkpointBetweenBatches(epoch, 0, o.iterations);
      const t0 = performance.now();
      let seen = 0;
      let batchStart = t0;
      const stats = await trainEpoch(tf, m, o, split.train, {
        epoch,
        batchSize: config.batchSize,
        seed: config.seed,
        beforeBatch: () => {
          batchStart = performance.now();
          if (__CNN_TEST_HOOKS__ && divergeNext) {
            divergeNext = false;
            poisonWeights(tf, m);
          }
        },
        onBatch: async (ev) => {
          seen += ev.size;
          const now = performance.now();
          post({ type: 'batch', ...ev, step: o.iterations, ms: now - batchStart, imagesPerSecond: seen / ((now - t0) / 1000) });
          tensors();
          // The last batch of an epoch goes straight on to validation and the checkpoint.
          if (ev.batch < ev.batches) await checkpointBetweenBatches(epoch, ev.batch, o.iterations);
        },
      });
      post({ type: 'validating', epoch });
      const val = await evaluate(tf, m, split.validation, { batchSize: 256 });
      const seconds = (performance.now() - t0) / 1000;
      history = [...history, { epoch, loss: stats.loss, accuracy: stats.accuracy, valLoss: val.loss, valAccuracy: val.accuracy, seconds }];
      completed = epoch + 1;
      const checkpoint = await captureCheckpoint(tf, m, o, { config, completedEpochs: completed, history });
      // Never save a model whose weights broke down, whatever the loss said.
      checkWeightsFinite(checkpoint, epoch);
      post({ type: 'epoch', stats: history[history.length - 1] as EpochStats, checkpoint });
      tensors();
    }
    const final = await captureCheckpoint(tf, m, o, { config, completedEpochs: completed, history });
    post({ type: 'done', checkpoint: final });
  } catch (e) {
    if (e instanceof StoppedError) post({ type: 'stopped', completedEpochs: completed });
    else post({ type: 'failed', ...classify(e) });
  } finally {
    model?.dispose();
    optimizer?.dispose();
    tensors();
  }
}

async function loadModel(source: ModelSource): Promise<LayersModel> {
  if (!runtime) throw new Error('the worker was not initialised');
  const { tf } = runtime;
  if (source.kind === 'url') return tf.loadLayersModel(source.url);
  const model = buildCnn(tf, DECK_CNN);
  try {
    restoreWeights(tf, model, source.checkpoint);
    return model;
  } catch (e) {
    model.dispose();
    throw e;
  }
}

async function runEvaluation(msg: Extract<ToWorker, { type: 'evaluate' }>) {
  if (!runtime) throw new Error('the worker was not initialised');
  const { tf } = runtime;
  const all = await ensureData();
  const t0 = performance.now();
  const model = await loadModel(msg.source);
  try {
    const e = await evaluate(tf, model, all.test, {
      batchSize: 250,
      ...(msg.count === null ? {} : { count: msg.count }),
      onProgress: (done, total) => {
        post({ type: 'eval-progress', done, total });
      },
    });
    const perClass = e.confusion.map((row, i) => {
      const n = row.reduce((a, b) => a + b, 0);
      return n === 0 ? NaN : (row[i] ?? 0) / n;
    });
    const misclassified: Misclassified[] = [];
    for (let i = 0; i < e.count && misclassified.length < msg.gallery; i++) {
      const label = all.test.labels[i] ?? 0;
      const predicted = e.predicted[i] ?? 0;
      if (label !== predicted) {
        misclassified.push({ index: i, label, predicted, confidence: e.confidence[i] ?? 0, pixels: imageAt(all.test.images, i).slice() });
      }
    }
    post({
      type: 'eval-done',
      result: { count: e.count, loss: e.loss, accuracy: e.accuracy, confusion: e.confusion, perClass, misclassified, seconds: (performance.now() - t0) / 1000 },
    });
  } finally {
    model.dispose();
    tensors();
  }
}

/** Test builds only: lose the GPU, or make the next batch diverge. */
function testHook(msg: ToWorker | TestToWorker): boolean {
  if (msg.type === 'test:lose-device') loseDevice();
  else if (msg.type === 'test:diverge') divergeNext = true;
  else return false;
  return true;
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  if (__CNN_TEST_HOOKS__ && testHook(msg)) return;
  switch (msg.type) {
    case 'init':
      initialising = init(msg).catch((e: unknown) => {
        post({ type: 'failed', kind: 'backend', message: errorMessage(e) });
      });
      return;
    case 'pause':
      paused = true;
      return;
    case 'resume':
      paused = false;
      wake?.();
      return;
    case 'step':
      // Only meaningful while paused: one batch, then the next pause acknowledgement.
      if (!paused) return;
      paused = false;
      stepOnce = true;
      wake?.();
      return;
    case 'stop':
      stopRequested = true;
      download?.abort();
      paused = false;
      wake?.();
      return;
    case 'train':
    case 'evaluate': {
      if (busy) return;
      busy = true;
      paused = false;
      stepOnce = false;
      stopRequested = false;
      divergeNext = false;
      const job = (async () => {
        await initialising;
        await (msg.type === 'train' ? train(msg.config, msg.resume) : runEvaluation(msg));
      })();
      job
        .catch((e: unknown) => {
          const c = classify(e);
          post({ type: 'failed', kind: data ? c.kind : 'data', message: c.message });
        })
        .finally(() => {
          busy = false;
        });
      return;
    }
  }
};
