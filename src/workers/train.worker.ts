/// <reference lib="webworker" />
/**
 * The training worker: owns tfjs, the MNIST arrays and the model, so the page never freezes.
 * It trains with the course's one training loop (src/lib/training/run-training.ts, the same as
 * `npm run pretrain`), evaluates with src/lib/training/train-loop.ts, and reports through the
 * protocol in src/lib/training/protocol.ts.
 */
import * as Comlink from 'comlink';
import type { LayersModel } from '@tensorflow/tfjs';
import { loadTf, errorMessage, looksLikeDeviceLoss, loseDevice, watchDevice, type DeviceWatch, type LoadedTf, type Tf } from '../lib/tf-runtime.ts';
import { loadMnist, imageAt, MnistLoadError, type MnistFullData } from '../lib/mnist/loader.ts';
import { evaluate, overlapsBatches, DivergedError, StoppedError } from '../lib/training/train-loop.ts';
import { runTraining } from '../lib/training/run-training.ts';
import { CheckpointError, type Checkpoint, type RunConfig } from '../lib/training/checkpoint.ts';
import type { FailureKind, FromWorker, Misclassified, TestToWorker, ToWorker, TrainingApi } from '../lib/training/protocol.ts';
import { loadModel } from '../lib/model/load.ts';
import { ModelError, type ModelErrorCode } from '../lib/model/source.ts';

/** Where events go: the page's callback, given to init() (Comlink proxies it). */
let post: (m: FromWorker) => void = () => undefined;

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
let device: DeviceWatch | undefined;

function tensors() {
  if (runtime) post({ type: 'tensors', count: runtime.tf.memory().numTensors });
}

async function init(forced: Parameters<TrainingApi['init']>[0], url: string, onLost: (message: string) => void) {
  dataUrl = url;
  runtime = await loadTf({ forced });
  // A lost device leaves tfjs waiting for results that never come: the page hears of it at once
  // (and replaces this worker); the last saved epoch is kept.
  device = watchDevice(runtime.tf, onLost);
  tensors();
  return runtime.report;
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

function classify(e: unknown): { kind: FailureKind; message: string; model?: ModelErrorCode } {
  const message = errorMessage(e);
  // A lost device also turns the loss into NaN: check it first, it is the real cause.
  const lost = device?.lost();
  if (lost !== undefined || looksLikeDeviceLoss(message)) return { kind: 'device-lost', message: lost ?? message };
  if (e instanceof DivergedError) return { kind: 'diverged', message };
  if (e instanceof CheckpointError) return { kind: 'checkpoint', message };
  if (e instanceof ModelError) return { kind: 'unknown', message, model: e.code };
  return { kind: 'unknown', message };
}

/**
 * Awaited before the first batch of every epoch and after every batch that does not end one:
 * holds while paused (acknowledging with the position and Adam's step count), lets one batch
 * through after a 'step', throws when a stop was asked for.
 */
async function checkpointBetweenBatches(epoch: number, batch: number, step: number) {
  device?.check();
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
  try {
    const outcome = await runTraining(tf, all.train, config, {
      resume,
      hooks: {
        onRunStart: (start) => {
          post({ type: 'run-start', config, ...start });
        },
        pausePoint: ({ epoch, batch, step }) => checkpointBetweenBatches(epoch, batch, step),
        // On a GPU the next batch is sent before this one is read back, unless the learner has
        // asked for something that must act on exactly the batch shown.
        lookAhead: () => overlapsBatches(tf) && !paused && !stepOnce && !stopRequested && !divergeNext,
        beforeBatch: (model) => {
          if (__CNN_TEST_HOOKS__ && divergeNext) {
            divergeNext = false;
            poisonWeights(tf, model);
          }
        },
        onBatch: (batch) => {
          post({ type: 'batch', ...batch });
          tensors();
          // Also between batches sent ahead, where no pause point is reached.
          device?.check();
        },
        onValidating: (epoch) => {
          post({ type: 'validating', epoch });
        },
        onEpoch: ({ stats, checkpoint }) => {
          post({ type: 'epoch', stats, checkpoint });
          tensors();
        },
      },
    });
    post(outcome.kind === 'done' ? { type: 'done', checkpoint: outcome.checkpoint } : { type: 'stopped', completedEpochs: outcome.completedEpochs });
  } catch (e) {
    post({ type: 'failed', ...classify(e) });
  } finally {
    tensors();
  }
}

async function runEvaluation(msg: Extract<ToWorker, { type: 'evaluate' }>) {
  if (!runtime) throw new Error('the worker was not initialised');
  const { tf } = runtime;
  const all = await ensureData();
  const t0 = performance.now();
  const model = await loadModel(tf, msg.source);
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
  if (msg.type === 'test:lose-device') {
    if (runtime) loseDevice(runtime.tf);
  }
  else if (msg.type === 'test:diverge') divergeNext = true;
  else return false;
  return true;
}

function handle(msg: ToWorker | TestToWorker): void {
  if (__CNN_TEST_HOOKS__ && testHook(msg)) return;
  switch (msg.type) {
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
          post({ type: 'failed', ...c, kind: data || c.model ? c.kind : 'data' });
        })
        .finally(() => {
          busy = false;
        });
      return;
    }
  }
}

const api: TrainingApi = {
  init(forced, url, onEvent, onLost) {
    post = onEvent;
    const started = init(forced, url, onLost);
    initialising = started.then(() => undefined);
    return started;
  },
  send: handle,
};

Comlink.expose(api);
