/**
 * The self-check exercises at the end of each lesson (issue #15, item 2): two to four short
 * questions per lesson, multiple choice or a number, each with an explanation shown after
 * answering. Pure data: the bank is src/lib/exercises/bank.ts, the grading grade.ts.
 */

/** The lessons in course order: the file names of content/lessons/*.mdx (and content/en/lessons). */
export const LESSON_SLUGS = [
  'regression',
  'perceptron',
  'activations',
  'network',
  'learning',
  'colab-mnist',
  'program',
  'cnn',
  'convolution',
  'pooling',
  'flatten',
  'dropout',
  'dense-softmax',
  'compile',
  'gradient-descent',
  'training',
  'evaluate',
  'draw',
] as const;

export type LessonSlug = (typeof LESSON_SLUGS)[number];

/**
 * A text in both editions. Plain text with Unicode symbols (×, ², θ, σ, −), no TeX; the Japanese
 * follows content/AUTHORING.md ("Voice and terms"), the English uses the English edition's terms.
 */
export interface Text {
  readonly ja: string;
  readonly en: string;
}

/** A multiple-choice question: three or four options, one right. */
export interface Choice {
  readonly kind: 'choice';
  /** Stable and unique across the bank: `<lesson slug>.<name>`, e.g. `cnn.conv2-params`. */
  readonly id: string;
  readonly prompt: Text;
  readonly options: readonly Text[];
  /** Index of the right option in `options`. */
  readonly correct: number;
  /** Why the right answer is right, shown after answering. */
  readonly explanation: Text;
}

/** A question answered with a number, right when within `tolerance` of `answer`. */
export interface NumberQuestion {
  readonly kind: 'number';
  /** Stable and unique across the bank: `<lesson slug>.<name>`. */
  readonly id: string;
  readonly prompt: Text;
  /** The right answer, computed by the course's code (never typed in). */
  readonly answer: number;
  /** Absolute tolerance: 0 for exact integers; for decimals, as the prompt's precision allows. */
  readonly tolerance: number;
  /** What the number counts, shown after the input field (「個」, "parameters"). */
  readonly unit?: Text;
  readonly explanation: Text;
}

export type Question = Choice | NumberQuestion;
