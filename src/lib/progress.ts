/**
 * The learner's progress (issue #15, item 3): which lessons they have read to the end and their
 * latest answer to each self-check exercise. Kept in the browser's localStorage under one key,
 * never sent anywhere; shared by both editions (the lessons and questions have the same ids).
 *
 * The outlines (home page and lesson sidebar) are decorated by an inline script
 * (src/site/progress-script.ts), so that a page without demos still loads no JavaScript file:
 * the functions it uses are copied from their source text and are therefore self-contained
 * (no imports, no helpers from outside their own body).
 */

import { browserStorage } from './storage/browser-storage.ts';

export const PROGRESS_KEY = 'cnn-course.progress';
/** The window event the exercises island sends after it saved an answer (the outlines refresh). */
export const PROGRESS_EVENT = 'cnn-course:progress';

export interface Answer {
  /** Whether the answer was right. */
  readonly right: boolean;
  /** What the learner answered: the option's index, or the text they typed. */
  readonly response: string;
}

export interface Progress {
  /** Lessons read to the end, by slug, in the order they were first read. */
  readonly read: readonly string[];
  /** The latest answer to each exercise, by question id. */
  readonly answers: Readonly<Record<string, Answer>>;
}

export const EMPTY_PROGRESS: Progress = { read: [], answers: {} };

/**
 * Progress from its stored text. Anything that is not what `serializeProgress` writes (no value,
 * broken JSON, another shape, stray entries) reads as no progress or is skipped: a damaged store
 * never stops a page. Self-contained (inlined by src/site/progress-script.ts).
 */
export function parseProgress(text: string | null | undefined): Progress {
  const empty = { read: [] as string[], answers: {} as Record<string, { right: boolean; response: string }> };
  if (typeof text !== 'string' || text === '') return empty;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return empty;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return empty;
  const r = raw as { read?: unknown; answers?: unknown };
  const read = Array.isArray(r.read) ? [...new Set(r.read.filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length < 100))] : [];
  const answers: Record<string, { right: boolean; response: string }> = {};
  if (typeof r.answers === 'object' && r.answers !== null && !Array.isArray(r.answers)) {
    for (const [id, a] of Object.entries(r.answers as Record<string, unknown>)) {
      if (typeof a !== 'object' || a === null) continue;
      const { right, response } = a as { right?: unknown; response?: unknown };
      if (typeof right === 'boolean' && typeof response === 'string' && id.length < 200) answers[id] = { right, response: response.slice(0, 100) };
    }
  }
  return { read, answers };
}

export function serializeProgress(p: Progress): string {
  return JSON.stringify({ read: p.read, answers: p.answers });
}

/** `p` with `slug` read (unchanged if it already was). Self-contained. */
export function withRead(p: Progress, slug: string): Progress {
  return p.read.includes(slug) ? p : { read: [...p.read, slug], answers: p.answers };
}

export function withAnswer(p: Progress, id: string, answer: Answer): Progress {
  return { read: p.read, answers: { ...p.answers, [id]: { right: answer.right, response: answer.response } } };
}

/** `p` without the answer to `id` (the learner tries the question again). */
export function withoutAnswer(p: Progress, id: string): Progress {
  if (!(id in p.answers)) return p;
  return { read: p.read, answers: Object.fromEntries(Object.entries(p.answers).filter(([k]) => k !== id)) };
}

export interface LessonProgress {
  readonly read: boolean;
  /** Questions of the lesson whose latest answer is right. */
  readonly right: number;
  /** Questions of the lesson answered at all. */
  readonly answered: number;
  readonly total: number;
}

/** One lesson's progress, given its question ids. Self-contained. */
export function lessonProgress(p: Progress, slug: string, questionIds: readonly string[]): LessonProgress {
  let right = 0;
  let answered = 0;
  for (const id of questionIds) {
    const a = p.answers[id];
    if (!a) continue;
    answered++;
    if (a.right) right++;
  }
  return { read: p.read.includes(slug), right, answered, total: questionIds.length };
}

/** The course's totals, given every lesson's question ids. Self-contained. */
export function courseProgress(p: Progress, lessons: readonly { slug: string; questions: readonly string[] }[]): { read: number; lessons: number; right: number; total: number } {
  let read = 0;
  let right = 0;
  let total = 0;
  for (const l of lessons) {
    if (p.read.includes(l.slug)) read++;
    total += l.questions.length;
    for (const id of l.questions) if (p.answers[id]?.right) right++;
  }
  return { read, lessons: lessons.length, right, total };
}

/** Reads the stored progress; no storage (a private mode) reads as none. */
export function loadProgress(storage: Pick<Storage, 'getItem'> | null = browserStorage()): Progress {
  if (!storage) return EMPTY_PROGRESS;
  try {
    return parseProgress(storage.getItem(PROGRESS_KEY));
  } catch {
    return EMPTY_PROGRESS;
  }
}

/** Stores `p`; false when the browser refused (the page goes on, the progress is only not kept). */
export function saveProgress(p: Progress, storage: Pick<Storage, 'setItem'> | null = browserStorage()): boolean {
  if (!storage) return false;
  try {
    storage.setItem(PROGRESS_KEY, serializeProgress(p));
    return true;
  } catch {
    return false;
  }
}
