/**
 * Grading the self-check exercises: reading a typed number (full-width digits, thousands
 * separators), judging a response against a question, and a lesson's score. Pure: no DOM.
 */
import { normaliseNumberText, parseNumber } from '../viz/numeric.ts';
import { formatValue } from './format.ts';
import type { Choice, NumberQuestion, Question } from './types.ts';

/** Any finite number (the range a question's answer is judged in is its tolerance, not a spec). */
const ANY = { min: -Infinity, max: Infinity } as const;
/** Thousands separators in their places only: 1,234 and 12,345.5, not 1,23 or 12,34,567. */
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/u;

/**
 * The number a learner typed, or null when it is not one. Full-width digits, point, comma and
 * signs are read as their ASCII forms (「１，２３４」 → 1234), the minus sign − as -, spaces around
 * it are dropped; commas count only as thousands separators. Empty text, words, NaN, Infinity and
 * numbers too large to be finite (1e999) are null.
 */
export function parseNumberAnswer(input: string): number | null {
  const text = normaliseNumberText(input);
  const plain = GROUPED.test(text) ? text.replace(/,/gu, '') : text;
  const parsed = parseNumber(plain, ANY);
  return parsed.ok ? parsed.value : null;
}

/** The right answer of a number question as the explanation writes it: 34,826, 0.665, −2. */
export function answerText(question: NumberQuestion): string {
  return formatValue(question.answer);
}

/** Whether `value` is within the question's tolerance of its answer (float noise forgiven). */
export function withinTolerance(value: number, question: NumberQuestion): boolean {
  const slack = 1e-9 * Math.max(1, Math.abs(question.answer));
  return Math.abs(value - question.answer) <= question.tolerance + slack;
}

export interface ChoiceGrade {
  readonly kind: 'choice';
  readonly correct: boolean;
  /** False when the response is not one of the options: it is then not counted as an answer. */
  readonly valid: boolean;
  /** The option chosen, null when the response was not an option. */
  readonly chosen: number | null;
  /** The index of the right option. */
  readonly answer: number;
}

export interface NumberGrade {
  readonly kind: 'number';
  readonly correct: boolean;
  /** False when the response could not be read as a number: it is then not counted as an answer. */
  readonly valid: boolean;
  /** The number read from the response, null when there was none. */
  readonly value: number | null;
  /** The right answer, and as the explanation writes it. */
  readonly answer: number;
  readonly answerText: string;
}

export type Grade = ChoiceGrade | NumberGrade;

/**
 * Judges a response: an option's index for a multiple-choice question; the typed text (or a
 * number already read) for a number question.
 */
export function grade(question: Choice, response: number): ChoiceGrade;
export function grade(question: NumberQuestion, response: string | number): NumberGrade;
export function grade(question: Question, response: string | number): Grade;
export function grade(question: Question, response: string | number): Grade {
  if (question.kind === 'choice') {
    const valid = typeof response === 'number' && Number.isInteger(response) && response >= 0 && response < question.options.length;
    const chosen = valid ? response : null;
    return { kind: 'choice', correct: chosen === question.correct, valid, chosen, answer: question.correct };
  }
  const value = typeof response === 'number' ? (Number.isFinite(response) ? response : null) : parseNumberAnswer(response);
  return {
    kind: 'number',
    correct: value !== null && withinTolerance(value, question),
    valid: value !== null,
    value,
    answer: question.answer,
    answerText: answerText(question),
  };
}
