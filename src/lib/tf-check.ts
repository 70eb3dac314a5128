import type { Tf } from './tf-runtime.ts';

/** σ(x) for each input, computed on the active tfjs backend; leaves no tensor behind. */
export async function sigmoidTable(tf: Tf, xs: readonly number[]): Promise<number[]> {
  const y = tf.tidy(() => tf.sigmoid(tf.tensor1d([...xs])));
  try {
    return Array.from(await y.data());
  } finally {
    y.dispose();
  }
}
