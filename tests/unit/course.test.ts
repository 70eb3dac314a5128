import { describe, expect, it } from 'vitest';
import { neighbours, orderLessons, outline, type LessonMeta } from '../../src/lib/course.ts';
import { joinBase, lessonPath } from '../../src/lib/paths.ts';

const lesson = (slug: string, order: number, chapter: number): LessonMeta => ({ slug, order, chapter, title: slug, number: String(order), summary: '' });
const chapters = [1, 2].map((number) => ({ number, title: `c${number}`, summary: '' }));

describe('course outline', () => {
  const lessons = [lesson('c', 3, 2), lesson('a', 1, 1), lesson('b', 2, 1)];

  it('orders lessons and groups them by chapter', () => {
    expect(orderLessons(lessons).map((l) => l.slug)).toEqual(['a', 'b', 'c']);
    expect(outline(chapters, lessons).map((c) => c.lessons.map((l) => l.slug))).toEqual([['a', 'b'], ['c']]);
  });

  it('links each lesson to its neighbours', () => {
    expect(neighbours(lessons, 'a')).toMatchObject({ prev: undefined, next: { slug: 'b' }, index: 0, total: 3 });
    expect(neighbours(lessons, 'c')).toMatchObject({ prev: { slug: 'b' }, next: undefined, index: 2 });
    expect(() => neighbours(lessons, 'zz')).toThrow(/no lesson/);
  });

  it('refuses gaps, repeats, backward chapters and unknown chapters', () => {
    expect(() => orderLessons([lesson('a', 1, 1), lesson('b', 3, 1)])).toThrow(/order 3, expected 2/);
    expect(() => orderLessons([lesson('a', 1, 1), lesson('b', 1, 1)])).toThrow(/expected 2/);
    expect(() => orderLessons([lesson('a', 1, 2), lesson('b', 2, 1)])).toThrow(/comes after/);
    expect(() => outline(chapters, [lesson('a', 1, 9)])).toThrow(/chapter 9/);
  });
});

describe('paths under a base', () => {
  it('joins with and without a sub-path', () => {
    expect(joinBase('/', lessonPath('cnn'))).toBe('/lessons/cnn/');
    expect(joinBase('/course', 'lessons/cnn/')).toBe('/course/lessons/cnn/');
    expect(joinBase('/course/', '/favicon.svg')).toBe('/course/favicon.svg');
  });
});
