import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { z } from 'astro/zod';

/** The front matter of a lesson, in either edition. */
const lessonSchema = z.object({
  title: z.string(),
  /** The lesson number shown to the learner, following the deck: "1-1", "3-10", "4". */
  number: z.string(),
  chapter: z.number().int().positive(),
  /** Position in the whole course, 1-based and contiguous. */
  order: z.number().int().positive(),
  /** One line for the outline on the home page. */
  summary: z.string(),
});

const chapterSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  summary: z.string(),
});

/** Lessons: one MDX file each in content/lessons (Japanese) and content/en/lessons (English), ordered by `order` through the whole course. */
const lessons = defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/lessons' }), schema: lessonSchema });
const lessonsEn = defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/en/lessons' }), schema: lessonSchema });
const chapters = defineCollection({ loader: file('./content/chapters.json'), schema: chapterSchema });
const chaptersEn = defineCollection({ loader: file('./content/en/chapters.json'), schema: chapterSchema });

export const collections = { lessons, lessonsEn, chapters, chaptersEn };
