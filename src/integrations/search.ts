import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * What the index leaves out of a lesson's prose (`data-pagefind-body`, src/layouts/LessonLayout.astro):
 * the demos' controls and read-outs (their labels would match every search for 学習 or "rate"),
 * placeholders, display formulas (a run of glyphs in an excerpt), and KaTeX's MathML copy of
 * inline ones (its TeX source would show in excerpts; the rendered symbol stays in the sentence).
 */
const EXCLUDE = ['.demo', '.demo-slot', 'astro-island', '.katex-display', '.katex-mathml', 'script', 'style'];

/** The languages every build's index must hold: one index per edition (`<html lang>`). */
const LANGUAGES = ['ja', 'en'];

/**
 * Builds the full-text search index after the site is built (issue #15, search): Pagefind reads
 * the written pages and writes its bundle to `<outDir>/pagefind/` (the index split by language,
 * its WebAssembly and `pagefind.js`), which only the search page loads. Runs for every build, at
 * any base; a build whose index is missing a language, or that indexed no lesson, fails.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'cnn-course-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const outputPath = join(site, 'pagefind');
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE });
          if (!index) throw new Error(`search: Pagefind did not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(`search: indexing ${site} failed: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error(`search: no HTML page in ${site}`);
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length > 0) throw new Error(`search: writing ${outputPath} failed: ${written.errors.join('; ')}`);
          const entry = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { page_count?: number }> };
          const languages = entry.languages ?? {};
          const missing = LANGUAGES.filter((l) => !languages[l]?.page_count);
          if (missing.length > 0) throw new Error(`search: the index has no page in ${missing.join(', ')} (found: ${Object.keys(languages).join(', ') || 'none'})`);
          const counts = LANGUAGES.map((l) => `${l} ${String(languages[l]?.page_count ?? 0)}`).join(', ');
          logger.info(`read ${String(added.page_count)} pages, indexed the lessons (${counts}) into pagefind/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
