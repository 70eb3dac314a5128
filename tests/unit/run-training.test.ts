import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { MnistArrays } from '../../src/lib/mnist/assets.ts';
import { firstN, runData, runTraining, type RunHooks } from '../../src/lib/training/run-training.ts';
import { DivergedError, StoppedError } from '../../src/lib/training/train-loop.ts';
import type { Checkpoint, RunConfig } from '../../src/lib/training/checkpoint.ts';
import { subsetSplit } from '../../src/lib/training-plan.ts';
import { MNIST_PIXELS } from '../../src/lib/mnist-spec.ts';
import { SMALL, loadTrain } from './training-fixture.ts';

/** 64 images → 57 to train on (batches of 32 and 25) and the last 7 to validate on. */
const CONFIG: RunConfig = { batchSize: 32, epochs: 2, validationSplit: 0.1, seed: 3, trainLimit: 64 };

let train: MnistArrays;
beforeAll(async () => {
  await tf.setBackend('cpu');
  train = loadTrain(200);
});

/** Every hook call of a run, in order, as short strings. */
function recorder(extra: Partial<RunHooks> = {}) {
  const log: string[] = [];
  const epochs: Checkpoint[] = [];
  const hooks: RunHooks = {
    onRunStart: (s) => void log.push(`start ${s.trainCount}/${s.validationCount} from ${s.startEpoch} step ${s.step}`),
    pausePoint: async (p) => {
      log.push(`pause ${p.epoch}.${p.batch} step ${p.step}`);
      await extra.pausePoint?.(p);
    },
    onBatch: (b) => void log.push(`batch ${b.epoch}.${b.batch}/${b.batches} size ${b.size} step ${b.step}`),
    onValidating: (e) => void log.push(`validating ${e}`),
    onEpoch: (e) => {
      log.push(`epoch ${e.stats.epoch} history ${e.history.length}`);
      epochs.push(e.checkpoint);
    },
    ...(extra.beforeBatch ? { beforeBatch: extra.beforeBatch } : {}),
  };
  return { log, epochs, hooks };
}

const sum = (c: Checkpoint) => c.weights.reduce((s, w) => s + w.data.reduce((a, b) => a + b, 0), 0);

describe('the subset a run uses', () => {
  it('takes the first N images, then holds out the last 10% of those (as the lesson says)', () => {
    const { train: t, validation: v } = runData(train, { trainLimit: 100, validationSplit: 0.1 });
    expect([t.count, v.count]).toEqual([90, 10]);
    expect(t.labels).toEqual(train.labels.subarray(0, 90));
    expect(v.labels).toEqual(train.labels.subarray(90, 100));
    expect(v.images).toEqual(train.images.subarray(90 * MNIST_PIXELS, 100 * MNIST_PIXELS));
    expect(subsetSplit(train.count, 100, 0.1)).toEqual({ train: 90, validation: 10 });
  });

  it('uses every image when there is no limit, or a limit above the count', () => {
    for (const limit of [null, 1000]) {
      const { train: t, validation: v } = runData(train, { trainLimit: limit, validationSplit: 0.1 });
      expect([t.count, v.count]).toEqual([180, 20]);
      expect(subsetSplit(train.count, limit, 0.1)).toEqual({ train: 180, validation: 20 });
    }
    expect(firstN(train, null)).toBe(train);
  });
});

