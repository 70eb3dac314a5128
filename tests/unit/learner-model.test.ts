import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { saveCheckpoint } from '../../src/lib/storage/checkpoint-store.ts';
import { findLearnerModel } from '../../src/lib/storage/learner-model.ts';
import type { Checkpoint } from '../../src/lib/training/checkpoint.ts';

const ckpt = (epochs: number, planned: number, valAccuracy: number): Checkpoint => ({
  format: 'cnn-course-checkpoint',
  version: 1,
  config: { batchSize: 128, epochs: planned, validationSplit: 0.1, seed: 1, trainLimit: null },
  completedEpochs: epochs,
  history: [{ epoch: epochs - 1, loss: 0.3, accuracy: 0.9, valLoss: 0.1, valAccuracy, seconds: 100 }],
  weights: [{ name: 'conv2d/kernel', shape: [2, 2], data: Float32Array.from([1, 2, 3, 4]) }],
  optimizer: [],
  backend: 'webgl',
  savedAt: '2026-11-29T00:00:00.000Z',
});

describe("the learner's model", () => {
  it('is none in a fresh browser', async () => {
    expect(await findLearnerModel(new IDBFactory())).toBeNull();
  });

  it('is the latest saved epoch of a run that stopped part way, said to be so', async () => {
    const idb = new IDBFactory();
    await saveCheckpoint('run', ckpt(1, 15, 0.97), idb);
    const m = await findLearnerModel(idb);
    expect(m?.info).toMatchObject({ finished: false, epochs: 1, planned: 15, valAccuracy: 0.97 });
  });

  it('is the finished run when there is one, even while a newer run is under way', async () => {
    const idb = new IDBFactory();
    await saveCheckpoint('trained', ckpt(3, 3, 0.985), idb);
    await saveCheckpoint('run', ckpt(1, 15, 0.97), idb);
    const m = await findLearnerModel(idb);
    expect(m?.info).toMatchObject({ finished: true, epochs: 3, planned: 3, valAccuracy: 0.985 });
    expect(m?.checkpoint.completedEpochs).toBe(3);
  });

  it('skips a stored value that is not one of our checkpoints', async () => {
    const idb = new IDBFactory();
    await saveCheckpoint('trained', { ...ckpt(3, 3, 0.9), format: 'something-else' } as unknown as Checkpoint, idb);
    await saveCheckpoint('run', ckpt(2, 15, 0.96), idb);
    expect((await findLearnerModel(idb))?.info.finished).toBe(false);
  });
});
