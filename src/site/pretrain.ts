/**
 * Browser side of `npm run pretrain`: trains the deck's CNN with the course's own training code
 * (src/lib/training) on the full MNIST data, and hands each finished epoch — checkpoint, model
 * files, accuracies — to the Node script driving this page through exposed functions.
 */
import { loadTf } from '../lib/tf-runtime.ts';
import { loadMnist } from '../lib/mnist/loader.ts';
import { splitTrainValidation } from '../lib/mnist/split.ts';
import { buildCnn } from '../lib/cnn-model.ts';
import { DECK_CNN } from '../lib/cnn-architecture.ts';
import { checkWeightsFinite, createOptimizer, evaluate, trainEpoch, type EpochStats } from '../lib/training/train-loop.ts';
import { captureCheckpoint, packCheckpoint, restoreCheckpoint, unpackCheckpoint, type PackedCheckpoint, type RunConfig } from '../lib/training/checkpoint.ts';
import { modelToFiles } from '../lib/model-files.ts';

interface Bridge {
  pretrainLog(message: string): Promise<void>;
  pretrainEpoch(payload: string): Promise<void>;
}

const toBase64 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

export async function runPretrain(options: { config: RunConfig; resume?: { header: PackedCheckpoint['header']; data: string } }): Promise<void> {
  const bridge = globalThis as unknown as Bridge;
  const { tf, report } = await loadTf({ forced: 'webgl' });
  await bridge.pretrainLog(`backend ${report.backend}`);
  const data = await loadMnist({ baseUrl: `${import.meta.env.BASE_URL}data/mnist/`, set: 'full', caches: null });
  const split = splitTrainValidation(data, options.config.validationSplit);
  const limit = options.config.trainLimit;
  const train = limit === null ? split.train : { ...split.train, count: limit, images: split.train.images.subarray(0, limit * 784), labels: split.train.labels.subarray(0, limit) };
  const model = buildCnn(tf, DECK_CNN);
  const optimizer = createOptimizer(tf);
  let history: EpochStats[] = [];
  let start = 0;
  if (options.resume) {
    const bytes = fromBase64(options.resume.data);
    const ckpt = unpackCheckpoint({ header: options.resume.header, data: new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) });
    await restoreCheckpoint(tf, model, optimizer, ckpt);
    history = [...ckpt.history];
    start = ckpt.completedEpochs;
    await bridge.pretrainLog(`resumed after epoch ${start}`);
  }
  for (let epoch = start; epoch < options.config.epochs; epoch++) {
    const t0 = performance.now();
    const stats = await trainEpoch(tf, model, optimizer, train, {
      epoch,
      batchSize: options.config.batchSize,
      seed: options.config.seed,
      onBatch: async (e) => {
        if (e.batch % 20 === 0 || e.batch === e.batches) {
          await bridge.pretrainLog(`epoch ${epoch + 1} batch ${e.batch}/${e.batches} loss ${e.loss.toFixed(4)} acc ${e.accuracy.toFixed(4)} ${((performance.now() - t0) / 1000).toFixed(0)} s`);
        }
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const val = await evaluate(tf, model, split.validation);
    const test = await evaluate(tf, model, data.test);
    history = [...history, { epoch, loss: stats.loss, accuracy: stats.accuracy, valLoss: val.loss, valAccuracy: val.accuracy, seconds }];
    const ckpt = await captureCheckpoint(tf, model, optimizer, { config: options.config, completedEpochs: epoch + 1, history });
    checkWeightsFinite(ckpt, epoch);
    const packed = packCheckpoint(ckpt);
    const files = await modelToFiles(tf, model);
    await bridge.pretrainEpoch(
      JSON.stringify({
        epoch: epoch + 1,
        backend: report.backend,
        trainCount: train.count,
        validationCount: split.validation.count,
        testLoss: test.loss,
        testAccuracy: test.accuracy,
        history,
        checkpoint: { header: packed.header, data: toBase64(new Uint8Array(packed.data.buffer)) },
        modelJson: files.modelJson,
        weights: toBase64(new Uint8Array(files.weights)),
      }),
    );
  }
  model.dispose();
  optimizer.dispose();
}
