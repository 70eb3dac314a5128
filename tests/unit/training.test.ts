import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { buildCnn } from '../../src/lib/cnn-model.ts';
import type { MnistArrays } from '../../src/lib/mnist/assets.ts';
import { firstN } from '../../src/lib/training/run-training.ts';
import { checkLoss, checkWeightsFinite, createOptimizer, evaluate, overlapsBatches, trainEpoch, trainStep, makeBatch, DivergedError } from '../../src/lib/training/train-loop.ts';
import { captureCheckpoint, restoreCheckpoint, assertCompatible, CheckpointError, type RunConfig } from '../../src/lib/training/checkpoint.ts';
import { epochOrder, mulberry32 } from '../../src/lib/training/random.ts';
import { SMALL, loadTest, loadTrain } from './training-fixture.ts';

const CONFIG: RunConfig = { batchSize: 32, epochs: 3, validationSplit: 0.1, seed: 7, trainLimit: 256 };

let train: MnistArrays;
let test: MnistArrays;
beforeAll(async () => {
  await tf.setBackend('cpu');
  train = loadTrain(512);
  test = loadTest(200);
});

describe('shuffling', () => {
  it('is a reproducible permutation that differs between epochs', () => {
    const a = epochOrder(1000, 1, 0);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(epochOrder(1000, 1, 0)).toEqual(a);
    expect(epochOrder(1000, 1, 1)).not.toEqual(a);
    const r = mulberry32(3);
    expect(r()).toBeGreaterThanOrEqual(0);
  });
});

describe('training loop', () => {
  it('builds batches of 0..1 pixels with one-hot labels', () => {
    const { xs, ys } = makeBatch(tf, train, [0, 1]);
    expect(xs.shape).toEqual([2, 28, 28, 1]);
    expect(ys.arraySync()[0]).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0]); // training image 0 is a 5
    expect(xs.max().arraySync()).toBeLessThanOrEqual(1);
    tf.dispose([xs, ys]);
  });

  it('makes the loss fall, reports every batch and leaks no tensor', async () => {
    const model = buildCnn(tf, SMALL);
    const optimizer = createOptimizer(tf);
    const before = tf.memory().numTensors;
    const subset = firstN(train, 256);
    const first = await evaluate(tf, model, test);
    const batches: number[] = [];
    let last = { loss: NaN, accuracy: NaN };
    for (let epoch = 0; epoch < 3; epoch++) {
      last = await trainEpoch(tf, model, optimizer, subset, { epoch, batchSize: 32, seed: 1, onBatch: (e) => void batches.push(e.batch) });
    }
    const after = await evaluate(tf, model, test);
    expect(batches).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(after.loss).toBeLessThan(first.loss);
    expect(after.accuracy).toBeGreaterThan(0.2); // chance is 0.1
    expect(last.loss).toBeLessThan(2.3);
    // The optimizer's moments appear on the first step; after that, nothing may grow.
    const settled = tf.memory().numTensors;
    await trainEpoch(tf, model, optimizer, subset, { epoch: 3, batchSize: 32, seed: 1 });
    await evaluate(tf, model, test);
    expect(tf.memory().numTensors).toBe(settled);
    expect(settled).toBeGreaterThan(before);
    model.dispose();
    optimizer.dispose();
  });

  it('evaluates with a confusion matrix that sums to the count', async () => {
    const model = buildCnn(tf, SMALL);
    const e = await evaluate(tf, model, test, { count: 150, batchSize: 64 });
    expect(e.count).toBe(150);
    expect(e.confusion.flat().reduce((a, b) => a + b, 0)).toBe(150);
    const diagonal = e.confusion.reduce((s, row, i) => s + (row[i] ?? 0), 0);
    expect(diagonal / 150).toBeCloseTo(e.accuracy, 10);
    model.dispose();
  });

  it('leaves no tensor behind when the model fails midway through an evaluation', async () => {
    const model = buildCnn(tf, SMALL);
    const start = tf.memory().numTensors;
    let calls = 0;
    // The second batch's prediction fails, as a lost GPU or a broken model would make it.
    const failing = new Proxy(model, {
      get(target, key, receiver): unknown {
        if (key !== 'predict') return Reflect.get(target, key, receiver) as unknown;
        return (xs: tf.Tensor) => {
          calls++;
          if (calls === 2) throw new Error('predict failed');
          return target.predict(xs);
        };
      },
    });
    await expect(evaluate(tf, failing, test, { batchSize: 64 })).rejects.toThrow('predict failed');
    expect(calls).toBe(2);
    expect(tf.memory().numTensors).toBe(start);
    model.dispose();
  });

  it('leaves no tensor behind when its progress callback throws', async () => {
    const model = buildCnn(tf, SMALL);
    const start = tf.memory().numTensors;
    const run = evaluate(tf, model, test, {
      batchSize: 64,
      onProgress: (done) => {
        if (done >= 128) throw new Error('progress failed');
      },
    });
    await expect(run).rejects.toThrow('progress failed');
    expect(tf.memory().numTensors).toBe(start);
    model.dispose();
  });

  it('stops a run whose loss is no longer finite with DivergedError', async () => {
    const model = buildCnn(tf, SMALL);
    // Blown-up weights (as a far too large learning rate leaves them) make the loss NaN.
    const conv = model.layers[0];
    const [kernel, bias] = conv?.getWeights() ?? [];
    const poisoned = tf.fill(kernel?.shape ?? [], Number.NaN);
    conv?.setWeights([poisoned, bias ?? tf.zeros([4])]);
    poisoned.dispose();
    const subset = firstN(train, 64);
    const run = trainEpoch(tf, model, createOptimizer(tf), subset, { epoch: 0, batchSize: 32, seed: 1 });
    await expect(run).rejects.toBeInstanceOf(DivergedError);
    await expect(run).rejects.toThrow(/epoch 1, batch 1/);
    // A checkpoint of such weights is refused before it is saved.
    const ckpt = await captureCheckpoint(tf, model, createOptimizer(tf), { config: CONFIG, completedEpochs: 1, history: [] });
    expect(() => {
      checkWeightsFinite(ckpt, 0);
    }).toThrow(/weight .* holds a NaN or an infinity after epoch 1/);
    model.dispose();
  });

  it('takes a negative or infinite loss for divergence too (NaN weights give one on some GPUs)', () => {
    expect(() => {
      checkLoss(-89.13, 1, 1);
    }).toThrow('the loss became -89.13, which a cross-entropy cannot be, at epoch 2, batch 1');
    expect(() => {
      checkLoss(Infinity, 0, 3);
    }).toThrow(DivergedError);
    expect(() => {
      checkLoss(0, 0, 1);
      checkLoss(2.3, 0, 1);
    }).not.toThrow();
  });

  it('passes a model with finite weights', async () => {
    const model = buildCnn(tf, SMALL);
    const ckpt = await captureCheckpoint(tf, model, createOptimizer(tf), { config: CONFIG, completedEpochs: 1, history: [] });
    expect(() => {
      checkWeightsFinite(ckpt, 0);
    }).not.toThrow();
    model.dispose();
  });
});

