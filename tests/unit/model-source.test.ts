import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { buildCnn } from '../../src/lib/cnn-model.ts';
import { DECK_CNN, type CnnSpec } from '../../src/lib/cnn-architecture.ts';
import { checkSpecs, loadModel, parseModelJson } from '../../src/lib/model/load.ts';
import { modelToFiles, pickModelFiles } from '../../src/lib/model/files.ts';
import { ModelError, defaultSource, fetchTrainingRecord, modelErrorCode, parseTrainingRecord, pretrainedSource, transferableCopy, type ModelSource } from '../../src/lib/model/source.ts';
import { captureCheckpoint } from '../../src/lib/training/checkpoint.ts';
import { createOptimizer } from '../../src/lib/training/train-loop.ts';
import type { LearnerModel } from '../../src/lib/storage/learner-model.ts';

/** The deck CNN with 16 filters instead of 32: same layer kinds, other shapes. */
const NARROW: CnnSpec = { ...DECK_CNN, layers: DECK_CNN.layers.map((l) => (l.kind === 'conv2d' && l.filters === 32 ? { ...l, filters: 16 } : l)) };
/** One convolution fewer: another architecture. */
const SHALLOW: CnnSpec = { ...DECK_CNN, layers: DECK_CNN.layers.slice(2) };

async function filesOf(spec: CnnSpec, poison = false) {
  const model = buildCnn(tf, spec);
  if (poison) {
    const w = model.weights[0];
    if (w) tf.tidy(() => { w.write(tf.fill(w.shape as number[], NaN)); });
  }
  const files = await modelToFiles(tf, model);
  model.dispose();
  return { modelJson: new TextEncoder().encode(JSON.stringify(files.modelJson)).buffer, weights: files.weights };
}

/** A fetch that serves model.json and weights.bin from memory, and 404 for anything else. */
function memoryFetch(files: { modelJson: ArrayBuffer; weights: ArrayBuffer }): typeof fetch {
  return (input) => {
    const url = String(input instanceof Request ? input.url : input);
    const body = url.endsWith('model.json') ? files.modelJson : url.endsWith('weights.bin') ? files.weights : null;
    return Promise.resolve(body ? new Response(body) : new Response('missing', { status: 404 }));
  };
}

async function refusal(source: ModelSource, fetcher?: typeof fetch): Promise<string> {
  const before = tf.memory().numTensors;
  try {
    const m = await loadModel(tf, source, fetcher ? { fetcher } : {});
    m.dispose();
    return 'loaded';
  } catch (e) {
    // A refused model leaves nothing behind.
    expect(tf.memory().numTensors).toBe(before);
    expect(e).toBeInstanceOf(ModelError);
    return modelErrorCode(e);
  }
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the model source', () => {
  it("starts with the learner's model when there is one, else the shipped one", () => {
    const pretrained = pretrainedSource('/course/', 'http://127.0.0.1:4330/course/lessons/draw/');
    expect(pretrained).toEqual({ kind: 'pretrained', url: 'http://127.0.0.1:4330/course/models/pretrained/model.json' });
    expect(defaultSource(null, pretrained)).toBe(pretrained);
    const learner = { checkpoint: { completedEpochs: 1 }, info: {} } as unknown as LearnerModel;
    expect(defaultSource(learner, pretrained)).toEqual({ kind: 'learner', checkpoint: learner.checkpoint });
  });

  it('copies imported bytes before they are transferred, so the island keeps its own', () => {
    const src: ModelSource = { kind: 'imported', modelJson: new ArrayBuffer(4), weights: new ArrayBuffer(8) };
    const { source, transfer } = transferableCopy(src);
    expect(transfer).toHaveLength(2);
    expect(source).not.toBe(src);
    expect(transfer[0]).not.toBe(src.modelJson);
    expect(transferableCopy({ kind: 'pretrained', url: 'x' }).transfer).toEqual([]);
  });

  it('reads the training record, and nothing that is not one', async () => {
    const good = { epochs: 12, data: { train: 54000, validation: 6000, test: 10000 }, backend: 'webgl', testAccuracy: 0.9912, extra: true };
    expect(parseTrainingRecord(good)).toEqual({ epochs: 12, data: { train: 54000, validation: 6000, test: 10000 }, backend: 'webgl', testAccuracy: 0.9912 });
    for (const bad of [null, 'x', { ...good, data: null }, { ...good, epochs: -1 }, { ...good, testAccuracy: 99.1 }, { ...good, data: { train: 1, validation: 2 } }]) {
      expect(parseTrainingRecord(bad)).toBeNull();
    }
    const served = (body: string, status = 200): typeof fetch => () => Promise.resolve(new Response(body, { status }));
    expect(await fetchTrainingRecord('/', served(JSON.stringify(good)))).toMatchObject({ epochs: 12 });
    expect(await fetchTrainingRecord('/', served('{', 200))).toBeNull();
    expect(await fetchTrainingRecord('/', served('', 404))).toBeNull();
    expect(await fetchTrainingRecord('/', () => Promise.reject(new TypeError('offline')))).toBeNull();
  });

  it('pairs a model.json with its weights file, and nothing else', () => {
    const f = (name: string) => ({ name });
    expect(pickModelFiles([f('weights.bin'), f('model.json')])).toEqual({ json: f('model.json'), weights: f('weights.bin') });
    expect(pickModelFiles([f('model.json')])).toBeNull();
    expect(pickModelFiles([f('a.json'), f('b.json')])).toBeNull();
    expect(pickModelFiles([f('a.json'), f('b.bin'), f('c.bin')])).toBeNull();
  });
});

