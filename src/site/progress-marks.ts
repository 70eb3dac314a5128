/**
 * The attributes an outline link carries so that the progress script (src/site/progress-script.ts)
 * can mark it: the lesson's slug and its question ids. Build-time only.
 */
import { EXERCISES } from '../lib/exercises/bank.ts';
import { LESSON_SLUGS, type LessonSlug } from '../lib/exercises/types.ts';

export function questionIds(slug: string): string[] {
  return (LESSON_SLUGS as readonly string[]).includes(slug) ? EXERCISES[slug as LessonSlug].map((q) => q.id) : [];
}

export function progressAttributes(slug: string): Record<string, string> {
  return { 'data-progress-slug': slug, 'data-progress-questions': questionIds(slug).join(' ') };
}
