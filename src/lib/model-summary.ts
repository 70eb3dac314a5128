/**
 * `model.summary()` as data, read from a live tfjs model: what the lessons' architecture table
 * shows, so the numbers on the page are the ones the model itself reports.
 */
import type { LayersModel } from '@tensorflow/tfjs';

export interface SummaryRow {
  readonly name: string;
  /** Keras's class name: Conv2D, MaxPooling2D, Flatten, Dropout, Dense. */
  readonly type: string;
  /** Output shape as Keras prints it: (None, 26, 26, 32). */
  readonly outputShape: string;
  readonly shape: readonly number[];
  readonly params: number;
}

export interface ModelSummary {
  readonly rows: readonly SummaryRow[];
  readonly total: number;
  readonly trainable: number;
}

// #region deck:summary
export function summarizeModel(model: LayersModel): ModelSummary {
  const rows = model.layers.map((layer) => {
    const shape = (layer.outputShape as (number | null)[]).slice(1).map((d) => d ?? 0);
    return {
      name: layer.name,
      type: layer.getClassName(),
      outputShape: `(None, ${shape.join(', ')})`,
      shape,
      params: layer.countParams(),
    };
  });
  const trainable = model.trainableWeights.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? 0), 1), 0);
  return { rows, total: rows.reduce((n, r) => n + r.params, 0), trainable };
}
// #endregion deck:summary
