/**
 * The three optimisers of lesson 3-9 run by TensorFlow.js itself: tf.train.sgd, tf.train.momentum
 * and tf.train.adam minimising the bowl's loss of a tf.variable (x, y). The caller passes `tf`
 * (from loadTf()), so this module imports tfjs for types only. Every tensor is made inside
 * tf.tidy or disposed, the optimiser's own variables too.
 */
import type { Tf } from '../tf-runtime.ts';
import { ADAM, MOMENTUM, type Optimiser, type Path, type Point2, type Surface } from './surface.ts';

type Scalar = ReturnType<Tf['scalar']>;
type Tensor = ReturnType<Tf['tensor1d']>;

function makeOptimiser(tf: Tf, kind: Optimiser, lr: number) {
  if (kind === 'sgd') return tf.train.sgd(lr);
  if (kind === 'momentum') return tf.train.momentum(lr, MOMENTUM);
  return tf.train.adam(lr, ADAM.beta1, ADAM.beta2, ADAM.epsilon);
}

export interface TfPath {
  readonly path: Path;
  /** The loss at each point of the path. */
  readonly losses: readonly number[];
}

/** `steps` steps of `kind` from `start` with learning rate `lr`, read back once. */
export async function optimiserPathTf(tf: Tf, kind: Optimiser, s: Surface, start: Point2, lr: number, steps: number): Promise<TfPath> {
  const weights = tf.tensor1d([s.cx, s.cy]);
  const half = tf.scalar(0.5);
  // The variable keeps the data; tidy releases the tensor it was made from.
  const position = tf.tidy(() => tf.variable(tf.tensor1d([start.x, start.y]), true, undefined, 'float32'));
  const optimiser = makeOptimiser(tf, kind, lr);
  const lossOf = (p: Tensor): Scalar => tf.mul(half, tf.sum(tf.mul(weights, tf.square(p))));
  const visited: Tensor[] = [tf.clone(position)];
  let packed: ReturnType<Tf['tensor']> | undefined;
  try {
    for (let i = 0; i < steps; i++) {
      optimiser.minimize(() => lossOf(position), false, [position]);
      visited.push(tf.clone(position));
    }
    const flat = tf.tidy(() => {
      const points = tf.stack(visited);
      const losses = tf.mul(half, tf.sum(tf.mul(weights, tf.square(points)), 1));
      return tf.concat([tf.reshape(points, [-1]), losses]);
    });
    packed = flat;
    const values = await flat.data();
    const n = steps + 1;
    const path: Point2[] = [];
    for (let i = 0; i < n; i++) path.push({ x: values[2 * i] ?? NaN, y: values[2 * i + 1] ?? NaN });
    return { path, losses: Array.from(values.subarray(2 * n, 3 * n)) };
  } finally {
    packed?.dispose();
    for (const v of visited) v.dispose();
    optimiser.dispose();
    // tfjs's MomentumOptimizer.dispose() forgets the learning-rate scalar its parent SGD made
    // (`c`): released here, or every momentum run would leave one tensor behind.
    if (kind === 'momentum') (optimiser as unknown as { c?: { dispose(): void; isDisposed?: boolean } }).c?.dispose();
    position.dispose();
    weights.dispose();
    half.dispose();
  }
}

/** The three paths from the same start, one after the other. */
export async function allPathsTf(tf: Tf, s: Surface, start: Point2, lr: number, steps: number, kinds: readonly Optimiser[]): Promise<Readonly<Record<Optimiser, TfPath>>> {
  const out: Partial<Record<Optimiser, TfPath>> = {};
  for (const k of kinds) out[k] = await optimiserPathTf(tf, k, s, start, lr, steps);
  return out as Record<Optimiser, TfPath>;
}
