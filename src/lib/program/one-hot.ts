/**
 * The one-hot label of lesson 3-1's step 2 (`keras.utils.to_categorical(y, 10)`): a row of
 * `classes` zeros with a 1 at the label. The same vector the training pipeline builds with
 * tf.oneHot in makeBatch (src/lib/training/train-loop.ts; tests/unit/program-one-hot.test.ts
 * checks the two agree for every digit). Pure: no tfjs.
 */
import { MNIST } from '../mnist-spec.ts';

/** The digits 0–9 (train-loop.ts's CLASSES is the same constant). */
export const CLASSES = MNIST.classes;

/** `label` (a whole number in 0..classes−1) as a one-hot row; throws for anything else. */
export function oneHot(label: number, classes: number = CLASSES): number[] {
  if (!Number.isInteger(classes) || classes < 1) throw new RangeError(`invalid class count: ${classes}`);
  if (!Number.isInteger(label) || label < 0 || label >= classes) throw new RangeError(`label ${label} is not in 0–${classes - 1}`);
  return Array.from({ length: classes }, (_, k) => (k === label ? 1 : 0));
}
