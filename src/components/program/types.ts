import type { StepId } from '../../lib/program/steps.ts';

/** A lesson a step links to, resolved at build time. */
export interface LessonLink {
  readonly slug: string;
  readonly href: string;
  readonly number: string;
  readonly title: string;
}

/** One step as the island shows it: code already highlighted at build time. */
export interface StepView {
  readonly id: StepId;
  readonly pythonHtml: string;
  readonly code: readonly { readonly file: string; readonly html: string }[];
  readonly lessons: readonly LessonLink[];
}

/** Numbers the explanations quote, as the lessons' Facts print them. */
export interface StepNumbers {
  readonly maxPixel: string;
  readonly side: string;
  readonly classes: string;
  readonly totalParams: string;
}
