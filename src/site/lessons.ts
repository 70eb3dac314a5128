/** Reads the content collections of an edition into the pure course outline (src/lib/course.ts). */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { outline, orderLessons, type LessonMeta, type ChapterOutline } from '../lib/course.ts';
import type { Locale } from '../i18n/locale.ts';

export type LessonEntry = CollectionEntry<'lessons'> | CollectionEntry<'lessonsEn'>;

export async function lessonEntries(locale: Locale): Promise<LessonEntry[]> {
  return locale === 'en' ? getCollection('lessonsEn') : getCollection('lessons');
}

export async function loadLessons(locale: Locale): Promise<LessonMeta[]> {
  const entries = await lessonEntries(locale);
  return orderLessons(entries.map((e) => ({ slug: e.id, ...e.data })));
}

export async function loadOutline(locale: Locale): Promise<ChapterOutline[]> {
  const chapters = locale === 'en' ? await getCollection('chaptersEn') : await getCollection('chapters');
  return outline(chapters.map((c) => c.data), await loadLessons(locale));
}

/** The headings a lesson's table of contents lists (## and ###), in order: the sections both editions share. */
export function sectionIds(headings: readonly { depth: number; slug: string }[]): string[] {
  return headings.filter((h) => h.depth === 2 || h.depth === 3).map((h) => h.slug);
}

/**
 * One static path per lesson of `locale`, with the other edition's section ids for the language
 * switch (the n-th section here is the n-th there).
 */
export async function lessonStaticPaths(locale: Locale) {
  const entries = await lessonEntries(locale);
  const others = await lessonEntries(locale === 'en' ? 'ja' : 'en');
  return Promise.all(
    entries.map(async (entry) => {
      const other = others.find((o) => o.id === entry.id);
      const otherSections = other ? sectionIds((await render(other)).headings) : [];
      return { params: { slug: entry.id }, props: { entry, otherSections } };
    }),
  );
}
