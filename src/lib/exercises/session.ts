/**
 * The state of one lesson's exercises as the learner works through them: what is typed or chosen
 * (a draft), what checking it gives, and the draft a stored answer restores. Pure: no DOM. The
 * island (src/components/exercises/ExercisesIsland.tsx) renders it; src/lib/progress.ts keeps it.
 */
import type { Answer } from '../progress.ts';
import { grade, parseNumberAnswer } from './grade.ts';
import type { Question } from './types.ts';

export type Draft = { readonly kind: 'choice'; readonly chosen: number | null } | { readonly kind: 'number'; readonly text: string };

export type Attempt =
  /** Nothing to grade yet: no option chosen, or the text is not a number. Not recorded. */
  | { readonly kind: 'invalid'; readonly reason: 'choose' | 'number' }
  | { readonly kind: 'graded'; readonly right: boolean; readonly response: string };

export function emptyDraft(q: Question): Draft {
  return q.kind === 'choice' ? { kind: 'choice', chosen: null } : { kind: 'number', text: '' };
}

/** Checks a draft: an answer to record, or why there is none. */
export function attempt(q: Question, draft: Draft): Attempt {
  if (q.kind === 'choice') {
    const chosen = draft.kind === 'choice' ? draft.chosen : null;
    if (chosen === null) return { kind: 'invalid', reason: 'choose' };
    const g = grade(q, chosen);
    return g.valid ? { kind: 'graded', right: g.correct, response: String(chosen) } : { kind: 'invalid', reason: 'choose' };
  }
  const text = draft.kind === 'number' ? draft.text : '';
  if (parseNumberAnswer(text) === null) return { kind: 'invalid', reason: 'number' };
  const g = grade(q, text);
  return { kind: 'graded', right: g.correct, response: text.trim() };
}

/**
 * The draft a stored answer stands for, or undefined when it does not fit the question (the
 * bank changed since: an option that no longer exists) — the question is then open again.
 */
export function draftFromAnswer(q: Question, a: Answer): Draft | undefined {
  if (q.kind === 'choice') {
    const chosen = Number(a.response);
    return Number.isInteger(chosen) && chosen >= 0 && chosen < q.options.length ? { kind: 'choice', chosen } : undefined;
  }
  return parseNumberAnswer(a.response) === null ? undefined : { kind: 'number', text: a.response };
}

/**
 * Whether a stored answer still holds: it must fit the question and grade as it was recorded (a
 * bank whose right answer moved re-grades, and the learner's record follows the code).
 */
export function regrade(q: Question, a: Answer): Answer | undefined {
  const draft = draftFromAnswer(q, a);
  if (!draft) return undefined;
  const result = attempt(q, draft);
  return result.kind === 'graded' ? { right: result.right, response: result.response } : undefined;
}