describe('loading and verifying a model', () => {
  it('loads the deck CNN from files, from a URL and from a checkpoint', async () => {
    const files = await filesOf(DECK_CNN);
    const before = tf.memory().numTensors;
    const imported = await loadModel(tf, { kind: 'imported', ...files });
    expect(imported.layers).toHaveLength(DECK_CNN.layers.length);
    imported.dispose();
    const fetched = await loadModel(tf, { kind: 'pretrained', url: 'http://127.0.0.1/models/pretrained/model.json' }, { fetcher: memoryFetch(files) });
    fetched.dispose();

    const trained = buildCnn(tf, DECK_CNN);
    const optimizer = createOptimizer(tf);
    const checkpoint = await captureCheckpoint(tf, trained, optimizer, { config: { batchSize: 128, epochs: 1, validationSplit: 0.1, seed: 1, trainLimit: null }, completedEpochs: 1, history: [] });
    const restored = await loadModel(tf, { kind: 'learner', checkpoint });
    const a = (await restored.weights[0]?.read().data()) ?? [];
    const b = (await trained.weights[0]?.read().data()) ?? [];
    expect(Array.from(a)).toEqual(Array.from(b));
    restored.dispose();
    trained.dispose();
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses another architecture, other weight shapes and NaN weights, leaving no tensor', async () => {
    expect(await refusal({ kind: 'imported', ...(await filesOf(SHALLOW)) })).toBe('shape');
    expect(await refusal({ kind: 'imported', ...(await filesOf(NARROW)) })).toBe('shape');
    expect(await refusal({ kind: 'imported', ...(await filesOf(DECK_CNN, true)) })).toBe('not-finite');
  });

  it('refuses wrong weight shapes from model.json alone, before building anything', async () => {
    const narrow = await filesOf(NARROW);
    const { weightSpecs } = parseModelJson(narrow.modelJson);
    expect(() => { checkSpecs(weightSpecs, narrow.weights.byteLength); }).toThrow(expect.objectContaining({ code: 'shape' }) as Error);
    const good = await filesOf(DECK_CNN);
    expect(() => { checkSpecs(parseModelJson(good.modelJson).weightSpecs, good.weights.byteLength); }).not.toThrow();
  });

  it('refuses files that are not a model, and a model it cannot fetch', async () => {
    const good = await filesOf(DECK_CNN);
    expect(await refusal({ kind: 'imported', modelJson: new TextEncoder().encode('not json').buffer, weights: good.weights })).toBe('not-json');
    expect(await refusal({ kind: 'imported', modelJson: new TextEncoder().encode('{"a":1}').buffer, weights: good.weights })).toBe('not-model');
    expect(await refusal({ kind: 'imported', modelJson: good.modelJson, weights: good.weights.slice(4) })).toBe('weights');
    expect(await refusal({ kind: 'pretrained', url: 'http://127.0.0.1/nowhere/model.json' }, memoryFetch({ modelJson: new ArrayBuffer(0), weights: new ArrayBuffer(0) }))).toBe('not-json');
    expect(await refusal({ kind: 'pretrained', url: 'http://127.0.0.1/gone.json' }, memoryFetch(good))).toBe('fetch');
  });

  it('refuses a checkpoint that does not fit, as a checkpoint error', async () => {
    const narrow = buildCnn(tf, NARROW);
    const optimizer = createOptimizer(tf);
    const checkpoint = await captureCheckpoint(tf, narrow, optimizer, { config: { batchSize: 128, epochs: 1, validationSplit: 0.1, seed: 1, trainLimit: null }, completedEpochs: 1, history: [] });
    narrow.dispose();
    optimizer.dispose();
    expect(await refusal({ kind: 'learner', checkpoint })).toBe('checkpoint');
    const nan = { ...checkpoint, weights: checkpoint.weights.map((w) => ({ ...w, data: new Float32Array(w.data.length).fill(NaN) })) };
    expect(await refusal({ kind: 'learner', checkpoint: nan })).toBe('checkpoint');
  });
});
