/**
 * Lesson 3-1's walk through the deck's Keras program: the seven steps in order, the Python lines
 * of each, the regions of the site's own TypeScript that do the same (cut from the real sources
 * by `// #region deck:NAME` markers at build time, see source-regions.ts) and the lessons that
 * explain the step. Also the stepper's rules (which step a key leads to). Pure: no DOM.
 */
import { extractRegion } from '../source-regions.ts';

export type StepId = 'libraries' | 'data' | 'model' | 'summary' | 'compile' | 'fit' | 'evaluate';

/** A `// #region deck:NAME` block of a source file, path from the repository root. */
export interface SourceRegion {
  readonly file: string;
  readonly region: string;
}

export interface ProgramStep {
  readonly id: StepId;
  /** The deck's Python lines for this step. */
  readonly python: string;
  /** The TypeScript the site runs for this step, in reading order. */
  readonly ts: readonly SourceRegion[];
  /** Slugs of the lessons that explain the step, the main one first. */
  readonly lessons: readonly string[];
}

const TRAIN_LOOP = 'src/lib/training/train-loop.ts';

/** The deck's program, split into its seven steps. */
export const PROGRAM_STEPS: readonly ProgramStep[] = [
  {
    id: 'libraries',
    python: `import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers`,
    ts: [{ file: 'src/lib/tf-runtime.ts', region: 'libraries' }],
    lessons: ['colab-mnist'],
  },
  {
    id: 'data',
    python: `(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()

x_train = x_train.astype("float32") / 255
x_test = x_test.astype("float32") / 255

x_train = np.expand_dims(x_train, -1)
x_test = np.expand_dims(x_test, -1)

y_train = keras.utils.to_categorical(y_train, 10)
y_test = keras.utils.to_categorical(y_test, 10)`,
    ts: [
      { file: 'src/lib/mnist/loader.ts', region: 'scale' },
      { file: TRAIN_LOOP, region: 'data' },
    ],
    lessons: ['colab-mnist'],
  },
  {
    id: 'model',
    python: `model = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Flatten(),
        layers.Dropout(0.5),
        layers.Dense(10, activation="softmax"),
    ]
)`,
    ts: [
      { file: 'src/lib/cnn-architecture.ts', region: 'model' },
      { file: 'src/lib/cnn-model.ts', region: 'build' },
    ],
    lessons: ['cnn', 'convolution', 'pooling', 'flatten', 'dropout', 'dense-softmax'],
  },
  {
    id: 'summary',
    python: `model.summary()`,
    ts: [{ file: 'src/lib/model-summary.ts', region: 'summary' }],
    lessons: ['cnn'],
  },
  {
    id: 'compile',
    python: `model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])`,
    ts: [
      { file: TRAIN_LOOP, region: 'compile' },
      { file: TRAIN_LOOP, region: 'loss' },
    ],
    lessons: ['compile', 'gradient-descent'],
  },
  {
    id: 'fit',
    python: `model.fit(x_train, y_train, batch_size=128, epochs=15, validation_split=0.1)`,
    ts: [
      { file: 'src/lib/training-plan.ts', region: 'fitconfig' },
      { file: TRAIN_LOOP, region: 'fit' },
    ],
    lessons: ['training'],
  },
  {
    id: 'evaluate',
    python: `score = model.evaluate(x_test, y_test, verbose=0)
print("Test loss:", score[0])
print("Test accuracy:", score[1])`,
    ts: [
      { file: TRAIN_LOOP, region: 'evaluate' },
      { file: TRAIN_LOOP, region: 'score' },
    ],
    lessons: ['evaluate'],
  },
];

/** Steps are numbered 1..STEP_COUNT for the learner and in the URL (?step=). */
export const STEP_COUNT = PROGRAM_STEPS.length;

/** The step a key leads to from `current` (1-based), or null for keys the stepper does not use. */
export function stepForKey(current: number, key: string, count: number = STEP_COUNT): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(current + 1, count);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(current - 1, 1);
    case 'Home':
      return 1;
    case 'End':
      return count;
    default:
      return null;
  }
}

/** One TypeScript region as shown: its file and its code. */
export interface ShownRegion {
  readonly file: string;
  readonly code: string;
}

/** One step with its TypeScript cut from the sources. */
export interface ResolvedStep extends ProgramStep {
  readonly code: readonly ShownRegion[];
}

/**
 * Cuts each step's regions from the sources: `read(file)` gives a file's text (Astro's `?raw`
 * imports at build time, the file system in the tests). Throws if a region is missing or empty,
 * so the build fails rather than show a step without its code.
 */
export function resolveSteps(read: (file: string) => string, steps: readonly ProgramStep[] = PROGRAM_STEPS): ResolvedStep[] {
  return steps.map((step) => ({
    ...step,
    code: step.ts.map(({ file, region }) => {
      const code = extractRegion(read(file), region);
      if (code.trim() === '') throw new Error(`region deck:${region} of ${file} is empty`);
      return { file, code };
    }),
  }));
}
