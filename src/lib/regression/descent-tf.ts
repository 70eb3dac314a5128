/**
 * Gradient descent on Q_t with TensorFlow.js: the loss is written as tensors and tfjs's
 * automatic differentiation gives ∂Q_t/∂a and ∂Q_t/∂b. The caller passes `tf` (from loadTf()),
 * so this module imports tfjs for types only. Every tensor is made inside tf.tidy or disposed.
 */
import type { Tf } from '../tf-runtime.ts';
import type { DescentResult, Point } from './fit.ts';

type Tensor1D = ReturnType<Tf['tensor1d']>;
type Scalar = ReturnType<Tf['scalar']>;

/** The data as two tensors, made once per learning run; dispose() when the run ends. */
export interface TfData {
  readonly xs: Tensor1D;
  readonly ys: Tensor1D;
  dispose(): void;
}

export function makeTfData(tf: Tf, points: readonly Point[]): TfData {
  const xs = tf.tensor1d(points.map((p) => p.x));
  const ys = tf.tensor1d(points.map((p) => p.y));
  return {
    xs,
    ys,
    dispose() {
      xs.dispose();
      ys.dispose();
    },
  };
}

/**
 * `steps` steps from (a, b) with learning rate `lr`, computed on the tfjs backend and read back
 * once: the new a and b, and Q_t before each step and after the last (steps + 1 values).
 */
export async function descendTf(tf: Tf, data: TfData, a0: number, b0: number, lr: number, steps: number): Promise<DescentResult> {
  const packed = tf.tidy(() => {
    const { xs, ys } = data;
    const loss = (a: Scalar, b: Scalar): Scalar => tf.sum(tf.square(tf.sub(ys, tf.add(tf.mul(xs, a), b))));
    const valueAndGrads = tf.valueAndGrads((a, b) => loss(a as Scalar, b as Scalar));
    const rate = tf.scalar(lr);
    let a: Scalar = tf.scalar(a0);
    let b: Scalar = tf.scalar(b0);
    const losses: Scalar[] = [];
    for (let i = 0; i < steps; i++) {
      const { value, grads } = valueAndGrads([a, b]);
      const [ga, gb] = grads as [Scalar, Scalar];
      losses.push(value);
      a = tf.sub(a, tf.mul(rate, ga));
      b = tf.sub(b, tf.mul(rate, gb));
    }
    losses.push(loss(a, b));
    return tf.concat([tf.stack([a, b]), tf.stack(losses)]);
  });
  const values = await packed.data();
  packed.dispose();
  const [a = NaN, b = NaN, ...losses] = Array.from(values);
  return { a, b, losses };
}
