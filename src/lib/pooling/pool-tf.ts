/**
 * 2×2 max pooling, stride 2, 'valid' padding (Keras's MaxPooling2D(pool_size=(2, 2))), computed
 * with TensorFlow.js's tf.maxPool. The caller passes `tf` (from loadTf()), so this module imports
 * tfjs for types only. Every tensor is made inside tf.tidy or disposed.
 */
import type { Tf } from '../tf-runtime.ts';
import { POOL, pooledSide } from './blocks.ts';

/** Feature maps, channels last: data[(r·width + c)·channels + k]. */
export interface Maps {
  readonly data: ArrayLike<number>;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
}

export interface PooledMaps extends Maps {
  readonly data: Float32Array;
}

/** The max pooling of `maps` (an odd side loses its last row/column), read back once. */
export async function maxPoolTf(tf: Tf, maps: Maps): Promise<PooledMaps> {
  const { height, width, channels } = maps;
  if (maps.data.length !== height * width * channels) throw new Error(`maxPoolTf: ${maps.data.length} values for ${height}×${width}×${channels}`);
  const pooled = tf.tidy(() => tf.maxPool(tf.tensor4d(Float32Array.from(maps.data), [1, height, width, channels]), POOL, POOL, 'valid'));
  const data = await pooled.data();
  pooled.dispose();
  return { data: Float32Array.from(data), height: pooledSide(height), width: pooledSide(width), channels };
}
