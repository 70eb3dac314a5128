import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { deleteCheckpoint, loadCheckpoint, saveCheckpoint } from '../../src/lib/storage/checkpoint-store.ts';
import type { Checkpoint } from '../../src/lib/training/checkpoint.ts';

const ckpt = (epochs: number): Checkpoint => ({
  format: 'cnn-course-checkpoint',
  version: 1,
  config: { batchSize: 128, epochs: 15, validationSplit: 0.1, seed: 1, trainLimit: null },
  completedEpochs: epochs,
  history: [{ epoch: 0, loss: 0.3, accuracy: 0.9, valLoss: 0.1, valAccuracy: 0.97, seconds: 100 }],
  weights: [{ name: 'conv2d/kernel', shape: [2, 2], data: Float32Array.from([1, 2, 3, 4]) }],
  optimizer: [{ name: 'iter', shape: [], data: Float32Array.from([422]) }],
  backend: 'webgl',
  savedAt: '2026-11-29T00:00:00.000Z',
});

describe('checkpoint store (IndexedDB)', () => {
  it('round-trips checkpoints per slot, typed arrays intact', async () => {
    const idb = new IDBFactory();
    expect(await loadCheckpoint('run', idb)).toBeNull();
    await saveCheckpoint('run', ckpt(1), idb);
    await saveCheckpoint('run', ckpt(2), idb);
    await saveCheckpoint('trained', ckpt(15), idb);
    const run = await loadCheckpoint('run', idb);
    expect(run?.completedEpochs).toBe(2);
    expect(run?.weights[0]?.data).toBeInstanceOf(Float32Array);
    expect([...(run?.weights[0]?.data ?? [])]).toEqual([1, 2, 3, 4]);
    expect((await loadCheckpoint('trained', idb))?.completedEpochs).toBe(15);
    await deleteCheckpoint('run', idb);
    expect(await loadCheckpoint('run', idb)).toBeNull();
    expect(await loadCheckpoint('trained', idb)).not.toBeNull();
  });
});
