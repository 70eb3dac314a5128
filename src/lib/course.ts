/**
 * The course outline: lessons in order, grouped by chapter, with previous/next neighbours.
 * Pure data in, pure data out, so the ordering rules are unit-tested without Astro.
 */

export interface LessonMeta {
  readonly slug: string;
  readonly title: string;
  readonly number: string;
  readonly chapter: number;
  readonly order: number;
  readonly summary: string;
}

export interface ChapterMeta {
  readonly number: number;
  readonly title: string;
  readonly summary: string;
}

export interface ChapterOutline extends ChapterMeta {
  readonly lessons: readonly LessonMeta[];
}

/** Lessons sorted by `order`; throws if orders repeat or leave gaps, or a chapter goes backwards. */
export function orderLessons(lessons: readonly LessonMeta[]): LessonMeta[] {
  const sorted = [...lessons].sort((a, b) => a.order - b.order);
  sorted.forEach((l, i) => {
    if (l.order !== i + 1) {
      throw new Error(`lesson orders must run 1..${sorted.length} without gaps or repeats; "${l.slug}" has order ${l.order}, expected ${i + 1}`);
    }
    const prev = sorted[i - 1];
    if (prev && prev.chapter > l.chapter) {
      throw new Error(`lesson "${l.slug}" (chapter ${l.chapter}) comes after "${prev.slug}" (chapter ${prev.chapter})`);
    }
  });
  return sorted;
}

export function outline(chapters: readonly ChapterMeta[], lessons: readonly LessonMeta[]): ChapterOutline[] {
  const ordered = orderLessons(lessons);
  for (const l of ordered) {
    if (!chapters.some((c) => c.number === l.chapter)) {
      throw new Error(`lesson "${l.slug}" names chapter ${l.chapter}, which does not exist`);
    }
  }
  return [...chapters]
    .sort((a, b) => a.number - b.number)
    .map((c) => ({ ...c, lessons: ordered.filter((l) => l.chapter === c.number) }));
}

export interface Neighbours {
  readonly prev: LessonMeta | undefined;
  readonly next: LessonMeta | undefined;
  readonly index: number;
  readonly total: number;
}

export function neighbours(lessons: readonly LessonMeta[], slug: string): Neighbours {
  const ordered = orderLessons(lessons);
  const index = ordered.findIndex((l) => l.slug === slug);
  if (index < 0) throw new Error(`no lesson "${slug}"`);
  return { prev: ordered[index - 1], next: ordered[index + 1], index, total: ordered.length };
}
