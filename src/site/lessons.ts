/** Reads the content collections into the pure course outline (src/lib/course.ts). */
import { getCollection } from 'astro:content';
import { outline, orderLessons, type LessonMeta, type ChapterOutline } from '../lib/course.ts';

export async function loadLessons(): Promise<LessonMeta[]> {
  const entries = await getCollection('lessons');
  return orderLessons(entries.map((e) => ({ slug: e.id, ...e.data })));
}

export async function loadOutline(): Promise<ChapterOutline[]> {
  const chapters = await getCollection('chapters');
  return outline(chapters.map((c) => c.data), await loadLessons());
}