describe('runTraining', () => {
  it('trains every epoch with a pause point before each epoch and between batches, and leaks nothing', async () => {
    const start = tf.memory().numTensors;
    const { log, epochs, hooks } = recorder();
    const outcome = await runTraining(tf, train, CONFIG, { spec: SMALL, hooks });
    expect(log).toEqual([
      'start 57/7 from 0 step 0',
      'pause 0.0 step 0',
      'batch 0.1/2 size 32 step 1',
      'pause 0.1 step 1',
      'batch 0.2/2 size 25 step 2',
      'validating 0',
      'epoch 0 history 1',
      'pause 1.0 step 2',
      'batch 1.1/2 size 32 step 3',
      'pause 1.1 step 3',
      'batch 1.2/2 size 25 step 4',
      'validating 1',
      'epoch 1 history 2',
    ]);
    expect(outcome.kind).toBe('done');
    if (outcome.kind !== 'done') return;
    expect(outcome.checkpoint.completedEpochs).toBe(2);
    expect(outcome.checkpoint.optimizer[0]?.data[0]).toBe(4);
    expect(outcome.checkpoint.history.map((h) => h.epoch)).toEqual([0, 1]);
    expect(epochs.map((c) => c.completedEpochs)).toEqual([1, 2]);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('reports the pace of each batch from its clock', async () => {
    let t = 0;
    const ms: number[] = [];
    const speeds: number[] = [];
    await runTraining(tf, train, { ...CONFIG, epochs: 1 }, {
      spec: SMALL,
      // Every reading of the clock is 100 ms after the last.
      now: () => (t += 100),
      hooks: {
        onBatch: (b) => {
          ms.push(b.ms);
          speeds.push(b.imagesPerSecond);
        },
      },
    });
    expect(ms).toEqual([100, 100]);
    // 32 images in 0.1 s, then 57 in 0.3 s (the pause point's reading of the clock is the next batch's start).
    expect(speeds).toEqual([320, 190]);
  });

  it('with the look-ahead, pauses after exactly the batch shown: a batch already sent is shown before the pause point', async () => {
    let pauseAsked = false;
    let sent = 0;
    const sentAtPause: number[] = [];
    const { log, hooks } = recorder({
      beforeBatch: () => {
        sent++;
      },
      pausePoint: (p) => {
        sentAtPause.push(sent);
        if (p.epoch === 0 && p.batch === 3) pauseAsked = false;
      },
    });
    const outcome = await runTraining(tf, train, { ...CONFIG, epochs: 1, batchSize: 8 }, {
      spec: SMALL,
      hooks: {
        ...hooks,
        // As the worker does: no look-ahead while a pause is asked for.
        lookAhead: () => !pauseAsked,
        onBatch: async (b) => {
          await hooks.onBatch?.(b);
          // The learner presses pause while batch 2 is shown; batch 3 was sent with it.
          if (b.batch === 2) pauseAsked = true;
        },
      },
    });
    expect(outcome.kind).toBe('done');
    expect(log.filter((l) => l.startsWith('pause'))).toEqual(['pause 0.0 step 0', 'pause 0.3 step 3']);
    expect(log.slice(0, 6)).toEqual([
      'start 57/7 from 0 step 0',
      'pause 0.0 step 0',
      'batch 0.1/8 size 8 step 1',
      'batch 0.2/8 size 8 step 2',
      'batch 0.3/8 size 8 step 3',
      'pause 0.3 step 3',
    ]);
    // At each pause point, the batches sent are exactly the batches shown: nothing is in flight.
    expect(sentAtPause).toEqual([0, 3]);
  });

  it('stops when the pause point throws StoppedError, and disposes the model and optimizer', async () => {
    const start = tf.memory().numTensors;
    const { log, hooks } = recorder({
      pausePoint: (p) => {
        if (p.epoch === 0 && p.batch === 1) throw new StoppedError();
      },
    });
    const outcome = await runTraining(tf, train, CONFIG, { spec: SMALL, hooks });
    expect(outcome).toEqual({ kind: 'stopped', completedEpochs: 0 });
    expect(log.at(-1)).toBe('pause 0.1 step 1');
    expect(tf.memory().numTensors).toBe(start);
  });

  it('resumes from a checkpoint with its weights, history and Adam step count', async () => {
    const first = recorder({
      pausePoint: (p) => {
        if (p.epoch === 1) throw new StoppedError();
      },
    });
    expect(await runTraining(tf, train, CONFIG, { spec: SMALL, hooks: first.hooks })).toEqual({ kind: 'stopped', completedEpochs: 1 });
    const saved = first.epochs[0];
    if (!saved) throw new Error('no checkpoint after epoch 1');

    const start = tf.memory().numTensors;
    let weightsSum = NaN;
    const second = recorder();
    const outcome = await runTraining(tf, train, CONFIG, {
      spec: SMALL,
      resume: saved,
      hooks: {
        ...second.hooks,
        onRunStart: async (s) => {
          weightsSum = s.weightsSum;
          await second.hooks.onRunStart?.(s);
        },
      },
    });
    // It starts where the first run stopped: epoch 2, after Adam's second step.
    expect(second.log.slice(0, 3)).toEqual(['start 57/7 from 1 step 2', 'pause 1.0 step 2', 'batch 1.1/2 size 32 step 3']);
    expect(weightsSum).toBeCloseTo(sum(saved), 3);
    if (outcome.kind !== 'done') throw new Error(`the resumed run ended ${outcome.kind}`);
    // A fresh optimizer would stop at 2 steps; the resumed one continues to 4.
    expect(outcome.checkpoint.optimizer[0]?.data[0]).toBe(4);
    expect(outcome.checkpoint.history).toHaveLength(2);
    expect(outcome.checkpoint.history[0]).toEqual(saved.history[0]);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('fails with DivergedError when the weights break down, and still disposes everything', async () => {
    const start = tf.memory().numTensors;
    const run = runTraining(tf, train, CONFIG, {
      spec: SMALL,
      hooks: {
        // As the test build's "diverge" switch does: NaN weights before a batch.
        beforeBatch: (model) => {
          for (const w of model.weights) {
            const nan = tf.fill(w.shape as number[], Number.NaN);
            w.write(nan);
            nan.dispose();
          }
        },
      },
    });
    await expect(run).rejects.toBeInstanceOf(DivergedError);
    expect(tf.memory().numTensors).toBe(start);
  });
});
