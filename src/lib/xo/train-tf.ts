/**
 * The ○/× network in TensorFlow.js: the forward pass and plain gradient descent, for the
 * training demo of lesson 1-4. tfjs is passed in (`loadTf()` in the page, the cpu backend in the
 * unit tests), never imported here. Every tensor is made inside `tf.tidy` or disposed by
 * `dispose()`; the tests check the count returns to where it was.
 */
import type { Tf } from '../tf-runtime.ts';
import type * as TF from '@tensorflow/tfjs';
import { HIDDEN, INPUTS, OUTPUTS, unflatten, type Example, type XoParams } from './network.ts';

/** Weights in tfjs layout: w1 [INPUTS, HIDDEN] (column j = neuron j), w2 [HIDDEN, OUTPUTS]. */
function transpose(v: readonly number[], rows: number, cols: number): number[] {
  return Array.from({ length: rows * cols }, (_, n) => v[(n % rows) * cols + Math.floor(n / rows)] ?? 0);
}

/** Degrees σ(z) [N, OUTPUTS] for pictures xs [N, INPUTS]. */
function degrees(tf: Tf, xs: TF.Tensor2D, w1: TF.Tensor, t1: TF.Tensor, w2: TF.Tensor, t2: TF.Tensor): TF.Tensor2D {
  const y = tf.sigmoid(tf.sub(tf.matMul(xs, w1 as TF.Tensor2D), t1));
  return tf.sigmoid<TF.Tensor2D>(tf.sub(tf.matMul(y, w2 as TF.Tensor2D), t2));
}

/** The forward pass of many pictures with tfjs: degrees (○, ×) per picture. */
export async function forwardTf(tf: Tf, p: XoParams, pictures: readonly (readonly number[])[]): Promise<number[][]> {
  const out = tf.tidy(() =>
    degrees(
      tf,
      tf.tensor2d(pictures.flat(), [pictures.length, INPUTS]),
      tf.tensor2d(transpose(p.w1, HIDDEN, INPUTS), [INPUTS, HIDDEN]),
      tf.tensor1d([...p.t1]),
      tf.tensor2d(transpose(p.w2, OUTPUTS, HIDDEN), [HIDDEN, OUTPUTS]),
      tf.tensor1d([...p.t2]),
    ),
  );
  const flat = Array.from(await out.data());
  out.dispose();
  return pictures.map((_, n) => flat.slice(n * OUTPUTS, (n + 1) * OUTPUTS));
}

export interface Chunk {
  /** The loss after each step of the chunk. */
  readonly losses: readonly number[];
  /** The parameters after the last step. */
  readonly params: XoParams;
}

export interface XoTrainer {
  /** Runs `steps` gradient steps with `rate` and reads back each step's loss and the final parameters. */
  run(steps: number, rate: number): Promise<Chunk>;
  /** Puts parameters back (the last good ones, after a diverging chunk). */
  set(p: XoParams): void;
  /** Frees every tensor the trainer holds. */
  dispose(): void;
}

/**
 * A trainer over the whole data set (full-batch gradient descent on the loss of network.ts:
 * squared differences of the degrees, summed over outputs, averaged over examples).
 */
export function createXoTrainer(tf: Tf, start: XoParams, data: readonly Example[]): XoTrainer {
  const xs = tf.tensor2d(data.flatMap((e) => [...e.x]), [data.length, INPUTS]);
  const ts = tf.tensor2d(data.flatMap((e) => [...e.target]), [data.length, OUTPUTS]);
  // tidy frees the zeros; the variables stay (tidy never disposes a variable).
  const zeros = (shape: number[]) => tf.tidy(() => tf.variable(tf.zeros(shape)));
  const w1 = zeros([INPUTS, HIDDEN]);
  const t1 = zeros([HIDDEN]);
  const w2 = zeros([HIDDEN, OUTPUTS]);
  const t2 = zeros([OUTPUTS]);
  const vars = [w1, t1, w2, t2] as const;

  const set = (p: XoParams) => {
    tf.tidy(() => {
      w1.assign(tf.tensor2d(transpose(p.w1, HIDDEN, INPUTS), [INPUTS, HIDDEN]));
      t1.assign(tf.tensor1d([...p.t1]));
      w2.assign(tf.tensor2d(transpose(p.w2, OUTPUTS, HIDDEN), [HIDDEN, OUTPUTS]));
      t2.assign(tf.tensor1d([...p.t2]));
    });
  };
  set(start);

  const lossOf = (a: TF.Tensor, b: TF.Tensor, c: TF.Tensor, d: TF.Tensor) =>
    tf.div<TF.Scalar>(tf.sum(tf.square(tf.sub(degrees(tf, xs, a, b, c, d), ts))), data.length);
  const grads = tf.grads((a, b, c, d) => lossOf(a, b, c, d));

  return {
    async run(steps, rate) {
      const lossesT = tf.tidy(() => {
        const ls: TF.Scalar[] = [];
        for (let s = 0; s < steps; s++) {
          const g = grads([w1, t1, w2, t2]);
          vars.forEach((v, i) => {
            v.assign(tf.sub(v, tf.mul(g[i] as TF.Tensor, rate)));
          });
          ls.push(lossOf(w1, t1, w2, t2));
        }
        return tf.stack(ls);
      });
      const [losses, a, b, c, d] = await Promise.all([lossesT.data(), w1.data(), t1.data(), w2.data(), t2.data()]);
      lossesT.dispose();
      return {
        losses: Array.from(losses),
        params: unflatten([
          ...transpose(Array.from(a), INPUTS, HIDDEN),
          ...Array.from(b),
          ...transpose(Array.from(c), HIDDEN, OUTPUTS),
          ...Array.from(d),
        ]),
      };
    },
    set,
    dispose() {
      for (const v of [xs, ts, ...vars]) v.dispose();
    },
  };
}
