/**
 * What the MNIST data set is, as the idx files describe it. The data script checks the real
 * files against these numbers, so a lesson quoting them states what the data really holds.
 */
export const MNIST = {
  trainCount: 60_000,
  testCount: 10_000,
  rows: 28,
  cols: 28,
  classes: 10,
  maxPixel: 255,
  /** Training images per digit 0–9, counted from train-labels-idx1-ubyte. */
  trainClassCounts: [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949],
} as const;

export const MNIST_PIXELS = MNIST.rows * MNIST.cols;

/** MNIST's digits were scaled to fit a 20×20 box, then centred by mass in the 28×28 frame. */
export const MNIST_DIGIT_BOX = 20;

/**
 * Test images per digit in the small sample set (scripts/prepare-mnist.ts): the explorer's quick
 * view and the fixed MNIST sample a fine-tune on the learner's handwriting is scored on.
 */
export const MNIST_SAMPLE_PER_CLASS = 100;