describe('checkpoints', () => {
  it('restore identical weights and optimizer state, and training continues identically', async () => {
    const modelA = buildCnn(tf, SMALL);
    const optA = createOptimizer(tf);
    const { xs, ys } = makeBatch(tf, train, Array.from({ length: 32 }, (_, i) => i));
    await trainStep(tf, modelA, optA, xs, ys);
    await trainStep(tf, modelA, optA, xs, ys);
    const before = tf.memory().numTensors;
    const ckpt = await captureCheckpoint(tf, modelA, optA, { config: CONFIG, completedEpochs: 1, history: [] });
    expect(tf.memory().numTensors).toBe(before);
    expect(ckpt.optimizer[0]?.data[0]).toBe(2); // two Adam steps taken

    const modelB = buildCnn(tf, SMALL);
    const optB = createOptimizer(tf);
    await restoreCheckpoint(tf, modelB, optB, ckpt);
    const again = await captureCheckpoint(tf, modelB, optB, { config: CONFIG, completedEpochs: 1, history: [] });
    expect(again.weights.map((w) => [...w.data])).toEqual(ckpt.weights.map((w) => [...w.data]));
    expect(again.optimizer.map((w) => [...w.data])).toEqual(ckpt.optimizer.map((w) => [...w.data]));

    // With dropout off (predict), one more identical step gives identical weights: Adam's
    // moments and step count came back too, not only the weights.
    const stepNoDropout = async (model: typeof modelA, opt: typeof optA) => {
      const loss = opt.minimize(() => tf.metrics.categoricalCrossentropy(ys, model.apply(xs, { training: false }) as tf.Tensor).mean<tf.Scalar>(), true);
      loss?.dispose();
      return captureCheckpoint(tf, model, opt, { config: CONFIG, completedEpochs: 1, history: [] });
    };
    const a = await stepNoDropout(modelA, optA);
    const b = await stepNoDropout(modelB, optB);
    for (const [i, w] of a.weights.entries()) {
      const other = b.weights[i]?.data ?? new Float32Array();
      expect(Math.max(...w.data.map((v, k) => Math.abs(v - (other[k] ?? NaN))))).toBeLessThan(1e-6);
    }
    tf.dispose([xs, ys]);
    modelA.dispose();
    modelB.dispose();
  });

  it('refuses a checkpoint of another shape', async () => {
    const small = buildCnn(tf, SMALL);
    const other = buildCnn(tf, { ...SMALL, layers: SMALL.layers.map((l) => (l.kind === 'conv2d' ? { ...l, filters: 8 } : l)) });
    const ckpt = await captureCheckpoint(tf, other, createOptimizer(tf), { config: CONFIG, completedEpochs: 0, history: [] });
    expect(() => { assertCompatible(small, ckpt); }).toThrow(CheckpointError);
    small.dispose();
    other.dispose();
  });
});

