/**
 * Browser side of `npm run pretrain`: trains the deck's CNN with the training lesson's own loop
 * (src/lib/training/run-training.ts: the same subset and validation split, the same batches) on
 * MNIST, and hands each finished epoch — checkpoint, model files, validation and test scores — to
 * the Node script driving this page (scripts/pretrain.ts) through exposed functions.
 */
import { loadTf, type BackendName } from '../lib/tf-runtime.ts';
import { loadMnist } from '../lib/mnist/loader.ts';
import { evaluate, overlapsBatches } from '../lib/training/train-loop.ts';
import { runTraining } from '../lib/training/run-training.ts';
import { packCheckpoint, unpackCheckpoint, type Checkpoint, type PackedCheckpoint, type RunConfig } from '../lib/training/checkpoint.ts';
import { modelToFiles } from '../lib/model/files.ts';

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

export async function runPretrain(options: { config: RunConfig; backend?: BackendName; resume?: { header: PackedCheckpoint['header']; data: string } }): Promise<void> {
  const bridge = globalThis as unknown as Bridge;
  const { tf, report } = await loadTf({ forced: options.backend ?? 'wasm' });
  await bridge.pretrainLog(`backend ${report.backend}`);
  const data = await loadMnist({ baseUrl: `${import.meta.env.BASE_URL}data/mnist/`, set: 'full', caches: null });
  let resume: Checkpoint | null = null;
  if (options.resume) {
    const bytes = fromBase64(options.resume.data);
    resume = unpackCheckpoint({ header: options.resume.header, data: new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) });
  }
  let counts = { train: 0, validation: 0 };
  let epochStart = performance.now();
  const outcome = await runTraining(tf, data.train, options.config, {
    resume,
    hooks: {
      onRunStart: async (start) => {
        counts = { train: start.trainCount, validation: start.validationCount };
        await bridge.pretrainLog(`${start.trainCount} images to train on, ${start.validationCount} to validate on`);
        if (start.startEpoch > 0) await bridge.pretrainLog(`resumed after epoch ${start.startEpoch}`);
      },
      lookAhead: () => overlapsBatches(tf),
      pausePoint: ({ batch }) => {
        if (batch === 0) epochStart = performance.now();
      },
      onBatch: async (e) => {
        if (e.batch % 20 === 0 || e.batch === e.batches) {
          const seconds = (performance.now() - epochStart) / 1000;
          await bridge.pretrainLog(`epoch ${e.epoch + 1} batch ${e.batch}/${e.batches} loss ${e.loss.toFixed(4)} acc ${e.accuracy.toFixed(4)} ${seconds.toFixed(0)} s`);
        }
      },
      onEpoch: async ({ stats, history, checkpoint, model }) => {
        // The test set is scored here only, for the training record: it never steers training.
        const test = await evaluate(tf, model, data.test);
        const packed = packCheckpoint(checkpoint);
        const files = await modelToFiles(tf, model);
        await bridge.pretrainEpoch(
          JSON.stringify({
            epoch: stats.epoch + 1,
            backend: report.backend,
            trainCount: counts.train,
            validationCount: counts.validation,
            testCount: test.count,
            testLoss: test.loss,
            testAccuracy: test.accuracy,
            history,
            checkpoint: { header: packed.header, data: toBase64(new Uint8Array(packed.data.buffer)) },
            modelJson: files.modelJson,
            weights: toBase64(new Uint8Array(files.weights)),
          }),
        );
      },
    },
  });
  await bridge.pretrainLog(outcome.kind === 'done' ? `done after ${outcome.checkpoint.completedEpochs} epochs` : `stopped after ${outcome.completedEpochs} epochs`);
}
