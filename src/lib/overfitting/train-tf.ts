/**
 * Training the overfitting demo's polynomial with TensorFlow.js: Adam on the mean squared error
 * over the training points, plus, when regularisation is on, an L2 penalty λ·Σw² on the weights
 * (the constant term included). The validation points are never trained on: their error is only
 * measured. tfjs is passed in (loadTf() in the page, the cpu backend in the unit tests). Every
 * tensor is made inside tf.tidy or freed by dispose().
 */
import type { Tf } from '../tf-runtime.ts';
import type * as TF from '@tensorflow/tfjs';
import { DEGREE, features, type OverfitData, type Point } from './data.ts';

/** Adam's learning rate for this small problem. */
export const LEARNING_RATE = 0.05;
/** λ of the L2 penalty when regularisation is on. */
export const L2_LAMBDA = 0.01;

export interface TrainChunk {
  /** Training and validation mean squared error after each step of the chunk. */
  readonly train: readonly number[];
  readonly validation: readonly number[];
  /** The weights after the last step (w[k] multiplies P_k(x), data.ts). */
  readonly weights: readonly number[];
}

export interface PolyTrainer {
  run(steps: number): Promise<TrainChunk>;
  dispose(): void;
}

function design(tf: Tf, points: readonly Point[], degree: number): TF.Tensor2D {
  return tf.tensor2d(points.flatMap((p) => features(p.x, degree)), [points.length, degree + 1]);
}

/**
 * A trainer that starts from all-zero weights. `lambda` 0: no regularisation. The errors it
 * reports are the plain mean squared errors (without the penalty), so runs with and without
 * regularisation are measured alike.
 */
export function createPolyTrainer(tf: Tf, data: OverfitData, lambda: number, degree = DEGREE, learningRate = LEARNING_RATE): PolyTrainer {
  const xt = design(tf, data.train, degree);
  const yt = tf.tensor2d(data.train.map((p) => p.y), [data.train.length, 1]);
  const xv = design(tf, data.validation, degree);
  const yv = tf.tensor2d(data.validation.map((p) => p.y), [data.validation.length, 1]);
  const w = tf.tidy(() => tf.variable(tf.zeros([degree + 1, 1])));
  const optimizer = tf.train.adam(learningRate);
  const mse = (x: TF.Tensor2D, y: TF.Tensor2D) => tf.mean(tf.square(tf.sub(tf.matMul(x, w), y)));
  return {
    async run(steps) {
      const errors = tf.tidy(() => {
        const tr: TF.Tensor[] = [];
        const va: TF.Tensor[] = [];
        for (let s = 0; s < steps; s++) {
          optimizer.minimize(() => {
            const fit = mse(xt, yt);
            return (lambda > 0 ? tf.add(fit, tf.mul(lambda, tf.sum(tf.square(w)))) : fit) as TF.Scalar;
          }, false, [w]);
          tr.push(mse(xt, yt));
          va.push(mse(xv, yv));
        }
        return tf.stack([tf.stack(tr), tf.stack(va)]);
      });
      const [values, weights] = await Promise.all([errors.data(), w.data()]);
      errors.dispose();
      const all = Array.from(values);
      return { train: all.slice(0, steps), validation: all.slice(steps), weights: Array.from(weights) };
    },
    dispose() {
      optimizer.dispose();
      for (const t of [xt, yt, xv, yv, w]) t.dispose();
    },
  };
}
