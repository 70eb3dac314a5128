/**
 * Questions and scores looked up in the bank. Apart from grade.ts, so that the exercises island
 * (which gets its lesson's questions as props) does not bundle the whole bank. Pure: no DOM.
 */
import { EXERCISES } from './bank.ts';
import type { LessonSlug, Question } from './types.ts';

/** How many of a lesson's questions were answered right (ids of right answers, any lesson's). */
export function lessonScore(
  slug: LessonSlug,
  answeredRightIds: Iterable<string>,
  bank: Readonly<Record<LessonSlug, readonly Question[]>> = EXERCISES,
): { readonly right: number; readonly total: number } {
  const rightIds = new Set(answeredRightIds);
  const questions = bank[slug];
  return { right: questions.filter((q) => rightIds.has(q.id)).length, total: questions.length };
}

/** A question by its id, or undefined. */
export function questionById(id: string, bank: Readonly<Record<LessonSlug, readonly Question[]>> = EXERCISES): Question | undefined {
  for (const questions of Object.values(bank)) {
    const q = questions.find((x) => x.id === id);
    if (q) return q;
  }
  return undefined;
}
