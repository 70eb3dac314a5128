/**
 * Builds the tfjs model from the plain spec in cnn-architecture.ts, so every demo, the worker
 * and the lessons' figures share one definition.
 */
import type { Tf } from './tf-runtime.ts';
import type { CnnSpec } from './cnn-architecture.ts';
import type { LayersModel } from '@tensorflow/tfjs';

// #region deck:build
export function buildCnn(tf: Tf, spec: CnnSpec): LayersModel {
  const model = tf.sequential();
  spec.layers.forEach((layer, i) => {
    const first = i === 0 ? { inputShape: [...spec.inputShape] } : {};
    switch (layer.kind) {
      case 'conv2d':
        model.add(tf.layers.conv2d({ ...first, filters: layer.filters, kernelSize: layer.kernelSize, activation: layer.activation }));
        break;
      case 'maxPooling2d':
        model.add(tf.layers.maxPooling2d({ ...first, poolSize: layer.poolSize }));
        break;
      case 'flatten':
        model.add(tf.layers.flatten(first));
        break;
      case 'dropout':
        model.add(tf.layers.dropout({ ...first, rate: layer.rate }));
        break;
      case 'dense':
        model.add(tf.layers.dense({ ...first, units: layer.units, activation: layer.activation }));
        break;
    }
  });
  return model;
}
// #endregion deck:build
