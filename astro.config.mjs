// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { searchIndex } from './src/integrations/search.ts';
import { offline } from './src/integrations/offline.ts';
import { rehypeFocusableTables } from './src/site/rehype-tables.ts';

/**
 * The site can be deployed under a sub-path (for example GitHub Pages' /repo/):
 * `BASE_PATH=/repo/ npm run build`. Every internal link goes through `withBase()`.
 */
const base = process.env.BASE_PATH ?? '/';
/**
 * `CNN_COURSE_TEST_HOOKS=1` makes the end-to-end tests' build: the same site plus the test-only
 * switches (lose the GPU, make a run diverge), compiled out of every other build.
 * `ASTRO_OUT_DIR` lets the tests keep their builds beside the production one in dist/.
 */
const testHooks = process.env.CNN_COURSE_TEST_HOOKS === '1';
/**
 * Pages that are tools, not lessons (src/tools/): the page `npm run pretrain` drives and the
 * demo kit's gallery the tests drive. Only the flagged build has them; the deployed site does not.
 */
const toolPages = {
  name: 'cnn-course-tools',
  hooks: {
    /** @param {{ injectRoute: (r: { pattern: string; entrypoint: string; prerender?: boolean }) => void }} options */
    'astro:config:setup': ({ injectRoute }) => {
      if (!testHooks) return;
      injectRoute({ pattern: '/tools/pretrain/', entrypoint: './src/tools/pretrain.astro', prerender: true });
      injectRoute({ pattern: '/tools/kit/', entrypoint: './src/tools/kit.astro', prerender: true });
      injectRoute({ pattern: '/tools/bench/', entrypoint: './src/tools/bench.astro', prerender: true });
    },
  },
};
const outDir = process.env.ASTRO_OUT_DIR ?? './dist';

export default defineConfig({
  base,
  outDir,
  trailingSlash: 'always',
  // Astro 7's default Markdown processor ignores remark/rehype plugins, so KaTeX
  // would not run; the unified processor honours them and MDX inherits it.
  markdown: {
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex, rehypeFocusableTables] }),
    // Both themes are emitted as CSS variables; global.css picks one with light-dark().
    shikiConfig: { themes: { light: 'github-light-default', dark: 'github-dark-default' }, defaultColor: false },
  },
  // After the build: the search index first, then the service worker that precaches it.
  integrations: [mdx(), preact(), toolPages, searchIndex(), offline()],
  build: { inlineStylesheets: 'never' },
  vite: {
    define: { __CNN_TEST_HOOKS__: JSON.stringify(testHooks) },
    worker: {
      // The default iife format inlines the whole worker (and its copy of tfjs) as a string.
      format: 'es',
      rolldownOptions: { output: { comments: false } },
    },
  },
});
