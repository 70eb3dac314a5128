/**
 * One 3×3 filter over one image with TensorFlow.js, as a Conv2D layer computes it: tf.conv2d
 * with 'valid' padding and stride 1, plus the bias, then ReLU if asked. The caller passes `tf`
 * (from loadTf()), so this module imports tfjs for types only. Every tensor is made inside
 * tf.tidy or disposed; the result is read back as plain numbers.
 */
import type { Tf } from '../tf-runtime.ts';
import { KERNEL, outputSide } from './window.ts';

export interface ConvInput {
  /** size×size values, row by row (the digit's pixels in 0..1). */
  readonly image: ArrayLike<number>;
  readonly size: number;
  /** 3×3 weights, row by row. */
  readonly kernel: ArrayLike<number>;
  readonly bias: number;
  readonly relu: boolean;
}

/** The (size−2)×(size−2) output, row by row. */
export async function convolveTf(tf: Tf, input: ConvInput): Promise<Float32Array> {
  const { image, size, kernel, bias, relu } = input;
  if (image.length !== size * size) throw new Error(`a ${size}×${size} image needs ${size * size} values, got ${image.length}`);
  if (kernel.length !== KERNEL * KERNEL) throw new Error(`a ${KERNEL}×${KERNEL} kernel needs ${KERNEL * KERNEL} values, got ${kernel.length}`);
  const out = tf.tidy(() => {
    // [batch, height, width, channels] and [height, width, in, out], as Keras lays them out.
    const x = tf.tensor4d(Float32Array.from(image), [1, size, size, 1]);
    const w = tf.tensor4d(Float32Array.from(kernel), [KERNEL, KERNEL, 1, 1]);
    const u = tf.add(tf.conv2d(x, w, 1, 'valid'), tf.scalar(bias));
    return relu ? tf.relu(u) : u;
  });
  try {
    const values = (await out.data()) as Float32Array;
    const side = outputSide(size);
    if (values.length !== side * side) throw new Error(`expected ${side * side} outputs, got ${values.length}`);
    return Float32Array.from(values);
  } finally {
    out.dispose();
  }
}