describe('the look-ahead (the next batch sent before this one is read back)', () => {
  /** Math.random drives tfjs's dropout masks: a fixed sequence makes two runs comparable. */
  function seededRandom<T>(work: () => Promise<T>): Promise<T> {
    const next = mulberry32(11);
    const original = Math.random;
    Math.random = next;
    return work().finally(() => {
      Math.random = original;
    });
  }

  async function epochWith(lookAhead: (() => boolean) | undefined) {
    return seededRandom(async () => {
      const model = buildCnn(tf, SMALL);
      const optimizer = createOptimizer(tf);
      const events: { batch: number; step: number; ahead: boolean; loss: number }[] = [];
      // One step first: Adam's moments appear on it, after which nothing may grow.
      const { xs, ys } = makeBatch(tf, train, [0]);
      await trainStep(tf, model, optimizer, xs, ys);
      tf.dispose([xs, ys]);
      const settled = tf.memory().numTensors;
      const stats = await trainEpoch(tf, model, optimizer, firstN(train, 200), {
        epoch: 0, batchSize: 32, seed: 1, ...(lookAhead ? { lookAhead } : {}),
        onBatch: (e) => void events.push({ batch: e.batch, step: e.step, ahead: e.ahead, loss: e.loss }),
      });
      const weights = model.getWeights().map((w) => [...(w.dataSync() as Float32Array)]);
      const leaked = tf.memory().numTensors - settled;
      model.dispose();
      optimizer.dispose();
      return { stats, events, weights, leaked };
    });
  }

  it('trains exactly the same batches to exactly the same weights, reporting each in order with its Adam step', async () => {
    const plain = await epochWith(undefined);
    const ahead = await epochWith(() => true);
    expect(ahead.events.map((e) => e.batch)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Adam's step count is the one after that batch (1 warm-up step before the epoch), not the
    // count of batches already sent.
    expect(ahead.events.map((e) => e.step)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(ahead.events.map((e) => e.ahead)).toEqual([true, true, true, true, true, true, false]);
    expect(plain.events.every((e) => !e.ahead)).toBe(true);
    expect(ahead.events.map((e) => e.loss)).toEqual(plain.events.map((e) => e.loss));
    expect(ahead.weights).toEqual(plain.weights);
    expect(ahead.stats).toEqual(plain.stats);
    expect([plain.leaked, ahead.leaked]).toEqual([0, 0]);
  });

  it('stops looking ahead as soon as the caller says so', async () => {
    let allow = true;
    const s = await seededRandom(async () => {
      const model = buildCnn(tf, SMALL);
      const optimizer = createOptimizer(tf);
      const seen: boolean[] = [];
      await trainEpoch(tf, model, optimizer, firstN(train, 200), {
        epoch: 0, batchSize: 32, seed: 1, lookAhead: () => allow,
        onBatch: (e) => {
          seen.push(e.ahead);
          if (e.batch === 2) allow = false; // batch 3 is on its way already; batch 4 is not sent with it
        },
      });
      model.dispose();
      optimizer.dispose();
      return seen;
    });
    expect(s).toEqual([true, true, false, false, false, false, false]);
  });

  it('is used on the GPU backends only, where a step runs after it is sent', () => {
    expect(['webgpu', 'webgl', 'cpu', 'wasm'].map((b) => overlapsBatches({ getBackend: () => b }))).toEqual([true, true, false, false]);
  });

  it('reports a divergence at the batch that diverged and leaves the batch sent ahead behind no tensor', async () => {
    const model = buildCnn(tf, SMALL);
    const optimizer = createOptimizer(tf);
    const { xs, ys } = makeBatch(tf, train, [0, 1]);
    await trainStep(tf, model, optimizer, xs, ys);
    tf.dispose([xs, ys]);
    const settled = tf.memory().numTensors;
    const error = await trainEpoch(tf, model, optimizer, firstN(train, 200), {
      epoch: 0, batchSize: 32, seed: 1, lookAhead: () => true,
      beforeBatch: (b) => {
        if (b !== 3) return;
        for (const w of model.weights) {
          const nan = tf.fill(w.shape as number[], NaN);
          w.write(nan);
          nan.dispose();
        }
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DivergedError);
    expect((error as DivergedError).batch).toBe(3);
    expect(tf.memory().numTensors).toBe(settled);
    model.dispose();
    optimizer.dispose();
  });
});
