/**
 * Softmax computed by TensorFlow.js (tf.softmax), as the CNN's last layer computes it. The caller
 * passes `tf` (from loadTf()), so this module imports tfjs for types only; the tensors are made
 * inside tf.tidy and the result is disposed once read.
 */
import type { Tf } from '../tf-runtime.ts';

/** softmax(logits) on the tfjs backend, read back as a Float32Array. */
export async function softmaxTf(tf: Tf, logits: readonly number[]): Promise<Float32Array> {
  const out = tf.tidy(() => tf.softmax(tf.tensor1d(logits.slice())));
  try {
    return (await out.data()) as Float32Array;
  } finally {
    out.dispose();
  }
}
