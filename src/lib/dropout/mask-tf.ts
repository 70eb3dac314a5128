/**
 * Dropout applied with TensorFlow.js: the same mask and factor as the reference in mask.ts,
 * output = values · mask · scale, computed on the page's backend and read back once. tfjs is passed
 * in (from useTf() in the page, the cpu backend in the unit tests); every tensor is freed.
 */
import type { Tf } from '../tf-runtime.ts';

export async function applyDropoutTf(tf: Tf, values: ArrayLike<number>, mask: ArrayLike<number>, scale: number): Promise<Float32Array> {
  const out = tf.tidy(() => tf.mul(tf.mul(tf.tensor1d(Array.from(values)), tf.tensor1d(Array.from(mask))), tf.scalar(scale)));
  const data = await out.data();
  out.dispose();
  return Float32Array.from(data);
}
