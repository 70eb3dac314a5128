import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { DECK_CNN, summarize, totalParams, convOutputSize, poolOutputSize } from '../../src/lib/cnn-architecture.ts';
import { buildCnn } from '../../src/lib/cnn-model.ts';
import { summarizeModel } from '../../src/lib/model-summary.ts';

describe('the deck CNN summary arithmetic', () => {
  it('gives the shapes and parameter counts of model.summary()', () => {
    expect(summarize(DECK_CNN).map((l) => [l.name, l.outputShape.join('x'), l.params])).toEqual([
      ['conv2d', '26x26x32', 320],
      ['max_pooling2d', '13x13x32', 0],
      ['conv2d_1', '11x11x64', 18496],
      ['max_pooling2d_1', '5x5x64', 0],
      ['flatten', '1600', 0],
      ['dropout', '1600', 0],
      ['dense', '10', 16010],
    ]);
    expect(totalParams(DECK_CNN)).toBe(34826);
  });

  it('drops the odd last row when pooling', () => {
    expect(poolOutputSize(26, 2)).toBe(13);
    expect(poolOutputSize(11, 2)).toBe(5);
    expect(convOutputSize(28, 3)).toBe(26);
  });

  it('agrees with the live tfjs model layer by layer', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const model = buildCnn(tf, DECK_CNN);
    const expected = summarize(DECK_CNN);
    expect(model.layers.map((l) => l.countParams())).toEqual(expected.map((l) => l.params));
    expect(model.layers.map((l) => (l.outputShape as (number | null)[]).slice(1))).toEqual(expected.map((l) => [...l.outputShape]));
    expect(model.countParams()).toBe(totalParams(DECK_CNN));
    const live = summarizeModel(model);
    expect(live.rows.map((r) => [r.type, r.outputShape, r.params])).toEqual([
      ['Conv2D', '(None, 26, 26, 32)', 320],
      ['MaxPooling2D', '(None, 13, 13, 32)', 0],
      ['Conv2D', '(None, 11, 11, 64)', 18496],
      ['MaxPooling2D', '(None, 5, 5, 64)', 0],
      ['Flatten', '(None, 1600)', 0],
      ['Dropout', '(None, 1600)', 0],
      ['Dense', '(None, 10)', 16010],
    ]);
    expect(live.total).toBe(34826);
    expect(live.trainable).toBe(34826);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
